// cards/broadcast-notice.json: a short broadcast card — 統括 told of a real broadcast to all staff,
// the draft to continue, a recall to confirm, what a click did (built by ../broadcast-notice.ts).
import { z } from 'zod';
import { TextSchema } from './common';
import { BroadcastButtonSchema, CONTAINER_STYLES, FactSchema } from './broadcast-common';

export const BroadcastNoticeCardDataSchema = z.object({
  title: TextSchema,
  style: z.enum(CONTAINER_STYLES),
  lines: z.array(TextSchema),
  /** A broadcast's title as typed, in a TextRun; '' hides it. */
  quote: z.string(),
  facts: z.array(FactSchema),
  basis: z.string(),
  buttons: z.array(BroadcastButtonSchema),
});
export type BroadcastNoticeCardData = z.infer<typeof BroadcastNoticeCardDataSchema>;
