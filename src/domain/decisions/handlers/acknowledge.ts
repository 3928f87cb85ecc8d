import { msg } from '../../../i18n';
import { ACKNOWLEDGE_ARTICLE } from '../../case-articles';
import { caseTitle, type IncidentKind } from '../../cases';
import { ok, requesterOf, type ActionHandler } from '../result';

export const acknowledge: ActionHandler<'case.acknowledge'> = (state, _action, ctx) => {
  const kind = state.kind as IncidentKind;
  const title = caseTitle(state.kind);
  return ok(
    { ...state, status: 'acknowledged' },
    {
      name: 'case.acknowledged',
      article: ACKNOWLEDGE_ARTICLE[kind],
      summary: msg('decision.acknowledged', { title }),
    },
    [requesterOf(state)],
    ctx.actorId,
  );
};
