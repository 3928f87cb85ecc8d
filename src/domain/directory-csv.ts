// Contact directory CSV (緊急連絡網, 対策基準 6ウ): the file the IT管理者 keeps and uploads.
// Pure: text in, Directory (or every problem found) out. Reading the file lives elsewhere.
//
// Format: UTF-8 with or without BOM, CRLF or LF, RFC 4180 quoting (quoted fields may hold
// commas, doubled quotes and newlines), blank lines ignored. One row per person; sections are
// derived from the rows. The import is all-or-nothing: a directory that routes incident reports
// must not be half-loaded, so every problem is collected and nothing is returned unless all is well.

import type { ArticleId } from './articles';
import type { Directory, Person, Section } from './directory';

/**
 * Header names, in the order `serializeDirectoryCsv` writes them. Parsing matches by name
 * (after trimming), so the order in an uploaded file is free.
 *
 * - 職員番号     required, unique, half-width letters/digits/hyphen, 1–20 chars (→ Person.id)
 * - 氏名         required (→ Person.name)
 * - 氏名カナ     required, katakana and spaces; half-width kana are converted (NFKC) (→ Person.kana)
 * - 課コード     required, half-width letters/digits/hyphen, 1–10 chars (→ Person.sectionCode, Section.code)
 * - 課名         required, must be the same on every row of the same 課コード (→ Section.name)
 * - 上位課コード optional, empty = top level; must be some row's 課コード; no cycles (→ Section.parentCode)
 * - 役職         optional free text, e.g. 課長 (→ Person.title)
 * - 役割         optional, tokens separated by `;` `；` `、`: 課責任者, 代理者, 上席者, 統括, IT管理者.
 *                課責任者/代理者/上席者 may name target sections (`上席者:210/220`); without a target
 *                they apply to the person's own 課コード.
 * - aadObjectId  required, unique GUID (Microsoft Entra object id), stored lower-case
 * - UPN          required, unique sign-in address, stored lower-case
 * - 電話, 携帯   optional; digits, hyphens, parentheses, + and spaces
 */
export const DIRECTORY_CSV_COLUMNS = [
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
] as const;
export type DirectoryCsvColumn = (typeof DIRECTORY_CSV_COLUMNS)[number];

/** Columns that must be present in the header (their values are required on every row too). */
export const REQUIRED_DIRECTORY_CSV_COLUMNS: readonly DirectoryCsvColumn[] = [
  '職員番号',
  '氏名',
  '氏名カナ',
  '課コード',
  '課名',
  'aadObjectId',
  'UPN',
];

/** Role tokens accepted in the 役割 column, in the order `serializeDirectoryCsv` writes them. */
export const DIRECTORY_CSV_ROLES = ['課責任者', '代理者', '上席者', '統括', 'IT管理者'] as const;
export type DirectoryCsvRole = (typeof DIRECTORY_CSV_ROLES)[number];

/**
 * One problem in the file. `line` is the 1-based physical line (the header is normally line 1;
 * a row whose quoted field spans lines is reported at the line it starts on). `line` is 0 for
 * whole-file problems not tied to a row (e.g. no 統括 at all). `message` is Japanese, starts
 * with its location (「12行目: 」 or 「ファイル全体: 」) and says what to fix, so it can be shown as is.
 */
export interface CsvIssue {
  line: number;
  column?: string;
  message: string;
  /** The article the rule rests on; the CLI cites it after the message (teams/citation.ts). */
  article?: ArticleId;
}

export type DirectoryCsvResult =
  { ok: true; directory: Directory; warnings: CsvIssue[] } | { ok: false; errors: CsvIssue[] };

// ---------------------------------------------------------------------------------------------
// RFC 4180 tokenizer with physical line numbers

interface RawRecord {
  line: number;
  fields: string[];
  /** Set when the record's quoting was malformed; its fields are not trusted. */
  broken: boolean;
}

