// Broadcasts linked to a case or chained to a parent broadcast (issue 10, incident steps): which
// case may start which broadcast, who may start it, whom it reaches, and which links a section
// officer's broadcast to their own staff must carry. Pure: data in, decisions out. Storage and
// sending live in services/case-broadcast-service.ts.
//
// - 12(4)⑤: a case a section officer reported to 統括 as one that may harm the systems → 統括 has the
//   OTHER section officers informed, through IT管理者 (the draft is IT管理者's to send).
// - 12(5)②エ: a breach that is a cyber-attack emergency → 統括 has ALL staff informed, through IT管理者.
// - 12(5)③: after a failure or breach closes, the section officer records cause/risk analysis and the
//   measures, agreed with IT管理者 (協議), reported to 統括; then tells their own staff how to respond.
// - 14(5)/(6): 統括 tells the officers of a revised standard; each officer who acknowledges relays it
//   to their own staff (a broadcast chained to the parent).
// - 14(3): 統括 asks the officers of other sections for the same improvement (answer 「対応済」).
import type { Citation } from './articles';
import type { BroadcastPurpose } from './broadcast';
import { isBreachKind } from './case-articles';
import type { CaseKind, CaseStatus, IncidentKind } from './cases';
import type { Directory } from './directory';

/**
 * The case kinds whose breach may be a cyber-attack emergency (12(5)②エ: 侵害事案がサイバー攻撃等に
 * よる緊急時): malware and an attack by unauthorised access (11(2)⑦). Whether this case is an
 * emergency is 統括's judgment, made with the click.
 */
export const CYBER_EMERGENCY_KINDS: readonly IncidentKind[] = ['virus', 'cyber_attack'];

/**
 * The incidents that concern the information systems (情報システム等に被害が生じるおそれがある事案,
 * 12(4)④⑤): malware, a failure, a leaked password (unauthorised access), a lost terminal or medium.
 * A misdirected mail or a lost IC card is not about the systems.
 */
export const SYSTEM_HARM_KINDS: readonly IncidentKind[] = [
  'virus',
  'system_failure',
  'password_leak',
  'device_lost',
  ...CYBER_EMERGENCY_KINDS.filter((k) => k !== 'virus'),
];

/** 12(5)③ 「障害及び侵害事案」: a failure (12(5)①) or a breach (12(5)②). */
export function isRecurrenceKind(kind: CaseKind): boolean {
  return kind === 'system_failure' || isBreachKind(kind);
}

export function isCyberEmergencyKind(kind: CaseKind): boolean {
  return (CYBER_EMERGENCY_KINDS as readonly string[]).includes(kind);
}

export function isSystemHarmKind(kind: CaseKind): boolean {
  return (SYSTEM_HARM_KINDS as readonly string[]).includes(kind);
}

/** The two broadcasts 統括 starts from a case, each handed to IT管理者. */
export const CASE_BROADCAST_PURPOSES = ['officer_alert', 'cyber_emergency'] as const;
export type CaseBroadcastPurpose = (typeof CASE_BROADCAST_PURPOSES)[number];

export const CASE_BROADCAST_ARTICLE: Readonly<Record<CaseBroadcastPurpose, Citation>> = {
  officer_alert: '12(4)⑤',
  cyber_emergency: '12(5)②エ',
};

/** What a case looks like to these rules. */
export interface LinkedCase {
  id: string;
  kind: CaseKind;
  status: CaseStatus;
  sectionCode: string;
  reportedToChief: boolean;
}

export type CaseBroadcastDeny =
  'unknown_actor' | 'not_chief' | 'not_reported' | 'kind_not_eligible' | 'no_it_admin' | 'no_recipients';

/**
 * May `actorId` start the `purpose` broadcast from this case? Only 統括 (the article binds 統括), only
 * once the officer reported the case to 統括 (「報告を受けたときは」), only for a kind the article
 * names, and only when an IT管理者 exists to send it (「IT管理者を通じ」). Deny by default.
 */
export function mayStartCaseBroadcast(
  dir: Directory,
  actorId: string,
  c: LinkedCase,
  purpose: CaseBroadcastPurpose,
): { ok: true; itAdminId: string } | { ok: false; reason: CaseBroadcastDeny } {
  const actor = dir.people.find((p) => p.id === actorId);
  if (!actor) return { ok: false, reason: 'unknown_actor' };
  if (!actor.isChiefOfficer) return { ok: false, reason: 'not_chief' };
  const eligible = purpose === 'officer_alert' ? isSystemHarmKind(c.kind) : isCyberEmergencyKind(c.kind);
  if (!eligible) return { ok: false, reason: 'kind_not_eligible' };
  if (!c.reportedToChief) return { ok: false, reason: 'not_reported' };
  // IT管理者 in id order; 統括 who is also IT管理者 sends it themself.
  const admins = dir.people.filter((p) => p.isItAdmin).sort((a, b) => a.id.localeCompare(b.id));
  const admin = admins.find((p) => p.id === actorId) ?? admins[0];
  if (!admin) return { ok: false, reason: 'no_it_admin' };
  if (purpose === 'officer_alert' && otherSections(dir, c.sectionCode).length === 0)
    return { ok: false, reason: 'no_recipients' };
  return { ok: true, itAdminId: admin.id };
}

