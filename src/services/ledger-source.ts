// Where a ledger's rows come from. Each ledger kind has one source: the case-derived ledgers read
// cases (take-outs, incidents, failures, exceptions), the media ledgers read media records. The
// ledger card, the exports and the monthly summary read every ledger through this interface only.
import type { LedgerColumn, LedgerKind, LedgerPage, LedgerQuery, LedgerRow } from '../domain/ledgers';
import type { Msg } from '../i18n';
import type { SqlClient } from '../storage/sql';

export interface LedgerSource {
  readonly kind: LedgerKind;
  readonly title: Msg;
  readonly columns: readonly LedgerColumn[];
  count(sql: SqlClient, q: LedgerQuery): Promise<number>;
  /** One page of rows ordered by (at, key) in `p.order`, strictly after `p.after` when given. */
  page(sql: SqlClient, q: LedgerQuery, p: LedgerPage): Promise<LedgerRow[]>;
  /**
   * Retention (運用ルール, services/retention-service.ts): blanks the personal data of the finished
   * rows whose `at` is before `cutoff` and that were not purged before, and returns their keys (the
   * audit subjects whose payloads go with them). Runs inside the purge's transaction.
   */
  purgePersonal?(sql: SqlClient, cutoff: string, at: string): Promise<string[]>;
}
