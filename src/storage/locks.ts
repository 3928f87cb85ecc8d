import type { SqlClient } from './sql';

/**
 * Named locks for transactions that read shared state and then replace it (several bot instances
 * on one database, issue 11). On PostgreSQL a transaction-level advisory lock: taken as the first
 * statement of the transaction, held until it commits or rolls back, so a second process waits and
 * then reads what the first committed. On SQLite every write transaction already runs alone
 * (BEGIN IMMEDIATE), so nothing is needed.
 */
const LOCKS = {
  /** Replacing the directory (start-up file, Teams upload, CLI): one import at a time. */
  directoryImport: 7_130_021,
} as const;

export type LockName = keyof typeof LOCKS;

export async function lockForTransaction(tx: SqlClient, name: LockName): Promise<void> {
  if (tx.engine !== 'postgres') return;
  // A literal key: the function is overloaded (bigint / int, int), so an untyped parameter is ambiguous.
  await tx.query(`SELECT pg_advisory_xact_lock(${LOCKS[name]}) AS locked`);
}
