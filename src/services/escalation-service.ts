import { fireGuidanceDue } from './guidance-service';
import { msg } from '../i18n';
import { citationList, type Citation } from '../domain/articles';
import type { Clock } from '../domain/clock';
import { isOpenCaseStatus, type Severity } from '../domain/cases';
import { escalationChain, type EscalationStep } from '../domain/routing';
import type { Logger } from '../logger';
import { AuditRepo } from '../storage/audit-repo';
import { CaseRepo, type CaseRecord } from '../storage/case-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { OutboxRepo, PRIORITY } from '../storage/outbox-repo';
import type { Database, SqlClient } from '../storage/sql';
import { TimerRepo, type Timer } from '../storage/timer-repo';
import { fireBroadcastReminder } from './broadcast-service';
import { fireComplianceSummary } from './compliance-summary-service';
import { fireDutyTimer } from './duty-service';
import { fireReminder } from './reminder-service';
import { caseWebhookEvent, enqueueWebhooks } from './webhook-service';
import type { WebhookConfig } from '../config/config';

export const priorityOf = (s: Severity): number =>
  s === 'critical' ? PRIORITY.critical : s === 'high' ? PRIORITY.high : PRIORITY.normal;

/** What an acknowledgement timer waits for: the case still in this status and stage. */
export interface AwaitedStep {
  status: string;
  stage: string | null;
  assigneeId: string | null;
}

export function awaitedStep(c: CaseRecord): AwaitedStep {
  return {
    status: c.status,
    stage: (c.state.stage as string | null | undefined) ?? null,
    assigneeId: c.assigneeId,
  };
}

function stillAwaiting(c: CaseRecord, w: AwaitedStep): boolean {
  if (!isOpenCaseStatus(c.status)) return false;
  const now = awaitedStep(c);
  return now.status === w.status && now.stage === w.stage && now.assigneeId === w.assigneeId;
}

/** Schedules the acknowledgement deadline of the case's current step (in the caller's transaction). */
export async function scheduleAckDeadline(
  tx: SqlClient,
  c: CaseRecord,
  minutes: number,
  now: Date,
): Promise<void> {
  const w = awaitedStep(c);
  await new TimerRepo(tx).schedule({
    dedupeKey: `ack:${c.id}:v${c.version}:l${c.escalationLevel}`,
    caseId: c.id,
    kind: 'ack_deadline',
    dueAt: new Date(now.getTime() + minutes * 60_000).toISOString(),
    payload: { awaiting: w, minutes },
    at: now.toISOString(),
  });
}

/**
 * The next escalation step: the deputy, then the superior, then 統括 and the IT administrators
 * together. `level` counts the steps already taken. Deadlines and the chain are the organisation's
 * rule; each step carries its own citation (routing.ts escalationChain: 12(5)②オ only for the
 * superior step of an urgent breach).
 */
export function nextEscalation(steps: readonly EscalationStep[], level: number): EscalationStep[] {
  const groups: EscalationStep[][] = [];
  for (const s of steps) {
    const last = groups[groups.length - 1];
    const finalGroup = s.role === 'chief_officer' || s.role === 'it_admin';
    if (finalGroup && last && last.every((x) => x.role === 'chief_officer' || x.role === 'it_admin'))
      last.push(s);
    else groups.push([s]);
  }
  return groups[level] ?? [];
}

