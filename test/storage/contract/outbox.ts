import { describe, expect, it } from 'vitest';
import { storedText } from '../../../src/i18n';
import { OutboxRepo, PRIORITY } from '../../../src/storage/outbox-repo';
import { AT as at, JA, plus, type WithDb } from './harness';

const msg = { type: 'text' as const, text: storedText({ ja: 'x', en: 'x' }) };

export function outboxContract(withDb: WithDb): void {
  describe('OutboxRepo', () => {
    it('enqueues an outbox message once per dedupe key and lets one worker claim it', () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
        const e = {
          dedupeKey: 'k1',
          toAad: 'AAD',
          priority: PRIORITY.high,
          message: { type: 'text' as const, text: storedText({ ja: JA, en: 'a' }) },
          at,
        };
        expect(await repo.enqueue(e)).toBe(true);
        expect(await repo.enqueue(e)).toBe(false);
        const [due] = await repo.due(at, 10);
        expect(due).toMatchObject({ dedupeKey: 'k1', toAad: 'aad', status: 'pending', priority: 2 });
        expect(due?.message).toEqual(e.message);
        expect(due).toMatchObject({
          attempts: 0,
          lastError: null,
          caseId: null,
          sentAt: null,
          resend: false,
        });
        const lease = '2026-11-26T00:01:00.000Z';
        const claims = await Promise.all([
          repo.claim(due!.id, due!.nextAttemptAt, lease),
          repo.claim(due!.id, due!.nextAttemptAt, lease),
        ]);
        expect(claims.sort()).toEqual([false, true]);
        expect(await repo.due(at, 10)).toEqual([]);
        await repo.markSent(due!.id, at, 'act-1', 'conv-1');
        expect((await repo.all())[0]).toMatchObject({ status: 'sent', activityId: 'act-1', attempts: 1 });
        expect(await repo.byDedupeKey('k1')).toMatchObject({ sentAt: at, conversationId: 'conv-1' });
        expect(await repo.byDedupeKey('k2')).toBeUndefined();
      }));

    it('returns the new id from enqueueReturningId, and nothing for a repeated dedupe key', () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
        const e = {
          dedupeKey: 'r',
          toAad: 'p',
          priority: PRIORITY.normal,
          message: msg,
          at,
          caseId: 'INC-1',
        };
        const id = await repo.enqueueReturningId(e);
        expect(typeof id).toBe('number');
        expect(await repo.enqueueReturningId(e)).toBeUndefined();
        expect((await repo.byCase('INC-1')).map((o) => o.id)).toEqual([id]);
      }));

    it('orders due outbox messages by priority, emergencies first, then by due time and id', () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
        await repo.enqueue({ dedupeKey: 'n', toAad: 'a', priority: PRIORITY.normal, message: msg, at });
        await repo.enqueue({ dedupeKey: 'e', toAad: 'a', priority: PRIORITY.emergency, message: msg, at });
        await repo.enqueue({ dedupeKey: 'c', toAad: 'a', priority: PRIORITY.critical, message: msg, at });
        await repo.enqueue({
          dedupeKey: 'n0',
          toAad: 'a',
          priority: PRIORITY.normal,
          message: msg,
          at: plus(-1),
        });
        await repo.enqueue({ dedupeKey: 'n2', toAad: 'a', priority: PRIORITY.normal, message: msg, at });
        await repo.enqueue({ dedupeKey: 'later', toAad: 'a', priority: 0, message: msg, at: plus(1) });
        expect((await repo.due(at, 10)).map((o) => o.dedupeKey)).toEqual(['e', 'c', 'n0', 'n', 'n2']);
        expect((await repo.due(at, 2)).map((o) => o.dedupeKey)).toEqual(['e', 'c']);
        expect(await repo.nextDueAt()).toBe(plus(-1));
      }));

    it('picks the most urgent due items, skipping busy recipients, and adds a lower class when asked', () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
        await repo.enqueue({ dedupeKey: 'h1', toAad: 'P1', priority: PRIORITY.high, message: msg, at });
        await repo.enqueue({ dedupeKey: 'h2', toAad: 'p2', priority: PRIORITY.high, message: msg, at });
        await repo.enqueue({
          dedupeKey: 'l1',
          toAad: 'p3',
          priority: PRIORITY.low,
          message: msg,
          at: plus(-5),
        });
        const none = { lowerClass: false, waiting: false };
        expect((await repo.pick(at, 10, [], none)).map((o) => o.dedupeKey)).toEqual(['h1', 'h2', 'l1']);
        expect((await repo.pick(at, 10, ['p1'], none)).map((o) => o.dedupeKey)).toEqual(['h2', 'l1']);
        expect((await repo.pick(at, 2, [], none)).map((o) => o.dedupeKey)).toEqual(['h1', 'h2']);
        expect(
          (await repo.pick(at, 2, [], { lowerClass: true, waiting: false })).map((o) => o.dedupeKey),
        ).toEqual(['h1', 'h2', 'l1']);
      }));

    it('keeps a message for an unreachable person waiting, not due, until released or re-checked', () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
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
        expect(await repo.pick(later, 10, [], { lowerClass: false, waiting: false })).toEqual([]);
        expect(
          (await repo.pick(later, 10, [], { lowerClass: false, waiting: true })).map((o) => o.dedupeKey),
        ).toEqual(['w1', 'w2']);
        expect(await repo.releaseWaiting('P1', '2026-11-26T00:03:00.000Z')).toBe(2);
        expect((await repo.due('2026-11-26T00:03:00.000Z', 10)).map((o) => o.status)).toEqual([
          'pending',
          'pending',
        ]);
        expect(await repo.waitingRecipients()).toEqual([]);
      }));

    it('lists waiting recipients earliest first, with counts as numbers', () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
        for (const [k, to] of [
          ['a', 'p2'],
          ['b', 'p1'],
          ['c', 'p2'],
        ] as const)
          await repo.enqueue({ dedupeKey: k, toAad: to, priority: PRIORITY.normal, message: msg, at });
        const items = await repo.all();
        await repo.markWaiting(items[0]!.id, plus(2), plus(60), 'x');
        await repo.markWaiting(items[1]!.id, plus(1), plus(60), 'x');
        await repo.markWaiting(items[2]!.id, plus(3), plus(60), 'x');
        expect(await repo.waitingRecipients()).toEqual([
          { toAad: 'p1', count: 1, since: plus(1) },
          { toAad: 'p2', count: 2, since: plus(2) },
        ]);
        expect(await repo.releaseAllWaiting(plus(4))).toBe(3);
        expect(await repo.countByStatus()).toEqual({ pending: 3 });
      }));

    it('gives an instance back its own interrupted claims at once, marking the ones whose request had left', () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
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

    it('ends attempts as retry, dead, unreachable or deferred, clipping the stored error', () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
        for (const k of ['retry', 'dead', 'blocked', 'defer'])
          await repo.enqueue({ dedupeKey: k, toAad: 'p', priority: PRIORITY.normal, message: msg, at });
        const [r, d, u, f] = await repo.all();
        for (const i of [r, d, u, f]) await repo.claim(i!.id, i!.nextAttemptAt, plus(1), 'h');
        await repo.markRetry(r!.id, plus(10), 'x'.repeat(600), true);
        await repo.markDead(d!.id, '404: gone');
        await repo.markUnreachable(u!.id, '403: MessageWritesBlocked');
        await repo.defer(f!.id, plus(7));
        const byKey = Object.fromEntries((await repo.all()).map((o) => [o.dedupeKey, o]));
        expect(byKey.retry).toMatchObject({
          status: 'pending',
          attempts: 1,
          resend: true,
          nextAttemptAt: plus(10),
        });
        expect(byKey.retry?.lastError).toHaveLength(500);
        expect(byKey.dead).toMatchObject({
          status: 'dead',
          attempts: 1,
          lastError: '404: gone',
          claimedBy: null,
        });
        expect(byKey.blocked).toMatchObject({ status: 'unreachable', attempts: 1 });
        expect(byKey.defer).toMatchObject({
          status: 'pending',
          attempts: 0,
          nextAttemptAt: plus(7),
          claimedBy: null,
        });
        expect(await repo.countByStatus()).toEqual({ pending: 2, dead: 1, unreachable: 1 });
        // A stale claim (the next attempt moved) loses.
        expect(await repo.claim(f!.id, f!.nextAttemptAt, plus(8), 'h')).toBe(false);
      }));

    it("cancels a recalled broadcast's unsent copies only, leaving claimed ones and other messages", () =>
      withDb(async (db) => {
        const repo = new OutboxRepo(db);
        const copy = (personId: string) => ({ type: 'broadcast' as const, broadcastId: 'BC-1', personId });
        await repo.enqueue({
          dedupeKey: 'c1',
          toAad: 'p1',
          priority: 2,
          message: copy('E1'),
          broadcastId: 'BC-1',
          at,
        });
        await repo.enqueue({
          dedupeKey: 'c2',
          toAad: 'p2',
          priority: 2,
          message: copy('E2'),
          broadcastId: 'BC-1',
          at,
        });
        await repo.enqueue({
          dedupeKey: 's1',
          toAad: 'p3',
          priority: 2,
          message: { type: 'broadcast.status', broadcastId: 'BC-1', personId: 'E3' },
          broadcastId: 'BC-1',
          at,
        });
        await repo.enqueue({
          dedupeKey: 'o',
          toAad: 'p1',
          priority: 2,
          message: copy('E1'),
          broadcastId: 'BC-2',
          at,
        });
        const c2 = await repo.byDedupeKey('c2');
        await repo.claim(c2!.id, c2!.nextAttemptAt, plus(1), 'h');
        expect(await repo.cancelBroadcastCopies('BC-1', 'recalled')).toBe(1);
        expect((await repo.byBroadcast('BC-1')).map((o) => [o.dedupeKey, o.status])).toEqual([
          ['c1', 'cancelled'],
          ['c2', 'pending'],
          ['s1', 'pending'],
        ]);
        expect((await repo.byDedupeKey('o'))?.status).toBe('pending');
      }));
  });
}
