import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';
import type { AdaptiveCardJson } from '../../src/teams/cards';

/**
 * The official Adaptive Cards library. `require('adaptivecards')` fails in Node (extension-less ESM
 * imports in lib/); the UMD bundle works.
 */
export const AC = createRequire(__filename)(
  'adaptivecards/dist/adaptivecards.js',
) as typeof AdaptiveCardsModule;

/** Kana, kanji and full-width forms: a label that should be English must match none of them. */
export const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Parses with the official Adaptive Cards library; returns the messages of every parse event. */
export function parseEvents(card: AdaptiveCardJson): string[] {
  const ctx = new AC.SerializationContext();
  new AC.AdaptiveCard().parse(card, ctx);
  const messages: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) messages.push(ctx.getEventAt(i).message);
  return messages;
}
