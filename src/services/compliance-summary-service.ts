// The monthly compliance summary to 統括 (13(1)): computed from counts in SQL, sent through the
// outbox to every 統括 by the durable scheduler (timer kind 'compliance_summary', 09:00 JST on the 1st
// for the month before), and shown on request (「遵守状況」) to 統括 and IT管理者 for the month so far.
import { answerRequired, type AnswerSpec } from '../domain/broadcast';
import type { Clock } from '../domain/clock';
import {
  addMonths,
  COMPLIANCE_REPORT_ARTICLE,
  emptyFigures,
  EXCEPTION_EXPIRY_WINDOW_DAYS,
  isIsoMonth,
  jstMonthOf,
  monthRange,
  summaryDueAt,
  summaryOutboxKey,
  summaryTimerKey,
  totalOf,
  type ComplianceFigures,
  type ComplianceSummary,
  type IsoMonth,
} from '../domain/compliance-summary';
import type { Person } from '../domain/directory';
import { addDays, jstDateOf } from '../domain/policy/jst';
import { AuditRepo } from '../storage/audit-repo';
import { ComplianceSummaryRepo } from '../storage/compliance-summary-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { DutyRepo } from '../storage/duty-repo';
import { OutboxRepo, PRIORITY } from '../storage/outbox-repo';
import type { Database, SqlClient } from '../storage/sql';
import { TimerRepo, type Timer } from '../storage/timer-repo';

/**
 * The summary of `month`: the month's broadcasts and their answers, and the standing figures (open
 * incidents, overdue acknowledgements and returns, exceptions ending) as they are at `now`.
 */
export async function computeComplianceSummary(
  sql: SqlClient,
  month: IsoMonth,
  now: Date,
): Promise<ComplianceSummary> {
  const repo = new ComplianceSummaryRepo(sql);
  const sections = new Map<string, ComplianceFigures>();
  const of = (code: string) => {
    let f = sections.get(code);
    if (!f) sections.set(code, (f = emptyFigures()));
    return f;
  };
  const today = jstDateOf(now);
  for (const r of await repo.openIncidents()) {
    const f = of(r.sectionCode);
    f.openIncidents = r.n;
    f.oldestOpenIncident = { caseId: r.oldestId, createdAt: r.oldestAt };
  }
  for (const r of await repo.overdueAcks(now.toISOString())) of(r.sectionCode).overdueAcks = r.n;
  for (const r of await repo.overdueReturns(today)) of(r.sectionCode).overdueReturns = r.n;
  for (const r of await repo.exceptions(today, addDays(today, EXCEPTION_EXPIRY_WINDOW_DAYS))) {
    const f = of(r.sectionCode);
    f.exceptionsExpired = r.expired;
    f.exceptionsExpiring = r.expiring;
  }
  const range = monthRange(month);
  // Each section's compliance check of the month (13(1), a duty on the calendar): done or not.
  for (const r of await new DutyRepo(sql).countByStatus('compliance_check', range.from, range.to)) {
    if (r.status === 'done') of(r.sectionCode).complianceChecksDone += r.n;
    else if (r.status === 'open') of(r.sectionCode).complianceChecksOpen += r.n;
  }
  const asking = (await repo.sentBroadcasts(range.from, range.to)).filter((b) =>
    answerRequired(JSON.parse(b.answerJson) as AnswerSpec),
  );
  const byBroadcast = new Map(
    asking.map((b) => [
      b.id,
      {
        broadcastId: b.id,
        mode: b.mode === 'real' ? ('real' as const) : ('drill' as const),
        sentAt: b.sentAt,
        targeted: 0,
        answered: 0,
      },
    ]),
  );
  for (const r of await repo.answerCounts(asking.map((b) => b.id))) {
    const f = of(r.sectionCode);
    f.broadcastTargeted += r.targeted;
    f.broadcastAnswered += r.answered;
    const b = byBroadcast.get(r.broadcastId);
    if (b) {
      b.targeted += r.targeted;
      b.answered += r.answered;
    }
  }
  const ordered = [...sections.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    month,
    asOf: now.toISOString(),
    sections: Object.fromEntries(ordered),
    total: totalOf(ordered.map(([, f]) => f)),
    broadcasts: [...byBroadcast.values()],
  };
}

