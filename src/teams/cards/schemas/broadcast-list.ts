// cards/broadcast-list.json: 「通知の状況」, the broadcasts the viewer may follow.
import { z } from 'zod';
import { BroadcastIdSchema } from '../../broadcast/status-verbs';
import { TextSchema } from './common';

export const BroadcastListCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  empty: z.string(),
  items: z.array(
    z.object({
      broadcastId: BroadcastIdSchema,
      /** 【訓練】 / 【本番】 on every line: drill and real are never mixed up. */
      modeLabel: TextSchema,
      modeColor: z.enum(['good', 'attention']),
      /** The sender's title: a TextRun. */
      title: TextSchema,
      line: TextSchema,
      counts: TextSchema,
      openLabel: TextSchema,
    }),
  ),
  menuLabel: TextSchema,
});
export type BroadcastListCardData = z.infer<typeof BroadcastListCardDataSchema>;
