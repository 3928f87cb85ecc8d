// Whether an action can be applied to a case as it is now, whoever acts.
import { caseTitle, isDoneCaseStatus, type Localized } from '../cases';
import { actionAppliesTo, categoryOf, type Category, type CaseAction, type CaseActionName } from './actions';
import { invalidInput, invalidState, type ApplyFailure } from './result';
import type { CaseState, ExceptionStageName, StageName } from './state';
import { msg } from '../../i18n';

const FINAL_MESSAGES: Readonly<Record<string, Localized>> = {
  approved: msg('decision.case_has_already_been_approved'),
  rejected: msg('decision.case_has_already_been_rejected'),
  cancelled: msg('decision.case_has_been_withdrawn_requester'),
  closed: msg('decision.case_has_already_been_closed'),
};

/** Exception stages at which each exception action may be taken. */
const EXCEPTION_ACTION_STAGES: Readonly<Partial<Record<CaseActionName, readonly ExceptionStageName[]>>> = {
  'case.endorse': ['endorse', 'urgent_decision'],
  'case.approve': ['approve'],
  'case.reject': ['endorse', 'urgent_decision', 'approve', 'post_report'],
  'case.ack_post_report': ['post_report'],
};

const STAGE_MISMATCH: Readonly<Record<ExceptionStageName, Localized>> = {
  endorse: msg('decision.exception_still_waiting_section_officer'),
  urgent_decision: msg('decision.urgent_exception_still_waiting_section'),
  approve: msg('decision.exception_has_already_been_forwarded'),
  post_report: msg('decision.urgent_exception_already_force_waiting'),
};

function validateRequest(state: CaseState): ApplyFailure | null {
  if (state.status !== 'submitted') {
    return invalidState(msg('decision.request_has_already_been_handled'));
  }
  return null;
}

function validateException(state: CaseState, action: CaseAction): ApplyFailure | null {
  const allowed: readonly StageName[] = EXCEPTION_ACTION_STAGES[action.name] ?? [];
  if (state.stage !== null && allowed.includes(state.stage)) return null;
  if (state.stage === null || state.stage === 'consult')
    return invalidState(msg('decision.exception_has_no_stage'));
  return { ok: false, code: 'invalid_state', message: STAGE_MISMATCH[state.stage] };
}

/** Stages of a request 統括 decides (9(3)③, 11(2)②③) at which each action may be taken. */
const CHIEF_REQUEST_ACTION_STAGES: Readonly<Partial<Record<CaseActionName, readonly StageName[]>>> = {
  'case.consult': ['consult'],
  'case.approve': ['approve'],
  'case.reject': ['consult', 'approve'],
};

function validateChiefRequest(state: CaseState, action: CaseAction): ApplyFailure | null {
  const allowed = CHIEF_REQUEST_ACTION_STAGES[action.name] ?? [];
  if (state.stage !== null && allowed.includes(state.stage)) return null;
  return invalidState(
    state.stage === 'consult'
      ? msg('permissions.consult.still_waiting_it_admin')
      : msg('permissions.consult.already_consulted'),
  );
}

function validateIncident(state: CaseState, action: CaseAction): ApplyFailure | null {
  if (action.name === 'case.acknowledge') {
    if (state.status !== 'submitted') {
      return invalidState(msg('decision.report_has_already_been_acknowledged'));
    }
  } else if (state.status !== 'acknowledged') {
    return invalidState(msg('decision.acknowledge_report_first_then_record'));
  } else if (action.name === 'case.report_chief' && state.reportedToChief) {
    return invalidState(msg('decision.case_has_already_been_reported'));
  }
  return null;
}

const VALIDATE_BY_CATEGORY: Readonly<
  Record<Category, (state: CaseState, action: CaseAction) => ApplyFailure | null>
> = {
  request: validateRequest,
  exception: validateException,
  incident: validateIncident,
  chief_request: validateChiefRequest,
};

/**
 * Whether `action` can be applied to `state` as it is now, whoever acts: null when it can, else the
 * failure applyAction would return. Call it before authorize() so that a second click on a card that
 * was already handled says "already done" rather than "not allowed".
 */
export function validateAction(state: CaseState, action: CaseAction): ApplyFailure | null {
  const final = FINAL_MESSAGES[state.status];
  if (isDoneCaseStatus(state.status) && final) return { ok: false, code: 'invalid_state', message: final };
  if (!actionAppliesTo(action.name, state.kind)) {
    const t = caseTitle(state.kind);
    return invalidInput(msg('decision.notApplicable', { title: t }));
  }
  return VALIDATE_BY_CATEGORY[categoryOf(state.kind)](state, action);
}
