import { describe, expect, it } from 'vitest';
import {
  authorize,
  mayView,
  type Absence,
  type CaseInvolvement,
  type ViewDenyReason,
  type ViewingAs,
} from '../../src/domain/authorization';
import { CASE_KINDS, type CaseKind } from '../../src/domain/cases';
import { CASE_ACTION_NAMES, initialCaseState, type CaseState } from '../../src/domain/decisions';
import type { Directory } from '../../src/domain/directory';
import { demoDirectory } from '../helpers/demo-directory';

const dir: Directory = demoDirectory();

const NOW = new Date('2026-04-10T03:00:00Z');
const HOUR = 3_600_000;
const P = {
  yamada: 'E1001', // staff of 210: the reporter
  sato: 'E1002', // officer of 210: the assignee
  suzuki: 'E1003', // deputy of 210
  ito: 'E1004', // superior of 210
  takahashi: 'E1005', // 統括
  tanaka: 'E1006', // IT管理者
  watanabe: 'E1012', // officer of 220 (another section)
  inoue: 'E1014', // staff of 220, no role: the outsider
  yoshida: 'E1010', // staff of 210, the reporter's colleague
  unknown: 'E9999',
} as const;

function stateOf(kind: CaseKind, extra: Partial<CaseState> = {}): CaseState {
  return {
    ...initialCaseState(
      { id: 'X-1', kind, reporterId: P.yamada, sectionCode: '210', assigneeId: P.sato },
      dir,
    ),
    ...extra,
  };
}

const ROUTED: CaseInvolvement = { recipientIds: [P.sato], actorIds: [P.yamada] };
const away = (personId: string): Absence[] => [
  { personId, from: new Date(NOW.getTime() - HOUR), to: new Date(NOW.getTime() + HOUR) },
];

function view(state: CaseState, viewerId: string, involved = ROUTED, absences: Absence[] = []) {
  const r = mayView(state, involved, { viewerId, directory: dir, absences, now: NOW });
  return r.ok ? r.as : r.reason;
}

type Expect = ViewingAs | ViewDenyReason;
// 12(5)②イ: a cyber attack is reported to 統括 and IT管理者 is told (11(2)⑦ attack on a system).
const TECHNICAL: readonly CaseKind[] = [
  'virus',
  'system_failure',
  'device_lost',
  'password_leak',
  'cyber_attack',
];
const CHIEF_KINDS: readonly CaseKind[] = [
  'lost_ic_card',
  'virus',
  'misdirected_mail',
  'password_leak',
  'device_lost',
  'system_failure',
  'cyber_attack',
  'exception',
  // 9(3)③, 11(2)③: 統括 permits or approves.
  'wireless_lan',
  'external_connection',
];

// The view matrix: every kind × every kind of viewer. Deny by default: whatever is not granted is
// 'no_need_to_know' (or 'unknown_viewer' outside the directory).
const VIEWERS: Record<string, (kind: CaseKind) => { id: string; expect: Expect; absences?: Absence[] }> = {
  reporter: () => ({ id: P.yamada, expect: 'reporter' }),
  assignee: () => ({ id: P.sato, expect: 'assignee' }),
  deputy_present: () => ({ id: P.suzuki, expect: 'no_need_to_know' }),
  deputy_while_officer_away: () => ({ id: P.suzuki, expect: 'deputy', absences: away(P.sato) }),
  superior_not_escalated: () => ({ id: P.ito, expect: 'no_need_to_know' }),
  other_officer: () => ({ id: P.watanabe, expect: 'no_need_to_know' }),
  outsider_staff: () => ({ id: P.inoue, expect: 'no_need_to_know' }),
  reporters_colleague: () => ({ id: P.yoshida, expect: 'no_need_to_know' }),
  unknown: () => ({ id: P.unknown, expect: 'unknown_viewer' }),
  // 12(4)④, 12(5)①イ, 12(5)②イ (incident reports) and 12(6) (exceptions) involve 統括; the section
  // officer's permissions (take-out, software, private device) do not.
  chief: (kind) => ({
    id: P.takahashi,
    expect: CHIEF_KINDS.includes(kind) ? 'chief_officer' : 'no_need_to_know',
  }),
  // 6イ: the IT administrator advises on the technical incidents only.
  // 11(2)②: an external connection is examined with the IT管理者.
  it_admin: (kind) => ({
    id: P.tanaka,
    expect: TECHNICAL.includes(kind) || kind === 'external_connection' ? 'it_admin' : 'no_need_to_know',
  }),
};

