import { ok, requesterOf, type ActionHandler } from '../result';
import type { CaseDecision } from '../state';
import { msg, t } from '../../../i18n';

export const ackPostReport: ActionHandler<'case.ack_post_report'> = (state, action, ctx) => {
  // Choice: an acknowledged urgent exception is 'approved' (see the head of decisions.ts).
  const decision: CaseDecision = {
    by: ctx.actorId,
    outcome: 'approved',
    // Records are kept in the organisation's language (Japanese), worded by the catalogue.
    comment: action.comment?.trim() || t('ja', 'decision.postReportAcknowledgedComment'),
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
      summary: msg('decision.chief_officer_acknowledged_after_fact'),
    },
    [requesterOf(state)],
    ctx.actorId,
  );
};
