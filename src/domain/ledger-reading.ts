// Who may read the ledgers, and which rows: a pure function of the directory, tested like acting
// (authorization.ts). Deny by default: a person reads ledgers only through one of the grants below.
// - 統括 (chief officer) reads every section: the section officers report to them (13(1)) and they
//   decide exceptions (12(6)①) and receive incident and failure reports (12(5)①イ, 12(5)②イ).
// - IT管理者 reads every section: they take part in failure and incident handling across sections
//   (12(5)①ウ, 12(5)②ケ) and keep the systems the records are about.
// - A section officer (課情報セキュリティ責任者) keeps the records of their own section(s) (10(4)⑥,
//   12(5)①オ, 12(5)②カ, 8(3)②); their 代理者 reads the same sections (運用ルール: the deputy stands
//   in for the officer, reading needs no absence).
// Everyone else — staff, a superior who is not an officer — is refused; the caller audits it.
import type { Directory } from './directory';
import { addDays, parseIsoDate, startOfJstDay, type IsoDate } from './policy/jst';
import type { LedgerQuery } from './ledgers';

export type LedgerReadingAs = 'chief_officer' | 'it_admin' | 'section_officer' | 'deputy';
export type LedgerDenyReason = 'unknown_reader' | 'no_ledger_role' | 'section_not_in_scope';

export type LedgerScope = { ok: true; as: LedgerReadingAs; sections: readonly string[] | 'all' };
export type LedgerReadResult = LedgerScope | { ok: false; reason: LedgerDenyReason };

/** The sections whose ledgers `personId` may read, or why they may read none. */
export function mayReadLedgers(dir: Directory, personId: string): LedgerReadResult {
  const p = dir.people.find((x) => x.id === personId);
  if (!p) return { ok: false, reason: 'unknown_reader' };
  if (p.isChiefOfficer) return { ok: true, as: 'chief_officer', sections: 'all' };
  if (p.isItAdmin) return { ok: true, as: 'it_admin', sections: 'all' };
  const officerOf = dir.sections.filter((s) => s.officerId === personId).map((s) => s.code);
  const deputyOf = dir.sections.filter((s) => s.deputyId === personId).map((s) => s.code);
  const sections = [...new Set([...officerOf, ...deputyOf])].sort();
  if (sections.length === 0) return { ok: false, reason: 'no_ledger_role' };
  return { ok: true, as: officerOf.length > 0 ? 'section_officer' : 'deputy', sections };
}

/**
 * Narrows a scope to one section when asked for (the CLI's --section, a filter): a section outside
 * the reader's scope is refused rather than silently widened or emptied.
 */
export function narrowToSection(scope: LedgerScope, section: string | undefined): LedgerReadResult {
  if (section === undefined) return scope;
  if (scope.sections !== 'all' && !scope.sections.includes(section))
    return { ok: false, reason: 'section_not_in_scope' };
  return { ...scope, sections: [section] };
}

/** A period as people give it: Japan calendar dates, both inclusive. */
export interface JstPeriod {
  from?: IsoDate;
  to?: IsoDate;
}

/**
 * The half-open UTC bounds of a JST period: from 00:00 JST of `from` (inclusive) to 00:00 JST of
 * the day after `to` (exclusive). Null when a date is not a calendar date or the period is reversed.
 */
export function ledgerBounds(p: JstPeriod): Pick<LedgerQuery, 'from' | 'to'> | null {
  if (p.from !== undefined && parseIsoDate(p.from) === null) return null;
  if (p.to !== undefined && parseIsoDate(p.to) === null) return null;
  if (p.from !== undefined && p.to !== undefined && p.to < p.from) return null;
  return {
    ...(p.from !== undefined ? { from: startOfJstDay(p.from).toISOString() } : {}),
    ...(p.to !== undefined ? { to: startOfJstDay(addDays(p.to, 1)).toISOString() } : {}),
  };
}
