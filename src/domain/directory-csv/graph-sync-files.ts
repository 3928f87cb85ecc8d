// Two small files the directory sync from Microsoft Graph reads (domain/graph-directory-sync.ts):
// DEPARTMENT_MAP (Graph department → 課コード) and the completed needs-kana file (氏名カナ of new
// users). Pure: text in, a map or every problem out.
import { msg, type Msg } from '../../i18n';
import { departmentKey } from '../graph-directory-sync';
import type { CsvIssue } from './format';
import { KANA_RE, SECTION_CODE_RE } from './row-rules';
import { tokenizeCsv } from './tokenize';

const nfkc = (s: string) => s.normalize('NFKC').trim();

export type DepartmentMapResult = { ok: true; map: Map<string, string> } | { ok: false; problems: Msg[] };

/**
 * The DEPARTMENT_MAP file: department → 課コード, as a JSON object (`{"総務課": "210"}`) or a CSV
 * with the header `部署,課コード` (or `department,sectionCode`). Every problem is listed.
 */
export function parseDepartmentMap(text: string, format: 'json' | 'csv'): DepartmentMapResult {
  const problems: Msg[] = [];
  const map = new Map<string, string>();
  const add = (where: Msg, department: unknown, code: unknown) => {
    const key = typeof department === 'string' ? departmentKey(department) : '';
    const value = typeof code === 'string' ? nfkc(code) : '';
    if (key === '') problems.push(msg('graphSync.map.no_department', { where }));
    else if (!SECTION_CODE_RE.test(value))
      problems.push(msg('graphSync.map.bad_code', { where, department: key, code: String(code ?? '') }));
    else if (map.has(key) && map.get(key) !== value)
      problems.push(msg('graphSync.map.duplicate', { where, department: key }));
    else map.set(key, value);
  };
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, problems: [msg('graphSync.map.bad_json')] };
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      return { ok: false, problems: [msg('graphSync.map.bad_json')] };
    for (const [department, code] of Object.entries(data))
      add(msg('graphSync.map.key', { key: department }), department, code);
  } else {
    const issues: CsvIssue[] = [];
    const [header, ...records] = tokenizeCsv(text, issues);
    for (const issue of issues) problems.push(msg('graphSync.map.csv_issue', { text: issue.message }));
    const names = (header?.fields ?? []).map((c) => departmentKey(c).toLowerCase());
    if (
      names.length !== 2 ||
      !['部署', 'department'].includes(names[0]!) ||
      !['課コード', 'sectioncode'].includes(names[1]!)
    )
      return { ok: false, problems: [...problems, msg('graphSync.map.bad_header')] };
    for (const r of records) {
      if (r.broken) continue;
      if (r.fields.length !== 2)
        problems.push(msg('graphSync.map.columns', { where: msg('graphSync.map.line', { line: r.line }) }));
      else add(msg('graphSync.map.line', { line: r.line }), r.fields[0], r.fields[1]);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, map };
}

export type KanaFileResult = { ok: true; kana: Map<string, string> } | { ok: false; problems: Msg[] };

/**
 * 氏名カナ by aadObjectId (lower case) from a directory-shaped CSV: the needs-kana file the sync
 * wrote, with 氏名カナ filled in. Rows still without a reading are left out; a malformed reading
 * is a problem, by line.
 */
export function parseKanaFile(text: string, file: string): KanaFileResult {
  const issues: CsvIssue[] = [];
  const [header, ...records] = tokenizeCsv(text, issues);
  const problems: Msg[] = issues.map((i) => msg('graphSync.map.csv_issue', { text: i.message }));
  const names = (header?.fields ?? []).map((c) => c.trim());
  const aadAt = names.indexOf('aadObjectId');
  const kanaAt = names.indexOf('氏名カナ');
  if (aadAt < 0 || kanaAt < 0) return { ok: false, problems: [msg('graphSync.error.kana_file', { file })] };
  const kana = new Map<string, string>();
  for (const r of records) {
    if (r.broken) continue;
    const aad = nfkc(r.fields[aadAt] ?? '').toLowerCase();
    const reading = nfkc(r.fields[kanaAt] ?? '').replace(/[ \u3000]+/g, ' ');
    if (aad === '' || reading === '') continue;
    if (!KANA_RE.test(reading))
      problems.push(
        msg('graphSync.kana.bad', { where: msg('graphSync.map.line', { line: r.line }), kana: reading }),
      );
    else kana.set(aad, reading);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, kana };
}
