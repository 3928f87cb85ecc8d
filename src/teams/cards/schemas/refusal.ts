// cards/refusal.json (filled by routes/security-setting-routes.ts).
import { z } from 'zod';
import { INTENTS } from '../../../domain/intents';
import { TextSchema } from './common';

/**
 * Something the standard prohibits, refused at once with its article, and the only way the standard
 * leaves (e.g. an exception request, 12(6)①) as buttons that start that flow by its intent.
 */
export const RefusalCardDataSchema = z.object({
  title: TextSchema,
  text: TextSchema,
  basis: z.string(),
  offer: z.string(),
  offerBasis: z.string(),
  buttons: z.array(z.object({ title: TextSchema, intent: z.enum(INTENTS) })),
});
export type RefusalCardData = z.infer<typeof RefusalCardDataSchema>;
