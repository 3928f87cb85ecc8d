// RFC 4180 records with physical line numbers, read by csv-parse. What this wrapper adds is what the
// import needs from a tokenizer and csv-parse does not give as is: line numbers that stay right
// after a quoted line break, every quoting problem of the file at once (not just the first), and
// each problem in Japanese.

import { parse, type CsvError, type CsvErrorCode, type Options } from 'csv-parse/sync';
import { issueAt, type CsvIssue } from './format';

export interface CsvRecord {
  /** Physical line the record starts on (1-based). */
  line: number;
  /** The cells; empty for a broken record. */
  fields: string[];
  /** The record's quoting was malformed: it is reported once and its cells are not trusted. */
  broken: boolean;
}

const PARSE_OPTIONS = {
  bom: true,
  // The text is normalised to LF before parsing (see tokenizeCsv).
  record_delimiter: '\n',
  // Spaces around a quoted value are tolerated (`  "課長"  `); every value is trimmed later anyway.
  ltrim: true,
  rtrim: true,
  // Blank lines and rows of empty cells (",,,") are ignored, but still counted as lines.
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
  // The row rules compare each row's cell count with the header's and say so in Japanese.
  relax_column_count: true,
  // Keep going after a malformed record, so that every problem is reported in one pass.
  skip_records_with_error: true,
  // The raw text of each record gives the line it starts on.
  raw: true,
} satisfies Options;

const QUOTE_MESSAGES: Partial<Record<CsvErrorCode, string>> = {
  INVALID_OPENING_QUOTE:
    '値の途中に「"」があります。「"」を含む値は全体を "…" で囲み、中の「"」は「""」と2つ重ねてください。',
  CSV_INVALID_CLOSING_QUOTE: '「"」で閉じた値の後ろに文字があります。値全体を "…" で囲んでください。',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE:
    '「"」で閉じた値の後ろに文字があります。値全体を "…" で囲んでください。',
  CSV_QUOTE_NOT_CLOSED: '「"」で始まった値が閉じられていません。値の終わりに「"」を付けてください。',
};
const UNREADABLE_MESSAGE =
  'この行を CSV として読めません。カンマ・「"」・改行を含む値は全体を "…" で囲み、中の「"」は「""」と2つ重ねてください。';

/**
 * Splits the file into records. Quoting problems are added to `issues`, one per record, and the
 * record comes back as `broken`. Records are in file order.
 */
export function tokenizeCsv(text: string, issues: CsvIssue[]): CsvRecord[] {
  // CRLF, CR and LF all end a line, inside quotes too, and a quoted line break is read as "\n".
  // Normalising first also keeps csv-parse's line count physical: it counts a quoted CRLF twice.
  // The bytes are this function's own copy: a continuation pass overwrites one (see Pass).
  const source = Buffer.from(text.replace(/\r\n?/g, '\n'), 'utf8');
  const records: CsvRecord[] = [];
  let pass: Pass | null = { from: 0, line: 1, continuation: false };
  while (pass !== null) pass = parsePass(source, pass, records, issues);
  return records.sort((a, b) => a.line - b.line);
}

/**
 * Where a parse pass starts: byte offset and line. A continuation starts inside a broken record,
 * on the byte before the character that stopped the previous pass (the closing quote or a space
 * after it, already read), and overwrites that byte with a letter standing for the part of the
 * value already read. The rest of the line then reads as the tail of an unquoted value, in which
 * a quote is a stray quote, not an opening one.
 */
interface Pass {
  from: number;
  line: number;
  continuation: boolean;
}

/**
 * Parses `source` from `pass`, adding to `records` and `issues`. Returns the next pass when this
 * one had to stop early, or null at the end of the file.
 *
 * After a stray quote inside an unquoted value csv-parse reads on and drops just that record.
 * After text following a closing quote it would instead read on inside the quotes and swallow the
 * rows that follow (or, for text after a closing quote and a space, stop silently). So the pass
 * stops there and a continuation pass reads on from the offending character; whatever starts on
 * its first line is the rest of the broken record. Each pass reads only as far as its first such
 * problem, so the whole file is read about once however many problems it has.
 */
