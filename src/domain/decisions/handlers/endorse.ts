import { invalidState, ok, requesterOf, type ActionHandler } from '../result';
import { chiefFor } from '../state';
import { msg } from '../../../i18n';

export const endorse: ActionHandler<'case.endorse'> = (state, action, ctx) => {
  const chief = chiefFor(ctx.directory, state.reporterId, ctx.actorId);
  if (chief === null) {
    return invalidState(msg('decision.no_chief_security_officer_forward'));
  }
  const urgentDecision = state.stage === 'urgent_decision';
  const comment = action.comment?.trim() ?? '';
  return ok(
    {
      ...state,
      status: 'endorsed',
      stage: urgentDecision ? 'post_report' : 'approve',
      assigneeId: chief,
      // Escalation made those people responsible for the officer's step, not for 統括's
      // permission (12(6)①): see the head of decisions.ts.
      escalatedTo: [],
      endorsement: { by: ctx.actorId, comment, at: ctx.now.toISOString() },
    },
    {
      name: 'case.endorsed',
      article: urgentDecision ? '12(6)②' : '12(6)①',
      summary: urgentDecision
        ? msg('decision.section_officer_decided_carry_out')
        : msg('decision.section_officer_forwarded_exception_request'),
    },
    [{ personId: chief, why: 'assignee' }, requesterOf(state)],
    ctx.actorId,
  );
};
