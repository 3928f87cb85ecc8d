import { describe, expect, it } from 'vitest';
import { RateRepo } from '../../../src/storage/rate-repo';
import type { WithDb } from './harness';

// Epoch milliseconds of late 2026: past 2^31 and 2^32, so they must survive as 64-bit numbers.
const MS = Date.parse('2026-11-26T00:00:00.000Z');

const state = (tokens: number, at: number) => ({
  tokens,
  updatedMs: at,
  pausedUntilMs: 0,
  calmUntilMs: at + 30_000,
  windowStartMs: at,
  windowRequests: 3,
  windowThrottled: 1,
});

export function rateContract(withDb: WithDb): void {
  describe('RateRepo', () => {
    it('creates a bucket once and updates it only from the version that was read', () =>
      withDb(async (db) => {
        const repo = new RateRepo(db);
        expect(await repo.bucket('t')).toBeUndefined();
        const created = await Promise.all([
          repo.createBucket('t', state(50, MS)),
          repo.createBucket('t', state(1, MS)),
        ]);
        expect(created.sort()).toEqual([false, true]);
        const b = await repo.bucket('t');
        expect(b?.version).toBe(1);
        expect(b?.state.updatedMs).toBe(MS);
        const won = await Promise.all([
          repo.updateBucket('t', 1, state(12.5, MS + 1)),
          repo.updateBucket('t', 1, state(7.25, MS + 2)),
        ]);
        expect(won.sort()).toEqual([false, true]);
        const after = await repo.bucket('t');
        expect(after?.version).toBe(2);
        expect([state(12.5, MS + 1), state(7.25, MS + 2)]).toContainEqual(after?.state);
        expect(await repo.updateBucket('t', 1, state(0, MS))).toBe(false);
        expect(await repo.updateBucket('other', 1, state(0, MS))).toBe(false);
      }));

    it("returns a conversation's recent sends in time order as numbers, and prunes old ones", () =>
      withDb(async (db) => {
        const repo = new RateRepo(db);
        for (const d of [3000, 1000, 2000, 5000]) await repo.recordSend('c1', 't', MS + d);
        await repo.recordSend('c2', 't', MS + 1500);
        expect(await repo.sendsSince('c1', MS + 1000)).toEqual([MS + 2000, MS + 3000, MS + 5000]);
        expect(await repo.prune(MS + 2500)).toBe(3);
        expect(await repo.sendsSince('c1', 0)).toEqual([MS + 3000, MS + 5000]);
        expect(await repo.sendsSince('c2', 0)).toEqual([]);
      }));
  });
}
