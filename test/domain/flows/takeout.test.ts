import { t } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import { fields, guidance, validate } from '../../../src/domain/flows/takeout';
import { evaluateTakeout } from '../../../src/domain/policy/takeout';
import { VALID, ctx } from './fixtures';

const base = VALID.takeout;

describe('take-out form', () => {
  it('parses to typed values and to an approvable request', () => {
    const r = validate(base, ctx);
    expect(r).toEqual({
      ok: true,
      value: {
        itemKind: 'terminal',
        description: '説明会用ノートPC',
        assetNumber: 'PC-2024-0101',
        classification: 'II',
        purpose: '住民説明会での資料投影',
        destination: '〇〇市民センター',
        startDate: '2026-04-10',
        returnDate: '2026-04-11',
        protection: 'encryption',
        sameBuilding: false,
        mobileTerminal: true,
        remoteWipeEnabled: true,
      },
    });
    if (r.ok) expect(evaluateTakeout(r.value).decision).toBe('needs_approval');
  });

  it('asks whether a terminal or medium stays in the same building (10(4)①ただし書), and not for data', () => {
    const r = validate({ ...base, sameBuilding: 'true' }, ctx);
    expect(r.ok && r.value.sameBuilding).toBe(true);
    if (r.ok) expect(evaluateTakeout(r.value).decision).toBe('no_approval_needed');
    const field = fields.find((f) => f.id === 'sameBuilding');
    expect(field?.article).toBe('10(4)①ただし書');
    expect(field?.relevantWhen).toEqual({ field: 'itemKind', values: ['terminal', 'medium'] });
  });

  it('no longer says terminals and media always need permission (10(4)①ただし書)', () => {
    const texts = guidance.map((g) => t('ja', g.text)).join('\n');
    expect(texts).not.toMatch(/常に許可/);
    expect(guidance.map((g) => g.article)).toContain('10(4)①ただし書');
  });

  it('class II without protection passes validation and is refused by the policy (8(3)①オ)', () => {
    const r = validate({ ...base, protection: 'none' }, ctx);
    expect(r.ok).toBe(true);
    if (r.ok) expect(evaluateTakeout(r.value)).toMatchObject({ decision: 'refused' });
  });

  it('data needs no asset number; same-day return is fine', () => {
    const r = validate({ ...base, itemKind: 'data', assetNumber: '', returnDate: '2026-04-10' }, ctx);
    expect(r.ok).toBe(true);
  });

  it.each([
    [
      'returnDate',
      { returnDate: '2026-04-09', startDate: '2026-04-10' },
      /「返却予定日」は「持ち出し日」以降/,
    ],
    ['startDate', { startDate: '2026-04-09', returnDate: '2026-04-12' }, /過去の日付/],
    ['startDate', { startDate: '2026/04/10' }, /正しい日付/],
    ['returnDate', { returnDate: '2026-02-29' }, /正しい日付/],
    ['assetNumber', { assetNumber: '' }, /端末機・記録媒体の場合は「資産番号・媒体の識別番号」を入力/],
    ['itemKind', { itemKind: 'paper' }, /持ち出すもの」の選択肢/],
    ['protection', { protection: '' }, /保護措置」を選択/],
  ])('%s: %j → error', (field, over, message) => {
    const r = validate({ ...base, ...over }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t('ja', r.errors[field])).toMatch(message);
  });
});
