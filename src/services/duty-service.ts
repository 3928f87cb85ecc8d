// Duties (domain/duties.ts): opening an instance (its audit event, the reminder card to its owner and
// its overdue timers, in the caller's transaction), the calendar sweep that opens each period of
// every periodic duty, the overdue steps, completing a duty on its card (with the report to 統括
// where the article asks for one), 「今月の定期業務」 and setting a cycle (運用ルール).
// Every use case reloads the acting person from `aadObjectId` and the duty from storage; every
// refusal is audited.
import { OPERATING_RULE, citationList, type Citation } from '../domain/articles';
import type { Clock } from '../domain/clock';
import type { Directory, Person } from '../domain/directory';
import {
  dutyCalendarScope,
  dutyOwners,
  mayCompleteDuty,
  maySetDutyCycle,
  mayViewDuty,
  type DutyDenyReason,
} from '../domain/duty-access';
import { effectiveCycle, ORGANISATION_DEFAULT, overdueStepAt, periodsToOpen } from '../domain/duty-calendar';
import { dutyFormFields, reportsToChief, validateDutyCompletion } from '../domain/duty-form';
import {
  dutyCitations,
  DUTY_DEFINITIONS,
  PERIODIC_DUTY_KINDS,
  type DutyCycle,
  type DutyKind,
  type DutyOpening,
  type PeriodicDutyKind,
} from '../domain/duties';
import { limitAnswers, type FieldDef, type FieldErrors } from '../domain/flows/form';
import { jstMonthOf, monthRange } from '../domain/compliance-summary';
import { msg, type Msg } from '../i18n';
import { AbsenceRepo } from '../storage/absence-repo';
import { AuditRepo } from '../storage/audit-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { DutyCalendarRepo, DutyRepo, type DutyDraft, type DutyInstance } from '../storage/duty-repo';
import { OutboxRepo, PRIORITY } from '../storage/outbox-repo';
import type { Database, SqlClient } from '../storage/sql';
import { TimerRepo, type Timer } from '../storage/timer-repo';
import { PeriodicTask } from './periodic';

/** Why a duty card is sent: opened, reminded again when overdue, escalated, reported to 統括. */
export type DutyCardReason = 'opened' | 'overdue' | 'escalated' | 'report';

async function absentNow(tx: SqlClient, now: Date): Promise<Set<string>> {
  const t = now.getTime();
  return new Set(
    (await new AbsenceRepo(tx).active(now.toISOString()))
      .filter((a) => a.from.getTime() <= t)
      .map((a) => a.personId),
  );
}

/** One duty card to each person, once per duty, reason and person (the outbox key). */
async function sendDutyCards(
  tx: SqlClient,
  dir: Directory,
  d: DutyInstance,
  to: readonly string[],
  reason: DutyCardReason,
  at: string,
  step = 0,
): Promise<string[]> {
  const outbox = new OutboxRepo(tx);
  const sent: string[] = [];
  for (const id of to) {
    const p = dir.people.find((x) => x.id === id);
    if (!p) continue;
    const queued = await outbox.enqueue({
      dedupeKey: `duty.card:${d.id}:${reason}:${step}:${id}`,
      toAad: p.aadObjectId,
      priority: PRIORITY.normal,
      message: { type: 'duty.card', dutyId: d.id, personId: id, reason },
      at,
    });
    if (queued) sent.push(id);
  }
  return sent;
}

async function scheduleOverdue(tx: SqlClient, d: DutyInstance, level: 1 | 2, at: string): Promise<void> {
  await new TimerRepo(tx).schedule({
    dedupeKey: `duty_overdue:${d.id}:l${level}`,
    caseId: null,
    kind: 'duty_overdue',
    dueAt: overdueStepAt(d.dueAt, level),
    payload: { dutyId: d.id, level },
    at,
  });
}

/**
 * Opens a duty unless the same one (kind, section, period, subject) is open or was done already, and
 * records `duty.opened` with the duty's articles; the reminder card goes to its owner (the section's
 * officer; the deputy while the officer is absent, 運用ルール) and its overdue steps are scheduled.
 * Returns the instance when it was opened now, undefined when it existed. Call inside the
 * transaction of the change that creates the duty.
 */
