// Who performs, sees and configures a duty (定期業務). Pure functions of the directory, deny by
// default. The owner is the section's officer (the articles bind the 課情報セキュリティ責任者); their
// deputy — while the officer is absent, or when the section has no officer — is the organisation's
// rule (運用ルール), as everywhere in this bot.
import { OPERATING_RULE, type Citation } from './articles';
import type { Directory } from './directory';
import { ORGANISATION_DEFAULT } from './duty-calendar';
import type { DutyStatus } from './duties';

export interface DutyOwner {
  personId: string;
  role: 'section_officer' | 'deputy' | 'chief_officer';
  /** Why this person is asked: the duty's articles for the officer, 運用ルール for the stand-ins. */
  article: readonly Citation[];
}

/**
 * Whom the reminder of a section's duty goes to: the officer; also the deputy while the officer is
 * absent; the deputy alone when there is no officer; 統括 when the section has neither (so a duty
 * is never reminded to nobody).
 */
export function dutyOwners(
  dir: Directory,
  sectionCode: string,
  dutyArticles: readonly Citation[],
  absent: ReadonlySet<string>,
): DutyOwner[] {
  const known = (id: string | null | undefined): id is string =>
    typeof id === 'string' && dir.people.some((p) => p.id === id);
  const s = dir.sections.find((x) => x.code === sectionCode);
  const out: DutyOwner[] = [];
  if (s && known(s.officerId))
    out.push({ personId: s.officerId, role: 'section_officer', article: dutyArticles });
  const officerAway = !s || !known(s.officerId) || absent.has(s.officerId);
  if (s && officerAway && known(s.deputyId) && s.deputyId !== s.officerId)
    out.push({ personId: s.deputyId, role: 'deputy', article: [OPERATING_RULE] });
  if (out.length === 0)
    for (const p of dir.people.filter((x) => x.isChiefOfficer).sort((a, b) => a.id.localeCompare(b.id)))
      out.push({ personId: p.id, role: 'chief_officer', article: [OPERATING_RULE] });
  return out;
}

/** The sections whose duties the person performs: where they are officer or deputy. */
export function dutySections(dir: Directory, personId: string): string[] {
  return dir.sections
    .filter((s) => s.officerId === personId || s.deputyId === personId)
    .map((s) => s.code)
    .sort();
}

export type DutyDenyReason = 'not_found' | 'not_keeper' | 'not_open';

/** Completing: only the officer or deputy of THAT section, and only while it is open. */
export function mayCompleteDuty(
  dir: Directory,
  personId: string,
  d: { sectionCode: string; status: DutyStatus } | undefined,
): { ok: true } | { ok: false; reason: DutyDenyReason } {
  if (!d) return { ok: false, reason: 'not_found' };
  if (!dutySections(dir, personId).includes(d.sectionCode)) return { ok: false, reason: 'not_keeper' };
  if (d.status !== 'open') return { ok: false, reason: 'not_open' };
  return { ok: true };
}

/** Seeing a duty: its section's officer and deputy, and 統括 (who sees the whole calendar). */
export function mayViewDuty(dir: Directory, personId: string, d: { sectionCode: string }): boolean {
  const p = dir.people.find((x) => x.id === personId);
  if (!p) return false;
  return p.isChiefOfficer || dutySections(dir, personId).includes(d.sectionCode);
}

/** 「今月の定期業務」: 統括 sees all sections; an officer or deputy their own; nobody else anything. */
export function dutyCalendarScope(
  dir: Directory,
  personId: string,
): { ok: true; sections: string[] | 'all' } | { ok: false } {
  const p = dir.people.find((x) => x.id === personId);
  if (!p) return { ok: false };
  if (p.isChiefOfficer) return { ok: true, sections: 'all' };
  const own = dutySections(dir, personId);
  return own.length > 0 ? { ok: true, sections: own } : { ok: false };
}

/**
 * Setting a cycle (運用ルール): the organisation's default by 統括 or IT管理者; a section's own by
 * that section's officer (or 統括 / IT管理者).
 */
export function maySetDutyCycle(dir: Directory, personId: string, sectionCode: string): boolean {
  const p = dir.people.find((x) => x.id === personId);
  if (!p) return false;
  if (p.isChiefOfficer || p.isItAdmin) return true;
  if (sectionCode === ORGANISATION_DEFAULT) return false;
  return dir.sections.some((s) => s.code === sectionCode && s.officerId === personId);
}
