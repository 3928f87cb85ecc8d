// The card verbs of following a broadcast's results: the sender's live status card, the list of
// broadcasts one may follow (「通知の状況」), the non-responder list (also the officer's notice) and
// the results export. Payloads carry ids only (`broadcastId`, a page number); handlers reload from
// storage and re-check the acting person (services/broadcast-status-service.ts).
//
// The status card's 訂正 / 取消 buttons use the compose flow's verbs (teams/broadcast/verbs.ts on
// the compose branch: `broadcast.correct_open`, `broadcast.recall`, data `{ verb, broadcastId }`);
// their handlers live there.
import { z } from 'zod';

export const STATUS_VERBS = {
  /** 更新, and the card's own `refresh`: the status card again, as the viewer may see it. */
  refresh: 'broadcast.status_refresh',
  /** 未回答者に再送: reminds the non-responders in the viewer's scope (remindNow). */
  remind: 'broadcast.remind',
  /** 未回答者一覧: who has not answered, with phones (a page of it). */
  nonResponders: 'broadcast.nonresponders',
  /** 結果を出力: download links for CSV and XLSX. */
  export: 'broadcast.export',
  /** 開く on 「通知の状況」: posts the status card. */
  open: 'broadcast.open',
} as const;

/** The compose flow's verbs for the status card's 訂正 / 取消 buttons (Action.Submit, new message). */
export const MANAGE_VERBS = { correct: 'broadcast.correct_open', recall: 'broadcast.recall' } as const;

/** BC-2026-0001 (storage/broadcast-repo.ts nextId). */
export const BroadcastIdSchema = z.string().regex(/^BC-\d{4}-\d{4,}$/);
const Page = z.number().int().min(0).max(10_000).optional();

export const BroadcastStatusRefreshSchema = z.object({
  verb: z.literal(STATUS_VERBS.refresh),
  broadcastId: BroadcastIdSchema,
  page: Page,
});
export const BroadcastRemindSchema = z.object({
  verb: z.literal(STATUS_VERBS.remind),
  broadcastId: BroadcastIdSchema,
  /** Which card was clicked: it is answered with itself, refreshed. */
  view: z.enum(['status', 'nonresponders']).optional(),
});
export const BroadcastNonRespondersSchema = z.object({
  verb: z.literal(STATUS_VERBS.nonResponders),
  broadcastId: BroadcastIdSchema,
  page: Page,
});
export const BroadcastExportSchema = z.object({
  verb: z.literal(STATUS_VERBS.export),
  broadcastId: BroadcastIdSchema,
});
export const BroadcastOpenSchema = z.object({
  verb: z.literal(STATUS_VERBS.open),
  broadcastId: BroadcastIdSchema,
});

/** The verbs a status or non-responder card sends as Action.Execute (answered with a card). */
export const STATUS_EXECUTE_VERBS: readonly string[] = [
  STATUS_VERBS.refresh,
  STATUS_VERBS.remind,
  STATUS_VERBS.nonResponders,
];