export async function openDuty(
  tx: SqlClient,
  d: DutyOpening,
  at: Date,
  actor: string,
): Promise<DutyInstance | undefined> {
  const repo = new DutyRepo(tx);
  if (await repo.findByKey(d)) return undefined;
  const citations = dutyCitations(d);
  const id = await repo.nextId(at.getUTCFullYear());
  const iso = at.toISOString();
  if (!(await repo.insertIfAbsent(id, { ...d, citations }, iso))) return undefined;
  const inst = (await repo.get(id)) as DutyInstance;
  const dir = await new DirectoryRepo(tx).load();
  const owners = dutyOwners(dir, d.sectionCode, citations, await absentNow(tx, at));
  const sentTo = await sendDutyCards(
    tx,
    dir,
    inst,
    owners.map((o) => o.personId),
    'opened',
    iso,
  );
  await new AuditRepo(tx).append({
    at: iso,
    actor,
    event: 'duty.opened',
    subject: id,
    // The stand-ins (a deputy, 統括 for a section without officer) are 運用ルール.
    article: citationList([...citations, ...owners.flatMap((o) => o.article)]),
    data: {
      kind: d.kind,
      sectionCode: d.sectionCode,
      periodKey: d.periodKey,
      subjectKey: d.subjectKey,
      dueAt: d.dueAt,
      source: d.source,
      remindedTo: sentTo,
      roles: owners.map((o) => o.role),
    },
  });
  await scheduleOverdue(tx, inst, 1, iso);
  return inst;
}

// ---------------------------------------------------------------------------------------------
// The calendar

/**
 * Opens every period whose time has come, for every section and periodic duty, with the cycle each
 * section keeps (its own, the organisation's default, the definition's — 運用ルール). Idempotent and
 * restart-safe: the unique key means a period is opened once, and periods missed while the bot was
 * down are opened on the next sweep. Returns the instances opened.
 */
export async function sweepDuties(db: Database, clock: Clock): Promise<DutyInstance[]> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const cal = new DutyCalendarRepo(tx);
    const start = new Date(await cal.startedAt(now.toISOString()));
    const schedules = await cal.schedules();
    const dir = await new DirectoryRepo(tx).load();
    const opened: DutyInstance[] = [];
    for (const section of [...dir.sections].sort((a, b) => a.code.localeCompare(b.code))) {
      for (const kind of PERIODIC_DUTY_KINDS) {
        const c = effectiveCycle(kind, section.code, schedules);
        if (!c.enabled) continue;
        for (const p of periodsToOpen(c.cycle, now, start)) {
          const inst = await openDuty(
            tx,
            {
              kind,
              sectionCode: section.code,
              periodKey: p.periodKey,
              subjectKey: '',
              subject: {},
              dueAt: p.dueAt,
              source: { kind: 'schedule' },
            },
            now,
            'scheduler',
          );
          if (inst) opened.push(inst);
        }
      }
    }
    return opened;
  });
}

/** The calendar sweep, hourly while the bot runs (and once at start-up). */
export class DutyCalendarRunner extends PeriodicTask {
  constructor(
    deps: { db: Database; clock: Clock; onError: (err: Error) => void; onOpened?: (n: number) => void },
    everyMs = 3_600_000,
  ) {
    super(
      everyMs,
      async () => {
        const opened = await sweepDuties(deps.db, deps.clock);
        if (opened.length > 0) deps.onOpened?.(opened.length);
      },
      deps.onError,
    );
  }
}

/**
 * An overdue step (inside the scheduler's transaction, which completes the timer): level 1 reminds
 * the owner again when the duty falls due, level 2 escalates it to 統括 (both 運用ルール). Nothing
 * when the duty was done meanwhile.
 */
