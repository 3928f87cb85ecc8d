// The storage contract on a PostgreSQL database whose default collation is en-US, as managed servers
// have (Azure Database for PostgreSQL creates databases with en_US.utf8): text ordering and
// comparisons must not change with it. This machine has no libc en_US.utf8 locale (`locale -a`
// lists C, C.utf8 and POSIX only), so the database uses PostgreSQL's ICU provider with the en-US
// locale, which orders the same way (case-insensitive first, punctuation weighed apart).
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/storage/migrations';
import { PgDatabase } from '../../src/storage/postgres/pg-database';
import { TEST_POSTGRES_URL } from '../helpers/pg';
import { runStorageContract } from './contract';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A migrated en-US template, made once per schema (serialised by an advisory lock), copied per test. */
let template: Promise<string> | undefined;
function icuTemplate(): Promise<string> {
  template ??= (async () => {
    const schema = createHash('sha256')
      .update(MIGRATIONS.map((m) => `${m.id}:${m.name}:${m.postgres ?? m.sqlite}`).join('\n'))
      .digest('hex')
      .slice(0, 12);
    const name = `secdesk_icu_tmpl_${schema}`;
    await admin(async (c) => {
      await c.query('SELECT pg_advisory_lock(7130013)');
      try {
        const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          const building = `${name}_${randomBytes(3).toString('hex')}`;
          await c.query(
            `CREATE DATABASE ${building} TEMPLATE template0 ENCODING 'UTF8'
               LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`,
          );
          await (await PgDatabase.open(withDatabase(TEST_POSTGRES_URL, building), { max: 1 })).close();
          await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
        }
      } finally {
        await c.query('SELECT pg_advisory_unlock(7130013)');
      }
    });
    return name;
  })();
  return template;
}

async function openIcuPg(): Promise<PgDatabase> {
  const source = await icuTemplate();
  const name = `secdesk_icu_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${source}`));
  const db = await PgDatabase.open(withDatabase(TEST_POSTGRES_URL, name));
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  return db;
}

if (TEST_POSTGRES_URL) {
  describe('postgres (ICU en-US default collation)', () => {
    it('really orders text the en-US way by default, unlike code point order', async () => {
      const db = await openIcuPg();
      try {
        const rows = await db.query<{ x: string }>(
          "SELECT x FROM (VALUES ('b'), ('B'), ('a'), ('_a'), ('A')) v(x) ORDER BY x",
        );
        expect(rows.map((r) => r.x)).toEqual(['_a', 'a', 'A', 'b', 'B']);
      } finally {
        await db.close();
      }
    });
  });
  runStorageContract('postgres (pg pool, ICU en-US collation)', openIcuPg);
} else
  describe('storage contract: postgres with an en-US collation', () => {
    it.skip('needs TEST_POSTGRES_URL (a PostgreSQL server; .ci/run starts one)', () => undefined);
  });
