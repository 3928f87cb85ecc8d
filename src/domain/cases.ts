// Case kinds, ids, statuses and per-kind severity: the data every flow, ledger and escalation timer
// reads. Incidents (INC) are reports of something that happened; requests (REQ) ask for permission.
import type { ArticleId } from './articles';
import { msg, type Msg } from '../i18n';

/** A user-facing text: a message of the one catalogue (src/i18n), rendered in the reader's language. */
export type Localized = Msg;

export const INCIDENT_KINDS = [
  'lost_ic_card',
  'virus',
  'misdirected_mail',
  'password_leak',
  'device_lost',
  'system_failure',
  'cyber_attack',
] as const;
export const REQUEST_KINDS = [
  'takeout',
  'exception',
  'software_install',
  'private_device',
  'wireless_lan',
  'external_connection',
  'ic_card_renewal',
] as const;
export const CASE_KINDS = [...INCIDENT_KINDS, ...REQUEST_KINDS] as const;

export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export type RequestKind = (typeof REQUEST_KINDS)[number];
export type CaseKind = (typeof CASE_KINDS)[number];
export type CaseCategory = 'incident' | 'request';
export type CaseIdPrefix = 'INC' | 'REQ';

/**
 * What a report was started from, kept on the draft and then on the case: an answer to a broadcast
 * (「不審なメールを開いた」 on an alert opens the virus flow with the alert referenced).
 */
export interface CaseOrigin {
  broadcastId: string;
}

export function parseCaseOrigin(json: string | null): CaseOrigin | null {
  if (!json) return null;
  const v = JSON.parse(json) as { broadcastId?: unknown };
  return typeof v.broadcastId === 'string' ? { broadcastId: v.broadcastId } : null;
}

export function isCaseKind(value: unknown): value is CaseKind {
  return typeof value === 'string' && (CASE_KINDS as readonly string[]).includes(value);
}

export function isIncidentKind(kind: CaseKind): kind is IncidentKind {
  return (INCIDENT_KINDS as readonly string[]).includes(kind);
}

export function caseCategory(kind: CaseKind): CaseCategory {
  return isIncidentKind(kind) ? 'incident' : 'request';
}

export function caseIdPrefix(kind: CaseKind): CaseIdPrefix {
  return isIncidentKind(kind) ? 'INC' : 'REQ';
}

