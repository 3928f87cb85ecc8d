// The records the standard obliges officers to keep, as the bot produces them for audit (13(1)):
// which ledgers exist, what each row and column is, and the articles each ledger applies. Pure
// types and tables; the rows come from ledger sources (services/ledger-source.ts).
import type { ArticleId } from './articles';
import { DUTY_DEFINITIONS, DUTY_KINDS } from './duties';
import type { Msg } from '../i18n';

export const LEDGER_KINDS = [
  'takeout',
  'incident',
  'failure',
  'exception',
  'media_handover',
  'media_storage',
  'media_disposal',
  // 定期業務 and the duties an event creates (services/duty-ledger-source.ts).
  'duty',
  'ic_card_renewal',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export function isLedgerKind(value: unknown): value is LedgerKind {
  return typeof value === 'string' && (LEDGER_KINDS as readonly string[]).includes(value);
}

/** The articles that oblige each ledger (cited on the ledger card and in every export). */
export const LEDGER_ARTICLES: Readonly<Record<LedgerKind, readonly ArticleId[]>> = {
  takeout: ['10(4)⑥'],
  incident: ['12(5)②カ'],
  failure: ['12(5)①オ'],
  exception: ['12(6)①', '12(6)②'],
  media_handover: ['8(3)②ア'],
  media_storage: ['8(3)②イ'],
  media_disposal: ['8(3)②オ'],
  // Each duty's own articles (domain/duties.ts), in the order the definitions list them.
  duty: [...new Set(DUTY_KINDS.flatMap((k) => DUTY_DEFINITIONS[k].articles))],
  ic_card_renewal: ['10(9)③'],
};

/** The audit trail: kept safe from erasure and alteration (12(4)②), with accurate time (12(4)③). */
export const AUDIT_TRAIL_ARTICLES: readonly ArticleId[] = ['12(4)②', '12(4)③'];

/** The periodic compliance report of section officers to 統括 that the monthly summary serves. */
export const COMPLIANCE_REPORT_ARTICLE: ArticleId = '13(1)';

/**
 * How a cell is typed, for the card and both export formats:
 * - datetime: UTC ISO-8601 stored, shown in Japan time (yyyy/MM/dd HH:mm)
 * - date: 'YYYY-MM-DD' (a calendar date as entered, no time zone)
 * - month: 'YYYY-MM' (授受年月, 8(3)②ア(オ))
 * - text / number as they are; a Msg is rendered in the reader's language.
 */
export type LedgerCellType = 'text' | 'datetime' | 'date' | 'month' | 'number';
export type LedgerValue = string | number | Msg | null;

export interface LedgerColumn {
  /** Stable id (also the CSV header in machine exports). */
  readonly id: string;
  readonly label: Msg;
  readonly type: LedgerCellType;
  /** XLSX column width in characters. */
  readonly width: number;
  /** Personal data: blanked when the row passes its retention period. */
  readonly personal?: boolean;
}

export interface LedgerRow {
  /** Unique within the ledger and stable (a case id, a media record id): the paging key. */
  readonly key: string;
  /** The section whose officer keeps the row; reading is authorized by it. */
  readonly sectionCode: string;
  /** UTC ISO-8601: the row's date for period filters and ordering. */
  readonly at: string;
  readonly values: Readonly<Record<string, LedgerValue>>;
}

/** Which rows: the reader's sections (or all, for 統括 / IT管理者) and a half-open UTC period. */
export interface LedgerQuery {
  readonly sections: readonly string[] | 'all';
  /** Inclusive UTC ISO-8601 lower bound of `at`. */
  readonly from?: string;
  /** Exclusive UTC ISO-8601 upper bound of `at`. */
  readonly to?: string;
}

/** Keyset paging over (at, key): `after` is the last row of the previous page. */
export interface LedgerPage {
  readonly order: 'asc' | 'desc';
  readonly limit: number;
  readonly after?: { readonly at: string; readonly key: string };
}

/** Retention (運用ルール): years each ledger's finished rows keep their personal data. */
export type RetentionYears = Readonly<Record<LedgerKind, number>>;

/** The default period of every ledger, in years, until the organisation sets its own. */
export const DEFAULT_RETENTION_YEARS = 5;

export const DEFAULT_RETENTION: RetentionYears = Object.fromEntries(
  LEDGER_KINDS.map((k) => [k, DEFAULT_RETENTION_YEARS]),
) as RetentionYears;

/** The same calendar instant `years` earlier, in UTC (29 Feb → 28 Feb). */
export function cutoffOf(now: Date, years: number): string {
  const d = new Date(now.getTime());
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCMonth() !== month) d.setUTCDate(0);
  return d.toISOString();
}
