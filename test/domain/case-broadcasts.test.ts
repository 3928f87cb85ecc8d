// The pure rules of broadcasts linked to a case or chained to a parent (domain/case-broadcasts.ts).
import { describe, expect, it } from 'vitest';
import {
  CYBER_EMERGENCY_KINDS,
  fixedAnswer,
  isRecurrenceKind,
  linkRequirement,
  mayStartCaseBroadcast,
  otherSections,
  recurrenceStepAllowed,
  type LinkedCase,
  type Recurrence,
} from '../../src/domain/case-broadcasts';
import { CASE_KINDS } from '../../src/domain/cases';
import { demoDirectory } from '../helpers/demo-directory';

const dir = demoDirectory();
const CHIEF = 'E1005';
const IT_ADMIN = 'E1006';
const OFFICER_210 = 'E1002';
const OFFICER_220 = 'E1012';
const STAFF = 'E1001';

const virus: LinkedCase = {
  id: 'INC-2026-0001',
  kind: 'virus',
  status: 'acknowledged',
  sectionCode: '210',
  reportedToChief: true,
};

describe('12(4)⑤ / 12(5)②エ: who starts a broadcast from a case', () => {
  it('12(4)⑤: only 統括, only after the report, handed to the first IT管理者', () => {
    expect(mayStartCaseBroadcast(dir, CHIEF, virus, 'officer_alert')).toEqual({
      ok: true,
      itAdminId: IT_ADMIN,
    });
    expect(mayStartCaseBroadcast(dir, CHIEF, { ...virus, reportedToChief: false }, 'officer_alert')).toEqual({
      ok: false,
      reason: 'not_reported',
    });
    for (const who of [STAFF, OFFICER_210, OFFICER_220, IT_ADMIN])
      expect(mayStartCaseBroadcast(dir, who, virus, 'officer_alert')).toEqual({
        ok: false,
        reason: 'not_chief',
      });
    expect(mayStartCaseBroadcast(dir, 'nobody', virus, 'officer_alert')).toEqual({
      ok: false,
      reason: 'unknown_actor',
    });
    // A misdirected mail or a lost IC card does not concern the systems.
    for (const kind of ['misdirected_mail', 'lost_ic_card', 'takeout'] as const)
      expect(mayStartCaseBroadcast(dir, CHIEF, { ...virus, kind }, 'officer_alert')).toMatchObject({
        reason: 'kind_not_eligible',
      });
  });

  it('12(4)⑤: the other sections are those with an officer, without the case’s own', () => {
    const others = otherSections(dir, '210');
    expect(others).not.toContain('210');
    expect(others).toHaveLength(dir.sections.filter((s) => s.officerId).length - 1);
  });

  it('12(5)②エ: the eligible kinds are one set: a virus and a cyber attack (11(2)⑦)', () => {
    expect(CYBER_EMERGENCY_KINDS).toEqual(['virus', 'cyber_attack']);
    expect(mayStartCaseBroadcast(dir, CHIEF, virus, 'cyber_emergency')).toMatchObject({ ok: true });
    expect(
      mayStartCaseBroadcast(dir, CHIEF, { ...virus, kind: 'cyber_attack' }, 'cyber_emergency'),
    ).toMatchObject({ ok: true });
    expect(
      mayStartCaseBroadcast(dir, CHIEF, { ...virus, kind: 'system_failure' }, 'cyber_emergency'),
    ).toEqual({
      ok: false,
      reason: 'kind_not_eligible',
    });
  });
});

