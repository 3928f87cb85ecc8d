// Turn-state eTags (botbuilder Storage contract, as botbuilder's MemoryStorage implements it) on both
// engines, with two storages on one database as two bot instances would have: each opens its own
// connection (SQLite) or pool (PostgreSQL) to the same database.
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock';
import { ETagConflictError, SqlBotStorage } from '../../src/storage/bot-state-storage';
import { PgDatabase } from '../../src/storage/postgres/pg-database';
import type { Database } from '../../src/storage/sql';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { tempDbFile } from '../helpers/db';
import { TEST_POSTGRES_URL, tempPgDatabase } from '../helpers/pg';

type Pair = { a: Database; b: Database; close: () => Promise<void> };

const engines: { name: string; open: () => Promise<Pair> }[] = [
  {
    name: 'sqlite (two connections to one file)',
    open: async () => {
      const file = tempDbFile();
      const a = SqliteDatabase.open(file);
      const b = SqliteDatabase.open(file);
      return { a, b, close: async () => void (await Promise.all([a.close(), b.close()])) };
    },
  },
];
if (TEST_POSTGRES_URL)
  engines.push({
    name: 'postgres (two pools on one database)',
    open: async () => {
      const temp = await tempPgDatabase();
      const a = await PgDatabase.open(temp.url);
      const b = await PgDatabase.open(temp.url);
      return {
        a,
        b,
        close: async () => {
          await Promise.all([a.close(), b.close()]);
          await temp.drop();
        },
      };
    },
  });
else
  describe('SqlBotStorage on postgres', () => {
    it.skip('needs TEST_POSTGRES_URL (a PostgreSQL server; .ci/run starts one)', () => undefined);
  });

let pair: Pair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

for (const engine of engines) {
  describe(`SqlBotStorage eTags: ${engine.name}`, () => {
    it('lets exactly one of concurrent writes with the same old eTag win, across two instances', async () => {
      pair = await engine.open();
      const sa = new SqlBotStorage(pair.a, systemClock);
      const sb = new SqlBotStorage(pair.b, systemClock);
      await sa.write({ 'conv/1': { n: 0 } });
      const { eTag } = (await sb.read(['conv/1']))['conv/1'] as { eTag: string };
      // Ten writers (five per instance) all started before any finishes.
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? sb : sa).write({ 'conv/1': { n: i + 1, eTag } })),
      );
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i + 1] : []));
      expect(won).toHaveLength(1);
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ETagConflictError);
      const stored = (await sa.read(['conv/1']))['conv/1'] as { n: number; eTag: string };
      expect(stored.n).toBe(won[0]);
      expect(stored.eTag).not.toBe(eTag);
      // The winner's new eTag works from the other instance.
      await sb.write({ 'conv/1': { n: 99, eTag: stored.eTag } });
      expect((await sa.read(['conv/1']))['conv/1']).toMatchObject({ n: 99 });
    });

    it('creates keys concurrently from two instances without an error (no eTag yet)', async () => {
      pair = await engine.open();
      const sa = new SqlBotStorage(pair.a, systemClock);
      const sb = new SqlBotStorage(pair.b, systemClock);
      await Promise.all([sa.write({ 'user/1': { v: 'a' } }), sb.write({ 'user/1': { v: 'b' } })]);
      const got = (await sa.read(['user/1']))['user/1'] as { v: string };
      expect(['a', 'b']).toContain(got.v);
    });

    it("follows MemoryStorage: '*', an empty or missing eTag overwrite; an unknown key is created", async () => {
      pair = await engine.open();
      const s = new SqlBotStorage(pair.a, systemClock);
      await s.write({ k: { v: 1 } });
      const first = (await s.read(['k'])).k as { eTag: string };
      await s.write({ k: { v: 2, eTag: first.eTag } });
      await expect(s.write({ k: { v: 3, eTag: first.eTag } })).rejects.toBeInstanceOf(ETagConflictError);
      expect((await s.read(['k'])).k).toMatchObject({ v: 2 });
      await s.write({ k: { v: 4, eTag: '*' } });
      expect((await s.read(['k'])).k).toMatchObject({ v: 4 });
      await s.write({ k: { v: 5, eTag: '' } });
      expect((await s.read(['k'])).k).toMatchObject({ v: 5 });
      await s.write({ k: { v: 6 } });
      expect((await s.read(['k'])).k).toMatchObject({ v: 6 });
      // A key not stored yet is written whatever eTag the item carries (MemoryStorage does so).
      await s.write({ fresh: { v: 1, eTag: 'stale' } });
      expect((await s.read(['fresh'])).fresh).toMatchObject({ v: 1 });
      expect(((await s.read(['fresh'])).fresh as { eTag: string }).eTag).not.toBe('stale');
      await s.delete(['k', 'fresh']);
      expect(await s.read(['k', 'fresh'])).toEqual({});
    });

    it('writes several keys together or not at all', async () => {
      pair = await engine.open();
      const s = new SqlBotStorage(pair.a, systemClock);
      await s.write({ a: { v: 1 }, b: { v: 1 } });
      const read = await s.read(['a', 'b', 'missing']);
      expect(Object.keys(read).sort()).toEqual(['a', 'b']);
      await expect(s.write({ a: { v: 2, eTag: '*' }, b: { v: 2, eTag: 'stale' } })).rejects.toBeInstanceOf(
        ETagConflictError,
      );
      expect(await s.read(['a', 'b'])).toMatchObject({ a: { v: 1 }, b: { v: 1 } });
    });
  });
}
