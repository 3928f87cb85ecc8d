// How much a card weighs in a Teams message. Teams refuses a bot message over 40 KB, counting "the
// entire message payload encoded as UTF-16" (Microsoft: Format your bot messages); UTF-8 is what goes
// over the wire. A card is measured both ways and the larger counts: Japanese text weighs more in
// UTF-8 (3 bytes), ASCII and JSON escapes in UTF-16 (2 bytes per unit).

/** Teams' limit for one bot message. */
export const MESSAGE_BYTE_LIMIT = 40 * 1024;

/** What a card may weigh, leaving room under MESSAGE_BYTE_LIMIT for the activity around it. */
export const CARD_BYTE_BUDGET = 36 * 1024;

/** Bytes `value` weighs as JSON: the larger of its UTF-8 and UTF-16 encodings. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  return Math.max(Buffer.byteLength(json, 'utf8'), json.length * 2);
}

/** Bytes a card weighs in a message. */
export function cardBytes(card: object): number {
  return jsonBytes(card);
}

export class CardTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`card is ${bytes} bytes, over the ${CARD_BYTE_BUDGET} byte budget`);
    this.name = 'CardTooLargeError';
  }
}

/** Throws before Teams would refuse the message; the error names sizes only, never content. */
export function assertCardFits(card: object): void {
  const bytes = cardBytes(card);
  if (bytes > CARD_BYTE_BUDGET) throw new CardTooLargeError(bytes);
}
