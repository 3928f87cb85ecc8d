// Exports of the contact directory (緊急連絡網, 6ウ) for the IT管理者: the directory CSV that Excel
// opens and that imports back unchanged, an XLSX workbook (職員一覧 and the per-section phone tree),
// and the phone tree alone as XLSX or CSV — the paper fallback when Teams itself is down.
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { formatJst } from '../domain/clock';
import type { Directory, Person } from '../domain/directory';
import { DIRECTORY_CSV_COLUMNS, directoryCsvRows, serializeDirectoryCsv } from '../domain/directory-csv';
import { buildPhoneTree, sectionsInHierarchyOrder, type PhoneTreeRole } from '../domain/phone-tree';
import { t, type Locale, type MessageKey } from '../i18n';
import type { ExportKind } from '../domain/directory-exports';

export interface ExportFile {
  /** The name to save as (Japanese), and an ASCII one for clients that cannot take it. */
  fileName: string;
  asciiFileName: string;
  contentType: string;
  body: Buffer;
}

const CSV_TYPE = 'text/csv; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** People as a spreadsheet reads the directory: by section in hierarchy order, leaders first, then 職員番号. */
function peopleInTreeOrder(dir: Directory): Directory {
  const order = new Map(sectionsInHierarchyOrder(dir).map((s, i) => [s.section.code, i]));
  const rank = (p: Person): number => {
    const s = dir.sections.find((x) => x.code === p.sectionCode);
    return s?.officerId === p.id ? 0 : s?.deputyId === p.id ? 1 : 2;
  };
  const people = [...dir.people].sort(
    (a, b) =>
      (order.get(a.sectionCode) ?? 0) - (order.get(b.sectionCode) ?? 0) ||
      rank(a) - rank(b) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  // Sections in the order their first member appears, as the CSV derives them.
  const sections = [...new Set(people.map((p) => p.sectionCode))].flatMap((code) =>
    dir.sections.filter((s) => s.code === code),
  );
  return { sections, people };
}

/**
 * The directory CSV: UTF-8 with BOM and CRLF (Japanese Excel opens it correctly), a cell starting
 * with = + - @ neutralised with a leading "'" (it is shown as text, never run as a formula), and
 * imported back by parseDirectoryCsv to the same directory.
 */
export function directoryCsv(dir: Directory): string {
  return serializeDirectoryCsv(peopleInTreeOrder(dir), { escapeFormulas: true });
}

const TREE_COLUMNS = [
  { key: 'role', width: 14 },
  { key: 'name', width: 16 },
  { key: 'kana', width: 18 },
  { key: 'title', width: 22 },
  { key: 'phone', width: 16 },
  { key: 'mobile', width: 16 },
  { key: 'done', width: 8 },
] as const;

type TreeColumn = (typeof TREE_COLUMNS)[number]['key'];
type TreeLine =
  | { type: 'band'; text: string; depth: number }
  | { type: 'person'; cells: Record<TreeColumn, string>; missing: boolean };

/** The phone tree as lines: 統括 and IT管理者 first, then each section (heading, leaders, members). */
function treeLines(dir: Directory, locale: Locale): TreeLine[] {
  const tree = buildPhoneTree(dir);
  const sectionOf = new Map(dir.sections.map((s) => [s.code, s]));
  const person = (role: string, p: Person | null, where: string | null): TreeLine => ({
    type: 'person',
    missing: p === null,
    cells: {
      role,
      name: p ? p.name : t(locale, 'dirAdmin.tree.nobody'),
      kana: p?.kana ?? '',
      title: p
        ? where
          ? t(locale, 'dirAdmin.tree.elsewhere', { title: p.title, section: where })
          : p.title
        : '',
      phone: p?.phone ?? '',
      mobile: p?.mobile ?? '',
      done: '',
    },
  });
  const sectionName = (p: Person) => sectionOf.get(p.sectionCode)?.name ?? p.sectionCode;
  const lines: TreeLine[] = [{ type: 'band', text: t(locale, 'dirAdmin.tree.leaders'), depth: 0 }];
  for (const p of tree.chiefOfficers)
    lines.push(person(t(locale, 'dirAdmin.tree.role.chief_officer'), p, sectionName(p)));
  for (const p of tree.itAdmins)
    lines.push(person(t(locale, 'dirAdmin.tree.role.it_admin'), p, sectionName(p)));
  for (const s of tree.sections) {
    lines.push({
      type: 'band',
      depth: s.depth,
      text: s.parent
        ? t(locale, 'dirAdmin.tree.sectionUnder', {
            code: s.section.code,
            name: s.section.name,
            parent: s.parent.name,
          })
        : t(locale, 'dirAdmin.tree.section', { code: s.section.code, name: s.section.name }),
    });
    for (const r of s.rows) {
      // A missing superior is common (no 上席者 named) and not a gap of the tree: left out.
      if (r.person === null && r.role !== 'section_officer' && r.role !== 'deputy') continue;
      lines.push(person(t(locale, ROLE_KEYS[r.role]), r.person, r.elsewhere?.name ?? null));
    }
  }
  return lines;
}

const ROLE_KEYS = {
  section_officer: 'dirAdmin.tree.role.section_officer',
  deputy: 'dirAdmin.tree.role.deputy',
  superior: 'dirAdmin.tree.role.superior',
  member: 'dirAdmin.tree.role.member',
} as const satisfies Record<PhoneTreeRole, MessageKey>;

function treeHeader(locale: Locale): string[] {
  return TREE_COLUMNS.map((c) => t(locale, `dirAdmin.tree.col.${c.key}`));
}

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function addTreeSheet(wb: ExcelJS.Workbook, dir: Directory, locale: Locale, generatedAt: Date): void {
  const ws = wb.addWorksheet(t(locale, 'dirAdmin.xlsx.sheetTree'), {
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.columns = TREE_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const last = TREE_COLUMNS.length;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = t(locale, 'dirAdmin.tree.title');
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = t(locale, 'dirAdmin.tree.generated', { at: formatJst(generatedAt) });
  ws.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = 30;
  const header = ws.getRow(3);
  header.values = treeHeader(locale);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    c.alignment = { horizontal: 'center' };
  });
  for (const line of treeLines(dir, locale)) {
    const row = ws.addRow(line.type === 'band' ? [line.text] : TREE_COLUMNS.map((c) => line.cells[c.key]));
    if (line.type === 'band') {
      ws.mergeCells(row.number, 1, row.number, last);
      const cell = row.getCell(1);
      cell.font = { bold: true, size: 12 };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      cell.alignment = { indent: line.depth * 2 };
      cell.border = BORDER;
    } else {
      for (let i = 1; i <= last; i++) {
        const cell = row.getCell(i);
        cell.border = BORDER;
        // Phone numbers are text: Excel must not turn 090-… into a date or drop a leading 0.
        cell.numFmt = '@';
      }
      if (line.missing) row.getCell(2).font = { color: { argb: 'FFC00000' }, bold: true };
    }
  }
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
    printTitlesRow: '3:3',
    printArea: `A1:${String.fromCharCode(64 + last)}${ws.rowCount}`,
  };
  ws.headerFooter = {
    oddFooter: t(locale, 'dirAdmin.tree.footer', { at: formatJst(generatedAt) }),
  };
}