export async function fireDutyTimer(tx: SqlClient, timer: Timer, now: Date): Promise<boolean> {
  const dutyId = timer.payload.dutyId;
  const level = timer.payload.level;
  if (typeof dutyId !== 'string' || (level !== 1 && level !== 2)) return false;
  const repo = new DutyRepo(tx);
  const d = await repo.get(dutyId);
  if (!d || d.status !== 'open') return false;
  const at = now.toISOString();
  if (!(await repo.setEscalationLevel(d.id, level - 1, level, at))) return false;
  const dir = await new DirectoryRepo(tx).load();
  const owners = dutyOwners(dir, d.sectionCode, d.citations, await absentNow(tx, now));
  const chiefs = dir.people
    .filter((p) => p.isChiefOfficer)
    .map((p) => p.id)
    .sort();
  const to = level === 1 ? owners.map((o) => o.personId) : chiefs;
  const sentTo = await sendDutyCards(tx, dir, d, to, level === 1 ? 'overdue' : 'escalated', at, level);
  if (level === 2) {
    // The owner is told it went to 統括.
    const outbox = new OutboxRepo(tx);
    for (const o of owners) {
      const p = dir.people.find((x) => x.id === o.personId);
      if (!p) continue;
      await outbox.enqueue({
        dedupeKey: `duty.escalated_note:${d.id}:${p.id}`,
        toAad: p.aadObjectId,
        priority: PRIORITY.normal,
        message: {
          type: 'text',
          text: msg('duty.escalated_note', { id: d.id }),
          article: [OPERATING_RULE],
        },
        at,
      });
    }
  }
  await new AuditRepo(tx).append({
    at,
    actor: 'scheduler',
    event: level === 1 ? 'duty.overdue_reminded' : 'duty.escalated',
    subject: d.id,
    // The deadline and the escalation are the organisation's rule, not the article's.
    article: [OPERATING_RULE],
    data: { level, dueAt: d.dueAt, to: sentTo },
  });
  if (level === 1) await scheduleOverdue(tx, { ...d, escalationLevel: 1 }, 2, at);
  return true;
}

// ---------------------------------------------------------------------------------------------
// The duty card

export interface DutyView {
  duty: DutyInstance;
  sectionName: string;
  /** The viewer may record the completion (officer or deputy of the section, still open). */
  mayComplete: boolean;
  fields: FieldDef[];
  answers: Record<string, string>;
  errors: FieldErrors;
  draftSavedAt?: Date;
  /** Whether the duty is past due (open only). */
  overdue: boolean;
}

export type DutyRefusal = DutyDenyReason | 'unknown_actor' | 'conflict';
export type DutyRefused = { ok: false; reason: DutyRefusal; message: Msg };

const REFUSALS: Readonly<Record<DutyRefusal, Msg>> = {
  // An id that does not exist and one the person may not see get the same answer.
  not_found: msg('duty.denied.not_found'),
  unknown_actor: msg('duty.denied.not_found'),
  not_keeper: msg('duty.denied.not_found'),
  not_open: msg('duty.denied.not_open'),
  conflict: msg('duty.denied.conflict'),
};

async function refuse(
  sql: SqlClient,
  at: string,
  e: { actor: string; subject: string; action: string; reason: DutyRefusal; article?: readonly Citation[] },
): Promise<DutyRefused> {
  await new AuditRepo(sql).append({
    at,
    actor: e.actor,
    event: 'duty.action_denied',
    subject: e.subject,
    ...(e.article ? { article: e.article } : {}),
    data: { action: e.action, reason: e.reason },
  });
  return { ok: false, reason: e.reason, message: REFUSALS[e.reason] };
}

function view(
  dir: Directory,
  d: DutyInstance,
  viewer: Person,
  now: Date,
  draft: DutyDraft | undefined,
  extra?: { answers: Record<string, string>; errors: FieldErrors },
): DutyView {
  const may = mayCompleteDuty(dir, viewer.id, d).ok;
  return {
    duty: d,
    sectionName: dir.sections.find((s) => s.code === d.sectionCode)?.name ?? d.sectionCode,
    mayComplete: may,
    fields: may ? dutyFormFields(d.kind) : [],
    answers: extra?.answers ?? draft?.answers ?? {},
    errors: extra?.errors ?? draft?.errors ?? {},
    ...(draft ? { draftSavedAt: new Date(draft.updatedAt) } : {}),
    overdue: d.status === 'open' && Date.parse(d.dueAt) < now.getTime(),
  };
}

