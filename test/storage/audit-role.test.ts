// The roles of infra/postgres/roles.sql on a real server: the owner migrates, the app role the bot
// instances use reads and writes the working tables but can only read and append the audit trail
// (12(4)②), and the retention purge of audit payloads runs as the owner (`npm run retention`).
// PostgreSQL only: skipped, saying why, without TEST_POSTGRES_URL; under CI a missing URL fails
// (test/helpers/pg.ts).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '../../src/domain/ledgers';
import { storedText } from '../../src/i18n';
import { verifyAuditChain } from '../../src/services/audit-verify';
import { defaultLedgerSources } from '../../src/services/ledgers';
import { runRetention } from '../../src/services/retention-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { SqlBotStorage } from '../../src/storage/bot-state-storage';
import { CaseRepo } from '../../src/storage/case-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { MIGRATIONS } from '../../src/storage/migrations';
import { OutboxRepo, PRIORITY } from '../../src/storage/outbox-repo';
import { PgDatabase } from '../../src/storage/postgres/pg-database';
import { TimerRepo } from '../../src/storage/timer-repo';
import { TEST_POSTGRES_URL } from '../helpers/pg';
import { AT, caseRecord, JA, plus } from './contract/harness';
import { person } from './contract/directory';

const ROLES_SQL = fs.readFileSync(path.join(__dirname, '..', '..', 'infra', 'postgres', 'roles.sql'), 'utf8');

function urlOf(database: string, user?: string): string {
  const u = new URL(TEST_POSTGRES_URL);
  u.pathname = `/${database}`;
  if (user) {
    u.username = user;
    u.password = '';
  }
  return u.toString();
}

