// The payloads of the broadcast cards (verbs.ts), one zod schema each, joined into the one union
// of card payloads (../card-actions.ts). Ids only; typed text arrives merged into the loose ones.
import { z } from 'zod';
import { BROADCAST_ID_PATTERN, BROADCAST_VERBS as V } from './verbs';

const BroadcastId = z.string().regex(BROADCAST_ID_PATTERN);
/** Card data round-trips numbers, but a client may send them back as text. */
const Version = z.union([z.number().int().min(1), z.string().regex(/^\d+$/).transform(Number)]);
/** 'ack', or the index of a choice. */
const AnswerValue = z.union([z.literal('ack'), z.string().regex(/^[0-3]$/), z.number().int().min(0).max(3)]);

/** The compose form (its inputs merged in); no id before the first save. */
export const BroadcastReviewSchema = z.looseObject({
  verb: z.literal(V.review),
  broadcastId: z.union([BroadcastId, z.literal('')]).optional(),
});
export const BroadcastEditSchema = z.object({ verb: z.literal(V.edit), broadcastId: BroadcastId });
export const BroadcastDiscardSchema = z.object({ verb: z.literal(V.discard), broadcastId: BroadcastId });
export const BroadcastSendSchema = z.object({
  verb: z.literal(V.send),
  broadcastId: BroadcastId,
  version: Version,
});
export const BroadcastAnswerSchema = z.object({
  verb: z.literal(V.answer),
  broadcastId: BroadcastId,
  answer: AnswerValue,
});
export const BroadcastCopyRefreshSchema = z.object({
  verb: z.literal(V.copyRefresh),
  broadcastId: BroadcastId,
});
export const BroadcastCorrectOpenSchema = z.object({
  verb: z.literal(V.correctOpen),
  broadcastId: BroadcastId,
});
/** The correction form: `title` and `body` merged in. */
export const BroadcastCorrectSubmitSchema = z.looseObject({
  verb: z.literal(V.correctSubmit),
  broadcastId: BroadcastId,
  version: Version,
});
export const BroadcastRecallSchema = z.object({ verb: z.literal(V.recall), broadcastId: BroadcastId });
export const BroadcastRecallConfirmSchema = z.object({
  verb: z.literal(V.recallConfirm),
  broadcastId: BroadcastId,
  version: Version,
});

const CaseId = z.string().regex(/^(INC|REQ)-\d{4}-\d{4,}$/);
export const BroadcastCaseOfficersSchema = z.object({ verb: z.literal(V.caseOfficers), caseId: CaseId });
export const BroadcastCaseAllStaffSchema = z.object({ verb: z.literal(V.caseAllStaff), caseId: CaseId });
/** The recurrence form: `recurrence_analysis` and `recurrence_measures` merged in. */
export const BroadcastRecurrenceRecordSchema = z.looseObject({
  verb: z.literal(V.recurrenceRecord),
  caseId: CaseId,
});
export const BroadcastRecurrenceAgreeSchema = z.object({
  verb: z.literal(V.recurrenceAgree),
  caseId: CaseId,
});
export const BroadcastRecurrenceNotifySchema = z.object({
  verb: z.literal(V.recurrenceNotify),
  caseId: CaseId,
});
export const BroadcastRelayStatusSchema = z.object({
  verb: z.literal(V.relayStatus),
  broadcastId: BroadcastId,
});

export const BROADCAST_ACTION_SCHEMAS = [
  BroadcastReviewSchema,
  BroadcastEditSchema,
  BroadcastDiscardSchema,
  BroadcastSendSchema,
  BroadcastAnswerSchema,
  BroadcastCopyRefreshSchema,
  BroadcastCorrectOpenSchema,
  BroadcastCorrectSubmitSchema,
  BroadcastRecallSchema,
  BroadcastRecallConfirmSchema,
  BroadcastCaseOfficersSchema,
  BroadcastCaseAllStaffSchema,
  BroadcastRecurrenceRecordSchema,
  BroadcastRecurrenceAgreeSchema,
  BroadcastRecurrenceNotifySchema,
  BroadcastRelayStatusSchema,
] as const;
