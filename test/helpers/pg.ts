// A fresh PostgreSQL database per test, on the server TEST_POSTGRES_URL names (CI starts one on
// loopback: .ci/run). Without the variable the PostgreSQL suites are skipped and say so; under CI a
// missing server is an error, so CI always proves both engines.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PgDatabase } from '../../src/storage/postgres/pg-database';

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? '';
if (!TEST_POSTGRES_URL && process.env.CI === 'true')
  throw new Error('CI must run the PostgreSQL suites: set TEST_POSTGRES_URL (.ci/run starts a server)');

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

/** Whether the turn-level tests run the bot on PostgreSQL (TEST_ENGINE=postgres) instead of SQLite. */
export const TEST_ON_POSTGRES = process.env.TEST_ENGINE === 'postgres';
if (TEST_ON_POSTGRES && !TEST_POSTGRES_URL) throw new Error('TEST_ENGINE=postgres needs TEST_POSTGRES_URL');

/** A new empty database on the test server: its URL, and a function that drops it. */
export async function tempPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `secdesk_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: withDatabase(TEST_POSTGRES_URL, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A new empty database (migrated by PgDatabase.open), dropped again when the returned db closes. */
export async function openTempPg(opts: { max?: number } = {}): Promise<PgDatabase> {
  const temp = await tempPgDatabase();
  const db = await PgDatabase.open(temp.url, opts);
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    await temp.drop();
  };
  return db;
}
