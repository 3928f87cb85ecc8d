import { OPERATING_RULE, type Citations } from '../domain/articles';
import type { Clock } from '../domain/clock';
import type { Localized } from '../domain/cases';
import type { Person } from '../domain/directory';
import { addDays, formatJst, startOfJstDay, type IsoDate } from '../domain/policy/jst';
import { AuditRepo } from '../storage/audit-repo';
import { CaseRepo, type CaseRecord } from '../storage/case-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { OutboxRepo, PRIORITY, type OutboxMessage } from '../storage/outbox-repo';
import type { Database, SqlClient } from '../storage/sql';
import { TimerRepo, type Timer } from '../storage/timer-repo';
import { msg } from '../i18n';

/** What a reminder timer does when it fires. */
export type ReminderPayload =
  | { type: 'takeout_return'; step: 1 | 2 }
  | { type: 'leak_report'; which: 'preliminary' | 'final'; dueAt: string }
  | { type: 'exception_expiry'; periodEnd: IsoDate };

const at9Jst = (d: IsoDate) => new Date(startOfJstDay(d).getTime() + 9 * 3_600_000);

async function schedule(
  tx: SqlClient,
  c: CaseRecord,
  key: string,
  dueAt: Date,
  payload: ReminderPayload,
  now: Date,
) {
  await new TimerRepo(tx).schedule({
    dedupeKey: `reminder:${c.id}:${key}`,
    caseId: c.id,
    kind: 'reminder',
    dueAt: dueAt.toISOString(),
    payload: payload as unknown as Record<string, unknown>,
    at: now.toISOString(),
  });
}

/**
 * Reminders a state change starts: an approved take-out's return, an approved exception's expiry,
 * and — from submission — the external reporting deadlines of a personal-data leak. The reminders and
 * their timing are the organisation's rule (運用ルール): 10(4)⑥ asks for a record of take-outs, not
 * for return reminders, and 12(6) sets no expiry. The leak deadlines come from 個人情報保護法 68条.
 */
export async function scheduleReminders(tx: SqlClient, c: CaseRecord, now: Date): Promise<void> {
  const value = (c.form.value ?? {}) as Record<string, unknown>;
  if (c.kind === 'takeout' && c.status === 'approved' && typeof value.returnDate === 'string') {
    // The day after the return date, 09:00 JST: the requester first, a day later the officer.
    await schedule(
      tx,
      c,
      'return:1',
      at9Jst(addDays(value.returnDate, 1)),
      { type: 'takeout_return', step: 1 },
      now,
    );
  }
  if (c.kind === 'exception' && c.status === 'approved' && typeof value.periodEnd === 'string') {
    const due = at9Jst(addDays(value.periodEnd, -3));
    await schedule(
      tx,
      c,
      'expiry',
      due < now ? now : due,
      { type: 'exception_expiry', periodEnd: value.periodEnd },
      now,
    );
  }
  const ev = c.evaluation;
  if (c.kind === 'misdirected_mail' && ev.mustReportToCommission === true && c.status === 'submitted') {
    for (const which of ['preliminary', 'final'] as const) {
      const dueAt = ev[which === 'preliminary' ? 'preliminaryReportDue' : 'finalReportDue'];
      if (typeof dueAt !== 'string') continue;
      const remind = new Date(Date.parse(dueAt) - (which === 'preliminary' ? 2 : 5) * 86_400_000);
      await schedule(
        tx,
        c,
        `leak:${which}`,
        remind < now ? now : remind,
        { type: 'leak_report', which, dueAt },
        now,
      );
    }
  }
}

function notice(
  c: CaseRecord,
  title: Localized,
  text: Localized,
  article: Citations,
  withReturnButton: boolean,
): OutboxMessage {
  return {
    type: 'notice',
    caseId: c.id,
    title: msg('reminder.noticeTitle', { caseId: c.id, title }),
    text,
    article,
    buttons: withReturnButton ? [{ title: msg('reminder.returned'), verb: 'case.returned' }] : [],
  };
}

async function send(
  tx: SqlClient,
  c: CaseRecord,
  to: Person | undefined,
  key: string,
  m: OutboxMessage,
  at: string,
) {
  if (!to) return;
  await new OutboxRepo(tx).enqueue({
    dedupeKey: `${key}:${to.id}`,
    toAad: to.aadObjectId,
    priority: PRIORITY.normal,
    message: m,
    caseId: c.id,
    at,
  });
}

