// Every payload an Adaptive Card can send back, parsed by one zod discriminated union.
// Card data carries ids only: handlers reload state from storage and re-check the acting user.
import { z } from 'zod';
import { INTENTS } from '../domain/intents';

export const MenuSelectSchema = z.object({
  verb: z.literal('menu.select'),
  intent: z.enum(INTENTS),
});

export const MenuShowSchema = z.object({
  verb: z.literal('menu.show'),
});

export const CardActionSchema = z.discriminatedUnion('verb', [MenuSelectSchema, MenuShowSchema]);
export type CardAction = z.infer<typeof CardActionSchema>;

/** Every verb a card may carry; the card test checks templates and routes against this list. */
export const CARD_VERBS = CardActionSchema.options.map((o) => o.shape.verb.value);
export type CardVerb = CardAction['verb'];
