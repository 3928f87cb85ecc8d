// Schema pieces the broadcast card templates share (cards/broadcast-*.json).
import { z } from 'zod';
import { BROADCAST_ID_PATTERN, BROADCAST_VERBS } from '../../broadcast/verbs';
import { TextSchema } from './common';

export const BroadcastIdSchema = z.string().regex(BROADCAST_ID_PATTERN);

export const CONTAINER_STYLES = ['default', 'emphasis', 'good', 'attention', 'warning', 'accent'] as const;
export type ContainerStyle = (typeof CONTAINER_STYLES)[number];

/**
 * A button of a broadcast card: Action.Execute (with an Action.Submit fallback) when `execute`,
 * else Action.Submit. Its data is `{ verb, broadcastId, version }`: ids only.
 */
export const BroadcastButtonSchema = z.object({
  title: TextSchema,
  style: z.enum(['default', 'positive', 'destructive']),
  verb: z.enum(Object.values(BROADCAST_VERBS) as [string, ...string[]]),
  broadcastId: BroadcastIdSchema,
  /** The version the button acts on; 0 where the verb takes none. */
  version: z.number().int().min(0),
  execute: z.boolean(),
});
export type BroadcastButton = z.infer<typeof BroadcastButtonSchema>;

export const FactSchema = z.object({ title: TextSchema, value: TextSchema });
