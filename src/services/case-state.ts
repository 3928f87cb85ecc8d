// The decision state of a case as stored: some fields are columns, the rest a JSON document.
import type { CaseState } from '../domain/decisions';
import type { CaseRecord } from '../storage/case-repo';

/** The decision state of a stored case (domain/decisions.ts), from its columns and state JSON. */
export function caseStateOf(c: CaseRecord): CaseState {
  const s = c.state as Partial<CaseState>;
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    reporterId: c.reporterId,
    sectionCode: c.sectionCode,
    assigneeId: c.assigneeId,
    stage: s.stage ?? null,
    urgent: s.urgent === true,
    possibleLeak: s.possibleLeak === true,
    escalatedTo: s.escalatedTo ?? [],
    records: s.records ?? {},
    reportedToChief: s.reportedToChief === true,
    closure: s.closure ?? null,
    decision: s.decision ?? null,
    endorsement: s.endorsement ?? null,
    chiefAcknowledgedAt: s.chiefAcknowledgedAt ?? null,
  };
}

/** The part of CaseState stored as JSON (the rest are columns). */
export function stateJsonOf(s: CaseState): Record<string, unknown> {
  return {
    stage: s.stage,
    urgent: s.urgent,
    possibleLeak: s.possibleLeak,
    escalatedTo: s.escalatedTo,
    records: s.records,
    reportedToChief: s.reportedToChief,
    closure: s.closure,
    decision: s.decision,
    endorsement: s.endorsement,
    chiefAcknowledgedAt: s.chiefAcknowledgedAt,
  };
}
