import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerBroadcast, saveBroadcastDraft, sendBroadcast } from '../../src/services/broadcast-service';
import {
  exportBroadcastResults,
  exportBroadcastResultsForOperator,
} from '../../src/services/broadcast-export';
import { importDirectory } from '../../src/services/directory-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { ManualClock } from '../helpers/clock';
import { openTempDb } from '../helpers/db';

const DEMO_CSV = fs.readFileSync(path.resolve(__dirname, '../../infra/demo/directory.csv'), 'utf8');
const IT = 'E1006';
const FORMULA = '=HYPERLINK("http://evil.example","x")';

let db: SqliteDatabase;
let clock: ManualClock;
let id: string;

beforeEach(async () => {
  db = openTempDb();
  clock = new ManualClock();
  await importDirectory(db, DEMO_CSV, { source: 'demo', actor: 'system', clock });
  const d = await saveBroadcastDraft(db, clock, {
    actorId: IT,
    content: {
      purpose: 'contact_tree',
      mode: 'drill',
      severity: 'important',
      title: '訓練: 安否確認',
      body: '回答してください。',
      audience: {
        kind: 'sections',
        sectionCodes: ['210', '220'],
        includeSubsections: false,
        officersOnly: false,
      },
      // What a sender types may look like a formula; it must stay text in every file.
      answer: { kind: 'choice', choices: [{ label: FORMULA }, { label: '+81 在宅' }, { label: '@出張中' }] },
      instructedBy: null,
      remindAfterMinutes: null,
      caseId: null,
    },
  });
  if (!d.ok) throw new Error(d.reason);
  const s = await sendBroadcast(db, clock, { actorId: IT, broadcastId: d.broadcast.id, version: 1 });
  if (!s.ok) throw new Error(s.reason);
  id = s.broadcast.id;
  // Delivered at 12:01 JST, except 木村 (E1015): Teams refused it.
  clock.advanceMinutes(1);
  const outbox = new OutboxRepo(db);
  for (const i of await outbox.byBroadcast(id)) {
    if (i.message.type !== 'broadcast') continue;
    if (i.message.personId === 'E1015') await outbox.markDead(i.id, '400: refused');
    else await outbox.markSent(i.id, clock.now().toISOString(), `a${i.id}`, `c${i.id}`);
  }
  const answer = async (who: string, minute: number, index: number) => {
    clock.set(new Date(Date.parse('2026-04-10T03:00:00Z') + minute * 60_000).toISOString());
    await answerBroadcast(db, clock, { actorId: who, broadcastId: id, answer: { kind: 'choice', index } });
  };
  await answer('E1001', 5, 0);
  await answer('E1002', 6, 0);
  await answer('E1011', 7, 1);
  await answer('E1011', 9, 2); // changed: first and latest both kept
  await answer('E1014', 11, 0);
  clock.set('2026-04-10T03:30:00Z');
});
afterEach(async () => db.close());

const exported = async () =>
  (await new AuditRepo(db).list(id)).filter((e) => e.event === 'broadcast.exported');

