// The sender's commit (mark sent + afterSend) against a decision committing at the same moment: the
// posted card must get exactly one update, whichever way the two transactions interleave. On
// PostgreSQL (READ COMMITTED) the two could each miss the other's change without the case lock.
import { afterEach, describe, expect, it } from 'vitest';
import { enqueueCardUpdates } from '../../src/services/decision-service';
import { CaseRepo } from '../../src/storage/case-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import type { Database } from '../../src/storage/sql';
import { createAfterSend, createCommitLock } from '../../src/teams/renderers';
import { commitSent } from '../../src/teams/sender';
import { ManualClock } from '../helpers/clock';
import { openTempDb } from '../helpers/db';
import { seedCase, seedDirectory } from '../helpers/ledger-cases';
import { openTempPg, TEST_POSTGRES_URL } from '../helpers/pg';

const ENGINES: Array<[string, () => Promise<Database>]> = [['sqlite', async () => openTempDb()]];
if (TEST_POSTGRES_URL) ENGINES.push(['postgres', () => openTempPg()]);

/** Until some session of this database waits for a row lock (PostgreSQL) or `over()`, bounded. */
async function someoneWaitsForALock(db: Database, over: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !over()) {
    const r = await db.one<{ n: number }>(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (Number(r?.n) > 0) return;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  if (over()) return;
  throw new Error('no session waited for a lock in 10 s');
}

describe.each(ENGINES)('a card posted while a decision lands (%s)', (engine, open) => {
  let db: Database;
  afterEach(async () => db.close());

  it('gets exactly one update when the decision commits while the copy is being marked sent', async () => {
    db = await open();
    const clock = new ManualClock();
    const at = clock.now().toISOString();
    await seedDirectory(db);
    await seedCase(db, {
      id: 'REQ-2026-0001',
      kind: 'exception',
      status: 'submitted',
      reporterId: 'E1001',
      sectionCode: 'S01',
      createdAt: at,
    });
    const cases = new CaseRepo(db);
    const rendered = (await cases.get('REQ-2026-0001'))!;
    const outbox = new OutboxRepo(db);
    await outbox.enqueue({
      dedupeKey: 'case.routed:REQ-2026-0001:E1005',
      toAad: 'aad-e1005',
      priority: 2,
      message: { type: 'case.routed', caseId: rendered.id, personId: 'E1005', role: 'chief_officer' },
      caseId: rendered.id,
      at,
    });
    const item = (await outbox.byDedupeKey('case.routed:REQ-2026-0001:E1005'))!;
    expect(await outbox.claim(item.id, item.nextAttemptAt, at, 'instance-a')).toBe(true);

    // The decision: the case changes and the posted copies get updates — none is posted yet — and
    // the transaction stays open until released.
    let reached!: () => void;
    const atGate = new Promise<void>((ok) => (reached = ok));
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const decision = db.transaction(async (tx) => {
      const repo = new CaseRepo(tx);
      expect(
        await repo.update(rendered.id, rendered.version, {
          status: 'endorsed',
          assigneeId: 'E1005',
          state: { stage: 'chief' },
          escalationLevel: 0,
          ackDueAt: null,
          at,
        }),
      ).toBe(true);
      await enqueueCardUpdates(tx, (await repo.get(rendered.id))!, at);
      reached();
      await gate;
    });
    await atGate;

    // Meanwhile the sender has posted the copy rendered before the decision and commits it.
    const commit = commitSent(
      db,
      { lock: createCommitLock(), afterSend: createAfterSend(clock) },
      {
        item,
        at,
        activityId: 'activity-1',
        conversationId: 'a:personal-aad-e1005',
        renderedVersion: rendered.version,
      },
    );
    // PostgreSQL: the commit must wait for the decision's row (it would finish at once without the
    // lock, having read the old version). SQLite runs one transaction at a time anyway.
    let committed = false;
    void commit.then(
      () => (committed = true),
      () => (committed = true),
    );
    if (engine === 'postgres') await someoneWaitsForALock(db, () => committed);
    release();
    await Promise.all([decision, commit]);

    const updates = (await new OutboxRepo(db).byCase(rendered.id)).filter(
      (o) => o.message.type === 'case.update',
    );
    expect(updates).toHaveLength(1);
    expect(updates[0]?.message).toMatchObject({ type: 'case.update', activityId: 'activity-1' });
    expect((await new OutboxRepo(db).byCase(rendered.id)).find((o) => o.id === item.id)?.status).toBe('sent');
  });
});
