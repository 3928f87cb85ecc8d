// One contract for the storage port (src/storage/sql.ts), run against every engine: SQLite always,
// PostgreSQL when the scale-out engine arrives (roadmap [6/6]) — add a *.contract.test.ts that calls
// runStorageContract with its own `open`.
import { describe, expect, it } from 'vitest';
import { SqlBotStorage, ETagConflictError } from '../../src/storage/bot-state-storage';
import { CaseRepo } from '../../src/storage/case-repo';
import { ConversationRepo } from '../../src/storage/conversation-repo';
import { OutboxRepo, PRIORITY } from '../../src/storage/outbox-repo';
import type { Database } from '../../src/storage/sql';
import { TimerRepo } from '../../src/storage/timer-repo';

export function runStorageContract(engine: string, open: () => Promise<Database>): void {
  const withDb = async (fn: (db: Database) => Promise<void>) => {
    const db = await open();
    try {
      await fn(db);
    } finally {
      await db.close();
    }
  };
  const at = '2026-11-26T00:00:00.000Z';

  describe(`storage contract: ${engine}`, () => {
    it('hands out readable case ids in sequence per prefix and year, without gaps under concurrency', () =>
      withDb(async (db) => {
        const ids = await Promise.all(
          Array.from({ length: 20 }, () => db.transaction((tx) => new CaseRepo(tx).nextId('INC', 2026))),
        );
        expect(new Set(ids).size).toBe(20);
        expect([...ids].sort()).toEqual(
          Array.from({ length: 20 }, (_, i) => `INC-2026-${String(i + 1).padStart(4, '0')}`),
        );
        expect(await db.transaction((tx) => new CaseRepo(tx).nextId('REQ', 2026))).toBe('REQ-2026-0001');
        expect(await db.transaction((tx) => new CaseRepo(tx).nextId('INC', 2027))).toBe('INC-2027-0001');
      }));

    it('lets exactly one of two concurrent updates of the same case version win', () =>
      withDb(async (db) => {
        await db.execute(
          `INSERT INTO cases (id, kind, category, status, severity, reporter_id, section_code, assignee_id, form_json,
             evaluation_json, ack_due_at, created_at, updated_at, state_json, escalation_level, version)
           VALUES ('REQ-2026-0001','takeout','request','submitted','normal','E1','210','E2','{}','{}',NULL,?,?,'{}',0,1)`,
          [at, at],
        );
        const patch = (status: 'approved' | 'rejected') => ({
          status,
          assigneeId: null,
          state: {},
          escalationLevel: 0,
          ackDueAt: null,
          at,
        });
        const results = await Promise.all([
          db.transaction((tx) => new CaseRepo(tx).update('REQ-2026-0001', 1, patch('approved'))),
          db.transaction((tx) => new CaseRepo(tx).update('REQ-2026-0001', 1, patch('rejected'))),
        ]);
        expect(results.sort()).toEqual([false, true]);
        expect((await new CaseRepo(db).get('REQ-2026-0001'))?.version).toBe(2);
      }));

    it('enqueues an outbox message once per dedupe key and lets one worker claim it', () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
        const e = {
          dedupeKey: 'k1',
          toAad: 'AAD',
          priority: PRIORITY.high,
          message: { type: 'text' as const, text: { ja: 'あ', en: 'a' } },
          at,
        };
        expect(await repo.enqueue(e)).toBe(true);
        expect(await repo.enqueue(e)).toBe(false);
        const [due] = await repo.due(at, 10);
        expect(due).toMatchObject({ dedupeKey: 'k1', toAad: 'aad', status: 'pending' });
        const lease = '2026-11-26T00:01:00.000Z';
        const claims = await Promise.all([
          repo.claim(due!.id, due!.nextAttemptAt, lease),
          repo.claim(due!.id, due!.nextAttemptAt, lease),
        ]);
        expect(claims.sort()).toEqual([false, true]);
        expect(await repo.due(at, 10)).toEqual([]);
        await repo.markSent(due!.id, at, 'act-1', 'conv-1');
        expect((await repo.all())[0]).toMatchObject({ status: 'sent', activityId: 'act-1', attempts: 1 });
      }));

    it('orders due outbox messages by priority, emergencies first', () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
        const msg = { type: 'text' as const, text: { ja: 'x', en: 'x' } };
        await repo.enqueue({ dedupeKey: 'n', toAad: 'a', priority: PRIORITY.normal, message: msg, at });
        await repo.enqueue({ dedupeKey: 'e', toAad: 'a', priority: PRIORITY.emergency, message: msg, at });
        await repo.enqueue({ dedupeKey: 'c', toAad: 'a', priority: PRIORITY.critical, message: msg, at });
        expect((await repo.due(at, 10)).map((o) => o.dedupeKey)).toEqual(['e', 'c', 'n']);
      }));

    it('completes a timer exactly once', () =>
      withDb(async (db) => {
        const timers = new TimerRepo(db);
        await timers.schedule({
          dedupeKey: 't',
          caseId: null,
          kind: 'reminder',
          dueAt: at,
          payload: { a: 1 },
          at,
        });
        expect(
          await timers.schedule({
            dedupeKey: 't',
            caseId: null,
            kind: 'reminder',
            dueAt: at,
            payload: {},
            at,
          }),
        ).toBe(false);
        const [t] = await timers.due(at, 10);
        const done = await Promise.all([timers.complete(t!.id, at), timers.complete(t!.id, at)]);
        expect(done.sort()).toEqual([false, true]);
        expect(await timers.due(at, 10)).toEqual([]);
      }));

    it('keeps teams-ai turn state with optimistic eTags', () =>
      withDb(async (db) => {
        const s = new SqlBotStorage(db);
        await s.write({ k: { n: 1 } });
        const { eTag } = (await s.read(['k'])).k as { eTag: string };
        await s.write({ k: { n: 2, eTag } });
        await expect(s.write({ k: { n: 3, eTag } })).rejects.toBeInstanceOf(ETagConflictError);
        expect((await s.read(['k'])).k).toMatchObject({ n: 2 });
      }));

    it('upserts conversation references case-insensitively by aadObjectId', () =>
      withDb(async (db) => {
        const repo = new ConversationRepo(db);
        await repo.upsert({
          aadObjectId: 'ABC',
          tenantId: 't',
          conversationId: 'c',
          reference: { x: 1 },
          at,
          locale: 'ja-JP',
        });
        await repo.upsert({
          aadObjectId: 'abc',
          tenantId: 't',
          conversationId: 'c2',
          reference: { x: 2 },
          at,
        });
        expect(await repo.get('ABC')).toMatchObject({
          conversationId: 'c2',
          reference: { x: 2 },
          locale: 'ja-JP',
        });
      }));
  });
}
