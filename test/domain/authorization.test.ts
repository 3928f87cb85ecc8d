import { t } from '../../src/i18n';
import { describe, expect, it } from 'vitest';
import { authorize, type Absence, type ActingAs, type DenyReason } from '../../src/domain/authorization';
import {
  CASE_ACTION_NAMES,
  initialCaseState,
  type CaseActionName,
  type CaseState,
} from '../../src/domain/decisions';
import type { Directory } from '../../src/domain/directory';
import { demoDirectory } from '../helpers/demo-directory';

const dir: Directory = demoDirectory();

const NOW = new Date('2026-04-10T03:00:00Z');
const HOUR = 3_600_000;

// Demo people (infra/demo/directory.csv).
const P = {
  yamada: 'E1001', // staff of 210: the requester
  sato: 'E1002', // officer of 210
  suzuki: 'E1003', // deputy of 210
  ito: 'E1004', // superior of 210, officer of 200
  takahashi: 'E1005', // 統括, officer of 100
  tanaka: 'E1006', // IT管理者
  nakamura: 'E1007', // deputy of 100 (the 統括's section)
  watanabe: 'E1012', // officer of 220
  unknown: 'E9999',
} as const;

function base(kind: CaseState['kind'], extra: Partial<CaseState> = {}): CaseState {
  return {
    ...initialCaseState(
      { id: 'X-1', kind, reporterId: P.yamada, sectionCode: '210', assigneeId: P.sato },
      dir,
    ),
    escalatedTo: [P.ito],
    ...extra,
  };
}

const endorsement = { by: P.sato, comment: '', at: NOW.toISOString() };

const CASES = {
  takeout: base('takeout'),
  virus: base('virus'),
  exceptionEndorse: base('exception'),
  exceptionApprove: base('exception', {
    status: 'endorsed',
    stage: 'approve',
    assigneeId: P.takahashi,
    endorsement,
  }),
  urgentPostReport: base('exception', {
    urgent: true,
    status: 'endorsed',
    stage: 'post_report',
    assigneeId: P.takahashi,
    endorsement,
  }),
} satisfies Record<string, CaseState>;
type CaseName = keyof typeof CASES;

const ACTORS = [
  'requester',
  'assignee',
  'deputy_present',
  'deputy_delegated',
  'other_officer',
  'chief',
  'it_admin',
  'unknown',
  'escalated_superior',
] as const;
type Actor = (typeof ACTORS)[number];

/** The deputy of the assignee's section: 鈴木 for 佐藤 (210), 中村 for 高橋 (100). */
function deputyOf(c: CaseState): string {
  const s = dir.sections.find((x) => x.officerId === c.assigneeId);
  if (!s?.deputyId) throw new Error('no deputy');
  return s.deputyId;
}

function actorSetup(actor: Actor, c: CaseState): { actorId: string; absences: Absence[] } {
  const away: Absence[] = [
    {
      personId: c.assigneeId ?? '',
      from: new Date(NOW.getTime() - HOUR),
      to: new Date(NOW.getTime() + HOUR),
    },
  ];
  switch (actor) {
    case 'requester':
      return { actorId: c.reporterId, absences: [] };
    case 'assignee':
      return { actorId: c.assigneeId ?? '', absences: [] };
    case 'deputy_present':
      return { actorId: deputyOf(c), absences: [] };
    case 'deputy_delegated':
      return { actorId: deputyOf(c), absences: away };
    case 'other_officer':
      return { actorId: P.watanabe, absences: [] };
    case 'chief':
      return { actorId: P.takahashi, absences: [] };
    case 'it_admin':
      return { actorId: P.tanaka, absences: [] };
    case 'unknown':
      return { actorId: P.unknown, absences: [] };
    case 'escalated_superior':
      return { actorId: P.ito, absences: [] };
  }
}

type Expect = ActingAs | DenyReason;
type Row = Partial<Record<CaseActionName, Expect>>;

const ROLE: DenyReason = 'not_allowed_for_role';
const NA: DenyReason = 'not_assignee';
const all = (e: Expect): Row => Object.fromEntries(CASE_ACTION_NAMES.map((a) => [a, e]));
/** Every action `e` except the listed ones, which get their own expectation. */
const only = (allowed: Row, otherwise: Expect = ROLE): Row => ({ ...all(otherwise), ...allowed });

const REQUEST_ACTIONS = ['case.approve', 'case.reject'] as const;
const INCIDENT_ACTIONS = ['case.acknowledge', 'case.record', 'case.report_chief', 'case.close'] as const;
const set = (actions: readonly CaseActionName[], e: Expect): Row =>
  Object.fromEntries(actions.map((a) => [a, e]));

