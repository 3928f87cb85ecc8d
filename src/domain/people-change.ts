// People change (人事異動・退職): the duties an applied import of the contact directory opens for each
// person it removes or moves (domain/directory-diff.ts). Pure: the caller opens them with openDuty in
// the transaction that applies the import.
//
// - return_devices (10(4)④: 職員 who move or leave return the terminals they used) → the section
//   they LEFT, whose officer takes the devices back.
// - revise_access (11(1)①, 7エ: the officer sets and manages access rights to the section's systems):
//   removed → the old section removes their IDs and rights; moved → the old section removes them and
//   the new section sets them (two instances).
// - ic_card: moved → 10(9)③ (on renewal the old card is collected and physically destroyed) at the
//   section they left. Removed → the card is collected: 10(9)③ speaks only of 更新 (renewal), so
//   collecting a leaver's card is the organisation's own rule and is cited as 運用ルール.
//
// The owner of each instance is the officer of its section in the directory AFTER the import: a
// person who was the officer of the section they left is not asked to take back their own devices.
import type { Citation } from './articles';
import type { Directory } from './directory';
import type { DirectoryDiff, SectionRef } from './directory-diff';
import type { DutyKind, DutyOpening } from './duties';
import { addDays, endOfJstDay, jstDateOf } from './policy/jst';

/** Days from the import to a people-change duty's due date (運用ルール), unless configured. */
export const DEFAULT_PEOPLE_CHANGE_DUE_DAYS = 14;

export type PeopleChange = 'removed' | 'moved';
/** What the instance asks of its section's officer. */
export type PeopleChangeStep = 'return' | 'remove' | 'set' | 'renew' | 'collect';

export interface PeopleChangeOptions {
  /** What opened them (the staged import's id, or the start-up file's digest). */
  importId: string;
  /** When the import was applied: periodKey is its Japan date. */
  at: Date;
  dueDays: number;
}

const sectionText = (s: SectionRef): string => `${s.code} ${s.name}`;

/**
 * Who performs the duties of `sectionCode` after the import: its officer, or — when the directory
 * still names the person the duty is about, or no officer — its deputy (代理者, 運用ルール); '' when
 * neither (the section is gone or has nobody): the engine then escalates to 統括.
 */
export function peopleChangeOwner(after: Directory, sectionCode: string, personId: string): string {
  const s = after.sections.find((x) => x.code === sectionCode);
  if (!s) return '';
  if (s.officerId && s.officerId !== personId) return s.officerId;
  if (s.deputyId && s.deputyId !== personId) return s.deputyId;
  return '';
}

/** The duties an applied import opens, in diff order (removed, then moved; by 職員番号). */
export function peopleChangeDuties(
  diff: DirectoryDiff,
  after: Directory,
  opts: PeopleChangeOptions,
): DutyOpening[] {
  const periodKey = jstDateOf(opts.at);
  const dueAt = endOfJstDay(addDays(periodKey, opts.dueDays)).toISOString();
  const source = { kind: 'directory_import' as const, importId: opts.importId };
  const out: DutyOpening[] = [];
  const add = (
    kind: DutyKind,
    change: PeopleChange,
    step: PeopleChangeStep,
    sectionCode: string,
    person: { id: string; name: string },
    from: SectionRef,
    to: SectionRef | null,
    citations?: readonly Citation[],
  ) => {
    const ownerId = peopleChangeOwner(after, sectionCode, person.id);
    out.push({
      kind,
      sectionCode,
      periodKey,
      subjectKey: person.id,
      subject: {
        change,
        step,
        personId: person.id,
        personName: person.name,
        fromSection: sectionText(from),
        toSection: to ? sectionText(to) : '',
        ownerId,
      },
      dueAt,
      ...(citations ? { citations } : {}),
      source,
    });
  };
  for (const p of diff.people.removed) {
    add('return_devices', 'removed', 'return', p.section.code, p, p.section, null);
    add('revise_access', 'removed', 'remove', p.section.code, p, p.section, null);
    add('ic_card', 'removed', 'collect', p.section.code, p, p.section, null, ['operating_rule']);
  }
  for (const p of diff.people.moved) {
    add('return_devices', 'moved', 'return', p.from.code, p, p.from, p.section);
    add('revise_access', 'moved', 'remove', p.from.code, p, p.from, p.section);
    add('revise_access', 'moved', 'set', p.section.code, p, p.from, p.section);
    add('ic_card', 'moved', 'renew', p.from.code, p, p.from, p.section);
  }
  return out;
}
