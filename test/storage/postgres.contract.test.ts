import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/storage/migrations';
import { PgDatabase } from '../../src/storage/postgres/pg-database';
import { openTempPg, TEST_POSTGRES_URL } from '../helpers/pg';
import { runStorageContract } from './contract';
import { AT } from './contract/harness';

if (TEST_POSTGRES_URL) {
  runStorageContract('postgres (pg pool)', () => openTempPg());

  describe('audit-migration on PostgreSQL', () => {
    it('refuses to chain audit rows written before the chain instead of dropping them', async () => {
      const name = `secdesk_legacy_${randomBytes(5).toString('hex')}`;
      const u = new URL(TEST_POSTGRES_URL);
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
        u.pathname = `/${name}`;
        const before = await PgDatabase.open(u.toString(), {
          migrations: MIGRATIONS.filter((m) => m.id < 12),
        });
        await before.execute(
          "INSERT INTO audit_log (at, actor, event, subject, article, data) VALUES (?, 'E1', 'case.submitted', 'INC-1', NULL, '{}')",
          [AT],
        );
        await before.close();
        await expect(PgDatabase.open(u.toString())).rejects.toThrow(/migration 12 .*cannot be chained/);
        const check = new pg.Client({ connectionString: u.toString() });
        await check.connect();
        try {
          expect((await check.query('SELECT max(id) AS id FROM schema_migrations')).rows[0].id).toBe(11);
          expect((await check.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(1);
        } finally {
          await check.end();
        }
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    });
  });
} else
  describe('storage contract: postgres', () => {
    it.skip('needs TEST_POSTGRES_URL (a PostgreSQL server; .ci/run starts one)', () => undefined);
  });
