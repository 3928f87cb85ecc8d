// Who may take a decision on a case. Deny by default: a person acts only through one of the
// grants below, each citing the article it comes from. Whether the case is in a state that allows
// the action at all is decisions.ts's job (validateAction); call it first so that a second click
// reads "already done", then authorize(), then applyAction().
import type { IncidentKind, Localized } from './cases';
import { isIncidentKind } from './cases';
import {
  actionAppliesTo,
  CASE_ACTION_NAMES,
  validateAction,
  type CaseAction,
  type CaseActionName,
  type CaseState,
} from './decisions';
import type { Directory, Person } from './directory';
import { isChiefDecidedRequest } from './policy/network-requests';
import { msg } from '../i18n';

export interface Absence {
  personId: string;
  from: Date;
  to: Date;
}

export interface AuthorizeContext {
  actorId: string;
  directory: Directory;
  /** Out-of-office periods; an absence covers `now` when from <= now < to. */
  absences: readonly Absence[];
  now: Date;
}

export type ActingAs = 'assignee' | 'deputy' | 'escalated' | 'chief_officer' | 'it_admin';
export type DenyReason = 'unknown_actor' | 'own_case' | 'not_assignee' | 'not_allowed_for_role';

export type AuthorizeResult =
  { ok: true; as: ActingAs } | { ok: false; reason: DenyReason; message: Localized };

const MESSAGES = {
  unknown_actor: msg('authorization.not_contact_directory_so_cannot'),
  own_case: msg('authorization.cannot_act_case_filed_yourself'),
  not_assignee: msg('authorization.not_handling_case_so_cannot'),
  deputy_present: msg('authorization.section_officer_present_so_deputy'),
  chief_not_request_approver: msg('authorization.request_section_officer_permit_not'),
  chief_stage_only: msg('authorization.permitting_exception_acknowledging_its_after'),
  own_endorsement: msg('authorization.cannot_approve_exception_forwarded_yourself'),
  officer_stage_only: msg('authorization.section_officer_decides_stage_exception'),
  it_admin_limited: msg('authorization.administrator_may_acknowledge_record_advice'),
  officer_step: msg('authorization.forwarding_section_officer_s_step'),
  not_applicable: msg('authorization.action_does_not_apply_kind'),
  it_admin_consults: msg('permissions.auth.it_admin_consults'),
  chief_decides: msg('permissions.auth.chief_decides'),
  own_consultation: msg('permissions.auth.own_consultation'),
} satisfies Record<string, Localized>;

function deny(reason: DenyReason, message: Localized): AuthorizeResult {
  return { ok: false, reason, message };
}

/** IT管理者 advises and coordinates on these incidents (6イ, 10(6)②, 12(5)②ケ). */
const IT_ADMIN_INCIDENT_KINDS: readonly IncidentKind[] = [
  'virus',
  'system_failure',
  'device_lost',
  'password_leak',
  'cyber_attack',
];
/** …and only through these steps: they never decide, report for the officer, or close. */
const IT_ADMIN_ACTIONS: readonly CaseActionName[] = ['case.acknowledge', 'case.record'];

/**
 * 9(3)③ and 11(2)②③: the consultation is the IT管理者's step, the permission (or approval) 統括's.
 * Nobody else stands in — not the section's deputy, not a superior reached by escalation (escalation
 * chases and informs them, 運用ルール) — except the person routing names when nobody holding the role
 * is there besides the requester (運用ルール, as for an exception filed by the only 統括).
 */
