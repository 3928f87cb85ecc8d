import { t } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/domain/flows/lost-ic-card';
import { JAPANESE, VALID, ctx } from './fixtures';

const base = VALID.lost_ic_card;

describe('lost IC card form', () => {
  it('parses to typed values (JST datetime → Date, empty optional → undefined)', () => {
    const r = validate(base, ctx);
    expect(r).toEqual({
      ok: true,
      value: {
        cardKind: 'own',
        lostAt: new Date('2026-04-09T23:30:00Z'), // 08:30 JST on the 10th
        place: '本庁舎3階 第2会議室',
        circumstances: '朝の会議後、首から下げていたストラップごと見当たらない。',
      },
    });
  });

  it.each([
    ['cardKind', { cardKind: 'lent' }, /カードの種類/],
    ['lostAt', { lostAt: '2026-04-31T10:00' }, /正しい日時/],
    ['lostAt', { lostAt: '2026-04-10T12:01' }, /未来/],
    ['place', { place: '   ' }, /紛失した場所/],
    ['cardNumber', { cardNumber: 'x'.repeat(51) }, /50文字以内/],
  ])('%s: %j → Japanese error on that field', (field, over, message) => {
    const r = validate({ ...base, ...over }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors)).toEqual([field]);
    expect(t('ja', r.errors[field])).toMatch(message);
    expect(t('ja', r.errors[field])).toMatch(JAPANESE);
  });

  it('accepts the current minute and a shared card with its number', () => {
    const r = validate(
      { ...base, lostAt: '2026-04-10T12:00', cardKind: 'shared', cardNumber: ' 0012345 ' },
      ctx,
    );
    expect(r.ok && r.value.cardNumber).toBe('0012345');
  });
});