export const SEVERITIES = ['critical', 'high', 'normal'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Minutes a person asked to act has before escalation (PolicyMap "Escalation"), by severity. */
export const ACK_MINUTES_BY_SEVERITY: Readonly<Record<Severity, number>> = {
  critical: 15,
  high: 30,
  // One working day (8 h). Business-calendar handling, if any, belongs to the escalation scheduler.
  normal: 480,
};

export interface CaseKindPolicy {
  title: Localized;
  severity: Severity;
  /** Default acknowledgement deadline in minutes; flows may tighten it (e.g. a leak assessment). */
  ackMinutes: number;
  /** The standard's articles the case applies, cited on every card and ledger row. */
  articles: readonly ArticleId[];
}

export const CASE_KIND_POLICY: Readonly<Record<CaseKind, CaseKindPolicy>> = {
  lost_ic_card: {
    title: msg('intent.lost_ic_card'),
    // Access with the card must be stopped at once (10(9)②): minutes matter.
    severity: 'critical',
    ackMinutes: 15,
    articles: ['10(9)①エ', '10(9)②', '10(9)③'],
  },
  virus: {
    title: msg('intent.virus'),
    severity: 'critical',
    ackMinutes: 15,
    articles: ['11(3)⑤', '11(3)⑥', '12(4)④', '12(5)②'],
  },
  misdirected_mail: {
    title: msg('intent.misdirected_mail'),
    // The default assumes personal data may be involved; assessMisdirectedMail refines it.
    severity: 'high',
    ackMinutes: 30,
    // 8(3)①キ is the rule about checking the address that the slip concerns; clean-up steps such as
    // asking the recipient to delete are 運用ルール (policy/incident.ts).
    articles: ['8(3)①キ', '10(6)', '12(5)②'],
  },
  password_leak: {
    title: msg('intent.password_leak'),
    severity: 'high',
    ackMinutes: 30,
    articles: ['10(8)②カ'],
  },
  device_lost: {
    title: msg('intent.device_lost'),
    severity: 'critical',
    ackMinutes: 15,
    // 10(4)③ (remote wipe checked before use) is not a step after a loss; the wipe is containment,
    // 12(5)②ア.
    articles: ['10(6)', '12(5)②'],
  },
  system_failure: {
    title: msg('intent.system_failure'),
    severity: 'high',
    ackMinutes: 30,
    articles: ['12(5)①'],
  },
  cyber_attack: {
    title: msg('intent.cyber_attack'),
    // An attack by unauthorised access: the connection is cut at once (11(2)⑦), minutes matter.
    severity: 'critical',
    ackMinutes: 15,
    articles: ['11(2)⑦', '12(5)②イ', '12(5)②キ', '12(5)②ク'],
  },
  takeout: {
    title: msg('intent.takeout'),
    severity: 'normal',
    ackMinutes: 480,
    articles: ['8(3)①エ', '8(3)①オ', '8(3)①カ', '10(4)①', '10(4)①ただし書', '10(4)③', '10(4)⑥'],
  },
  exception: {
    title: msg('intent.exception'),
    severity: 'normal',
    ackMinutes: 480,
    articles: ['12(6)①', '12(6)②'],
  },
  software_install: {
    title: msg('intent.software_install'),
    severity: 'normal',
    ackMinutes: 480,
    articles: ['10(5)①', '10(5)②'],
  },
  private_device: {
    title: msg('intent.private_device'),
    severity: 'normal',
    ackMinutes: 480,
    articles: ['10(3)', '10(4)②'],
  },
  wireless_lan: {
    title: msg('intent.wireless_lan'),
    severity: 'normal',
    ackMinutes: 480,
    articles: ['9(3)③'],
  },
  external_connection: {
    title: msg('intent.external_connection'),
    severity: 'normal',
    ackMinutes: 480,
    articles: ['11(2)②', '11(2)③'],
  },
  // A record the officer files (closed at once), not a permission: 10(9)③.
  ic_card_renewal: {
    title: msg('intent.ic_card_renewal'),
    severity: 'normal',
    ackMinutes: 480,
    articles: ['10(9)③'],
  },
};

/** Misdirected mail without personal data is a normal case; with it, high (30 min). */
export const MISDIRECTED_MAIL_WITHOUT_PERSONAL_DATA: Readonly<{ severity: Severity; ackMinutes: number }> = {
  severity: 'normal',
  ackMinutes: 120,
};

/** An urgent exception (12(6)②) was already carried out: 統括 must be told "at once". */
export const URGENT_EXCEPTION: Readonly<{ severity: Severity; ackMinutes: number }> = {
  severity: 'high',
  ackMinutes: 60,
};

export function caseTitle(kind: CaseKind): Localized {
  return CASE_KIND_POLICY[kind].title;
}

export function articlesOf(kind: CaseKind): readonly ArticleId[] {
  return CASE_KIND_POLICY[kind].articles;
}

export function severityOf(kind: CaseKind): Severity {
  return CASE_KIND_POLICY[kind].severity;
}

export function ackMinutesOf(kind: CaseKind): number {
  return CASE_KIND_POLICY[kind].ackMinutes;
}

/** `INC-2026-0001`. The sequence is zero-padded to 4 digits and grows past 9999 rather than wrapping. */
export function formatCaseId(prefix: CaseIdPrefix, year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`invalid year: ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`invalid sequence: ${seq}`);
  return `${prefix}-${year}-${String(seq).padStart(4, '0')}`;
}

export function parseCaseId(id: string): { prefix: CaseIdPrefix; year: number; seq: number } | null {
  const m = /^(INC|REQ)-(\d{4})-(\d{4,})$/.exec(id);
  if (!m) return null;
  const seq = Number(m[3]);
  if (seq < 1) return null;
  return { prefix: m[1] as CaseIdPrefix, year: Number(m[2]), seq };
}

/** 'endorsed' is stage 1 of a normal exception (the section officer forwards it to 統括, 12(6)①). */
export const CASE_STATUSES = [
  'submitted',
  'acknowledged',
  'endorsed',
  'approved',
  'rejected',
  'cancelled',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The one definition of an open case: someone still has to act on it. An approved request is not
 * open (its decision is taken; a take-out's return is followed by reminders, not by the case), and
 * neither is a rejected, withdrawn or closed one. Every "is this case still open?" asks here.
 */
export const OPEN_CASE_STATUSES = [
  'submitted',
  'acknowledged',
  'endorsed',
] as const satisfies readonly CaseStatus[];
export const DONE_CASE_STATUSES = [
  'approved',
  'rejected',
  'cancelled',
  'closed',
] as const satisfies readonly CaseStatus[];
export type DoneCaseStatus = (typeof DONE_CASE_STATUSES)[number];

/**
 * The take-outs the take-out record (10(4)⑥) lists: those permitted ('approved') and those filed
 * as a record because no article makes them subject to permission ('closed', flow-service
 * recordOnlyBasis). 10(4)⑥ asks for a record of every take-out of terminals and media.
 */
export const TAKEOUT_LEDGER_STATUSES = ['approved', 'closed'] as const satisfies readonly DoneCaseStatus[];

export function isOpenCaseStatus(status: CaseStatus): boolean {
  return (OPEN_CASE_STATUSES as readonly CaseStatus[]).includes(status);
}

export function isDoneCaseStatus(status: CaseStatus): status is DoneCaseStatus {
  return !isOpenCaseStatus(status);
}

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}
