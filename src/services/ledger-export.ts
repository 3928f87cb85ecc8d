// A ledger as a file for the auditor (13(1)): CSV (UTF-8 with BOM and CRLF, so Japanese Excel opens
// it; Japanese headers) and XLSX (a title line with the ledger, the period and its articles, Japanese
// headers frozen under it, the columns' widths, times in Japan time). Both are written page by page
// from the ledger's source into a stream: the whole ledger is never held in memory.
//
// Cells are what staff typed (purposes, destinations, causes): in the CSV a cell starting with
// = + - @ (or a tab / CR) is neutralised with a leading "'" (csv-stringify escape_formulas), so a
// spreadsheet never runs it; in the XLSX every text is a string cell, never a formula.
//
// Every export is audited ('ledger.exported': who, which ledger, period, format, row count and the
// sha256 of the file as written), so the file an auditor holds can be matched to the trail.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Citations } from '../domain/articles';
import type { Clock } from '../domain/clock';
import { ledgerBounds, type JstPeriod } from '../domain/ledger-reading';
import {
  LEDGER_ARTICLES,
  type LedgerColumn,
  type LedgerKind,
  type LedgerQuery,
  type LedgerValue,
} from '../domain/ledgers';
import { formatJst, JST_OFFSET_MS } from '../domain/policy/jst';
import { t, type Locale } from '../i18n';
import { AuditRepo } from '../storage/audit-repo';
import type { Database } from '../storage/sql';
import type { SqlClient } from '../storage/sql';
import type { LedgerSource } from './ledger-source';
import { authorizeLedgerRead, type LedgerAccess, type LedgerRegistry } from './ledgers';

export const LEDGER_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type LedgerExportFormat = (typeof LEDGER_EXPORT_FORMATS)[number];

export const LEDGER_CONTENT_TYPES: Readonly<Record<LedgerExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Rows read from the source per query. */
export const EXPORT_PAGE_SIZE = 500;

/** Renders citations in the reader's language (teams/citation.ts citationText, handed in). */
export type CitationRenderer = (locale: Locale, cites: Citations) => string;

export interface LedgerFileInfo {
  rows: number;
  bytes: number;
  sha256: string;
}

/** The text of a cell as the CSV and the card show it. */
export function cellText(locale: Locale, column: LedgerColumn, v: LedgerValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return t(locale, v);
  if (column.type === 'datetime' && typeof v === 'string') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? v : formatJst(d).replaceAll('-', '/');
  }
  if (column.type === 'date' && typeof v === 'string') return v.replaceAll('-', '/');
  return String(v);
}

/** An XLSX cell: Japan wall-clock time as an Excel date (Excel dates have no time zone). */
function xlsxCell(locale: Locale, column: LedgerColumn, v: LedgerValue): { value: unknown; numFmt?: string } {
  if (v === null) return { value: null };
  if (column.type === 'datetime' && typeof v === 'string') {
    const ms = Date.parse(v);
    if (!Number.isNaN(ms)) return { value: new Date(ms + JST_OFFSET_MS), numFmt: 'yyyy/mm/dd hh:mm' };
  }
  if (column.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return { value: new Date(`${v}T00:00:00.000Z`), numFmt: 'yyyy/mm/dd' };
  if (column.type === 'number' && typeof v === 'number') return { value: v };
  // Text stays a string cell: never a formula, whatever it starts with.
  return { value: cellText(locale, column, v) };
}

/**
 * Every row of the query, page by page (keyset, oldest first). Between pages the event loop gets a
 * turn and the output may drain: SQLite answers synchronously, so without this the compressor and
 * the file would only run at the end and the whole file would pile up in memory.
 */
async function* allRows(
  sql: SqlClient,
  source: LedgerSource,
  q: LedgerQuery,
  pageSize: number,
  output: Writable,
) {
  let after: { at: string; key: string } | undefined;
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (output.writableNeedDrain) await once(output, 'drain');
    const rows = await source.page(sql, q, { order: 'asc', limit: pageSize, ...(after ? { after } : {}) });
    for (const r of rows) yield r;
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { at: last.at, key: last.key };
  }
}

export interface WriteLedgerOptions {
  format: LedgerExportFormat;
  locale: Locale;
  /** The XLSX title line (ledger, period, articles). */
  titleLine: string;
  pageSize?: number;
}

