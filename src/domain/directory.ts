// Contact directory (緊急連絡網, 対策基準 6ウ): the data model every flow routes by.
// Pure data and pure queries; loading and storing live in services/ and storage/.

export const ROLE_CODES = ['section_officer', 'deputy', 'superior', 'chief_officer', 'it_admin'] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export interface Section {
  /** 課コード, e.g. "110". */
  code: string;
  /** 課名, e.g. "総務課". */
  name: string;
  /** 上位課コード; null for a top-level section (部 or 組合全体). */
  parentCode: string | null;
  /** 課情報セキュリティ責任者 (person id). */
  officerId: string | null;
  /** 代理者 (person id). */
  deputyId: string | null;
  /** 上席者 (person id): the escalation's superior step (運用ルール; 12(5)②オ for an urgent breach). */
  superiorId: string | null;
}

export interface Person {
  /** 職員番号: stable id inside the organisation. */
  id: string;
  /** Microsoft Entra object id: what Teams sends as `from.aadObjectId`. Lower-case GUID. */
  aadObjectId: string;
  /** User principal name (sign-in address). Lower-case. */
  upn: string;
  /** 氏名 (kanji). */
  name: string;
  /** 氏名カナ (full-width katakana). */
  kana: string;
  sectionCode: string;
  /** 役職 (free text, e.g. 課長). */
  title: string;
  /** 内線 / 外線 phone, for out-of-band calls. */
  phone: string;
  /** 携帯 phone. */
  mobile: string;
  isChiefOfficer: boolean;
  isItAdmin: boolean;
}

export interface Directory {
  sections: Section[];
  people: Person[];
}

/** Roles a person holds, derived from the directory. */
export function rolesOf(dir: Directory, personId: string): RoleCode[] {
  const roles = new Set<RoleCode>();
  const p = dir.people.find((x) => x.id === personId);
  if (!p) return [];
  if (p.isChiefOfficer) roles.add('chief_officer');
  if (p.isItAdmin) roles.add('it_admin');
  for (const s of dir.sections) {
    if (s.officerId === personId) roles.add('section_officer');
    if (s.deputyId === personId) roles.add('deputy');
    if (s.superiorId === personId) roles.add('superior');
  }
  return ROLE_CODES.filter((r) => roles.has(r));
}
