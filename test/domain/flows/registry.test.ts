import { t } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CASE_KINDS,
  CASE_STATUSES,
  ackMinutesOf,
  articlesOf,
  caseCategory,
  caseIdPrefix,
  caseTitle,
  formatCaseId,
  parseCaseId,
  severityOf,
} from '../../../src/domain/cases';
import { isCitation } from '../../../src/domain/articles';
import { INTENTS } from '../../../src/domain/intents';
import { FLOWS, getFlow, validateFlow } from '../../../src/domain/flows';
import { JAPANESE, VALID, ctx } from './fixtures';

describe('cases', () => {
  it.each([
    ['lost_ic_card', 'incident', 'INC', 'critical', 15],
    ['virus', 'incident', 'INC', 'critical', 15],
    ['misdirected_mail', 'incident', 'INC', 'high', 30],
    ['password_leak', 'incident', 'INC', 'high', 30],
    ['device_lost', 'incident', 'INC', 'critical', 15],
    ['system_failure', 'incident', 'INC', 'high', 30],
    ['takeout', 'request', 'REQ', 'normal', 480],
    ['exception', 'request', 'REQ', 'normal', 480],
    ['software_install', 'request', 'REQ', 'normal', 480],
    ['private_device', 'request', 'REQ', 'normal', 480],
  ] as const)('%s: %s %s %s %d min', (kind, category, prefix, severity, minutes) => {
    expect(caseCategory(kind)).toBe(category);
    expect(caseIdPrefix(kind)).toBe(prefix);
    expect(severityOf(kind)).toBe(severity);
    expect(ackMinutesOf(kind)).toBe(minutes);
    expect(t('ja', caseTitle(kind))).toMatch(JAPANESE);
    expect(articlesOf(kind).length).toBeGreaterThan(0);
  });

  it('every case kind is an intent of the bot', () => {
    for (const kind of CASE_KINDS) expect(INTENTS).toContain(kind);
  });

  it('lost IC card cites 10(9)①エ, ②, ③', () => {
    expect(articlesOf('lost_ic_card')).toEqual(['10(9)①エ', '10(9)②', '10(9)③']);
  });

  it.each([
    ['INC', 2026, 1, 'INC-2026-0001'],
    ['REQ', 2026, 42, 'REQ-2026-0042'],
    ['INC', 2027, 9999, 'INC-2027-9999'],
    ['REQ', 2027, 12345, 'REQ-2027-12345'],
  ] as const)('formatCaseId(%s, %d, %d) = %s and parses back', (prefix, year, seq, id) => {
    expect(formatCaseId(prefix, year, seq)).toBe(id);
    expect(parseCaseId(id)).toEqual({ prefix, year, seq });
  });

  it.each([
    [0, 'sequence'],
    [-1, 'sequence'],
    [1.5, 'sequence'],
  ])('formatCaseId rejects sequence %d', (seq) => {
    expect(() => formatCaseId('INC', 2026, seq)).toThrow(RangeError);
  });

  it.each(['INC-2026-1', 'XYZ-2026-0001', 'INC-2026-0000', 'inc-2026-0001'])(
    'parseCaseId(%s) = null',
    (id) => {
      expect(parseCaseId(id)).toBeNull();
    },
  );

  it('statuses include endorsed for exception stage 1', () => {
    expect(CASE_STATUSES).toEqual([
      'submitted',
      'acknowledged',
      'endorsed',
      'approved',
      'rejected',
      'cancelled',
      'closed',
    ]);
  });
});

describe('flow registry', () => {
  it('has one flow per case kind, under its own kind', () => {
    expect(Object.keys(FLOWS).sort()).toEqual([...CASE_KINDS].sort());
    for (const kind of CASE_KINDS) expect(getFlow(kind).kind).toBe(kind);
  });

  describe.each(CASE_KINDS)('%s', (kind) => {
    const flow = getFlow(kind);

    it('shows guidance in Japanese and English, each citing an article', () => {
      expect(flow.guidance.length).toBeGreaterThan(0);
      for (const g of flow.guidance) {
        expect(t('ja', g.text)).toMatch(JAPANESE);
        expect(t('en', g.text)).not.toMatch(JAPANESE);
        // A key of the article table, or 運用ルール for the organisation's own practice.
        expect(isCitation(g.article)).toBe(true);
      }
    });

    it('describes exactly the fields its schema parses, in Japanese', () => {
      const shape = (flow.FormSchema as unknown as z.ZodObject).shape as Record<string, unknown> | undefined;
      const schemaKeys = Object.keys(shape ?? {});
      expect(flow.fields.map((f) => f.id)).toEqual(schemaKeys);
      for (const f of flow.fields) {
        expect(t('ja', f.label)).toMatch(JAPANESE);
        expect(t('en', f.label).length).toBeGreaterThan(0);
        if (f.kind === 'choice' || f.kind === 'multichoice') {
          expect(f.choices?.length).toBeGreaterThan(1);
          for (const c of f.choices ?? []) expect(t('ja', c.label)).toMatch(JAPANESE);
        }
      }
    });

    it('accepts the valid fixture', () => {
      const r = validateFlow(kind, VALID[kind], ctx);
      expect(r).toMatchObject({ ok: true });
    });

    it('rejects an empty submission with a Japanese error on every required field', () => {
      const r = validateFlow(kind, {}, ctx);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const required = flow.fields.filter((f) => f.required).map((f) => f.id);
      expect(Object.keys(r.errors).sort()).toEqual([...required].sort());
      for (const e of Object.values(r.errors)) {
        expect(t('ja', e)).toMatch(JAPANESE);
        expect(t('en', e)).not.toMatch(JAPANESE);
      }
    });

    it('rejects a non-object with a form-level error', () => {
      const r = validateFlow(kind, 'hello', ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(t('ja', r.errors._form)).toMatch(JAPANESE);
    });

    it('ignores extra card data such as the verb', () => {
      const r = validateFlow(kind, { ...VALID[kind], verb: 'flow.submit', caseKind: kind }, ctx);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value).not.toHaveProperty('verb');
    });
  });
});
