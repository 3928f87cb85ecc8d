// Emergency broadcasts over the contact tree (緊急連絡網, 対策基準 6ウ): who may send to whom, who
// receives one, who may read its results, and the roll-up of deliveries and answers per section.
// Pure: data in, decisions out. Storage and sending live in services/broadcast-service.ts.
//
// Who may send is the standard's:
//   - IT管理者 keeps and runs the contact tree (6ウ) and is the channel through which 統括 informs all
//     staff in a cyber-attack emergency (12(5)②エ) and the other officers (12(4)⑤): everyone, or
//     chosen sections, or officers only.
//   - 統括 gives those instructions (12(5)②エ, 12(4)⑤, 14(5)): the same audiences; 統括 asks the
//     other officers for the same improvement (14(3)): officers only.
//   - A 課情報セキュリティ責任者 informs their own staff (10(2)②, 12(5)③, 14(6)): their own section(s)
//     only, sub-sections only where they are the officer of those too.
// Nobody else: deny by default. A real (本番) broadcast to everyone names on whose instruction it
// goes (12(5)②エ: 統括 has all staff informed through IT管理者); 統括 is told at once.
import type { Citations } from './articles';
import type { CaseKind } from './cases';
import type { Directory, Person, Section } from './directory';

export const BROADCAST_SEVERITIES = ['emergency', 'important', 'notice'] as const;
/** 緊急 / 重要 / 通知. */
export type BroadcastSeverity = (typeof BROADCAST_SEVERITIES)[number];

export const BROADCAST_MODES = ['drill', 'real'] as const;
/** 訓練 / 本番: never mixed in any result. */
export type BroadcastMode = (typeof BROADCAST_MODES)[number];

export type Audience =
  | { kind: 'everyone'; officersOnly: boolean }
  | { kind: 'sections'; sectionCodes: readonly string[]; includeSubsections: boolean; officersOnly: boolean };

/** One choice of a question; `opensReport` starts that flow with the broadcast referenced. */
export interface BroadcastChoice {
  label: string;
  opensReport?: CaseKind;
}

export type AnswerSpec =
  { kind: 'none' } | { kind: 'ack' } | { kind: 'choice'; choices: readonly BroadcastChoice[] };

export const MIN_CHOICES = 2;
export const MAX_CHOICES = 4;
export const TITLE_MAX = 100;
export const BODY_MAX = 2000;
export const CHOICE_MAX = 40;

/**
 * Minutes after sending when non-responders are reminded, when the sender keeps the default
 * (運用ルール: the standard sets no reminder): 緊急 15, 重要 60, 通知 none.
 */
export const DEFAULT_REMIND_MINUTES: Readonly<Record<BroadcastSeverity, number | null>> = {
  emergency: 15,
  important: 60,
  notice: null,
};

/** What the outbox priority of a broadcast copy is (lower is sooner; see OutboxRepo PRIORITY). */
export function broadcastPriority(severity: BroadcastSeverity): 'emergency' | 'high' | 'normal' {
  return severity === 'emergency' ? 'emergency' : severity === 'important' ? 'high' : 'normal';
}

/** The answer a recipient gives: the acknowledgement, or the index of a choice. */
export type BroadcastAnswer = { kind: 'ack' } | { kind: 'choice'; index: number };

export function answerKey(a: BroadcastAnswer): string {
  return a.kind === 'ack' ? 'ack' : `choice:${a.index}`;
}

export function parseAnswerKey(key: string | null): BroadcastAnswer | null {
  if (key === 'ack') return { kind: 'ack' };
  const m = key ? /^choice:(\d)$/.exec(key) : null;
  return m ? { kind: 'choice', index: Number(m[1]) } : null;
}

