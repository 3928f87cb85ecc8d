// The monthly compliance summary to 統括 (13(1): section officers report the state of compliance to
// 統括 periodically). Pure parts: the figures it carries, the month arithmetic in Japan time, when the
// report is due, and the totals. The figures are counted in SQL (storage/compliance-summary-repo.ts)
// and assembled by services/compliance-summary-service.ts.
import { COMPLIANCE_REPORT_ARTICLE, type LedgerKind } from './ledgers';
import { addDays, JST_OFFSET_MS, startOfJstDay, type IsoDate } from './policy/jst';

export { COMPLIANCE_REPORT_ARTICLE };

/** A calendar month in Japan, `YYYY-MM`. */
export type IsoMonth = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isIsoMonth(value: unknown): value is IsoMonth {
  return typeof value === 'string' && MONTH_RE.test(value);
}

/** The Japan month an instant falls in. */
export function jstMonthOf(instant: Date): IsoMonth {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 7);
}

export function addMonths(month: IsoMonth, n: number): IsoMonth {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** First and last calendar day of the month (inclusive), as the ledger exports take them. */
export function monthDays(month: IsoMonth): { from: IsoDate; to: IsoDate } {
  const from = `${month}-01`;
  return { from, to: addDays(`${addMonths(month, 1)}-01`, -1) };
}

/** The month as a half-open UTC interval [from, to): 00:00 JST of the 1st to 00:00 JST of the next 1st. */
export function monthRange(month: IsoMonth): { from: string; to: string } {
  return {
    from: startOfJstDay(`${month}-01`).toISOString(),
    to: startOfJstDay(`${addMonths(month, 1)}-01`).toISOString(),
  };
}

/**
 * When the summary of `month` is sent: 09:00 JST on the 1st of the following month (運用ルール: 13(1)
 * says "periodically"; the organisation reports monthly).
 */
export function summaryDueAt(month: IsoMonth): Date {
  return new Date(startOfJstDay(`${addMonths(month, 1)}-01`).getTime() + 9 * 3_600_000);
}

/** Timer and outbox keys of one month's summary: at most one summary per month and person. */
export const summaryTimerKey = (month: IsoMonth) => `compliance_summary:${month}`;
export const summaryOutboxKey = (month: IsoMonth, personId: string) =>
  `compliance.summary:${month}:${personId}`;

/** Exceptions whose period ends within this many days are listed as expiring. */
export const EXCEPTION_EXPIRY_WINDOW_DAYS = 30;

/** The ledgers the summary card offers for the month (as XLSX, through the ledger export). */
export const SUMMARY_EXPORT_KINDS = [
  'incident',
  'takeout',
  'exception',
  'failure',
] as const satisfies readonly LedgerKind[];

/** The figures of one section (or of all, the total). */
export interface ComplianceFigures {
  /** Incidents still open (domain/cases.ts OPEN_CASE_STATUSES), with the oldest. */
  openIncidents: number;
  oldestOpenIncident: { caseId: string; createdAt: string } | null;
  /** Cases still waiting for their first action after their acknowledgement deadline. */
  overdueAcks: number;
  /** Approved take-outs past their return date whose return nobody confirmed (10(4)⑥). */
  overdueReturns: number;
  /** Approved exceptions whose period ends within EXCEPTION_EXPIRY_WINDOW_DAYS (12(6)). */
  exceptionsExpiring: number;
  /** Approved exceptions whose period has ended. */
  exceptionsExpired: number;
  /** Recipients of the month's broadcasts that ask for an answer, and how many answered. */
  broadcastTargeted: number;
  broadcastAnswered: number;
  /**
   * The month's compliance checks (定期業務 compliance_check, 13(1)) due this month: recorded as done,
   * and not (yet) done.
   */
  complianceChecksDone: number;
  complianceChecksOpen: number;
}

export interface BroadcastRate {
  broadcastId: string;
  mode: 'drill' | 'real';
  sentAt: string;
  targeted: number;
  answered: number;
}

export interface ComplianceSummary {
  month: IsoMonth;
  /** UTC ISO-8601: the instant the standing figures (open, overdue, expiring) were counted at. */
  asOf: string;
  /** Section code → figures; only sections with something to report. */
  sections: Record<string, ComplianceFigures>;
  total: ComplianceFigures;
  broadcasts: BroadcastRate[];
}

export function emptyFigures(): ComplianceFigures {
  return {
    openIncidents: 0,
    oldestOpenIncident: null,
    overdueAcks: 0,
    overdueReturns: 0,
    exceptionsExpiring: 0,
    exceptionsExpired: 0,
    broadcastTargeted: 0,
    broadcastAnswered: 0,
    complianceChecksDone: 0,
    complianceChecksOpen: 0,
  };
}

const older = (
  a: ComplianceFigures['oldestOpenIncident'],
  b: ComplianceFigures['oldestOpenIncident'],
): ComplianceFigures['oldestOpenIncident'] => {
  if (!a) return b;
  if (!b) return a;
  return b.createdAt < a.createdAt || (b.createdAt === a.createdAt && b.caseId < a.caseId) ? b : a;
};

/** The sum of the sections' figures (the oldest open incident of all). */
export function totalOf(sections: readonly ComplianceFigures[]): ComplianceFigures {
  const t = emptyFigures();
  for (const s of sections) {
    t.openIncidents += s.openIncidents;
    t.oldestOpenIncident = older(t.oldestOpenIncident, s.oldestOpenIncident);
    t.overdueAcks += s.overdueAcks;
    t.overdueReturns += s.overdueReturns;
    t.exceptionsExpiring += s.exceptionsExpiring;
    t.exceptionsExpired += s.exceptionsExpired;
    t.broadcastTargeted += s.broadcastTargeted;
    t.broadcastAnswered += s.broadcastAnswered;
    t.complianceChecksDone += s.complianceChecksDone;
    t.complianceChecksOpen += s.complianceChecksOpen;
  }
  return t;
}

/** Answered share in whole percent (rounded down, so 99.6 % is never shown as 100 %); null when nobody was asked. */
export function answerPercent(targeted: number, answered: number): number | null {
  return targeted === 0 ? null : Math.floor((answered * 100) / targeted);
}

/** True when a section has nothing at all to report. */
export function isQuiet(f: ComplianceFigures): boolean {
  return (
    f.openIncidents === 0 &&
    f.overdueAcks === 0 &&
    f.overdueReturns === 0 &&
    f.exceptionsExpiring === 0 &&
    f.exceptionsExpired === 0 &&
    f.broadcastTargeted === 0 &&
    f.complianceChecksDone + f.complianceChecksOpen === 0
  );
}
