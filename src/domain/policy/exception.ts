// Exception (例外措置) approval stages, 12(6)①②.
import type { Citation } from '../articles';
import type { CaseStatus, Localized } from '../cases';
import { msg } from '../../i18n';

export type ExceptionStageName = 'endorse' | 'approve' | 'post_report';
export type ExceptionStageActor = 'section_officer' | 'chief_officer';

export interface ExceptionStage {
  stage: ExceptionStageName;
  by: ExceptionStageActor;
  /** True when the actor can only acknowledge (事後報告): the measure is already in force. */
  acknowledgeOnly: boolean;
  article: Citation;
  /** Status the case takes when this stage completes. */
  statusOnComplete: CaseStatus;
  label: Localized;
}

export interface ExceptionStageOptions {
  /**
   * The standard lets the section officer take an exception (12(6)①); when the officer files it,
   * their own filing is the endorsement and there is nobody below them to forward it.
   */
  filedBySectionOfficer?: boolean;
}

const ENDORSE: ExceptionStage = {
  stage: 'endorse',
  by: 'section_officer',
  acknowledgeOnly: false,
  article: '12(6)①',
  statusOnComplete: 'endorsed',
  label: msg('policy.exception.forwarded_section_officer'),
};
const APPROVE: ExceptionStage = {
  stage: 'approve',
  by: 'chief_officer',
  acknowledgeOnly: false,
  article: '12(6)①',
  statusOnComplete: 'approved',
  label: msg('policy.exception.approved_chief_security_officer'),
};
const URGENT_DECISION: ExceptionStage = {
  ...ENDORSE,
  article: '12(6)②',
  label: msg('policy.exception.section_officer_decides_act_once'),
};
const POST_REPORT: ExceptionStage = {
  stage: 'post_report',
  by: 'chief_officer',
  acknowledgeOnly: true,
  article: '12(6)②',
  statusOnComplete: 'acknowledged',
  label: msg('policy.exception.reported_afterwards_chief_officer'),
};

export function exceptionStages(
  value: { urgent: boolean },
  opts: ExceptionStageOptions = {},
): ExceptionStage[] {
  const byOfficer = opts.filedBySectionOfficer === true;
  if (value.urgent) {
    // Urgent: the officer may act before permission but must tell 統括 at once afterwards (12(6)②).
    return byOfficer ? [POST_REPORT] : [URGENT_DECISION, POST_REPORT];
  }
  return byOfficer ? [APPROVE] : [ENDORSE, APPROVE];
}

/** The stage after `completed` stages are done, or null when the exception is fully decided. */
export function nextExceptionStage(
  stages: readonly ExceptionStage[],
  completed: number,
): ExceptionStage | null {
  return stages[completed] ?? null;
}
