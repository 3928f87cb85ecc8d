// 13(3): guidance to a member of staff whose conduct breaks the policy, and — when the guidance does
// not bring improvement — suspension or revocation of their rights to use the systems. Pure rules:
// who may record, who may see, what an entry may say, and what follows on the improve-by date.
//
// The standard gives both steps to the section officer (課情報セキュリティ責任者) of the member. Who
// else sees the record: 統括 supervises the officers (12(5)②ア's 監督、指導 and 13(1)'s report), so
// 統括 sees every entry; the member sees their own; nobody else (deny by default). The deputy acting
// for the officer is the organisation's rule (運用ルール), as everywhere in the bot.
import type { Directory } from './directory';
import { parseIsoDate, type IsoDate } from './policy/jst';
import { cleanText } from './text';

export const GUIDANCE_STATUSES = ['guided', 'improved', 'suspended'] as const;
export type GuidanceStatus = (typeof GUIDANCE_STATUSES)[number];

export const SUSPENSION_KINDS = ['suspend', 'revoke'] as const;
export type SuspensionKind = (typeof SUSPENSION_KINDS)[number];

export interface GuidanceEntry {
  id: number;
  sectionCode: string;
  memberId: string;
  officerId: string;
  rule: string;
  guidance: string;
  improveBy: IsoDate;
  status: GuidanceStatus;
  /** Set when the rights were suspended or revoked (13(3) second sentence). */
  suspension: { kind: SuspensionKind; systems: string; from: IsoDate; by: string } | null;
}

export type GuidanceDeny = 'unknown_actor' | 'own_record' | 'not_officer_of_member' | 'no_need_to_know';

/** Whether the actor is the officer, or the deputy, of the section. */
function officerSideOf(dir: Directory, actorId: string, sectionCode: string): boolean {
  const s = dir.sections.find((x) => x.code === sectionCode);
  return s !== undefined && (s.officerId === actorId || s.deputyId === actorId);
}

/** The sections whose members the actor may guide (officer or deputy of them). */
export function guidanceSections(dir: Directory, actorId: string): string[] {
  return dir.sections
    .filter((s) => s.officerId === actorId || s.deputyId === actorId)
    .map((s) => s.code)
    .sort();
}

/**
 * 13(3): only the section officer of the member (or the deputy, 運用ルール) records guidance and its
 * outcome; never about themself.
 */
export function mayGuide(
  dir: Directory,
  actorId: string,
  memberId: string,
): { ok: true; sectionCode: string } | { ok: false; reason: GuidanceDeny } {
  if (!dir.people.some((p) => p.id === actorId)) return { ok: false, reason: 'unknown_actor' };
  if (actorId === memberId) return { ok: false, reason: 'own_record' };
  const member = dir.people.find((p) => p.id === memberId);
  if (!member || !officerSideOf(dir, actorId, member.sectionCode))
    return { ok: false, reason: 'not_officer_of_member' };
  return { ok: true, sectionCode: member.sectionCode };
}

/** Deciding the outcome of an entry: the officer side of the entry's section, not the member. */
export function mayDecideGuidance(
  dir: Directory,
  actorId: string,
  entry: Pick<GuidanceEntry, 'sectionCode' | 'memberId'>,
): { ok: true } | { ok: false; reason: GuidanceDeny } {
  if (!dir.people.some((p) => p.id === actorId)) return { ok: false, reason: 'unknown_actor' };
  if (actorId === entry.memberId) return { ok: false, reason: 'own_record' };
  if (!officerSideOf(dir, actorId, entry.sectionCode)) return { ok: false, reason: 'not_officer_of_member' };
  return { ok: true };
}

export type GuidanceViewer = 'chief_officer' | 'officer' | 'member';

/** Who may read an entry: 統括, the officer side of its section, the member (own only); nobody else. */
export function mayViewGuidance(
  dir: Directory,
  viewerId: string,
  entry: Pick<GuidanceEntry, 'sectionCode' | 'memberId'>,
): { ok: true; as: GuidanceViewer } | { ok: false; reason: GuidanceDeny } {
  const viewer = dir.people.find((p) => p.id === viewerId);
  if (!viewer) return { ok: false, reason: 'unknown_actor' };
  if (viewer.isChiefOfficer) return { ok: true, as: 'chief_officer' };
  if (officerSideOf(dir, viewerId, entry.sectionCode) && viewerId !== entry.memberId)
    return { ok: true, as: 'officer' };
  if (viewerId === entry.memberId) return { ok: true, as: 'member' };
  return { ok: false, reason: 'no_need_to_know' };
}

export const GUIDANCE_TEXT_MAX = 2000;
export const GUIDANCE_RULE_MAX = 300;

export type GuidanceInputError = 'member' | 'rule' | 'guidance' | 'improve_by' | 'systems' | 'from' | 'kind';

export interface GuidanceInput {
  memberId: string;
  rule: string;
  guidance: string;
  improveBy: IsoDate;
}

function textOf(v: unknown, max: number): string | null {
  if (typeof v !== 'string') return null;
  const s = cleanText(v).trim();
  return s === '' || s.length > max ? null : s;
}

/** Reads the officer's form: member, rule broken, guidance given, improve-by date (today or later). */
export function parseGuidanceInput(
  raw: Record<string, unknown>,
  today: IsoDate,
): { ok: true; value: GuidanceInput } | { ok: false; errors: GuidanceInputError[] } {
  const errors: GuidanceInputError[] = [];
  const memberId =
    typeof raw.memberId === 'string' && /^[A-Za-z0-9_-]{1,50}$/.test(raw.memberId) ? raw.memberId : null;
  if (!memberId) errors.push('member');
  const rule = textOf(raw.rule, GUIDANCE_RULE_MAX);
  if (!rule) errors.push('rule');
  const guidance = textOf(raw.guidance, GUIDANCE_TEXT_MAX);
  if (!guidance) errors.push('guidance');
  const improveBy = typeof raw.improveBy === 'string' ? parseIsoDate(raw.improveBy) : null;
  if (!improveBy || improveBy < today) errors.push('improve_by');
  if (errors.length > 0 || !memberId || !rule || !guidance || !improveBy) return { ok: false, errors };
  return { ok: true, value: { memberId, rule, guidance, improveBy } };
}

/** Reads the suspension: suspend or revoke, which systems, from when (13(3) second sentence). */
export function parseSuspensionInput(
  raw: Record<string, unknown>,
):
  | { ok: true; value: { kind: SuspensionKind; systems: string; from: IsoDate } }
  | { ok: false; errors: GuidanceInputError[] } {
  const errors: GuidanceInputError[] = [];
  const kind =
    raw.suspensionKind === 'suspend' || raw.suspensionKind === 'revoke' ? raw.suspensionKind : null;
  if (!kind) errors.push('kind');
  const systems = textOf(raw.systems, GUIDANCE_RULE_MAX);
  if (!systems) errors.push('systems');
  const from = typeof raw.from === 'string' ? parseIsoDate(raw.from) : null;
  if (!from) errors.push('from');
  if (errors.length > 0 || !kind || !systems || !from) return { ok: false, errors };
  return { ok: true, value: { kind, systems, from } };
}

/** The improve-by check is asked on the date, at 09:00 JST (運用ルール: the hour). */
export function guidanceDueAt(improveBy: IsoDate): Date {
  return new Date(`${improveBy}T00:00:00Z`);
}
