import { describe, expect, it } from 'vitest';
import { TimerRepo } from '../../../src/storage/timer-repo';
import { AT as at, JA, plus, type WithDb } from './harness';

export function timerContract(withDb: WithDb): void {
  describe('TimerRepo', () => {
    it('schedules a timer once per dedupe key and completes it exactly once', () =>
      withDb(async (db) => {
        const timers = new TimerRepo(db);
        const t0 = {
          dedupeKey: 't',
          caseId: null,
          kind: 'reminder' as const,
          dueAt: at,
          payload: { a: 1, s: JA },
          at,
        };
        expect(await timers.schedule(t0)).toBe(true);
        expect(await timers.schedule({ ...t0, payload: {} })).toBe(false);
        const [t] = await timers.due(at, 10);
        expect(t).toMatchObject({
          dedupeKey: 't',
          caseId: null,
          status: 'pending',
          firedAt: null,
          createdAt: at,
        });
        expect(t?.payload).toEqual({ a: 1, s: JA });
        expect(typeof t?.id).toBe('number');
        const done = await Promise.all([timers.complete(t!.id, at), timers.complete(t!.id, at)]);
        expect(done.sort()).toEqual([false, true]);
        expect(await timers.due(at, 10)).toEqual([]);
      }));

    it('lists due timers soonest first up to the limit, and none before they are due', () =>
      withDb(async (db) => {
        const timers = new TimerRepo(db);
        for (const [k, m] of [
          ['c', 3],
          ['a', 1],
          ['b', 2],
          ['later', 9],
        ] as const)
          await timers.schedule({
            dedupeKey: k,
            caseId: 'INC-1',
            kind: 'ack_deadline',
            dueAt: plus(m),
            payload: {},
            at,
          });
        expect((await timers.due(plus(3), 10)).map((t) => t.dedupeKey)).toEqual(['a', 'b', 'c']);
        expect((await timers.due(plus(3), 2)).map((t) => t.dedupeKey)).toEqual(['a', 'b']);
        expect(await timers.due(plus(0), 10)).toEqual([]);
        expect((await timers.byCase('INC-1')).map((t) => t.dedupeKey)).toEqual(['c', 'a', 'b', 'later']);
      }));

    it('cancels pending timers of a case and kind, and by dedupe-key prefix only', () =>
      withDb(async (db) => {
        const timers = new TimerRepo(db);
        const s = (dedupeKey: string, caseId: string | null, kind: 'reminder' | 'broadcast_reminder') =>
          timers.schedule({ dedupeKey, caseId, kind, dueAt: at, payload: {}, at });
        await s('ack:1', 'INC-1', 'reminder');
        await s('ack:2', 'INC-2', 'reminder');
        await s('bcr:BC-1:1', null, 'broadcast_reminder');
        await s('bcr:BC-1:2', null, 'broadcast_reminder');
        await s('bcr:BC-10:1', null, 'broadcast_reminder');
        await s('x-bcr:BC-1:1', null, 'broadcast_reminder');
        const [first] = await timers.due(at, 1);
        await timers.complete(first!.id, at);
        expect(await timers.cancelForCase('INC-1', 'reminder')).toBe(0);
        expect(await timers.cancelForCase('INC-2', 'reminder')).toBe(1);
        expect(await timers.cancelByDedupePrefix('bcr:BC-1:')).toBe(2);
        expect((await timers.due(at, 10)).map((t) => t.dedupeKey)).toEqual(['bcr:BC-10:1', 'x-bcr:BC-1:1']);
        expect((await timers.byCase('INC-2'))[0]?.status).toBe('cancelled');
      }));
  });
}
