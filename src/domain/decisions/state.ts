// What a case's decision state is, and the state of a case just submitted.
import type { CaseKind, CaseStatus } from '../cases';
import type { Directory } from '../directory';
import { chiefOfficers } from '../routing';

export const EXCEPTION_STAGE_NAMES = ['endorse', 'approve', 'post_report', 'urgent_decision'] as const;
export type ExceptionStageName = (typeof EXCEPTION_STAGE_NAMES)[number];
/**
 * Every stage a case can be at: the exception's, and 'consult' — an external connection waiting for
 * the IT管理者's consultation (11(2)②) before 統括's approval ('approve', 11(2)③).
 */
export type StageName = ExceptionStageName | 'consult';

export interface CaseClosure {
  content: string;
  cause: string;
  damage: string;
  scope: string;
}

export interface CaseDecision {
  by: string;
  outcome: 'approved' | 'rejected';
  comment: string;
  conditions: string;
}

export interface CaseEndorsement {
  by: string;
  comment: string;
  /** ISO-8601 UTC. */
  at: string;
}

export interface CaseState {
  id: string;
  kind: CaseKind;
  status: CaseStatus;
  reporterId: string;
  sectionCode: string;
  /** Who must act now; null once the case is decided or closed. */
  assigneeId: string | null;
  /**
   * Exception, wireless LAN and external connection: the current stage (or the stage it ended in).
   * Null for every other kind.
   */
  stage: StageName | null;
  /** Exception filed as urgent (12(6)②). */
  urgent: boolean;
  /** Personal data may have leaked (12(5)②イ): the case cannot close before 統括 is told. */
  possibleLeak: boolean;
  /** People the case was escalated to (運用ルール; 12(5)②オ for an urgent breach); they may act too. */
  escalatedTo: string[];
  /** Incident step records filled so far: incidentPlan(kind).officerRecords ids → text. */
  records: Record<string, string>;
  /** Incident reported to 統括 (12(4)④, 12(5)①イ, 12(5)②イ). */
  reportedToChief: boolean;
  /** 12(5)②カ: content, cause, confirmed damage and scope. */
  closure: CaseClosure | null;
  decision: CaseDecision | null;
  /**
   * Exception: the section officer's forwarding (12(6)①) or decision to act at once (12(6)②).
   * External connection: the IT管理者's consultation (11(2)②).
   */
  endorsement: CaseEndorsement | null;
  /** Urgent exception: when 統括 acknowledged the after-the-fact report (ISO-8601 UTC). */
  chiefAcknowledgedAt: string | null;
}

/** What the submission stored: the routed case (routeCase) plus the flags the evaluation found. */
export interface CaseSeed {
  id: string;
  kind: CaseKind;
  reporterId: string;
  sectionCode: string;
  /** The routed assignee (routeCase(...).assignee); null when routing found nobody. */
  assigneeId: string | null;
  urgent?: boolean;
  possibleLeak?: boolean;
}

/** 統括 who decides a case: the first chief officer (id order) who is neither the reporter nor `alsoNot`. */
export function chiefFor(dir: Directory, reporterId: string, alsoNot?: string): string | null {
  return chiefOfficers(dir).find((id) => id !== reporterId && id !== alsoNot) ?? null;
}

function isChief(dir: Directory, personId: string | null): boolean {
  return personId !== null && dir.people.some((p) => p.id === personId && p.isChiefOfficer);
}

/**
 * The state of a case just submitted. Exceptions (12(6)) get their first stage:
 * - filed by staff: 'endorse' (normal) or 'urgent_decision' (urgent), with the routed section officer;
 * - filed by the section officer themself, or routed straight to a 統括 (e.g. the section's officer is
 *   統括): their filing is the forwarding, so 'approve' (normal) or 'post_report' (urgent) with 統括.
 * Every other kind: no stage, the routed assignee.
 */
export function initialCaseState(seed: CaseSeed, directory: Directory): CaseState {
  const urgent = seed.kind === 'exception' && seed.urgent === true;
  const base: CaseState = {
    id: seed.id,
    kind: seed.kind,
    status: 'submitted',
    reporterId: seed.reporterId,
    sectionCode: seed.sectionCode,
    assigneeId: seed.assigneeId,
    stage: null,
    urgent,
    possibleLeak: seed.possibleLeak === true,
    escalatedTo: [],
    records: {},
    reportedToChief: false,
    closure: null,
    decision: null,
    endorsement: null,
    chiefAcknowledgedAt: null,
  };
  // 9(3)③: 統括 permits; the request is routed to 統括 (routing.ts) and waits at their stage.
  if (seed.kind === 'wireless_lan') return { ...base, stage: 'approve' };
  // 11(2)②③: the IT管理者 is consulted first (routing.ts routes there), then 統括 approves.
  if (seed.kind === 'external_connection') return { ...base, stage: 'consult' };
  if (seed.kind !== 'exception') return base;

  const section = directory.sections.find((s) => s.code === seed.sectionCode);
  const filedByOfficer = section?.officerId === seed.reporterId;
  const sectionStageAssignee = seed.assigneeId ?? section?.officerId ?? null;
  if (!filedByOfficer && sectionStageAssignee !== null && !isChief(directory, sectionStageAssignee)) {
    return { ...base, stage: urgent ? 'urgent_decision' : 'endorse', assigneeId: sectionStageAssignee };
  }
  return {
    ...base,
    stage: urgent ? 'post_report' : 'approve',
    // 運用ルール: when the only 統括 files the exception themself, nobody the standard names may
    // decide it; the person the directory routes the 統括's own cases to does (routing.ts), so the
    // request is never left without anyone to answer it.
    assigneeId: chiefFor(directory, seed.reporterId) ?? seed.assigneeId,
  };
}