/** Streams the ledger into `out` and returns what was written (row count, bytes, sha256). */
export async function writeLedgerFile(
  sql: SqlClient,
  source: LedgerSource,
  query: LedgerQuery,
  out: Writable,
  opts: WriteLedgerOptions,
): Promise<LedgerFileInfo> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new PassThrough();
  tap.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  const done = pipeline(tap, out);
  const pageSize = opts.pageSize ?? EXPORT_PAGE_SIZE;
  const { locale } = opts;
  const columns = source.columns;
  let rows = 0;
  if (opts.format === 'csv') {
    const csv = stringify({ bom: true, escape_formulas: true, record_delimiter: '\r\n' });
    csv.pipe(tap);
    const write = async (record: string[]) => {
      if (!csv.write(record)) await once(csv, 'drain');
    };
    await write(columns.map((c) => t(locale, c.label)));
    for await (const r of allRows(sql, source, query, pageSize, out)) {
      await write(columns.map((c) => cellText(locale, c, r.values[c.id] ?? null)));
      rows++;
    }
    csv.end();
  } else {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: tap,
      useStyles: true,
      useSharedStrings: false,
    });
    const ws = wb.addWorksheet(t(locale, 'ledger.export.sheet'), {
      views: [{ state: 'frozen', ySplit: 2 }],
    });
    ws.columns = columns.map((c) => ({ key: c.id, width: c.width }));
    const title = ws.addRow([opts.titleLine]);
    title.font = { bold: true, size: 12 };
    title.commit();
    const header = ws.addRow(columns.map((c) => t(locale, c.label)));
    header.font = { bold: true };
    header.commit();
    for await (const r of allRows(sql, source, query, pageSize, out)) {
      const row = ws.addRow([]);
      columns.forEach((c, i) => {
        const cell = xlsxCell(locale, c, r.values[c.id] ?? null);
        const target = row.getCell(i + 1);
        target.value = cell.value as ExcelJS.CellValue;
        if (cell.numFmt) target.numFmt = cell.numFmt;
      });
      row.commit();
      rows++;
    }
    ws.commit();
    await wb.commit();
  }
  await done;
  return { rows, bytes, sha256: hash.digest('hex') };
}

export interface LedgerExportRequest {
  /** The reader (a person id); 'admin-cli' for the operator's command line, who holds the database. */
  actor: string;
  kind: LedgerKind;
  /** JST calendar dates, both inclusive. */
  from: string;
  to: string;
  format: LedgerExportFormat;
  locale: Locale;
  section?: string;
  via: 'cli' | 'link';
}

/** The operator at the command line: they hold the database, so every section (or the one asked). */
export const OPERATOR = 'admin-cli';

type OperatorAccess =
  { ok: true; source: LedgerSource; query: LedgerQuery } | Extract<LedgerAccess, { ok: false }>;

function operatorAccess(
  registry: LedgerRegistry,
  kind: LedgerKind,
  period: JstPeriod,
  section: string | undefined,
): OperatorAccess {
  const source = registry.get(kind);
  if (!source) return { ok: false, reason: 'unknown_kind' };
  const bounds = ledgerBounds(period);
  if (!bounds) return { ok: false, reason: 'invalid_period' };
  return { ok: true, source, query: { sections: section !== undefined ? [section] : 'all', ...bounds } };
}

export interface LedgerExportOutcome extends LedgerFileInfo {
  fileName: string;
  asciiFileName: string;
  contentType: string;
}

export function ledgerFileNames(
  source: LedgerSource,
  req: Pick<LedgerExportRequest, 'kind' | 'from' | 'to' | 'format'>,
): { fileName: string; asciiFileName: string } {
  const params = { from: req.from, to: req.to, ext: req.format };
  return {
    fileName: t('ja', 'ledger.export.fileName', { ...params, title: t('ja', source.title) }),
    asciiFileName: `${req.kind}_${req.from}_${req.to}.${req.format}`,
  };
}

/**
 * Checks who asks (the card's download link: the reader's scope as it is now; the command line: the
 * operator, every section or the one asked for), writes the file into `out` and audits the export.
 */
export async function exportLedger(
  db: Database,
  clock: Clock,
  registry: LedgerRegistry,
  req: LedgerExportRequest,
  out: Writable,
  cite: CitationRenderer,
): Promise<{ ok: true; file: LedgerExportOutcome } | Extract<LedgerAccess, { ok: false }>> {
  const period: JstPeriod = { from: req.from, to: req.to };
  const access: OperatorAccess | LedgerAccess =
    req.actor === OPERATOR
      ? operatorAccess(registry, req.kind, period, req.section)
      : await authorizeLedgerRead(db, clock, registry, {
          personId: req.actor,
          kind: req.kind,
          period,
          ...(req.section !== undefined ? { section: req.section } : {}),
          via: req.via,
        });
  if (!access.ok) return access;
  const { source, query } = access;
  const titleLine = t(req.locale, 'ledger.export.titleLine', {
    title: source.title,
    from: req.from.replaceAll('-', '/'),
    to: req.to.replaceAll('-', '/'),
    citation: cite(req.locale, LEDGER_ARTICLES[req.kind]),
  });
  const info = await writeLedgerFile(db, source, query, out, {
    format: req.format,
    locale: req.locale,
    titleLine,
  });
  await new AuditRepo(db).append({
    at: clock.now().toISOString(),
    actor: req.actor,
    event: 'ledger.exported',
    subject: `ledger:${req.kind}`,
    article: LEDGER_ARTICLES[req.kind],
    data: {
      kind: req.kind,
      from: req.from,
      to: req.to,
      format: req.format,
      via: req.via,
      sections: query.sections,
      rows: info.rows,
      bytes: info.bytes,
      sha256: info.sha256,
    },
  });
  return {
    ok: true,
    file: { ...info, ...ledgerFileNames(source, req), contentType: LEDGER_CONTENT_TYPES[req.format] },
  };
}

/** A Writable that keeps what is written (a download link's answer; the file, not the rows). */
export function bufferSink(): { sink: Writable; body: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  return { sink, body: () => Buffer.concat(chunks) };
}
