// Whether an action can be applied to a case as it is now, whoever acts.
import { caseTitle, isDoneCaseStatus, type Localized } from '../cases';
import { actionAppliesTo, categoryOf, type Category, type CaseAction, type CaseActionName } from './actions';
import { invalidInput, invalidState, type ApplyFailure } from './result';
import type { CaseState, ExceptionStageName } from './state';

const FINAL_MESSAGES: Readonly<Record<string, Localized>> = {
  approved: { ja: 'この案件はすでに承認済みです。', en: 'This case has already been approved.' },
  rejected: { ja: 'この案件はすでに却下されています。', en: 'This case has already been rejected.' },
  cancelled: {
    ja: 'この案件は申請者により取り下げられています。',
    en: 'This case has been withdrawn by the requester.',
  },
  closed: { ja: 'この案件はすでに完了（クローズ）しています。', en: 'This case has already been closed.' },
};

/** Exception stages at which each exception action may be taken. */
const EXCEPTION_ACTION_STAGES: Readonly<Partial<Record<CaseActionName, readonly ExceptionStageName[]>>> = {
  'case.endorse': ['endorse', 'urgent_decision'],
  'case.approve': ['approve'],
  'case.reject': ['endorse', 'urgent_decision', 'approve', 'post_report'],
  'case.ack_post_report': ['post_report'],
};

const STAGE_MISMATCH: Readonly<Record<ExceptionStageName, Localized>> = {
  endorse: {
    ja: 'この例外措置申請は、まだ課情報セキュリティ責任者の進達待ちです。',
    en: 'This exception is still waiting for the section officer to forward it.',
  },
  urgent_decision: {
    ja: 'この緊急の例外措置は、まだ課情報セキュリティ責任者の実施判断待ちです。',
    en: 'This urgent exception is still waiting for the section officer’s decision.',
  },
  approve: {
    ja: 'この例外措置申請はすでに進達済みで、統括情報セキュリティ責任者の許可待ちです。',
    en: 'This exception has already been forwarded and is waiting for the chief officer’s permission.',
  },
  post_report: {
    ja: 'この緊急の例外措置はすでに実施済みで、統括情報セキュリティ責任者の事後報告確認待ちです。',
    en: 'This urgent exception is already in force and waiting for the chief officer to acknowledge the report.',
  },
};

function validateRequest(state: CaseState): ApplyFailure | null {
  if (state.status !== 'submitted') {
    return invalidState('この申請はすでに処理されています。', 'This request has already been handled.');
  }
  return null;
}

function validateException(state: CaseState, action: CaseAction): ApplyFailure | null {
  const allowed = EXCEPTION_ACTION_STAGES[action.name] ?? [];
  if (state.stage !== null && allowed.includes(state.stage)) return null;
  if (state.stage === null) return invalidState('例外措置の段階が不明です。', 'The exception has no stage.');
  return { ok: false, code: 'invalid_state', message: STAGE_MISMATCH[state.stage] };
}

function validateIncident(state: CaseState, action: CaseAction): ApplyFailure | null {
  if (action.name === 'case.acknowledge') {
    if (state.status !== 'submitted') {
      return invalidState('この報告はすでに対応開始済みです。', 'This report has already been acknowledged.');
    }
  } else if (state.status !== 'acknowledged') {
    return invalidState(
      'まず「対応開始」を押してから記録・報告・完了を行ってください。',
      'Acknowledge the report first, then record, report or close it.',
    );
  } else if (action.name === 'case.report_chief' && state.reportedToChief) {
    return invalidState(
      'この案件はすでに統括情報セキュリティ責任者へ報告済みです。',
      'This case has already been reported to the chief officer.',
    );
  }
  return null;
}

const VALIDATE_BY_CATEGORY: Readonly<
  Record<Category, (state: CaseState, action: CaseAction) => ApplyFailure | null>
> = {
  request: validateRequest,
  exception: validateException,
  incident: validateIncident,
};

/**
 * Whether `action` can be applied to `state` as it is now, whoever acts: null when it can, else the
 * failure applyAction would return. Call it before authorize() so that a second click on a card that
 * was already handled says "already done" rather than "not allowed".
 */
export function validateAction(state: CaseState, action: CaseAction): ApplyFailure | null {
  const final = FINAL_MESSAGES[state.status];
  if (isDoneCaseStatus(state.status) && final) return { ok: false, code: 'invalid_state', message: final };
  if (!actionAppliesTo(action.name, state.kind)) {
    const t = caseTitle(state.kind);
    return invalidInput(
      `この操作は「${t.ja}」には使えません。`,
      `This action does not apply to a case of kind "${t.en}".`,
    );
  }
  return VALIDATE_BY_CATEGORY[categoryOf(state.kind)](state, action);
}
