// The card verbs of composing, answering, correcting and recalling a broadcast. Other broadcast
// cards (the sender's status card) import these to offer 訂正 / 取消 buttons.
//
// Every payload carries ids only: `{ verb, broadcastId }`, plus `version` on 送信 / 訂正 / 取消
// (optimistic concurrency) and `answer` (the index of a choice, or 'ack') on 回答. A button may be
// Action.Execute (with `data.verb` repeated, so its Action.Submit fallback parses too) or
// Action.Submit. 訂正 / 取消 from another card answer the click with a new message holding the form
// and leave the clicked card as it is.

export const BROADCAST_VERBS = {
  /** The compose form was submitted: validate, save the draft, show the preview. */
  review: 'broadcast.review',
  /** 修正 on the preview, or 続きから on the resume card: the form again with the draft. */
  edit: 'broadcast.edit',
  /** 破棄 on the resume card. */
  discard: 'broadcast.discard',
  /** 送信 on the preview: `{ broadcastId, version }`. */
  send: 'broadcast.send',
  /** A recipient answers: `{ broadcastId, answer: 'ack' | '0'…'3' }`. */
  answer: 'broadcast.answer',
  /** `refresh` of a recipient's copy (re-rendered from storage for the viewer). */
  copyRefresh: 'broadcast.copy_refresh',
  /** 訂正: opens the correction form `{ broadcastId }`. */
  correctOpen: 'broadcast.correct_open',
  /** The correction form was submitted: `{ broadcastId, version }` + title/body inputs. */
  correctSubmit: 'broadcast.correct_submit',
  /** 取消: asks for confirmation `{ broadcastId }`. */
  recall: 'broadcast.recall',
  /** 取り消す on the confirmation: `{ broadcastId, version }`. */
  recallConfirm: 'broadcast.recall_confirm',
  /** 統括 on a case card: the case to the other officers through IT管理者 (12(4)⑤) `{ caseId }`. */
  caseOfficers: 'broadcast.case_officers',
  /** 統括 on a case card: a cyber-attack emergency to all staff through IT管理者 (12(5)②エ) `{ caseId }`. */
  caseAllStaff: 'broadcast.case_all_staff',
  /** The officer records the recurrence analysis and measures (12(5)③) `{ caseId }` + inputs. */
  recurrenceRecord: 'broadcast.recurrence_record',
  /** IT管理者 confirms the measures were agreed (12(5)③ 協議) `{ caseId }`. */
  recurrenceAgree: 'broadcast.recurrence_agree',
  /** The officer tells their staff (12(5)③ second sentence) `{ caseId }`: the preview of the notice. */
  recurrenceNotify: 'broadcast.recurrence_notify',
  /** 統括: who relayed a revised standard to their staff (14(5) → 14(6)) `{ broadcastId }`. */
  relayStatus: 'broadcast.relay_status',
} as const;

/** The broadcast verbs a case card carries (`{ verb, caseId }`). */
export const CASE_LINK_VERBS = [
  BROADCAST_VERBS.caseOfficers,
  BROADCAST_VERBS.caseAllStaff,
  BROADCAST_VERBS.recurrenceRecord,
  BROADCAST_VERBS.recurrenceAgree,
  BROADCAST_VERBS.recurrenceNotify,
] as const;
export type CaseLinkVerb = (typeof CASE_LINK_VERBS)[number];

export type BroadcastVerb = (typeof BROADCAST_VERBS)[keyof typeof BROADCAST_VERBS];

/** BC-2026-0001 (storage/broadcast-repo.ts nextId). */
export const BROADCAST_ID_PATTERN = /^BC-\d{4}-\d{4,}$/;

/** The data of a 訂正 / 取消 button on another card (verb repeated for the Action.Submit fallback). */
export function manageButtonData(
  verb: typeof BROADCAST_VERBS.correctOpen | typeof BROADCAST_VERBS.recall,
  broadcastId: string,
): { verb: string; broadcastId: string } {
  return { verb, broadcastId };
}
