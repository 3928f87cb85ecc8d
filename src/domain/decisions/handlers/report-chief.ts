import { msg } from '../../../i18n';
import { REPORT_CHIEF_ARTICLE } from '../../case-articles';
import { caseTitle, type IncidentKind } from '../../cases';
import { chiefsNotify, ok, type ActionHandler } from '../result';

export const reportChief: ActionHandler<'case.report_chief'> = (state, _action, ctx) => {
  const kind = state.kind as IncidentKind;
  const title = caseTitle(state.kind);
  return ok(
    { ...state, reportedToChief: true },
    {
      name: 'case.reported_to_chief',
      article: REPORT_CHIEF_ARTICLE[kind],
      summary: msg('decision.reportedToChief', { title }),
    },
    chiefsNotify(ctx.directory),
    ctx.actorId,
  );
};