async function fireAckDeadline(
  tx: SqlClient,
  timer: Timer,
  now: Date,
  logger: Logger,
  hooks: readonly WebhookConfig[],
): Promise<'escalated' | 'stale' | 'exhausted'> {
  const cases = new CaseRepo(tx);
  const c = timer.caseId ? await cases.get(timer.caseId) : undefined;
  const awaiting = timer.payload.awaiting as AwaitedStep | undefined;
  if (!c || !awaiting || !stillAwaiting(c, awaiting) || !c.assigneeId) return 'stale';
  const dirRepo = new DirectoryRepo(tx);
  const dir = await dirRepo.load();
  const chain = escalationChain(dir, c.sectionCode, c.assigneeId, {
    exclude: [c.reporterId],
    kind: c.kind,
    // 急を要するとき (12(5)②オ): a case with a deadline in minutes.
    urgent: c.severity !== 'normal',
  });
  if (!chain.ok) return 'exhausted';
  const escalatedTo = new Set((c.state.escalatedTo as string[] | undefined) ?? []);
  const targets = nextEscalation(chain.steps, c.escalationLevel).filter((s) => !escalatedTo.has(s.to));
  if (targets.length === 0) return 'exhausted';
  const at = now.toISOString();
  const cited: readonly Citation[] = citationList(targets.map((t) => t.article));
  for (const t of targets) escalatedTo.add(t.to);
  const state = { ...c.state, escalatedTo: [...escalatedTo] };
  if (
    !(await cases.update(c.id, c.version, {
      status: c.status,
      assigneeId: c.assigneeId,
      state,
      escalationLevel: c.escalationLevel + 1,
      ackDueAt: c.ackDueAt,
      at,
    }))
  ) {
    return 'stale';
  }
  const outbox = new OutboxRepo(tx);
  for (const t of targets) {
    await cases.addRecipient({
      caseId: c.id,
      personId: t.to,
      role: t.role,
      reasons: [
        {
          text: msg('escalation.reason', { role: msg(`escalation.role.${t.role}`) }),
          article: t.article,
        },
      ],
    });
    const person = dir.people.find((p) => p.id === t.to);
    if (person) {
      await outbox.enqueue({
        dedupeKey: `case.routed:${c.id}:${t.to}`,
        toAad: person.aadObjectId,
        priority: priorityOf(c.severity),
        message: { type: 'case.routed', caseId: c.id, personId: t.to, role: t.role },
        caseId: c.id,
        at,
      });
    }
  }
  const assignee = dir.people.find((p) => p.id === c.assigneeId);
  if (assignee) {
    await outbox.enqueue({
      dedupeKey: `case.overdue:${c.id}:l${c.escalationLevel}`,
      toAad: assignee.aadObjectId,
      priority: priorityOf(c.severity),
      message: {
        type: 'text',
        text: msg('escalation.overdue', {
          caseId: c.id,
          names: targets.map((t) => dir.people.find((p) => p.id === t.to)?.name ?? t.to),
        }),
        article: cited,
      },
      caseId: c.id,
      at,
    });
  }
  await new AuditRepo(tx).append({
    at,
    actor: 'scheduler',
    event: 'case.escalated',
    subject: c.id,
    article: cited,
    data: { level: c.escalationLevel + 1, to: targets.map((t) => t.to), roles: targets.map((t) => t.role) },
  });
  const updated = await cases.get(c.id);
  if (updated) await scheduleAckDeadline(tx, updated, Number(timer.payload.minutes ?? 15), now);
  if (updated && hooks.length > 0) {
    await enqueueWebhooks(tx, hooks, caseWebhookEvent(updated, 'case.escalated', at));
  }
  logger.info({ caseId: c.id, level: c.escalationLevel + 1 }, 'case escalated');
  return 'escalated';
}

/**
 * Fires every due timer once. Each timer is completed in the same transaction as its effect, so a
 * crash before commit leaves it pending (it fires after restart) and a commit means it never fires
 * again. Returns how many timers had an effect.
 */
export async function fireDueTimers(
  db: Database,
  clock: Clock,
  logger: Logger,
  hooks: readonly WebhookConfig[] = [],
): Promise<number> {
  const now = clock.now();
  const due = await new TimerRepo(db).due(now.toISOString(), 50);
  let effective = 0;
  for (const timer of due) {
    const outcome = await db.transaction(async (tx) => {
      if (!(await new TimerRepo(tx).complete(timer.id, now.toISOString()))) return 'taken' as const;
      if (timer.kind === 'ack_deadline') return fireAckDeadline(tx, timer, now, logger, hooks);
      if (timer.kind === 'broadcast_reminder')
        return (await fireBroadcastReminder(tx, { now: () => now }, timer.payload))
          ? ('escalated' as const)
          : ('stale' as const);
      if (timer.kind === 'guidance_due')
        return (await fireGuidanceDue(tx, timer, now)) ? ('escalated' as const) : ('stale' as const);
      if (timer.kind === 'compliance_summary')
        return (await fireComplianceSummary(tx, timer, now)) ? ('escalated' as const) : ('stale' as const);
      if (timer.kind === 'duty_overdue')
        return (await fireDutyTimer(tx, timer, now)) ? ('escalated' as const) : ('stale' as const);
      return (await fireReminder(tx, timer, now)) ? ('escalated' as const) : ('stale' as const);
    });
    if (outcome === 'escalated') effective += 1;
  }
  return effective;
}

/** Polls the durable timers; nothing about them lives only in memory. */
export class TimerScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      logger: Logger;
      onFired: () => void;
      /** Outbound webhooks: escalations are events too. */
      webhooks?: readonly WebhookConfig[];
    },
    private readonly pollMs = 5000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    this.timer.unref();
    void this.tick();
  }

  /** Fires what is due now; a tick while another runs waits for it, then runs once more. */
  async tick(): Promise<number> {
    while (this.running) await this.running;
    const run = fireDueTimers(this.deps.db, this.deps.clock, this.deps.logger, this.deps.webhooks ?? [])
      .then((n) => {
        if (n > 0) this.deps.onFired();
        return n;
      })
      .catch((err: unknown) => {
        this.deps.logger.error({ err: (err as Error).message }, 'timer scheduler failed');
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    this.running = run;
    return run;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
