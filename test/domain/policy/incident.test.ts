import { describe, expect, it } from 'vitest';
import { INCIDENT_KINDS } from '../../../src/domain/cases';
import { incidentPlan, misdirectedMailActions } from '../../../src/domain/policy/incident';

describe('incidentPlan', () => {
  it.each([
    ['lost_ic_card', ['section_officer'], ['access_stopped', 'outcome', 'old_card_destroyed']],
    [
      'virus',
      ['section_officer', 'it_admin', 'chief_officer'],
      ['scope', 'route', 'removal', 'reported_to_chief', 'evidence'],
    ],
    ['misdirected_mail', ['section_officer', 'chief_officer'], ['deletion_confirmed']],
    ['password_leak', ['section_officer', 'it_admin'], ['password_changed', 'access_reviewed']],
    ['device_lost', ['section_officer', 'it_admin'], ['remote_wipe', 'police_report']],
    [
      'system_failure',
      ['section_officer', 'chief_officer', 'it_admin', 'affected_officers'],
      ['status_scope', 'cause', 'recovery'],
    ],
  ] as const)('%s: notify %j, officer records %j', (kind, parties, records) => {
    const plan = incidentPlan(kind);
    expect(plan.kind).toBe(kind);
    expect(plan.notify.map((n) => n.party)).toEqual(parties);
    expect(plan.officerRecords.map((r) => r.id)).toEqual(records);
  });

  it('virus records cite 11(3)⑥ and the report to 統括 cites 12(4)④', () => {
    const plan = incidentPlan('virus');
    expect(plan.officerRecords.filter((r) => r.article === '11(3)⑥').map((r) => r.id)).toEqual([
      'scope',
      'route',
      'removal',
    ]);
    expect(plan.notify.find((n) => n.party === 'chief_officer')?.article).toBe('12(4)④');
  });

  it('system failure follows 12(5)①イ then ウ', () => {
    expect(incidentPlan('system_failure').notify.map((n) => n.article)).toEqual([
      '12(5)①イ',
      '12(5)①イ',
      '12(5)①ウ',
      '12(5)①ウ',
    ]);
  });

  it('every incident kind has a plan with Japanese reasons', () => {
    for (const kind of INCIDENT_KINDS) {
      for (const n of incidentPlan(kind).notify) expect(n.reason.ja.length).toBeGreaterThan(0);
    }
  });

  it('misdirected mail without a deletion request → request deletion now', () => {
    expect(misdirectedMailActions({ deletionRequested: false }).map((a) => a.article)).toEqual(['8(3)①キ']);
    expect(misdirectedMailActions({ deletionRequested: true })).toEqual([]);
  });
});