/** The sections other than the case's that have an officer: 12(4)⑤ 「他の課情報セキュリティ責任者」. */
export function otherSections(dir: Directory, caseSection: string): string[] {
  return dir.sections.filter((s) => s.code !== caseSection && s.officerId !== null).map((s) => s.code);
}

// ---------------------------------------------------------------------------------------------
// 12(5)③ recurrence prevention

export const RECURRENCE_STAGES = ['recorded', 'agreed'] as const;
export type RecurrenceStage = (typeof RECURRENCE_STAGES)[number];

export interface Recurrence {
  caseId: string;
  analysis: string;
  measures: string;
  recordedBy: string;
  recordedAt: string;
  agreedBy: string | null;
  agreedAt: string | null;
  version: number;
}

export type RecurrenceStep = 'record' | 'agree' | 'notify';

export type RecurrenceDeny =
  | 'unknown_actor'
  | 'kind_not_eligible'
  | 'not_closed'
  | 'not_officer'
  | 'not_it_admin'
  | 'not_recorded'
  | 'already_agreed'
  | 'not_agreed';

/** The 課情報セキュリティ責任者 of the case's section: 12(5)③ binds them. */
export function isCaseOfficer(dir: Directory, personId: string, c: { sectionCode: string }): boolean {
  return dir.sections.some((s) => s.code === c.sectionCode && s.officerId === personId);
}

/**
 * Which step of 12(5)③ `actorId` may take now. Record (and rewrite before agreement): the case's
 * section officer, on a closed failure or breach. Agree: an IT管理者 (協議), once recorded, not the
 * officer themself. Notify: the officer, once agreed. Deny by default.
 */
export function recurrenceStepAllowed(
  dir: Directory,
  actorId: string,
  c: LinkedCase,
  r: Recurrence | undefined,
  step: RecurrenceStep,
): { ok: true } | { ok: false; reason: RecurrenceDeny } {
  const actor = dir.people.find((p) => p.id === actorId);
  if (!actor) return { ok: false, reason: 'unknown_actor' };
  if (!isRecurrenceKind(c.kind)) return { ok: false, reason: 'kind_not_eligible' };
  if (c.status !== 'closed') return { ok: false, reason: 'not_closed' };
  if (step === 'agree') {
    if (!actor.isItAdmin || r?.recordedBy === actorId) return { ok: false, reason: 'not_it_admin' };
    if (!r) return { ok: false, reason: 'not_recorded' };
    if (r.agreedAt) return { ok: false, reason: 'already_agreed' };
    return { ok: true };
  }
  if (!isCaseOfficer(dir, actorId, c)) return { ok: false, reason: 'not_officer' };
  if (step === 'record') return r?.agreedAt ? { ok: false, reason: 'already_agreed' } : { ok: true };
  return r?.agreedAt ? { ok: true } : { ok: false, reason: 'not_agreed' };
}

// ---------------------------------------------------------------------------------------------
// Links a section officer's broadcast must carry

/** What a broadcast is linked to, loaded by the service. */
export interface BroadcastLinks {
  /** The parent broadcast (14(6) relays a 14(5) one), with whether the sender received it. */
  parent: { purpose: BroadcastPurpose; status: string; senderReceived: boolean } | null;
  /** The case (12(5)③), with its recurrence record. */
  case: (LinkedCase & { recurrenceAgreed: boolean }) | null;
}

export type LinkDeny = 'parent_required' | 'case_required';

/**
 * A section officer may send to their own staff for 14(6) only a relay of a sent 14(5) broadcast
 * they received, and for 12(5)③ only from a closed case of a section they are officer of whose
 * measures were agreed with IT管理者. IT管理者 and 統括 are not bound by this (they send through the
 * purposes' own rules); the other purposes need no link.
 */
export function linkRequirement(
  purpose: BroadcastPurpose,
  links: BroadcastLinks,
  senderIsOfficerOfCase: boolean,
): { ok: true } | { ok: false; reason: LinkDeny } {
  if (purpose === 'revision_staff') {
    const p = links.parent;
    const ok = p !== null && p.purpose === 'revision_officers' && p.status === 'sent' && p.senderReceived;
    return ok ? { ok: true } : { ok: false, reason: 'parent_required' };
  }
  if (purpose === 'recurrence') {
    const c = links.case;
    const ok = c !== null && c.status === 'closed' && c.recurrenceAgreed && senderIsOfficerOfCase;
    return ok ? { ok: true } : { ok: false, reason: 'case_required' };
  }
  return { ok: true };
}

/**
 * Purposes whose answer is fixed: the officers acknowledge a revision (14(5)) and staff its relay
 * (14(6)); officers answer 「対応済」 to a request for the same improvement (14(3), rendered so).
 */
export const ACK_PURPOSES: readonly BroadcastPurpose[] = [
  'revision_officers',
  'revision_staff',
  'improvement',
];

export function fixedAnswer(purpose: BroadcastPurpose): { kind: 'ack' } | null {
  return ACK_PURPOSES.includes(purpose) ? { kind: 'ack' } : null;
}

/** The answer rate of a broadcast, as the case card and the relay view show it. */
export function answerRate(answered: number, targeted: number): number | null {
  return targeted === 0 ? null : Math.round((answered / targeted) * 100);
}
