// The storage mechanisms two instances rely on, raced over two pools on one PostgreSQL database
// (two processes): an outbox row is claimed by exactly one worker (compare-and-set on the row's
// next attempt time: the second UPDATE waits for the first one's row lock, then re-checks its WHERE
// on the new row and changes nothing), and a timer is completed by exactly one transaction.
import { describe, expect, it } from 'vitest';
import { OutboxRepo, PRIORITY } from '../../src/storage/outbox-repo';
import { PgDatabase } from '../../src/storage/postgres/pg-database';
import { TimerRepo } from '../../src/storage/timer-repo';
import { tempPgDatabase, TEST_POSTGRES_URL } from '../helpers/pg';

const ROWS = 200;
const WORKERS_PER_POOL = 4;

async function twoPools<T>(fn: (pools: [PgDatabase, PgDatabase]) => Promise<T>): Promise<T> {
  const temp = await tempPgDatabase();
  const pools: [PgDatabase, PgDatabase] = [
    await PgDatabase.open(temp.url, { max: WORKERS_PER_POOL }),
    await PgDatabase.open(temp.url, { max: WORKERS_PER_POOL }),
  ];
  try {
    return await fn(pools);
  } finally {
    await Promise.all(pools.map((p) => p.close()));
    await temp.drop();
  }
}

if (!TEST_POSTGRES_URL) {
  describe('claims across processes on PostgreSQL', () => {
    it.skip('needs TEST_POSTGRES_URL (a PostgreSQL server; .ci/run starts one)', () => undefined);
  });
} else {
  describe('claims across processes on PostgreSQL', () => {
    it('outbox: workers of two pools picking the same due rows claim each row exactly once', () =>
      twoPools(async (pools) => {
        const at = new Date(Date.now() - 1000).toISOString();
        const setup = new OutboxRepo(pools[0]);
        for (let i = 0; i < ROWS; i++)
          await setup.enqueue({
            dedupeKey: `race:${i}`,
            toAad: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            priority: PRIORITY.normal,
            message: { type: 'text', text: { key: 'error.generic' } as never },
            at,
          });
        const lease = new Date(Date.now() + 60_000).toISOString();
        const claimed: Array<{ worker: string; id: number }> = [];
        const worker = async (name: string, db: PgDatabase) => {
          const outbox = new OutboxRepo(db);
          for (;;) {
            // Every worker sees the same most urgent rows, as the sender's pick does.
            const batch = await outbox.pick(new Date().toISOString(), 16, [], {
              lowerClass: false,
              waiting: false,
            });
            if (batch.length === 0) return;
            for (const item of batch)
              if (await outbox.claim(item.id, item.nextAttemptAt, lease, name))
                claimed.push({ worker: name, id: item.id });
          }
        };
        await Promise.all(
          pools.flatMap((db, p) =>
            Array.from({ length: WORKERS_PER_POOL }, (_, w) => worker(`p${p}w${w}`, db)),
          ),
        );
        const ids = claimed.map((c) => c.id);
        expect(ids).toHaveLength(ROWS);
        expect(new Set(ids).size).toBe(ROWS);
        const rows = await setup.all();
        // Each row names the worker whose claim succeeded.
        const winner = new Map(claimed.map((c) => [c.id, c.worker]));
        expect(rows.filter((r) => r.claimedBy !== winner.get(r.id))).toEqual([]);
        // Both processes took a share.
        expect(new Set(claimed.map((c) => c.worker.slice(0, 2)))).toEqual(new Set(['p0', 'p1']));
      }));

    it('timers: transactions of two pools completing the same due timers: each completes once', () =>
      twoPools(async (pools) => {
        const at = new Date(Date.now() - 1000).toISOString();
        const setup = new TimerRepo(pools[0]);
        for (let i = 0; i < ROWS / 4; i++)
          await setup.schedule({
            dedupeKey: `t:${i}`,
            caseId: null,
            kind: 'reminder',
            dueAt: at,
            payload: {},
            at,
          });
        const fired: Array<{ worker: string; id: number }> = [];
        const worker = async (name: string, db: PgDatabase) => {
          const due = await new TimerRepo(db).due(new Date().toISOString(), 1000);
          for (const t of due) {
            // As fireDueTimers does: the completion and the effect in one transaction.
            await db.transaction(async (tx) => {
              if (await new TimerRepo(tx).complete(t.id, new Date().toISOString()))
                fired.push({ worker: name, id: t.id });
            });
          }
        };
        await Promise.all(
          pools.flatMap((db, p) =>
            Array.from({ length: WORKERS_PER_POOL }, (_, w) => worker(`p${p}w${w}`, db)),
          ),
        );
        expect(fired).toHaveLength(ROWS / 4);
        expect(new Set(fired.map((f) => f.id)).size).toBe(ROWS / 4);
      }));
  });
}
