// The cyber-attack case (11(2)⑦, 12(5)②): who may record which step, the order the standard puts
// some steps in, and when the case is an emergency for all staff (12(5)②エ). Pure.
import type { ActingAs } from '../authorization';
import type { Citation } from '../articles';
import { isOpenCaseStatus, type CaseKind, type CaseStatus, type Localized } from '../cases';
import { isFilled } from '../decisions/records';
import { msg } from '../../i18n';
import { incidentPlan } from './incident';

export type CyberStepId =
  | 'connection_cut'
  | 'investigation'
  | 'attack_records'
  | 'it_admin_consulted'
  | 'system_stopped'
  | 'system_stopped_urgent'
  | 'chief_consulted'
  | 'police_report';

/**
 * Steps someone other than the section officer (or who stands in for them) may record, because the
 * article names them in that step: the consultation on stopping the system is with IT管理者
 * (12(5)②キ), the consultation before a police report with 統括 (12(5)②ウ). Every other step binds
 * the section officer (11(2)⑦, 12(5)②キウ): 統括 and IT管理者 may see the case but not record them.
 */
const GRANTS_BY_ROLE: Readonly<Record<'chief_officer' | 'it_admin', readonly CyberStepId[]>> = {
  chief_officer: ['chief_consulted'],
  it_admin: ['it_admin_consulted'],
};

/** How the actor acts on the case for the steps' purpose (authorization.ts's `as`, refined). */
export type CyberStepRole = 'officer' | 'chief_officer' | 'it_admin';

/**
 * The step role of someone authorize() let record: the assignee or a deputy acts as the officer;
 * someone reached by escalation (運用ルール) acts as the officer too, unless they are only an
 * IT管理者, who keeps the IT管理者's step.
 */
export function cyberStepRole(
  as: ActingAs,
  actor: { isItAdmin: boolean; isChiefOfficer: boolean },
): CyberStepRole {
  if (as === 'assignee' || as === 'deputy') return 'officer';
  if (as === 'escalated') return actor.isItAdmin && !actor.isChiefOfficer ? 'it_admin' : 'officer';
  return as;
}

export function cyberStepsFor(role: CyberStepRole): readonly string[] {
  if (role === 'officer') return incidentPlan('cyber_attack').officerRecords.map((r) => r.id);
  return GRANTS_BY_ROLE[role];
}

/**
 * Why these record ids may not be recorded by this role, or null when they may. Re-checked on the
 * server for every click, whatever the card showed.
 */
export function cyberStepRefusal(role: CyberStepRole, recordIds: readonly string[]): Localized | null {
  const allowed = cyberStepsFor(role);
  if (recordIds.every((id) => allowed.includes(id))) return null;
  const labels = incidentPlan('cyber_attack')
    .officerRecords.filter((r) => allowed.includes(r.id))
    .map((r) => r.label);
  return labels.length > 0
    ? msg('step.cyber_attack.not_your_step', { steps: labels })
    : msg('step.cyber_attack.no_step_for_you');
}

/**
 * The order the standard sets: the system is stopped after consulting IT管理者, unless it was urgent
 * (12(5)②キ and its proviso); the police report follows the consultation with 統括 (12(5)②ウ).
 * `records` is the state after this submission.
 */
export function cyberStepOrderError(
  records: Readonly<Record<string, string>>,
  recorded: readonly string[],
): Localized | null {
  if (recorded.includes('system_stopped') && !isFilled(records.it_admin_consulted))
    return msg('step.cyber_attack.stop_needs_consultation');
  if (recorded.includes('police_report') && !isFilled(records.chief_consulted))
    return msg('step.cyber_attack.police_needs_consultation');
  return null;
}

/**
 * The articles a police report applies: 12(5)②ウ always; a serious incident such as a possible
 * personal-data leak also the second sentence of 11(2)⑦ (work with the police to stop the damage).
 */
export function policeReportArticles(possibleLeak: boolean): Citation[] {
  return possibleLeak ? ['12(5)②ウ', '11(2)⑦'] : ['12(5)②ウ'];
}

export interface CyberCaseFacts {
  kind: CaseKind;
  status: CaseStatus;
  /** The validated report (flows/cyber-attack.ts); read defensively. */
  formValue: unknown;
  /** The officer's step records so far. */
  records: Readonly<Record<string, string>>;
}

/**
 * Whether a case is a cyber-attack emergency (12(5)②エ: 侵害事案がサイバー攻撃等による緊急時), for
 * the all-staff broadcast 統括 opens through IT管理者: an open cyber-attack case whose report says
 * the attack is still going on, or whose connection was not cut and no cut has been recorded yet,
 * and which no system stop has ended. Anything unreadable counts as an emergency (fail safe).
 */
export function isCyberEmergency(c: CyberCaseFacts): boolean {
  if (c.kind !== 'cyber_attack' || !isOpenCaseStatus(c.status)) return false;
  if (isFilled(c.records.system_stopped) || isFilled(c.records.system_stopped_urgent)) return false;
  const v =
    typeof c.formValue === 'object' && c.formValue !== null ? (c.formValue as Record<string, unknown>) : {};
  const continues = v.damageContinues !== false;
  const stillConnected = v.connectionCut !== true && !isFilled(c.records.connection_cut);
  return continues || stillConnected;
}
