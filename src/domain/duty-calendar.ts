// The duty calendar (定期業務): which periods of a periodic duty fall due, when each opens, when an
// open one is reminded again and escalated. Pure: no I/O, the instant is passed in.
//
// Everything here is the organisation's rule (運用ルール): the standard says 定期的 (or 随時) without a
// frequency, a lead time or a deadline. Times are Japan time; the result is UTC ISO-8601.
import { z } from 'zod';
import { DUTY_DEFINITIONS, PERIODIC_DUTY_KINDS, type DutyCycle, type PeriodicDutyKind } from './duties';
import { JST_OFFSET_MS, startOfJstDay } from './policy/jst';

export { PERIODIC_DUTY_KINDS };

/** A period's duty is due at this hour (JST) of its day. */
export const DUTY_DUE_HOUR_JST = 17;

/** Days before its due date that a period's instance opens (and its owner is reminded). */
export const DUTY_LEAD_DAYS: Readonly<Record<DutyCycle['every'], number>> = {
  month: 7,
  quarter: 14,
  year: 30,
  once: 14,
};

/** An open duty is reminded again when it falls due, and escalated to 統括 this many days later. */
export const DUTY_ESCALATE_AFTER_DAYS = 3;

/** Periods whose due date is older than this are not opened any more after a long downtime. */
export const DUTY_CATCH_UP_DAYS = 400;

const DAY_MS = 86_400_000;

/** The cycle as it may be set (days 1–28, so every month has the day). */
export const DutyCycleSchema: z.ZodType<DutyCycle> = z.discriminatedUnion('every', [
  z.object({ every: z.literal('month'), day: z.number().int().min(1).max(28) }),
  z.object({ every: z.literal('quarter'), day: z.number().int().min(1).max(28) }),
  z.object({
    every: z.literal('year'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(28),
  }),
  z.object({ every: z.literal('once'), date: z.iso.date() }),
]);

/**
 * A cycle written as text (CLI, config): `month:25`, `quarter:1`, `year:2-1` (month-day),
 * `once:2027-03-31`. Undefined when it is not one.
 */
export function parseDutyCycle(text: string): DutyCycle | undefined {
  const m = /^(month|quarter|year|once):(.+)$/.exec(text.trim());
  if (!m) return undefined;
  const [, every, rest] = m as unknown as [string, DutyCycle['every'], string];
  let candidate: unknown;
  if (every === 'month' || every === 'quarter') candidate = { every, day: Number(rest) };
  else if (every === 'year') {
    const ym = /^(\d{1,2})-(\d{1,2})$/.exec(rest);
    candidate = ym ? { every, month: Number(ym[1]), day: Number(ym[2]) } : undefined;
  } else candidate = { every, date: rest };
  const parsed = DutyCycleSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

export function formatDutyCycle(c: DutyCycle): string {
  switch (c.every) {
    case 'month':
    case 'quarter':
      return `${c.every}:${c.day}`;
    case 'year':
      return `year:${c.month}-${c.day}`;
    case 'once':
      return `once:${c.date}`;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The fiscal year (April to March) a JST calendar month belongs to. */
export function fiscalYearOf(year: number, month: number): number {
  return month >= 4 ? year : year - 1;
}

/** '2026-12', '2026-Q3' (fiscal quarter: Q1 = April–June), 'FY2026', or the date of a one-off. */
export function periodKeyOf(c: DutyCycle, year: number, month: number): string {
  switch (c.every) {
    case 'month':
      return `${year}-${pad(month)}`;
    case 'quarter':
      return `${fiscalYearOf(year, month)}-Q${month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4}`;
    case 'year':
      return `FY${fiscalYearOf(year, month)}`;
    case 'once':
      return c.date;
  }
}

export interface DutyPeriod {
  periodKey: string;
  /** UTC ISO-8601: DUTY_DUE_HOUR_JST on the due day. */
  dueAt: string;
  /** UTC ISO-8601: when the instance opens. */
  opensAt: string;
}

function dueOn(date: string): Date {
  return new Date(startOfJstDay(date).getTime() + DUTY_DUE_HOUR_JST * 3_600_000);
}

function period(c: DutyCycle, year: number, month: number, day: number): DutyPeriod {
  const due = dueOn(`${year}-${pad(month)}-${pad(day)}`);
  return {
    periodKey: periodKeyOf(c, year, month),
    dueAt: due.toISOString(),
    opensAt: new Date(due.getTime() - DUTY_LEAD_DAYS[c.every] * DAY_MS).toISOString(),
  };
}

/** Every period of the cycle due within 14 months either side of `now`, oldest first. */
export function periodsAround(c: DutyCycle, now: Date): DutyPeriod[] {
  if (c.every === 'once') {
    const [y, m, d] = c.date.split('-').map(Number) as [number, number, number];
    return [period(c, y, m, d)];
  }
  const jst = new Date(now.getTime() + JST_OFFSET_MS);
  const out: DutyPeriod[] = [];
  for (let i = -14; i <= 14; i += 1) {
    const at = new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth() + i, 1));
    const year = at.getUTCFullYear();
    const month = at.getUTCMonth() + 1;
    if (c.every === 'month') out.push(period(c, year, month, c.day));
    else if (c.every === 'quarter' && [1, 4, 7, 10].includes(month)) out.push(period(c, year, month, c.day));
    else if (c.every === 'year' && month === c.month) out.push(period(c, year, month, c.day));
  }
  return out;
}

/**
 * The periods to open now: open time reached, due no earlier than the calendar's start (nothing
 * from before the bot kept the calendar) and not older than DUTY_CATCH_UP_DAYS. After a downtime
 * every period missed meanwhile is among them; the unique key makes opening them again a no-op.
 */
export function periodsToOpen(c: DutyCycle, now: Date, calendarStart: Date): DutyPeriod[] {
  const oldest = Math.max(calendarStart.getTime(), now.getTime() - DUTY_CATCH_UP_DAYS * DAY_MS);
  return periodsAround(c, now).filter(
    (p) => Date.parse(p.opensAt) <= now.getTime() && Date.parse(p.dueAt) >= oldest,
  );
}

/** The cycle a section keeps for a kind: its own, else the organisation's default, else the definition's. */
export function effectiveCycle(
  kind: PeriodicDutyKind,
  sectionCode: string,
  schedules: readonly { kind: string; sectionCode: string; cycle: DutyCycle; enabled: boolean }[],
): { cycle: DutyCycle; enabled: boolean; from: 'section' | 'organisation' | 'definition' } {
  const own = schedules.find((s) => s.kind === kind && s.sectionCode === sectionCode);
  if (own) return { cycle: own.cycle, enabled: own.enabled, from: 'section' };
  const org = schedules.find((s) => s.kind === kind && s.sectionCode === ORGANISATION_DEFAULT);
  if (org) return { cycle: org.cycle, enabled: org.enabled, from: 'organisation' };
  return { cycle: DUTY_DEFINITIONS[kind].defaultCycle as DutyCycle, enabled: true, from: 'definition' };
}

/** duty_schedules.section_code of the organisation's default for a kind. */
export const ORGANISATION_DEFAULT = '*';

/** When the overdue steps of an instance fire: level 1 reminds again, level 2 escalates to 統括. */
export function overdueStepAt(dueAt: string, level: 1 | 2): string {
  const due = Date.parse(dueAt);
  return new Date(level === 1 ? due : due + DUTY_ESCALATE_AFTER_DAYS * DAY_MS).toISOString();
}