function authorizeChiefRequest(
  state: CaseState,
  action: CaseActionName,
  actor: Person,
  dir: Directory,
  isAssignee: boolean,
): AuthorizeResult {
  const others = (flag: 'isItAdmin' | 'isChiefOfficer') =>
    dir.people.some((p) => p[flag] && p.id !== state.reporterId);
  if (state.stage === 'consult') {
    if (action !== 'case.consult' && action !== 'case.reject')
      return deny('not_allowed_for_role', MESSAGES.it_admin_consults);
    if (actor.isItAdmin) return { ok: true, as: isAssignee ? 'assignee' : 'it_admin' };
    if (isAssignee && !others('isItAdmin')) return { ok: true, as: 'assignee' };
    return deny('not_allowed_for_role', MESSAGES.it_admin_consults);
  }
  if (action === 'case.consult') return deny('not_allowed_for_role', MESSAGES.chief_decides);
  // The IT管理者 who recorded the consultation does not approve it as well (checks and balances).
  if (state.endorsement?.by === actor.id) return deny('not_allowed_for_role', MESSAGES.own_consultation);
  if (actor.isChiefOfficer) return { ok: true, as: isAssignee ? 'assignee' : 'chief_officer' };
  if (isAssignee && !others('isChiefOfficer')) return { ok: true, as: 'assignee' };
  return deny('not_allowed_for_role', MESSAGES.chief_decides);
}

function isAbsent(absences: readonly Absence[], personId: string, now: Date): boolean {
  const t = now.getTime();
  return absences.some((a) => a.personId === personId && a.from.getTime() <= t && t < a.to.getTime());
}

/** The actor is 代理者 of a section whose officer is `officerId`. */
function isDeputyOf(dir: Directory, actorId: string, officerId: string | null): boolean {
  return officerId !== null && dir.sections.some((s) => s.officerId === officerId && s.deputyId === actorId);
}

/**
 * An IT管理者 acting in that role only (not as assignee, deputy or 統括): acknowledge and record the
 * incidents they advise on. Reached by escalation (運用ルール: the last step of the chain), they may
 * also acknowledge and record any incident, so that someone answers; they still never decide or close.
 */
function itAdminGrant(state: CaseState, action: CaseActionName, escalated: boolean): boolean {
  if (!isIncidentKind(state.kind) || !IT_ADMIN_ACTIONS.includes(action)) return false;
  return escalated || IT_ADMIN_INCIDENT_KINDS.includes(state.kind);
}