async function asAdmin<T>(database: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: urlOf(database) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The SQLSTATE of a refused statement ('' when it went through). */
async function sqlState(db: PgDatabase, sql: string): Promise<string> {
  try {
    await db.execute(sql);
    return '';
  } catch (err) {
    return String((err as { code?: unknown }).code ?? (err as Error).message);
  }
}

const AUDIT_TABLES = ['audit_log', 'audit_payloads', 'audit_purge_marks'] as const;
/** After 2026 plus the longest default retention: the 2026 rows are past their period. */
const LATER = { now: () => new Date('2040-01-01T00:00:00.000Z') };

if (!TEST_POSTGRES_URL)
  describe('PostgreSQL roles (infra/postgres/roles.sql)', () => {
    it.skip('needs TEST_POSTGRES_URL (a PostgreSQL server; .ci/run starts one)', () => undefined);
  });
else
  describe('PostgreSQL roles (infra/postgres/roles.sql)', () => {
    const database = `secdesk_roles_${randomBytes(5).toString('hex')}`;
    let owner: PgDatabase;
    let app: PgDatabase;

    beforeAll(async () => {
      // Step 1 of roles.sql's deployment order: the roles, then a database owned by the owner.
      await asAdmin('postgres', async (c) => {
        await c.query(ROLES_SQL);
        // Logins are set out of band in a deployment; the test server trusts loopback.
        await c.query('ALTER ROLE secdesk_owner LOGIN');
        await c.query('ALTER ROLE secdesk_app LOGIN');
        await c.query(`CREATE DATABASE ${database} OWNER secdesk_owner`);
      });
      // Step 2: the migrations, at start-up, as the owner.
      owner = await PgDatabase.open(urlOf(database, 'secdesk_owner'));
      // Step 3: the grants on the migrated tables.
      await asAdmin(database, (c) => c.query(ROLES_SQL));
      // Step 4: an instance as the app role.
      app = await PgDatabase.open(urlOf(database, 'secdesk_app'));
    }, 120_000);

    afterAll(async () => {
      await app?.close();
      await owner?.close();
      await asAdmin('postgres', (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    });

    it('lets the app role start on the migrated database without changing its schema, and create nothing', async () => {
      const applied = await app.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
      expect(applied.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id).sort((a, b) => a - b));
      const tables = await owner.query<{ tableowner: string }>(
        "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'",
      );
      expect(tables.map((t) => t.tableowner)).toEqual(['secdesk_owner']);
      expect(await sqlState(app, 'CREATE TABLE intruder (id INTEGER)')).toBe('42501');
      expect(await sqlState(app, 'ALTER TABLE cases ADD COLUMN x TEXT')).toBe('42501');
      expect(await sqlState(app, 'DROP TABLE outbox')).toBe('42501');
      expect(await sqlState(app, "INSERT INTO schema_migrations VALUES (999, 'x', 'x')")).toBe('42501');
      expect(await sqlState(app, 'DELETE FROM schema_migrations')).toBe('42501');
    });

    it('lets the app role do its normal work: cases, outbox, timers, turn state, the directory', async () => {
      await app.transaction(async (tx) => {
        const cases = new CaseRepo(tx);
        const id = await cases.nextId('REQ', 2026);
        await cases.insert(caseRecord({ id, form: { value: { place: JA } } }));
        expect(
          await cases.update(id, 1, {
            status: 'approved',
            assigneeId: null,
            state: {},
            escalationLevel: 0,
            ackDueAt: null,
            at: AT,
          }),
        ).toBe(true);
      });
      const outbox = new OutboxRepo(app);
      const msg = { type: 'text' as const, text: storedText({ ja: JA, en: 'x' }) };
      expect(
        typeof (await outbox.enqueueReturningId({
          dedupeKey: 'k',
          toAad: 'p',
          priority: PRIORITY.high,
          message: msg,
          at: AT,
        })),
      ).toBe('number');
      const timers = new TimerRepo(app);
      await timers.schedule({
        dedupeKey: 't',
        caseId: null,
        kind: 'reminder',
        dueAt: AT,
        payload: {},
        at: AT,
      });
      expect(await timers.complete((await timers.due(AT, 1))[0]!.id, AT)).toBe(true);
      const state = new SqlBotStorage(app, LATER);
      await state.write({ k: { n: 1 } });
      await state.delete(['k']);
      expect(await state.read(['k'])).toEqual({});
      await app.transaction((tx) =>
        new DirectoryRepo(tx).replaceAll({
          sections: [
            { code: '210', name: JA, parentCode: null, officerId: 'E1', deputyId: null, superiorId: null },
          ],
          people: [person('E1')],
        }),
      );
      expect(await new DirectoryRepo(app).countPeople()).toBe(1);
    });

    it('lets the app role append to the audit trail and read it back as one verified chain', async () => {
      const before = (await new AuditRepo(app).head()).seq;
      await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          new AuditRepo(app).append({
            at: plus(i),
            actor: 'E1',
            event: 'case.submitted',
            subject: `REQ-${i}`,
            data: { t: JA },
          }),
        ),
      );
      expect((await new AuditRepo(app).head()).seq).toBe(before + 5);
      expect((await verifyAuditChain(app)).ok).toBe(true);
    });

    it('refuses the app role UPDATE, DELETE and TRUNCATE of every audit table with permission denied (42501)', async () => {
      await new AuditRepo(app).append({ at: AT, actor: 'E1', event: 'case.submitted', subject: 'REQ-X' });
      const refused: Record<string, string> = {};
      for (const t of AUDIT_TABLES) {
        const col = t === 'audit_log' ? 'actor' : t === 'audit_payloads' ? 'data' : 'purge_seq';
        const value = t === 'audit_purge_marks' ? '1' : "'x'";
        refused[`UPDATE ${t}`] = await sqlState(app, `UPDATE ${t} SET ${col} = ${value}`);
        refused[`DELETE ${t}`] = await sqlState(app, `DELETE FROM ${t}`);
        refused[`TRUNCATE ${t}`] = await sqlState(app, `TRUNCATE ${t}`);
      }
      // The chain head moves with each append (UPDATE) but cannot be removed or doubled.
      refused['DELETE audit_head'] = await sqlState(app, 'DELETE FROM audit_head');
      refused['INSERT audit_head'] = await sqlState(
        app,
        "INSERT INTO audit_head (id, seq, hash) VALUES (2, 0, 'x')",
      );
      refused['TRUNCATE audit_head'] = await sqlState(app, 'TRUNCATE audit_head');
      expect(refused).toEqual(Object.fromEntries(Object.keys(refused).map((k) => [k, '42501'])));
      expect((await verifyAuditChain(app)).ok).toBe(true);
    });

    it('runs the retention purge as the owner: as the app role it is refused and rolls back whole', async () => {
      const id = 'INC-2026-0777';
      await app.transaction(async (tx) => {
        await new CaseRepo(tx).insert(
          caseRecord({
            id,
            kind: 'virus',
            category: 'incident',
            status: 'closed',
            form: { value: { content: JA } },
          }),
        );
        await new AuditRepo(tx).append({
          at: AT,
          actor: 'E1',
          event: 'case.submitted',
          subject: id,
          data: { content: JA },
        });
      });
      const rows = async () => (await new AuditRepo(owner).list()).length;
      const purgedAt = async () =>
        (await app.one<{ purged_at: string | null }>('SELECT purged_at FROM cases WHERE id = ?', [id]))
          ?.purged_at;
      const countBefore = await rows();
      const sources = defaultLedgerSources(LATER);
      // The bot's own daily run, as the app role: the DELETE of the payloads is refused.
      await expect(runRetention(app, LATER, DEFAULT_RETENTION, sources)).rejects.toMatchObject({
        code: '42501',
      });
      expect(await rows()).toBe(countBefore);
      expect(await purgedAt()).toBeNull();
      expect((await new AuditRepo(app).list(id))[0]?.data).toEqual({ content: JA });
      // `npm run retention` as the owner: the case is blanked, its payload purged by a recorded purge.
      const done = await runRetention(owner, LATER, DEFAULT_RETENTION, sources);
      expect(done.find((o) => o.kind === 'incident')).toMatchObject({ rows: 1, payloads: 1 });
      expect(await purgedAt()).toBe(LATER.now().toISOString());
      const trail = await new AuditRepo(app).list(id);
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ purged: true, data: {} });
      expect((await verifyAuditChain(app)).ok).toBe(true);
    });
  });
