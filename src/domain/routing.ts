// Who handles a case and who else must hear of it, from the contact directory (緊急連絡網, 6ウ).
// Pure: the same directory and inputs always give the same route.
//
// The standard names the section officer as the one who receives reports and gives permissions. Who
// stands in when the officer is the reporter or is missing (deputy, superior, parent section's
// officer, 統括) is the organisation's rule (運用ルール): the standard has no 代理者, and its 上席者
// (12(5)②オ) is for an urgent breach whose addressee cannot be reached, which is the escalation below.
import { OPERATING_RULE, type Citation, type Citations } from './articles';
import { superiorEscalationArticle } from './case-articles';
import type { CaseKind, Localized } from './cases';
import type { Directory, Person, Section } from './directory';
import { msg } from '../i18n';

export type AssigneeRole =
  'section_officer' | 'deputy' | 'superior' | 'parent_officer' | 'chief_officer' | 'it_admin' | 'role_holder';

export type NotifyRole = 'chief_officer' | 'it_admin' | 'affected_officer';

export interface RouteReason {
  text: Localized;
  article: Citations;
}

export interface NotifyRecipient {
  personId: string;
  roles: NotifyRole[];
  reasons: RouteReason[];
}

export interface CaseRoute {
  ok: true;
  kind: CaseKind;
  reporterId: string;
  sectionCode: string;
  assignee: string;
  assigneeRole: AssigneeRole;
  assigneeReason: RouteReason;
  /** Everyone else to tell, never the reporter nor the assignee, one entry per person. */
  notify: NotifyRecipient[];
}

export type RoutingErrorCode = 'unknown_reporter' | 'unknown_section' | 'no_assignee';

export interface RoutingError {
  ok: false;
  error: RoutingErrorCode;
  message: Localized;
}

export interface RouteExtras {
  /** Personal data may have leaked (misdirected mail with personal information, a lost device…). */
  possibleLeak?: boolean;
  /** Sections hit by a system failure, whose officers are told (12(5)①ウ). */
  affectedSectionCodes?: readonly string[];
  /** Urgent exception (12(6)②): 統括 is told after the fact. */
  urgent?: boolean;
  /**
   * Why the section officer receives the case (case-articles.ts officerReceivesArticles): the report
   * or permission article of this kind and form. Without it the reason cites 10(6)①.
   */
  officerBasis?: readonly Citation[];
}

const ERROR_MESSAGES: Readonly<Record<RoutingErrorCode, Localized>> = {
  unknown_reporter: msg('routing.not_contact_directory_please_contact'),
  unknown_section: msg('routing.section_not_contact_directory_please'),
  no_assignee: msg('routing.no_officer_send_was_found'),
};

function fail(error: RoutingErrorCode): RoutingError {
  return { ok: false, error, message: ERROR_MESSAGES[error] };
}

interface PeopleIndex {
  byId: ReadonlyMap<string, Person>;
  chiefOfficers: readonly string[];
  itAdmins: readonly string[];
}

const indexes = new WeakMap<Directory, PeopleIndex>();

/**
 * Lookups over the people of a frozen directory — the one storage/directory-repo.ts caches and
 * hands to every turn — made once per directory: it cannot change, so neither can its index. A
 * directory that is not frozen may still change and is searched as it is (undefined here).
 */
function frozenIndex(dir: Directory): PeopleIndex | undefined {
  if (!Object.isFrozen(dir) || !Object.isFrozen(dir.people)) return undefined;
  let idx = indexes.get(dir);
  if (idx === undefined) {
    const byId = new Map<string, Person>();
    for (const p of dir.people) if (!byId.has(p.id)) byId.set(p.id, p); // the first, as `find`
    idx = { byId, chiefOfficers: chiefOfficersOf(dir), itAdmins: itAdminsOf(dir) };
    indexes.set(dir, idx);
  }
  return idx;
}

function findPerson(dir: Directory, id: string | null | undefined): Person | undefined {
  if (typeof id !== 'string') return undefined;
  const idx = frozenIndex(dir);
  return idx ? idx.byId.get(id) : dir.people.find((p) => p.id === id);
}

