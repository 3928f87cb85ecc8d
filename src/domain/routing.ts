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
import type { Directory, Section } from './directory';

export type AssigneeRole = 'section_officer' | 'deputy' | 'superior' | 'parent_officer' | 'chief_officer';
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
  unknown_reporter: {
    ja: '緊急連絡網にあなたの登録が見つかりません。IT管理者に連絡してください。',
    en: 'You are not in the contact directory. Please contact the IT administrator.',
  },
  unknown_section: {
    ja: '所属課が緊急連絡網に登録されていません。IT管理者に連絡してください。',
    en: 'Your section is not in the contact directory. Please contact the IT administrator.',
  },
  no_assignee: {
    ja: '報告先となる責任者が緊急連絡網に見つかりません。IT管理者に連絡してください。',
    en: 'No officer to send this to was found in the contact directory. Please contact the IT administrator.',
  },
};

function fail(error: RoutingErrorCode): RoutingError {
  return { ok: false, error, message: ERROR_MESSAGES[error] };
}

function hasPerson(dir: Directory, id: string | null | undefined): id is string {
  return typeof id === 'string' && dir.people.some((p) => p.id === id);
}

function sectionOf(dir: Directory, code: string): Section | undefined {
  return dir.sections.find((s) => s.code === code);
}

/** People flagged as 統括 / IT管理者, in id order so that routes are deterministic. */
export function chiefOfficers(dir: Directory): string[] {
  return dir.people
    .filter((p) => p.isChiefOfficer)
    .map((p) => p.id)
    .sort();
}

export function itAdmins(dir: Directory): string[] {
  return dir.people
    .filter((p) => p.isItAdmin)
    .map((p) => p.id)
    .sort();
}

const ASSIGNEE_REASONS: Readonly<Record<AssigneeRole, RouteReason>> = {
  section_officer: {
    text: { ja: '所属課の課情報セキュリティ責任者', en: 'Section security officer of the reporter' },
    article: '10(6)①',
  },
  deputy: {
    text: { ja: '課情報セキュリティ責任者の代理者（責任者が未登録）', en: 'Deputy (no officer registered)' },
    article: OPERATING_RULE,
  },
  superior: {
    text: {
      ja: '上席者（課情報セキュリティ責任者が報告者本人又は未登録のため）',
      en: 'Superior (the section officer is the reporter or not registered)',
    },
    article: OPERATING_RULE,
  },
  parent_officer: {
    text: { ja: '上位課の課情報セキュリティ責任者', en: 'Officer of the parent section' },
    article: OPERATING_RULE,
  },
  chief_officer: {
    text: { ja: '統括情報セキュリティ責任者', en: 'Chief security officer' },
    article: OPERATING_RULE,
  },
};

/**
 * The person who handles a case from `reporterId` in `section`: its officer; when the officer is the
 * reporter (nobody approves their own request) or is not registered, the deputy (only when the officer
 * is merely missing: a deputy acts for the officer, so never on the officer's own case), then the
 * section's superior, then officers of the parent sections upwards, then 統括.
 */
function pickAssignee(
  dir: Directory,
  section: Section,
  reporterId: string,
): { id: string; role: AssigneeRole } | null {
  const ok = (id: string | null | undefined): id is string => hasPerson(dir, id) && id !== reporterId;
  if (ok(section.officerId)) return { id: section.officerId, role: 'section_officer' };
  if (!hasPerson(dir, section.officerId) && ok(section.deputyId))
    return { id: section.deputyId, role: 'deputy' };
  if (ok(section.superiorId)) return { id: section.superiorId, role: 'superior' };
  const seen = new Set<string>([section.code]);
  let parentCode = section.parentCode;
  while (parentCode !== null && !seen.has(parentCode)) {
    seen.add(parentCode);
    const parent = sectionOf(dir, parentCode);
    if (!parent) break;
    if (ok(parent.officerId)) return { id: parent.officerId, role: 'parent_officer' };
    parentCode = parent.parentCode;
  }
  const chief = chiefOfficers(dir).find((id) => id !== reporterId);
  return chief === undefined ? null : { id: chief, role: 'chief_officer' };
}

