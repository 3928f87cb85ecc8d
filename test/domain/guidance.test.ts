import { describe, expect, it } from 'vitest';
import {
  guidanceDueAt,
  mayDecideGuidance,
  mayGuide,
  mayViewGuidance,
  parseGuidanceInput,
  parseSuspensionInput,
} from '../../src/domain/guidance';
import { demoDirectory } from '../helpers/demo-directory';

const dir = demoDirectory();
const entry = { sectionCode: '210', memberId: 'E1001' }; // 山田 花子, 総務課

describe('13(3) guidance rules', () => {
  it('13(3): the officer (or deputy, 運用ルール) of the member records; nobody else, never about themself', () => {
    expect(mayGuide(dir, 'E1002', 'E1001')).toEqual({ ok: true, sectionCode: '210' });
    expect(mayGuide(dir, 'E1003', 'E1001')).toEqual({ ok: true, sectionCode: '210' });
    expect(mayGuide(dir, 'E1012', 'E1001')).toEqual({ ok: false, reason: 'not_officer_of_member' });
    expect(mayGuide(dir, 'E1005', 'E1001')).toEqual({ ok: false, reason: 'not_officer_of_member' });
    expect(mayGuide(dir, 'E1002', 'E1002')).toEqual({ ok: false, reason: 'own_record' });
    expect(mayGuide(dir, 'X9999', 'E1001')).toEqual({ ok: false, reason: 'unknown_actor' });
    expect(mayDecideGuidance(dir, 'E1001', entry)).toEqual({ ok: false, reason: 'own_record' });
    expect(mayDecideGuidance(dir, 'E1002', entry)).toEqual({ ok: true });
  });

  it('13(3): 統括, the officer side and the member see an entry; a colleague, another officer, IT管理者 do not', () => {
    expect(mayViewGuidance(dir, 'E1005', entry)).toEqual({ ok: true, as: 'chief_officer' });
    expect(mayViewGuidance(dir, 'E1002', entry)).toEqual({ ok: true, as: 'officer' });
    expect(mayViewGuidance(dir, 'E1001', entry)).toEqual({ ok: true, as: 'member' });
    for (const id of ['E1010', 'E1012', 'E1006', 'E1004'])
      expect(mayViewGuidance(dir, id, entry)).toEqual({ ok: false, reason: 'no_need_to_know' });
  });

  it('13(3): the form needs member, rule, guidance and an improve-by date from today on', () => {
    const ok = parseGuidanceInput(
      { memberId: 'E1001', rule: ' r ', guidance: 'g', improveBy: '2026-04-10' },
      '2026-04-10',
    );
    expect(ok).toEqual({
      ok: true,
      value: { memberId: 'E1001', rule: 'r', guidance: 'g', improveBy: '2026-04-10' },
    });
    expect(
      parseGuidanceInput({ memberId: '', rule: '', guidance: '', improveBy: '2026-04-09' }, '2026-04-10'),
    ).toEqual({
      ok: false,
      errors: ['member', 'rule', 'guidance', 'improve_by'],
    });
    expect(parseSuspensionInput({ suspensionKind: 'revoke', systems: '財務', from: '2026-04-18' })).toEqual({
      ok: true,
      value: { kind: 'revoke', systems: '財務', from: '2026-04-18' },
    });
    expect(parseSuspensionInput({ suspensionKind: 'x', systems: '', from: 'no' })).toEqual({
      ok: false,
      errors: ['kind', 'systems', 'from'],
    });
  });

  it('13(3): the follow-up is asked at 09:00 JST on the date (運用ルール: the hour)', () => {
    expect(guidanceDueAt('2026-04-17').toISOString()).toBe('2026-04-17T00:00:00.000Z');
  });
});