/**
 * The duty card for a viewer (a click, or the outbox at send time: `via`). Only the section's
 * officer and deputy and 統括 may see it; anyone else is refused and audited (`duty.view_denied`).
 */
export async function viewDuty(
  db: Database,
  clock: Clock,
  input: { dutyId: string; viewer: { aadObjectId: string } | { personId: string }; via: string },
): Promise<{ ok: true; view: DutyView } | DutyRefused> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const dirRepo = new DirectoryRepo(tx);
    const person =
      'aadObjectId' in input.viewer
        ? await dirRepo.personByAadObjectId(input.viewer.aadObjectId)
        : await dirRepo.personById(input.viewer.personId);
    const dir = await dirRepo.load();
    const d = await new DutyRepo(tx).get(input.dutyId);
    if (!person || !d || !mayViewDuty(dir, person.id, d)) {
      await new AuditRepo(tx).append({
        at: now.toISOString(),
        actor:
          person?.id ??
          ('aadObjectId' in input.viewer ? `aad:${input.viewer.aadObjectId}` : input.viewer.personId),
        event: 'duty.view_denied',
        subject: input.dutyId,
        ...(d ? { article: d.citations } : {}),
        data: { via: input.via, reason: !person ? 'unknown_actor' : !d ? 'not_found' : 'not_keeper' },
      });
      return { ok: false, reason: 'not_found', message: REFUSALS.not_found };
    }
    const draft = await new DutyCalendarRepo(tx).getDraft(d.id, person.id);
    return { ok: true, view: view(dir, d, person, now, draft) };
  });
}

export type SubmitDutyResult =
  | { ok: true; duty: DutyInstance; reported: string[] }
  | { ok: false; reason: 'invalid' | 'saved'; view: DutyView }
  | DutyRefused;

/**
 * 記録する (`complete`) or 下書き保存 (`save`): re-checks that the person is the officer or deputy
 * of THAT section and that the duty is still open; then keeps the draft (on `save`, or with the
 * errors when the input is invalid — nothing typed is lost, also across a restart) or records the
 * completion, its audit event and, where the definition says so, the report to 統括 — in one
 * transaction.
 */
