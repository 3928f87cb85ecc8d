import { OPERATING_RULE, type Citation } from '../domain/articles';
import { officerReceivesArticles } from '../domain/case-articles';
import type { Clock } from '../domain/clock';
import {
  articlesOf,
  caseCategory,
  caseIdPrefix,
  type CaseKind,
  type CaseOrigin,
  type CaseStatus,
  type Severity,
} from '../domain/cases';
import type { Person } from '../domain/directory';
import type { CaseRoute } from '../domain/routing';
import { jstDateOf } from '../domain/policy/jst';
import { initialCaseState } from '../domain/decisions';
import { AbsenceRepo } from '../storage/absence-repo';
import { stateJsonOf } from './case-state';
import { enqueueCardUpdates } from './decision-service';
import { scheduleAckDeadline } from './escalation-service';
import { scheduleReminders } from './reminder-service';
import { AuditRepo } from '../storage/audit-repo';
import { CaseRepo, type CaseRecipient, type CaseRecord } from '../storage/case-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { DraftRepo, type Draft } from '../storage/draft-repo';
import { OutboxRepo, PRIORITY } from '../storage/outbox-repo';
import type { Database } from '../storage/sql';
import type { WebhookConfig } from '../config/config';
import { caseWebhookEvent, enqueueWebhooks } from './webhook-service';
import { msg } from '../i18n';

export interface SubmitCaseInput {
  reporter: Person;
  kind: CaseKind;
  /** Validated answers, JSON-serialisable. */
  form: Record<string, unknown>;
  /** The policy evaluation shown on the confirmation card. */
  evaluation: Record<string, unknown>;
  severity: Severity;
  ackMinutes: number;
  route: CaseRoute & { possibleLeak?: boolean };
  /** Exception filed as urgent (12(6)②). */
  urgent?: boolean;
  /** Personal data may have leaked: the case cannot close before 統括 is told. */
  possibleLeak?: boolean;
  /** Outbound webhooks (config.webhooks); matching ones are enqueued with the case. */
  webhooks?: WebhookConfig[];
  /**
   * A take-out no article makes subject to permission (10(4)①ただし書, 8(3)①カ): it is filed as a
   * record, closed at once, and the section officer gets it for information, with no deadline.
   */
  recordOnly?: { basis: readonly Citation[]; audit?: { before: unknown; after: unknown } };
  /** What the report was started from (the draft's origin: an answer to a broadcast). */
  origin?: CaseOrigin | null;
}

export interface SubmittedCase {
  caseId: string;
  recipients: Array<Omit<CaseRecipient, 'caseId'>>;
  ackDueAt: string;
}

const priorityOf = (s: Severity): number =>
  s === 'critical' ? PRIORITY.critical : s === 'high' ? PRIORITY.high : PRIORITY.normal;

/**
 * Creates the case, its recipients and their routed cards (outbox) in one transaction, with its
 * audit event; the reporter's draft is removed in the same transaction, so a double click on
 * 送信 cannot create two cases.
 */
