import { ok, requesterOf, type ActionHandler } from '../result';
import type { CaseDecision } from '../state';

export const ackPostReport: ActionHandler<'case.ack_post_report'> = (state, action, ctx) => {
  // Choice: an acknowledged urgent exception is 'approved' (see the head of decisions.ts).
  const decision: CaseDecision = {
    by: ctx.actorId,
    outcome: 'approved',
    comment: action.comment?.trim() || '事後報告を確認',
    conditions: '',
  };
  return ok(
    {
      ...state,
      status: 'approved',
      assigneeId: null,
      decision,
      chiefAcknowledgedAt: ctx.now.toISOString(),
    },
    {
      name: 'case.post_report_acknowledged',
      article: '12(6)②',
      summary: {
        ja: '統括情報セキュリティ責任者が緊急の例外措置の事後報告を確認しました',
        en: 'The chief officer acknowledged the after-the-fact report of the urgent exception',
      },
    },
    [requesterOf(state)],
    ctx.actorId,
  );
};
