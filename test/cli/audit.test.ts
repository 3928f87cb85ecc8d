import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAuditCli } from '../../src/cli/audit';
import { AuditRepo } from '../../src/storage/audit-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { ManualClock } from '../helpers/clock';
import { tempDbFile } from '../helpers/db';
import { captureStdout } from '../helpers/stdout';

afterEach(() => vi.restoreAllMocks());

async function databaseWith(n: number): Promise<string> {
  const file = tempDbFile();
  const db = SqliteDatabase.open(file);
  for (let i = 1; i <= n; i += 1)
    await new AuditRepo(db).append({
      at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      actor: 'E1002',
      event: 'case.approved',
      subject: `REQ-2026-000${i}`,
    });
  await db.close();
  return file;
}

describe('npm run audit:verify / audit:anchor', () => {
  it('anchors, verifies (exit 0), then names the first broken row after a plain-SQL DELETE (exit 1)', async () => {
    const file = await databaseWith(5);
    const env = { DATABASE_URL: `sqlite:${file}` };
    const clock = new ManualClock();
    let lines = captureStdout();
    expect(await runAuditCli(['anchor'], env, clock)).toBe(0);
    expect(lines.join('')).toMatch(
      /アンカーを書き込みました: 行 5、.*audit-anchors[/\\]anchor-000000000005\.json/,
    );
    expect(await runAuditCli(['verify'], env, clock)).toBe(0);
    expect(lines.join('')).toMatch(/改ざんされていません: 6 行/);
    expect(lines.join('')).toContain(path.join(path.dirname(file), 'audit-anchors'));
    vi.restoreAllMocks();

    const raw = new BetterSqlite3(file);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.exec('DELETE FROM audit_log WHERE id = 3');
    raw.close();
    lines = captureStdout();
    expect(await runAuditCli(['verify'], env, clock)).toBe(1);
    const text = lines.join('');
    expect(text).toMatch(/検証に失敗しました: 行 3 が削除されています/);
    expect(text).toMatch(/それより前の 2 行は検証できました/);
    lines.length = 0;
    expect(await runAuditCli(['verify', '--json'], env, clock)).toBe(1);
    expect(JSON.parse(lines.join(''))).toMatchObject({ ok: false, break: { kind: 'missing_row', seq: 3 } });
  });

  it('prints usage and exits 2 on an unknown command', async () => {
    const lines = captureStdout();
    expect(await runAuditCli(['erase'], {})).toBe(2);
    expect(lines.join('')).toMatch(/usage: npm run audit:verify/);
  });
});
