// Applying an action: validate it against the case as it is now, then let the action's own handler
// (handlers/) compute the new state. The table has one handler per action name, typed so that a
// missing handler, or one written for another action's payload, does not compile.
import type { CaseAction, CaseActionName, CaseActionOf } from './actions';
import { acknowledge } from './handlers/acknowledge';
import { ackPostReport } from './handlers/ack-post-report';
import { approve } from './handlers/approve';
import { close } from './handlers/close';
import { consult } from './handlers/consult';
import { endorse } from './handlers/endorse';
import { record } from './handlers/record';
import { reject } from './handlers/reject';
import { reportChief } from './handlers/report-chief';
import type { ActionHandler, ApplyContext, ApplyResult } from './result';
import type { CaseState } from './state';
import { validateAction } from './validate';

export type ActionHandlers = { readonly [N in CaseActionName]: ActionHandler<N> };

export const ACTION_HANDLERS: ActionHandlers = {
  'case.acknowledge': acknowledge,
  'case.record': record,
  'case.report_chief': reportChief,
  'case.close': close,
  'case.approve': approve,
  'case.reject': reject,
  'case.endorse': endorse,
  'case.ack_post_report': ackPostReport,
  'case.consult': consult,
};

/** Calls the handler of `name`; the generic ties the handler to the payload of the same action. */
function runHandler<N extends CaseActionName>(
  name: N,
  state: CaseState,
  action: CaseActionOf<N>,
  ctx: ApplyContext,
): ApplyResult {
  const handler: ActionHandler<N> = ACTION_HANDLERS[name];
  return handler(state, action, ctx);
}

/**
 * Applies one decision to a case. Does not check who acts (authorization.ts does); `ctx.actorId` is
 * recorded as the decider. Notifications never include the actor.
 */
export function applyAction(state: CaseState, action: CaseAction, ctx: ApplyContext): ApplyResult {
  const invalid = validateAction(state, action);
  if (invalid) return invalid;
  return runHandler(action.name, state, action, ctx);
}
