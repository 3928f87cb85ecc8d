import { describe, expect, it } from 'vitest';
import { CASE_KINDS, type CaseKind } from '../../src/domain/cases';
import { initialCaseState } from '../../src/domain/decisions';
import { rolesOf } from '../../src/domain/directory';
import { demoDirectory } from '../helpers/demo-directory';
import { OPERATING_RULE } from '../../src/domain/articles';
import { escalationChain, routeCase, urgentContact } from '../../src/domain/routing';
import { isChiefDecidedRequest } from '../../src/domain/policy/network-requests';

const dir = demoDirectory();

// Who else hears of each kind, besides the assignee (demo: IT管理者 E1006 and E1017, 統括 E1005).
const NOTIFY: Record<CaseKind, string[]> = {
  lost_ic_card: [], // 10(9)①エ: the section officer stops the card
  virus: ['E1005', 'E1006', 'E1017'], // 10(6)② IT管理者, 12(4)④ 統括
  misdirected_mail: [], // without personal data; with it 統括 (below)
  password_leak: ['E1006', 'E1017'],
  device_lost: ['E1006', 'E1017'],
  system_failure: ['E1005', 'E1006', 'E1017'], // 12(5)①イウ
  cyber_attack: ['E1005', 'E1006', 'E1017'], // 12(5)②イ 統括 and IT管理者
  takeout: [],
  exception: ['E1005'], // 12(6)① 統括 decides
  software_install: [],
  private_device: [],
  wireless_lan: [], // 9(3)③: routed to 統括 (test/domain/network-requests.test.ts)
  external_connection: [], // 11(2)②: routed to an IT管理者 first (same file)
  ic_card_renewal: [], // 10(9)③: a record the officer files
};

// The kinds the section officer receives; 9(3)③ and 11(2)②③ go to 統括 and IT管理者 instead.
const OFFICER_KINDS = CASE_KINDS.filter((k) => !isChiefDecidedRequest(k));

const without = (ids: string[], id: string) => ids.filter((x) => x !== id).sort();

describe('routing of every flow by the demo directory', () => {
  describe.each(OFFICER_KINDS)('%s', (kind) => {
    it('a staff member (総務課) → the section officer 佐藤, first escalation to the deputy 鈴木', () => {
      const r = routeCase(dir, 'E1001', kind);
      expect(r).toMatchObject({ ok: true, assignee: 'E1002', assigneeRole: 'section_officer' });
      if (r.ok) expect(r.notify.map((n) => n.personId).sort()).toEqual(NOTIFY[kind].sort());
      const chain = escalationChain(dir, '210', 'E1002', { exclude: ['E1001'] });
      expect(chain.ok && chain.steps[0]).toMatchObject({ to: 'E1003', role: 'deputy' });
    });

    it('the section officer reporting in his own section → his superior, never himself nor his deputy', () => {
      const r = routeCase(dir, 'E1002', kind);
      if (kind === 'exception') {
        // His own exception goes straight to 統括 (12(6)①: the officer's filing is the forwarding).
        expect(r).toMatchObject({ ok: true, assignee: 'E1005', assigneeRole: 'chief_officer' });
      } else {
        expect(r).toMatchObject({ ok: true, assignee: 'E1004', assigneeRole: 'superior' });
      }
      if (!r.ok) return;
      expect(r.notify.map((n) => n.personId)).not.toContain('E1002');
      const chain = escalationChain(dir, '210', r.assignee, { exclude: ['E1002'] });
      expect(chain.ok && chain.steps.map((s) => s.to)).not.toContain('E1003');
    });

    it('a member of a section with no deputy (情報システム担当) → its officer; escalation skips to the superior', () => {
      const r = routeCase(dir, 'E1006', kind);
      expect(r).toMatchObject({ ok: true, assignee: 'E1016', assigneeRole: 'section_officer' });
      if (r.ok) expect(r.notify.map((n) => n.personId).sort()).toEqual(without(NOTIFY[kind], 'E1006'));
      const chain = escalationChain(dir, '230', 'E1016', { exclude: ['E1006'] });
      expect(chain.ok && chain.steps[0]).toMatchObject({ to: 'E1004', role: 'superior' });
    });
  });

  it('a misdirected mail with personal data tells 統括 as a possible leak', () => {
    const r = routeCase(dir, 'E1001', 'misdirected_mail', { possibleLeak: true });
    expect(r.ok && r.notify.map((n) => n.personId)).toEqual(['E1005']);
  });
});

// Everyone who holds a role in the demo directory (officers, deputies, superiors, 統括, IT管理者).
const ROLE_HOLDERS = dir.people.filter((p) => rolesOf(dir, p.id).length > 0).map((p) => p.id);