describe('mayView: who may read a case (deny by default)', () => {
  const rows = CASE_KINDS.flatMap((kind) =>
    Object.entries(VIEWERS).map(([name, f]) => [kind, name, f(kind)] as const),
  );
  it.each(rows)('%s × %s', (kind, _name, v) => {
    // An exception filed by staff starts with the officer; take the 統括 stage out of the picture.
    const state = stateOf(kind);
    expect(view(state, v.id, ROUTED, v.absences ?? [])).toBe(v.expect);
  });

  it('grants people the case was routed or escalated to, and those who acted on it', () => {
    const s = stateOf('takeout');
    expect(view(s, P.ito, { recipientIds: [P.sato, P.ito], actorIds: [] })).toBe('recipient');
    expect(view({ ...s, escalatedTo: [P.ito] }, P.ito)).toBe('escalated');
    // The deputy who decided during the absence still sees what they decided, after it ends.
    expect(view({ ...s, assigneeId: null }, P.suzuki, { recipientIds: [P.sato], actorIds: [P.suzuki] })).toBe(
      'actor',
    );
  });

  it('gives the deputy the case only while the officer who holds it is away', () => {
    const s = stateOf('takeout');
    expect(view(s, P.suzuki, ROUTED, away(P.sato))).toBe('deputy');
    const past: Absence[] = [
      { personId: P.sato, from: new Date(NOW.getTime() - 3 * HOUR), to: new Date(NOW.getTime() - HOUR) },
    ];
    expect(view(s, P.suzuki, ROUTED, past)).toBe('no_need_to_know');
    // Another section's deputy gets nothing from 佐藤's absence.
    expect(view(s, 'E1013', ROUTED, away(P.sato))).toBe('no_need_to_know');
  });

  it('lets nobody outside the grants see a decided case either', () => {
    const decided = stateOf('takeout', {
      status: 'approved',
      assigneeId: null,
      decision: { by: P.sato, outcome: 'approved', comment: '', conditions: '' },
    });
    expect(view(decided, P.inoue, { recipientIds: [P.sato], actorIds: [P.yamada, P.sato] })).toBe(
      'no_need_to_know',
    );
    expect(view(decided, P.sato, { recipientIds: [P.sato], actorIds: [P.yamada, P.sato] })).toBe('recipient');
  });

  it('never lets someone act on a case they may not see (authorize ⇒ mayView, every state and actor)', () => {
    const people = dir.people.map((p) => p.id);
    const states: CaseState[] = CASE_KINDS.flatMap((kind) => [
      stateOf(kind),
      stateOf(kind, { escalatedTo: [P.ito] }),
      stateOf(kind, { status: 'acknowledged' }),
    ]);
    states.push(
      stateOf('exception', { status: 'endorsed', stage: 'approve', assigneeId: P.takahashi }),
      stateOf('exception', {
        urgent: true,
        status: 'endorsed',
        stage: 'post_report',
        assigneeId: P.takahashi,
      }),
    );
    let checked = 0;
    for (const s of states) {
      for (const absences of [[], away(P.sato)]) {
        for (const actorId of people) {
          for (const action of CASE_ACTION_NAMES) {
            if (!authorize(s, action, { actorId, directory: dir, absences, now: NOW }).ok) continue;
            checked += 1;
            const involved = { recipientIds: s.assigneeId ? [s.assigneeId] : [], actorIds: [] };
            expect(
              mayView(s, involved, { viewerId: actorId, directory: dir, absences, now: NOW }).ok,
              `${actorId} may ${action} on ${s.kind}/${s.status} but not see it`,
            ).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
