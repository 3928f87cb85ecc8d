import type { Citations } from '../domain/articles';
import { authorize, type ActingAs } from '../domain/authorization';
import { formatJst, type Clock } from '../domain/clock';
import { FINAL_CASE_STATUSES, type Localized } from '../domain/cases';
import {
  applyAction,
  validateAction,
  type CaseAction,
  type CaseEvent,
  type CaseState,
} from '../domain/decisions';
import type { Directory } from '../domain/directory';
import { AbsenceRepo } from '../storage/absence-repo';
import { AuditRepo } from '../storage/audit-repo';
import { CaseRepo, type CaseRecord } from '../storage/case-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { OutboxRepo, PRIORITY } from '../storage/outbox-repo';
import type { Database, SqlClient } from '../storage/sql';
import { TimerRepo } from '../storage/timer-repo';
import { priorityOf, scheduleAckDeadline } from './escalation-service';
import { scheduleReminders } from './reminder-service';
import type { WebhookConfig } from '../config/config';
import { enqueueWebhooks } from './webhook-service';

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

export type ActResult =
  | { ok: true; case: CaseRecord; event: CaseEvent; actorId: string; as: ActingAs }
  | {
      ok: false;
      reason: 'not_found' | 'unknown_actor' | 'denied' | 'invalid' | 'conflict';
      message: Localized;
      case?: CaseRecord;
    };

const NOT_FOUND: Localized = { ja: 'この案件は見つかりません。', en: 'This case was not found.' };
const CONFLICT: Localized = {
  ja: 'ほかの方が同時に操作しました。最新の状態を表示します。',
  en: 'Someone else acted at the same time. Showing the current state.',
};

/**
 * Cards already posted for a case: each gets an update after a change (no stale buttons anywhere).
 * The copy that was clicked is left out: the click's own answer already replaced it, with the
 * notice for the person who clicked.
 */
export async function enqueueCardUpdates(
  tx: SqlClient,
  c: CaseRecord,
  at: string,
  clickedActivityId?: string,
): Promise<void> {
  const outbox = new OutboxRepo(tx);
  const posted = (await outbox.byCase(c.id)).filter(
    (o) =>
      o.message.type === 'case.routed' &&
      o.status === 'sent' &&
      o.activityId !== null &&
      o.activityId !== clickedActivityId,
  );
  for (const p of posted) {
    if (p.message.type !== 'case.routed') continue;
    await outbox.enqueue({
      dedupeKey: `case.update:${c.id}:v${c.version}:${p.id}`,
      toAad: p.toAad,
      priority: priorityOf(c.severity),
      message: {
        type: 'case.update',
        caseId: c.id,
        personId: p.message.personId,
        activityId: p.activityId ?? '',
        conversationId: p.conversationId ?? '',
      },
      caseId: c.id,
      at,
    });
  }
}

async function routeTo(
  tx: SqlClient,
  c: CaseRecord,
  personId: string,
  role: string,
  reason: { text: Localized; article: Citations },
  at: string,
): Promise<void> {
  const cases = new CaseRepo(tx);
  await cases.addRecipient({ caseId: c.id, personId, role, reasons: [reason] });
  const person = await new DirectoryRepo(tx).personById(personId);
  if (!person) return;
  await new OutboxRepo(tx).enqueue({
    dedupeKey: `case.routed:${c.id}:${personId}`,
    toAad: person.aadObjectId,
    priority: priorityOf(c.severity),
    message: { type: 'case.routed', caseId: c.id, personId, role },
    caseId: c.id,
    at,
  });
}

/** What the requester is told; the renderer cites `event.article` after it (teams/citation.ts). */
function requesterText(c: CaseRecord, event: CaseEvent, actorName: string): Localized {
  return {
    ja: `${c.id}: ${actorName} さんにより「${event.summary.ja}」`,
    en: `${c.id}: ${actorName} — ${event.summary.en}`,
  };
}

/**
 * One decision or step on a case, by the person who clicked. The case is reloaded from storage,
 * the actor is checked against the directory and the policy (deny by default), and the change,
 * its audit event, the timers, the card updates and the notifications commit together. The version
 * check makes concurrent clicks yield exactly one decision.
 */
