// Proposing the contact directory (緊急連絡網, 6ウ) from Microsoft Graph users. Pure: the current
// directory and what Graph says in; a proposed directory and a report out. Nothing is written here
// or by the caller: the IT管理者 reviews the proposal (the staged import shows its diff) and confirms.
//
// What comes from Graph, and what cannot:
// - From Graph, when it has a value: 氏名 (displayName), UPN (userPrincipalName), 役職 (jobTitle),
//   電話 (the first businessPhones entry), 携帯 (mobilePhone), 課 (department → 課コード, by the
//   DEPARTMENT_MAP file or else by the exact 課名). An empty Graph value never erases what the
//   directory has: a phone number missing from a 連絡網 is worse than a stale one.
// - Kept from the directory: 職員番号 (the id cases refer to), 氏名カナ (Graph has no reading),
//   the sections, their roles (課責任者, 代理者, 上席者), 統括 and IT管理者 (not in Graph).
// - People are matched by aadObjectId (Graph `id`) only; employeeId only numbers a new person.
//
// Decisions (reported, never silent):
// - A person Graph no longer lists, or whose account is disabled, is removed — unless they hold a
//   role. A role holder stays, unchanged, with an 'action' note: dropping them would leave a
//   section without its 課責任者 (which the import rejects) or quietly re-route reports and
//   escalations. The IT管理者 hands the role on; the next sync then removes them.
// - A new user is added only with an employeeId (their 職員番号), a department that maps to a
//   section and a 氏名カナ, which the CSV requires (row-rules.ts) and Graph lacks: given in
//   `kana`, else the user is listed in `needsKana` to be completed by hand.
// - A section without a 上席者 gets its 課責任者's manager, proposed for review. Manager chains are
//   reported per section; a 上席者 who is not the officer's manager is reported for review.
// - A change that would leave a section with no member is withheld: the CSV cannot express an
//   empty section, and removing a section is the IT管理者's decision.
import { msg, type Msg } from '../i18n';
import { rolesOf, type Directory, type Person, type RoleCode, type Section } from './directory';
import { EMPLOYEE_ID_RE, KANA_RE, PHONE_RE, UPN_RE } from './directory-csv/row-rules';

/** One Graph user, as the reader normalised it (nulls become '' / [] / null). */
export interface GraphDirectoryUser {
  /** Entra object id, lower case. */
  id: string;
  displayName: string;
  userPrincipalName: string;
  department: string;
  jobTitle: string;
  businessPhones: string[];
  mobilePhone: string;
  employeeId: string;
  /** null when Graph did not say; only `false` counts as disabled. */
  accountEnabled: boolean | null;
  /** The manager's object id (`$expand=manager($select=id)`), null when none is set. */
  managerId: string | null;
}

export interface GraphSyncOptions {
  /** Department (as departmentKey normalises it) → 課コード. */
  departmentMap?: ReadonlyMap<string, string>;
  /** 氏名カナ of new users, by aadObjectId (lower case), e.g. from a completed needs-kana file. */
  kana?: ReadonlyMap<string, string>;
}

export const SYNC_NOTE_LEVELS = ['action', 'review', 'change', 'info'] as const;
/** action: the IT管理者 must act; review: check before confirming; change: what the proposal changes. */
export type SyncNoteLevel = (typeof SYNC_NOTE_LEVELS)[number];

export interface SyncNote {
  level: SyncNoteLevel;
  code: string;
  /** 職員番号, Graph user id, 課コード or department the note is about. */
  subject: string;
  message: Msg;
}

export interface ManagerChainLink {
  aadObjectId: string;
  /** The directory's 職員番号, null when the manager is not in the proposal. */
  personId: string | null;
  name: string;
}

export interface ManagerChain {
  sectionCode: string;
  /** The section's 課責任者 first, then each manager upwards (at most MAX_CHAIN links). */
  links: ManagerChainLink[];
  /** The chain came back to someone already in it. */
  cycle: boolean;
}

export interface GraphSyncProposal {
  directory: Directory;
  /** New users who would be added once their 氏名カナ is known (kana ''). */
  needsKana: Person[];
  notes: SyncNote[];
  managerChains: ManagerChain[];
  counts: {
    graphUsers: number;
    matched: number;
    updated: number;
    moved: number;
    added: number;
    removed: number;
    roleHoldersKept: number;
    skipped: number;
    needsKana: number;
    superiorsProposed: number;
  };
}

