import { msg } from '../../../i18n';
import type { Citations } from '../../articles';
import { caseTitle, type Localized } from '../../cases';
import { invalidInput, ok, requesterOf, type ActionHandler, type ApplyContext } from '../result';
import type { CaseDecision, CaseState } from '../state';
import { requestArticles } from './approve';

/** The article and summary of a refusal: of a request, or of an exception at its stage. */
function rejection(
  state: CaseState,
  comment: string,
  ctx: ApplyContext,
): { article: Citations; summary: Localized } {
  if (state.kind === 'external_connection' && state.stage === 'consult') {
    // 11(2)②: the IT管理者 could not confirm that sufficient measures are in place.
    return { article: '11(2)②', summary: msg('permissions.consult.rejected', { comment }) };
  }
  if (state.kind !== 'exception') {
    const title = caseTitle(state.kind);
    return {
      article: requestArticles(state, ctx),
      summary: msg('decision.rejected', { title, comment }),
    };
  }
  if (state.stage === 'post_report') {
    // 12(6)②: 統括, told after the fact, orders the measure stopped.
    return {
      article: '12(6)②',
      summary: msg('decision.urgentStopped', { comment }),
    };
  }
  if (state.stage === 'urgent_decision') {
    return {
      article: '12(6)②',
      summary: msg('decision.urgentNotDone', { comment }),
    };
  }
  return {
    article: '12(6)①',
    summary: msg('decision.exceptionRejected', { comment }),
  };
}

export const reject: ActionHandler<'case.reject'> = (state, action, ctx) => {
  const comment = action.comment.trim();
  if (comment === '') {
    return invalidInput(msg('decision.please_give_reason_rejection'));
  }
  const { article, summary } = rejection(state, comment, ctx);
  const decision: CaseDecision = { by: ctx.actorId, outcome: 'rejected', comment, conditions: '' };
  return ok(
    { ...state, status: 'rejected', assigneeId: null, decision },
    { name: 'case.rejected', article, summary },
    [requesterOf(state)],
    ctx.actorId,
  );
};
