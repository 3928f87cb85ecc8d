// What applying an action returns: the new state, the event to audit and who must hear of it, or why
// the action cannot be applied. Also the small builders every handler uses.
import type { Citation, Citations } from '../articles';
import type { Localized } from '../cases';
import type { Directory } from '../directory';
import { chiefOfficers } from '../routing';
import type { CaseActionName, CaseActionOf } from './actions';
import type { CaseState } from './state';

export type NotifyWhy = 'requester' | 'chief_officer' | 'assignee';

export interface CaseNotify {
  personId: string;
  why: NotifyWhy;
  /** Why this person hears of it, when that differs from the event's article. */
  article?: Citation;
}

export interface CaseEvent {
  /** 'case.approved', 'case.rejected', 'case.acknowledged', 'case.recorded', 'case.reported_to_chief',
   *  'case.closed', 'case.endorsed', 'case.post_report_acknowledged'. */
  name: string;
  article: Citations;
  summary: Localized;
}

export type ApplyFailureCode = 'invalid_state' | 'invalid_input';

export interface ApplyFailure {
  ok: false;
  code: ApplyFailureCode;
  message: Localized;
}

export interface ApplySuccess {
  ok: true;
  state: CaseState;
  event: CaseEvent;
  notify: CaseNotify[];
}

export type ApplyResult = ApplySuccess | ApplyFailure;

export interface ApplyContext {
  actorId: string;
  now: Date;
  directory: Directory;
  /** The case's validated form value: what a request's permission rests on depends on it. */
  formValue?: unknown;
}

/**
 * What one action does to a case that validateAction has accepted. Does not check who acts
 * (authorization.ts does); `ctx.actorId` is recorded as the decider.
 */
export type ActionHandler<N extends CaseActionName> = (
  state: CaseState,
  action: CaseActionOf<N>,
  ctx: ApplyContext,
) => ApplyResult;

export function invalidState(message: Localized): ApplyFailure {
  return { ok: false, code: 'invalid_state', message };
}

export function invalidInput(message: Localized): ApplyFailure {
  return { ok: false, code: 'invalid_input', message };
}

function uniqueNotify(list: CaseNotify[], exclude: string): CaseNotify[] {
  const seen = new Set<string>([exclude]);
  const out: CaseNotify[] = [];
  for (const n of list) {
    if (seen.has(n.personId)) continue;
    seen.add(n.personId);
    out.push(n);
  }
  return out;
}

/** The reporter of the case, told of the decision. */
export function requesterOf(state: CaseState): CaseNotify {
  return { personId: state.reporterId, why: 'requester' };
}

export function chiefsNotify(dir: Directory, article?: Citation): CaseNotify[] {
  return chiefOfficers(dir).map((personId) => ({
    personId,
    why: 'chief_officer' as const,
    ...(article ? { article } : {}),
  }));
}

/** A success; notifications never include the actor, nor anyone twice. */
export function ok(state: CaseState, event: CaseEvent, notify: CaseNotify[], actorId: string): ApplySuccess {
  return { ok: true, state, event, notify: uniqueNotify(notify, actorId) };
}
