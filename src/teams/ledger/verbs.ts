// The ledger card's verbs (「台帳」). Payloads carry ids only — a ledger kind, JST dates, a keyset
// cursor (the row's time and key) — never rows; every handler re-reads the ledger for the acting
// person (services/ledgers.ts checks them against the directory in force).
//
// `ledger.export` is shared: the monthly summary card sends the same `{ verb, kind, from, to,
// format }` (from / to 'YYYY-MM-DD', Japan calendar days, both inclusive).
import { z } from 'zod';
import { LEDGER_KINDS } from '../../domain/ledgers';

export const LEDGER_VERBS = { show: 'ledger.show', page: 'ledger.page', export: 'ledger.export' } as const;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** An Input.Date left empty arrives as ''. */
const OptionalDate = z.union([IsoDate, z.literal('').transform(() => undefined)]).optional();
const Kind = z.enum(LEDGER_KINDS);

/** 表示: the filter's inputs (`kind`, `from`, `to`) arrive merged into the payload (Action.Submit). */
export const LedgerShowSchema = z.object({
  verb: z.literal(LEDGER_VERBS.show),
  kind: Kind.optional(),
  from: OptionalDate,
  to: OptionalDate,
});

/** 次へ / 前へ: the last (next) or first (prev) row shown, as (at, key). */
export const LedgerPageSchema = z.object({
  verb: z.literal(LEDGER_VERBS.page),
  kind: Kind,
  from: IsoDate,
  to: IsoDate,
  dir: z.enum(['next', 'prev']),
  at: z.iso.datetime(),
  key: z.string().min(1).max(100),
});

export const LedgerExportSchema = z.object({
  verb: z.literal(LEDGER_VERBS.export),
  kind: Kind,
  from: IsoDate,
  to: IsoDate,
  format: z.enum(['csv', 'xlsx']),
});