function tokenize(text: string, issues: CsvIssue[]): RawRecord[] {
  const records: RawRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldQuoted = false;
  let afterClosingQuote = false;
  let quoteOpenLine = 1;
  let broken = false;

  const markBroken = (at: number, message: string): void => {
    if (!broken) issues.push({ line: at, message: `${at}行目: ${message}` });
    broken = true;
  };
  const endField = (): void => {
    fields.push(field);
    field = '';
    fieldQuoted = false;
    afterClosingQuote = false;
  };
  const endRecord = (): void => {
    const hadContent = fields.length > 0 || field !== '' || fieldQuoted;
    endField();
    if (hadContent) records.push({ line: recordLine, fields, broken });
    fields = [];
    broken = false;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          afterClosingQuote = true;
        }
      } else if (c === '\r' || c === '\n') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        field += '\n';
        line++;
      } else {
        field += c;
      }
      continue;
    }
    if (c === ',') {
      endField();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (c === '"') {
      if (field.trim() === '' && !fieldQuoted) {
        inQuotes = true;
        fieldQuoted = true;
        quoteOpenLine = line;
        field = '';
      } else {
        markBroken(
          line,
          '値の途中に「"」があります。「"」を含む値は全体を "…" で囲み、中の「"」は「""」と2つ重ねてください。',
        );
        field += c;
      }
    } else if (afterClosingQuote) {
      if (c !== ' ' && c !== '\t') {
        markBroken(line, '「"」で閉じた値の後ろに文字があります。値全体を "…" で囲んでください。');
        field += c;
      }
    } else {
      field += c;
    }
  }
  if (inQuotes) {
    markBroken(quoteOpenLine, '「"」で始まった値が閉じられていません。値の終わりに「"」を付けてください。');
  }
  endRecord();
  return records;
}

// ---------------------------------------------------------------------------------------------
// Field rules

