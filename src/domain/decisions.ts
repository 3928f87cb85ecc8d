// The case state machine: what each decision (approve, reject, endorse, acknowledge, record, report,
// close) does to a case, which article it applies and who must hear of it. Pure: the caller loads the
// case, checks who is acting (authorization.ts), applies the action and stores the result.
//
// This file is the module's public face; the parts live in decisions/, one job each:
// - state.ts     CaseState, CaseSeed and the state of a case just submitted (initialCaseState);
// - actions.ts   the action names, their payload schema and the case categories they apply to;
// - validate.ts  whether an action fits the case as it is now (validateAction);
// - records.ts   what an incident needs before it closes (missingRecords, chiefReportRequired);
// - result.ts    what applying returns (ApplyResult, CaseEvent, CaseNotify) and its builders;
// - handlers/    one handler per action, and apply.ts, which looks them up in a table typed over
//                CaseActionName (a missing handler does not compile) behind validateAction.
// Every article comes from case-articles.ts or is a key of articles.ts.
//
// Choices where the standard leaves room (each also noted at the rule):
// - An urgent exception (12(6)②) that 統括 has acknowledged ends as status 'approved' with a decision
//   { outcome: 'approved', comment: '事後報告を確認' }: the measure is in force with 統括's knowledge.
//   'acknowledged' stays reserved for incidents (対応開始), so a status filter never mixes the two.
//   (policy/exception.ts names 'acknowledged' as the post_report statusOnComplete; this module is the
//   one that sets statuses.)
// - Done statuses (domain/cases.ts DONE_CASE_STATUSES) are final for every action here (a take-out's
//   return is confirmed by the ledger, not by this state machine).
// - `stage` keeps the stage a case ended in; `assigneeId` becomes null when nobody has to act any more.
// - When an exception moves to 統括 the escalations of the officer's stage are cleared: escalation
//   made those people responsible for the officer's step, not for 統括's permission (12(6)①).
export {
  EXCEPTION_STAGE_NAMES,
  initialCaseState,
  type CaseClosure,
  type CaseDecision,
  type CaseEndorsement,
  type CaseSeed,
  type CaseState,
  type ExceptionStageName,
  type StageName,
} from './decisions/state';
export {
  ACTION_CATEGORIES,
  actionAppliesTo,
  CASE_ACTION_NAMES,
  CASE_TEXT_MAX_LENGTH,
  CaseActionSchema,
  isCaseActionName,
  type CaseAction,
  type CaseActionName,
  type CaseActionOf,
} from './decisions/actions';
export {
  type ActionHandler,
  type ApplyContext,
  type ApplyFailure,
  type ApplyFailureCode,
  type ApplyResult,
  type ApplySuccess,
  type CaseEvent,
  type CaseNotify,
  type NotifyWhy,
} from './decisions/result';
export { chiefReportRequired, missingRecords } from './decisions/records';
export { validateAction } from './decisions/validate';
export { ACTION_HANDLERS, applyAction, type ActionHandlers } from './decisions/apply';