function hasPerson(dir: Directory, id: string | null | undefined): id is string {
  return findPerson(dir, id) !== undefined;
}

function sectionOf(dir: Directory, code: string): Section | undefined {
  return dir.sections.find((s) => s.code === code);
}

/** People flagged as 統括 / IT管理者, in id order so that routes are deterministic. */
export function chiefOfficers(dir: Directory): string[] {
  return [...(frozenIndex(dir)?.chiefOfficers ?? chiefOfficersOf(dir))];
}

export function itAdmins(dir: Directory): string[] {
  return [...(frozenIndex(dir)?.itAdmins ?? itAdminsOf(dir))];
}

function chiefOfficersOf(dir: Directory): string[] {
  return dir.people
    .filter((p) => p.isChiefOfficer)
    .map((p) => p.id)
    .sort();
}

function itAdminsOf(dir: Directory): string[] {
  return dir.people
    .filter((p) => p.isItAdmin)
    .map((p) => p.id)
    .sort();
}

const ASSIGNEE_REASONS: Readonly<Record<Exclude<AssigneeRole, 'it_admin' | 'role_holder'>, RouteReason>> = {
  section_officer: {
    text: msg('routing.section_security_officer_reporter'),
    article: '10(6)①',
  },
  deputy: {
    text: msg('routing.deputy_no_officer_registered'),
    article: OPERATING_RULE,
  },
  superior: {
    text: msg('routing.superior_section_officer_reporter_not'),
    article: OPERATING_RULE,
  },
  parent_officer: {
    text: msg('routing.officer_parent_section'),
    article: OPERATING_RULE,
  },
  chief_officer: {
    text: msg('routing.chief_security_officer'),
    article: OPERATING_RULE,
  },
};

// When the reporter is the section officer and nobody above them is in the directory (no superior,
// no officer of a parent section, no other 統括 — e.g. 統括 reporting in their own top-level
// section), the standard names no one else: who receives the case is the organisation's practice.
const FALLBACK_REASONS = {
  ownDeputy: {
    text: msg('routing.deputy_section_reporter_its_officer'),
    article: OPERATING_RULE,
  },
  itAdmin: {
    text: msg('routing.administrator_no_other_officer_superior'),
    article: OPERATING_RULE,
  },
  roleHolder: {
    text: msg('routing.person_role_contact_directory_nobody'),
    article: OPERATING_RULE,
  },
} satisfies Record<string, RouteReason>;

interface Picked {
  id: string;
  role: AssigneeRole;
  reason: RouteReason;
}

/** Everyone holding a role in the directory, officers first (by section code), then the rest by id. */
function roleHolders(dir: Directory): string[] {
  const officers = [...dir.sections]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((s) => s.officerId)
    .filter((id): id is string => hasPerson(dir, id));
  const others = dir.people
    .filter(
      (p) =>
        p.isChiefOfficer ||
        p.isItAdmin ||
        dir.sections.some((s) => s.deputyId === p.id || s.superiorId === p.id),
    )
    .map((p) => p.id)
    .sort();
  return [...new Set([...officers, ...others])];
}

/**
 * The person who handles a case from `reporterId` in `section`: its officer; when the officer is the
 * reporter (nobody approves their own request) or is not registered, the deputy (only when the officer
 * is merely missing: a deputy acts for the officer, so never on the officer's own case), then the
 * section's superior, then officers of the parent sections upwards, then 統括. When none of these is
 * anyone but the reporter, the organisation's practice (運用ルール): the section's deputy, then an
 * IT管理者, then anyone holding a role in the directory. Null only when nobody but the reporter
 * holds a role at all.
 */