export function authorize(state: CaseState, action: CaseActionName, ctx: AuthorizeContext): AuthorizeResult {
  const { actorId, directory: dir } = ctx;
  const actor: Person | undefined = dir.people.find((p) => p.id === actorId);
  // Only people in the contact directory (6ウ) act on cases: an unknown identity is denied outright.
  if (!actor) return deny('unknown_actor', MESSAGES.unknown_actor);
  // Nobody decides their own case, whatever roles they hold (PolicyMap "Roles"; checks and balances of
  // 8(3)①エ, 10(4)①, 10(5)①, 12(6)①): it would make the permission meaningless.
  if (state.reporterId === actorId) return deny('own_case', MESSAGES.own_case);
  if (!actionAppliesTo(action, state.kind)) return deny('not_allowed_for_role', MESSAGES.not_applicable);

  const isAssignee = state.assigneeId === actorId;
  const escalated = state.escalatedTo.includes(actorId);
  const section = dir.sections.find((s) => s.code === state.sectionCode);

  // 12(6): forwarding (or deciding an urgent measure) is the section officer's step; permitting (or
  // acknowledging the after-the-fact report) is 統括's. Each side may refuse at its own step.
  const chiefStage = state.stage === 'approve' || state.stage === 'post_report';
  if (state.kind === 'exception') {
    const chiefSideAction = action === 'case.approve' || action === 'case.ack_post_report';
    if (action === 'case.endorse' && chiefStage) return deny('not_allowed_for_role', MESSAGES.officer_step);
    if (chiefSideAction && !chiefStage) return deny('not_allowed_for_role', MESSAGES.chief_stage_only);
  }

  if (isChiefDecidedRequest(state.kind)) return authorizeChiefRequest(state, action, actor, dir, isAssignee);

  if (state.kind === 'exception' && chiefStage) {
    // 12(6)①②: the permission (or the acknowledgement of an urgent measure) is 統括's. The officer who
    // forwarded it does not approve it again, and the section's own officer and deputy do not stand in
    // for 統括 even when escalated; a 統括's absence is not delegated to a section deputy either.
    if (state.endorsement?.by === actorId) return deny('not_allowed_for_role', MESSAGES.own_endorsement);
    if (actor.isChiefOfficer) return { ok: true, as: isAssignee ? 'assignee' : 'chief_officer' };
    // 運用ルール: the only 統括 filed it, so the case was routed to the person the directory names
    // for the 統括's own cases (decisions.ts initialCaseState); that person decides.
    if (isAssignee && !dir.people.some((p) => p.isChiefOfficer && p.id !== state.reporterId))
      return { ok: true, as: 'assignee' };
    const sectionSide =
      section !== undefined && (section.officerId === actorId || section.deputyId === actorId);
    // 運用ルール: someone reached by escalation may act when 統括 did not answer in time.
    if (escalated && !sectionSide && !actor.isItAdmin) return { ok: true, as: 'escalated' };
    return deny('not_allowed_for_role', MESSAGES.chief_stage_only);
  }

  // The person the case is routed to (routing.ts: section officer, or superior for an officer's own case).
  if (isAssignee) return { ok: true, as: 'assignee' };

  // 運用ルール (12(5)②オ for the superior of an urgent breach): escalation made these people
  // responsible because the assignee did not answer. An IT管理者 reached that way keeps the IT管理者's
  // limits (6イ: advice and coordination, not decisions).
  if (escalated) {
    if (actor.isItAdmin && !actor.isChiefOfficer) {
      return itAdminGrant(state, action, true)
        ? { ok: true, as: 'escalated' }
        : deny('not_allowed_for_role', MESSAGES.it_admin_limited);
    }
    return { ok: true, as: 'escalated' };
  }

  // 代理者 acts for the officer only while the officer is away (運用ルール: the standard has no
  // 代理者, PolicyMap "Roles"); while the officer is present the decision stays theirs.
  if (isDeputyOf(dir, actorId, state.assigneeId)) {
    if (state.assigneeId !== null && isAbsent(ctx.absences, state.assigneeId, ctx.now)) {
      return { ok: true, as: 'deputy' };
    }
    return deny('not_assignee', MESSAGES.deputy_present);
  }

  if (actor.isChiefOfficer) {
    // 12(4)④, 12(5)①イ, 12(5)②ア: 統括 receives incident reports and supervises the response; letting
    // 統括 take any incident step is this bot's choice.
    if (isIncidentKind(state.kind)) return { ok: true, as: 'chief_officer' };
    // 8(3)①エオ, 10(3), 10(4)①②, 10(5)①: take-out, software, private-device and external-service
    // permissions are the section officer's; 12(6)①: an exception reaches 統括 through the officer.
    return deny(
      'not_allowed_for_role',
      state.kind === 'exception' ? MESSAGES.officer_stage_only : MESSAGES.chief_not_request_approver,
    );
  }

  if (actor.isItAdmin) {
    // 6イ, 10(6)②, 12(5)②ケ: advice and coordination on technical incidents, never a decision.
    if (itAdminGrant(state, action, false)) return { ok: true, as: 'it_admin' };
    return deny('not_allowed_for_role', MESSAGES.it_admin_limited);
  }

  // Any other officer or member of staff: not theirs to handle.
  return deny('not_assignee', MESSAGES.not_assignee);
}

// ---------------------------------------------------------------------------------------------
// Viewing. Reading a case is authorized like acting on it: deny by default, and each grant names
// the need to know it comes from. A case holds personal data (who lost what, where, which PC was
// infected), so nobody outside these grants sees even its title or state.

export type ViewingAs =
  'reporter' | 'assignee' | 'recipient' | 'escalated' | 'actor' | 'deputy' | 'chief_officer' | 'it_admin';
export type ViewDenyReason = 'unknown_viewer' | 'no_need_to_know';

export type ViewResult = { ok: true; as: ViewingAs } | { ok: false; reason: ViewDenyReason };

/** Who a case was shown to or handled by, from storage (not from card data). */
export interface CaseInvolvement {
  /** People the case was routed, forwarded or escalated to (case_recipients). */
  recipientIds: readonly string[];
  /** People who took a recorded step on the case (approved, recorded, forwarded …). */
  actorIds: readonly string[];
}

