// Retention of the ledgers (運用ルール: the standard sets no periods; the organisation configures
// them per ledger, LEDGER_RETENTION_YEARS). When a finished ledger row passes its period, its
// personal data is blanked at the source and the audit payloads about it are purged through a
// recorded purge (AuditRepo.purgePayloads): the audit rows themselves stay, so the chain still
// verifies, and the purge is itself an audited event ('ledger.retention_purged') that stays.
import { OPERATING_RULE } from '../domain/articles';
import type { Clock } from '../domain/clock';
import { cutoffOf, type LedgerKind, type RetentionYears } from '../domain/ledgers';
import { AuditRepo } from '../storage/audit-repo';
import type { Database, SqlClient } from '../storage/sql';
import type { LedgerSource } from './ledger-source';
import { PeriodicTask } from './periodic';

export interface RetentionOutcome {
  kind: LedgerKind;
  years: number;
  cutoff: string;
  rows: number;
  payloads: number;
}

const CHUNK = 500;

async function auditSeqsAbout(
  sql: SqlClient,
  subjects: readonly string[],
  cutoff: string,
): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < subjects.length; i += CHUNK) {
    const part = subjects.slice(i, i + CHUNK);
    const rows = await sql.query<{ id: number }>(
      `SELECT l.id FROM audit_log l JOIN audit_payloads p ON p.seq = l.id
       WHERE l.subject IN (${part.map(() => '?').join(', ')}) AND l.at < ? ORDER BY l.id`,
      [...part, cutoff],
    );
    seqs.push(...rows.map((r) => Number(r.id)));
  }
  return seqs;
}

/** One retention run over every source that can purge: each ledger in its own transaction. */
export async function runRetention(
  db: Database,
  clock: Clock,
  years: RetentionYears,
  sources: readonly LedgerSource[],
  actor = 'system',
): Promise<RetentionOutcome[]> {
  const out: RetentionOutcome[] = [];
  for (const source of sources) {
    const purge = source.purgePersonal?.bind(source);
    if (!purge) continue;
    const now = clock.now();
    const at = now.toISOString();
    const y = years[source.kind];
    const cutoff = cutoffOf(now, y);
    const outcome = await db.transaction(async (tx) => {
      const keys = await purge(tx, cutoff, at);
      if (keys.length === 0) return null;
      const audit = new AuditRepo(tx);
      const seqs = await auditSeqsAbout(tx, keys, cutoff);
      const purged =
        seqs.length > 0
          ? await audit.purgePayloads(seqs, {
              at,
              actor,
              cutoff,
              reason: `retention:${source.kind}`,
              article: OPERATING_RULE,
            })
          : null;
      await audit.append({
        at,
        actor,
        event: 'ledger.retention_purged',
        subject: `ledger:${source.kind}`,
        article: OPERATING_RULE,
        data: {
          kind: source.kind,
          years: y,
          cutoff,
          rows: keys.length,
          keys,
          payloads: seqs.length,
          purgeSeq: purged?.seq ?? null,
        },
      });
      return { kind: source.kind, years: y, cutoff, rows: keys.length, payloads: seqs.length };
    });
    if (outcome) out.push(outcome);
  }
  return out;
}

/** Runs retention once at start and then daily while the bot runs; each run is idempotent. */
export class RetentionRunner extends PeriodicTask {
  constructor(
    deps: {
      db: Database;
      clock: Clock;
      years: RetentionYears;
      sources: readonly LedgerSource[];
      onError: (err: Error) => void;
      onPurged?: (r: RetentionOutcome[]) => void;
    },
    everyMs = 24 * 3_600_000,
  ) {
    super(
      everyMs,
      async () => {
        const r = await runRetention(deps.db, deps.clock, deps.years, deps.sources);
        if (r.length > 0) deps.onPurged?.(r);
      },
      deps.onError,
    );
  }
}
