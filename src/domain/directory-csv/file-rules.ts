// Rules over the whole file, once every row is read: the section hierarchy, who holds which section
// role, and the organisation-wide roles. Sections are derived from the rows.

import type { Section } from '../directory';
import { ROLE_FIELD, issueAt, type CsvIssue, type SectionRoleField } from './format';
import type { RoleClaim, RowReading, RowsSoFar, SectionDef } from './row-rules';

interface Holder {
  personId: string;
  personName: string;
  line: number;
}
type Holders = Record<SectionRoleField, Holder[]>;

const ROLE_LABEL: Record<SectionRoleField, string> = {
  officerId: '課責任者',
  deputyId: '代理者',
  superiorId: '上席者',
};

export interface FileRulesInput {
  soFar: RowsSoFar;
  readings: readonly RowReading[];
  /** Whether the header has a 役割 column (whole-file role problems then name it). */
  hasRoleColumn: boolean;
}

/** Applies the whole-file rules and returns the sections (meaningful only if no error was added). */
export function applyFileRules(input: FileRulesInput, errors: CsvIssue[], warnings: CsvIssue[]): Section[] {
  const { soFar, readings } = input;
  checkParentsExist(soFar, errors);
  checkNoCycles(soFar.sectionDefs, errors);
  const holders = assignSectionRoles(
    readings.flatMap((r) => r.claims),
    soFar,
    errors,
  );
  const sections: Section[] = [];
  for (const [code, firstLine] of soFar.sectionFirstLine) {
    const def = soFar.sectionDefs.get(code);
    const h = holders.get(code) ?? emptyHolders();
    checkSectionRoles(sectionLabel(code, def?.name), firstLine, h, errors, warnings);
    if (def) {
      sections.push({
        code,
        name: def.name,
        parentCode: def.parentCode,
        officerId: h.officerId[0]?.personId ?? null,
        deputyId: h.deputyId[0]?.personId ?? null,
        superiorId: h.superiorId[0]?.personId ?? null,
      });
    }
  }
  checkOrganisationRoles(readings, input.hasRoleColumn, errors);
  return sections;
}

function sectionLabel(code: string, name: string | undefined): string {
  return name ? `課 ${code}（${name}）` : `課 ${code}`;
}

function emptyHolders(): Holders {
  return { officerId: [], deputyId: [], superiorId: [] };
}

/** Every 上位課コード names a section some row defines. */
function checkParentsExist(soFar: RowsSoFar, errors: CsvIssue[]): void {
  for (const def of soFar.sectionDefs.values()) {
    if (def.parentCode !== null && !soFar.sectionFirstLine.has(def.parentCode)) {
      errors.push(
        issueAt(
          def.line,
          `「上位課コード」${def.parentCode} の課がありません。いずれかの行の「課コード」にある課を指定するか、最上位の課なら空欄にしてください。`,
          '上位課コード',
        ),
      );
    }
  }
}

/** No section is its own ancestor; each cycle is reported once, on the last line it involves. */
function checkNoCycles(defs: ReadonlyMap<string, SectionDef>, errors: CsvIssue[]): void {
  const reported = new Set<string>();
  for (const start of defs.values()) {
    const path: string[] = [];
    let code: string | null = start.code;
    while (code !== null && !path.includes(code)) {
      path.push(code);
      code = defs.get(code)?.parentCode ?? null;
    }
    if (code === null) continue;
    const cycle = path.slice(path.indexOf(code));
    const key = [...cycle].sort().join(',');
    if (reported.has(key)) continue;
    reported.add(key);
    const lastLine = Math.max(...cycle.map((c) => defs.get(c)?.line ?? 0));
    errors.push(
      issueAt(
        lastLine,
        `課の上下関係が循環しています（${[...cycle, code].join(' → ')}）。「上位課コード」を見直してください。`,
        '上位課コード',
      ),
    );
  }
}

