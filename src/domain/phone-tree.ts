// The printable phone tree (連絡網, 6ウ): the fallback when Teams itself is down. 統括 and the IT管理者
// first (12(5)②エ: 統括 has all staff informed through the IT管理者), then every section in hierarchy
// order — parents before their sub-sections — each with its officer, deputy and superior (who may
// sit in another section) and then its members. Pure: the directory in, rows out.
import type { Directory, Person, Section } from './directory';

export type PhoneTreeRole = 'section_officer' | 'deputy' | 'superior' | 'member';

export interface PhoneTreeRow {
  role: PhoneTreeRole;
  /** Null: the section has nobody in this role (shown as such on paper, so the gap is seen). */
  person: Person | null;
  /** The person's own section when it is not this one (a superior from the parent section). */
  elsewhere: Section | null;
}

export interface PhoneTreeSection {
  section: Section;
  parent: Section | null;
  /** 0 for a top-level section. */
  depth: number;
  rows: PhoneTreeRow[];
}

export interface PhoneTree {
  chiefOfficers: Person[];
  itAdmins: Person[];
  sections: PhoneTreeSection[];
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Members by kana (the order a list is read in), then 職員番号. */
const byKana = (a: Person, b: Person): number => a.kana.localeCompare(b.kana, 'ja') || byKey(a.id, b.id);

/** Sections depth-first from the top, siblings by 課コード; a section whose parent is unknown counts as top-level. */
export function sectionsInHierarchyOrder(dir: Directory): Array<{ section: Section; depth: number }> {
  const codes = new Set(dir.sections.map((s) => s.code));
  const children = new Map<string | null, Section[]>();
  for (const s of dir.sections) {
    const parent = s.parentCode !== null && codes.has(s.parentCode) ? s.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), s]);
  }
  const out: Array<{ section: Section; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const s of [...(children.get(parent) ?? [])].sort((a, b) => byKey(a.code, b.code))) {
      if (seen.has(s.code)) continue; // the CSV rules forbid cycles; never loop on one anyway
      seen.add(s.code);
      out.push({ section: s, depth });
      visit(s.code, depth + 1);
    }
  };
  visit(null, 0);
  // Sections only reachable through a cycle: listed last rather than dropped.
  for (const s of [...dir.sections].sort((a, b) => byKey(a.code, b.code)))
    if (!seen.has(s.code)) out.push({ section: s, depth: 0 });
  return out;
}

export function buildPhoneTree(dir: Directory): PhoneTree {
  const people = new Map(dir.people.map((p) => [p.id, p]));
  const sections = new Map(dir.sections.map((s) => [s.code, s]));
  const sorted = [...dir.people].sort((a, b) => byKey(a.id, b.id));
  const holder = (s: Section, id: string | null, role: PhoneTreeRole): PhoneTreeRow => {
    const person = id === null ? null : (people.get(id) ?? null);
    const elsewhere =
      person && person.sectionCode !== s.code ? (sections.get(person.sectionCode) ?? null) : null;
    return { role, person, elsewhere };
  };
  return {
    chiefOfficers: sorted.filter((p) => p.isChiefOfficer),
    itAdmins: sorted.filter((p) => p.isItAdmin),
    sections: sectionsInHierarchyOrder(dir).map(({ section: s, depth }) => {
      const leaders = new Set([s.officerId, s.deputyId, s.superiorId]);
      const members = dir.people.filter((p) => p.sectionCode === s.code && !leaders.has(p.id)).sort(byKana);
      return {
        section: s,
        parent: s.parentCode === null ? null : (sections.get(s.parentCode) ?? null),
        depth,
        rows: [
          holder(s, s.officerId, 'section_officer'),
          holder(s, s.deputyId, 'deputy'),
          holder(s, s.superiorId, 'superior'),
          ...members.map((p) => ({ role: 'member' as const, person: p, elsewhere: null })),
        ],
      };
    }),
  };
}