/** Fires one reminder timer (inside the scheduler's transaction). True when someone was reminded. */
export async function fireReminder(tx: SqlClient, timer: Timer, now: Date): Promise<boolean> {
  const cases = new CaseRepo(tx);
  const c = timer.caseId ? await cases.get(timer.caseId) : undefined;
  if (!c) return false;
  const p = timer.payload as unknown as ReminderPayload;
  const dir = new DirectoryRepo(tx);
  const at = now.toISOString();
  const key = `reminder:${timer.id}`;
  const requester = await dir.personById(c.reporterId);
  const officer = (await dir.section(c.sectionCode))?.officerId;
  switch (p.type) {
    case 'takeout_return': {
      if (c.status !== 'approved' || c.state.returnedAt) return false;
      const due = String((c.form.value as Record<string, unknown>).returnDate ?? '');
      if (p.step === 1) {
        await send(
          tx,
          c,
          requester,
          key,
          notice(
            c,
            msg('reminder.return_check'),
            msg('reminder.returnOverdue', { due: due.replaceAll('-', '/') }),
            OPERATING_RULE,
            true,
          ),
          at,
        );
        await schedule(
          tx,
          c,
          'return:2',
          new Date(now.getTime() + 86_400_000),
          { type: 'takeout_return', step: 2 },
          now,
        );
      } else {
        const to = officer ? await dir.personById(officer) : undefined;
        await send(
          tx,
          c,
          to,
          key,
          notice(
            c,
            msg('reminder.take_out_not_returned'),
            msg('reminder.returnNotReported', {
              name: requester?.name ?? c.reporterId,
              due: due.replaceAll('-', '/'),
            }),
            OPERATING_RULE,
            true,
          ),
          at,
        );
      }
      break;
    }
    case 'leak_report': {
      if (c.status === 'closed' || c.status === 'cancelled') return false;
      const text: Localized = msg('reminder.leakDue', {
        which: msg(p.which === 'preliminary' ? 'reminder.leakPreliminary' : 'reminder.leakFinal'),
        due: formatJst(new Date(p.dueAt)),
      });
      const chiefs = (await dir.load()).people.filter((x) => x.isChiefOfficer);
      const targets = [c.assigneeId ? await dir.personById(c.assigneeId) : undefined, ...chiefs];
      for (const t of targets)
        await send(
          tx,
          c,
          t,
          key,
          notice(
            c,
            msg('reminder.leak_report_deadline'),
            text,
            ['個人情報保護法68条1項', '個人情報保護法68条2項'],
            false,
          ),
          at,
        );
      break;
    }
    case 'exception_expiry': {
      if (c.status !== 'approved') return false;
      const text: Localized = msg('reminder.exceptionEnds', { end: p.periodEnd.replaceAll('-', '/') });
      const to = officer ? await dir.personById(officer) : undefined;
      for (const t of [requester, to])
        await send(
          tx,
          c,
          t,
          key,
          // 12(6) gives an exception no expiry: the period is the requester's, the reminder our rule.
          notice(c, msg('reminder.exception_expiry'), text, OPERATING_RULE, false),
          at,
        );
      break;
    }
  }
  await new AuditRepo(tx).append({
    at,
    actor: 'scheduler',
    event: 'case.reminded',
    subject: c.id,
    article: p.type === 'leak_report' ? ['個人情報保護法68条1項', '個人情報保護法68条2項'] : OPERATING_RULE,
    data: { ...p },
  });
  return true;
}

/** The requester (or the section officer) confirms the return of a take-out (10(4)⑥). */
export async function confirmReturn(
  db: Database,
  clock: Clock,
  caseId: string,
  actor: Person,
): Promise<{ ok: true } | { ok: false; message: Localized }> {
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const cases = new CaseRepo(tx);
    const c = await cases.get(caseId);
    const officer = c ? (await new DirectoryRepo(tx).section(c.sectionCode))?.officerId : undefined;
    // Deny by default: only the requester and the section's officer may record a return. The
    // refusal is audited and says nothing about the case.
    if (!c || c.kind !== 'takeout' || (c.reporterId !== actor.id && officer !== actor.id)) {
      await new AuditRepo(tx).append({
        at,
        actor: actor.id,
        event: 'case.action_denied',
        subject: caseId,
        data: { action: 'case.returned', reason: !c ? 'not_found' : 'not_allowed' },
      });
      return {
        ok: false,
        message: msg('reminder.cannot_record_return'),
      };
    }
    if (c.status !== 'approved') {
      return {
        ok: false,
        message: msg('reminder.take_out_was_not_approved'),
      };
    }
    if (c.state.returnedAt) return { ok: true };
    const state = { ...c.state, returnedAt: at, returnedConfirmedBy: actor.id };
    if (
      !(await cases.update(c.id, c.version, {
        status: c.status,
        assigneeId: c.assigneeId,
        state,
        escalationLevel: c.escalationLevel,
        ackDueAt: c.ackDueAt,
        at,
      }))
    ) {
      return {
        ok: false,
        message: msg('reminder.updated_same_time_press_again'),
      };
    }
    await new TimerRepo(tx).cancelForCase(c.id, 'reminder');
    await new AuditRepo(tx).append({
      at,
      actor: actor.id,
      event: 'takeout.returned',
      subject: c.id,
      article: '10(4)⑥',
    });
    return { ok: true };
  });
}
