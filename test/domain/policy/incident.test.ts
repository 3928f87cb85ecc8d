import { t } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import { INCIDENT_KINDS } from '../../../src/domain/cases';
import { deviceLostActions, incidentPlan, misdirectedMailActions } from '../../../src/domain/policy/incident';

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

  it('system failure follows 12(5)①イ then ウ; the direct notice to the sections concerned is 運用ルール', () => {
    expect(incidentPlan('system_failure').notify.map((n) => [n.party, n.article])).toEqual([
      ['section_officer', '12(5)①イ'],
      ['chief_officer', '12(5)①イ'],
      ['it_admin', '12(5)①ウ'],
      ['affected_officers', 'operating_rule'],
    ]);
  });

  it('cites 11(1)②イ for restricting access where unauthorised access is suspected, not for a check', () => {
    const r = incidentPlan('password_leak').officerRecords.find((x) => x.id === 'access_reviewed');
    expect(r?.article).toBe('11(1)②イ');
    expect(t('ja', r?.label)).toMatch(/アクセス制限/);
    expect(t('ja', r?.label)).not.toMatch(/有無の確認/);
  });

  it('cites 12(5)②ア (containment), not 10(4)③, for a remote wipe after a loss', () => {
    expect(incidentPlan('device_lost').officerRecords.find((x) => x.id === 'remote_wipe')?.article).toBe(
      '12(5)②ア',
    );
    const wipe = deviceLostActions({
      lossType: 'lost',
      remoteWipePossible: true,
      policeReported: false,
      encrypted: true,
      classification: 'III',
    }).find((a) => a.id === 'remote_wipe');
    expect(wipe?.article).toBe('12(5)②ア');
  });

  it('every incident kind has a plan with Japanese reasons', () => {
    for (const kind of INCIDENT_KINDS) {
      for (const n of incidentPlan(kind).notify) expect(t('ja', n.reason).length).toBeGreaterThan(0);
    }
  });

  it('misdirected mail without a deletion request → request deletion now, as 運用ルール (not 8(3)①キ)', () => {
    expect(misdirectedMailActions({ deletionRequested: false }).map((a) => a.article)).toEqual([
      'operating_rule',
    ]);
    expect(incidentPlan('misdirected_mail').officerRecords.map((r) => r.article)).toEqual(['operating_rule']);
    expect(misdirectedMailActions({ deletionRequested: true })).toEqual([]);
  });
});
