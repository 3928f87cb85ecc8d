// cards/broadcast-message.json: a recipient's copy of a broadcast (built by ../broadcast-message.ts),
// also shown inert inside the sender's preview.
import { z } from 'zod';
import { TextSchema } from './common';
import { BroadcastIdSchema, CONTAINER_STYLES, FactSchema } from './broadcast-common';

export const BroadcastMessageCardDataSchema = z.object({
  broadcastId: BroadcastIdSchema,
  /** The recipient, so Teams refreshes the card when they open it; empty omits `refresh`. */
  refreshUserIds: z.array(TextSchema).max(1),
  /** 【訓練】 / 【本番】, never absent: the two are unmistakable. */
  bannerText: TextSchema,
  bannerStyle: z.enum(CONTAINER_STYLES),
  /** 取消, 訂正, 再通知 markers, in that order. */
  notices: z.array(
    z.object({ text: TextSchema, color: z.enum(['Attention', 'Warning', 'Accent', 'Default']) }),
  ),
  /** User text, shown in a TextRun (never Markdown). */
  title: TextSchema,
  body: TextSchema,
  /** Recalled: title and body struck through. */
  struck: z.boolean(),
  facts: z.array(FactSchema).min(1),
  basis: TextSchema,
  /** 「あなたの回答: …」; '' when not answered. */
  yourAnswer: z.string(),
  /** 「回答してください。」 or the hint to change it; '' for none. */
  prompt: z.string(),
  /** The answer buttons (index of a choice, or 'ack'); none after a recall or without an answer. */
  buttons: z.array(
    z.object({
      title: TextSchema,
      answer: z.string().regex(/^(ack|[0-3])$/),
      style: z.enum(['default', 'positive']),
    }),
  ),
  /** The preview: buttons are drawn but do nothing. */
  inert: z.boolean(),
});
export type BroadcastMessageCardData = z.infer<typeof BroadcastMessageCardDataSchema>;
