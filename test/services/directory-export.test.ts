import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Directory } from '../../src/domain/directory';
import { parseDirectoryCsv } from '../../src/domain/directory-csv';
import { canonicalDirectory } from '../../src/domain/directory-diff';
import { buildPhoneTree } from '../../src/domain/phone-tree';
import {
  directoryCsv,
  directoryXlsx,
  exportFile,
  phoneTreeCsv,
  phoneTreeXlsx,
} from '../../src/services/directory-export';
import { demoDirectory } from '../helpers/demo-directory';

const AT = new Date('2026-11-26T00:30:00Z'); // 09:30 JST

async function readXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const rowValues = (ws: ExcelJS.Worksheet, n: number): unknown[] =>
  (ws.getRow(n).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : v));

/** The demo directory with values a spreadsheet would run as formulas. */
function withFormulas(): Directory {
  const d = demoDirectory();
  d.people = d.people.map((p) =>
    p.id === 'E1001'
      ? { ...p, title: '=HYPERLINK("http://evil.example","x")', phone: '+81 6-6630-3113' }
      : p.id === 'E1010'
        ? { ...p, title: '@SUM(1+1)' }
        : p,
  );
  return d;
}

describe('directory CSV export', () => {
  it('is UTF-8 with BOM and CRLF, neutralises formulas, and imports back to the same directory', () => {
    const d = withFormulas();
    const csv = directoryCsv(d);
    expect(csv.startsWith('\uFEFF職員番号,氏名,')).toBe(true);
    expect(csv.split('\r\n').length).toBe(d.people.length + 2);
    expect(csv).toContain(`'=HYPERLINK(""http://evil.example"",""x"")`);
    expect(csv).toContain(",'+81 6-6630-3113,");
    expect(csv).toContain(",'@SUM(1+1),");
    expect(csv).not.toMatch(/,=HYPERLINK/);
    const back = parseDirectoryCsv(csv);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(canonicalDirectory(back.directory)).toBe(canonicalDirectory(d));
    expect(back.directory.people.find((p) => p.id === 'E1001')?.phone).toBe('+81 6-6630-3113');
  });

  it('lists people by section in hierarchy order, officer and deputy first', () => {
    const ids = directoryCsv(demoDirectory())
      .split('\r\n')
      .slice(1, 9)
      .map((l) => l.split(',')[0]);
    expect(ids).toEqual(['E1005', 'E1007', 'E1008', 'E1004', 'E1009', 'E1002', 'E1003', 'E1001']);
  });
});

describe('phone tree', () => {
  it('puts 統括 and IT管理者 first, then sections parents first, leaders before members', () => {
    const tree = buildPhoneTree(demoDirectory());
    expect(tree.chiefOfficers.map((p) => p.id)).toEqual(['E1005']);
    expect(tree.itAdmins.map((p) => p.id)).toEqual(['E1006', 'E1017']);
    expect(tree.sections.map((s) => [s.section.code, s.depth])).toEqual([
      ['100', 0],
      ['200', 1],
      ['210', 2],
      ['220', 2],
      ['230', 2],
      ['300', 1],
      ['310', 2],
      ['320', 2],
      ['330', 2],
      ['340', 2],
    ]);
    const s210 = tree.sections.find((s) => s.section.code === '210')!;
    expect(s210.rows.map((r) => [r.role, r.person?.id ?? null, r.elsewhere?.code ?? null])).toEqual([
      ['section_officer', 'E1002', null],
      ['deputy', 'E1003', null],
      ['superior', 'E1004', '200'],
      ['member', 'E1001', null],
      ['member', 'E1011', null],
      ['member', 'E1010', null],
    ]);
    expect(s210.rows.slice(3).map((r) => r.person?.kana)).toEqual([
      'ヤマダ ハナコ',
      'ヤマモト マユミ',
      'ヨシダ ショウタ',
    ]);
  });

  it('reads back from XLSX: title, header, leaders, sections with officer, deputy, superior and members, phones as text', async () => {
    const wb = await readXlsx(await phoneTreeXlsx(demoDirectory(), AT));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['連絡網（課別）']);
    const ws = wb.getWorksheet('連絡網（課別）')!;
    expect(ws.getCell('A1').value).toBe('緊急連絡網（課別）');
    expect(String(ws.getCell('A2').value)).toContain('2026/11/26 09:30 現在');
    expect(rowValues(ws, 3)).toEqual(['役割', '氏名', '氏名カナ', '役職', '電話（内線）', '携帯', '連絡済']);
    expect(ws.getCell('A4').value).toBe('統括情報セキュリティ責任者・IT管理者');
    expect(rowValues(ws, 5)).toEqual([
      '統括',
      '高橋 誠',
      'タカハシ マコト',
      '事務局長（事務局）',
      '06-6630-3001',
      '090-0000-1005',
      '',
    ]);
    expect(rowValues(ws, 6).slice(0, 2)).toEqual(['IT管理者', '田中 美咲']);
    expect(rowValues(ws, 7).slice(0, 2)).toEqual(['IT管理者', '清水 悠斗']);
    const all = Array.from({ length: ws.rowCount }, (_, i) => rowValues(ws, i + 1));
    const band = all.findIndex((r) => r[0] === '210 総務課（上位: 総務部）');
    expect(band).toBeGreaterThan(7);
    expect(all.slice(band + 1, band + 7).map((r) => r.slice(0, 2).concat(r.slice(4, 6)))).toEqual([
      ['課責任者', '佐藤 健一', '06-6630-3111', '090-0000-1002'],
      ['代理者', '鈴木 一郎', '06-6630-3112', '090-0000-1003'],
      ['上席者', '伊藤 直樹', '06-6630-3101', '090-0000-1004'],
      ['職員', '山田 花子', '06-6630-3113', ''],
      ['職員', '山本 真由美', '06-6630-3115', ''],
      ['職員', '吉田 翔太', '06-6630-3114', ''],
    ]);
    expect(all[band + 3]?.[3]).toBe('部長（総務部）');
    // Sections in hierarchy order, every one present.
    const bands = all.filter((r) => /^\d{3} /.test(String(r[0]))).map((r) => String(r[0]).slice(0, 3));
    expect(bands).toEqual(['100', '200', '210', '220', '230', '300', '310', '320', '330', '340']);
    // Printing: A4, one page wide, header row repeated, print area = the table; phones stored as text.
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
      printArea: `A1:G${ws.rowCount}`,
    });
    expect(ws.headerFooter.oddFooter).toContain('&P / &N');
    expect(ws.getColumn(2).width).toBe(16);
    expect(ws.getCell(`E${band + 2}`).numFmt).toBe('@');
    expect(typeof ws.getCell(`E${band + 2}`).value).toBe('string');
  });

  it('shows a section without a deputy as （未設定）, so the gap is seen on paper', async () => {
    const d = demoDirectory();
    d.sections = d.sections.map((s) => (s.code === '220' ? { ...s, deputyId: null } : s));
    const ws = (await readXlsx(await phoneTreeXlsx(d, AT))).worksheets[0]!;
    const all = Array.from({ length: ws.rowCount }, (_, i) => rowValues(ws, i + 1));
    const band = all.findIndex((r) => String(r[0]).startsWith('220 '));
    expect(all[band + 2]?.slice(0, 2)).toEqual(['代理者', '（未設定）']);
  });

  it('writes the phone tree as CSV in the same order', () => {
    const lines = phoneTreeCsv(demoDirectory()).split('\r\n');
    expect(lines[0]).toBe('\uFEFF課,役割,氏名,氏名カナ,役職,電話（内線）,携帯');
    expect(lines[1]).toBe(
      '統括情報セキュリティ責任者・IT管理者,統括,高橋 誠,タカハシ マコト,事務局長（事務局）,06-6630-3001,090-0000-1005',
    );
    expect(lines).toContain(
      '210 総務課（上位: 総務部）,課責任者,佐藤 健一,サトウ ケンイチ,課長,06-6630-3111,090-0000-1002',
    );
  });
});