type Field = 'name' | 'upn' | 'title' | 'phone' | 'mobile';
const FIELDS: readonly Field[] = ['name', 'upn', 'title', 'phone', 'mobile'];
const MAX_CHAIN = 10;

const nfkc = (s: string) => s.normalize('NFKC').trim();

/** How departments and section names are compared: NFKC, trimmed, inner white space collapsed. */
export function departmentKey(department: string): string {
  return nfkc(department).replace(/\s+/g, ' ');
}

const personLabel = (p: Pick<Person, 'id' | 'name'>) => msg('graphSync.person', { name: p.name, id: p.id });
const userLabel = (u: GraphDirectoryUser) =>
  msg('graphSync.user', { name: u.displayName.trim() || u.id, upn: u.userPrincipalName || u.id });
const sectionLabel = (s: Section) => msg('graphSync.section', { code: s.code, name: s.name });
const roleLabels = (roles: readonly RoleCode[]) => roles.map((r) => msg(`graphSync.role.${r}`));

type Resolution = { code: string } | { problem: Msg };

/** Department → section: the map first, else the one section of exactly that name. */
function sectionResolver(
  sections: readonly Section[],
  map: ReadonlyMap<string, string>,
  note: (n: SyncNote) => void,
): (department: string) => Resolution {
  const byCode = new Map(sections.map((s) => [s.code, s]));
  const byName = new Map<string, Section[]>();
  for (const s of sections) {
    const key = departmentKey(s.name);
    byName.set(key, [...(byName.get(key) ?? []), s]);
  }
  const reported = new Set<string>();
  const once = (key: string, n: SyncNote) => {
    if (reported.has(key)) return;
    reported.add(key);
    note(n);
  };
  return (department) => {
    const key = departmentKey(department);
    if (key === '') return { problem: msg('graphSync.reason.no_department') };
    const mapped = map.get(key);
    if (mapped !== undefined) {
      if (byCode.has(mapped)) return { code: mapped };
      once(key, {
        level: 'action',
        code: 'department_map_unknown_section',
        subject: key,
        message: msg('graphSync.note.department_map_unknown_section', { department: key, code: mapped }),
      });
      return { problem: msg('graphSync.reason.map_unknown_section', { department: key, code: mapped }) };
    }
    const named = byName.get(key) ?? [];
    if (named.length === 1) return { code: named[0]!.code };
    if (named.length > 1) {
      once(key, {
        level: 'action',
        code: 'department_ambiguous',
        subject: key,
        message: msg('graphSync.note.department_ambiguous', {
          department: key,
          sections: named.map(sectionLabel),
        }),
      });
      return { problem: msg('graphSync.reason.department_ambiguous', { department: key }) };
    }
    return { problem: msg('graphSync.reason.unmapped_department', { department: key }) };
  };
}

/** A phone as the CSV stores it (NFKC), '' when Graph has none, undefined when the CSV would refuse it. */
function phoneOf(raw: string): string | undefined {
  const v = nfkc(raw);
  if (v === '') return '';
  return PHONE_RE.test(v) && /[0-9]/.test(v) ? v : undefined;
}

interface ExistingDraft {
  before: Person;
  person: Person;
  user: GraphDirectoryUser | undefined;
  /** Why the person would leave the directory; undefined = stays. */
  leaving: 'disabled' | 'vanished' | undefined;
  roles: RoleCode[];
  /** The person is in the proposal (a role holder who leaves stays). */
  kept: boolean;
}

/**
 * The directory Graph suggests, starting from the current one, with every decision reported.
 * `users` is everything Graph listed (all pages).
 */
