// A fresh PostgreSQL database per test, on the server TEST_POSTGRES_URL names (CI starts one on
// loopback: .ci/run). Without the variable the PostgreSQL suites are skipped and say so; under CI a
// missing server is an error, so CI always proves both engines.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { MIGRATIONS } from '../../src/storage/migrations';
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

/**
 * A database migrated once per schema (named by a hash of the migrations), copied for each test:
 * CREATE DATABASE … TEMPLATE takes a fraction of running every migration again. Test workers
 * racing to make it are serialised by an advisory lock.
 */
let template: Promise<string> | undefined;
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const schema = createHash('sha256')
      .update(MIGRATIONS.map((m) => `${m.id}:${m.name}:${m.postgres ?? m.sqlite}`).join('\n'))
      .digest('hex')
      .slice(0, 12);
    const name = `secdesk_tmpl_${schema}`;
    await admin(async (c) => {
      await c.query('SELECT pg_advisory_lock(7130012)');
      try {
        const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          const building = `${name}_${randomBytes(3).toString('hex')}`;
          await c.query(`CREATE DATABASE ${building}`);
          await (await PgDatabase.open(withDatabase(TEST_POSTGRES_URL, building), { max: 1 })).close();
          await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
        }
      } finally {
        await c.query('SELECT pg_advisory_unlock(7130012)');
      }
    });
    return name;
  })();
  return template;
}

/** A new database with every migration applied: its URL, and a function that drops it. */
export async function tempPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const source = await migratedTemplate();
  const name = `secdesk_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${source}`));
  return {
    url: withDatabase(TEST_POSTGRES_URL, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A new migrated database, dropped again when the returned db closes. */
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