/** Schedules the summary of `month` (in the caller's transaction); nothing when it already is. */
export async function scheduleComplianceSummary(tx: SqlClient, month: IsoMonth, now: Date): Promise<boolean> {
  return new TimerRepo(tx).schedule({
    dedupeKey: summaryTimerKey(month),
    caseId: null,
    kind: 'compliance_summary',
    dueAt: summaryDueAt(month).toISOString(),
    payload: { month },
    at: now.toISOString(),
  });
}

/**
 * At start-up: the summary of the current month is scheduled (once; each sent summary schedules the
 * next). A summary whose time passed while the bot was down is still pending and fires on the first
 * scheduler tick, so a missed 1st is caught up.
 */
export async function ensureComplianceSummaryTimer(db: Database, clock: Clock): Promise<void> {
  const now = clock.now();
  await db.transaction((tx) => scheduleComplianceSummary(tx, jstMonthOf(now), now));
}

/**
 * Fires the summary timer (inside the scheduler's transaction, which also completes the timer): one
 * outbox message per 統括 with a key per month and person, the audit event, and the next month's
 * timer — all in one commit, so a crash sends it later or not again, never twice.
 */
export async function fireComplianceSummary(tx: SqlClient, timer: Timer, now: Date): Promise<boolean> {
  const month = timer.payload.month;
  if (!isIsoMonth(month)) return false;
  const summary = await computeComplianceSummary(tx, month, now);
  const chiefs = (await new DirectoryRepo(tx).load()).people.filter((p) => p.isChiefOfficer);
  const at = now.toISOString();
  const outbox = new OutboxRepo(tx);
  const sentTo: string[] = [];
  for (const chief of chiefs) {
    const queued = await outbox.enqueue({
      dedupeKey: summaryOutboxKey(month, chief.id),
      toAad: chief.aadObjectId,
      priority: PRIORITY.normal,
      message: { type: 'compliance.summary', personId: chief.id, summary },
      at,
    });
    if (queued) sentTo.push(chief.id);
  }
  await new AuditRepo(tx).append({
    at,
    actor: 'scheduler',
    event: 'compliance.summary_sent',
    subject: `compliance:${month}`,
    article: COMPLIANCE_REPORT_ARTICLE,
    data: { month, to: sentTo, total: { ...summary.total }, broadcasts: summary.broadcasts.length },
  });
  await scheduleComplianceSummary(tx, addMonths(month, 1), now);
  return true;
}

export type SummaryRequest = { ok: true; summary: ComplianceSummary } | { ok: false };

/**
 * 「遵守状況」: the current month so far, for 統括 and IT管理者. Anyone else is refused (deny by
 * default) and the refusal is audited; the summary itself changes nothing and is not.
 */
export async function requestComplianceSummary(
  db: Database,
  clock: Clock,
  actor: Person,
): Promise<SummaryRequest> {
  const now = clock.now();
  if (!actor.isChiefOfficer && !actor.isItAdmin) {
    await new AuditRepo(db).append({
      at: now.toISOString(),
      actor: actor.id,
      event: 'compliance.summary_denied',
      subject: `compliance:${jstMonthOf(now)}`,
      article: COMPLIANCE_REPORT_ARTICLE,
      data: { reason: 'not_chief_or_it_admin' },
    });
    return { ok: false };
  }
  return { ok: true, summary: await computeComplianceSummary(db, jstMonthOf(now), now) };
}

/** Section code → name, for showing a summary. */
export async function sectionNames(sql: SqlClient): Promise<Map<string, string>> {
  return new Map((await new DirectoryRepo(sql).load()).sections.map((s) => [s.code, s.name]));
}
