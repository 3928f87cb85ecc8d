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

const CLOSURE_LABELS: Readonly<Record<keyof CaseClosure, Localized>> = {
  content: { ja: '内容', en: 'content' },
  cause: { ja: '原因', en: 'cause' },
  damage: { ja: '確認された被害', en: 'confirmed damage' },
  scope: { ja: '影響範囲', en: 'scope' },
};

/** Why the incident cannot close yet: a blank closing record, a missing step record, no report to 統括. */
function notClosable(state: CaseState, closure: CaseClosure): ApplyFailure | null {
  const blank = (Object.keys(CLOSURE_LABELS) as Array<keyof CaseClosure>).filter((k) => closure[k] === '');
  if (blank.length > 0) {
    // The close group of the card shows what the record rests on (CLOSE_ARTICLE).
    return invalidInput(
      `完了の記録を入力してください: ${blank.map((k) => CLOSURE_LABELS[k].ja).join('、')}`,
      `Please fill in the closing record: ${blank.map((k) => CLOSURE_LABELS[k].en).join(', ')}`,
    );
  }
  const missing = missingRecords(state);
  if (missing.length > 0) {
    const plan = incidentPlan(state.kind as IncidentKind);
    const named = missing.map((id) => plan.officerRecords.find((r) => r.id === id));
    return invalidState(
      `まだ記録されていない項目があります: ${named.map((r) => r?.label.ja ?? '').join('、')}`,
      `Some records are still missing: ${named.map((r) => r?.label.en ?? '').join(', ')}`,
    );
  }
  if (chiefReportRequired(state) && !state.reportedToChief) {
    // The report group of the card shows the article (REPORT_CHIEF_ARTICLE).
    return invalidState(
      '完了の前に統括情報セキュリティ責任者への報告が必要です。',
      'Report to the chief officer before closing.',
    );
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
      summary: { ja: `${title.ja}の対応を完了しました`, en: `"${title.en}" closed` },
    },
    [requesterOf(state), ...chiefsNotify(ctx.directory, closeNoticeArticle(kind))],
    ctx.actorId,
  );
};
