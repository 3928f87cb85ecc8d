// The directory cache (storage/directory-repo.ts, migration 22): each process keeps the directory it
// loaded under the database's version token; every write to people or sections replaces the token
// by trigger. Two instances are two connections to one database here: a change through one must be
// seen by the other's next load, whichever way it was written.
import { afterEach, describe, expect, it } from 'vitest';
import type { Directory } from '../../src/domain/directory';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { PgDatabase } from '../../src/storage/postgres/pg-database';
import type { Database } from '../../src/storage/sql';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { tempDbFile } from '../helpers/db';
import { tempPgDatabase, TEST_POSTGRES_URL } from '../helpers/pg';

const directory = (officerName: string): Directory => ({
  sections: [
    { code: 'S1', name: '総務課', parentCode: null, officerId: 'E1', deputyId: null, superiorId: null },
  ],
  people: [
    {
      id: 'E1',
      aadObjectId: 'aad-1',
      upn: 'e1@example.jp',
      name: officerName,
      kana: 'さとう',
      sectionCode: 'S1',
      title: '課長',
      phone: '',
      mobile: '',
      isChiefOfficer: false,
      isItAdmin: false,
    },
    {
      id: 'E2',
      aadObjectId: 'aad-2',
      upn: 'e2@example.jp',
      name: '山田 花子',
      kana: 'やまだ',
      sectionCode: 'S1',
      title: '',
      phone: '',
      mobile: '',
      isChiefOfficer: false,
      isItAdmin: false,
    },
  ],
});

/** Two independent connections (pools) to one fresh database, as two bot instances have. */
type TwoInstances = () => Promise<{ a: Database; b: Database; close: () => Promise<void> }>;

const engines: Array<[string, TwoInstances]> = [
  [
    'sqlite',
    async () => {
      const file = tempDbFile();
      const a = SqliteDatabase.open(file);
      const b = SqliteDatabase.open(file);
      return { a, b, close: async () => void (await Promise.all([a.close(), b.close()])) };
    },
  ],
];
if (TEST_POSTGRES_URL)
  engines.push([
    'postgres',
    async () => {
      const { url, drop } = await tempPgDatabase();
      const a = await PgDatabase.open(url, { max: 2 });
      const b = await PgDatabase.open(url, { max: 2 });
      return {
        a,
        b,
        close: async () => {
          await Promise.all([a.close(), b.close()]);
          await drop();
        },
      };
    },
  ]);

describe.each(engines)('directory cache on %s', (_engine, open) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('serves the same directory while nothing changes, and it cannot be changed by a caller', async () => {
    const { a, b, close: c } = await open();
    close = c;
    await b.transaction((tx) => new DirectoryRepo(tx).replaceAll(directory('佐藤 健一')));
    const first = await new DirectoryRepo(a).load();
    const again = await new DirectoryRepo(a).load();
    expect(again).toBe(first); // the cached object: no second read of the tables
    expect(first.people.map((p) => p.name)).toEqual(['佐藤 健一', '山田 花子']);
    expect(() => (first.people as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (first.people[0] as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });

  it('a replace through another instance is seen on the next load', async () => {
    const { a, b, close: c } = await open();
    close = c;
    await a.transaction((tx) => new DirectoryRepo(tx).replaceAll(directory('佐藤 健一')));
    const before = await new DirectoryRepo(a).load();
    expect(before.people[0]?.name).toBe('佐藤 健一');
    await b.transaction((tx) => new DirectoryRepo(tx).replaceAll(directory('佐藤 健二')));
    const after = await new DirectoryRepo(a).load();
    expect(after.people[0]?.name).toBe('佐藤 健二');
    expect(after.people).toHaveLength(2);
  });

  it('any write to people or sections counts, even one that bypasses the repository', async () => {
    const { a, b, close: c } = await open();
    close = c;
    await a.transaction((tx) => new DirectoryRepo(tx).replaceAll(directory('佐藤 健一')));
    const v0 = (await new DirectoryRepo(a).version()).token;
    expect((await new DirectoryRepo(a).load()).sections[0]?.name).toBe('総務課');
    await b.execute("UPDATE sections SET name = '総務部' WHERE code = 'S1'");
    expect((await new DirectoryRepo(a).version()).token).not.toBe(v0);
    expect((await new DirectoryRepo(a).load()).sections[0]?.name).toBe('総務部');
    await b.execute("DELETE FROM people WHERE id = 'E2'");
    expect((await new DirectoryRepo(a).load()).people.map((p) => p.id)).toEqual(['E1']);
  });

  it('a change rolled back leaves the directory as it was', async () => {
    const { a, b, close: c } = await open();
    close = c;
    await a.transaction((tx) => new DirectoryRepo(tx).replaceAll(directory('佐藤 健一')));
    await new DirectoryRepo(a).load();
    await expect(
      b.transaction(async (tx) => {
        const repo = new DirectoryRepo(tx);
        await repo.replaceAll(directory('ロールバック'));
        // Inside the transaction its own change is visible, after each statement …
        expect((await repo.load()).people[0]?.name).toBe('ロールバック');
        await tx.execute("UPDATE people SET name = 'ロールバック2' WHERE id = 'E1'");
        expect((await repo.load()).people[0]?.name).toBe('ロールバック2');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // … and after the rollback neither instance sees it.
    expect((await new DirectoryRepo(a).load()).people[0]?.name).toBe('佐藤 健一');
    expect((await new DirectoryRepo(b).load()).people[0]?.name).toBe('佐藤 健一');
  });
});
