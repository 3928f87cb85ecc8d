// One row of the directory CSV → one person and the roles the row claims, with the rules for each
// cell. Problems are reported on the row's line, in column order. Uniqueness and section
// consistency are checked against the rows above (`RowsSoFar`), so the later row is the one
// reported, next to its other problems.

import type { Person } from '../directory';
import {
  DIRECTORY_CSV_ROLES,
  ESCAPED_FORMULA,
  TARGETED_ROLES,
  issueAt,
  type CsvIssue,
  type DirectoryCsvColumn,
  type TargetedRole,
} from './format';
import type { CsvColumns } from './header';
import type { CsvRecord } from './tokenize';

export const EMPLOYEE_ID_RE = /^[A-Za-z0-9-]{1,20}$/;
export const SECTION_CODE_RE = /^[0-9A-Za-z-]{1,10}$/;
export const KANA_RE = /^[ァ-ヶー\u3000 ]+$/;
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const UPN_RE = /^[^\s@",;<>()]+@[^\s@",;<>()]+\.[^\s@",;<>()]+$/;
export const PHONE_RE = /^[0-9+\-() ]+$/;
const ROLE_SEPARATOR_RE = /[;、]/; // `；` becomes `;` under NFKC

/** A section as its first valid row defines it. */
export interface SectionDef {
  code: string;
  name: string;
  parentCode: string | null;
  line: number;
}

/** A row's claim to hold a section role for the target sections. */
export interface RoleClaim {
  role: TargetedRole;
  token: string;
  targets: string[];
  personId: string;
  personName: string;
  line: number;
}

/** What the rows read so far have claimed (first row wins). */
export interface RowsSoFar {
  idLines: Map<string, number>;
  aadLines: Map<string, number>;
  upnLines: Map<string, number>;
  /** Sections by code, as defined by their first row with a valid 課コード, 課名 and 上位課コード. */
  sectionDefs: Map<string, SectionDef>;
  /** Sections by code, with the first row that names the code (valid or not), in file order. */
  sectionFirstLine: Map<string, number>;
}

export function emptyRowsSoFar(): RowsSoFar {
  return {
    idLines: new Map(),
    aadLines: new Map(),
    upnLines: new Map(),
    sectionDefs: new Map(),
    sectionFirstLine: new Map(),
  };
}

export interface RowReading {
  line: number;
  /** The person, or null when any cell of the row broke a rule. */
  person: Person | null;
  claims: RoleClaim[];
  /** Role tokens seen even on a row with other problems, so a typo elsewhere on the 統括's row is
   *  not also reported as "no 統括". */
  isChiefOfficer: boolean;
  isItAdmin: boolean;
}

interface Row {
  line: number;
  /** The trimmed cell, '' when the column is absent. */
  get(col: DirectoryCsvColumn): string;
  /** The trimmed cell, or null (reported) when it is empty. */
  required(col: DirectoryCsvColumn): string | null;
  fail(message: string, column?: DirectoryCsvColumn): void;
}

function nfkc(value: string): string {
  return value.normalize('NFKC').trim();
}

/** Reads one data row; null (reported) when its cell count differs from the header's. */
export function readRow(
  record: CsvRecord,
  columns: CsvColumns,
  soFar: RowsSoFar,
  errors: CsvIssue[],
): RowReading | null {
  const line = record.line;
  if (record.fields.length !== columns.count) {
    errors.push(
      issueAt(
        line,
        `列の数（${record.fields.length}列）がヘッダー（${columns.count}列）と違います。カンマを含む値は "…" で囲んでください。`,
      ),
    );
    return null;
  }
  const before = errors.length;
  const row = rowOf(record, columns, errors);
  const id = readEmployeeId(row, soFar);
  const name = row.required('氏名');
  const kana = readKana(row);
  const sectionCode = readSection(row, soFar);
  const aadObjectId = readUnique(row, 'aadObjectId', soFar.aadLines);
  const upn = readUnique(row, 'UPN', soFar.upnLines);
  const phone = readPhone(row, '電話', '06-6630-3001');
  const mobile = readPhone(row, '携帯', '090-0000-1001');
  const roles = readRoles(row, id, name, sectionCode);
  const valid = errors.length === before;
  const person: Person | null =
    valid &&
    id !== null &&
    name !== null &&
    kana !== null &&
    sectionCode !== null &&
    aadObjectId !== null &&
    upn !== null
      ? {
          id,
          aadObjectId,
          upn,
          name,
          kana,
          sectionCode,
          title: row.get('役職'),
          phone,
          mobile,
          isChiefOfficer: roles.isChiefOfficer,
          isItAdmin: roles.isItAdmin,
        }
      : null;
  return { line, person, ...roles };
}

function rowOf(record: CsvRecord, columns: CsvColumns, errors: CsvIssue[]): Row {
  const line = record.line;
  const get = (col: DirectoryCsvColumn): string => {
    const idx = columns.index.get(col);
    return idx === undefined ? '' : (record.fields[idx] ?? '').trim().replace(ESCAPED_FORMULA, '');
  };
  const fail = (message: string, column?: DirectoryCsvColumn): void => {
    errors.push(issueAt(line, message, column));
  };
  const required = (col: DirectoryCsvColumn): string | null => {
    const v = get(col);
    if (v !== '') return v;
    fail(`「${col}」が空です。入力してください。`, col);
    return null;
  };
  return { line, get, required, fail };
}

/** 職員番号. A duplicate is reported but still returned, so the row's roles are still checked. */
function readEmployeeId(row: Row, soFar: RowsSoFar): string | null {
  const raw = row.required('職員番号');
  if (raw === null) return null;
  const id = nfkc(raw);
  if (!EMPLOYEE_ID_RE.test(id)) {
    row.fail('「職員番号」は半角英数字とハイフン（1〜20文字）で入力してください（例: E1001）。', '職員番号');
    return null;
  }
  const first = soFar.idLines.get(id);
  if (first !== undefined) {
    row.fail(
      `「職員番号」${id} が ${first}行目と重複しています。職員ごとに別の番号にしてください。`,
      '職員番号',
    );
  } else {
    soFar.idLines.set(id, row.line);
  }
  return id;
}

function readKana(row: Row): string | null {
  const raw = row.required('氏名カナ');
  if (raw === null) return null;
  const kana = nfkc(raw).replace(/[ \u3000]+/g, ' ');
  if (KANA_RE.test(kana)) return kana;
  row.fail('「氏名カナ」は全角カタカナと空白だけで入力してください（例: ヤマダ ハナコ）。', '氏名カナ');
  return null;
}

/** 課コード, 課名, 上位課コード; registers the section. Returns the row's valid 課コード. */
function readSection(row: Row, soFar: RowsSoFar): string | null {
  let code = row.required('課コード');
  if (code !== null) {
    code = nfkc(code);
    if (!SECTION_CODE_RE.test(code)) {
      row.fail('「課コード」は半角英数字とハイフン（1〜10文字）で入力してください（例: 210）。', '課コード');
      code = null;
    }
  }
  const name = row.required('課名');
  const parentCode = readParentCode(row);
  if (code !== null && !soFar.sectionFirstLine.has(code)) soFar.sectionFirstLine.set(code, row.line);
  if (code !== null && name !== null && parentCode !== undefined) {
    registerSection(row, soFar, { code, name, parentCode, line: row.line });
  }
  return code;
}

/** 上位課コード: null for a top-level section, undefined (reported) when malformed. */
function readParentCode(row: Row): string | null | undefined {
  const parent = nfkc(row.get('上位課コード'));
  if (parent === '') return null;
  if (SECTION_CODE_RE.test(parent)) return parent;
  row.fail(
    '「上位課コード」は半角英数字とハイフン（1〜10文字）で入力するか、最上位の課なら空欄にしてください。',
    '上位課コード',
  );
  return undefined;
}

/** Every row of a 課コード must repeat its first row's 課名 and 上位課コード. */
function registerSection(row: Row, soFar: RowsSoFar, def: SectionDef): void {
  const first = soFar.sectionDefs.get(def.code);
  if (!first) {
    soFar.sectionDefs.set(def.code, def);
    return;
  }
  if (first.name !== def.name) {
    row.fail(
      `課コード ${def.code} の「課名」（${def.name}）が ${first.line}行目（${first.name}）と違います。同じ課コードには同じ課名を入力してください。`,
      '課名',
    );
  }
  if (first.parentCode !== def.parentCode) {
    row.fail(
      `課コード ${def.code} の「上位課コード」（${def.parentCode ?? '空欄'}）が ${first.line}行目（${first.parentCode ?? '空欄'}）と違います。同じ課コードには同じ上位課コードを入力してください。`,
      '上位課コード',
    );
  }
}

/** aadObjectId or UPN: well-formed and unique (both compared lower-case). */
function readUnique(row: Row, col: 'aadObjectId' | 'UPN', firstLines: Map<string, number>): string | null {
  const raw = row.required(col);
  if (raw === null) return null;
  const value = nfkc(raw).toLowerCase();
  if (!(col === 'aadObjectId' ? GUID_RE : UPN_RE).test(value)) {
    row.fail(
      col === 'aadObjectId'
        ? '「aadObjectId」が GUID の形式ではありません（例: 6f1c2a0e-3b4d-4e5f-8a9b-0c1d2e3f4a5b）。Entra ID のオブジェクト ID を入力してください。'
        : '「UPN」がメールアドレスの形式ではありません（例: h.yamada@osaka-env.example.jp）。',
      col,
    );
    return null;
  }
  const first = firstLines.get(value);
  if (first === undefined) {
    firstLines.set(value, row.line);
    return value;
  }
  row.fail(
    col === 'aadObjectId'
      ? `「aadObjectId」が ${first}行目と重複しています。職員ごとに本人のオブジェクト ID を入力してください。`
      : `「UPN」${value} が ${first}行目と重複しています（大文字・小文字は区別しません）。`,
    col,
  );
  return null;
}

function readPhone(row: Row, col: '電話' | '携帯', example: string): string {
  const v = nfkc(row.get(col));
  if (v !== '' && (!PHONE_RE.test(v) || !/[0-9]/.test(v))) {
    row.fail(
      `「${col}」に使えない文字があります。数字・ハイフン・括弧・+・空白だけで入力してください（例: ${example}）。`,
      col,
    );
  }
  return v;
}

type RoleToken =
  { kind: 'chief' } | { kind: 'itAdmin' } | { kind: 'section'; role: TargetedRole; targets: string[] };

/** 役割: the organisation-wide roles and the section-role claims of the row. */
function readRoles(
  row: Row,
  id: string | null,
  name: string | null,
  sectionCode: string | null,
): Pick<RowReading, 'claims' | 'isChiefOfficer' | 'isItAdmin'> {
  const result: Pick<RowReading, 'claims' | 'isChiefOfficer' | 'isItAdmin'> = {
    claims: [],
    isChiefOfficer: false,
    isItAdmin: false,
  };
  for (const rawToken of nfkc(row.get('役割')).split(ROLE_SEPARATOR_RE)) {
    const token = rawToken.trim();
    if (token === '') continue;
    const read = readRoleToken(row, token, sectionCode);
    if (read === null) continue;
    if (read.kind === 'chief') result.isChiefOfficer = true;
    else if (read.kind === 'itAdmin') result.isItAdmin = true;
    else if (id !== null && name !== null) {
      result.claims.push({
        role: read.role,
        token,
        targets: read.targets,
        personId: id,
        personName: name,
        line: row.line,
      });
    }
  }
  return result;
}

/** One 役割 token; null when it is reported, or names no section because the 課コード is bad. */
function readRoleToken(row: Row, token: string, sectionCode: string | null): RoleToken | null {
  const colon = token.indexOf(':');
  const roleName = (colon === -1 ? token : token.slice(0, colon)).trim();
  const targetText = colon === -1 ? null : token.slice(colon + 1);
  if (!(DIRECTORY_CSV_ROLES as readonly string[]).includes(roleName)) {
    row.fail(
      `「役割」の「${token}」は使えません。${DIRECTORY_CSV_ROLES.join('・')} のいずれかを「;」区切りで入力してください（例: 課責任者;上席者:210/220）。`,
      '役割',
    );
    return null;
  }
  if (roleName === '統括' || roleName === 'IT管理者') {
    if (targetText === null) return { kind: roleName === '統括' ? 'chief' : 'itAdmin' };
    row.fail(
      `「役割」の「${roleName}」には対象の課を付けられません（組合全体の役割です）。「${roleName}」とだけ入力してください。`,
      '役割',
    );
    return null;
  }
  const role = TARGETED_ROLES.find((r) => r === roleName);
  if (role === undefined) return null; // unreachable: every other role is targeted
  if (targetText === null) {
    // Own section; a bad 課コード is already reported.
    return sectionCode === null ? null : { kind: 'section', role, targets: [sectionCode] };
  }
  const targets = targetText.split('/').map((t) => t.trim());
  if (targets.every((t) => SECTION_CODE_RE.test(t))) return { kind: 'section', role, targets };
  row.fail(
    `「役割」の「${token}」の対象の課コードが正しくありません。「${role}:210/220」のように課コードを「/」で区切って入力してください。`,
    '役割',
  );
  return null;
}