export async function submitCase(
  db: Database,
  clock: Clock,
  input: SubmitCaseInput,
): Promise<SubmittedCase | null> {
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const drafts = new DraftRepo(tx);
    if (!(await drafts.delete(input.reporter.id, input.kind))) return null;
    const cases = new CaseRepo(tx);
    const dir = new DirectoryRepo(tx);
    const directory = await dir.load();
    const caseId = await cases.nextId(caseIdPrefix(input.kind), Number(jstDateOf(now).slice(0, 4)));
    const ackDueAt = new Date(now.getTime() + input.ackMinutes * 60_000).toISOString();
    // The decision state decides who acts first (an exception filed by an officer goes to 統括).
    const initial = initialCaseState(
      {
        id: caseId,
        kind: input.kind,
        reporterId: input.reporter.id,
        sectionCode: input.route.sectionCode,
        assigneeId: input.route.assignee,
        urgent: input.urgent === true,
        possibleLeak: input.route.possibleLeak === true || input.possibleLeak === true,
      },
      directory,
    );
    const recordOnly = input.recordOnly !== undefined;
    const routedTo = initial.assigneeId ?? input.route.assignee;
    // A record needs nobody to act on it.
    const assigneeId = recordOnly ? null : routedTo;
    await cases.insert({
      id: caseId,
      kind: input.kind,
      category: caseCategory(input.kind),
      status: recordOnly ? 'closed' : 'submitted',
      severity: input.severity,
      reporterId: input.reporter.id,
      sectionCode: input.route.sectionCode,
      assigneeId,
      form: input.form,
      evaluation: input.evaluation,
      ackDueAt,
      createdAt: at,
      updatedAt: at,
      state: stateJsonOf(initial),
      origin: input.origin ?? null,
    });
    const recipients: SubmittedCase['recipients'] = [
      routedTo === input.route.assignee
        ? { personId: routedTo, role: input.route.assigneeRole, reasons: [input.route.assigneeReason] }
        : {
            personId: routedTo,
            role: 'chief_officer',
            reasons: [
              initial.stage === 'post_report'
                ? {
                    text: msg('caseService.receives_urgent_exception_s_report'),
                    article: '12(6)②',
                  }
                : { text: msg('caseService.decides_exception'), article: '12(6)①' },
            ],
          },
      ...input.route.notify
        .filter((n) => n.personId !== routedTo)
        .map((n) => ({ personId: n.personId, role: n.roles.join(','), reasons: n.reasons })),
    ];
    // 不在: while the assignee is away, their deputy gets the card too and may act. The deputy is the
    // organisation's rule (運用ルール): the standard has no 代理者.
    const absent = (await new AbsenceRepo(tx).active(at)).some(
      (a) => a.personId === assigneeId && a.from <= now,
    );
    const deputy = directory.sections.find((s) => s.officerId === assigneeId)?.deputyId;
    if (absent && deputy && deputy !== input.reporter.id && !recipients.some((r) => r.personId === deputy)) {
      recipients.push({
        personId: deputy,
        role: 'deputy',
        reasons: [
          {
            text: msg('caseService.deputy_assignee_away'),
            article: OPERATING_RULE,
          },
        ],
      });
    }
    // Recipients and their routed cards in a few multi-row statements, people from the directory
    // this transaction already read: nothing per recipient (over a network each would be a round trip).
    await cases.addRecipients(recipients.map((r) => ({ caseId, ...r })));
    const people = new Map(directory.people.map((p) => [p.id, p]));
    await new OutboxRepo(tx).enqueueMany(
      recipients.flatMap((r) => {
        const person = people.get(r.personId);
        if (!person) return [];
        return [
          {
            dedupeKey: `case.routed:${caseId}:${r.personId}`,
            toAad: person.aadObjectId,
            priority: priorityOf(input.severity),
            message: { type: 'case.routed' as const, caseId, personId: r.personId, role: r.role },
            caseId,
            at,
          },
        ];
      }),
    );
    const inserted = (await cases.get(caseId)) as CaseRecord;
    if (!recordOnly) await scheduleAckDeadline(tx, inserted, input.ackMinutes, now);
    await scheduleReminders(tx, inserted, now);
    await new AuditRepo(tx).append({
      at,
      actor: input.reporter.id,
      event: 'case.submitted',
      subject: caseId,
      // What the filing applies: the report to the officer, or what the request's permission rests on
      // (domain/case-articles.ts; for a record, why no permission is needed).
      article: input.recordOnly?.basis ?? officerReceivesArticles(input.kind, input.form.value),
      data: {
        ...(recordOnly ? { recordOnly: true } : {}),
        // What the record changed (e.g. an old IC card from its holder to destroyed, 10(9)③).
        ...(input.recordOnly?.audit
          ? { before: input.recordOnly.audit.before, after: input.recordOnly.audit.after }
          : {}),
        kind: input.kind,
        severity: input.severity,
        assignee: assigneeId,
        stage: initial.stage,
        notify: input.route.notify.map((n) => n.personId),
        ackDueAt,
        ...(input.origin ? { origin: input.origin } : {}),
      },
    });
    // --- outbound webhooks (webhook-service): persisted with the case, sent by WebhookDispatcher ---
    if (input.webhooks?.length) {
      await enqueueWebhooks(tx, input.webhooks, caseWebhookEvent(inserted, 'case.submitted', at));
    }
    // --- end outbound webhooks ---
    return { caseId, recipients, ackDueAt };
  });
}

