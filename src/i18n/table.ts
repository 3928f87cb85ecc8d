/** One message in both languages: Japanese first (the organisation's language), English for English clients. */
export interface Pair {
  readonly ja: string;
  readonly en: string;
}

/** A table of messages of one area of the bot; all tables together are the one catalogue (index.ts). */
export type MessageTable = Readonly<Record<string, Pair>>;
