import { t } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import { CASE_KINDS } from '../../../src/domain/cases';
import { FLOWS } from '../../../src/domain/flows';
import {
  answerLimit,
  cleanText,
  defaultAnswers,
  limitAnswers,
  type FieldDef,
} from '../../../src/domain/flows/form';
import { CASE_TEXT_MAX_LENGTH, CaseActionSchema } from '../../../src/domain/decisions';
import { jstDateTimeInput } from '../../../src/domain/policy/jst';
import { NOW, VALID, ctx } from './fixtures';

const isText = (f: FieldDef) => f.kind === 'text' || f.kind === 'textarea';

const TEXT_FIELDS = CASE_KINDS.flatMap((kind) =>
  FLOWS[kind].fields.filter(isText).map((f) => [kind, f.id, f] as const),
);

describe('every free-text field has a limit the server enforces', () => {
  it('covers every flow', () => {
    expect(new Set(TEXT_FIELDS.map(([kind]) => kind)).size).toBe(CASE_KINDS.length);
  });

  it.each(TEXT_FIELDS)('%s.%s', (kind, id, field) => {
    const max = answerLimit(field);
    expect(field.maxLength).toBe(max);
    expect(max).toBeGreaterThan(0);
    expect(max).toBeLessThanOrEqual(2000);
    // E-mail fields keep their format check; fill them with an address of the right length.
    const filled = (n: number) =>
      /Address$/.test(id) ? `${'a'.repeat(n - '@example.jp'.length)}@example.jp` : 'あ'.repeat(n);
    const at = FLOWS[kind].validate({ ...VALID[kind], [id]: filled(max) }, ctx);
    if (!at.ok) expect(at.errors[id]).toBeUndefined();
    const over = FLOWS[kind].validate({ ...VALID[kind], [id]: filled(max + 1) }, ctx);
    expect(over.ok).toBe(false);
    if (over.ok) return;
    // The message says the limit and how much was written.
    expect(t('ja', over.errors[id])).toContain(`${max}文字以内`);
    expect(t('ja', over.errors[id])).toContain(`入力: ${max + 1}文字`);
    expect(t('en', over.errors[id])).toContain(`at most ${max} characters (you entered ${max + 1}`);
  });
});

describe('limitAnswers: what a draft may hold', () => {
  const flow = FLOWS.lost_ic_card;

  it('cuts an over-long text to its limit and keeps every other answer as typed', () => {
    const answers = { ...VALID.lost_ic_card, circumstances: 'あ'.repeat(100_000) };
    const stored = limitAnswers(flow.fields, answers);
    expect(stored.circumstances).toBe('あ'.repeat(2000));
    expect({ ...stored, circumstances: undefined }).toEqual({ ...answers, circumstances: undefined });
  });

  it('bounds the values of every kind of input, whatever a client sends', () => {
    const junk = 'x'.repeat(100_000);
    for (const kind of CASE_KINDS) {
      const fields = FLOWS[kind].fields;
      const stored = limitAnswers(fields, Object.fromEntries(fields.map((f) => [f.id, junk])));
      for (const f of fields) expect(stored[f.id]?.length).toBeLessThanOrEqual(answerLimit(f));
      expect(JSON.stringify(stored).length).toBeLessThan(8000);
    }
  });

  it('never cuts a valid value and ignores keys that are not fields', () => {
    for (const kind of CASE_KINDS) {
      expect(limitAnswers(FLOWS[kind].fields, { ...VALID[kind], extra: 'x' })).toEqual(VALID[kind]);
    }
  });

  it('does not split a surrogate pair at the cut', () => {
    const stored = limitAnswers(flow.fields, { place: `${'あ'.repeat(199)}😀😀` });
    expect(stored.place).toBe('あ'.repeat(199));
  });
});

describe('cleanText', () => {
  it('removes invisible controls and bidi overrides, keeps tabs and newlines', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\u202ef\u2066g\th\r\ni\rj')).toBe('abcdefg\th\ni\nj');
  });

  it('replaces lone surrogates and keeps pairs', () => {
    expect(cleanText('a\ud800b😀c\udc00')).toBe('a\ufffdb😀c\ufffd');
  });

  it('is what a case card input keeps, within the same limit as the input', () => {
    expect(CaseActionSchema.parse({ name: 'case.reject', comment: '理由\u202e\u0000です' })).toEqual({
      name: 'case.reject',
      comment: '理由です',
    });
    const at = 'あ'.repeat(CASE_TEXT_MAX_LENGTH);
    expect(CaseActionSchema.safeParse({ name: 'case.reject', comment: at }).success).toBe(true);
    expect(CaseActionSchema.safeParse({ name: 'case.reject', comment: `${at}あ` }).success).toBe(false);
    expect(CaseActionSchema.safeParse({ name: 'case.record', records: { scope: `${at}あ` } }).success).toBe(
      false,
    );
  });

  it('is what the validator keeps', () => {
    const v = FLOWS.lost_ic_card.validate({ ...VALID.lost_ic_card, place: '会議室\u202e\u0000' }, ctx);
    expect(v.ok && v.value.place).toBe('会議室');
  });
});

describe('defaultAnswers: urgent reports start at now', () => {
  it('fills the "when" of every incident with the current Japan time, to the minute', () => {
    const now = new Date('2026-04-10T02:47:59.900Z'); // 11:47:59 JST
    for (const kind of CASE_KINDS) {
      const fields = FLOWS[kind].fields;
      const defaults = defaultAnswers(fields, now);
      const datetimes = fields.filter((f) => f.kind === 'datetime').map((f) => f.id);
      expect(Object.keys(defaults)).toEqual(datetimes);
      for (const id of datetimes) expect(defaults[id]).toBe('2026-04-10T11:47');
    }
    // Every incident has one; no request has any.
    expect(Object.keys(defaultAnswers(FLOWS.virus.fields, now))).toEqual(['detectedAt']);
    expect(defaultAnswers(FLOWS.takeout.fields, now)).toEqual({});
  });

  it('is never in the future, so the report passes the "not in the future" rule at once', () => {
    const v = FLOWS.virus.validate({ ...VALID.virus, ...defaultAnswers(FLOWS.virus.fields, NOW) }, ctx);
    expect(v.ok).toBe(true);
    expect(jstDateTimeInput(new Date('2026-12-31T14:59:59.999Z'))).toBe('2026-12-31T23:59');
    expect(jstDateTimeInput(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01T00:00');
  });
});