describe('every role holder of the demo directory can report and request', () => {
  it('finds the role holders, 統括 among them', () => {
    expect(ROLE_HOLDERS.length).toBeGreaterThanOrEqual(20);
    expect(ROLE_HOLDERS).toContain('E1005');
  });

  describe.each(ROLE_HOLDERS)('%s', (reporter) => {
    it.each(CASE_KINDS)('%s goes to someone else, who is the first to act', (kind) => {
      const r = routeCase(
        dir,
        reporter,
        kind,
        kind === 'system_failure' ? { affectedSectionCodes: ['100'] } : {},
      );
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.assignee).not.toBe(reporter);
      expect(dir.people.some((p) => p.id === r.assignee)).toBe(true);
      expect(r.notify.map((n) => n.personId)).not.toContain(reporter);
      // The submitted case's first actor (case-service: the decision state, else the routed person).
      const state = initialCaseState(
        { id: 'X', kind, reporterId: reporter, sectionCode: r.sectionCode, assigneeId: r.assignee },
        dir,
      );
      expect(state.assigneeId ?? r.assignee).not.toBe(reporter);
    });
  });

  it('高橋 誠 (統括, officer of the top-level 事務局) → his deputy 中村 洋子, as the organisation’s rule', () => {
    for (const kind of ['virus', 'takeout', 'lost_ic_card', 'exception'] as const) {
      const r = routeCase(dir, 'E1005', kind);
      expect(r).toMatchObject({ ok: true, assignee: 'E1007', assigneeRole: 'deputy' });
      if (r.ok) expect(r.assigneeReason.article).toBe(OPERATING_RULE);
    }
    // The IT administrators still hear of his virus report (10(6)②); he is not told of his own.
    const virus = routeCase(dir, 'E1005', 'virus');
    expect(virus.ok && virus.notify.map((n) => n.personId).sort()).toEqual(['E1006', 'E1017']);
  });
});

describe('urgentContact: whom the urgent guidance names', () => {
  const NOW = new Date('2026-04-10T03:00:00Z');
  const away = (personId: string) => [
    { personId, from: new Date('2026-04-09T15:00:00Z'), to: new Date('2026-04-11T15:00:00Z') },
  ];

  it('a member → the section officer with the directory phone, citing 10(6)①', () => {
    expect(urgentContact(dir, 'E1001', 'lost_ic_card', [], NOW)).toEqual({
      ok: true,
      personId: 'E1002',
      phone: '06-6630-3111',
      absentAssigneeId: null,
      article: '10(6)①',
    });
  });

  it('while the officer is away → the deputy (運用ルール), naming the absent officer', () => {
    expect(urgentContact(dir, 'E1001', 'virus', away('E1002'), NOW)).toEqual({
      ok: true,
      personId: 'E1003',
      phone: '06-6630-3112',
      absentAssigneeId: 'E1002',
      article: OPERATING_RULE,
    });
    // An absence that has not begun, or is over, changes nothing.
    const later = [
      { personId: 'E1002', from: new Date('2026-04-11T15:00:00Z'), to: new Date('2026-04-12T15:00:00Z') },
    ];
    expect(urgentContact(dir, 'E1001', 'virus', later, NOW)).toMatchObject({ personId: 'E1002' });
  });

  it('the officer himself → his superior; 統括 at the top → his deputy', () => {
    expect(urgentContact(dir, 'E1002', 'device_lost', [], NOW)).toMatchObject({
      personId: 'E1004',
      phone: '06-6630-3101',
    });
    expect(urgentContact(dir, 'E1005', 'virus', [], NOW)).toMatchObject({
      personId: 'E1007',
      phone: '06-6630-3002',
      article: OPERATING_RULE,
    });
  });

  it('the deputy reporting while the officer is away is not told to call themself', () => {
    expect(urgentContact(dir, 'E1003', 'virus', away('E1002'), NOW)).toMatchObject({
      personId: 'E1002',
      absentAssigneeId: null,
    });
  });

  it('falls back to the mobile, and says so when no number is registered', () => {
    const withoutPhone = (mobile: string) => ({
      ...dir,
      people: dir.people.map((p) => (p.id === 'E1002' ? { ...p, phone: '', mobile } : p)),
    });
    expect(urgentContact(withoutPhone('090-0000-1002'), 'E1001', 'virus', [], NOW)).toMatchObject({
      phone: '090-0000-1002',
    });
    expect(urgentContact(withoutPhone(''), 'E1001', 'virus', [], NOW)).toMatchObject({
      personId: 'E1002',
      phone: null,
    });
  });

  it('passes routing errors on', () => {
    expect(urgentContact(dir, 'nobody', 'virus', [], NOW)).toMatchObject({
      ok: false,
      error: 'unknown_reporter',
    });
  });
});