const REASON = {
  itAdminIncident: {
    text: {
      ja: 'IT管理者（課情報セキュリティ責任者と連携し助言）',
      en: 'IT administrator (advises the section officer)',
    },
    article: '10(6)②',
  },
  chiefVirus: {
    text: {
      ja: '統括情報セキュリティ責任者への報告（被害のおそれ）',
      en: 'Report to the chief (risk of harm)',
    },
    article: '12(4)④',
  },
  chiefFailure: {
    text: { ja: '統括情報セキュリティ責任者への障害報告', en: 'Failure report to the chief' },
    article: '12(5)①イ',
  },
  itAdminFailure: {
    text: {
      ja: 'IT管理者への障害連絡（障害に関係する課の責任者へ連絡する）',
      en: 'Failure notice to the IT administrator (who tells the sections concerned)',
    },
    article: '12(5)①ウ',
  },
  // 12(5)①ウ has 統括 and then IT管理者 tell these officers; the bot tells the sections named in the
  // report at once, which is the organisation's rule (policy/incident.ts says the same).
  affectedOfficer: {
    text: {
      ja: '障害に関係する課の課情報セキュリティ責任者（報告と同時に通知）',
      en: 'Officer of a section concerned (told on submission)',
    },
    article: OPERATING_RULE,
  },
  chiefLeak: {
    text: {
      ja: '統括情報セキュリティ責任者への報告（個人情報漏えいの可能性）',
      en: 'Report to the chief (possible personal-data leak)',
    },
    article: '12(5)②イ',
  },
  chiefExceptionApprover: {
    text: {
      ja: '例外措置の許可者（課情報セキュリティ責任者の進達後に判断）',
      en: 'Approver of the exception (decides after the section officer forwards it)',
    },
    article: '12(6)①',
  },
  chiefExceptionPostReport: {
    text: {
      ja: '緊急の例外措置の事後報告（確認が必要）',
      en: 'After-the-fact report of an urgent exception',
    },
    article: '12(6)②',
  },
} satisfies Record<string, RouteReason>;

export function routeCase(
  dir: Directory,
  reporterPersonId: string,
  kind: CaseKind,
  extras: RouteExtras = {},
): CaseRoute | RoutingError {
  const reporter = dir.people.find((p) => p.id === reporterPersonId);
  if (!reporter) return fail('unknown_reporter');
  const section = sectionOf(dir, reporter.sectionCode);
  if (!section) return fail('unknown_section');

  let picked = pickAssignee(dir, section, reporter.id);
  // An exception filed by the section officer needs no forwarding: it goes straight to 統括 (12(6)①).
  if (kind === 'exception' && section.officerId === reporter.id) {
    const chief = chiefOfficers(dir).find((id) => id !== reporter.id);
    if (chief !== undefined) picked = { id: chief, role: 'chief_officer' };
  }
  if (!picked) return fail('no_assignee');
  const assignee = picked;

  const recipients = new Map<string, NotifyRecipient>();
  const add = (personId: string, role: NotifyRole, reason: RouteReason): void => {
    if (personId === reporter.id || personId === assignee.id || !hasPerson(dir, personId)) return;
    const r = recipients.get(personId) ?? { personId, roles: [], reasons: [] };
    if (!r.roles.includes(role)) r.roles.push(role);
    if (!r.reasons.some((x) => x.article === reason.article && x.text.ja === reason.text.ja))
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
      assignee.role === 'section_officer' && extras.officerBasis && extras.officerBasis.length > 0
        ? { ...ASSIGNEE_REASONS.section_officer, article: extras.officerBasis }
        : ASSIGNEE_REASONS[assignee.role],
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
