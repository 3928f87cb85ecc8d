import { invalidState, ok, requesterOf, type ActionHandler } from '../result';
import { chiefFor } from '../state';

export const endorse: ActionHandler<'case.endorse'> = (state, action, ctx) => {
  const chief = chiefFor(ctx.directory, state.reporterId, ctx.actorId);
  if (chief === null) {
    return invalidState(
      '進達先の統括情報セキュリティ責任者が緊急連絡網に見つかりません。IT管理者に連絡してください。',
      'No chief security officer to forward this to was found in the contact directory. Please contact the IT administrator.',
    );
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
        ? {
            ja: '課情報セキュリティ責任者が緊急の例外措置の実施を判断し、統括情報セキュリティ責任者へ事後報告しました',
            en: 'The section officer decided to carry out the urgent exception and reported it to the chief officer',
          }
        : {
            ja: '課情報セキュリティ責任者が例外措置申請を統括情報セキュリティ責任者へ進達しました',
            en: 'The section officer forwarded the exception request to the chief officer',
          },
    },
    [{ personId: chief, why: 'assignee' }, requesterOf(state)],
    ctx.actorId,
  );
};
