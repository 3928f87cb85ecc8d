import type { Citation, Citations } from '../../articles';
import { decisionArticles } from '../../case-articles';
import { caseTitle, type RequestKind } from '../../cases';
import { ok, requesterOf, type ActionHandler, type ApplyContext } from '../result';
import type { CaseDecision, CaseState } from '../state';
import { msg } from '../../../i18n';

/** What a request's permission (or refusal) rests on: case-articles.ts, from the stored form. */
export function requestArticles(state: CaseState, ctx: ApplyContext): readonly Citation[] {
  return decisionArticles(state.kind as RequestKind, ctx.formValue);
}

export const approve: ActionHandler<'case.approve'> = (state, action, ctx) => {
  const title = caseTitle(state.kind);
  // 12(6)①: 統括's permission; otherwise the section officer's, under the article the request rests
  // on (case-articles.ts: 8(3)①エオ / 10(4)① take-outs, 10(5)① software, 10(3) / 10(4)② private).
  const article: Citations = state.kind === 'exception' ? '12(6)①' : requestArticles(state, ctx);
  const conditions = action.conditions?.trim() ?? '';
  const decision: CaseDecision = {
    by: ctx.actorId,
    outcome: 'approved',
    comment: action.comment?.trim() ?? '',
    conditions,
  };
  return ok(
    { ...state, status: 'approved', assigneeId: null, decision },
    {
      name: 'case.approved',
      article,
      summary:
        conditions === ''
          ? msg('decision.approved', { title })
          : msg('decision.approvedWithConditions', { title, conditions }),
    },
    [requesterOf(state)],
    ctx.actorId,
  );
};
