import { CLOSE_ARTICLE, closeNoticeArticle } from '../../case-articles';
import { caseTitle, type IncidentKind, type Localized } from '../../cases';
import { incidentPlan } from '../../policy/incident';
import { chiefReportRequired, missingRecords } from '../records';
import {
  chiefsNotify,
  invalidInput,
  invalidState,
  ok,
  requesterOf,
  type ActionHandler,
  type ApplyFailure,
} from '../result';
import type { CaseClosure, CaseState } from '../state';
import { msg } from '../../../i18n';

const CLOSURE_LABELS: Readonly<Record<keyof CaseClosure, Localized>> = {
  content: msg('decision.content'),
  cause: msg('decision.cause'),
  damage: msg('decision.confirmed_damage'),
  scope: msg('decision.scope'),
};

/** Why the incident cannot close yet: a blank closing record, a missing step record, no report to 統括. */
function notClosable(state: CaseState, closure: CaseClosure): ApplyFailure | null {
  const blank = (Object.keys(CLOSURE_LABELS) as Array<keyof CaseClosure>).filter((k) => closure[k] === '');
  if (blank.length > 0) {
    // The close group of the card shows what the record rests on (CLOSE_ARTICLE).
    return invalidInput(msg('decision.closeBlank', { fields: blank.map((k) => CLOSURE_LABELS[k]) }));
  }
  const missing = missingRecords(state);
  if (missing.length > 0) {
    const plan = incidentPlan(state.kind as IncidentKind);
    const named = missing.map((id) => plan.officerRecords.find((r) => r.id === id));
    return invalidState(msg('decision.recordsMissing', { fields: named.map((r) => r?.label ?? '') }));
  }
  if (chiefReportRequired(state) && !state.reportedToChief) {
    // The report group of the card shows the article (REPORT_CHIEF_ARTICLE).
    return invalidState(msg('decision.report_chief_officer_before_closing'));
  }
  return null;
}

export const close: ActionHandler<'case.close'> = (state, action, ctx) => {
  const kind = state.kind as IncidentKind;
  const title = caseTitle(state.kind);
  const closure: CaseClosure = {
    content: action.content.trim(),
    cause: action.cause.trim(),
    damage: action.damage.trim(),
    scope: action.scope.trim(),
  };
  const invalid = notClosable(state, closure);
  if (invalid) return invalid;
  return ok(
    { ...state, status: 'closed', assigneeId: null, closure },
    {
      name: 'case.closed',
      article: CLOSE_ARTICLE[kind],
      summary: msg('decision.closed', { title }),
    },
    [requesterOf(state), ...chiefsNotify(ctx.directory, closeNoticeArticle(kind))],
    ctx.actorId,
  );
};
