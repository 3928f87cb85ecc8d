import { t } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/domain/flows/misdirected-mail';
import { assessMisdirectedMail } from '../../../src/domain/policy/data-leak';
import { NOW, VALID, ctx } from './fixtures';

const base = VALID.misdirected_mail;

describe('misdirected mail form', () => {
  it('parses to typed values and feeds the leak assessment', () => {
    const r = validate(base, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      sentAt: new Date('2026-04-10T01:05:00Z'),
      recipientScope: 'external',
      classification: 'I',
      personalInfo: true,
      affectedPersons: 120,
      sensitivePersonalInfo: false,
      attachment: 'not_encrypted',
      deletionRequested: true,
    });
    const a = assessMisdirectedMail(r.value, NOW);
    expect(a.mustReportToCommission).toBe(true);
    expect(a.severity).toBe('critical');
  });

  it('accepts full-width digits for the number of persons', () => {
    const r = validate({ ...base, affectedPersons: '１０１' }, ctx);
    expect(r.ok && r.value.affectedPersons).toBe(101);
  });

  it('number of persons is optional without personal information', () => {
    const r = validate({ ...base, personalInfo: 'false', affectedPersons: '' }, ctx);
    expect(r.ok).toBe(true);
  });

  it.each([
    ['affectedPersons', { affectedPersons: '' }, /個人情報を含む場合は「個人情報の本人の人数」を入力/],
    ['affectedPersons', { affectedPersons: '0' }, /1以上/],
    ['affectedPersons', { affectedPersons: '12.5' }, /整数/],
    [
      'personalInfo',
      { personalInfo: 'false', affectedPersons: '', sensitivePersonalInfo: 'true' },
      /個人情報を含む」をオン/,
    ],
    ['wrongAddress', { wrongAddress: 'tanaka' }, /メールアドレスの形式/],
    ['wrongAddress', { wrongAddress: 'TANAKA@example.lg.jp' }, /同じ/],
    ['classification', { classification: 'V' }, /重要性分類」の選択肢/],
    ['attachment', { attachment: '' }, /添付ファイル」を選択/],
    ['sentAt', { sentAt: '2026-04-10T13:00' }, /未来/],
  ])('%s: %j → error', (field, over, message) => {
    const r = validate({ ...base, ...over }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t('ja', r.errors[field])).toMatch(message);
  });
});
