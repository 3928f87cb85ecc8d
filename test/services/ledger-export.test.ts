import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { PassThrough } from 'node:stream';
import {
  bufferSink,
  exportLedger,
  worksheetZipEntry,
  writeLedgerFile,
  type LedgerExportRequest,
} from '../../src/services/ledger-export';
import { defaultLedgerRegistry } from '../../src/services/ledgers';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { citationText } from '../../src/teams/citation';
import { ManualClock } from '../helpers/clock';
import { openTempDb } from '../helpers/db';
import { seedCase, seedDirectory, takeout, TAKEOUT_VALUE } from '../helpers/ledger-cases';

let db: SqliteDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function setup() {
  db = openTempDb();
  await seedDirectory(db);
  const clock = new ManualClock();
  clock.set('2026-04-11T03:00:00.000Z');
  // Staff type these: each must reach the spreadsheet as text, never as a formula.
  const nasty = ['=1+1', '+SUM(A1)', '-2+3', '@cmd'];
  for (const [i, purpose] of nasty.entries())
    await seedCase(
      db,
      takeout(`REQ-2026-000${i + 1}`, `2026-04-0${i + 1}T01:00:00.000Z`, {
        value: { ...TAKEOUT_VALUE, purpose },
      }),
    );
  // Outside the period and in another section.
  await seedCase(db, takeout('REQ-2026-0009', '2026-05-01T01:00:00.000Z'));
  await seedCase(
    db,
    takeout('REQ-2026-0010', '2026-04-05T01:00:00.000Z', { sectionCode: '220', reporterId: 'E1014' }),
  );
  return { db, clock, registry: defaultLedgerRegistry(clock) };
}

const req = (over: Partial<LedgerExportRequest> = {}): LedgerExportRequest => ({
  actor: 'E1002',
  kind: 'takeout',
  from: '2026-04-01',
  to: '2026-04-30',
  format: 'csv',
  locale: 'ja',
  via: 'link',
  ...over,
});