export function proposeDirectoryFromGraph(
  current: Directory,
  users: readonly GraphDirectoryUser[],
  opts: GraphSyncOptions = {},
): GraphSyncProposal {
  const notes: SyncNote[] = [];
  const note = (n: SyncNote) => notes.push(n);
  const byAad = new Map(users.map((u) => [u.id.toLowerCase(), u]));
  const resolve = sectionResolver(current.sections, opts.departmentMap ?? new Map(), note);
  const sectionByCode = new Map(current.sections.map((s) => [s.code, s]));
  const emptyInGraph = new Map<Field, Msg[]>();

  // 1. The people of the current directory.
  const drafts: ExistingDraft[] = current.people.map((before) => {
    const user = byAad.get(before.aadObjectId.toLowerCase());
    const leaving = !user ? 'vanished' : user.accountEnabled === false ? 'disabled' : undefined;
    const roles = rolesOf(current, before.id);
    if (leaving) return { before, person: before, user, leaving, roles, kept: roles.length > 0 };
    return { before, person: updatedPerson(before, user!), user, leaving, roles, kept: true };
  });

  function updatedPerson(p: Person, u: GraphDirectoryUser): Person {
    const next: Person = { ...p };
    const fromGraph: Record<Field, string> = {
      name: u.displayName.trim(),
      upn: nfkc(u.userPrincipalName).toLowerCase(),
      title: u.jobTitle.trim(),
      phone: u.businessPhones.find((x) => x.trim() !== '') ?? '',
      mobile: u.mobilePhone,
    };
    for (const field of FIELDS) {
      let value: string | undefined = fromGraph[field];
      if (field === 'phone' || field === 'mobile') value = phoneOf(value);
      else if (field === 'upn' && value !== '' && !UPN_RE.test(value)) value = undefined;
      if (value === undefined) {
        note({
          level: 'review',
          code: 'value_invalid',
          subject: p.id,
          message: msg('graphSync.note.value_invalid', {
            person: personLabel(p),
            field: msg(`graphSync.field.${field}`),
            value: fromGraph[field],
            kept: p[field] || msg('graphSync.value.empty'),
          }),
        });
      } else if (value === '') {
        if (p[field] !== '') emptyInGraph.set(field, [...(emptyInGraph.get(field) ?? []), personLabel(p)]);
      } else {
        next[field] = value;
      }
    }
    const resolution = resolve(u.department);
    if ('code' in resolution) next.sectionCode = resolution.code;
    else
      note({
        level: 'review',
        code: 'department_unmapped',
        subject: p.id,
        message: msg('graphSync.note.department_unmapped', {
          person: personLabel(p),
          reason: resolution.problem,
          section: sectionLabel(sectionByCode.get(p.sectionCode)!),
        }),
      });
    const employeeId = nfkc(u.employeeId);
    if (employeeId !== '' && employeeId !== p.id)
      note({
        level: 'review',
        code: 'employee_id_differs',
        subject: p.id,
        message: msg('graphSync.note.employee_id_differs', { person: personLabel(p), employeeId }),
      });
    return next;
  }

  // 2. UPNs stay unique: a changed UPN already held by someone else reverts (until nothing changes).
  const inProposal = () => drafts.filter((d) => d.kept);
  for (let changed = true; changed;) {
    changed = false;
    const fixed = new Set(
      inProposal()
        .filter((d) => d.person.upn === d.before.upn)
        .map((d) => d.person.upn),
    );
    const seen = new Map<string, number>();
    for (const d of inProposal())
      if (d.person.upn !== d.before.upn) seen.set(d.person.upn, (seen.get(d.person.upn) ?? 0) + 1);
    for (const d of inProposal()) {
      if (d.person.upn === d.before.upn) continue;
      if (fixed.has(d.person.upn) || (seen.get(d.person.upn) ?? 0) > 1) {
        note({
          level: 'review',
          code: 'upn_conflict',
          subject: d.before.id,
          message: msg('graphSync.note.upn_conflict', {
            person: personLabel(d.before),
            upn: d.person.upn,
            kept: d.before.upn,
          }),
        });
        d.person = { ...d.person, upn: d.before.upn };
        changed = true;
      }
    }
  }

  // 3. New users: enabled, not in the directory.
  const takenIds = new Map(current.people.map((p) => [p.id, p]));
  const takenUpns = new Set([...current.people.map((p) => p.upn), ...inProposal().map((d) => d.person.upn)]);
  const newIdCount = new Map<string, number>();
  const matched = new Set(drafts.map((d) => d.user));
  const candidates = users.filter((u) => !matched.has(u) && u.accountEnabled !== false);
  for (const u of candidates) {
    const id = nfkc(u.employeeId);
    if (id !== '') newIdCount.set(id, (newIdCount.get(id) ?? 0) + 1);
  }
  const added: Person[] = [];
  const needsKana: Person[] = [];
  let skipped = 0;
  for (const u of candidates) {
    const skip = (reason: Msg) => {
      skipped++;
      note({
        level: 'action',
        code: 'new_user_skipped',
        subject: u.id,
        message: msg('graphSync.note.new_user_skipped', { user: userLabel(u), reason }),
      });
    };
    const name = u.displayName.trim();
    const id = nfkc(u.employeeId);
    const upn = nfkc(u.userPrincipalName).toLowerCase();
    if (name === '') {
      skip(msg('graphSync.reason.no_name'));
      continue;
    }
    if (id === '') {
      skip(msg('graphSync.reason.no_employee_id'));
      continue;
    }
    if (!EMPLOYEE_ID_RE.test(id)) {
      skip(msg('graphSync.reason.invalid_employee_id', { employeeId: id }));
      continue;
    }
    const holder = takenIds.get(id);
    if (holder) {
      skip(msg('graphSync.reason.employee_id_taken', { employeeId: id, person: personLabel(holder) }));
      continue;
    }
    if ((newIdCount.get(id) ?? 0) > 1) {
      skip(msg('graphSync.reason.employee_id_duplicate', { employeeId: id }));
      continue;
    }
    if (!UPN_RE.test(upn)) {
      skip(msg('graphSync.reason.invalid_upn', { upn }));
      continue;
    }
    if (takenUpns.has(upn)) {
      skip(msg('graphSync.reason.upn_taken', { upn }));
      continue;
    }
    const resolution = resolve(u.department);
    if (!('code' in resolution)) {
      skip(resolution.problem);
      continue;
    }
    const phones = { phone: u.businessPhones.find((x) => x.trim() !== '') ?? '', mobile: u.mobilePhone };
    const person: Person = {
      id,
      aadObjectId: u.id.toLowerCase(),
      upn,
      name,
      kana: '',
      sectionCode: resolution.code,
      title: u.jobTitle.trim(),
      phone: '',
      mobile: '',
      isChiefOfficer: false,
      isItAdmin: false,
    };
    for (const field of ['phone', 'mobile'] as const) {
      const v = phoneOf(phones[field]);
      if (v !== undefined) person[field] = v;
      else
        note({
          level: 'review',
          code: 'value_invalid',
          subject: id,
          message: msg('graphSync.note.value_invalid', {
            person: personLabel(person),
            field: msg(`graphSync.field.${field}`),
            value: phones[field],
            kept: msg('graphSync.value.empty'),
          }),
        });
    }
    const section = sectionByCode.get(person.sectionCode)!;
    const kana = opts.kana?.get(person.aadObjectId);
    const readKana = kana === undefined ? '' : nfkc(kana).replace(/[ \u3000]+/g, ' ');
    if (readKana !== '' && KANA_RE.test(readKana)) {
      added.push({ ...person, kana: readKana });
      takenUpns.add(upn);
    } else if (kana !== undefined && readKana !== '') {
      skip(msg('graphSync.reason.invalid_kana', { kana }));
    } else {
      needsKana.push(person);
      note({
        level: 'action',
        code: 'new_user_needs_kana',
        subject: u.id,
        message: msg('graphSync.note.new_user_needs_kana', {
          person: personLabel(person),
          upn,
          section: sectionLabel(section),
        }),
      });
    }
  }

  // 4. No section may end up empty: withhold the moves out of it, else the removals from it.
  const withheld = new Set<ExistingDraft>();
  for (;;) {
    const members = new Map<string, number>();
    for (const p of [...inProposal().map((d) => d.person), ...added])
      members.set(p.sectionCode, (members.get(p.sectionCode) ?? 0) + 1);
    const empty = current.sections.find((s) => !members.has(s.code));
    if (!empty) break;
    const movedOut = inProposal().filter(
      (d) => d.before.sectionCode === empty.code && d.person.sectionCode !== empty.code,
    );
    const targets =
      movedOut.length > 0 ? movedOut : drafts.filter((d) => !d.kept && d.before.sectionCode === empty.code);
    if (targets.length === 0) break; // unreachable for a directory the CSV parser returned
    for (const d of targets) {
      if (d.kept) {
        note({
          level: 'review',
          code: 'move_withheld',
          subject: d.before.id,
          message: msg('graphSync.note.move_withheld', {
            person: personLabel(d.before),
            from: sectionLabel(empty),
            to: sectionLabel(sectionByCode.get(d.person.sectionCode)!),
          }),
        });
        d.person = { ...d.person, sectionCode: empty.code };
      } else {
        withheld.add(d);
        d.kept = true;
      }
    }
  }

  // 5. What happens to each person of the current directory.
  let updated = 0;
  let moved = 0;
  let removed = 0;
  let roleHoldersKept = 0;
  for (const d of drafts) {
    const who = personLabel(d.before);
    if (d.leaving) {
      const reason = msg(`graphSync.reason.${d.leaving}`);
      if (withheld.has(d)) {
        note({
          level: 'review',
          code: 'removal_withheld',
          subject: d.before.id,
          message: msg('graphSync.note.removal_withheld', {
            person: who,
            reason,
            section: sectionLabel(sectionByCode.get(d.before.sectionCode)!),
          }),
        });
      } else if (d.kept) {
        roleHoldersKept++;
        note({
          level: 'action',
          code: 'role_holder_kept',
          subject: d.before.id,
          message: msg('graphSync.note.role_holder_kept', {
            person: who,
            reason,
            roles: roleLabels(d.roles),
          }),
        });
      } else {
        removed++;
        note({
          level: 'change',
          code: 'person_removed',
          subject: d.before.id,
          message: msg('graphSync.note.person_removed', { person: who, reason }),
        });
      }
      continue;
    }
    const fields = FIELDS.filter((f) => d.person[f] !== d.before[f]);
    if (fields.length > 0) {
      updated++;
      note({
        level: 'change',
        code: 'person_updated',
        subject: d.before.id,
        message: msg('graphSync.note.person_updated', {
          person: who,
          changes: fields.map((f) =>
            msg('graphSync.change', {
              field: msg(`graphSync.field.${f}`),
              from: d.before[f] || msg('graphSync.value.empty'),
              to: d.person[f],
            }),
          ),
        }),
      });
    }
    if (d.person.sectionCode !== d.before.sectionCode) {
      moved++;
      const from = sectionLabel(sectionByCode.get(d.before.sectionCode)!);
      const to = sectionLabel(sectionByCode.get(d.person.sectionCode)!);
      note({
        level: 'change',
        code: 'person_moved',
        subject: d.before.id,
        message: msg('graphSync.note.person_moved', { person: who, from, to }),
      });
      if (d.roles.length > 0)
        note({
          level: 'review',
          code: 'role_holder_moved',
          subject: d.before.id,
          message: msg('graphSync.note.role_holder_moved', {
            person: who,
            roles: roleLabels(d.roles),
            from,
            to,
          }),
        });
    }
  }
  for (const p of added)
    note({
      level: 'change',
      code: 'person_added',
      subject: p.id,
      message: msg('graphSync.note.person_added', {
        person: personLabel(p),
        section: sectionLabel(sectionByCode.get(p.sectionCode)!),
      }),
    });
  for (const [field, people] of emptyInGraph)
    note({
      level: 'info',
      code: 'graph_value_empty',
      subject: field,
      message: msg('graphSync.note.graph_value_empty', { field: msg(`graphSync.field.${field}`), people }),
    });

  // 6. The proposal, people grouped in section order (so the CSV reads back the same sections).
  const sectionIndex = new Map(current.sections.map((s, i) => [s.code, i]));
  const people = [...inProposal().map((d) => d.person), ...added]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => sectionIndex.get(a.p.sectionCode)! - sectionIndex.get(b.p.sectionCode)! || a.i - b.i)
    .map((x) => x.p);
  const sections = current.sections.map((s) => ({ ...s }));

  // 7. Managers: a missing 上席者 proposed, chains reported.
  const personByAad = new Map(people.map((p) => [p.aadObjectId.toLowerCase(), p]));
  const personById = new Map(people.map((p) => [p.id, p]));
  const managerChains: ManagerChain[] = [];
  let superiorsProposed = 0;
  for (const s of sections) {
    const officer = s.officerId === null ? undefined : personById.get(s.officerId);
    if (!officer) continue;
    const officerUser = byAad.get(officer.aadObjectId.toLowerCase());
    const chain = managerChain(officer, officerUser, byAad, personByAad);
    if (chain) managerChains.push({ sectionCode: s.code, ...chain });
    const manager = chain?.links[1];
    const managerPerson = manager?.personId ? personById.get(manager.personId) : undefined;
    if (s.superiorId === null) {
      if (managerPerson && managerPerson.id !== officer.id) {
        s.superiorId = managerPerson.id;
        superiorsProposed++;
        note({
          level: 'review',
          code: 'superior_proposed',
          subject: s.code,
          message: msg('graphSync.note.superior_proposed', {
            section: sectionLabel(s),
            officer: personLabel(officer),
            superior: personLabel(managerPerson),
          }),
        });
      } else {
        const reason =
          !officerUser || officerUser.accountEnabled === false
            ? msg('graphSync.reason.officer_not_in_graph')
            : !manager
              ? msg('graphSync.reason.no_manager')
              : !managerPerson
                ? msg('graphSync.reason.manager_not_in_directory', { manager: manager.name })
                : msg('graphSync.reason.manager_is_officer');
        note({
          level: 'review',
          code: 'superior_not_found',
          subject: s.code,
          message: msg('graphSync.note.superior_not_found', {
            section: sectionLabel(s),
            officer: personLabel(officer),
            reason,
          }),
        });
      }
    } else if (manager && manager.personId !== s.superiorId) {
      const superior = personById.get(s.superiorId);
      note({
        level: 'review',
        code: 'superior_differs_from_manager',
        subject: s.code,
        message: msg('graphSync.note.superior_differs_from_manager', {
          section: sectionLabel(s),
          officer: personLabel(officer),
          superior: superior ? personLabel(superior) : s.superiorId,
          manager: managerPerson
            ? personLabel(managerPerson)
            : msg('graphSync.outside', { name: manager.name }),
        }),
      });
    }
  }
  for (const c of managerChains) {
    const section = sectionByCode.get(c.sectionCode)!;
    note({
      level: 'info',
      code: 'manager_chain',
      subject: c.sectionCode,
      message: msg('graphSync.note.manager_chain', {
        section: sectionLabel(section),
        chain: chainMessage(c),
      }),
    });
  }

  notes.sort((a, b) => SYNC_NOTE_LEVELS.indexOf(a.level) - SYNC_NOTE_LEVELS.indexOf(b.level));
  return {
    directory: { sections, people },
    needsKana,
    notes,
    managerChains,
    counts: {
      graphUsers: users.length,
      matched: drafts.filter((d) => d.user && !d.leaving).length,
      updated,
      moved,
      added: added.length,
      removed,
      roleHoldersKept,
      skipped,
      needsKana: needsKana.length,
      superiorsProposed,
    },
  };
}