function pickAssignee(dir: Directory, section: Section, reporterId: string): Picked | null {
  const ok = (id: string | null | undefined): id is string => hasPerson(dir, id) && id !== reporterId;
  const as = (id: string, role: Exclude<AssigneeRole, 'it_admin' | 'role_holder'>): Picked => ({
    id,
    role,
    reason: ASSIGNEE_REASONS[role],
  });
  if (ok(section.officerId)) return as(section.officerId, 'section_officer');
  if (!hasPerson(dir, section.officerId) && ok(section.deputyId)) return as(section.deputyId, 'deputy');
  if (ok(section.superiorId)) return as(section.superiorId, 'superior');
  const seen = new Set<string>([section.code]);
  let parentCode = section.parentCode;
  while (parentCode !== null && !seen.has(parentCode)) {
    seen.add(parentCode);
    const parent = sectionOf(dir, parentCode);
    if (!parent) break;
    if (ok(parent.officerId)) return as(parent.officerId, 'parent_officer');
    parentCode = parent.parentCode;
  }
  const chief = chiefOfficers(dir).find((id) => id !== reporterId);
  if (chief !== undefined) return as(chief, 'chief_officer');
  // 運用ルール from here on: the standard names nobody but the reporter.
  if (ok(section.deputyId))
    return { id: section.deputyId, role: 'deputy', reason: FALLBACK_REASONS.ownDeputy };
  const admin = itAdmins(dir).find((id) => id !== reporterId);
  if (admin !== undefined) return { id: admin, role: 'it_admin', reason: FALLBACK_REASONS.itAdmin };
  const anyone = roleHolders(dir).find((id) => id !== reporterId);
  return anyone === undefined
    ? null
    : { id: anyone, role: 'role_holder', reason: FALLBACK_REASONS.roleHolder };
}

const REASON = {
  itAdminIncident: {
    text: msg('routing.administrator_advises_section_officer'),
    article: '10(6)②',
  },
  chiefVirus: {
    text: msg('routing.report_chief_risk_harm'),
    article: '12(4)④',
  },
  chiefFailure: {
    text: msg('routing.failure_report_chief'),
    article: '12(5)①イ',
  },
  itAdminFailure: {
    text: msg('routing.failure_notice_administrator_who_tells'),
    article: '12(5)①ウ',
  },
  // 12(5)①ウ has 統括 and then IT管理者 tell these officers; the bot tells the sections named in the
  // report at once, which is the organisation's rule (policy/incident.ts says the same).
  affectedOfficer: {
    text: msg('routing.officer_section_concerned_told_submission'),
    article: OPERATING_RULE,
  },
  // 12(5)②イ: the officer reports a breach to 統括 and tells IT管理者; for an attack both hear of it at
  // once, with the officer.
  chiefCyber: {
    text: msg('routing.cyber_attack.chief'),
    article: '12(5)②イ',
  },
  itAdminCyber: {
    text: msg('routing.cyber_attack.it_admin'),
    article: '12(5)②イ',
  },
  chiefLeak: {
    text: msg('routing.report_chief_possible_personal_data'),
    article: '12(5)②イ',
  },
  chiefExceptionApprover: {
    text: msg('routing.approver_exception_decides_after_section'),
    article: '12(6)①',
  },
  chiefExceptionPostReport: {
    text: msg('routing.after_fact_report_urgent_exception'),
    article: '12(6)②',
  },
  chiefWireless: {
    text: msg('permissions.routing.chief_permits_wireless'),
    article: '9(3)③',
  },
  itAdminConsult: {
    text: msg('permissions.routing.it_admin_consulted'),
    article: '11(2)②',
  },
} satisfies Record<string, RouteReason>;