describe('ledger export', () => {
  it('CSV: BOM, Japanese headers, formulas neutralised, the reader’s sections only, audited with the sha256', async () => {
    const { db, clock, registry } = await setup();
    const { sink, body } = bufferSink();
    const r = await exportLedger(db, clock, registry, req(), sink, citationText);
    expect(r.ok).toBe(true);
    const bytes = body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.subarray(3).toString('utf8'), { relax_column_count: false }) as string[][];
    const [header, ...rows] = records;
    expect(header?.slice(0, 3)).toEqual(['案件番号', '申請日時', '申請者']);
    expect(rows.map((x) => x[0])).toEqual([
      'REQ-2026-0001',
      'REQ-2026-0002',
      'REQ-2026-0003',
      'REQ-2026-0004',
    ]);
    const purpose = header!.indexOf('目的');
    expect(rows.map((x) => x[purpose])).toEqual(["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd"]);
    expect(rows[0]?.[1]).toBe('2026/04/01 10:00'); // JST
    expect(bytes.toString('utf8')).toContain('\r\n');
    const audit = (await new AuditRepo(db).list('ledger:takeout')).at(-1);
    expect(audit).toMatchObject({
      actor: 'E1002',
      event: 'ledger.exported',
      article: '10(4)⑥',
      data: {
        kind: 'takeout',
        from: '2026-04-01',
        to: '2026-04-30',
        format: 'csv',
        rows: 4,
        sections: ['210'],
      },
    });
    expect(audit?.data?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    if (r.ok)
      expect(r.file).toMatchObject({
        rows: 4,
        bytes: bytes.length,
        asciiFileName: 'takeout_2026-04-01_2026-04-30.csv',
      });
  });

  it('XLSX: title line with ledger, period and articles; frozen headers; widths; JST dates; text never a formula', async () => {
    const { db, clock, registry } = await setup();
    const { sink, body } = bufferSink();
    const r = await exportLedger(
      db,
      clock,
      registry,
      req({ actor: 'E1005', format: 'xlsx' }),
      sink,
      citationText,
    );
    expect(r.ok && r.file.rows).toBe(5); // 統括: both sections
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body() as never);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toBe(
      '持ち出し記録簿　期間 2026/04/01 〜 2026/04/30　対策基準 10(4)⑥',
    );
    expect(ws.getRow(2).values).toEqual(
      expect.arrayContaining(['案件番号', '申請日時', '返却予定日', '状況']),
    );
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getColumn(1).width).toBe(16);
    expect(ws.getColumn(5).width).toBe(30);
    const at = ws.getCell('B3');
    expect(at.value).toEqual(new Date('2026-04-01T10:00:00.000Z')); // 10:00 JST as wall-clock time
    expect(at.numFmt).toBe('yyyy/mm/dd hh:mm');
    const purposeCol = (ws.getRow(2).values as unknown[]).indexOf('目的');
    const purpose = ws.getRow(3).getCell(purposeCol);
    expect(purpose.value).toBe('=1+1');
    expect(purpose.type).toBe(ExcelJS.ValueType.String);
    const returnCol = (ws.getRow(2).values as unknown[]).indexOf('返却予定日');
    expect(ws.getRow(3).getCell(returnCol).value).toEqual(new Date('2026-04-11T00:00:00.000Z'));
  });

  it('refuses staff and an officer asking for a neighbouring section, audited; writes nothing', async () => {
    const { db, clock, registry } = await setup();
    const { sink, body } = bufferSink();
    expect(await exportLedger(db, clock, registry, req({ actor: 'E1001' }), sink, citationText)).toEqual({
      ok: false,
      reason: 'no_ledger_role',
    });
    expect(await exportLedger(db, clock, registry, req({ section: '220' }), sink, citationText)).toEqual({
      ok: false,
      reason: 'section_not_in_scope',
    });
    expect(body().length).toBe(0);
    const denied = (await new AuditRepo(db).list('ledger:takeout')).filter(
      (e) => e.event === 'ledger.view_denied',
    );
    expect(denied.map((e) => [e.actor, e.data?.reason])).toEqual([
      ['E1001', 'no_ledger_role'],
      ['E1002', 'section_not_in_scope'],
    ]);
  });

  it('pages of one row (keyset ties included) write the same rows as one page', async () => {
    const { db, registry } = await setup();
    const source = registry.get('takeout')!;
    // Sharing REQ-2026-0010's created_at: the keyset goes on by id.
    await seedCase(db, takeout('REQ-2026-0011', '2026-04-05T01:00:00.000Z'));
    // Every section, April (JST).
    const query = {
      sections: 'all' as const,
      from: '2026-03-31T15:00:00.000Z',
      to: '2026-04-30T15:00:00.000Z',
    };
    const write = async (format: 'csv' | 'xlsx', pageSize: number) => {
      const { sink, body } = bufferSink();
      const info = await writeLedgerFile(db, source, query, sink, {
        format,
        locale: 'ja',
        titleLine: 't',
        pageSize,
      });
      return { info, body: body() };
    };
    const one = await write('csv', 1);
    const all = await write('csv', 100);
    expect(one.info.rows).toBe(6);
    expect(one.body.equals(all.body)).toBe(true);
    const ids = (parse(one.body.subarray(3), { from_line: 2 }) as string[][]).map((r) => r[0]);
    expect(ids).toEqual([
      'REQ-2026-0001',
      'REQ-2026-0002',
      'REQ-2026-0003',
      'REQ-2026-0004',
      'REQ-2026-0010',
      'REQ-2026-0011',
    ]);
    const x = await write('xlsx', 1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as never);
    const col = wb.worksheets[0]!.getColumn(1).values as unknown[];
    expect(col.slice(3)).toEqual(ids);
  });

  it('finds the zip entry behind the XLSX worksheet that the export waits on (exceljs internals)', async () => {
    const out = new PassThrough();
    out.resume();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const ws = wb.addWorksheet('s');
    ws.addRow(['a']).commit();
    const entry = worksheetZipEntry(ws);
    expect(entry).toBeDefined();
    // What the worksheet writes lands in it (and asks to be drained when it holds too much).
    ws.addRow(['x'.repeat(200_000)]).commit();
    expect(entry!._writableState?.needDrain).toBe(true);
    await wb.commit();
  });
});