export async function submitDuty(
  db: Database,
  clock: Clock,
  input: {
    actorAadObjectId: string;
    dutyId: string;
    answers: Record<string, string>;
    mode: 'save' | 'complete';
  },
): Promise<SubmitDutyResult> {
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx): Promise<SubmitDutyResult> => {
    const dirRepo = new DirectoryRepo(tx);
    const person = await dirRepo.personByAadObjectId(input.actorAadObjectId);
    const repo = new DutyRepo(tx);
    const d = await repo.get(input.dutyId);
    const action = input.mode;
    if (!person)
      return refuse(tx, at, {
        actor: `aad:${input.actorAadObjectId}`,
        subject: input.dutyId,
        action,
        reason: 'unknown_actor',
      });
    const dir = await dirRepo.load();
    const may = mayCompleteDuty(dir, person.id, d);
    if (!may.ok || !d)
      return refuse(tx, at, {
        actor: person.id,
        subject: input.dutyId,
        action,
        reason: may.ok ? 'not_found' : may.reason,
        ...(d ? { article: d.citations } : {}),
      });
    const fields = dutyFormFields(d.kind);
    const stored = limitAnswers(fields, input.answers);
    const cal = new DutyCalendarRepo(tx);
    const audit = new AuditRepo(tx);
    const keepDraft = async (errors: FieldErrors, reason: 'invalid' | 'saved'): Promise<SubmitDutyResult> => {
      await cal.saveDraft({ dutyId: d.id, personId: person.id, answers: stored, errors, updatedAt: at });
      // What was typed stays out of the audit trail until it is recorded.
      await audit.append({
        at,
        actor: person.id,
        event: 'duty.draft_saved',
        subject: d.id,
        article: d.citations,
        data: { errorFields: Object.keys(errors) },
      });
      const draft = { dutyId: d.id, personId: person.id, answers: stored, errors, updatedAt: at };
      return { ok: false, reason, view: view(dir, d, person, now, draft) };
    };
    if (input.mode === 'save') return keepDraft({}, 'saved');
    const v = validateDutyCompletion(d.kind, stored, now);
    if (!v.ok) return keepDraft(v.errors, 'invalid');
    const toChief = reportsToChief(d.kind, v.value);
    const result: Record<string, string> = {
      result: v.value.result,
      findings: v.value.findings ?? '',
      attachments: v.value.attachments ?? '',
      ...(DUTY_DEFINITIONS[d.kind].reportsToChief === 'if_flagged'
        ? { revisionNeeded: v.value.revisionNeeded ? 'true' : 'false' }
        : {}),
      reportedToChief: toChief ? 'true' : 'false',
      completedByName: person.name,
    };
    if (!(await repo.complete(d.id, d.version, { result, by: person.id, at })))
      return refuse(tx, at, { actor: person.id, subject: d.id, action, reason: 'conflict' });
    await cal.deleteDrafts(d.id);
    const done = (await repo.get(d.id)) as DutyInstance;
    await audit.append({
      at,
      actor: person.id,
      event: 'duty.completed',
      subject: d.id,
      article: d.citations,
      data: {
        kind: d.kind,
        sectionCode: d.sectionCode,
        periodKey: d.periodKey,
        result: v.value.result,
        before: { status: d.status },
        after: { status: 'done' },
        overdue: Date.parse(d.dueAt) < now.getTime(),
        reportedToChief: toChief,
      },
    });
    let reported: string[] = [];
    if (toChief) {
      const chiefs = dir.people
        .filter((p) => p.isChiefOfficer && p.id !== person.id)
        .map((p) => p.id)
        .sort();
      reported = await sendDutyCards(tx, dir, done, chiefs, 'report', at);
      await audit.append({
        at,
        actor: person.id,
        event: 'duty.reported_to_chief',
        subject: d.id,
        article: d.citations,
        data: { to: reported, revisionNeeded: result.revisionNeeded === 'true' },
      });
    }
    return { ok: true, duty: done, reported };
  });
}

// ---------------------------------------------------------------------------------------------
// 「今月の定期業務」

export interface DutyMonth {
  month: string;
  scope: string[] | 'all';
  sectionNames: Record<string, string>;
  /** Due this month (JST), and open ones due earlier: soonest first. */
  duties: DutyInstance[];
  /** Open and past due, of the scope (any month). */
  overdue: number;
  /** Per section (for 統括, and for a person keeping several sections): done / open / overdue. */
  bySection: { sectionCode: string; done: number; open: number; overdue: number }[];
  /** More rows than shown. */
  truncated: boolean;
}

const MONTH_LIMIT = 40;

/**
 * What is due this month (JST) for the person's sections (officer or deputy), or for all sections
 * (統括), with the open ones overdue from earlier months. Anyone else is refused and audited.
 */