export function routeCase(
  dir: Directory,
  reporterPersonId: string,
  kind: CaseKind,
  extras: RouteExtras = {},
): CaseRoute | RoutingError {
  const reporter = findPerson(dir, reporterPersonId);
  if (!reporter) return fail('unknown_reporter');
  const section = sectionOf(dir, reporter.sectionCode);
  if (!section) return fail('unknown_section');

  let picked = pickAssignee(dir, section, reporter.id);
  // An exception filed by the section officer needs no forwarding: it goes straight to 統括 (12(6)①).
  if (kind === 'exception' && section.officerId === reporter.id) {
    const chief = chiefOfficers(dir).find((id) => id !== reporter.id);
    if (chief !== undefined)
      picked = { id: chief, role: 'chief_officer', reason: ASSIGNEE_REASONS.chief_officer };
  }
  // 9(3)③: 統括 permits a wireless network; 11(2)②: an external connection goes first to an
  // IT管理者 for the consultation (統括 approves it afterwards, decisions/handlers/consult.ts).
  if (kind === 'wireless_lan') {
    const chief = chiefOfficers(dir).find((id) => id !== reporter.id);
    if (chief !== undefined) picked = { id: chief, role: 'chief_officer', reason: REASON.chiefWireless };
    else if (picked) picked = { ...picked, reason: { ...picked.reason, article: OPERATING_RULE } };
  }
  if (kind === 'external_connection') {
    const admin = itAdmins(dir).find((id) => id !== reporter.id);
    if (admin !== undefined) picked = { id: admin, role: 'it_admin', reason: REASON.itAdminConsult };
    else if (picked) picked = { ...picked, reason: { ...picked.reason, article: OPERATING_RULE } };
  }
  if (!picked) return fail('no_assignee');
  const assignee = picked;

  const recipients = new Map<string, NotifyRecipient>();
  const add = (personId: string, role: NotifyRole, reason: RouteReason): void => {
    if (personId === reporter.id || personId === assignee.id || !hasPerson(dir, personId)) return;
    const r = recipients.get(personId) ?? { personId, roles: [], reasons: [] };
    if (!r.roles.includes(role)) r.roles.push(role);
    if (!r.reasons.some((x) => x.article === reason.article && x.text.key === reason.text.key))
      r.reasons.push(reason);
    recipients.set(personId, r);
  };
  const chiefs = chiefOfficers(dir);
  const admins = itAdmins(dir);

  switch (kind) {
    case 'virus':
      for (const id of admins) add(id, 'it_admin', REASON.itAdminIncident);
      for (const id of chiefs) add(id, 'chief_officer', REASON.chiefVirus);
      break;
    case 'system_failure':
      // Order of 12(5)①イウ: 統括, then IT管理者, then the officers of the affected sections.
      for (const id of chiefs) add(id, 'chief_officer', REASON.chiefFailure);
      for (const id of admins) add(id, 'it_admin', REASON.itAdminFailure);
      for (const code of extras.affectedSectionCodes ?? []) {
        const s = sectionOf(dir, code);
        if (s && hasPerson(dir, s.officerId)) add(s.officerId, 'affected_officer', REASON.affectedOfficer);
      }
      break;
    case 'cyber_attack':
      for (const id of chiefs) add(id, 'chief_officer', REASON.chiefCyber);
      for (const id of admins) add(id, 'it_admin', REASON.itAdminCyber);
      break;
    case 'device_lost':
    case 'password_leak':
      for (const id of admins) add(id, 'it_admin', REASON.itAdminIncident);
      break;
    case 'exception':
      for (const id of chiefs) {
        add(
          id,
          'chief_officer',
          extras.urgent ? REASON.chiefExceptionPostReport : REASON.chiefExceptionApprover,
        );
      }
      break;
    case 'lost_ic_card':
    case 'misdirected_mail':
    case 'takeout':
    case 'software_install':
    case 'private_device':
    case 'wireless_lan':
    case 'external_connection':
    case 'ic_card_renewal':
      break;
  }
  if (extras.possibleLeak) for (const id of chiefs) add(id, 'chief_officer', REASON.chiefLeak);

  return {
    ok: true,
    kind,
    reporterId: reporter.id,
    sectionCode: section.code,
    assignee: assignee.id,
    assigneeRole: assignee.role,
    assigneeReason:
      assignee.role === 'section_officer' &&
      kind !== 'wireless_lan' &&
      kind !== 'external_connection' &&
      extras.officerBasis &&
      extras.officerBasis.length > 0
        ? { ...ASSIGNEE_REASONS.section_officer, article: extras.officerBasis }
        : assignee.reason,
    notify: [...recipients.values()],
  };
}

