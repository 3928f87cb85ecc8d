// Reading a case, authorized like acting on it. Every path that shows a case to a person — the
// card's refresh, a click's answer, 担当案件's 「開く」, a card posted through the outbox — asks here
// first; a refusal is audited and answers exactly like a case that does not exist, so walking ids
// tells an outsider nothing.
import { mayView, type CaseInvolvement, type ViewDenyReason, type ViewingAs } from '../domain/authorization';
import type { Clock } from '../domain/clock';
import type { CaseState } from '../domain/decisions';
import type { Directory } from '../domain/directory';
import { AbsenceRepo, type Absence } from '../storage/absence-repo';
import { AuditRepo } from '../storage/audit-repo';
import { CaseRepo, type CaseRecipient, type CaseRecord } from '../storage/case-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import type { Database, SqlClient } from '../storage/sql';
import { OutboxRepo } from '../storage/outbox-repo';
import type { Person } from '../domain/directory';
import { priorityOf } from './escalation-service';
import { caseStateOf } from './case-state';

/** How the person came to ask: recorded with a refusal, so an auditor sees which path was tried. */
export const VIEW_PATHS = ['refresh', 'click', 'open', 'outbox', 'list'] as const;
export type ViewPath = (typeof VIEW_PATHS)[number];

/** Audit events that record a refusal, not a change of the case; never shown as its history. */
export const REFUSAL_EVENTS = ['case.action_denied', 'case.view_denied'] as const;

export function isRefusalEvent(event: string): boolean {
  return (REFUSAL_EVENTS as readonly string[]).includes(event) || event.endsWith('_denied');
}

/** Everything a renderer needs about a case the viewer may see, loaded once. */
export interface CaseViewFacts {
  case: CaseRecord;
  state: CaseState;
  directory: Directory;
  absences: Absence[];
  recipients: CaseRecipient[];
  involvement: CaseInvolvement;
  as: ViewingAs;
}

export type CaseViewResult =
  { ok: true; view: CaseViewFacts } | { ok: false; reason: 'not_found' | ViewDenyReason };

/** Who the case was routed to and who acted on it, from storage. */
export async function involvementOf(
  sql: SqlClient,
  caseId: string,
): Promise<{ recipients: CaseRecipient[]; involvement: CaseInvolvement }> {
  const recipients = await new CaseRepo(sql).recipients(caseId);
  const actorIds = new Set<string>();
  for (const e of await new AuditRepo(sql).list(caseId)) {
    // A row that fails its hash check (altered or forged) never makes anyone involved.
    if (!isRefusalEvent(e.event) && e.intact) actorIds.add(e.actor);
  }
  return {
    recipients,
    involvement: { recipientIds: recipients.map((r) => r.personId), actorIds: [...actorIds] },
  };
}

/** Records a refused read: who, which case id (existing or not), by which path, and why. */
export async function auditViewRefusal(
  sql: SqlClient,
  at: string,
  e: { actor: string; caseId: string; via: ViewPath | string; reason: string },
): Promise<void> {
  await new AuditRepo(sql).append({
    at,
    actor: e.actor,
    event: 'case.view_denied',
    subject: e.caseId,
    data: { via: e.via, reason: e.reason },
  });
}

/**
 * Loads a case for `viewerId` if they may see it (domain/authorization.ts mayView). A missing case
 * and a forbidden one give the same answer to the caller's user; both are audited.
 */
export async function viewCase(
  sql: SqlClient,
  clock: Clock,
  input: { caseId: string; viewerId: string; via: ViewPath },
): Promise<CaseViewResult> {
  const now = clock.now();
  const at = now.toISOString();
  const c = await new CaseRepo(sql).get(input.caseId);
  if (!c) {
    await auditViewRefusal(sql, at, {
      actor: input.viewerId,
      caseId: input.caseId,
      via: input.via,
      reason: 'not_found',
    });
    return { ok: false, reason: 'not_found' };
  }
  const directory = await new DirectoryRepo(sql).load();
  const absences = await new AbsenceRepo(sql).active(at);
  const state = caseStateOf(c);
  const { recipients, involvement } = await involvementOf(sql, c.id);
  const r = mayView(state, involvement, { viewerId: input.viewerId, directory, absences, now });
  if (!r.ok) {
    await auditViewRefusal(sql, at, {
      actor: input.viewerId,
      caseId: c.id,
      via: input.via,
      reason: r.reason,
    });
    return { ok: false, reason: r.reason };
  }
  return { ok: true, view: { case: c, state, directory, absences, recipients, involvement, as: r.as } };
}

/**
 * 「開く」 (担当案件, 私の申請・報告): posts the case card to the viewer through the outbox, so it is
 * registered like any routed card and updated after every change. Checked like any read.
 */
export async function requestCaseCard(
  db: Database,
  clock: Clock,
  input: { caseId: string; viewer: Person },
): Promise<{ ok: true; caseId: string } | { ok: false }> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const seen = await viewCase(tx, clock, { caseId: input.caseId, viewerId: input.viewer.id, via: 'open' });
    if (!seen.ok) return { ok: false };
    const c = seen.view.case;
    await new OutboxRepo(tx).enqueue({
      dedupeKey: `case.open:${c.id}:${input.viewer.id}:${at}`,
      toAad: input.viewer.aadObjectId,
      priority: priorityOf(c.severity),
      message: { type: 'case.routed', caseId: c.id, personId: input.viewer.id, role: 'viewer' },
      caseId: c.id,
      at,
    });
    return { ok: true, caseId: c.id };
  });
}
