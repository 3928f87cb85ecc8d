import { t } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import { guidance, validate } from '../../../src/domain/flows/virus';
import { virusActions } from '../../../src/domain/policy/incident';
import { VALID, ctx } from './fixtures';

const base = VALID.virus;

describe('virus form', () => {
  it('guidance starts with disconnecting and keeping evidence', () => {
    expect(guidance[0]).toMatchObject({ article: '11(3)⑤' });
    expect(t('ja', guidance[0]?.text)).toMatch(/LANケーブルを抜き、Wi-Fiをオフ/);
    expect(guidance[1]).toMatchObject({ article: '12(5)②ク' });
    expect(t('ja', guidance[1]?.text)).toMatch(/電源は切らず/);
  });

  it('parses to typed values', () => {
    const r = validate(base, ctx);
    expect(r).toEqual({
      ok: true,
      value: {
        assetNumber: 'PC-2023-0456',
        trigger: 'antivirus',
        malwareName: 'Trojan:Win32/Wacatac',
        route: 'mail_attachment',
        detectedAt: new Date('2026-04-10T02:45:00Z'),
        disconnected: true,
      },
    });
  });

  it('still passes when not disconnected, and the evaluation says disconnect now', () => {
    const r = validate({ ...base, disconnected: 'false' }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.disconnected).toBe(false);
    expect(virusActions(r.value).map((a) => a.id)).toEqual(['disconnect_now']);
    expect(virusActions({ disconnected: true })).toEqual([]);
  });

  it.each([
    ['trigger', { trigger: '' }, /発見のきっかけ」を選択/],
    ['route', { route: 'bluetooth' }, /感染経路」の選択肢/],
    ['disconnected', { disconnected: 'yes' }, /値が正しくありません/],
    ['detectedAt', { detectedAt: '2026-04-11T00:00' }, /未来/],
    ['assetNumber', { assetNumber: '' }, /資産番号」を入力/],
  ])('%s: %j → error', (field, over, message) => {
    const r = validate({ ...base, ...over }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t('ja', r.errors[field])).toMatch(message);
  });
});
