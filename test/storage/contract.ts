import { storedText } from '../../src/i18n';
// One contract for the storage port (src/storage/sql.ts), run against every engine: SQLite always,
// PostgreSQL when the scale-out engine arrives (roadmap [6/6]) — add a *.contract.test.ts that calls
// runStorageContract with its own `open`.
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock';
import { verifyAuditChain } from '../../src/services/audit-verify';
import { AuditRepo } from '../../src/storage/audit-repo';
import { SqlBotStorage, ETagConflictError } from '../../src/storage/bot-state-storage';
import { CaseRepo } from '../../src/storage/case-repo';
import { ConversationRepo } from '../../src/storage/conversation-repo';
import { OutboxRepo, PRIORITY } from '../../src/storage/outbox-repo';
import type { Database } from '../../src/storage/sql';
import { TenantRepo } from '../../src/storage/tenant-repo';
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
          message: { type: 'text' as const, text: storedText({ ja: 'あ', en: 'a' }) },
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
        const msg = { type: 'text' as const, text: storedText({ ja: 'x', en: 'x' }) };
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
        const s = new SqlBotStorage(db, systemClock);
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

    it('keeps a message for an unreachable person waiting, not due, until released or re-checked', () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
        const msg = { type: 'text' as const, text: storedText({ ja: 'x', en: 'x' }) };
        await repo.enqueue({ dedupeKey: 'w1', toAad: 'P1', priority: PRIORITY.critical, message: msg, at });
        await repo.enqueue({ dedupeKey: 'w2', toAad: 'p1', priority: PRIORITY.normal, message: msg, at });
        const [a, b] = await repo.due(at, 10);
        const later = '2026-11-26T00:30:00.000Z';
        expect(await repo.claim(a!.id, a!.nextAttemptAt, '2026-11-26T00:01:00.000Z', 'i1')).toBe(true);
        expect(await repo.markWaiting(a!.id, at, later, 'unreachable')).toBe(true);
        expect(await repo.markWaiting(a!.id, '2026-11-26T00:05:00.000Z', later, 'unreachable')).toBe(false);
        expect(await repo.claim(b!.id, b!.nextAttemptAt, '2026-11-26T00:01:00.000Z', 'i1')).toBe(true);
        await repo.markWaiting(b!.id, '2026-11-26T00:02:00.000Z', later, 'unreachable');
        expect(await repo.due('2026-11-26T00:10:00.000Z', 10)).toEqual([]);
        expect((await repo.due(later, 10)).map((o) => o.dedupeKey)).toEqual(['w1', 'w2']);
        expect(await repo.waitingRecipients()).toEqual([{ toAad: 'p1', count: 2, since: at }]);
        const w = (await repo.all())[0]!;
        expect(w).toMatchObject({ status: 'waiting', attempts: 0, claimedBy: null, waitingSince: at });
        expect(await repo.releaseWaiting('P1', '2026-11-26T00:03:00.000Z')).toBe(2);
        expect((await repo.due('2026-11-26T00:03:00.000Z', 10)).map((o) => o.status)).toEqual([
          'pending',
          'pending',
        ]);
        expect(await repo.waitingRecipients()).toEqual([]);
      }));

    it('gives an instance back its own interrupted claims at once, marking the ones whose request had left', () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
        const msg = { type: 'text' as const, text: storedText({ ja: 'x', en: 'x' }) };
        for (const k of ['before-send', 'in-flight', 'other-instance'])
          await repo.enqueue({ dedupeKey: k, toAad: 'p', priority: PRIORITY.normal, message: msg, at });
        const lease = '2026-11-26T00:01:00.000Z';
        const [x, y, z] = await repo.due(at, 10);
        await repo.claim(x!.id, x!.nextAttemptAt, lease, 'host-a');
        await repo.claim(y!.id, y!.nextAttemptAt, lease, 'host-a');
        await repo.markInFlight(y!.id, at);
        await repo.claim(z!.id, z!.nextAttemptAt, lease, 'host-b');
        const restart = '2026-11-26T00:00:05.000Z';
        expect(await repo.recoverClaims('host-a', restart)).toBe(2);
        const byKey = Object.fromEntries((await repo.all()).map((o) => [o.dedupeKey, o]));
        expect(byKey['before-send']).toMatchObject({
          nextAttemptAt: restart,
          resend: false,
          claimedBy: null,
          attempts: 1,
        });
        expect(byKey['in-flight']).toMatchObject({
          nextAttemptAt: restart,
          resend: true,
          claimedBy: null,
          attempts: 1,
        });
        // Another instance may still be sending its item: its lease stands.
        expect(byKey['other-instance']).toMatchObject({
          nextAttemptAt: lease,
          claimedBy: 'host-b',
          attempts: 0,
        });
        expect((await repo.due(restart, 10)).map((o) => o.dedupeKey)).toEqual(['before-send', 'in-flight']);
        // Ending an attempt clears the claim: a later restart does not pull a scheduled retry forward.
        await repo.claim(x!.id, restart, lease, 'host-a');
        await repo.markRetry(x!.id, '2026-11-26T00:10:00.000Z', '503: busy');
        expect(await repo.recoverClaims('host-a', restart)).toBe(0);
      }));

    it('learns a tenant service URL once and reports only changes', () =>
      withDb(async (db) => {
        const repo = new TenantRepo(db);
        expect(await repo.learn('T1', 'https://smba.example/amer/', '28:bot', at)).toBe(true);
        expect(await repo.learn('t1', 'https://smba.example/amer/', '28:bot', at)).toBe(false);
        expect(await repo.learn('t1', 'https://smba.example/emea/', null, at)).toBe(true);
        expect(await repo.get('T1')).toMatchObject({
          serviceUrl: 'https://smba.example/emea/',
          botId: '28:bot',
        });
        expect((await repo.all()).map((t) => t.tenantId)).toEqual(['t1']);
      }));
    it('keeps one audit chain under concurrent appends, and the database refuses to change or delete a row', () =>
      withDb(async (db) => {
        await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            db.transaction((tx) =>
              new AuditRepo(tx).append({
                at,
                actor: `E${i}`,
                event: 'case.submitted',
                subject: `INC-${i}`,
                data: { i },
              }),
            ),
          ),
        );
        const rows = await new AuditRepo(db).list();
        expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
        expect((await verifyAuditChain(db)).ok).toBe(true);
        await expect(db.execute("UPDATE audit_log SET actor = 'E999' WHERE id = 3")).rejects.toThrow(
          /append-only/,
        );
        await expect(db.execute('DELETE FROM audit_log WHERE id = 25')).rejects.toThrow(/append-only/);
        await expect(db.execute("UPDATE audit_payloads SET data = '{}' WHERE seq = 3")).rejects.toThrow(
          /append-only/,
        );
        await expect(db.execute('DELETE FROM audit_payloads WHERE seq = 3')).rejects.toThrow(
          /recorded purge/,
        );
        expect((await new AuditRepo(db).list()).length).toBe(25);
      }));
  });
}
