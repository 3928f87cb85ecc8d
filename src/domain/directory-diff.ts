// What an import of the contact directory (緊急連絡網, 6ウ) would change, before it is applied: people
// added, removed, moved to another section, their contact fields changed, roles gained or lost, and
// sections added, removed, renamed or re-parented. Pure and deterministic: every list is sorted
// (people by 職員番号, sections by 課コード, roles in ROLE_CODES order then by section), so the
// same two directories always give the same diff, card and CLI output.
import { ROLE_CODES, type Directory, type Person, type RoleCode, type Section } from './directory';

/** The fields of a person compared as "contact data" (the section is a move, roles are roles). */
export const CONTACT_FIELDS = ['name', 'kana', 'upn', 'aadObjectId', 'title', 'phone', 'mobile'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export type SectionRoleCode = Extract<RoleCode, 'section_officer' | 'deputy' | 'superior'>;
const SECTION_ROLE_FIELD = {
  section_officer: 'officerId',
  deputy: 'deputyId',
  superior: 'superiorId',
} as const satisfies Record<SectionRoleCode, keyof Section>;
const SECTION_ROLES = Object.keys(SECTION_ROLE_FIELD) as SectionRoleCode[];

/** A role held: of one section (課責任者, 代理者, 上席者) or of the whole organisation (統括, IT管理者). */
export type RoleGrant =
  | { role: SectionRoleCode; sectionCode: string; sectionName: string }
  | { role: Extract<RoleCode, 'chief_officer' | 'it_admin'> };

export interface SectionRef {
  code: string;
  name: string;
}
export interface PersonRef {
  id: string;
  name: string;
  section: SectionRef;
}

export interface DirectoryDiff {
  people: {
    added: PersonRef[];
    removed: PersonRef[];
    /** `section` is the new one. */
    moved: Array<PersonRef & { from: SectionRef }>;
    changed: Array<{
      id: string;
      name: string;
      changes: Array<{ field: ContactField; before: string; after: string }>;
    }>;
  };
  /** Everyone whose roles differ, including people added (gains) and removed (losses). */
  roles: Array<{ id: string; name: string; gained: RoleGrant[]; lost: RoleGrant[] }>;
  sections: {
    added: Array<SectionRef & { parent: SectionRef | null }>;
    removed: SectionRef[];
    renamed: Array<{ code: string; before: string; after: string }>;
    reparented: Array<SectionRef & { before: SectionRef | null; after: SectionRef | null }>;
  };
}

export type DiffKind =
  | 'added'
  | 'removed'
  | 'moved'
  | 'changed'
  | 'roles'
  | 'sectionsAdded'
  | 'sectionsRemoved'
  | 'sectionsRenamed'
  | 'sectionsReparented';

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Roles of a person in `dir`, in ROLE_CODES order, section roles by 課コード. */
export function roleGrants(dir: Directory, personId: string): RoleGrant[] {
  const person = dir.people.find((p) => p.id === personId);
  return grantsOf(person, sortedSections(dir), personId);
}

const sortedSections = (dir: Directory) => [...dir.sections].sort((a, b) => byKey(a.code, b.code));

/**
 * `roleGrants` for every person of one directory: the people indexed and the sections sorted once
 * (a diff asks for each of 10,000 people; a search per person made it quadratic).
 */
function roleGrantsIndex(dir: Directory): (personId: string) => RoleGrant[] {
  const people = new Map<string, Person>();
  for (const p of dir.people) if (!people.has(p.id)) people.set(p.id, p); // the first, as `find`
  const sections = sortedSections(dir);
  return (personId) => grantsOf(people.get(personId), sections, personId);
}

function grantsOf(person: Person | undefined, sections: readonly Section[], personId: string): RoleGrant[] {
  const grants: RoleGrant[] = [];
  for (const role of ROLE_CODES) {
    if (role === 'chief_officer' || role === 'it_admin') {
      if (person && (role === 'chief_officer' ? person.isChiefOfficer : person.isItAdmin))
        grants.push({ role });
      continue;
    }
    for (const s of sections) {
      if (s[SECTION_ROLE_FIELD[role]] === personId)
        grants.push({ role, sectionCode: s.code, sectionName: s.name });
    }
  }
  return grants;
}

/** A stable key of a grant: role and, for a section role, the section. */
export function grantKey(g: RoleGrant): string {
  return 'sectionCode' in g ? `${g.role}:${g.sectionCode}` : g.role;
}

/** Every person holding a section role in `dir` (they appear in `roleGrants` without being in `people`). */
function sectionRoleHolders(dir: Directory): Set<string> {
  const ids = new Set<string>();
  for (const s of dir.sections)
    for (const role of SECTION_ROLES) {
      const id = s[SECTION_ROLE_FIELD[role]];
      if (id !== null) ids.add(id);
    }
  return ids;
}

function sectionRef(dir: Directory, code: string | null): SectionRef | null {
  if (code === null) return null;
  const s = dir.sections.find((x) => x.code === code);
  return { code, name: s?.name ?? code };
}

function personRef(dir: Directory, p: Person): PersonRef {
  return { id: p.id, name: p.name, section: sectionRef(dir, p.sectionCode) as SectionRef };
}

/** The diff from `before` (the directory in force) to `after` (the one to import). */
export function diffDirectories(before: Directory, after: Directory): DirectoryDiff {
  const beforePeople = new Map(before.people.map((p) => [p.id, p]));
  const afterPeople = new Map(after.people.map((p) => [p.id, p]));
  const people = (m: Map<string, Person>) => [...m.values()].sort((a, b) => byKey(a.id, b.id));

  const diff: DirectoryDiff = {
    people: { added: [], removed: [], moved: [], changed: [] },
    roles: [],
    sections: { added: [], removed: [], renamed: [], reparented: [] },
  };

  for (const p of people(afterPeople))
    if (!beforePeople.has(p.id)) diff.people.added.push(personRef(after, p));
  for (const p of people(beforePeople))
    if (!afterPeople.has(p.id)) diff.people.removed.push(personRef(before, p));
  for (const p of people(afterPeople)) {
    const old = beforePeople.get(p.id);
    if (!old) continue;
    if (old.sectionCode !== p.sectionCode)
      diff.people.moved.push({
        ...personRef(after, p),
        from: sectionRef(before, old.sectionCode) as SectionRef,
      });
    const changes = CONTACT_FIELDS.filter((f) => comparable(f, old[f]) !== comparable(f, p[f])).map(
      (field) => ({
        field,
        before: old[field],
        after: p[field],
      }),
    );
    if (changes.length > 0) diff.people.changed.push({ id: p.id, name: p.name, changes });
  }

  const everyone = [
    ...new Set([
      ...beforePeople.keys(),
      ...afterPeople.keys(),
      ...sectionRoleHolders(before),
      ...sectionRoleHolders(after),
    ]),
  ].sort(byKey);
  const grantsBefore = roleGrantsIndex(before);
  const grantsAfter = roleGrantsIndex(after);
  for (const id of everyone) {
    const was = grantsBefore(id);
    const now = grantsAfter(id);
    const wasKeys = new Set(was.map(grantKey));
    const nowKeys = new Set(now.map(grantKey));
    const gained = now.filter((g) => !wasKeys.has(grantKey(g)));
    const lost = was.filter((g) => !nowKeys.has(grantKey(g)));
    if (gained.length === 0 && lost.length === 0) continue;
    const name = afterPeople.get(id)?.name ?? beforePeople.get(id)?.name ?? id;
    diff.roles.push({ id, name, gained, lost });
  }

  const beforeSections = new Map(before.sections.map((s) => [s.code, s]));
  const afterSections = new Map(after.sections.map((s) => [s.code, s]));
  const codes = [...new Set([...beforeSections.keys(), ...afterSections.keys()])].sort(byKey);
  for (const code of codes) {
    const old = beforeSections.get(code);
    const now = afterSections.get(code);
    if (!old && now) {
      diff.sections.added.push({ code, name: now.name, parent: sectionRef(after, now.parentCode) });
    } else if (old && !now) {
      diff.sections.removed.push({ code, name: old.name });
    } else if (old && now) {
      if (old.name !== now.name) diff.sections.renamed.push({ code, before: old.name, after: now.name });
      if (old.parentCode !== now.parentCode)
        diff.sections.reparented.push({
          code,
          name: now.name,
          before: sectionRef(before, old.parentCode),
          after: sectionRef(after, now.parentCode),
        });
    }
  }
  return diff;
}

/** The directory stores UPN and aadObjectId lower-case; a difference in case only is no change. */
function comparable(field: ContactField, value: string): string {
  return field === 'upn' || field === 'aadObjectId' ? value.toLowerCase() : value;
}

/** How many entries of each kind the diff has. */
export function diffCounts(diff: DirectoryDiff): Record<DiffKind, number> {
  return {
    added: diff.people.added.length,
    removed: diff.people.removed.length,
    moved: diff.people.moved.length,
    changed: diff.people.changed.length,
    roles: diff.roles.length,
    sectionsAdded: diff.sections.added.length,
    sectionsRemoved: diff.sections.removed.length,
    sectionsRenamed: diff.sections.renamed.length,
    sectionsReparented: diff.sections.reparented.length,
  };
}

export function isEmptyDiff(diff: DirectoryDiff): boolean {
  return Object.values(diffCounts(diff)).every((n) => n === 0);
}

/**
 * The directory as one canonical text (sections by 課コード, people by 職員番号, fixed field order,
 * UPN and aadObjectId lower-case): equal texts are equal directories, whatever the file's row order.
 * Hashed, it tells whether the directory in force changed between staging an import and applying it.
 */
export function canonicalDirectory(dir: Directory): string {
  const sections = [...dir.sections]
    .sort((a, b) => byKey(a.code, b.code))
    .map((s) => [s.code, s.name, s.parentCode, s.officerId, s.deputyId, s.superiorId]);
  const people = [...dir.people]
    .sort((a, b) => byKey(a.id, b.id))
    .map((p) => [
      p.id,
      p.aadObjectId.toLowerCase(),
      p.upn.toLowerCase(),
      p.name,
      p.kana,
      p.sectionCode,
      p.title,
      p.phone,
      p.mobile,
      p.isChiefOfficer,
      p.isItAdmin,
    ]);
  return JSON.stringify({ sections, people });
}

/** Someone who loses a role (or leaves the directory) while open cases are theirs or routed to them. */
export interface RoleLossOnOpenCases {
  id: string;
  name: string;
  lost: RoleGrant[];
  /** Not in the new directory at all. */
  removed: boolean;
  /** Open cases with this person as assignee or recipient, by case id. */
  caseIds: string[];
}

/**
 * People who lose a role — or leave the directory — and are the assignee of, or were routed, open
 * cases: those cases may then wait for nobody. `openCases` lists each open case with everyone it is
 * with (assignee and recipients). Sorted by 職員番号, case ids sorted.
 */
export function roleLossesOnOpenCases(
  diff: DirectoryDiff,
  openCases: ReadonlyArray<{ id: string; personIds: readonly string[] }>,
): RoleLossOnOpenCases[] {
  const casesOf = new Map<string, Set<string>>();
  for (const c of openCases)
    for (const pid of c.personIds) {
      const set = casesOf.get(pid) ?? new Set<string>();
      set.add(c.id);
      casesOf.set(pid, set);
    }
  const removed = new Map(diff.people.removed.map((p) => [p.id, p]));
  const losers = new Map<string, { name: string; lost: RoleGrant[] }>();
  for (const r of diff.roles) if (r.lost.length > 0) losers.set(r.id, { name: r.name, lost: r.lost });
  for (const p of removed.values()) if (!losers.has(p.id)) losers.set(p.id, { name: p.name, lost: [] });
  const out: RoleLossOnOpenCases[] = [];
  for (const id of [...losers.keys()].sort(byKey)) {
    const cases = casesOf.get(id);
    if (!cases || cases.size === 0) continue;
    const l = losers.get(id) as { name: string; lost: RoleGrant[] };
    out.push({ id, name: l.name, lost: l.lost, removed: removed.has(id), caseIds: [...cases].sort(byKey) });
  }
  return out;
}
