// Japan Standard Time helpers. Japan has no daylight saving time, so JST is always UTC+9 and calendar
// arithmetic reduces to a fixed offset. Records carry accurate times (12(4)③ asks for correct clocks) and show Japan time; storage keeps `Date` (UTC).

export const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date in Japan, `YYYY-MM-DD`. Comparable as a string. */
export type IsoDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** `YYYY-MM-DD` → the same string when it is a real calendar date, else null. */
export function parseIsoDate(input: string): IsoDate | null {
  const m = DATE_RE.exec(input);
  if (!m) return null;
  return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? input : null;
}

/** `YYYY-MM-DDTHH:mm[:ss]` read as Japan local time → the instant, else null. */
export function parseJstDateTime(input: string): Date | null {
  const m = DATETIME_RE.exec(input);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - JST_OFFSET_MS);
}

/** The Japan calendar date an instant falls on. */
export function jstDateOf(instant: Date): IsoDate {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00:00.000 JST of a date. */
export function startOfJstDay(date: IsoDate): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - JST_OFFSET_MS);
}

/** 23:59:59.999 JST of a date: the last instant of a period "up to and including" that day. */
export function endOfJstDay(date: IsoDate): Date {
  return new Date(startOfJstDay(date).getTime() + DAY_MS - 1);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DDTHH:mm` in Japan time, cut to the minute (never later than the instant): a form's value. */
export function jstDateTimeInput(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 16);
}

/** `YYYY-MM-DD HH:mm` in Japan time, for messages and ledgers. */
export function formatJst(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
