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
 * How test databases are created: the server default, or with ICU en-US as the default collation
 * (a managed server's default; this machine has no libc en_US.utf8 locale).
 */
export type PgFlavour = 'default' | 'icu-en-us';
const FLAVOURS: Record<PgFlavour, { prefix: string; lock: number; create: string }> = {
  default: { prefix: 'secdesk', lock: 7130012, create: '' },
  'icu-en-us': {
    prefix: 'secdesk_icu',
    lock: 7130013,
    create: "TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'",
  },
};

/**
 * A database migrated once per schema and flavour (named by a hash of the migrations), copied for
 * each test: CREATE DATABASE … TEMPLATE takes a fraction of running every migration again. Test
 * workers racing to make it are serialised by an advisory lock.
 */
const templates = new Map<PgFlavour, Promise<string>>();
function migratedTemplate(flavour: PgFlavour): Promise<string> {
  const f = FLAVOURS[flavour];
  let template = templates.get(flavour);
  template ??= (async () => {
    const schema = createHash('sha256')
      .update(MIGRATIONS.map((m) => `${m.id}:${m.name}:${m.postgres ?? m.sqlite}`).join('\n'))
      .digest('hex')
      .slice(0, 12);
    const name = `${f.prefix}_tmpl_${schema}`;
    await admin(async (c) => {
      await c.query(`SELECT pg_advisory_lock(${f.lock})`);
      try {
        const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          const building = `${name}_${randomBytes(3).toString('hex')}`;
          await c.query(`CREATE DATABASE ${building} ${f.create}`);
          await (await PgDatabase.open(withDatabase(TEST_POSTGRES_URL, building), { max: 1 })).close();
          await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
        }
      } finally {
        await c.query(`SELECT pg_advisory_unlock(${f.lock})`);
      }
    });
    return name;
  })();
  templates.set(flavour, template);
  return template;
}

/** A new database with every migration applied: its URL, and a function that drops it. */
export async function tempPgDatabase(
  flavour: PgFlavour = 'default',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const source = await migratedTemplate(flavour);
  const name = `${FLAVOURS[flavour].prefix}_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${source}`));
  return {
    url: withDatabase(TEST_POSTGRES_URL, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A new migrated database, dropped again when the returned db closes. */
export async function openTempPg(opts: { max?: number; flavour?: PgFlavour } = {}): Promise<PgDatabase> {
  const temp = await tempPgDatabase(opts.flavour);
  const db = await PgDatabase.open(temp.url, { ...(opts.max !== undefined ? { max: opts.max } : {}) });
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    await temp.drop();
  };
  return db;
}
