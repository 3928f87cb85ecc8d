// Every payload an Adaptive Card can send back, parsed by one zod discriminated union.
// Card data carries ids only: handlers reload state from storage and re-check the acting user.
import { z } from 'zod';
import { CASE_KINDS } from '../domain/cases';
import { CASE_ACTION_NAMES } from '../domain/decisions';
import { INTENTS } from '../domain/intents';
import {
  BroadcastExportSchema,
  BroadcastNonRespondersSchema,
  BroadcastOpenSchema,
  BroadcastRemindSchema,
  BroadcastStatusRefreshSchema,
} from './broadcast/status-verbs';
import { BROADCAST_ACTION_SCHEMAS } from './broadcast/actions';
import { CONTRACT_ACTION_SCHEMAS } from './contract-actions';
import { MEDIA_ACTION_SCHEMAS } from './media-actions';
import { LedgerExportSchema, LedgerPageSchema, LedgerShowSchema } from './ledger/verbs';
import { DUTY_ACTION_SCHEMAS } from './duty-actions';

const Kind = z.enum(CASE_KINDS);
const CaseId = z.string().regex(/^(INC|REQ)-\d{4}-\d{4,}$/);

export const MenuSelectSchema = z.object({ verb: z.literal('menu.select'), intent: z.enum(INTENTS) });
export const MenuShowSchema = z.object({ verb: z.literal('menu.show') });

/**
 * The form's inputs arrive merged into the same object (Action.Submit), so this one is loose: the
 * extra keys are the raw answers, validated by the flow's own schema on the server.
 */
export const FlowReviewSchema = z.looseObject({ verb: z.literal('flow.review'), kind: Kind });
export const FlowSubmitSchema = z.object({ verb: z.literal('flow.submit'), kind: Kind });
export const FlowEditSchema = z.object({ verb: z.literal('flow.edit'), kind: Kind });
export const DraftResumeSchema = z.object({ verb: z.literal('draft.resume'), kind: Kind });
export const DraftDiscardSchema = z.object({ verb: z.literal('draft.discard'), kind: Kind });
export const CasesMineSchema = z.object({ verb: z.literal('cases.mine') });
export const CaseCancelSchema = z.object({ verb: z.literal('case.cancel'), caseId: CaseId });

// The approver's case card (cards/case-card.json), sent as Action.Execute with `data.verb` repeated
// so that its Action.Submit fallback parses here too. Verbs whose card carries inputs are loose: the
// typed text (`record_<id>`, `closure_*`, `comment`, `conditions`) arrives merged into the payload
// and is parsed by the case's own action schema (domain/decisions.ts) after the case is reloaded.
export const CaseRefreshSchema = z.object({ verb: z.literal('case.refresh'), caseId: CaseId });
export const CaseAcknowledgeSchema = z.object({ verb: z.literal('case.acknowledge'), caseId: CaseId });
export const CaseRecordSchema = z.looseObject({ verb: z.literal('case.record'), caseId: CaseId });
export const CaseReportChiefSchema = z.object({ verb: z.literal('case.report_chief'), caseId: CaseId });
export const CaseCloseSchema = z.looseObject({ verb: z.literal('case.close'), caseId: CaseId });
export const CaseApproveSchema = z.looseObject({ verb: z.literal('case.approve'), caseId: CaseId });
export const CaseRejectSchema = z.looseObject({ verb: z.literal('case.reject'), caseId: CaseId });
export const CaseEndorseSchema = z.looseObject({ verb: z.literal('case.endorse'), caseId: CaseId });
/** 11(2)②: the IT管理者's consultation, its `record_<id>` inputs merged in. */
export const CaseConsultSchema = z.looseObject({ verb: z.literal('case.consult'), caseId: CaseId });
export const CaseAckPostReportSchema = z.object({
  verb: z.literal('case.ack_post_report'),
  caseId: CaseId,
});

/** 不在 (absence) set with its two dates merged in (Action.Submit), and clear. */
export const AbsenceSetSchema = z.looseObject({ verb: z.literal('absence.set') });
export const AbsenceClearSchema = z.object({ verb: z.literal('absence.clear') });

/** The requester confirms that what was taken out is back (10(4)⑥). */
export const CaseReturnedSchema = z.object({ verb: z.literal('case.returned'), caseId: CaseId });

