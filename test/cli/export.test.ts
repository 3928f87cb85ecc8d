import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { caseLedgerSources } from '../../src/services/case-ledger-sources';
import { createLedgerRegistry } from '../../src/services/ledgers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runExportCli } from '../../src/cli/export';
import { AuditRepo } from '../../src/storage/audit-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { ManualClock } from '../helpers/clock';
import { tempDbFile } from '../helpers/db';
import { seedCase, seedDirectory, takeout } from '../helpers/ledger-cases';

afterEach(() => vi.restoreAllMocks());

function captureStdout(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

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

  it('answers usage (2) for a missing option, a bad period or a ledger not registered', async () => {
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
        ['--ledger', 'media_handover', '--from', '2026-04-01', '--to', '2026-04-30', '--format', 'csv'],
        env,
        // A registry without the media ledgers (the bot's own registers them all).
        { clock, registry: createLedgerRegistry(caseLedgerSources(clock)) },
      ),
    ).toBe(2);
    expect(lines.join('')).toContain('使い方');
  });
});
