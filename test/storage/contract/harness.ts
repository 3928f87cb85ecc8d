// Shared pieces of the storage contract (test/storage/contract.ts): every case opens a fresh
// database through the engine's `open`, speaks only the port (src/storage/sql.ts) and the
// repositories, and closes it again — no case depends on another or on an engine's specifics.
import type { CaseRecord } from '../../../src/storage/case-repo';
import { CaseRepo } from '../../../src/storage/case-repo';
import type { Database, SqlClient } from '../../../src/storage/sql';

export type WithDb = (fn: (db: Database) => Promise<void>) => Promise<void>;

export function withDbOf(open: () => Promise<Database>): WithDb {
  return async (fn) => {
    const db = await open();
    try {
      await fn(db);
    } finally {
      await db.close();
    }
  };
}

/** A fixed instant and minutes after it, as the UTC ISO-8601 text every repository stores. */
export const AT = '2026-11-26T00:00:00.000Z';
export const plus = (minutes: number, from = AT): string =>
  new Date(Date.parse(from) + minutes * 60_000).toISOString();

/** UTC ISO-8601 with milliseconds, as the domain writes it (domain/audit-chain.ts UTC_ISO). */
export const UTC_ISO_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Text that must come back byte for byte: kanji, kana, a half-width kana, an emoji outside the BMP,
 * quotes and a backslash (the JSON columns), a percent and an underscore (LIKE metacharacters).
 */
export const JA = '情報セキュリティ窓口：ﾊﾝｶｸ「引用」\'"\\ 100%_😀';

/** Mixed case, kana, kanji and punctuation: ordered by code point they sort as listed. */
export const CODE_POINT_ORDER = ['A-1', 'B', 'Z_9', '_x', 'a-1', 'b', 'あ', 'ア', '亜'] as const;

/** A shuffled copy (deterministic), so an insert order never matches the expected order. */
export const shuffled = <T>(xs: readonly T[]): T[] =>
  xs
    .map((x, i) => ({ x, k: (i * 7 + 3) % xs.length }))
    .sort((a, b) => a.k - b.k)
    .map((p) => p.x);

export function caseRecord(
  over: Partial<Omit<CaseRecord, 'version' | 'escalationLevel'>> & { id: string },
): Omit<CaseRecord, 'version' | 'escalationLevel'> {
  return {
    kind: 'takeout',
    category: 'request',
    status: 'submitted',
    severity: 'normal',
    reporterId: 'E1',
    sectionCode: '210',
    assigneeId: null,
    form: {},
    evaluation: {},
    ackDueAt: null,
    createdAt: AT,
    updatedAt: AT,
    state: {},
    origin: null,
    ...over,
  };
}

export async function insertCase(
  sql: SqlClient,
  over: Partial<Omit<CaseRecord, 'version' | 'escalationLevel'>> & { id: string },
): Promise<void> {
  await new CaseRepo(sql).insert(caseRecord(over));
}
