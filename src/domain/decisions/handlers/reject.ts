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
  if (state.kind !== 'exception') {
    const title = caseTitle(state.kind);
    return {
      article: requestArticles(state, ctx),
      summary: {
        ja: `${title.ja}を却下しました（理由: ${comment}）`,
        en: `${title.en} rejected (reason: ${comment})`,
      },
    };
  }
  if (state.stage === 'post_report') {
    // 12(6)②: 統括, told after the fact, orders the measure stopped.
    return {
      article: '12(6)②',
      summary: {
        ja: `統括情報セキュリティ責任者が緊急の例外措置の中止を指示しました（理由: ${comment}）`,
        en: `The chief officer ordered the urgent exception stopped (reason: ${comment})`,
      },
    };
  }
  if (state.stage === 'urgent_decision') {
    return {
      article: '12(6)②',
      summary: {
        ja: `課情報セキュリティ責任者が緊急の例外措置を実施しないと判断しました（理由: ${comment}）`,
        en: `The section officer decided not to carry out the urgent exception (reason: ${comment})`,
      },
    };
  }
  return {
    article: '12(6)①',
    summary: {
      ja: `例外措置申請を却下しました（理由: ${comment}）`,
      en: `Exception request rejected (reason: ${comment})`,
    },
  };
}

export const reject: ActionHandler<'case.reject'> = (state, action, ctx) => {
  const comment = action.comment.trim();
  if (comment === '') {
    return invalidInput('却下の理由を入力してください。', 'Please give the reason for the rejection.');
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
