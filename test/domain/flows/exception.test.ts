import { t } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/domain/flows/exception';
import { exceptionStages } from '../../../src/domain/policy/exception';
import { VALID, ctx } from './fixtures';

const base = VALID.exception;

describe('exception form', () => {
  it('parses to typed values; normal → endorse then approve', () => {
    const r = validate(base, ctx);
    expect(r).toMatchObject({
      ok: true,
      value: {
        periodStart: '2026-04-10',
        periodEnd: '2026-04-30',
        urgent: false,
        provision: '対策基準 10(4)③',
      },
    });
    if (r.ok) expect(exceptionStages(r.value).map((s) => s.stage)).toEqual(['endorse', 'approve']);
  });

  it('an urgent exception may already be in force (12(6)②)', () => {
    const r = validate({ ...base, urgent: 'true', periodStart: '2026-04-08' }, ctx);
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(exceptionStages(r.value).at(-1)).toMatchObject({ stage: 'post_report', acknowledgeOnly: true });
  });

  it.each([
    ['periodStart', { periodStart: '2026-04-08' }, /過去の日付/],
    ['periodEnd', { periodEnd: '2026-04-09' }, /「適用終了日」は「適用開始日」以降/],
    ['periodEnd', { urgent: 'true', periodStart: '2026-04-01', periodEnd: '2026-04-05' }, /過去の日付/],
    ['alternative', { alternative: '' }, /代替措置」を入力/],
    ['reason', { reason: 'あ'.repeat(2001) }, /2000文字以内/],
  ])('%s: %j → error', (field, over, message) => {
    const r = validate({ ...base, ...over }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t('ja', r.errors[field])).toMatch(message);
  });
});