export type EscalationRole = 'deputy' | 'superior' | 'chief_officer' | 'it_admin';

export interface EscalationStep {
  to: string;
  role: EscalationRole;
  article: Citation;
}

export interface EscalationOptions {
  /** People who must not receive the case, typically the reporter (nobody handles their own case). */
  exclude?: readonly string[];
  /** The case, so the superior step cites 12(5)②オ exactly where it applies (an urgent breach). */
  kind?: CaseKind;
  urgent?: boolean;
}

/**
 * Where an unacknowledged case goes next: the section's deputy, then its superior, then 統括 and
 * IT管理者. De-duplicated, never the assignee nor an excluded person. The deputy acts for the officer,
 * so the deputy is skipped when the officer is excluded (the officer's own case). The chain is the
 * organisation's rule (運用ルール); only its superior step of an urgent breach is 12(5)②オ.
 */
export function escalationChain(
  dir: Directory,
  sectionCode: string,
  assigneeId: string,
  opts: EscalationOptions = {},
): { ok: true; steps: EscalationStep[] } | RoutingError {
  const section = sectionOf(dir, sectionCode);
  if (!section) return fail('unknown_section');
  const excluded = new Set<string>([assigneeId, ...(opts.exclude ?? [])]);
  const steps: EscalationStep[] = [];
  const push = (id: string | null, role: EscalationRole, article: Citation): void => {
    if (!hasPerson(dir, id) || excluded.has(id)) return;
    excluded.add(id);
    steps.push({ to: id, role, article });
  };
  const officerIsExcluded = section.officerId !== null && (opts.exclude ?? []).includes(section.officerId);
  const superiorArticle =
    opts.kind === undefined ? OPERATING_RULE : superiorEscalationArticle(opts.kind, opts.urgent === true);
  if (!officerIsExcluded) push(section.deputyId, 'deputy', OPERATING_RULE);
  push(section.superiorId, 'superior', superiorArticle);
  for (const id of chiefOfficers(dir)) push(id, 'chief_officer', OPERATING_RULE);
  for (const id of itAdmins(dir)) push(id, 'it_admin', OPERATING_RULE);
  return { ok: true, steps };
}

export interface AbsencePeriod {
  personId: string;
  from: Date;
  to: Date;
}

/** Whom a reporter should phone at once about an urgent report, and how (the teams layer words it). */
export type UrgentContact =
  | {
      ok: true;
      /** The person to call: the case's assignee, or their deputy while they are away. */
      personId: string;
      /** The directory's phone, else the mobile; null when neither is registered. */
      phone: string | null;
      /** Set when the assignee is away (不在) and their deputy is named instead. */
      absentAssigneeId: string | null;
      /** Why this person: the route's reason for the assignee, 運用ルール for the deputy. */
      article: Citations;
    }
  | RoutingError;

/**
 * Who receives the case `reporterId` would file now, so the urgent guidance can name them with a
 * phone number: the assignee routeCase picks, or — while that person is away (an absence covering
 * `now`) — the deputy of the section they are officer of, as submitCase routes it (運用ルール).
 */
export function urgentContact(
  dir: Directory,
  reporterId: string,
  kind: CaseKind,
  absences: readonly AbsencePeriod[],
  now: Date,
): UrgentContact {
  const route = routeCase(dir, reporterId, kind);
  if (!route.ok) return route;
  const t = now.getTime();
  const away = absences.some(
    (a) => a.personId === route.assignee && a.from.getTime() <= t && t < a.to.getTime(),
  );
  const deputy = dir.sections.find((s) => s.officerId === route.assignee)?.deputyId ?? null;
  const stands = away && deputy !== reporterId && hasPerson(dir, deputy);
  const personId = stands ? deputy : route.assignee;
  const person = findPerson(dir, personId);
  const phone = person?.phone.trim() || person?.mobile.trim() || null;
  return {
    ok: true,
    personId,
    phone,
    absentAssigneeId: stands ? route.assignee : null,
    article: stands ? OPERATING_RULE : route.assigneeReason.article,
  };
}