/** Whether `answer` is one the broadcast asks for. */
export function isValidAnswer(spec: AnswerSpec, answer: BroadcastAnswer): boolean {
  if (spec.kind === 'ack') return answer.kind === 'ack';
  if (spec.kind === 'choice')
    return (
      answer.kind === 'choice' &&
      Number.isInteger(answer.index) &&
      answer.index >= 0 &&
      answer.index < spec.choices.length
    );
  return false;
}

export function answerRequired(spec: AnswerSpec): boolean {
  return spec.kind !== 'none';
}

// ---------------------------------------------------------------------------------------------
// Audience

function childrenOf(sections: readonly Section[]): Map<string, Section[]> {
  const m = new Map<string, Section[]>();
  for (const s of sections) {
    if (!s.parentCode) continue;
    const list = m.get(s.parentCode) ?? [];
    list.push(s);
    m.set(s.parentCode, list);
  }
  return m;
}

/**
 * Sections in hierarchy order: each top-level section followed by its sub-sections, depth first,
 * siblings in directory order; `depth` 0 for a top-level section. A section whose parent is not in
 * the list (or that sits on a cycle the CSV check would refuse) comes last, at depth 0, so every
 * section appears exactly once.
 */
export function sectionHierarchy(sections: readonly Section[]): Array<{ code: string; depth: number }> {
  const known = new Set(sections.map((s) => s.code));
  const children = childrenOf(sections);
  const out: Array<{ code: string; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (s: Section, depth: number): void => {
    if (seen.has(s.code)) return;
    seen.add(s.code);
    out.push({ code: s.code, depth });
    for (const c of children.get(s.code) ?? []) visit(c, depth + 1);
  };
  for (const s of sections) if (!s.parentCode || !known.has(s.parentCode)) visit(s, 0);
  for (const s of sections) visit(s, 0);
  return out;
}

/** The section codes an audience covers (sub-sections included when asked), in directory order. */
export function audienceSections(dir: Directory, audience: Audience): string[] {
  if (audience.kind === 'everyone') return dir.sections.map((s) => s.code);
  const known = new Set(dir.sections.map((s) => s.code));
  const chosen = new Set(audience.sectionCodes.filter((c) => known.has(c)));
  if (audience.includeSubsections) {
    const children = childrenOf(dir.sections);
    const stack = [...chosen];
    while (stack.length > 0) {
      const code = stack.pop() as string;
      for (const c of children.get(code) ?? []) {
        if (!chosen.has(c.code)) {
          chosen.add(c.code);
          stack.push(c.code);
        }
      }
    }
  }
  return dir.sections.map((s) => s.code).filter((c) => chosen.has(c));
}

export interface BroadcastTarget {
  personId: string;
  aadObjectId: string;
  /** The section the person is counted under in the roll-up (their own section). */
  sectionCode: string;
}

/**
 * Who receives a broadcast: every person of the covered sections, or — officers only — the
 * 課情報セキュリティ責任者 of the covered sections (12(4)⑤ 「他の課情報セキュリティ責任者に周知」).
 * Each person once; the sender is not excluded (they see what recipients see).
 */
export function resolveAudience(dir: Directory, audience: Audience): BroadcastTarget[] {
  const codes = new Set(audienceSections(dir, audience));
  const byId = new Map(dir.people.map((p) => [p.id, p]));
  const chosen = new Map<string, Person>();
  if (audience.officersOnly) {
    for (const s of dir.sections) {
      if (!codes.has(s.code) || !s.officerId) continue;
      const p = byId.get(s.officerId);
      if (p) chosen.set(p.id, p);
    }
  } else {
    for (const p of dir.people) if (codes.has(p.sectionCode)) chosen.set(p.id, p);
  }
  return [...chosen.values()]
    .sort((a, b) => a.sectionCode.localeCompare(b.sectionCode) || a.id.localeCompare(b.id))
    .map((p) => ({ personId: p.id, aadObjectId: p.aadObjectId, sectionCode: p.sectionCode }));
}

// ---------------------------------------------------------------------------------------------
// Why it is sent, and who may send it

export type SendingAs = 'it_admin' | 'chief_officer' | 'section_officer';

/** Which audiences a purpose allows: any; all staff; officers only; the sender's own sections. */
type AudienceRule = 'any' | 'all_staff' | 'officers' | 'own_sections';

interface PurposeEntry {
  readonly cites: Citations;
  readonly senders: readonly SendingAs[];
  readonly audience: AudienceRule;
}

/**
 * The purposes a broadcast is sent for, each with what it cites, who may send it and to whom. The
 * sender picks one on the compose card; the broadcast cites exactly that (PolicyMap "Cite exactly").
 */
export const BROADCAST_PURPOSES = {
  /** Running the contact tree, incl. drills (6ウ: 緊急連絡網の整備、運用). */
  contact_tree: { cites: '6ウ', senders: ['it_admin'], audience: 'any' },
  /** Cyber-attack emergency: 統括 has all staff informed through IT管理者 (12(5)②エ). */
  cyber_emergency: { cites: '12(5)②エ', senders: ['it_admin', 'chief_officer'], audience: 'all_staff' },
  /** A case that may harm the systems: 統括 informs the other officers through IT管理者 (12(4)⑤). */
  officer_alert: { cites: '12(4)⑤', senders: ['it_admin', 'chief_officer'], audience: 'officers' },
  /** A finding that applies beyond the inspected section: 統括 asks the other officers (14(3)). */
  improvement: { cites: '14(3)', senders: ['chief_officer'], audience: 'officers' },
  /** A revised standard, 統括 → officers (14(5)). */
  revision_officers: { cites: '14(5)', senders: ['chief_officer'], audience: 'officers' },
  /** A revised standard, each officer → their staff (14(6)). */
  revision_staff: { cites: '14(6)', senders: ['section_officer'], audience: 'own_sections' },
  /** How to respond, after a failure or breach (12(5)③, second sentence). */
  recurrence: { cites: '12(5)③', senders: ['section_officer'], audience: 'own_sections' },
  /** Making the policy known to one's staff (10(2)②). */
  awareness: { cites: '10(2)②', senders: ['section_officer'], audience: 'own_sections' },
  /** Any other notice: the organisation's own practice. */
  general: {
    cites: 'operating_rule',
    senders: ['it_admin', 'chief_officer', 'section_officer'],
    audience: 'any',
  },
} as const satisfies Record<string, PurposeEntry>;

export type BroadcastPurpose = keyof typeof BROADCAST_PURPOSES;
export const BROADCAST_PURPOSE_IDS = Object.keys(BROADCAST_PURPOSES) as BroadcastPurpose[];

export function purposeCitation(purpose: BroadcastPurpose): Citations {
  return BROADCAST_PURPOSES[purpose].cites;
}

export type SendDenyReason =
  | 'unknown_sender'
  | 'not_a_sender'
  | 'purpose_not_for_role'
  | 'audience_not_for_purpose'
  | 'not_own_section'
  | 'no_sections'
  | 'instruction_required'
  | 'instructor_not_chief'
  // An officer's own-section broadcast without its link (domain/case-broadcasts.ts linkRequirement):
  // a 14(6) relay names the 14(5) broadcast it relays, a 12(5)③ notice the case it follows.
  | 'parent_required'
  | 'case_required';

export type SendDecision = { ok: true; as: SendingAs } | { ok: false; reason: SendDenyReason };

/** Sections whose 課情報セキュリティ責任者 the person is. */
export function officerSections(dir: Directory, personId: string): string[] {
  return dir.sections.filter((s) => s.officerId === personId).map((s) => s.code);
}

export function senderRoles(dir: Directory, person: Person): SendingAs[] {
  const roles: SendingAs[] = [];
  if (person.isItAdmin) roles.push('it_admin');
  if (person.isChiefOfficer) roles.push('chief_officer');
  if (officerSections(dir, person.id).length > 0) roles.push('section_officer');
  return roles;
}

function fitsRule(rule: AudienceRule, audience: Audience): boolean {
  if (rule === 'all_staff') return audience.kind === 'everyone' && !audience.officersOnly;
  if (rule === 'officers') return audience.officersOnly;
  if (rule === 'own_sections') return audience.kind === 'sections' && !audience.officersOnly;
  return true;
}

/** A real broadcast to all staff names 統括 as the one who instructed it (12(5)②エ). */
export function needsInstruction(audience: Audience, mode: BroadcastMode): boolean {
  return mode === 'real' && audience.kind === 'everyone' && !audience.officersOnly;
}

/**
 * May `senderId` send a broadcast for `purpose` to `audience`? The purpose names the roles that
 * may send it; a section officer reaches only sections they are officer of (each covered section,
 * sub-sections included); IT管理者 and 統括 any section. A real broadcast to all staff names the
 * 統括 on whose instruction it goes, unless the sender is 統括. Deny by default.
 */
export function maySendBroadcast(
  dir: Directory,
  senderId: string,
  b: { purpose: BroadcastPurpose; audience: Audience; mode: BroadcastMode; instructedBy: string | null },
): SendDecision {
  const sender = dir.people.find((p) => p.id === senderId);
  if (!sender) return { ok: false, reason: 'unknown_sender' };
  const roles = senderRoles(dir, sender);
  if (roles.length === 0) return { ok: false, reason: 'not_a_sender' };
  const entry: PurposeEntry = BROADCAST_PURPOSES[b.purpose];
  const allowed = roles.filter((r) => entry.senders.includes(r));
  if (allowed.length === 0) return { ok: false, reason: 'purpose_not_for_role' };
  if (!fitsRule(entry.audience, b.audience)) return { ok: false, reason: 'audience_not_for_purpose' };
  const covered = audienceSections(dir, b.audience);
  if (covered.length === 0) return { ok: false, reason: 'no_sections' };
  const wide = allowed.includes('it_admin') || allowed.includes('chief_officer');
  if (!wide) {
    const own = new Set(officerSections(dir, senderId));
    if (b.audience.kind === 'everyone' || covered.some((c) => !own.has(c)))
      return { ok: false, reason: 'not_own_section' };
  }
  if (needsInstruction(b.audience, b.mode) && !sender.isChiefOfficer) {
    if (!b.instructedBy) return { ok: false, reason: 'instruction_required' };
    const chief = dir.people.find((p) => p.id === b.instructedBy);
    if (!chief?.isChiefOfficer) return { ok: false, reason: 'instructor_not_chief' };
  }
  const as: SendingAs = allowed.includes('it_admin')
    ? 'it_admin'
    : allowed.includes('chief_officer')
      ? 'chief_officer'
      : 'section_officer';
  return { ok: true, as };
}

// ---------------------------------------------------------------------------------------------
// Who may read results

export type ResultsScope = { kind: 'all' } | { kind: 'sections'; sectionCodes: string[] } | { kind: 'none' };

/**
 * Who may read a broadcast's results: the sender, 統括 and IT管理者 everything; a section officer
 * the rows of the sections they are officer of (to phone their non-responders, as a 連絡網 works);
 * everyone else nothing (a recipient sees only their own answer on their own card).
 */
export function resultsScope(dir: Directory, viewerId: string, b: { createdBy: string }): ResultsScope {
  const viewer = dir.people.find((p) => p.id === viewerId);
  if (!viewer) return { kind: 'none' };
  if (viewer.id === b.createdBy || viewer.isChiefOfficer || viewer.isItAdmin) return { kind: 'all' };
  const own = officerSections(dir, viewerId);
  return own.length > 0 ? { kind: 'sections', sectionCodes: own } : { kind: 'none' };
}

export function scopeIncludes(scope: ResultsScope, sectionCode: string): boolean {
  return scope.kind === 'all' || (scope.kind === 'sections' && scope.sectionCodes.includes(sectionCode));
}

/** Who may correct, recall or re-send to non-responders: the sender, 統括 and IT管理者. */
export function mayManageBroadcast(dir: Directory, actorId: string, b: { createdBy: string }): boolean {
  const actor = dir.people.find((p) => p.id === actorId);
  if (!actor) return false;
  return actor.id === b.createdBy || actor.isChiefOfficer || actor.isItAdmin;
}

// ---------------------------------------------------------------------------------------------
// Roll-up

export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'unreachable' | 'cancelled';

export interface RecipientRow {
  personId: string;
  sectionCode: string;
  delivery: DeliveryState;
  firstAnsweredAt: string | null;
  latestAnswer: string | null;
}

export interface Tally {
  targeted: number;
  delivered: number;
  pending: number;
  failed: number;
  unreachable: number;
  cancelled: number;
  answered: number;
}

export interface Milestones {
  /** Minutes from sending to 50 % / 75 % / 100 % of the targeted having answered; null if not yet. */
  p50: number | null;
  p75: number | null;
  p100: number | null;
}

export interface SectionTally extends Tally {
  sectionCode: string;
  milestones: Milestones;
}

export interface Rollup {
  total: Tally & { milestones: Milestones };
  sections: SectionTally[];
  /** Answers by key ('ack', 'choice:0', …) over the latest answer of each recipient. */
  answers: Record<string, number>;
}

function emptyTally(): Tally {
  return { targeted: 0, delivered: 0, pending: 0, failed: 0, unreachable: 0, cancelled: 0, answered: 0 };
}

function add(t: Tally, r: RecipientRow): void {
  t.targeted += 1;
  t[r.delivery] += 1;
  if (r.firstAnsweredAt) t.answered += 1;
}

/** Minutes from `sentAt` until the k-th answer for k = ⌈share × targeted⌉. */
export function milestones(
  sentAt: string | null,
  answeredAt: readonly string[],
  targeted: number,
): Milestones {
  const times = answeredAt.map((a) => Date.parse(a)).sort((a, b) => a - b);
  const at = (share: number): number | null => {
    if (!sentAt || targeted === 0) return null;
    const k = Math.ceil(share * targeted);
    if (times.length < k) return null;
    return Math.max(0, Math.round(((times[k - 1] as number) - Date.parse(sentAt)) / 60_000));
  };
  return { p50: at(0.5), p75: at(0.75), p100: at(1) };
}

/** Per-section and total counts, in the order of `sectionOrder` (sections without rows left out). */
export function rollup(
  rows: readonly RecipientRow[],
  sentAt: string | null,
  sectionOrder: readonly string[],
): Rollup {
  const total = emptyTally();
  const bySection = new Map<string, { t: Tally; answered: string[] }>();
  const answers: Record<string, number> = {};
  const all: string[] = [];
  for (const r of rows) {
    add(total, r);
    const s = bySection.get(r.sectionCode) ?? { t: emptyTally(), answered: [] };
    add(s.t, r);
    if (r.firstAnsweredAt) {
      s.answered.push(r.firstAnsweredAt);
      all.push(r.firstAnsweredAt);
    }
    bySection.set(r.sectionCode, s);
    if (r.latestAnswer) answers[r.latestAnswer] = (answers[r.latestAnswer] ?? 0) + 1;
  }
  const order = [...sectionOrder, ...[...bySection.keys()].filter((c) => !sectionOrder.includes(c)).sort()];
  return {
    total: { ...total, milestones: milestones(sentAt, all, total.targeted) },
    sections: order
      .filter((c) => bySection.has(c))
      .map((c) => {
        const s = bySection.get(c) as { t: Tally; answered: string[] };
        return { sectionCode: c, ...s.t, milestones: milestones(sentAt, s.answered, s.t.targeted) };
      }),
    answers,
  };
}
