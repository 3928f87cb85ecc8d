import type { Citations } from '../domain/articles';
import { authorize, mayView, type ActingAs } from '../domain/authorization';
import { formatJst, type Clock } from '../domain/clock';
import { isOpenCaseStatus, type Localized } from '../domain/cases';
import { applyAction, validateAction, type CaseAction, type CaseEvent } from '../domain/decisions';
import type { Directory, Person } from '../domain/directory';
import { cyberStepRefusal, cyberStepRole } from '../domain/policy/cyber-attack';
import { AbsenceRepo } from '../storage/absence-repo';
import { AuditRepo } from '../storage/audit-repo';
import { CaseRepo, type CaseRecord } from '../storage/case-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { OutboxRepo, PRIORITY, type OutboxItem } from '../storage/outbox-repo';
import type { Database, SqlClient } from '../storage/sql';
import { TimerRepo } from '../storage/timer-repo';
import { priorityOf, scheduleAckDeadline } from './escalation-service';
import { scheduleReminders } from './reminder-service';
import type { WebhookConfig } from '../config/config';
import { caseWebhookEvent, enqueueWebhooks } from './webhook-service';
import { caseStateOf, stateJsonOf } from './case-state';
import { involvementOf, isRefusalEvent } from './case-view-service';
import { msg } from '../i18n';

export type ActResult =
  | { ok: true; case: CaseRecord; event: CaseEvent; actorId: string; as: ActingAs }
  | {
      ok: false;
      /**
       * 'unseen': the actor may not see the case, or it does not exist, or the actor is not in the
       * directory — the caller answers all three alike (the unavailable card), telling nothing.
       * The others are for people who may see the case: the message says why.
       */
      reason: 'unseen' | 'denied' | 'invalid' | 'conflict';
      message: Localized;
    };

const UNSEEN: Localized = msg('decisionService.case_cannot_shown');
const CONFLICT: Localized = msg('decisionService.someone_else_acted_same_time');

/**
 * A case card rendered from one version and posted while a decision landed is stale: an update is
 * queued for exactly that posted copy, in the transaction that marks it sent (so a crash cannot lose it).
 */
export async function requeueStaleCard(
  tx: SqlClient,
  input: {
    item: OutboxItem;
    activityId: string | undefined;
    renderedVersion: number | undefined;
    at: string;
  },
): Promise<void> {
  const { item, activityId, renderedVersion } = input;
  const m = item.message;
  if ((m.type !== 'case.routed' && m.type !== 'case.update') || !activityId || renderedVersion === undefined)
    return;
  const c = await new CaseRepo(tx).get(m.caseId);
  if (!c || c.version === renderedVersion) return;
  await new OutboxRepo(tx).enqueue({
    dedupeKey: `case.update:${c.id}:v${c.version}:${item.id}:late`,
    toAad: item.toAad,
    priority: item.priority,
    message: {
      type: 'case.update',
      caseId: c.id,
      personId: m.personId,
      activityId,
      conversationId: item.conversationId ?? '',
    },
    caseId: c.id,
    at: input.at,
  });
}

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

/** Routes the case to `personId`, found in `people` (the directory the transaction read). */
async function routeTo(
  tx: SqlClient,
  people: ReadonlyMap<string, Person>,
  c: CaseRecord,
  personId: string,
  role: string,
  reason: { text: Localized; article: Citations },
  at: string,
): Promise<void> {
  const cases = new CaseRepo(tx);
  await cases.addRecipient({ caseId: c.id, personId, role, reasons: [reason] });
  const person = people.get(personId);
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
  return msg('decisionService.requesterTold', { caseId: c.id, actor: actorName, summary: event.summary });
}

/**
 * One decision or step on a case, by the person who clicked. The case is reloaded from storage,
 * the actor is checked against the directory and the policy (deny by default), and the change,
 * its audit event, the timers, the card updates and the notifications commit together. The version
 * check makes concurrent clicks yield exactly one decision.
 */