/** The officer and their managers upwards; undefined when Graph does not list the officer. */
function managerChain(
  officer: Person,
  officerUser: GraphDirectoryUser | undefined,
  byAad: ReadonlyMap<string, GraphDirectoryUser>,
  personByAad: ReadonlyMap<string, Person>,
): Pick<ManagerChain, 'links' | 'cycle'> | undefined {
  if (!officerUser || officerUser.accountEnabled === false) return undefined;
  const links: ManagerChainLink[] = [
    { aadObjectId: officerUser.id.toLowerCase(), personId: officer.id, name: officer.name },
  ];
  let next = officerUser.managerId?.toLowerCase() ?? null;
  while (next !== null && links.length < MAX_CHAIN) {
    if (links.some((l) => l.aadObjectId === next)) return { links, cycle: true };
    const person = personByAad.get(next);
    const user = byAad.get(next);
    links.push({
      aadObjectId: next,
      personId: person?.id ?? null,
      name: person?.name ?? (user?.displayName.trim() || next),
    });
    next = user?.managerId?.toLowerCase() ?? null;
  }
  return { links, cycle: false };
}

function chainMessage(c: ManagerChain): Msg {
  const label = (l: ManagerChainLink): Msg =>
    l.personId !== null
      ? msg('graphSync.person', { name: l.name, id: l.personId })
      : msg('graphSync.outside', { name: l.name });
  let m: Msg = c.cycle
    ? msg('graphSync.chainCycle', { last: label(c.links.at(-1)!) })
    : label(c.links.at(-1)!);
  for (let i = c.links.length - 2; i >= 0; i--)
    m = msg('graphSync.chainLink', { from: label(c.links[i]!), to: m });
  return m;
}