/** Statuses in which a reporter may still withdraw: nothing decided yet. */
const CANCELLABLE: readonly CaseStatus[] = ['submitted', 'endorsed'];

export function canCancel(c: CaseRecord, personId: string): boolean {
  return c.reporterId === personId && c.category === 'request' && CANCELLABLE.includes(c.status);
}

export type CancelResult =
  { ok: true; case: CaseRecord } | { ok: false; reason: 'not_allowed' | 'not_cancellable' };

/**
 * A reporter withdraws a pending request. Deny by default: only the reporter, only requests, only
 * before a decision; the version check makes a cancel racing a decision lose cleanly.
 */
export async function cancelCase(
  db: Database,
  clock: Clock,
  caseId: string,
  actor: Person,
  webhooks: WebhookConfig[] = [],
): Promise<CancelResult> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const cases = new CaseRepo(tx);
    const refuse = async (reason: 'not_found' | 'not_allowed' | 'not_cancellable'): Promise<CancelResult> => {
      await new AuditRepo(tx).append({
        at,
        actor: actor.id,
        event: 'case.action_denied',
        subject: caseId,
        data: { action: 'case.cancel', reason },
      });
      // Someone else's case and a missing one answer alike: nothing to learn from walking ids.
      return { ok: false, reason: reason === 'not_found' ? 'not_allowed' : reason };
    };
    const c = await cases.get(caseId);
    if (!c) return refuse('not_found');
    if (c.reporterId !== actor.id) return refuse('not_allowed');
    if (!canCancel(c, actor.id)) return refuse('not_cancellable');
    if (!(await cases.setStatus(c.id, c.version, 'cancelled', at))) return refuse('not_cancellable');
    // Each recipient with their address in one query, their notices in one multi-row statement.
    await new OutboxRepo(tx).enqueueMany(
      (await cases.recipientAddresses(c.id)).flatMap((r) =>
        r.aadObjectId === null
          ? []
          : [
              {
                dedupeKey: `case.cancelled:${c.id}:${r.personId}`,
                toAad: r.aadObjectId,
                priority: PRIORITY.normal,
                message: { type: 'text' as const, text: msg('caseService.withdrawn', { caseId: c.id }) },
                caseId: c.id,
                at,
              },
            ],
      ),
    );
    await new AuditRepo(tx).append({
      at,
      actor: actor.id,
      event: 'case.cancelled',
      subject: c.id,
      article: articlesOf(c.kind),
      data: { from: c.status, to: 'cancelled' },
    });
    const updated = await cases.get(c.id);
    // The posted cards lose their buttons (no stale approve button on a withdrawn request).
    if (updated) await enqueueCardUpdates(tx, updated, at);
    if (updated && webhooks.length > 0) {
      await enqueueWebhooks(tx, webhooks, caseWebhookEvent(updated, 'case.cancelled', at));
    }
    return { ok: true, case: updated ?? c };
  });
}

/** 私の申請・報告: the person's own cases and drafts, nobody else's. */
export async function listMyCases(
  db: Database,
  personId: string,
): Promise<{ cases: Array<CaseRecord & { cancellable: boolean }>; drafts: Draft[] }> {
  const cases = await new CaseRepo(db).listByReporter(personId);
  const drafts = await new DraftRepo(db).listByPerson(personId);
  return { cases: cases.map((c) => ({ ...c, cancellable: canCancel(c, personId) })), drafts };
}
