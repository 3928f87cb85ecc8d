// cards/broadcast-correct.json: the correction form of a sent broadcast (built by ../broadcast-correct.ts).
import { z } from 'zod';
import { TextSchema } from './common';
import { BroadcastIdSchema } from './broadcast-common';

export const BroadcastCorrectCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  /** A refusal or what changed elsewhere; '' hides it. */
  notice: z.string(),
  broadcastId: BroadcastIdSchema,
  version: z.number().int().min(1),
  titleLabel: TextSchema,
  titleValue: z.string(),
  titleMax: z.number().int().min(1),
  titleError: z.string(),
  titleRequired: TextSchema,
  bodyLabel: TextSchema,
  bodyValue: z.string(),
  bodyMax: z.number().int().min(1),
  bodyError: z.string(),
  bodyRequired: TextSchema,
  submitLabel: TextSchema,
});
export type BroadcastCorrectCardData = z.infer<typeof BroadcastCorrectCardDataSchema>;
