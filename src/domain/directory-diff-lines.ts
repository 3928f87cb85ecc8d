// A directory diff as messages (rendered in the reader's language by the CLI and the Teams card):
// one summary line with the counts, and one line per change, grouped by kind in a fixed order.
import { msg, type Msg } from '../i18n';
import {
  diffCounts,
  type DiffKind,
  type DirectoryDiff,
  type RoleGrant,
  type RoleLossOnOpenCases,
  type SectionRef,
} from './directory-diff';

/** The kinds in the order they are shown. */
export const DIFF_KINDS: readonly DiffKind[] = [
  'added',
  'removed',
  'moved',
  'changed',
  'roles',
  'sectionsAdded',
  'sectionsRemoved',
  'sectionsRenamed',
  'sectionsReparented',
];

export interface DiffLine {
  kind: DiffKind;
  text: Msg;
}

const section = (s: SectionRef | null): Msg =>
  s === null ? msg('dirAdmin.diff.topLevel') : msg('dirAdmin.diff.section', { name: s.name, code: s.code });

export function grantText(g: RoleGrant): Msg {
  if (!('sectionCode' in g)) return msg(`dirAdmin.role.${g.role}`);
  return msg('dirAdmin.role.ofSection', {
    section: section({ code: g.sectionCode, name: g.sectionName }),
    role: msg(`dirAdmin.role.${g.role}`),
  });
}

const value = (v: string): Msg | string => (v === '' ? msg('dirAdmin.diff.empty') : v);

/** Every change, one line each, kinds in DIFF_KINDS order and each kind in the diff's own order. */
export function diffLines(diff: DirectoryDiff): DiffLine[] {
  const lines: DiffLine[] = [];
  const push = (kind: DiffKind, text: Msg) => lines.push({ kind, text });
  for (const p of diff.people.added)
    push('added', msg('dirAdmin.diff.added', { id: p.id, name: p.name, section: section(p.section) }));
  for (const p of diff.people.removed)
    push('removed', msg('dirAdmin.diff.removed', { id: p.id, name: p.name, section: section(p.section) }));
  for (const p of diff.people.moved)
    push(
      'moved',
      msg('dirAdmin.diff.moved', { id: p.id, name: p.name, from: section(p.from), to: section(p.section) }),
    );
  for (const p of diff.people.changed)
    push(
      'changed',
      msg('dirAdmin.diff.changed', {
        id: p.id,
        name: p.name,
        changes: p.changes.map((c) =>
          msg('dirAdmin.diff.fieldChange', {
            field: msg(`dirAdmin.field.${c.field}`),
            before: value(c.before),
            after: value(c.after),
          }),
        ),
      }),
    );
  for (const r of diff.roles) {
    const parts: Msg[] = [];
    if (r.lost.length > 0) parts.push(msg('dirAdmin.diff.rolesLost', { roles: r.lost.map(grantText) }));
    if (r.gained.length > 0) parts.push(msg('dirAdmin.diff.rolesGained', { roles: r.gained.map(grantText) }));
    push('roles', msg('dirAdmin.diff.roles', { id: r.id, name: r.name, parts }));
  }
  for (const s of diff.sections.added)
    push(
      'sectionsAdded',
      msg('dirAdmin.diff.sectionAdded', { section: section(s), parent: section(s.parent) }),
    );
  for (const s of diff.sections.removed)
    push('sectionsRemoved', msg('dirAdmin.diff.sectionRemoved', { section: section(s) }));
  for (const s of diff.sections.renamed)
    push(
      'sectionsRenamed',
      msg('dirAdmin.diff.sectionRenamed', { code: s.code, before: s.before, after: s.after }),
    );
  for (const s of diff.sections.reparented)
    push(
      'sectionsReparented',
      msg('dirAdmin.diff.sectionReparented', {
        section: section(s),
        before: section(s.before),
        after: section(s.after),
      }),
    );
  return lines;
}

/** 「追加 2 名、削除 1 名、…」: the kinds with changes, or 「変更はありません」. */
export function diffSummary(diff: DirectoryDiff): Msg {
  const counts = diffCounts(diff);
  const parts = DIFF_KINDS.filter((k) => counts[k] > 0).map((k) =>
    msg(`dirAdmin.count.${k}`, { n: counts[k] }),
  );
  return parts.length === 0 ? msg('dirAdmin.diff.none') : msg('dirAdmin.diff.summary', { parts });
}

/** The title of a kind (card headings). */
export function diffKindTitle(kind: DiffKind): Msg {
  return msg(`dirAdmin.kind.${kind}`);
}

/** 「E1002 佐藤 健一: 総務課（210）の課責任者 を外れます — 対応中の案件 INC-2026-0001」 */
export function roleLossLine(l: RoleLossOnOpenCases): Msg {
  return msg(l.removed ? 'dirAdmin.loss.removed' : 'dirAdmin.loss.roles', {
    id: l.id,
    name: l.name,
    roles: l.lost.length > 0 ? l.lost.map(grantText) : msg('dirAdmin.diff.empty'),
    cases: l.caseIds,
  });
}