/** The recorded fields an action touched, each with its text before (null when blank) and after. */
function recordChanges(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
  ids: readonly string[],
): Record<string, { before: string | null; after: string | null }> {
  return Object.fromEntries(ids.map((id) => [id, { before: before[id] ?? null, after: after[id] ?? null }]));
}

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
    const audit = new AuditRepo(tx);
    const actor = await dirRepo.personByAadObjectId(input.actorAadObjectId);
    // Every refusal is audited with actor, case, verb and reason — whatever the reason.
    const refuse = async (
      reason: Extract<ActResult, { ok: false }>['reason'],
      code: string,
      message: Localized,
    ): Promise<ActResult> => {
      await audit.append({
        at,
        actor: actor?.id ?? `aad:${input.actorAadObjectId}`,
        event: 'case.action_denied',
        subject: input.caseId,
        data: { action: input.action.name, reason: code },
      });
      return { ok: false, reason, message };
    };
    // Permission first: someone outside the directory, or without a need to know the case (or
    // asking for an id that does not exist), learns nothing — not its state, not who decided.
    if (!actor) return refuse('unseen', 'unknown_actor', UNSEEN);
    const c = await cases.get(input.caseId);
    if (!c) return refuse('unseen', 'not_found', UNSEEN);
    const directory: Directory = await dirRepo.load();
    // Whom the decision notifies is looked up here, not with a query per person.
    const people = new Map(directory.people.map((p) => [p.id, p]));
    const absences = await new AbsenceRepo(tx).active(at);
    const state = caseStateOf(c);
    const { involvement } = await involvementOf(tx, c.id);
    const view = mayView(state, involvement, { viewerId: actor.id, directory, absences, now });
    if (!view.ok) return refuse('unseen', view.reason, UNSEEN);
    // Then the state: a person who may see the case is told that it moved on, and by whom.
    const stale = validateAction(state, input.action);
    if (stale) {
      if (stale.code !== 'invalid_state') return refuse('invalid', stale.code, stale.message);
      const last = (await audit.list(c.id)).filter((e) => !isRefusalEvent(e.event)).at(-1);
      const by = last ? directory.people.find((p) => p.id === last.actor)?.name : undefined;
      const message =
        last && by
          ? msg('decisionService.lastAction', {
              message: stale.message,
              by,
              at: formatJst(new Date(last.at)),
            })
          : stale.message;
      return refuse('invalid', 'invalid_state', message);
    }
    // Then whether this person may take this step (deny by default, authorization.ts).
    const auth = authorize(state, input.action.name, { actorId: actor.id, directory, absences, now });
    if (!auth.ok) return refuse('denied', auth.reason, auth.message);
    // 11(2)⑦, 12(5)②キウ: each step of a cyber attack is the section officer's, except the
    // consultations the article gives to IT管理者 and 統括 (policy/cyber-attack.ts).
    if (state.kind === 'cyber_attack' && input.action.name === 'case.record') {
      const refusal = cyberStepRefusal(cyberStepRole(auth.as, actor), Object.keys(input.action.records));
      if (refusal) return refuse('denied', 'step_not_granted', refusal);
    }
    const r = applyAction(state, input.action, {
      actorId: actor.id,
      now,
      directory,
      formValue: c.form.value,
    });
    if (!r.ok) return refuse('invalid', r.code, r.message);
    const assigneeChanged = r.state.assigneeId !== c.assigneeId;
    const done = await cases.update(c.id, c.version, {
      status: r.state.status,
      assigneeId: r.state.assigneeId,
      state: stateJsonOf(r.state),
      escalationLevel: assigneeChanged ? 0 : c.escalationLevel,
      ackDueAt: c.ackDueAt,
      at,
    });
    if (!done) return refuse('conflict', 'version_conflict', CONFLICT);
    const updated = (await cases.get(c.id)) as CaseRecord;
    await audit.append({
      at,
      actor: actor.id,
      event: r.event.name,
      subject: c.id,
      article: r.event.article,
      data: {
        as: auth.as,
        summary: r.event.summary,
        from: { status: c.status, stage: state.stage, assigneeId: c.assigneeId },
        to: { status: updated.status, stage: r.state.stage, assigneeId: updated.assigneeId },
        // A record field changed: what it said before and what it says now (12(5)②カ).
        ...(input.action.name === 'case.record'
          ? { records: recordChanges(state.records, r.state.records, Object.keys(input.action.records)) }
          : {}),
        ...('comment' in input.action && input.action.comment ? { comment: input.action.comment } : {}),
        ...('conditions' in input.action && input.action.conditions
          ? { conditions: input.action.conditions }
          : {}),
      },
    });
    // --- outbound webhooks (webhook-service): persisted with the change, sent by WebhookDispatcher ---
    if (input.webhooks?.length) {
      await enqueueWebhooks(tx, input.webhooks, caseWebhookEvent(updated, r.event.name, at));
    }
    // --- end outbound webhooks ---
    // The awaited step moved on: its deadline no longer applies; the next step gets its own.
    const timers = new TimerRepo(tx);
    if (updated.status !== c.status || assigneeChanged || r.state.stage !== state.stage) {
      await timers.cancelForCase(c.id, 'ack_deadline');
      const awaitingSomeone =
        updated.assigneeId !== null &&
        isOpenCaseStatus(updated.status) &&
        (assigneeChanged || r.state.stage !== state.stage);
      if (awaitingSomeone) await scheduleAckDeadline(tx, updated, input.ackMinutes(updated), now);
    }
    if (assigneeChanged && updated.assigneeId) {
      await routeTo(
        tx,
        people,
        updated,
        updated.assigneeId,
        'chief_officer',
        { text: msg('decisionService.decides_next_stage'), article: r.event.article },
        at,
      );
    }
    const outbox = new OutboxRepo(tx);
    for (const n of r.notify) {
      if (n.why === 'requester') {
        const person = people.get(n.personId);
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
          people,
          updated,
          n.personId,
          n.why === 'chief_officer' ? 'chief_officer' : 'assignee',
          {
            text: msg('decisionService.receives_report'),
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
