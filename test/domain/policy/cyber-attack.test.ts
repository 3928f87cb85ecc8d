import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../../../src/domain/case-evaluation';
import { validateFlow } from '../../../src/domain/flows';
import {
  cyberStepOrderError,
  cyberStepRefusal,
  cyberStepRole,
  isCyberEmergency,
  policeReportArticles,
} from '../../../src/domain/policy/cyber-attack';
import { passwordLeakActions } from '../../../src/domain/policy/incident';
import { demoDirectory } from '../../helpers/demo-directory';
import { NOW, VALID } from '../flows/fixtures';

const report = { damageContinues: false, connectionCut: true };

describe('isCyberEmergency (12(5)②エ, for the all-staff broadcast)', () => {
  const c = (over: Partial<Parameters<typeof isCyberEmergency>[0]>) =>
    isCyberEmergency({ kind: 'cyber_attack', status: 'submitted', formValue: report, records: {}, ...over });

  it('12(5)②エ: an open cyber attack still going on, or still connected, is an emergency', () => {
    expect(c({ formValue: { ...report, damageContinues: true } })).toBe(true);
    expect(c({ formValue: { ...report, connectionCut: false } })).toBe(true);
    expect(c({ status: 'acknowledged', formValue: { ...report, damageContinues: true } })).toBe(true);
  });

  it('12(5)②エ: not once cut off and contained, stopped (12(5)②キ), closed, or for another kind', () => {
    expect(c({})).toBe(false);
    expect(c({ formValue: { ...report, connectionCut: false }, records: { connection_cut: '遮断' } })).toBe(
      false,
    );
    expect(
      c({ formValue: { ...report, damageContinues: true }, records: { system_stopped_urgent: '停止' } }),
    ).toBe(false);
    expect(c({ status: 'closed', formValue: { ...report, damageContinues: true } })).toBe(false);
    expect(c({ kind: 'virus', formValue: { ...report, damageContinues: true } })).toBe(false);
  });

  it('12(5)②エ: an unreadable report counts as an emergency (fail safe)', () => {
    expect(c({ formValue: null })).toBe(true);
  });
});

describe('cyber-attack steps (11(2)⑦, 12(5)②キウ)', () => {
  it('11(2)⑦: the officer records every step; 統括 only the 12(5)②ウ consultation, IT管理者 only the 12(5)②キ one', () => {
    expect(cyberStepRefusal('officer', ['connection_cut', 'police_report', 'it_admin_consulted'])).toBeNull();
    expect(cyberStepRefusal('chief_officer', ['chief_consulted'])).toBeNull();
    expect(cyberStepRefusal('chief_officer', ['connection_cut'])?.key).toBe(
      'step.cyber_attack.not_your_step',
    );
    expect(cyberStepRefusal('it_admin', ['it_admin_consulted'])).toBeNull();
    expect(cyberStepRefusal('it_admin', ['system_stopped'])?.key).toBe('step.cyber_attack.not_your_step');
  });

  it('運用ルール: someone escalated acts as the officer, except a plain IT管理者', () => {
    const staff = { isItAdmin: false, isChiefOfficer: false };
    expect(cyberStepRole('assignee', staff)).toBe('officer');
    expect(cyberStepRole('deputy', staff)).toBe('officer');
    expect(cyberStepRole('escalated', staff)).toBe('officer');
    expect(cyberStepRole('escalated', { isItAdmin: true, isChiefOfficer: false })).toBe('it_admin');
    expect(cyberStepRole('chief_officer', { isItAdmin: false, isChiefOfficer: true })).toBe('chief_officer');
  });

  it('12(5)②キ: a stop after consulting needs the consultation; the urgent stop (ただし書) does not', () => {
    expect(cyberStepOrderError({ system_stopped: 'x' }, ['system_stopped'])?.key).toBe(
      'step.cyber_attack.stop_needs_consultation',
    );
    expect(
      cyberStepOrderError({ system_stopped: 'x', it_admin_consulted: 'y' }, ['system_stopped']),
    ).toBeNull();
    expect(cyberStepOrderError({ system_stopped_urgent: 'x' }, ['system_stopped_urgent'])).toBeNull();
  });

  it('12(5)②ウ: the police report follows the consultation with 統括; a possible leak adds 11(2)⑦', () => {
    expect(cyberStepOrderError({ police_report: 'x' }, ['police_report'])?.key).toBe(
      'step.cyber_attack.police_needs_consultation',
    );
    expect(cyberStepOrderError({ police_report: 'x', chief_consulted: 'y' }, ['police_report'])).toBeNull();
    expect(policeReportArticles(false)).toEqual(['12(5)②ウ']);
    expect(policeReportArticles(true)).toEqual(['12(5)②ウ', '11(2)⑦']);
  });

  it('11(2)⑦ 12(5)②イ: the evaluation flags a live connection and a possible leak, and routes to 統括', () => {
    const v = validateFlow('cyber_attack', VALID.cyber_attack, { now: NOW });
    if (!v.ok) throw new Error('fixture invalid');
    const e = evaluateCase('cyber_attack', v.value, NOW, demoDirectory());
    expect(e.severity).toBe('critical');
    expect(e.routeExtras.possibleLeak).toBe(true);
    expect(e.findings.map((f) => f.article)).toEqual(['11(2)⑦', '12(5)②キ', '11(2)⑦']);
    const none = validateFlow(
      'cyber_attack',
      { ...VALID.cyber_attack, connectionCut: 'true', damageContinues: 'false', personalData: 'no' },
      { now: NOW },
    );
    if (!none.ok) throw new Error('invalid');
    const quiet = evaluateCase('cyber_attack', none.value, NOW, demoDirectory());
    expect(quiet.findings).toEqual([]);
    expect(quiet.routeExtras.possibleLeak).toBe(false);
  });
});

describe('temporary passwords in the password flow (10(8)①)', () => {
  it('10(8)①: a temporary password not changed at once is flagged and kept on the case', () => {
    const raw = {
      ...VALID.password_leak,
      alreadyChanged: 'true',
      temporaryPassword: 'true',
      changedAfterLogin: 'false',
    };
    const v = validateFlow('password_leak', raw, { now: NOW });
    if (!v.ok) throw new Error('invalid');
    expect(v.value.temporaryPassword).toBe(true);
    const e = evaluateCase('password_leak', v.value, NOW, demoDirectory());
    expect(e.findings.map((f) => [f.text.key, f.article])).toEqual([
      ['policy.password.temporary_not_changed', '10(8)①'],
    ]);
    expect(e.details.temporaryPassword).toEqual({ temporaryPassword: true, changedAfterLogin: false });
  });

  it('10(8)①: changed right after logging in, or not a temporary password: no 10(8)① warning', () => {
    expect(
      passwordLeakActions({ alreadyChanged: true, temporaryPassword: true, changedAfterLogin: true }),
    ).toEqual([]);
    expect(passwordLeakActions({ alreadyChanged: true })).toEqual([]);
  });
});
