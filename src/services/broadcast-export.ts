// A broadcast's results as files (issue 8, 「結果は CSV / XLSX で出力」): CSV for any tool (UTF-8
// with BOM, CRLF, so Japanese Excel opens it) and XLSX with three sheets (概要, 課別, 対象者).
// Scoped exactly like the status card (a section officer gets their own sections' rows only) and
// audited on every export ('broadcast.exported'); a refusal is audited by broadcastResults.
//
// Cells are what staff and senders typed (names come from the directory, choice labels from the
// sender): in the CSV a cell starting with = + - @ (or a tab / CR) is neutralised with a leading
// "'" (csv-stringify escape_formulas), so a spreadsheet never runs it as a formula. In the XLSX
// every text is written as a string cell, never as a formula.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { purposeCitation, type AnswerSpec, type ResultsScope, type Tally } from '../domain/broadcast';
import { formatJst, type Clock } from '../domain/clock';
import type { Directory } from '../domain/directory';
import { t, type Locale } from '../i18n';
import { AuditRepo } from '../storage/audit-repo';
import { BroadcastRepo, type BroadcastRecord } from '../storage/broadcast-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import type { Database } from '../storage/sql';
import { broadcastResults, resultsOf, type Refused, type Results } from './broadcast-service';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export interface BroadcastExportRequest {
  viewerId: string;
  broadcastId: string;
  format: ExportFormat;
  locale?: Locale;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The text of a stored answer key ('ack', 'choice:1'): the sender's label for a choice. */
export function answerText(locale: Locale, spec: AnswerSpec, key: string | null): string {
  if (key === null) return '';
  if (key === 'ack') return t(locale, 'broadcastResults.answer.ack');
  const m = /^choice:(\d+)$/.exec(key);
  const choice = m && spec.kind === 'choice' ? spec.choices[Number(m[1])] : undefined;
  return choice ? choice.label : t(locale, 'broadcastResults.answer.unknown', { key });
}

const jst = (iso: string | null): string => (iso ? formatJst(new Date(iso)) : '');

/** Share answered, in whole percent (0 when nobody is targeted). */
export function answeredPercent(t: Pick<Tally, 'answered' | 'targeted'>): number {
  return t.targeted === 0 ? 0 : Math.floor((t.answered * 100) / t.targeted);
}

// ---------------------------------------------------------------------------------------------
// Table contents (shared by both formats)

const RECIPIENT_COLUMNS = [
  'broadcastId',
  'mode',
  'personId',
  'name',
  'sectionCode',
  'sectionName',
  'phone',
  'mobile',
  'delivery',
  'deliveredAt',
  'firstAnswer',
  'firstAnsweredAt',
  'latestAnswer',
  'latestAnsweredAt',
  'reminders',
  'lastRemindedAt',
] as const;
type RecipientColumn = (typeof RECIPIENT_COLUMNS)[number];
const TIME_COLUMNS: ReadonlySet<RecipientColumn> = new Set([
  'deliveredAt',
  'firstAnsweredAt',
  'latestAnsweredAt',
  'lastRemindedAt',
]);

const SECTION_COLUMNS = [
  'sectionCode',
  'sectionName',
  'targeted',
  'delivered',
  'pending',
  'failed',
  'unreachable',
  'cancelled',
  'answered',
  'answeredPercent',
  'p50',
  'p75',
  'p100',
] as const;

type SectionColumn = (typeof SECTION_COLUMNS)[number];
const header = (locale: Locale, c: RecipientColumn | SectionColumn) => t(locale, `broadcastResults.col.${c}`);

interface ExportData {
  b: BroadcastRecord;
  dir: Directory;
  results: Omit<Results, 'broadcast'>;
  locale: Locale;
}

/** One row per recipient in scope, in hierarchy order; times stay ISO (UTC) here. */
function recipientRows(d: ExportData): Array<Record<RecipientColumn, string | number>> {
  const people = new Map(d.dir.people.map((p) => [p.id, p]));
  const sections = new Map(d.dir.sections.map((s) => [s.code, s]));
  const { locale, b } = d;
  return d.results.recipients.map((r) => {
    const p = people.get(r.personId);
    return {
      broadcastId: b.id,
      mode: t(locale, `broadcastResults.modeName.${b.mode}`),
      personId: r.personId,
      name: p?.name ?? '',
      sectionCode: r.sectionCode,
      sectionName: sections.get(r.sectionCode)?.name ?? '',
      phone: p?.phone ?? '',
      mobile: p?.mobile ?? '',
      delivery: t(locale, `broadcastResults.delivery.${r.delivery}`),
      deliveredAt: r.delivery === 'delivered' ? (r.deliveredAt ?? '') : '',
      firstAnswer: answerText(locale, b.answer, r.firstAnswer),
      firstAnsweredAt: r.firstAnsweredAt ?? '',
      latestAnswer: answerText(locale, b.answer, r.latestAnswer),
      latestAnsweredAt: r.latestAnsweredAt ?? '',
      reminders: r.reminders,
      lastRemindedAt: r.lastRemindedAt ?? '',
    };
  });
}

// ---------------------------------------------------------------------------------------------
// CSV

function toCsv(d: ExportData): Buffer {
  const rows = recipientRows(d).map((r) =>
    RECIPIENT_COLUMNS.map((c) => (TIME_COLUMNS.has(c) ? jst(String(r[c]) || null) : String(r[c]))),
  );
  const text = stringify([RECIPIENT_COLUMNS.map((c) => header(d.locale, c)), ...rows], {
    // Japanese Excel reads a UTF-8 CSV correctly only with a BOM; CRLF is what it writes itself.
    bom: true,
    record_delimiter: 'windows',
    // With a CRLF record delimiter csv-stringify would leave a value with a lone "\n" unquoted.
    quote_record_delimiter: true,
    // Staff type text: a cell starting with = + - @ must never run as a formula.
    escape_formulas: true,
  });
  return Buffer.from(text, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// XLSX

const JST_OFFSET_MS = 9 * 60 * 60_000;
const DATE_FORMAT = 'yyyy/mm/dd hh:mm:ss';

/** Excel has no time zones: a date cell holds the Japan wall-clock time (headers say JST). */
function jstCell(iso: string | null): Date | null {
  return iso ? new Date(Date.parse(iso) + JST_OFFSET_MS) : null;
}

function styleHeader(ws: ExcelJS.Worksheet): void {
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

async function toXlsx(d: ExportData, exportedAt: Date, exportedBy: string): Promise<Buffer> {
  const { b, locale, results } = d;
  const wb = new ExcelJS.Workbook();
  wb.created = exportedAt;
  const total = results.rollup.total;

  const summary = wb.addWorksheet(t(locale, 'broadcastResults.sheet.summary'));
  summary.columns = [
    { header: t(locale, 'broadcastResults.col.item'), key: 'item', width: 28 },
    { header: t(locale, 'broadcastResults.col.value'), key: 'value', width: 60 },
  ];
  const scopeText =
    results.scope.kind === 'sections'
      ? t(locale, 'broadcastResults.summary.scopeSections', { sections: results.scope.sectionCodes })
      : t(locale, 'broadcastResults.summary.scopeAll');
  const sender = d.dir.people.find((p) => p.id === b.createdBy);
  const facts: Array<[string, string | number | Date | null]> = [
    [header(locale, 'broadcastId'), b.id],
    [header(locale, 'mode'), t(locale, `broadcastResults.modeName.${b.mode}`)],
    [t(locale, 'broadcastResults.summary.title'), b.title],
    [t(locale, 'broadcastResults.summary.severity'), t(locale, `broadcastResults.severity.${b.severity}`)],
    [
      t(locale, 'broadcastResults.summary.status'),
      t(locale, `broadcastResults.status.${b.status === 'recalled' ? 'recalled' : 'sent'}`),
    ],
    [t(locale, 'broadcastResults.summary.sentAt'), jstCell(b.sentAt)],
    [t(locale, 'broadcastResults.summary.sender'), sender?.name ?? b.createdBy],
    ...(b.recalledAt
      ? ([[t(locale, 'broadcastResults.summary.recalledAt'), jstCell(b.recalledAt)]] as Array<
          [string, Date | null]
        >)
      : []),
    [t(locale, 'broadcastResults.summary.scope'), scopeText],
    [header(locale, 'targeted'), total.targeted],
    [header(locale, 'delivered'), total.delivered],
    [header(locale, 'pending'), total.pending],
    [header(locale, 'failed'), total.failed],
    [header(locale, 'unreachable'), total.unreachable],
    [header(locale, 'cancelled'), total.cancelled],
    [header(locale, 'answered'), total.answered],
    [header(locale, 'answeredPercent'), answeredPercent(total)],
    [header(locale, 'p50'), total.milestones.p50],
    [header(locale, 'p75'), total.milestones.p75],
    [header(locale, 'p100'), total.milestones.p100],
    ...Object.entries(results.rollup.answers).map(([key, n]): [string, number] => [
      t(locale, 'broadcastResults.summary.answer', { label: answerText(locale, b.answer, key) }),
      n,
    ]),
    [t(locale, 'broadcastResults.summary.exportedAt'), jstCell(exportedAt.toISOString())],
    [t(locale, 'broadcastResults.summary.exportedBy'), exportedBy],
  ];
  for (const [item, value] of facts) {
    const row = summary.addRow({ item, value });
    if (value instanceof Date) row.getCell('value').numFmt = DATE_FORMAT;
  }
  styleHeader(summary);

  const sections = wb.addWorksheet(t(locale, 'broadcastResults.sheet.sections'));
  sections.columns = SECTION_COLUMNS.map((c) => ({
    header: header(locale, c),
    key: c,
    width: c === 'sectionName' ? 24 : c === 'sectionCode' ? 12 : 11,
  }));
  const names = new Map(d.dir.sections.map((s) => [s.code, s.name]));
  for (const s of results.rollup.sections)
    sections.addRow({
      sectionCode: s.sectionCode,
      sectionName: names.get(s.sectionCode) ?? '',
      targeted: s.targeted,
      delivered: s.delivered,
      pending: s.pending,
      failed: s.failed,
      unreachable: s.unreachable,
      cancelled: s.cancelled,
      answered: s.answered,
      answeredPercent: answeredPercent(s),
      p50: s.milestones.p50,
      p75: s.milestones.p75,
      p100: s.milestones.p100,
    });
  styleHeader(sections);

  const recipients = wb.addWorksheet(t(locale, 'broadcastResults.sheet.recipients'));
  recipients.columns = RECIPIENT_COLUMNS.map((c) => ({
    header: header(locale, c),
    key: c,
    width: TIME_COLUMNS.has(c)
      ? 20
      : c === 'name' || c === 'sectionName'
        ? 18
        : c.endsWith('Answer')
          ? 24
          : 12,
  }));
  for (const r of recipientRows(d)) {
    const row = recipients.addRow({
      ...r,
      ...Object.fromEntries([...TIME_COLUMNS].map((c) => [c, jstCell(String(r[c]) || null)])),
    });
    for (const c of TIME_COLUMNS) row.getCell(c).numFmt = DATE_FORMAT;
  }
  styleHeader(recipients);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Use cases

async function build(
  db: Database,
  clock: Clock,
  b: BroadcastRecord,
  results: Omit<Results, 'broadcast'>,
  format: ExportFormat,
  actor: string,
  locale: Locale,
  via: string,
): Promise<ExportFile> {
  const dir = await new DirectoryRepo(db).load();
  const now = clock.now();
  const d: ExportData = { b, dir, results, locale };
  const exportedBy = dir.people.find((p) => p.id === actor)?.name ?? actor;
  const body = format === 'csv' ? toCsv(d) : await toXlsx(d, now, exportedBy);
  await db.transaction((tx) =>
    new AuditRepo(tx).append({
      at: now.toISOString(),
      actor,
      event: 'broadcast.exported',
      subject: b.id,
      article: purposeCitation(b.purpose),
      data: {
        format,
        via,
        mode: b.mode,
        scope: results.scope.kind === 'sections' ? results.scope.sectionCodes : results.scope.kind,
        rows: results.recipients.length,
        bytes: body.length,
      },
    }),
  );
  return { filename: `${b.id}-${b.mode}-results.${format}`, contentType: CONTENT_TYPES[format], body };
}

/**
 * The results file for a person, in their scope (what the bot's download link serves). Refused
 * and audited like the status card when they may see nothing.
 */
export async function exportBroadcastResults(
  db: Database,
  clock: Clock,
  req: BroadcastExportRequest & { via?: string },
): Promise<({ ok: true } & ExportFile) | Refused> {
  const via = req.via ?? 'download';
  const r = await broadcastResults(db, clock, { viewerId: req.viewerId, broadcastId: req.broadcastId, via });
  if (!r.ok) return r;
  return {
    ok: true,
    ...(await build(db, clock, r.broadcast, r, req.format, req.viewerId, req.locale ?? 'ja', via)),
  };
}

/**
 * The results file for the operator console (`npm run broadcast -- export`): whoever runs it holds
 * the database itself, so the scope is everything; audited with the actor 'admin-cli'.
 */
export async function exportBroadcastResultsForOperator(
  db: Database,
  clock: Clock,
  req: { broadcastId: string; format: ExportFormat; locale?: Locale },
): Promise<({ ok: true } & ExportFile) | { ok: false; reason: 'not_found' }> {
  const b = await new BroadcastRepo(db).get(req.broadcastId);
  if (!b || b.status === 'draft' || b.status === 'discarded') return { ok: false, reason: 'not_found' };
  const dir = await new DirectoryRepo(db).load();
  const scope: ResultsScope = { kind: 'all' };
  const results = { scope, ...resultsOf(dir, b, scope, await new BroadcastRepo(db).recipientStatuses(b.id)) };
  return {
    ok: true,
    ...(await build(db, clock, b, results, req.format, 'admin-cli', req.locale ?? 'ja', 'cli')),
  };
}

/**
 * 「結果を出力」 on a card: may the viewer export this broadcast? Checked (and a refusal audited)
 * when the links are offered; the export itself is checked and audited again when downloaded.
 */
export async function offerBroadcastExport(
  db: Database,
  clock: Clock,
  req: { viewerId: string; broadcastId: string },
): Promise<{ ok: true; broadcast: BroadcastRecord } | Refused> {
  const r = await broadcastResults(db, clock, { ...req, via: 'export_offer' });
  return r.ok ? { ok: true, broadcast: r.broadcast } : r;
}
