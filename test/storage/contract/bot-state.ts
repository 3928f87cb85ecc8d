// The botbuilder Storage contract (as botbuilder's MemoryStorage keeps it), which teams-ai relies on
// for turn state: these cases hold whatever single statement or transaction implements the write.
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/domain/clock';
import { SqlBotStorage } from '../../../src/storage/bot-state-storage';
import { JA, type WithDb } from './harness';

export function botStateContract(withDb: WithDb): void {
  describe('SqlBotStorage (botbuilder Storage)', () => {
    it('reads back what was written with a string eTag, and only the keys that exist', () =>
      withDb(async (db) => {
        const s = new SqlBotStorage(db, systemClock);
        expect(await s.read(['missing'])).toEqual({});
        await s.write({
          'msteams/conv/1': { n: 1, text: JA, nested: { list: [1, null, 'b'] } },
          k2: { z: 0 },
        });
        const got = await s.read(['msteams/conv/1', 'missing', 'k2']);
        expect(Object.keys(got).sort()).toEqual(['k2', 'msteams/conv/1']);
        const item = got['msteams/conv/1'] as { eTag: unknown };
        expect(item).toMatchObject({ n: 1, text: JA, nested: { list: [1, null, 'b'] } });
        expect(typeof item.eTag).toBe('string');
        expect(item.eTag).not.toBe('');
        expect((got.k2 as { eTag: string }).eTag).not.toBe(item.eTag);
      }));

    it('keeps turn state with optimistic eTags: a stale eTag is rejected and changes nothing', () =>
      withDb(async (db) => {
        const s = new SqlBotStorage(db, systemClock);
        await s.write({ k: { n: 1 } });
        const { eTag } = (await s.read(['k'])).k as { eTag: string };
        await s.write({ k: { n: 2, eTag } });
        const second = ((await s.read(['k'])).k as { eTag: string }).eTag;
        expect(second).not.toBe(eTag);
        await expect(s.write({ k: { n: 3, eTag } })).rejects.toThrow();
        expect((await s.read(['k'])).k).toEqual({ n: 2, eTag: second });
      }));

    it("overwrites with eTag '*' or no eTag, and creates a new key whatever eTag it carries", () =>
      withDb(async (db) => {
        const s = new SqlBotStorage(db, systemClock);
        await s.write({ k: { n: 1 } });
        await s.write({ k: { n: 2, eTag: '*' } });
        expect((await s.read(['k'])).k).toMatchObject({ n: 2 });
        await s.write({ k: { n: 3 } });
        expect((await s.read(['k'])).k).toMatchObject({ n: 3 });
        await s.write({ fresh: { n: 1, eTag: 'from-another-store' } });
        expect((await s.read(['fresh'])).fresh).toMatchObject({ n: 1 });
      }));

    it('deletes keys, missing ones included, and a deleted key can be written again', () =>
      withDb(async (db) => {
        const s = new SqlBotStorage(db, systemClock);
        await s.write({ a: { n: 1 }, b: { n: 2 } });
        await s.delete(['a', 'never-written']);
        expect(Object.keys(await s.read(['a', 'b']))).toEqual(['b']);
        await s.write({ a: { n: 5 } });
        expect((await s.read(['a'])).a).toMatchObject({ n: 5 });
      }));
  });
}