const EMPLOYEE_ID_RE = /^[A-Za-z0-9-]{1,20}$/;
const SECTION_CODE_RE = /^[0-9A-Za-z-]{1,10}$/;
const KANA_RE = /^[ァ-ヶー\u3000 ]+$/;
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN_RE = /^[^\s@",;<>()]+@[^\s@",;<>()]+\.[^\s@",;<>()]+$/;
const PHONE_RE = /^[0-9+\-() ]+$/;

const ROLE_SEPARATOR_RE = /[;、]/; // `；` becomes `;` under NFKC
const TARGETED_ROLES: readonly DirectoryCsvRole[] = ['課責任者', '代理者', '上席者'];

type SectionRoleField = 'officerId' | 'deputyId' | 'superiorId';
const ROLE_FIELD: Record<'課責任者' | '代理者' | '上席者', SectionRoleField> = {
  課責任者: 'officerId',
  代理者: 'deputyId',
  上席者: 'superiorId',
};

function nfkc(value: string): string {
  return value.normalize('NFKC').trim();
}

function at(line: number): string {
  return line === 0 ? 'ファイル全体: ' : `${line}行目: `;
}

function sectionLabel(code: string, name: string | undefined): string {
  return name ? `課 ${code}（${name}）` : `課 ${code}`;
}

interface SectionDef {
  code: string;
  name: string;
  parentCode: string | null;
  line: number;
}

interface RoleClaim {
  personId: string;
  personName: string;
  line: number;
}

interface PendingRole {
  role: '課責任者' | '代理者' | '上席者';
  token: string;
  targets: string[];
  personId: string;
  personName: string;
  line: number;
}

// ---------------------------------------------------------------------------------------------
// Parse

/** Parses and validates the directory CSV. Returns the directory only if the whole file is valid. */
export function parseDirectoryCsv(text: string): DirectoryCsvResult {
  const errors: CsvIssue[] = [];
  const warnings: CsvIssue[] = [];
  const err = (line: number, message: string, column?: string, article?: ArticleId): void => {
    errors.push({
      line,
      ...(column === undefined ? {} : { column }),
      message: at(line) + message,
      ...(article === undefined ? {} : { article }),
    });
  };

  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records = tokenize(body, errors).filter((r) => r.fields.some((f) => f.trim() !== ''));

  const header = records[0];
  if (!header) {
    if (errors.length === 0) {
      err(1, 'ファイルが空です。1行目に列名（ヘッダー）、2行目以降に職員を1行ずつ入力してください。');
    }
    return { ok: false, errors };
  }

  // Header: unknown, duplicate or missing columns make every row unreadable, so stop here.
  const errorsBeforeHeader = errors.length;
  const columnIndex = new Map<DirectoryCsvColumn, number>();
  const known = new Set<string>(DIRECTORY_CSV_COLUMNS);
  const expected = DIRECTORY_CSV_COLUMNS.join(', ');
  header.fields.forEach((raw, idx) => {
    const name = raw.trim();
    if (name === '') {
      err(
        header.line,
        `${idx + 1}列目の列名が空です。列名を入れるか、その列を削除してください。使える列名: ${expected}`,
      );
    } else if (!known.has(name)) {
      err(header.line, `不明な列「${name}」があります。使える列名: ${expected}`, name);
    } else if (columnIndex.has(name as DirectoryCsvColumn)) {
      err(header.line, `列「${name}」が2回あります。1つにしてください。`, name);
    } else {
      columnIndex.set(name as DirectoryCsvColumn, idx);
    }
  });
  for (const col of REQUIRED_DIRECTORY_CSV_COLUMNS) {
    if (!columnIndex.has(col))
      err(header.line, `必須の列「${col}」がありません。ヘッダー行に追加してください。`, col);
  }
  if (header.broken || errors.length > errorsBeforeHeader) return { ok: false, errors: sortIssues(errors) };

  const rows = records.slice(1);
  if (rows.length === 0) {
    err(header.line, '職員の行がありません。ヘッダーの次の行から職員を1行ずつ入力してください。');
    return { ok: false, errors: sortIssues(errors) };
  }

  const people: Person[] = [];
  const sectionDefs = new Map<string, SectionDef>();
  const sectionFirstLine = new Map<string, number>();
  const idLines = new Map<string, number>();
  const aadLines = new Map<string, number>();
  const upnLines = new Map<string, number>();
  const pendingRoles: PendingRole[] = [];
  // Counted on every row, valid or not, so a typo elsewhere on the 統括's row is not also
  // reported as "no 統括".
  let sawChiefOfficer = false;
  let sawItAdmin = false;

  for (const row of rows) {
    const line = row.line;
    if (row.broken) continue; // already reported by the tokenizer
    if (row.fields.length !== header.fields.length) {
      err(
        line,
        `列の数（${row.fields.length}列）がヘッダー（${header.fields.length}列）と違います。カンマを含む値は "…" で囲んでください。`,
      );
      continue;
    }
    const get = (col: DirectoryCsvColumn): string => {
      const idx = columnIndex.get(col);
      return idx === undefined ? '' : (row.fields[idx] ?? '').trim();
    };
    const required = (col: DirectoryCsvColumn): string | null => {
      const v = get(col);
      if (v === '') {
        err(line, `「${col}」が空です。入力してください。`, col);
        return null;
      }
      return v;
    };

    let valid = true;

    // 職員番号
    let id = required('職員番号');
    if (id !== null) {
      id = nfkc(id);
      if (!EMPLOYEE_ID_RE.test(id)) {
        err(
          line,
          `「職員番号」は半角英数字とハイフン（1〜20文字）で入力してください（例: E1001）。`,
          '職員番号',
        );
        id = null;
      } else {
        const first = idLines.get(id);
        if (first !== undefined) {
          err(
            line,
            `「職員番号」${id} が ${first}行目と重複しています。職員ごとに別の番号にしてください。`,
            '職員番号',
          );
          valid = false;
        } else {
          idLines.set(id, line);
        }
      }
    }
    if (id === null) valid = false;

    // 氏名, 氏名カナ
    const name = required('氏名');
    if (name === null) valid = false;
    let kana = required('氏名カナ');
    if (kana !== null) {
      kana = nfkc(kana).replace(/[ \u3000]+/g, ' ');
      if (!KANA_RE.test(kana)) {
        err(
          line,
          '「氏名カナ」は全角カタカナと空白だけで入力してください（例: ヤマダ ハナコ）。',
          '氏名カナ',
        );
        kana = null;
      }
    }
    if (kana === null) valid = false;

    // 課コード, 課名, 上位課コード
    let sectionCode = required('課コード');
    if (sectionCode !== null) {
      sectionCode = nfkc(sectionCode);
      if (!SECTION_CODE_RE.test(sectionCode)) {
        err(
          line,
          '「課コード」は半角英数字とハイフン（1〜10文字）で入力してください（例: 210）。',
          '課コード',
        );
        sectionCode = null;
      }
    }
    const sectionName = required('課名');
    let parentCode: string | null = nfkc(get('上位課コード'));
    let parentOk = true;
    if (parentCode === '') {
      parentCode = null;
    } else if (!SECTION_CODE_RE.test(parentCode)) {
      err(
        line,
        '「上位課コード」は半角英数字とハイフン（1〜10文字）で入力するか、最上位の課なら空欄にしてください。',
        '上位課コード',
      );
      parentOk = false;
    }
    if (sectionCode === null || sectionName === null || !parentOk) valid = false;
    if (sectionCode !== null && !sectionFirstLine.has(sectionCode)) sectionFirstLine.set(sectionCode, line);
    if (sectionCode !== null && sectionName !== null && parentOk) {
      const def = sectionDefs.get(sectionCode);
      if (!def) {
        sectionDefs.set(sectionCode, { code: sectionCode, name: sectionName, parentCode, line });
      } else {
        if (def.name !== sectionName) {
          err(
            line,
            `課コード ${sectionCode} の「課名」（${sectionName}）が ${def.line}行目（${def.name}）と違います。同じ課コードには同じ課名を入力してください。`,
            '課名',
          );
          valid = false;
        }
        if (def.parentCode !== parentCode) {
          err(
            line,
            `課コード ${sectionCode} の「上位課コード」（${parentCode ?? '空欄'}）が ${def.line}行目（${def.parentCode ?? '空欄'}）と違います。同じ課コードには同じ上位課コードを入力してください。`,
            '上位課コード',
          );
          valid = false;
        }
      }
    }

    // aadObjectId, UPN
    let aad = required('aadObjectId');
    if (aad !== null) {
      aad = nfkc(aad).toLowerCase();
      if (!GUID_RE.test(aad)) {
        err(
          line,
          '「aadObjectId」が GUID の形式ではありません（例: 6f1c2a0e-3b4d-4e5f-8a9b-0c1d2e3f4a5b）。Entra ID のオブジェクト ID を入力してください。',
          'aadObjectId',
        );
        aad = null;
      } else {
        const first = aadLines.get(aad);
        if (first !== undefined) {
          err(
            line,
            `「aadObjectId」が ${first}行目と重複しています。職員ごとに本人のオブジェクト ID を入力してください。`,
            'aadObjectId',
          );
          valid = false;
        } else {
          aadLines.set(aad, line);
        }
      }
    }
    if (aad === null) valid = false;

    let upn = required('UPN');
    if (upn !== null) {
      upn = nfkc(upn).toLowerCase();
      if (!UPN_RE.test(upn)) {
        err(
          line,
          '「UPN」がメールアドレスの形式ではありません（例: h.yamada@osaka-env.example.jp）。',
          'UPN',
        );
        upn = null;
      } else {
        const first = upnLines.get(upn);
        if (first !== undefined) {
          err(line, `「UPN」${upn} が ${first}行目と重複しています（大文字・小文字は区別しません）。`, 'UPN');
          valid = false;
        } else {
          upnLines.set(upn, line);
        }
      }
    }
    if (upn === null) valid = false;

    // 電話, 携帯
    const phoneOf = (col: '電話' | '携帯', example: string): string => {
      const v = nfkc(get(col));
      if (v !== '' && (!PHONE_RE.test(v) || !/[0-9]/.test(v))) {
        err(
          line,
          `「${col}」に使えない文字があります。数字・ハイフン・括弧・+・空白だけで入力してください（例: ${example}）。`,
          col,
        );
        valid = false;
      }
      return v;
    };
    const phone = phoneOf('電話', '06-6630-3001');
    const mobile = phoneOf('携帯', '090-0000-1001');

    // 役割
    let isChiefOfficer = false;
    let isItAdmin = false;
    const roleField = nfkc(get('役割'));
    const rowRoles: PendingRole[] = [];
    for (const rawToken of roleField.split(ROLE_SEPARATOR_RE)) {
      const token = rawToken.trim();
      if (token === '') continue;
      const colon = token.indexOf(':');
      const roleName = (colon === -1 ? token : token.slice(0, colon)).trim();
      const targetText = colon === -1 ? null : token.slice(colon + 1);
      if (!(DIRECTORY_CSV_ROLES as readonly string[]).includes(roleName)) {
        err(
          line,
          `「役割」の「${token}」は使えません。${DIRECTORY_CSV_ROLES.join('・')} のいずれかを「;」区切りで入力してください（例: 課責任者;上席者:210/220）。`,
          '役割',
        );
        valid = false;
        continue;
      }
      const role = roleName as DirectoryCsvRole;
      if (role === '統括' || role === 'IT管理者') {
        if (targetText !== null) {
          err(
            line,
            `「役割」の「${role}」には対象の課を付けられません（組合全体の役割です）。「${role}」とだけ入力してください。`,
            '役割',
          );
          valid = false;
        } else if (role === '統括') {
          isChiefOfficer = true;
          sawChiefOfficer = true;
        } else {
          isItAdmin = true;
          sawItAdmin = true;
        }
        continue;
      }
      let targets: string[];
      if (targetText === null) {
        if (sectionCode === null) continue; // the row's 課コード error is already reported
        targets = [sectionCode];
      } else {
        targets = targetText.split('/').map((t) => t.trim());
        const bad = targets.filter((t) => !SECTION_CODE_RE.test(t));
        if (targets.length === 0 || bad.length > 0) {
          err(
            line,
            `「役割」の「${token}」の対象の課コードが正しくありません。「${role}:210/220」のように課コードを「/」で区切って入力してください。`,
            '役割',
          );
          valid = false;
          continue;
        }
      }
      if (id !== null && name !== null && TARGETED_ROLES.includes(role)) {
        rowRoles.push({
          role: role as PendingRole['role'],
          token,
          targets,
          personId: id,
          personName: name,
          line,
        });
      }
    }

    if (
      valid &&
      id !== null &&
      name !== null &&
      kana !== null &&
      sectionCode !== null &&
      aad !== null &&
      upn !== null
    ) {
      people.push({
        id,
        aadObjectId: aad,
        upn,
        name,
        kana,
        sectionCode,
        title: get('役職'),
        phone,
        mobile,
        isChiefOfficer,
        isItAdmin,
      });
    }
    pendingRoles.push(...rowRoles);
  }

  // Hierarchy: every 上位課コード names a known section, and there are no cycles.
  for (const def of sectionDefs.values()) {
    if (def.parentCode !== null && !sectionFirstLine.has(def.parentCode)) {
      err(
        def.line,
        `「上位課コード」${def.parentCode} の課がありません。いずれかの行の「課コード」にある課を指定するか、最上位の課なら空欄にしてください。`,
        '上位課コード',
      );
    }
  }
  const reportedCycles = new Set<string>();
  for (const start of sectionDefs.values()) {
    const path: string[] = [];
    let code: string | null = start.code;
    while (code !== null && !path.includes(code)) {
      path.push(code);
      code = sectionDefs.get(code)?.parentCode ?? null;
    }
    if (code === null) continue;
    const cycle = path.slice(path.indexOf(code));
    const key = [...cycle].sort().join(',');
    if (reportedCycles.has(key)) continue;
    reportedCycles.add(key);
    const lastLine = Math.max(...cycle.map((c) => sectionDefs.get(c)?.line ?? 0));
    err(
      lastLine,
      `課の上下関係が循環しています（${[...cycle, code].join(' → ')}）。「上位課コード」を見直してください。`,
      '上位課コード',
    );
  }

  // Roles per section.
  const claims = new Map<string, Record<SectionRoleField, RoleClaim[]>>();
  const claimsOf = (code: string): Record<SectionRoleField, RoleClaim[]> => {
    let c = claims.get(code);
    if (!c) {
      c = { officerId: [], deputyId: [], superiorId: [] };
      claims.set(code, c);
    }
    return c;
  };
  for (const p of pendingRoles) {
    for (const target of p.targets) {
      if (!sectionFirstLine.has(target)) {
        err(
          p.line,
          `「役割」の「${p.token}」の課コード ${target} の課がありません。いずれかの行の「課コード」にある課を指定してください。`,
          '役割',
        );
        continue;
      }
      const list = claimsOf(target)[ROLE_FIELD[p.role]];
      if (!list.some((c) => c.personId === p.personId)) {
        list.push({ personId: p.personId, personName: p.personName, line: p.line });
      }
    }
  }

  const sections: Section[] = [];
  const roleLabel: Record<SectionRoleField, string> = {
    officerId: '課責任者',
    deputyId: '代理者',
    superiorId: '上席者',
  };
  for (const [code, firstLine] of sectionFirstLine) {
    const def = sectionDefs.get(code);
    const label = sectionLabel(code, def?.name);
    const c = claimsOf(code);
    for (const field of ['officerId', 'deputyId', 'superiorId'] as const) {
      const list = c[field];
      const first = list[0];
      for (const extra of list.slice(1)) {
        if (!first) break;
        const hint =
          field === 'officerId'
            ? '課責任者は1つの課に1名です。'
            : `${roleLabel[field]}は1つの課に1名までです。`;
        err(
          extra.line,
          `${label}の「${roleLabel[field]}」が2名います（${first.line}行目の${first.personName}と${extra.line}行目の${extra.personName}）。${hint}どちらか一方の「役割」から外してください。`,
          '役割',
        );
      }
    }
    // Every section here has at least one member row (sections are derived from rows).
    if (c.officerId.length === 0) {
      err(
        firstLine,
        `${label}に「課責任者」がいません。所属の職員のうち1名の「役割」に「課責任者」を入力してください。`,
        '役割',
        '7',
      );
    }
    for (const d of c.deputyId) {
      if (c.officerId.some((o) => o.personId === d.personId)) {
        err(
          d.line,
          `${d.personName}は${label}の課責任者なので、同じ課の「代理者」にはなれません。代理者には別の職員を指定してください。`,
          '役割',
        );
      }
    }
    if (c.deputyId.length === 0) {
      warnings.push({
        line: firstLine,
        column: '役割',
        message: `${at(firstLine)}${label}に「代理者」がいません。課責任者が不在のときに代わりに対応する職員がいません。`,
      });
    }
    if (c.superiorId.length === 0) {
      warnings.push({
        line: firstLine,
        column: '役割',
        message: `${at(firstLine)}${label}に「上席者」がいません。至急の報告で連絡がつかないときのエスカレーション先がありません。`,
        article: '12(5)②オ',
      });
    }
    if (def) {
      sections.push({
        code,
        name: def.name,
        parentCode: def.parentCode,
        officerId: c.officerId[0]?.personId ?? null,
        deputyId: c.deputyId[0]?.personId ?? null,
        superiorId: c.superiorId[0]?.personId ?? null,
      });
    }
  }

  // Whole-file roles.
  const roleColumn = columnIndex.has('役割') ? '役割' : undefined;
  if (!sawChiefOfficer) {
    err(
      0,
      '「役割」が「統括」の職員がいません。統括情報セキュリティ責任者を1名以上指定してください。',
      roleColumn,
    );
  }
  if (!sawItAdmin) {
    err(
      0,
      '「役割」が「IT管理者」の職員がいません。緊急連絡網を管理する IT管理者を1名以上指定してください。',
      roleColumn,
      '6ウ',
    );
  }

  if (errors.length > 0) return { ok: false, errors: sortIssues(errors) };
  return { ok: true, directory: { sections, people }, warnings: sortIssues(warnings) };
}

/** By line; whole-file issues (line 0) last. Stable, so issues of one line keep their order. */
function sortIssues(issues: CsvIssue[]): CsvIssue[] {
  const key = (i: CsvIssue): number => (i.line === 0 ? Number.MAX_SAFE_INTEGER : i.line);
  return [...issues].sort((a, b) => key(a) - key(b));
}

// ---------------------------------------------------------------------------------------------
// Serialize

function quote(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes the directory as CSV: BOM + CRLF (so Excel opens the Japanese text correctly), all
 * columns in DIRECTORY_CSV_COLUMNS order, one row per person in `dir.people` order.
 *
 * Round trip: `parseDirectoryCsv(serializeDirectoryCsv(d))` deep-equals `d` for any directory the
 * parser returned. Sections come back in the order their first member appears, so a directory
 * built by hand round-trips when its sections are in that order.
 *
 * Throws on a directory the format cannot express (a section with no member, a person in an
 * unknown section, a role held by an unknown person): silently dropping part of the
 * emergency contact tree would be worse.
 */
export function serializeDirectoryCsv(dir: Directory): string {
  const sectionByCode = new Map(dir.sections.map((s) => [s.code, s]));
  const personIds = new Set(dir.people.map((p) => p.id));
  for (const s of dir.sections) {
    if (!dir.people.some((p) => p.sectionCode === s.code)) {
      throw new Error(`serializeDirectoryCsv: section ${s.code} has no member and cannot be written as CSV`);
    }
    for (const field of ['officerId', 'deputyId', 'superiorId'] as const) {
      const pid = s[field];
      if (pid !== null && !personIds.has(pid)) {
        throw new Error(`serializeDirectoryCsv: section ${s.code} ${field} refers to unknown person ${pid}`);
      }
    }
  }

  const lines = [DIRECTORY_CSV_COLUMNS.join(',')];
  for (const p of dir.people) {
    const section = sectionByCode.get(p.sectionCode);
    if (!section) {
      throw new Error(`serializeDirectoryCsv: person ${p.id} is in unknown section ${p.sectionCode}`);
    }
    const roles: string[] = [];
    for (const role of TARGETED_ROLES) {
      const field = ROLE_FIELD[role as keyof typeof ROLE_FIELD];
      const targets = dir.sections.filter((s) => s[field] === p.id).map((s) => s.code);
      if (targets.length === 0) continue;
      roles.push(
        targets.length === 1 && targets[0] === p.sectionCode ? role : `${role}:${targets.join('/')}`,
      );
    }
    if (p.isChiefOfficer) roles.push('統括');
    if (p.isItAdmin) roles.push('IT管理者');

    const values: Record<DirectoryCsvColumn, string> = {
      職員番号: p.id,
      氏名: p.name,
      氏名カナ: p.kana,
      課コード: p.sectionCode,
      課名: section.name,
      上位課コード: section.parentCode ?? '',
      役職: p.title,
      役割: roles.join(';'),
      aadObjectId: p.aadObjectId,
      UPN: p.upn,
      電話: p.phone,
      携帯: p.mobile,
    };
    lines.push(DIRECTORY_CSV_COLUMNS.map((c) => quote(values[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