/** Show a case card (from 担当案件 or 私の申請・報告); viewing is checked like acting. */
export const CaseOpenSchema = z.object({ verb: z.literal('case.open'), caseId: CaseId });

/**
 * 連絡網の取込 (IT管理者, 6ウ). `stage`: the pasted CSV arrives merged in as `csvText` (read and
 * size-checked by the route, parsed all-or-nothing by the service). `apply` / `cancel` carry the
 * staged id only: the service re-checks who clicks, that it is theirs and still pending, and that
 * the directory did not change since.
 */
const StagedId = z.union([
  z.number().int().positive(),
  z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
]);
export const DirectoryImportStageSchema = z.looseObject({ verb: z.literal('directory.import.stage') });
export const DirectoryImportApplySchema = z.object({
  verb: z.literal('directory.import.apply'),
  stagedId: StagedId,
});
export const DirectoryImportCancelSchema = z.object({
  verb: z.literal('directory.import.cancel'),
  stagedId: StagedId,
});

/** 13(3) guidance (teams/routes/guidance-routes.ts): the form's inputs arrive merged; ids only otherwise. */
const GuidanceId = z.union([
  z.number().int().positive(),
  z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
]);
export const GuidanceRecordSchema = z.looseObject({ verb: z.literal('guidance.record') });
export const GuidanceImprovedSchema = z.object({
  verb: z.literal('guidance.improved'),
  guidanceId: GuidanceId,
});
export const GuidanceSuspendSchema = z.looseObject({
  verb: z.literal('guidance.suspend'),
  guidanceId: GuidanceId,
});

export const CardActionSchema = z.discriminatedUnion('verb', [
  DirectoryImportStageSchema,
  DirectoryImportApplySchema,
  DirectoryImportCancelSchema,
  CaseOpenSchema,
  CaseReturnedSchema,
  AbsenceSetSchema,
  AbsenceClearSchema,
  MenuSelectSchema,
  MenuShowSchema,
  FlowReviewSchema,
  FlowSubmitSchema,
  FlowEditSchema,
  DraftResumeSchema,
  DraftDiscardSchema,
  CasesMineSchema,
  CaseCancelSchema,
  CaseRefreshSchema,
  CaseAcknowledgeSchema,
  CaseRecordSchema,
  CaseReportChiefSchema,
  CaseCloseSchema,
  CaseApproveSchema,
  CaseRejectSchema,
  CaseEndorseSchema,
  CaseAckPostReportSchema,
  CaseConsultSchema,
  // Following a broadcast's results (teams/broadcast/status-verbs.ts).
  BroadcastStatusRefreshSchema,
  BroadcastRemindSchema,
  BroadcastNonRespondersSchema,
  BroadcastExportSchema,
  BroadcastOpenSchema,
  ...BROADCAST_ACTION_SCHEMAS,
  // Media records (8(3)②アイオ, teams/media-actions.ts).
  ...MEDIA_ACTION_SCHEMAS,
  // 「台帳」 (teams/ledger/verbs.ts).
  LedgerShowSchema,
  LedgerPageSchema,
  LedgerExportSchema,
  // Duties (定期業務, teams/duty-actions.ts).
  ...DUTY_ACTION_SCHEMAS,
  // Contracts with contractors (12(1)③, teams/contract-actions.ts).
  ...CONTRACT_ACTION_SCHEMAS,
  GuidanceRecordSchema,
  GuidanceImprovedSchema,
  GuidanceSuspendSchema,
]);
export type CardAction = z.infer<typeof CardActionSchema>;

/** Every verb a card may carry; the card test checks templates and routes against this list. */
export const CARD_VERBS = CardActionSchema.options.map((o) => o.shape.verb.value);
export type CardVerb = CardAction['verb'];

/** The verbs that act on a case (the case card's buttons); `case.refresh` only re-renders it. */
export const CASE_ACTION_VERBS = CASE_ACTION_NAMES satisfies readonly CardVerb[];
export type CaseActionVerb = (typeof CASE_ACTION_VERBS)[number];

export function isCaseActionVerb(value: unknown): value is CaseActionVerb {
  return typeof value === 'string' && (CASE_ACTION_VERBS as readonly string[]).includes(value);
}