export async function actOnCase(
  db: Database,
  clock: Clock,
  input: {
    caseId: string;
    actorAadObjectId: string;
    action: CaseAction;
    ackMinutes: (c: CaseRecord) => number;
    /** The posted card that was clicked (the invoke's replyToId): its update is the click's answer. */
    clickedActivityId?: string;
    /** Outbound webhooks (config.webhooks); matching ones are enqueued with the change. */
    webhooks?: WebhookConfig[];
  },
): Promise<ActResult> {
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const cases = new CaseRepo(tx);
    const dirRepo = new DirectoryRepo(tx);
    const c = await cases.get(input.caseId);
    if (!c) return { ok: false, reason: 'not_found', message: NOT_FOUND };
    const actor = await dirRepo.personByAadObjectId(input.actorAadObjectId);
    const directory: Directory = await dirRepo.load();
    const absences = await new AbsenceRepo(tx).active(at);
    const state = caseStateOf(c);
    // A click on a case that moved on says what happened ("already approved"), rather than "not
    // allowed" — but only to people in the directory.
    const stale = actor ? validateAction(state, input.action) : null;
    if (stale) {
      if (stale.code !== 'invalid_state')
        return { ok: false, reason: 'invalid', message: stale.message, case: c };
      // Say who moved the case on and when, so a late click explains itself.
      const last = (await new AuditRepo(tx).list(c.id))
        .filter((e) => e.event !== 'case.action_denied')
        .at(-1);
      const by = last ? directory.people.find((p) => p.id === last.actor)?.name : undefined;
      const message =
        last && by
          ? {
              ja: `${stale.message.ja}（最終操作: ${by} さん、${formatJst(new Date(last.at))}）`,
              en: `${stale.message.en} (last action: ${by}, ${formatJst(new Date(last.at))})`,
            }
          : stale.message;
      return { ok: false, reason: 'invalid', message, case: c };
    }
    const auth = authorize(state, input.action.name, { actorId: actor?.id ?? '', directory, absences, now });
    if (!actor || !auth.ok) {
      const message = auth.ok ? NOT_FOUND : auth.message;
      await new AuditRepo(tx).append({
        at,
        actor: actor?.id ?? `aad:${input.actorAadObjectId}`,
        event: 'case.action_denied',
        subject: c.id,
        data: { action: input.action.name, reason: auth.ok ? 'unknown_actor' : auth.reason },
      });
      return { ok: false, reason: actor ? 'denied' : 'unknown_actor', message, case: c };
    }
    const r = applyAction(state, input.action, {
      actorId: actor.id,
      now,
      directory,
      formValue: c.form.value,
    });
    if (!r.ok) return { ok: false, reason: 'invalid', message: r.message, case: c };
    const assigneeChanged = r.state.assigneeId !== c.assigneeId;
    const done = await cases.update(c.id, c.version, {
      status: r.state.status,
      assigneeId: r.state.assigneeId,
      state: stateJsonOf(r.state),
      escalationLevel: assigneeChanged ? 0 : c.escalationLevel,
      ackDueAt: c.ackDueAt,
      at,
    });
    if (!done) return { ok: false, reason: 'conflict', message: CONFLICT, case: c };
    const updated = (await cases.get(c.id)) as CaseRecord;
    await new AuditRepo(tx).append({
      at,
      actor: actor.id,
      event: r.event.name,
      subject: c.id,
      article: r.event.article,
      data: {
        as: auth.as,
        summary: r.event.summary,
        from: { status: c.status, stage: state.stage },
        to: { status: updated.status, stage: r.state.stage },
        ...('comment' in input.action && input.action.comment ? { comment: input.action.comment } : {}),
        ...('conditions' in input.action && input.action.conditions
          ? { conditions: input.action.conditions }
          : {}),
      },
    });
    // --- outbound webhooks (webhook-service): persisted with the change, sent by WebhookDispatcher ---
    if (input.webhooks?.length) {
      await enqueueWebhooks(tx, input.webhooks, {
        event: r.event.name,
        caseId: c.id,
        kind: c.kind,
        at,
        data: {
          version: updated.version,
          status: updated.status,
          severity: updated.severity,
          sectionCode: updated.sectionCode,
          form: updated.form,
        },
      });
    }
    // --- end outbound webhooks ---
    // The awaited step moved on: its deadline no longer applies; the next step gets its own.
    const timers = new TimerRepo(tx);
    if (updated.status !== c.status || assigneeChanged || r.state.stage !== state.stage) {
      await timers.cancelForCase(c.id, 'ack_deadline');
      const awaitingSomeone =
        updated.assigneeId !== null &&
        !FINAL_CASE_STATUSES.includes(updated.status) &&
        updated.status !== 'approved' &&
        (assigneeChanged || r.state.stage !== state.stage);
      if (awaitingSomeone) await scheduleAckDeadline(tx, updated, input.ackMinutes(updated), now);
    }
    if (assigneeChanged && updated.assigneeId) {
      await routeTo(
        tx,
        updated,
        updated.assigneeId,
        'chief_officer',
        { text: { ja: '次の段階の判断者', en: 'Decides the next stage' }, article: r.event.article },
        at,
      );
    }
    const outbox = new OutboxRepo(tx);
    for (const n of r.notify) {
      if (n.why === 'requester') {
        const person = await dirRepo.personById(n.personId);
        if (!person) continue;
        await outbox.enqueue({
          dedupeKey: `case.notify:${c.id}:v${updated.version}:${n.personId}`,
          toAad: person.aadObjectId,
          priority: n.personId === c.reporterId ? priorityOf(c.severity) : PRIORITY.normal,
          message: {
            type: 'text',
            text: requesterText(updated, r.event, actor.name),
            article: r.event.article,
          },
          caseId: c.id,
          at,
        });
      } else if (n.personId !== updated.assigneeId || !assigneeChanged) {
        await routeTo(
          tx,
          updated,
          n.personId,
          n.why === 'chief_officer' ? 'chief_officer' : 'assignee',
          {
            text: { ja: '報告を受ける者', en: 'Receives the report' },
            article: n.article ?? r.event.article,
          },
          at,
        );
      }
    }
    await enqueueCardUpdates(tx, updated, at, input.clickedActivityId);
    await scheduleReminders(tx, updated, now);
    return { ok: true, case: updated, event: r.event, actorId: actor.id, as: auth.as };
  });
}