describe('CSV', () => {
  it('has a BOM, CRLF, Japanese headers, JST times, every recipient in hierarchy order, formulas neutralised', async () => {
    const r = await exportBroadcastResults(db, clock, { viewerId: IT, broadcastId: id, format: 'csv' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.filename).toBe('BC-2026-0001-drill-results.csv');
    expect(r.contentType).toBe('text/csv; charset=utf-8');
    expect([...r.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = r.body.toString('utf8');
    expect(text).toContain('\r\n');
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      '通知ID',
      '区分',
      '職員番号',
      '氏名',
      '課コード',
      '課名',
      '電話',
      '携帯',
      '配信状態',
      '配信日時（JST）',
      '最初の回答',
      '最初の回答日時（JST）',
      '最新の回答',
      '最新の回答日時（JST）',
      '再送回数',
      '最終再送日時（JST）',
    ]);
    expect(rows.slice(1).map((r) => r[2])).toEqual([
      'E1001',
      'E1002',
      'E1003',
      'E1010',
      'E1011',
      'E1012',
      'E1013',
      'E1014',
      'E1015',
    ]);
    const byId = new Map(rows.slice(1).map((r) => [r[2], r]));
    expect(byId.get('E1001')).toEqual([
      'BC-2026-0001',
      '訓練',
      'E1001',
      '山田 花子',
      '210',
      '総務課',
      '06-6630-3113',
      '',
      '配信済み',
      '2026/04/10 12:01',
      `'${FORMULA}`,
      '2026/04/10 12:05',
      `'${FORMULA}`,
      '2026/04/10 12:05',
      '0',
      '',
    ]);
    expect(byId.get('E1011')?.slice(10, 14)).toEqual([
      "'+81 在宅",
      '2026/04/10 12:07',
      "'@出張中",
      '2026/04/10 12:09',
    ]);
    expect(byId.get('E1015')?.slice(8, 11)).toEqual(['失敗', '', '']);
    expect(await exported()).toEqual([
      expect.objectContaining({
        actor: IT,
        data: expect.objectContaining({
          format: 'csv',
          via: 'download',
          scope: 'all',
          rows: 9,
          mode: 'drill',
        }),
      }),
    ]);
  });

  it('a section officer gets their own sections only; staff are refused, audited, and get nothing', async () => {
    const r = await exportBroadcastResults(db, clock, { viewerId: 'E1012', broadcastId: id, format: 'csv' });
    if (!r.ok) throw new Error(r.reason);
    const rows = parse(r.body.toString('utf8'), { bom: true }) as string[][];
    expect(rows.slice(1).map((x) => x[4])).toEqual(['220', '220', '220', '220']);
    const staff = await exportBroadcastResults(db, clock, {
      viewerId: 'E1001',
      broadcastId: id,
      format: 'xlsx',
    });
    expect(staff).toEqual({ ok: false, reason: 'not_allowed' });
    const audit = await new AuditRepo(db).list(id);
    expect(
      audit.filter((e) => e.event === 'broadcast.results_denied').map((e) => [e.actor, e.data?.via]),
    ).toEqual([['E1001', 'download']]);
    expect((await exported()).map((e) => [e.actor, e.data?.scope])).toEqual([['E1012', ['220']]]);
  });
});

describe('XLSX', () => {
  it('reads back with exceljs: three sheets, Japanese headers, widths, JST date cells, text never a formula', async () => {
    const r = await exportBroadcastResults(db, clock, { viewerId: IT, broadcastId: id, format: 'xlsx' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.filename).toBe('BC-2026-0001-drill-results.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概要', '課別', '対象者']);

    const summary = wb.getWorksheet('概要')!;
    const facts = new Map<string, unknown>();
    summary.eachRow((row, n) => {
      if (n > 1) facts.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(facts.get('区分')).toBe('訓練');
    expect(facts.get('重要度')).toBe('重要');
    expect(facts.get('対象')).toBe(9);
    expect(facts.get('配信済み')).toBe(8);
    expect(facts.get('失敗')).toBe(1);
    expect(facts.get('回答済み')).toBe(4);
    expect(facts.get('回答率（%）')).toBe(44);
    expect(facts.get('50%回答（分）')).toBeNull();
    expect(facts.get(`回答「${FORMULA}」`)).toBe(3);
    expect(facts.get('回答「@出張中」')).toBe(1);
    expect(facts.get('送信日時（JST）')).toEqual(new Date(Date.UTC(2026, 3, 10, 12, 0)));

    const sections = wb.getWorksheet('課別')!;
    expect(sections.getRow(1).values).toEqual([
      undefined,
      '課コード',
      '課名',
      '対象',
      '配信済み',
      '未配信',
      '失敗',
      '連絡不可',
      '取消',
      '回答済み',
      '回答率（%）',
      '50%回答（分）',
      '75%回答（分）',
      '100%回答（分）',
    ]);
    expect((sections.getRow(2).values as unknown[]).slice(1, 11)).toEqual([
      '210',
      '総務課',
      5,
      5,
      0,
      0,
      0,
      0,
      3,
      60,
    ]);
    expect((sections.getRow(3).values as unknown[]).slice(1, 11)).toEqual([
      '220',
      '経理課',
      4,
      3,
      0,
      1,
      0,
      0,
      1,
      25,
    ]);
    // 総務課: the 3rd of 5 answered 7 minutes after sending; 経理課: 2 of 4 needed, 1 answered.
    expect(sections.getRow(2).getCell(11).value).toBe(7);
    expect(sections.getRow(3).getCell(11).value).toBeNull();

    const people = wb.getWorksheet('対象者')!;
    expect(people.getColumn(4).width).toBe(18);
    expect(people.getColumn(10).width).toBe(20);
    expect(people.rowCount).toBe(10);
    const yamada = people.getRow(2);
    expect(yamada.getCell(3).value).toBe('E1001');
    const first = yamada.getCell(11);
    expect(first.value).toBe(FORMULA);
    expect(first.type).toBe(ExcelJS.ValueType.String);
    expect(yamada.getCell(12).value).toEqual(new Date(Date.UTC(2026, 3, 10, 12, 5)));
    expect(yamada.getCell(12).numFmt).toBe('yyyy/mm/dd hh:mm:ss');
    const kimura = people.getRow(10);
    expect([kimura.getCell(3).value, kimura.getCell(9).value]).toEqual(['E1015', '失敗']);
    expect((await exported()).map((e) => e.data?.format)).toEqual(['xlsx']);
  });

  it('the operator export has every section and is audited as admin-cli', async () => {
    const r = await exportBroadcastResultsForOperator(db, clock, { broadcastId: id, format: 'xlsx' });
    if (!r.ok) throw new Error(r.reason);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ArrayBuffer);
    expect(wb.getWorksheet('対象者')!.rowCount).toBe(10);
    expect((await exported()).map((e) => [e.actor, e.data?.via, e.data?.scope])).toEqual([
      ['admin-cli', 'cli', 'all'],
    ]);
    expect(
      await exportBroadcastResultsForOperator(db, clock, { broadcastId: 'BC-2026-0099', format: 'csv' }),
    ).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });
});