/** The holders of each section role, in file order; a claim on an unknown section is reported. */
function assignSectionRoles(
  claims: readonly RoleClaim[],
  soFar: RowsSoFar,
  errors: CsvIssue[],
): Map<string, Holders> {
  const bySection = new Map<string, Holders>();
  for (const claim of claims) {
    for (const target of claim.targets) {
      if (!soFar.sectionFirstLine.has(target)) {
        errors.push(
          issueAt(
            claim.line,
            `「役割」の「${claim.token}」の課コード ${target} の課がありません。いずれかの行の「課コード」にある課を指定してください。`,
            '役割',
          ),
        );
        continue;
      }
      let holders = bySection.get(target);
      if (!holders) bySection.set(target, (holders = emptyHolders()));
      const list = holders[ROLE_FIELD[claim.role]];
      if (!list.some((c) => c.personId === claim.personId)) {
        list.push({ personId: claim.personId, personName: claim.personName, line: claim.line });
      }
    }
  }
  return bySection;
}

/**
 * One section: exactly one 課責任者 (7), at most one 代理者 and 上席者, and the 代理者 is
 * not the 課責任者. A missing 代理者 or 上席者 is only a warning. Every section here has at least
 * one member row, the one at `firstLine`.
 */
function checkSectionRoles(
  label: string,
  firstLine: number,
  h: Holders,
  errors: CsvIssue[],
  warnings: CsvIssue[],
): void {
  for (const field of ['officerId', 'deputyId', 'superiorId'] as const) {
    const [first, ...extras] = h[field];
    const hint =
      field === 'officerId' ? '課責任者は1つの課に1名です。' : `${ROLE_LABEL[field]}は1つの課に1名までです。`;
    for (const extra of first ? extras : []) {
      errors.push(
        issueAt(
          extra.line,
          `${label}の「${ROLE_LABEL[field]}」が2名います（${first?.line}行目の${first?.personName}と${extra.line}行目の${extra.personName}）。${hint}どちらか一方の「役割」から外してください。`,
          '役割',
        ),
      );
    }
  }
  if (h.officerId.length === 0) {
    errors.push(
      issueAt(
        firstLine,
        `${label}に「課責任者」がいません。所属の職員のうち1名の「役割」に「課責任者」を入力してください。`,
        '役割',
        '7',
      ),
    );
  }
  for (const d of h.deputyId) {
    if (h.officerId.some((o) => o.personId === d.personId)) {
      errors.push(
        issueAt(
          d.line,
          `${d.personName}は${label}の課責任者なので、同じ課の「代理者」にはなれません。代理者には別の職員を指定してください。`,
          '役割',
        ),
      );
    }
  }
  if (h.deputyId.length === 0) {
    warnings.push(
      issueAt(
        firstLine,
        `${label}に「代理者」がいません。課責任者が不在のときに代わりに対応する職員がいません。`,
        '役割',
      ),
    );
  }
  if (h.superiorId.length === 0) {
    warnings.push(
      issueAt(
        firstLine,
        `${label}に「上席者」がいません。至急の報告で連絡がつかないときのエスカレーション先がありません。`,
        '役割',
        '12(5)②オ',
      ),
    );
  }
}

/** At least one 統括 and one IT管理者, counted on every row read (valid or not). */
function checkOrganisationRoles(
  readings: readonly RowReading[],
  hasRoleColumn: boolean,
  errors: CsvIssue[],
): void {
  const column = hasRoleColumn ? '役割' : undefined;
  if (!readings.some((r) => r.isChiefOfficer)) {
    errors.push(
      issueAt(
        0,
        '「役割」が「統括」の職員がいません。統括情報セキュリティ責任者を1名以上指定してください。',
        column,
      ),
    );
  }
  if (!readings.some((r) => r.isItAdmin)) {
    errors.push(
      issueAt(
        0,
        '「役割」が「IT管理者」の職員がいません。緊急連絡網を管理する IT管理者を1名以上指定してください。',
        column,
        '6ウ',
      ),
    );
  }
}