export interface ViewContext {
  viewerId: string;
  directory: Directory;
  absences: readonly Absence[];
  now: Date;
}

/** The kinds whose reports the standard sends to 統括 (12(4)④, 12(5)①イ, 12(5)②イ) or whose
 *  permission is 統括's (12(6)①②). Take-out, software and private-device requests are the section
 *  officer's alone (8(3)①エオ, 10(4)①, 10(5)①, 10(3)): 統括 sees them only when routed or escalated. */
function chiefInvolved(state: CaseState): boolean {
  return isIncidentKind(state.kind) || state.kind === 'exception' || isChiefDecidedRequest(state.kind);
}

export function mayView(state: CaseState, involved: CaseInvolvement, ctx: ViewContext): ViewResult {
  const { viewerId, directory: dir } = ctx;
  const viewer = dir.people.find((p) => p.id === viewerId);
  // Only people in the contact directory (6ウ) see anything.
  if (!viewer) return { ok: false, reason: 'unknown_viewer' };
  if (state.reporterId === viewerId) return { ok: true, as: 'reporter' };
  if (state.assigneeId === viewerId) return { ok: true, as: 'assignee' };
  if (state.escalatedTo.includes(viewerId)) return { ok: true, as: 'escalated' };
  if (involved.recipientIds.includes(viewerId)) return { ok: true, as: 'recipient' };
  if (involved.actorIds.includes(viewerId)) return { ok: true, as: 'actor' };
  // 運用ルール: the deputy stands in for an absent officer who holds the case (the assignee or a
  // recipient), for as long as the absence lasts.
  const holders = [state.assigneeId, ...involved.recipientIds].filter((id): id is string => id !== null);
  if (
    holders.some(
      (holderId) => isDeputyOf(dir, viewerId, holderId) && isAbsent(ctx.absences, holderId, ctx.now),
    )
  )
    return { ok: true, as: 'deputy' };
  if (viewer.isChiefOfficer && chiefInvolved(state)) return { ok: true, as: 'chief_officer' };
  // 6イ: the IT administrator advises on the technical incidents (the same kinds they may act on).
  if (viewer.isItAdmin && isIncidentKind(state.kind) && IT_ADMIN_INCIDENT_KINDS.includes(state.kind))
    return { ok: true, as: 'it_admin' };
  // 11(2)②: an external connection is examined with the IT管理者.
  if (viewer.isItAdmin && state.kind === 'external_connection') return { ok: true, as: 'it_admin' };
  return { ok: false, reason: 'no_need_to_know' };
}

// ---------------------------------------------------------------------------------------------
// What a person may do on a case now (the buttons they see, 担当案件).

/** A placeholder action per verb, to ask the state machine whether the verb fits the case now. */
const PROBES: Readonly<Record<CaseActionName, CaseAction>> = {
  'case.acknowledge': { name: 'case.acknowledge' },
  'case.record': { name: 'case.record', records: {} },
  'case.report_chief': { name: 'case.report_chief' },
  'case.close': { name: 'case.close', content: 'x', cause: 'x', damage: 'x', scope: 'x' },
  'case.approve': { name: 'case.approve' },
  'case.reject': { name: 'case.reject', comment: 'x' },
  'case.endorse': { name: 'case.endorse' },
  'case.ack_post_report': { name: 'case.ack_post_report' },
  'case.consult': { name: 'case.consult', records: {} },
};

/**
 * What `personId` may do on the case now: allowed by the policy (authorize) and fitting the case's
 * state. Input problems (an empty comment) do not hide a button; they are answered on click.
 */
export function allowedActions(
  state: CaseState,
  personId: string,
  ctx: { directory: Directory; absences: readonly Absence[]; now: Date },
): CaseActionName[] {
  return CASE_ACTION_NAMES.filter((name) => {
    if (!authorize(state, name, { actorId: personId, ...ctx }).ok) return false;
    const invalid = validateAction(state, PROBES[name]);
    return invalid === null || invalid.code === 'invalid_input';
  });
}
