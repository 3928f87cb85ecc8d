import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBroadcastCli } from '../../src/cli/broadcast';
import { saveBroadcastDraft, sendBroadcast } from '../../src/services/broadcast-service';
import { importDirectory } from '../../src/services/directory-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { ManualClock } from '../helpers/clock';
import { tempDbFile } from '../helpers/db';
import { captureStdout } from '../helpers/stdout';

const DEMO_CSV = fs.readFileSync(path.resolve(__dirname, '../../infra/demo/directory.csv'), 'utf8');

afterEach(() => vi.restoreAllMocks());

/** A database file with the demo directory and one sent drill to 総務課. */
async function databaseWithBroadcast(): Promise<string> {
  const file = tempDbFile();
  const clock = new ManualClock();
  const db = SqliteDatabase.open(file);
  try {
    await importDirectory(db, DEMO_CSV, { source: 'demo', actor: 'system', clock });
    const d = await saveBroadcastDraft(db, clock, {
      actorId: 'E1006',
      content: {
        purpose: 'contact_tree',
        mode: 'drill',
        severity: 'notice',
        title: '連絡網の訓練',
        body: '確認してください。',
        audience: { kind: 'sections', sectionCodes: ['210'], includeSubsections: false, officersOnly: false },
        answer: { kind: 'ack' },
        instructedBy: null,
        remindAfterMinutes: null,
        caseId: null,
      },
    });
    if (!d.ok) throw new Error(d.reason);
    const s = await sendBroadcast(db, clock, { actorId: 'E1006', broadcastId: d.broadcast.id, version: 1 });
    if (!s.ok) throw new Error(s.reason);
  } finally {
    await db.close();
  }
  return file;
}

describe('npm run broadcast -- export', () => {
  it('writes the CSV (with BOM) and the XLSX of a broadcast, audited as admin-cli', async () => {
    const dbFile = await databaseWithBroadcast();
    const env = { DATABASE_URL: `sqlite:${dbFile}` };
    const dir = path.dirname(dbFile);
    const out = captureStdout();
    const csv = path.join(dir, 'r.csv');
    expect(await runBroadcastCli(['export', 'BC-2026-0001', '--format', 'csv', '--out', csv], env)).toBe(0);
    const body = fs.readFileSync(csv);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + 5);
    expect(lines[1]).toMatch(/^BC-2026-0001,訓練,E1001,山田 花子,210,総務課,/);
    const xlsx = path.join(dir, 'r.xlsx');
    expect(await runBroadcastCli(['export', 'BC-2026-0001', '--format', 'xlsx', '--out', xlsx], env)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.getWorksheet('対象者')?.rowCount).toBe(6);
    expect(out.join('')).toContain('出力しました / written:');

    const db = SqliteDatabase.open(dbFile);
    try {
      const exported = (await new AuditRepo(db).list('BC-2026-0001')).filter(
        (e) => e.event === 'broadcast.exported',
      );
      expect(exported.map((e) => [e.actor, e.data?.format, e.data?.rows])).toEqual([
        ['admin-cli', 'csv', 5],
        ['admin-cli', 'xlsx', 5],
      ]);
    } finally {
      await db.close();
    }
  });

  it('refuses a wrong command line (2) and an unknown broadcast (1), writing nothing', async () => {
    const dbFile = await databaseWithBroadcast();
    const env = { DATABASE_URL: `sqlite:${dbFile}` };
    const file = path.join(path.dirname(dbFile), 'x.csv');
    const out = captureStdout();
    expect(await runBroadcastCli(['export', 'BC-2026-0001', '--format', 'pdf', '--out', file], env)).toBe(2);
    expect(await runBroadcastCli(['export', 'BC-2026-0001'], env)).toBe(2);
    expect(await runBroadcastCli(['send', 'BC-2026-0001', '--out', file], env)).toBe(2);
    expect(await runBroadcastCli(['export', 'BC-2026-0002', '--format', 'csv', '--out', file], env)).toBe(1);
    expect(fs.existsSync(file)).toBe(false);
    expect(out.join('')).toContain('使い方 / usage: npm run broadcast -- export');
    expect(out.join('')).toContain('一斉通知 BC-2026-0002 は見つかりません');
  });
});