// The matrix: for each case and actor, the expected result of every action. Anything not listed as
// allowed is denied ("deny by default"): `only(...)` fills the rest with not_allowed_for_role.
const MATRIX: Record<CaseName, Record<Actor, Row>> = {
  // 10(4)①: the section officer permits a take-out; 統括 and IT管理者 do not.
  takeout: {
    requester: all('own_case'),
    assignee: only(set(REQUEST_ACTIONS, 'assignee')),
    deputy_present: only(set(REQUEST_ACTIONS, NA)),
    deputy_delegated: only(set(REQUEST_ACTIONS, 'deputy')),
    other_officer: only(set(REQUEST_ACTIONS, NA)),
    chief: all(ROLE),
    it_admin: all(ROLE),
    unknown: all('unknown_actor'),
    escalated_superior: only(set(REQUEST_ACTIONS, 'escalated')),
  },
  // 11(3)⑥, 12(4)④, 6イ: officer handles, 統括 may take any step, IT管理者 acknowledges and records.
  virus: {
    requester: all('own_case'),
    assignee: only(set(INCIDENT_ACTIONS, 'assignee')),
    deputy_present: only(set(INCIDENT_ACTIONS, NA)),
    deputy_delegated: only(set(INCIDENT_ACTIONS, 'deputy')),
    other_officer: only(set(INCIDENT_ACTIONS, NA)),
    chief: only(set(INCIDENT_ACTIONS, 'chief_officer')),
    it_admin: only({ 'case.acknowledge': 'it_admin', 'case.record': 'it_admin' }),
    unknown: all('unknown_actor'),
    escalated_superior: only(set(INCIDENT_ACTIONS, 'escalated')),
  },
  // 12(6)①: the officer forwards or refuses; nobody approves at this stage.
  exceptionEndorse: {
    requester: all('own_case'),
    assignee: only({ 'case.endorse': 'assignee', 'case.reject': 'assignee' }),
    deputy_present: only({ 'case.endorse': NA, 'case.reject': NA }),
    deputy_delegated: only({ 'case.endorse': 'deputy', 'case.reject': 'deputy' }),
    other_officer: only({ 'case.endorse': NA, 'case.reject': NA }),
    chief: all(ROLE),
    it_admin: all(ROLE),
    unknown: all('unknown_actor'),
    escalated_superior: only({ 'case.endorse': 'escalated', 'case.reject': 'escalated' }),
  },
  // 12(6)①: 統括 permits; the 統括's section deputy does not stand in for 統括.
  exceptionApprove: {
    requester: all('own_case'),
    assignee: only(set(['case.approve', 'case.reject', 'case.ack_post_report'], 'assignee')),
    deputy_present: all(ROLE),
    deputy_delegated: all(ROLE),
    other_officer: all(ROLE),
    chief: only(set(['case.approve', 'case.reject', 'case.ack_post_report'], 'assignee')),
    it_admin: all(ROLE),
    unknown: all('unknown_actor'),
    escalated_superior: only(set(['case.approve', 'case.reject', 'case.ack_post_report'], 'escalated')),
  },
  // 12(6)②: 統括 acknowledges (or orders the measure stopped).
  urgentPostReport: {
    requester: all('own_case'),
    assignee: only(set(['case.approve', 'case.reject', 'case.ack_post_report'], 'assignee')),
    deputy_present: all(ROLE),
    deputy_delegated: all(ROLE),
    other_officer: all(ROLE),
    chief: only(set(['case.approve', 'case.reject', 'case.ack_post_report'], 'assignee')),
    it_admin: all(ROLE),
    unknown: all('unknown_actor'),
    escalated_superior: only(set(['case.approve', 'case.reject', 'case.ack_post_report'], 'escalated')),
  },
};

const rows: Array<[CaseName, Actor, CaseActionName, Expect]> = [];
for (const caseName of Object.keys(CASES) as CaseName[]) {
  for (const actor of ACTORS) {
    for (const action of CASE_ACTION_NAMES) {
      const e = MATRIX[caseName][actor][action];
      if (e === undefined) throw new Error(`matrix hole: ${caseName} ${actor} ${action}`);
      rows.push([caseName, actor, action, e]);
    }
  }
}

const ALLOW: readonly string[] = ['assignee', 'deputy', 'escalated', 'chief_officer', 'it_admin'];

describe('authorization matrix', () => {
  it('covers every case × actor × action', () => {
    expect(rows).toHaveLength(5 * ACTORS.length * CASE_ACTION_NAMES.length);
  });

  it.each(rows)('%s / %s / %s → %s', (caseName, actor, action, expected) => {
    const c = CASES[caseName];
    const { actorId, absences } = actorSetup(actor, c);
    const r = authorize(c, action, { actorId, directory: dir, absences, now: NOW });
    if (ALLOW.includes(expected)) {
      expect(r).toEqual({ ok: true, as: expected });
    } else {
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.reason).toBe(expected);
      expect(t('ja', r.message)).not.toBe('');
      expect(t('en', r.message)).not.toBe('');
    }
  });
});

