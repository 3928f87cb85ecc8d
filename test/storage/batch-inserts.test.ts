// The multi-row statements that replace one round trip per recipient: they keep the semantics of
// the single-row ones (dedupe keys, ids in order, conflicts ignored) across chunk boundaries.
import { afterEach, describe, expect, it } from 'vitest';
import { storedText } from '../../src/i18n';
import { BroadcastRepo } from '../../src/storage/broadcast-repo';
import { OutboxRepo, PRIORITY } from '../../src/storage/outbox-repo';
import type { Database } from '../../src/storage/sql';
import { countingDb, openEngineDb } from '../helpers/counting-db';

const at = '2026-11-26T00:00:00.000Z';
const N = 450; // more than two chunks

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('batched per-recipient statements', () => {
  it('enqueueMany creates each new dedupe key once, in order, and skips existing ones', async () => {
    db = await openEngineDb();
    const outbox = new OutboxRepo(db);
    const msg = { type: 'text' as const, text: storedText({ ja: 'お知らせ', en: 'Notice' }) };
    const item = (i: number) => ({
      dedupeKey: `k${i}`,
      toAad: `AAD-${i}`,
      priority: PRIORITY.high,
      message: msg,
      at,
    });
    expect(await outbox.enqueue(item(7))).toBe(true);
    const counted = countingDb(db);
    const created = await new OutboxRepo(counted.db).enqueueMany(
      Array.from({ length: N }, (_, i) => item(i)),
    );
    expect(counted.log.texts).toHaveLength(3);
    expect(created.size).toBe(N - 1);
    expect(created.has('k7')).toBe(false);
    const ids = Array.from({ length: N }, (_, i) => created.get(`k${i}`)).filter((x) => x !== undefined);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const all = await outbox.all();
    expect(all).toHaveLength(N);
    expect(new Set(all.map((o) => o.dedupeKey)).size).toBe(N);
    expect(all.find((o) => o.dedupeKey === 'k300')).toMatchObject({
      toAad: 'aad-300',
      status: 'pending',
      message: msg,
    });
    expect(await new OutboxRepo(db).enqueueMany([item(1), item(N)])).toEqual(
      new Map([[`k${N}`, expect.any(Number)]]),
    );
  });

  it('addRecipients and markReminded cover every recipient across chunks', async () => {
    db = await openEngineDb();
    await db.execute(
      `INSERT INTO broadcasts (id, status, created_by, created_at, updated_at, purpose, mode, severity, title, body,
         audience_json, answer_json) VALUES ('BC-2026-0001', 'sent', 'E1', ?, ?, 'notice', 'drill', 'notice', 't', 'b', '{}', '{}')`,
      [at, at],
    );
    const repo = new BroadcastRepo(db);
    const rows = Array.from({ length: N }, (_, i) => ({
      broadcastId: 'BC-2026-0001',
      personId: `P${String(i).padStart(4, '0')}`,
      aadObjectId: `AAD-${i}`,
      sectionCode: '210',
      outboxId: null,
    }));
    await repo.addRecipients(rows);
    await repo.addRecipients(rows.slice(0, 3)); // again: ignored
    const reminded = rows.filter((_, i) => i % 2 === 0).map((r) => r.personId);
    await repo.markReminded('BC-2026-0001', reminded, at);
    const stored = await repo.recipientStatuses('BC-2026-0001');
    expect(stored).toHaveLength(N);
    const by = new Map(stored.map((r) => [r.personId, r]));
    expect(by.get('P0448')).toMatchObject({ aadObjectId: 'aad-448', reminders: 1, lastRemindedAt: at });
    expect(by.get('P0449')).toMatchObject({ reminders: 0, lastRemindedAt: null });
    expect(stored.filter((r) => r.reminders === 1)).toHaveLength(reminded.length);
  });
});