describe('directory XLSX', () => {
  it('has the phone tree and 職員一覧 with every CSV column; formulas stay text', async () => {
    const d = withFormulas();
    const wb = await readXlsx(await directoryXlsx(d, AT));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['連絡網（課別）', '職員一覧']);
    const ws = wb.getWorksheet('職員一覧')!;
    expect(rowValues(ws, 1)).toEqual([
      '職員番号',
      '氏名',
      '氏名カナ',
      '課コード',
      '課名',
      '上位課コード',
      '役職',
      '役割',
      'aadObjectId',
      'UPN',
      '電話',
      '携帯',
    ]);
    expect(ws.rowCount).toBe(d.people.length + 1);
    expect(rowValues(ws, 2).slice(0, 8)).toEqual([
      'E1005',
      '高橋 誠',
      'タカハシ マコト',
      '100',
      '事務局',
      '',
      '事務局長',
      '課責任者;上席者:200/300;統括',
    ]);
    const yamada = Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1)).find(
      (r) => r.getCell(1).value === 'E1001',
    )!;
    expect(yamada.getCell(7).value).toBe('=HYPERLINK("http://evil.example","x")');
    expect(yamada.getCell(7).type).toBe(ExcelJS.ValueType.String);
    expect(yamada.getCell(11).value).toBe('+81 6-6630-3113');
    expect(ws.autoFilter).toBeDefined();
    expect(ws.getColumn(9).width).toBe(38);
  });

  it('names files by the Japan date', async () => {
    const f = await exportFile('phone_tree_csv', demoDirectory(), AT);
    expect(f).toMatchObject({
      fileName: '連絡網_課別_20261126.csv',
      asciiFileName: 'phone-tree-20261126.csv',
      contentType: 'text/csv; charset=utf-8',
    });
    expect((await exportFile('directory_xlsx', demoDirectory(), AT)).body.subarray(0, 2).toString()).toBe(
      'PK',
    );
  });
});

describe('reading an exported (escaped) cell back', () => {
  it("drops only the quote escape_formulas adds, before = + - @; any other leading ' stays", () => {
    const csv = directoryCsv(demoDirectory())
      .replace(',06-6630-3113,', ",'+81 6-6630-3113,")
      .replace(',主事,', ",'主事,");
    const back = parseDirectoryCsv(csv);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    const yamada = back.directory.people.find((p) => p.id === 'E1001');
    expect(yamada?.phone).toBe('+81 6-6630-3113');
    expect(back.directory.people.filter((p) => p.title === "'主事")).toHaveLength(1);
  });
});
