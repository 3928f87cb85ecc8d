import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { caseLedgerSources } from '../../src/services/case-ledger-sources';
import { createLedgerRegistry } from '../../src/services/ledgers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runExportCli } from '../../src/cli/export';
import { submitMediaForm } from '../../src/services/media-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { ManualClock } from '../helpers/clock';
import { tempDbFile } from '../helpers/db';
import { seedCase, seedDirectory, takeout } from '../helpers/ledger-cases';
import { captureStdout } from '../helpers/stdout';

afterEach(() => vi.restoreAllMocks());

async function setup() {
  const file = tempDbFile();
  const db = SqliteDatabase.open(file);
  await seedDirectory(db);
  await seedCase(db, takeout('REQ-2026-0001', '2026-04-01T01:00:00.000Z'));
  await seedCase(
    db,
    takeout('REQ-2026-0002', '2026-04-02T01:00:00.000Z', { sectionCode: '220', reporterId: 'E1014' }),
  );
  await seedCase(db, takeout('REQ-2026-0003', '2026-05-02T01:00:00.000Z'));
  await db.close();
  const clock = new ManualClock();
  clock.set('2026-05-10T00:00:00.000Z');
  return { file, env: { DATABASE_URL: `sqlite:${file}` }, dir: path.dirname(file), clock };
}

describe('npm run export', () => {
  it('writes the period’s CSV for every section, or one with --section, and audits each export', async () => {
    const { file, env, dir, clock } = await setup();
    const outFile = path.join(dir, 'takeout.csv');
    const lines = captureStdout();
    const args = [
      '--ledger',
      'takeout',
      '--from',
      '2026-04-01',
      '--to',
      '2026-04-30',
      '--format',
      'csv',
      '--out',
      outFile,
    ];
    expect(await runExportCli(args, env, { clock })).toBe(0);
    const bytes = fs.readFileSync(outFile);
    const rows = parse(bytes.subarray(3).toString('utf8')) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(['REQ-2026-0001', 'REQ-2026-0002']);
    expect(lines.join('')).toContain('2 件');
    expect(await runExportCli([...args, '--section', '220'], env, { clock })).toBe(0);
    const only = parse(fs.readFileSync(outFile).subarray(3).toString('utf8')) as string[][];
    expect(only.slice(1).map((r) => r[0])).toEqual(['REQ-2026-0002']);
    const db = SqliteDatabase.open(file);
    const audit = (await new AuditRepo(db).list('ledger:takeout')).filter(
      (e) => e.event === 'ledger.exported',
    );
    await db.close();
    expect(audit.map((e) => [e.actor, e.data?.via, e.data?.rows, e.data?.sections])).toEqual([
      ['admin-cli', 'cli', 2, 'all'],
      ['admin-cli', 'cli', 1, ['220']],
    ]);
    expect(audit[1]?.data?.sha256).toBe(createHash('sha256').update(fs.readFileSync(outFile)).digest('hex'));
  });

  it('writes XLSX with the ledger title line', async () => {
    const { env, dir, clock } = await setup();
    const outFile = path.join(dir, 'x.xlsx');
    captureStdout();
    const args = [
      '--ledger',
      'takeout',
      '--from',
      '2026-04-01',
      '--to',
      '2026-05-31',
      '--format',
      'xlsx',
      '--out',
      outFile,
    ];
    expect(await runExportCli(args, env, { clock })).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outFile);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain('持ち出し記録簿');
    expect(ws.rowCount).toBe(5); // title, header, three rows
  });

  it('exports a media ledger (8(3)②ア) recorded through the media service', async () => {
    const { file, env, dir, clock } = await setup();
    const db = SqliteDatabase.open(file);
    clock.set('2026-04-10T03:00:00.000Z');
    const r = await submitMediaForm(db, clock, {
      actorAadObjectId: '00000000-0000-4000-8000-000000000002', // 佐藤 健一, officer of 総務課
      form: 'handover',
      recordId: '',
      answers: {
        sectionCode: '210',
        fileName: '=HYPERLINK("http://x")',
        carrierName: '中川 一',
        carrierUnit: '計算センター',
        receiverName: '佐藤 健一',
        receiverUnit: '総務課',
        mediaType: 'usb',
        mediaId: 'USB-1',
        month: '2026-04',
      },
    });
    await db.close();
    expect(r.ok).toBe(true);
    const outFile = path.join(dir, 'media.csv');
    captureStdout();
    const args = [
      '--ledger',
      'media_handover',
      '--from',
      '2026-04-01',
      '--to',
      '2026-04-30',
      '--format',
      'csv',
    ];
    expect(await runExportCli([...args, '--out', outFile], env, { clock })).toBe(0);
    const rows = parse(fs.readFileSync(outFile).subarray(3).toString('utf8')) as string[][];
    const body = rows.filter((row) => row.includes('USB-1'));
    expect(body).toHaveLength(1);
    expect(body[0]).toContain('中川 一');
    expect(body[0]).toContain('\'=HYPERLINK("http://x")');
  });

  it('answers usage (2) for a missing option, a bad period or a ledger that does not exist', async () => {
    const { env, clock } = await setup();
    const lines = captureStdout();
    expect(
      await runExportCli(['--ledger', 'takeout', '--from', '2026-04-01', '--format', 'csv'], env, { clock }),
    ).toBe(2);
    expect(
      await runExportCli(
        ['--ledger', 'takeout', '--from', '2026-04-30', '--to', '2026-04-01', '--format', 'csv'],
        env,
        { clock },
      ),
    ).toBe(2);
    expect(
      await runExportCli(
        ['--ledger', 'visitors', '--from', '2026-04-01', '--to', '2026-04-30', '--format', 'csv'],
        env,
        // A registry without the media ledgers (the bot's own registers them all).
        { clock, registry: createLedgerRegistry(caseLedgerSources(clock)) },
      ),
    ).toBe(2);
    expect(lines.join('')).toContain('使い方');
  });
});