export async function dutiesThisMonth(
  db: Database,
  clock: Clock,
  actorAadObjectId: string,
): Promise<{ ok: true; month: DutyMonth } | { ok: false; message: Msg }> {
  const now = clock.now();
  const at = now.toISOString();
  const month = jstMonthOf(now);
  const dirRepo = new DirectoryRepo(db);
  const person = await dirRepo.personByAadObjectId(actorAadObjectId);
  const dir = await dirRepo.load();
  const scope = person ? dutyCalendarScope(dir, person.id) : ({ ok: false } as const);
  if (!scope.ok || !person) {
    await new AuditRepo(db).append({
      at,
      actor: person?.id ?? `aad:${actorAadObjectId}`,
      event: 'duty.view_denied',
      subject: `duties:${month}`,
      article: [OPERATING_RULE],
      data: { via: 'month', reason: person ? 'not_officer_or_chief' : 'unknown_actor' },
    });
    return { ok: false, message: msg('duty.month.denied') };
  }
  const repo = new DutyRepo(db);
  const range = monthRange(month);
  const earlierOpen = await repo.list(
    { sections: scope.sections, dueTo: range.from, status: 'open' },
    MONTH_LIMIT + 1,
  );
  const thisMonth = await repo.list(
    { sections: scope.sections, dueFrom: range.from, dueTo: range.to },
    MONTH_LIMIT + 1,
  );
  const all = [...earlierOpen, ...thisMonth];
  const overdue = await repo.count({ sections: scope.sections, dueTo: at, status: 'open' });
  return {
    ok: true,
    month: {
      month,
      scope: scope.sections,
      sectionNames: Object.fromEntries(dir.sections.map((s) => [s.code, s.name])),
      duties: all.slice(0, MONTH_LIMIT),
      overdue,
      bySection:
        scope.sections === 'all' || scope.sections.length > 1
          ? await repo.monthFigures(scope.sections, range.from, range.to, at)
          : [],
      truncated: all.length > MONTH_LIMIT,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Cycles (運用ルール)

export type SetCycleResult =
  { ok: true } | { ok: false; reason: 'not_allowed' | 'unknown_section' | 'unknown_actor' };

/**
 * Sets the cycle of a periodic duty for a section, or the organisation's default ('*'): 統括 or
 * IT管理者 for the default, the section's officer for their section. Audited as 運用ルール; a
 * refusal too. Periods already open keep their due date; later ones follow the new cycle.
 */
export async function setDutyCycle(
  db: Database,
  clock: Clock,
  input: { actorId: string; kind: PeriodicDutyKind; sectionCode: string; cycle: DutyCycle; enabled: boolean },
): Promise<SetCycleResult> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const dir = await new DirectoryRepo(tx).load();
    const person = dir.people.find((p) => p.id === input.actorId);
    const known =
      input.sectionCode === ORGANISATION_DEFAULT || dir.sections.some((s) => s.code === input.sectionCode);
    const reason = !person
      ? ('unknown_actor' as const)
      : !known
        ? ('unknown_section' as const)
        : !maySetDutyCycle(dir, person.id, input.sectionCode)
          ? ('not_allowed' as const)
          : undefined;
    const audit = new AuditRepo(tx);
    if (reason) {
      await audit.append({
        at,
        actor: input.actorId,
        event: 'duty.cycle_denied',
        subject: `duty_schedule:${input.kind}:${input.sectionCode}`,
        article: [OPERATING_RULE],
        data: { reason },
      });
      return { ok: false, reason };
    }
    const cal = new DutyCalendarRepo(tx);
    const before = (await cal.schedules()).find(
      (s) => s.kind === input.kind && s.sectionCode === input.sectionCode,
    );
    await cal.setSchedule({
      kind: input.kind,
      sectionCode: input.sectionCode,
      cycle: input.cycle,
      enabled: input.enabled,
      updatedBy: input.actorId,
      updatedAt: at,
    });
    await audit.append({
      at,
      actor: input.actorId,
      event: 'duty.cycle_set',
      subject: `duty_schedule:${input.kind}:${input.sectionCode}`,
      article: [OPERATING_RULE],
      data: {
        before: before ? { cycle: before.cycle, enabled: before.enabled } : null,
        after: { cycle: input.cycle, enabled: input.enabled },
      },
    });
    return { ok: true };
  });
}

/** The completion form's fields of a duty (none for an unknown id): which inputs a submit may carry. */
export async function dutyFieldsOf(sql: SqlClient, dutyId: string): Promise<FieldDef[]> {
  const d = await new DutyRepo(sql).get(dutyId);
  return d ? dutyFormFields(d.kind) : [];
}

/** Whether the person sees 「今月の定期業務」 (the menu's button); no audit, nothing is read. */
export async function keepsDutyCalendar(sql: SqlClient, personId: string): Promise<boolean> {
  return dutyCalendarScope(await new DirectoryRepo(sql).load(), personId).ok;
}

export function isPeriodicKind(kind: DutyKind): kind is PeriodicDutyKind {
  return (PERIODIC_DUTY_KINDS as readonly string[]).includes(kind);
}