describe('authorization rules beyond the matrix', () => {
  const auth = (c: CaseState, action: CaseActionName, actorId: string, absences: Absence[] = []) =>
    authorize(c, action, { actorId, directory: dir, absences, now: NOW });

  it('the officer who forwarded an exception cannot approve it, even when escalated', () => {
    const c = { ...CASES.exceptionApprove, escalatedTo: [P.sato] };
    expect(auth(c, 'case.approve', P.sato)).toMatchObject({ ok: false, reason: ROLE });
    const r = auth(c, 'case.approve', P.sato);
    expect(r.ok ? '' : t('ja', r.message)).toMatch(/進達/);
  });

  it('the section deputy reached by escalation does not approve an exception for 統括', () => {
    const c = { ...CASES.exceptionApprove, escalatedTo: [P.suzuki] };
    expect(auth(c, 'case.approve', P.suzuki)).toMatchObject({ ok: false, reason: ROLE });
  });

  it('an IT管理者 reached by escalation does not approve an exception nor a take-out', () => {
    expect(
      auth({ ...CASES.exceptionApprove, escalatedTo: [P.tanaka] }, 'case.approve', P.tanaka),
    ).toMatchObject({
      ok: false,
      reason: ROLE,
    });
    expect(auth({ ...CASES.takeout, escalatedTo: [P.tanaka] }, 'case.approve', P.tanaka)).toMatchObject({
      ok: false,
      reason: ROLE,
    });
  });

  it('an IT管理者 reached by escalation may acknowledge any incident but not close it', () => {
    const c = { ...base('lost_ic_card'), escalatedTo: [P.tanaka] };
    expect(auth(c, 'case.acknowledge', P.tanaka)).toEqual({ ok: true, as: 'escalated' });
    expect(auth(c, 'case.close', P.tanaka)).toMatchObject({ ok: false, reason: ROLE });
  });

  it.each([
    ['virus', true],
    ['system_failure', true],
    ['device_lost', true],
    ['password_leak', true],
    ['lost_ic_card', false],
    ['misdirected_mail', false],
  ] as const)('IT管理者 acknowledges %s: %s', (kind, allowed) => {
    const r = auth({ ...base(kind), escalatedTo: [] }, 'case.acknowledge', P.tanaka);
    expect(r.ok).toBe(allowed);
    expect(auth({ ...base(kind), escalatedTo: [] }, 'case.record', P.tanaka).ok).toBe(allowed);
    expect(auth({ ...base(kind), escalatedTo: [] }, 'case.report_chief', P.tanaka).ok).toBe(false);
  });

  it('統括 is not the approver of software or private-device requests either', () => {
    for (const kind of ['software_install', 'private_device'] as const) {
      expect(auth({ ...base(kind), escalatedTo: [] }, 'case.approve', P.takahashi)).toMatchObject({
        ok: false,
        reason: ROLE,
      });
    }
  });

  it('統括 who is escalated on a take-out may decide it', () => {
    const c = { ...CASES.takeout, escalatedTo: [P.takahashi] };
    expect(auth(c, 'case.approve', P.takahashi)).toEqual({ ok: true, as: 'escalated' });
  });

  it('the reporter is denied even when they hold every role (統括 filing a virus report)', () => {
    const c = { ...base('virus'), reporterId: P.takahashi, escalatedTo: [P.takahashi] };
    expect(auth(c, 'case.acknowledge', P.takahashi)).toMatchObject({ ok: false, reason: 'own_case' });
  });

  it('delegation follows the absence window: from inclusive, to exclusive, only the assignee’s absence', () => {
    const c = CASES.takeout;
    const at = (from: number, to: number, personId: string = P.sato): Absence[] => [
      { personId, from: new Date(NOW.getTime() + from), to: new Date(NOW.getTime() + to) },
    ];
    expect(auth(c, 'case.approve', P.suzuki, at(0, HOUR)).ok).toBe(true);
    expect(auth(c, 'case.approve', P.suzuki, at(-HOUR, 0)).ok).toBe(false);
    expect(auth(c, 'case.approve', P.suzuki, at(HOUR, 2 * HOUR)).ok).toBe(false);
    expect(auth(c, 'case.approve', P.suzuki, at(-HOUR, HOUR, P.ito)).ok).toBe(false);
  });

  it('a deputy of another section does not act for an absent assignee', () => {
    const away: Absence[] = [{ personId: P.sato, from: new Date(0), to: new Date(NOW.getTime() + HOUR) }];
    expect(auth(CASES.takeout, 'case.approve', 'E1013', away)).toMatchObject({ ok: false, reason: NA });
  });

  it('an officer’s own take-out goes to the superior, whose section deputy acts when the superior is away', () => {
    const c: CaseState = {
      ...base('takeout'),
      reporterId: P.sato,
      assigneeId: P.ito,
      escalatedTo: [],
    };
    expect(auth(c, 'case.approve', P.sato)).toMatchObject({ ok: false, reason: 'own_case' });
    expect(auth(c, 'case.approve', P.ito)).toEqual({ ok: true, as: 'assignee' });
    // 鈴木 is the deputy of 210 (佐藤's section), not of 伊藤: never acts on 佐藤's own case.
    const away: Absence[] = [{ personId: P.ito, from: new Date(0), to: new Date(NOW.getTime() + HOUR) }];
    expect(auth(c, 'case.approve', P.suzuki, away)).toMatchObject({ ok: false, reason: NA });
    expect(auth(c, 'case.approve', 'E1009', away)).toEqual({ ok: true, as: 'deputy' });
  });
});
