// cards/broadcast-nonresponders.json: who has not answered a broadcast, with the directory's
// phones (the list, and the notice to a section officer after a reminder).
import { z } from 'zod';
import { BroadcastIdSchema } from '../../broadcast/status-verbs';
import { MAX_REFRESH_USER_IDS } from './case-card';
import { TextSchema } from './common';

export const BroadcastNonRespondersCardDataSchema = z.object({
  broadcastId: BroadcastIdSchema,
  page: z.number().int().min(0),
  refreshUserIds: z.array(TextSchema).max(MAX_REFRESH_USER_IDS),
  notice: z.string(),
  heading: TextSchema,
  modeLabel: TextSchema,
  /** The sender's title: a TextRun. */
  title: TextSchema,
  meta: TextSchema,
  intro: TextSchema,
  scopeNote: z.string(),
  countText: z.string(),
  empty: z.string(),
  people: z.array(
    z.object({
      heading: TextSchema,
      line: TextSchema,
      /** Failed, unreachable and undelivered people did not get it in Teams: phone them first. */
      color: z.enum(['default', 'attention', 'warning']),
    }),
  ),
  pageButtons: z.array(z.object({ title: TextSchema, page: z.number().int().min(0) })),
  /** 未回答者に再送 (Action.Execute, scoped to the viewer's sections); '' hides it. */
  remindLabel: z.string(),
  updatedAt: TextSchema,
});
export type BroadcastNonRespondersCardData = z.infer<typeof BroadcastNonRespondersCardDataSchema>;
