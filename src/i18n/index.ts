// The one text catalogue. Every user-facing string of the bot is a message here, in Japanese and
// English; code refers to messages by key (`msg('caseCard.approve')`), domain code returns keys and
// parameters, and the teams layer renders them with `t(locale, …)` in the reader's language. A
// leaf module: it imports nothing from the rest of the bot, so every layer may use it.
import { AUDIT_MESSAGES } from './messages/audit';
import { BOT_MESSAGES } from './messages/bot';
import { BROADCAST_RESULTS_MESSAGES } from './messages/broadcast-results';
import { BROADCAST_COMPOSE_MESSAGES } from './messages/broadcast-compose';
import { CASE_BROADCAST_MESSAGES } from './messages/case-broadcasts';
import { COMMON_MESSAGES } from './messages/common';
import { COMPLIANCE_MESSAGES } from './messages/compliance';
import { DIRECTORY_ADMIN_MESSAGES } from './messages/directory-admin';
import { DOMAIN_MESSAGES } from './messages/domain';
import { DUTY_MESSAGES } from './messages/duties';
import { FLOW_MESSAGES } from './messages/flows';
import { GRAPH_SYNC_MESSAGES } from './messages/graph-sync';
import { MEDIA_MESSAGES } from './messages/media';
import { LEDGER_MESSAGES } from './messages/ledgers';
import { PEOPLE_CHANGE_MESSAGES } from './messages/people-change';
import { PERMISSIONS_MESSAGES } from './messages/permissions';
import { POLICY_MESSAGES } from './messages/policy';
import { INCIDENT_STEPS_MESSAGES } from './messages/incident-steps';
import type { Pair } from './table';

export type { Pair, MessageTable } from './table';

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Every table, by area; their keys never overlap (a test checks). */
export const MESSAGE_TABLES = {
  common: COMMON_MESSAGES,
  flows: FLOW_MESSAGES,
  policy: POLICY_MESSAGES,
  domain: DOMAIN_MESSAGES,
  bot: BOT_MESSAGES,
  graphSync: GRAPH_SYNC_MESSAGES,
  directoryAdmin: DIRECTORY_ADMIN_MESSAGES,
  broadcastResults: BROADCAST_RESULTS_MESSAGES,
  broadcastCompose: BROADCAST_COMPOSE_MESSAGES,
  audit: AUDIT_MESSAGES,
  media: MEDIA_MESSAGES,
  compliance: COMPLIANCE_MESSAGES,
  ledgers: LEDGER_MESSAGES,
  duties: DUTY_MESSAGES,
  peopleChange: PEOPLE_CHANGE_MESSAGES,
  caseBroadcasts: CASE_BROADCAST_MESSAGES,
  permissions: PERMISSIONS_MESSAGES,
  incidentSteps: INCIDENT_STEPS_MESSAGES,
} as const;

export const MESSAGES = {
  ...COMMON_MESSAGES,
  ...FLOW_MESSAGES,
  ...POLICY_MESSAGES,
  ...DOMAIN_MESSAGES,
  ...BOT_MESSAGES,
  ...GRAPH_SYNC_MESSAGES,
  ...DIRECTORY_ADMIN_MESSAGES,
  ...BROADCAST_RESULTS_MESSAGES,
  ...BROADCAST_COMPOSE_MESSAGES,
  ...AUDIT_MESSAGES,
  ...MEDIA_MESSAGES,
  ...COMPLIANCE_MESSAGES,
  ...LEDGER_MESSAGES,
  ...DUTY_MESSAGES,
  ...PEOPLE_CHANGE_MESSAGES,
  ...CASE_BROADCAST_MESSAGES,
  ...PERMISSIONS_MESSAGES,
  ...INCIDENT_STEPS_MESSAGES,
} as const;

type Catalog = typeof MESSAGES;
export type MessageKey = keyof Catalog;

/** Placeholder names used in a message, e.g. `'{a} and {b}'` → `'a' | 'b'`. */
type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | PlaceholdersOf<Rest>
  : never;

/**
 * A parameter: a value, another message rendered in the same language, or a list of them joined
 * with the language's list separator (「、」 / ", ").
 */
export type Param = string | number | Msg | readonly Param[];

export type MessageParams<K extends MessageKey> = Partial<
  Record<PlaceholdersOf<Catalog[K]['ja']> | PlaceholdersOf<Catalog[K]['en']>, Param>
>;

/** A message to be rendered later, in the reader's language: what domain code returns and storage keeps. */
export interface Msg<K extends MessageKey = MessageKey> {
  readonly key: K;
  readonly params?: Readonly<Record<string, Param>>;
}

export function msg<K extends MessageKey>(key: K, params?: MessageParams<K>): Msg<K> {
  return params ? { key, params: params as Record<string, Param> } : { key };
}

export function isMsg(value: unknown): value is Msg {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { key?: unknown }).key === 'string' &&
    Object.hasOwn(MESSAGES, (value as { key: string }).key)
  );
}

/** Text stored before the catalogue existed: both languages written out. Rendered as it is. */
function isPair(value: unknown): value is Pair {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Pair).ja === 'string' &&
    typeof (value as Pair).en === 'string'
  );
}

/** Teams sends the client's locale (e.g. `ja-JP`, `en-US`); anything not English gets Japanese. */
export function localeOf(activityLocale: string | undefined): Locale {
  return activityLocale?.trim().toLowerCase().startsWith('en') ? 'en' : 'ja';
}

function paramText(locale: Locale, value: Param): string {
  if (Array.isArray(value))
    return value.map((v: Param) => paramText(locale, v)).join(t(locale, 'value.listSeparator'));
  return typeof value === 'object' ? t(locale, value as Msg) : String(value);
}

function fill(locale: Locale, text: string, params: Readonly<Record<string, Param | undefined>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : paramText(locale, value);
  });
}

/**
 * The text of a message in `locale`, with `{name}` placeholders replaced from its parameters (a
 * parameter may itself be a message). Placeholders without a value are left as they are (the menu
 * template fills `{userName}` itself). Accepts a key, a Msg, or — for rows stored by earlier versions
 * — a `{ ja, en }` pair.
 */
export function t<K extends MessageKey>(locale: Locale, key: K, params?: MessageParams<K>): string;
export function t(locale: Locale, message: Msg | Pair | undefined): string;
export function t(locale: Locale, m: MessageKey | Msg | Pair | undefined, params?: object): string {
  if (m === undefined) return '';
  if (typeof m === 'string')
    return fill(locale, MESSAGES[m][locale], (params ?? {}) as Record<string, Param>);
  if (isMsg(m)) return fill(locale, MESSAGES[m.key][locale], m.params ?? {});
  if (isPair(m)) return m[locale];
  return '';
}

/**
 * Text read back from storage: a message as stored, or a `{ ja, en }` pair written by an earlier
 * version (kept verbatim in both languages), or anything else shown as it is.
 */
export function storedText(value: unknown): Msg {
  if (isMsg(value)) return value;
  if (isPair(value)) return msg('stored.pair', { ja: value.ja, en: value.en });
  return msg('stored.raw', { text: typeof value === 'string' ? value : '' });
}

/** Both languages of a message (e.g. for an audit row a person reads without the bot). */
export function bothLanguages(m: Msg): Pair {
  return { ja: t('ja', m), en: t('en', m) };
}