describe('12(5)③: the recurrence steps', () => {
  const closed: LinkedCase = { ...virus, kind: 'system_failure', status: 'closed' };
  const recorded: Recurrence = {
    caseId: closed.id,
    analysis: 'a',
    measures: 'm',
    recordedBy: OFFICER_210,
    recordedAt: '2026-04-10T00:00:00.000Z',
    agreedBy: null,
    agreedAt: null,
    version: 1,
  };
  const agreed: Recurrence = { ...recorded, agreedBy: IT_ADMIN, agreedAt: '2026-04-11T00:00:00.000Z' };

  it('12(5)③ applies to failures and breaches only', () => {
    expect(CASE_KINDS.filter(isRecurrenceKind).sort()).toEqual(
      ['cyber_attack', 'device_lost', 'misdirected_mail', 'password_leak', 'system_failure', 'virus'].sort(),
    );
  });

  it('12(5)③: record by the case’s officer on a closed case; agree by IT管理者; notify once agreed', () => {
    expect(recurrenceStepAllowed(dir, OFFICER_210, closed, undefined, 'record')).toEqual({ ok: true });
    expect(
      recurrenceStepAllowed(dir, OFFICER_210, { ...closed, status: 'acknowledged' }, undefined, 'record'),
    ).toEqual({ ok: false, reason: 'not_closed' });
    expect(recurrenceStepAllowed(dir, OFFICER_220, closed, undefined, 'record')).toEqual({
      ok: false,
      reason: 'not_officer',
    });
    expect(recurrenceStepAllowed(dir, IT_ADMIN, closed, undefined, 'agree')).toEqual({
      ok: false,
      reason: 'not_recorded',
    });
    expect(recurrenceStepAllowed(dir, IT_ADMIN, closed, recorded, 'agree')).toEqual({ ok: true });
    expect(recurrenceStepAllowed(dir, OFFICER_210, closed, recorded, 'agree')).toEqual({
      ok: false,
      reason: 'not_it_admin',
    });
    expect(recurrenceStepAllowed(dir, IT_ADMIN, closed, agreed, 'agree')).toEqual({
      ok: false,
      reason: 'already_agreed',
    });
    expect(recurrenceStepAllowed(dir, OFFICER_210, closed, recorded, 'notify')).toEqual({
      ok: false,
      reason: 'not_agreed',
    });
    expect(recurrenceStepAllowed(dir, OFFICER_210, closed, agreed, 'notify')).toEqual({ ok: true });
    expect(recurrenceStepAllowed(dir, OFFICER_210, closed, agreed, 'record')).toEqual({
      ok: false,
      reason: 'already_agreed',
    });
    expect(recurrenceStepAllowed(dir, CHIEF, { ...closed, kind: 'lost_ic_card' }, agreed, 'notify')).toEqual({
      ok: false,
      reason: 'kind_not_eligible',
    });
  });
});

describe('14(6) / 12(5)③: the links an officer’s own-section broadcast carries', () => {
  const none = { parent: null, case: null };
  it('14(6): a relay names a sent 14(5) broadcast its sender received', () => {
    expect(linkRequirement('revision_staff', none, false)).toEqual({ ok: false, reason: 'parent_required' });
    const parent = { purpose: 'revision_officers' as const, status: 'sent', senderReceived: true };
    expect(linkRequirement('revision_staff', { parent, case: null }, false)).toEqual({ ok: true });
    expect(
      linkRequirement('revision_staff', { parent: { ...parent, senderReceived: false }, case: null }, false),
    ).toMatchObject({ ok: false });
    expect(
      linkRequirement('revision_staff', { parent: { ...parent, purpose: 'general' }, case: null }, false),
    ).toMatchObject({ ok: false });
  });

  it('12(5)③: a notice to staff names a closed case of the sender’s section with agreed measures', () => {
    const c = { ...virus, status: 'closed' as const, recurrenceAgreed: true };
    expect(linkRequirement('recurrence', none, true)).toEqual({ ok: false, reason: 'case_required' });
    expect(linkRequirement('recurrence', { parent: null, case: c }, true)).toEqual({ ok: true });
    expect(linkRequirement('recurrence', { parent: null, case: c }, false)).toMatchObject({ ok: false });
    expect(
      linkRequirement('recurrence', { parent: null, case: { ...c, recurrenceAgreed: false } }, true),
    ).toMatchObject({ ok: false });
    // Other purposes need no link.
    expect(linkRequirement('awareness', none, false)).toEqual({ ok: true });
  });

  it('14(3), 14(5), 14(6) ask for the acknowledgement; other purposes keep their answer', () => {
    expect(fixedAnswer('improvement')).toEqual({ kind: 'ack' });
    expect(fixedAnswer('revision_officers')).toEqual({ kind: 'ack' });
    expect(fixedAnswer('revision_staff')).toEqual({ kind: 'ack' });
    expect(fixedAnswer('contact_tree')).toBeNull();
  });
});