function addPeopleSheet(wb: ExcelJS.Workbook, dir: Directory, locale: Locale): void {
  const ws = wb.addWorksheet(t(locale, 'dirAdmin.xlsx.sheetPeople'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const widths: Record<string, number> = {
    氏名: 16,
    氏名カナ: 18,
    課名: 18,
    役職: 14,
    役割: 24,
    aadObjectId: 38,
    UPN: 32,
  };
  ws.columns = DIRECTORY_CSV_COLUMNS.map((c) => ({ key: c, width: widths[c] ?? 13 }));
  const header = ws.addRow([...DIRECTORY_CSV_COLUMNS]);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  for (const values of directoryCsvRows(peopleInTreeOrder(dir))) {
    const row = ws.addRow(values);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
      c.numFmt = '@';
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: DIRECTORY_CSV_COLUMNS.length } };
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  };
}

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'security-desk-bot';
  return wb;
}

async function xlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 職員一覧 (every column of the CSV) and 連絡網（課別）, in one workbook. */
export async function directoryXlsx(
  dir: Directory,
  generatedAt: Date,
  locale: Locale = 'ja',
): Promise<Buffer> {
  const wb = workbook();
  addTreeSheet(wb, dir, locale, generatedAt);
  addPeopleSheet(wb, dir, locale);
  wb.views = [
    { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' },
  ];
  return xlsxBuffer(wb);
}

export async function phoneTreeXlsx(
  dir: Directory,
  generatedAt: Date,
  locale: Locale = 'ja',
): Promise<Buffer> {
  const wb = workbook();
  addTreeSheet(wb, dir, locale, generatedAt);
  return xlsxBuffer(wb);
}

/** The phone tree as CSV rows (BOM, CRLF, formulas neutralised), in the order of the printed tree. */
export function phoneTreeCsv(dir: Directory, locale: Locale = 'ja'): string {
  const rows: string[][] = [];
  let band = '';
  for (const line of treeLines(dir, locale)) {
    if (line.type === 'band') band = line.text;
    else rows.push([band, ...TREE_COLUMNS.filter((c) => c.key !== 'done').map((c) => line.cells[c.key])]);
  }
  return stringify(rows, {
    bom: true,
    record_delimiter: 'windows',
    header: true,
    columns: [t(locale, 'dirAdmin.tree.col.section'), ...treeHeader(locale).slice(0, -1)],
    escape_formulas: true,
    quote_record_delimiter: true,
  });
}

/** The file for an export link or the CLI, named with the day (Japan time). */
export async function exportFile(
  kind: ExportKind,
  dir: Directory,
  generatedAt: Date,
  locale: Locale = 'ja',
): Promise<ExportFile> {
  const day = formatJst(generatedAt).slice(0, 10).replace(/\//g, '');
  const name = (key: 'dirAdmin.file.directory' | 'dirAdmin.file.phoneTree', ascii: string, ext: string) => ({
    fileName: `${t(locale, key)}_${day}.${ext}`,
    asciiFileName: `${ascii}-${day}.${ext}`,
  });
  switch (kind) {
    case 'directory_csv':
      return {
        ...name('dirAdmin.file.directory', 'directory', 'csv'),
        contentType: CSV_TYPE,
        body: Buffer.from(directoryCsv(dir), 'utf8'),
      };
    case 'directory_xlsx':
      return {
        ...name('dirAdmin.file.directory', 'directory', 'xlsx'),
        contentType: XLSX_TYPE,
        body: await directoryXlsx(dir, generatedAt, locale),
      };
    case 'phone_tree_xlsx':
      return {
        ...name('dirAdmin.file.phoneTree', 'phone-tree', 'xlsx'),
        contentType: XLSX_TYPE,
        body: await phoneTreeXlsx(dir, generatedAt, locale),
      };
    case 'phone_tree_csv':
      return {
        ...name('dirAdmin.file.phoneTree', 'phone-tree', 'csv'),
        contentType: CSV_TYPE,
        body: Buffer.from(phoneTreeCsv(dir, locale), 'utf8'),
      };
  }
}
