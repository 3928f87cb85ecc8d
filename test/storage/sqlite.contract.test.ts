import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/services/audit-verify';
import { AuditRepo } from '../../src/storage/audit-repo';
import { MIGRATIONS } from '../../src/storage/migrations';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { tempDbFile } from '../helpers/db';
import { runStorageContract } from './contract';
import { AT, JA, plus } from './contract/harness';

runStorageContract('sqlite (file, WAL)', async () => SqliteDatabase.open(tempDbFile()));

// SQLite only: files written before the audit chain (migration 12) exist only on this engine; a
// PostgreSQL database starts with the chain (postgres.contract.test.ts checks it refuses old rows).
describe('audit-migration (SQLite files from before the chain)', () => {
  it('chains the rows written before migration 12 in their order, keeping unreadable data as text', async () => {
    const file = tempDbFile();
    const before = SqliteDatabase.open(
      file,
      MIGRATIONS.filter((m) => m.id < 12),
    );
    const legacy = [
      [plus(2), 'E2', 'case.submitted', 'INC-2', '12(5)①', JSON.stringify({ b: 1, a: JA })],
      [plus(1), 'system', 'directory.imported', 'directory', null, 'not json'],
      [plus(3), 'E1', 'case.closed', 'INC-2', null, '{}'],
    ] as const;
    for (const r of legacy)
      await before.execute(
        'INSERT INTO audit_log (at, actor, event, subject, article, data) VALUES (?, ?, ?, ?, ?, ?)',
        [...r],
      );
    await before.close();
    const db = SqliteDatabase.open(file);
    try {
      const rows = await new AuditRepo(db).list();
      expect(rows.map((r) => [r.seq, r.at, r.event, r.intact])).toEqual([
        [1, plus(2), 'case.submitted', true],
        [2, plus(1), 'directory.imported', true],
        [3, plus(3), 'case.closed', true],
      ]);
      expect(rows[0]).toMatchObject({ article: '12(5)①', data: { a: JA, b: 1 } });
      expect(rows[1]?.data).toEqual({ legacy: 'not json' });
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 3, lastSeq: 3 });
      const next = await new AuditRepo(db).append({ at: AT, actor: 'E1', event: 'x', subject: 'y' });
      expect(next.seq).toBe(4);
      await expect(db.execute('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
    } finally {
      await db.close();
    }
  });
});
