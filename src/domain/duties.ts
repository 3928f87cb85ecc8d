// Duties (定期業務 and the duties an event creates): what the standard asks an officer to do
// "periodically" or when something changes, each with the articles it applies. Pure: no I/O.
//
// The standard says 定期的 (or 随時 for 9(1)④) without a frequency, so every cycle here is the
// organisation's own rule (運用ルール), configurable per duty and per section; the duty itself and what
// it must produce (a report to 統括, a record kept) are the article's.
import type { ArticleId, Citation } from './articles';

/** Duties on a calendar: one instance per section and period. */
export const PERIODIC_DUTY_KINDS = [
  'self_inspection',
  'compliance_check',
  'access_review',
  'unused_id_check',
  'contractor_check',
  'offsite_server_inspection',
  'maintenance_inspection',
  'backup',
  'virus_full_scan',
] as const;

/** Duties an event creates (a person moved or left, a contract ended): one instance per subject. */
export const EVENT_DUTY_KINDS = [
  'return_devices',
  'revise_access',
  'ic_card',
  'contractor_id_removal',
] as const;

export const DUTY_KINDS = [...PERIODIC_DUTY_KINDS, ...EVENT_DUTY_KINDS] as const;
export type PeriodicDutyKind = (typeof PERIODIC_DUTY_KINDS)[number];
export type EventDutyKind = (typeof EVENT_DUTY_KINDS)[number];
export type DutyKind = (typeof DUTY_KINDS)[number];

export function isDutyKind(value: unknown): value is DutyKind {
  return typeof value === 'string' && (DUTY_KINDS as readonly string[]).includes(value);
}

/**
 * How often a periodic duty falls due, in Japan time. Quarters are the fiscal year's (April, July,
 * October, January). `once` is a single date (YYYY-MM-DD, JST).
 */
export type DutyCycle =
  | { every: 'month'; day: number }
  | { every: 'quarter'; day: number }
  | { every: 'year'; month: number; day: number }
  | { every: 'once'; date: string };

/** Whether completing the duty reports to 統括: always, only when the officer flags it, or never. */
export type ChiefReport = 'always' | 'if_flagged' | 'never';

export interface DutyDefinition {
  /** What the article asks; the first is shown first. */
  readonly articles: readonly ArticleId[];
  /** Who performs it: the officer of the instance's section (their deputy while absent: 運用ルール). */
  readonly owner: 'section_officer';
  readonly reportsToChief: ChiefReport;
  /** The default cycle of a periodic duty (運用ルール); event duties fall due from their event. */
  readonly defaultCycle?: DutyCycle;
}

export const DUTY_DEFINITIONS: Readonly<Record<DutyKind, DutyDefinition>> = {
  // 14(1): periodic self-inspection; "対策基準を改定する要を認めるとき" is reported to 統括.
  self_inspection: {
    articles: ['14(1)'],
    owner: 'section_officer',
    reportsToChief: 'if_flagged',
    defaultCycle: { every: 'year', month: 2, day: 1 },
  },
  // 13(1): compliance checked periodically and reported to 統括.
  compliance_check: {
    articles: ['13(1)'],
    owner: 'section_officer',
    reportsToChief: 'always',
    defaultCycle: { every: 'month', day: 25 },
  },
  // 7エ (the officer's duty to manage access rights), 11(1)① (setting them).
  access_review: {
    articles: ['7エ', '11(1)①'],
    owner: 'section_officer',
    reportsToChief: 'never',
    defaultCycle: { every: 'quarter', day: 1 },
  },
  unused_id_check: {
    articles: ['11(1)②エ'],
    owner: 'section_officer',
    reportsToChief: 'never',
    defaultCycle: { every: 'quarter', day: 1 },
  },
  contractor_check: {
    articles: ['12(1)③キ'],
    owner: 'section_officer',
    reportsToChief: 'always',
    defaultCycle: { every: 'quarter', day: 15 },
  },
  // 9(1)④ says 随時 (from time to time): the quarterly default is 運用ルール.
  offsite_server_inspection: {
    articles: ['9(1)④'],
    owner: 'section_officer',
    reportsToChief: 'always',
    defaultCycle: { every: 'quarter', day: 15 },
  },
  maintenance_inspection: {
    articles: ['12(1)④ウ'],
    owner: 'section_officer',
    reportsToChief: 'never',
    defaultCycle: { every: 'quarter', day: 1 },
  },
  backup: {
    articles: ['12(3)③'],
    owner: 'section_officer',
    reportsToChief: 'never',
    defaultCycle: { every: 'month', day: 1 },
  },
  virus_full_scan: {
    articles: ['11(3)②'],
    owner: 'section_officer',
    reportsToChief: 'never',
    defaultCycle: { every: 'month', day: 1 },
  },
  // A person moved or left (directory import): devices returned (10(4)④).
  return_devices: { articles: ['10(4)④'], owner: 'section_officer', reportsToChief: 'never' },
  // Their IDs and rights removed or changed (11(1)①; 7エ).
  revise_access: { articles: ['11(1)①', '7エ'], owner: 'section_officer', reportsToChief: 'never' },
  // Their IC card renewed (old card collected and destroyed, 10(9)③) or collected.
  ic_card: { articles: ['10(9)③'], owner: 'section_officer', reportsToChief: 'never' },
  // A contract ended: the workers' IDs and passwords confirmed removed (12(1)③ケ).
  contractor_id_removal: { articles: ['12(1)③ケ'], owner: 'section_officer', reportsToChief: 'never' },
};

export const DUTY_STATUSES = ['open', 'done', 'cancelled'] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];

/** What opened an instance: the calendar, a directory import, a contract's end, or a person by hand. */
export type DutySource =
  | { kind: 'schedule' }
  | { kind: 'directory_import'; importId: string }
  | { kind: 'contract'; contractId: string }
  | { kind: 'manual'; by: string };

/** A duty to be opened: the unique key is (kind, sectionCode, periodKey, subjectKey). */
export interface DutyOpening {
  kind: DutyKind;
  sectionCode: string;
  /** '2026-12', '2026-Q3' (fiscal quarter), 'FY2026', or the event's date for event duties. */
  periodKey: string;
  /** '' for a periodic duty; the person id or contract id an event duty is about. */
  subjectKey: string;
  /** What the card shows about the subject (names, sections, contract), as flat text. */
  subject: Readonly<Record<string, string>>;
  /** UTC ISO-8601. */
  dueAt: string;
  /** Defaults to the definition's articles; an event duty may cite differently (e.g. 運用ルール). */
  citations?: readonly Citation[];
  source: DutySource;
}

/** Readable ids: DTY-2026-0001. */
export const DUTY_ID_PATTERN = /^DTY-\d{4}-\d{4,}$/;

export function formatDutyId(year: number, seq: number): string {
  return `DTY-${year}-${String(seq).padStart(4, '0')}`;
}

export function dutyCitations(d: Pick<DutyOpening, 'kind' | 'citations'>): readonly Citation[] {
  return d.citations ?? DUTY_DEFINITIONS[d.kind].articles;
}
