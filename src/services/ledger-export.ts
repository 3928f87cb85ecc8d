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
import { once, type EventEmitter } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
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

/**
 * exceljs's streaming workbook writer, loaded when an XLSX is first written and on its own: the
 * package's entry also loads the workbook reader and its unzipper, fast-csv, jszip, … (about 11 MB
 * more RSS per process), and a CSV export needs none of exceljs.
 */
function workbookWriter(): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  return createRequire(__filename)(
    'exceljs/lib/stream/xlsx/workbook-writer',
  ) as typeof ExcelJS.stream.xlsx.WorkbookWriter;
}

/**
 * Rows read from the source per query. Small on purpose: a page is held while its rows are written,
 * and what outlives two young-generation collections is promoted and then piles up as garbage in
 * the old generation until a full collection (at 500 rows a page the export's peak RSS was some
 * 25 MB higher, and the writer's buffers piled up between the event loop's turns). The queries are
 * keyset range scans and cost little at this size.
 */
export const EXPORT_PAGE_SIZE = 50;

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
 * A writable stream of node or of the `readable-stream` package (archiver's), whose `needDrain`
 * says that what was written waits in its buffer.
 */
interface Drainable extends EventEmitter {
  writableNeedDrain?: boolean;
  _writableState?: { needDrain?: boolean };
}

function needsDrain(s: Drainable): boolean {
  return s.writableNeedDrain ?? s._writableState?.needDrain ?? false;
}

/**
 * Where exceljs's streaming writer puts the worksheet's XML before it is compressed: a StreamBuf
 * (WorksheetWriter.stream) that archiver pipes into a PassThrough of its own. The StreamBuf ignores
 * backpressure, so without waiting for that PassThrough to drain every row written faster than the
 * deflater compresses it piles up there (tens of MB for 100,000 rows). exceljs 4 internals, not its
 * typed API: test/services/ledger-export.test.ts checks that they are found, so an upgrade that
 * moves them fails a test instead of silently buffering the sheet again.
 */
export function worksheetZipEntry(ws: ExcelJS.Worksheet): Drainable | undefined {
  const stream = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream;
  const entry = stream?.pipes?.[0] as Drainable | undefined;
  return entry && typeof entry.once === 'function' && entry._writableState ? entry : undefined;
}

/**
 * Every row of the query, page by page (keyset, oldest first). Before each page the event loop gets
 * a turn, and after each row every one of `sinks` that needs to drain is waited for: SQLite answers
 * synchronously, so without this the compressor and the file would only run at the end and the
 * whole file would pile up in memory.
 */
async function* allRows(
  sql: SqlClient,
  source: LedgerSource,
  q: LedgerQuery,
  pageSize: number,
  sinks: () => readonly Drainable[],
) {
  let after: { at: string; key: string } | undefined;
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const rows = await source.page(sql, q, { order: 'asc', limit: pageSize, ...(after ? { after } : {}) });
    for (const r of rows) {
      yield r;
      for (const s of sinks()) while (needsDrain(s)) await once(s, 'drain');
    }
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
    for await (const r of allRows(sql, source, query, pageSize, () => [csv, out])) {
      await write(columns.map((c) => cellText(locale, c, r.values[c.id] ?? null)));
      rows++;
    }
    csv.end();
  } else {
    const wb = new (workbookWriter())({
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
    const entry = worksheetZipEntry(ws);
    const sinks = entry ? [entry, out] : [out];
    // Data rows and cells share one (frozen) style object per kind of cell: exceljs caches the style
    // id of a style object, so a shared object is rendered once instead of for every cell and row
    // (the styles written are the same: a cell's style id depends on its formats and value type).
    const shared = new Map<string, Partial<ExcelJS.Style>>();
    const styleOf = (key: string, numFmt?: string): Partial<ExcelJS.Style> => {
      let style = shared.get(key);
      if (!style) shared.set(key, (style = Object.freeze(numFmt ? { numFmt } : {})));
      return style;
    };
    for await (const r of allRows(sql, source, query, pageSize, () => sinks)) {
      const row = ws.addRow([]);
      (row as unknown as { style: Partial<ExcelJS.Style> }).style = styleOf('row');
      columns.forEach((c, i) => {
        const cell = xlsxCell(locale, c, r.values[c.id] ?? null);
        const target = row.getCell(i + 1);
        target.value = cell.value as ExcelJS.CellValue;
        const valueType =
          typeof cell.value === 'number' ? 'number' : cell.value instanceof Date ? 'date' : 'text';
        target.style = styleOf(`${valueType}:${cell.numFmt ?? ''}`, cell.numFmt);
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