function parsePass(source: Buffer, pass: Pass, records: CsvRecord[], issues: CsvIssue[]): Pass | null {
  if (pass.from >= source.length) return null;
  if (pass.continuation) source[pass.from] = 0x78; // 'x', see Pass
  const input = source.subarray(pass.from);
  const lineOffset = pass.line - 1;
  const isRestOfBroken = (localLine: number): boolean => pass.continuation && localLine === 1;
  const stop = new Error('stop this pass');
  let next: Pass | null = null;
  try {
    parse(input, {
      ...PARSE_OPTIONS,
      // With `raw`, csv-parse hands on_record `{ record, raw }` (its typings say the bare record).
      on_record: (withRaw: unknown, context) => {
        const local = startLine(context.lines, context.raw);
        if (!isRestOfBroken(local)) {
          const { record } = withRaw as { record: string[] };
          records.push({ line: lineOffset + local, fields: record, broken: false });
        }
        return null;
      },
      on_skip: (err: CsvError | undefined, raw: string | undefined) => {
        if (err === undefined) return undefined;
        const local = startLine(lineOf(err), raw);
        if (!isRestOfBroken(local)) reportBroken(err, lineOffset, local, records, issues);
        if (err.code === 'INVALID_OPENING_QUOTE' || err.code === 'CSV_QUOTE_NOT_CLOSED') return undefined;
        next = nextPass(input, err, local, raw ?? '', pass);
        throw stop;
      },
    });
  } catch (e) {
    if (e !== stop) throw e;
  }
  return next;
}

function reportBroken(
  err: CsvError,
  lineOffset: number,
  localStart: number,
  records: CsvRecord[],
  issues: CsvIssue[],
): void {
  const start = lineOffset + localStart;
  // One problem per record: a second stray quote in the same row adds nothing to fix. (The
  // record is still being read, so nothing has been added since its first problem.)
  const last = records[records.length - 1];
  if (last?.broken && last.line === start) return;
  records.push({ line: start, fields: [], broken: true });
  // An unclosed quote runs to the end of the file: point at the row it opened in. Other problems
  // are reported on the line of the offending character.
  const line = err.code === 'CSV_QUOTE_NOT_CLOSED' ? start : lineOffset + lineOf(err);
  issues.push(issueAt(line, QUOTE_MESSAGES[err.code] ?? UNREADABLE_MESSAGE));
}

/**
 * The pass after `err`: a continuation from the character that made csv-parse stop. The record's
 * raw text so far ends with the closing quote, or, after a closing quote and a space, with the
 * first byte of the offending character (decoded as one character, often U+FFFD). If that text
 * cannot be found, go on from the next line, so that every pass makes progress.
 */
function nextPass(input: Buffer, err: CsvError, localStart: number, raw: string, pass: Pass): Pass {
  const errLine = lineOf(err);
  const body = raw.trimStart();
  const before = err.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE' ? body.slice(0, -1) : body;
  const recordAt = before === '' ? -1 : input.indexOf(before, offsetOfLine(input, localStart), 'utf8');
  if (recordAt === -1) {
    return {
      from: pass.from + offsetOfLine(input, errLine + 1),
      line: pass.line + errLine,
      continuation: false,
    };
  }
  const offending = recordAt + Buffer.byteLength(before, 'utf8');
  return { from: pass.from + offending - 1, line: pass.line + errLine - 1, continuation: true };
}

/** The line csv-parse was on when it raised `err` (CsvError copies its info fields onto itself). */
function lineOf(err: CsvError): number {
  return typeof err.lines === 'number' ? err.lines : 1;
}

/**
 * The line a record starts on, from the line csv-parse is on now and the record's text so far.
 * The raw text begins after the previous record, so it may start with skipped blank lines; its
 * trailing "\n", if any, has not been counted by csv-parse yet.
 */
function startLine(linesNow: number, raw: string | undefined): number {
  const body = (raw ?? '').trimStart().replace(/\n$/, '');
  let breaks = 0;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) breaks++;
  return linesNow - breaks;
}

/** Byte offset of the start of line `line` (1-based) in `input`, or its length past the end. */
function offsetOfLine(input: Buffer, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = input.indexOf(0x0a, at);
    if (nl === -1) return input.length;
    at = nl + 1;
  }
  return at;
}
