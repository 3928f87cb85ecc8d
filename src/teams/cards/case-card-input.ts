// What the case card (./case-card.ts) is built from: the case, its history and what this viewer may do.
import type { Citation, Citations } from '../../domain/articles';
import type { CaseKind, CaseStatus, Localized, Severity } from '../../domain/cases';
import type { CaseActionVerb } from '../card-actions';
import type { CaseCardData } from './schemas/case-card';
import type { ArticleText, CardFinding, DisplayRow } from './types';

/** One line of the case's history (audit events, oldest first). */
export interface CaseHistoryEntry {
  at: Date;
  /** Display name of who did it (from the directory); the bot's own steps use its name. */
  actor: string;
  /** What happened, e.g. 対応開始 / Started handling. */
  text: Localized;
  /** What the step applied (from its audit row), shown after the line; omitted when none. */
  article?: Citations;
}

/** An incident step the officer records (decisions.ts `records`; incidentPlan's officerRecords). */
export interface CaseRecordItem {
  /** Record id; the input is `record_<id>` (letters, digits, single underscores). */
  id: string;
  label: Localized;
  article: Citation;
  /** What was recorded so far, prefilled; '' for nothing yet. */
  value: string;
}

/** What the viewer had typed when a click was refused; each value replaces the input's own. */
export interface CaseCardPrefill {
  comment?: string;
  conditions?: string;
  /** By record id (the input `record_<id>`); ids the card has no input for are ignored. */
  records?: Readonly<Record<string, string>>;
  closure?: { content?: string; cause?: string; damage?: string; scope?: string };
}

export interface CaseCardInput {
  caseId: string;
  kind: CaseKind;
  severity: Severity;
  status: CaseStatus;
  /** Who filed the case; the headline reads 「総務課 山田 花子 さんから …」. */
  reporter: { name: string; section: string };
  submittedAt: Date;
  /** Deadline to start handling; shown only while it matters (omit once acknowledged or decided). */
  ackDueAt?: Date;
  /** Why this viewer got the case (routing's reasons); omitted or empty hides the line. */
  reasons?: readonly ArticleText[];
  /** The filed answers, usually `answerRows(...)`. Long values are shortened to fit the size limit. */
  rows: readonly DisplayRow[];
  findings: readonly CardFinding[];
  /** What the standard asks of the handler (case-articles.ts caseDuties). */
  duties: readonly ArticleText[];
  /**
   * What a decision on this request rests on (case-articles.ts decisionArticles, from the form), the
   * same citation the state machine records when the button is pressed. Ignored for incidents and for
   * exceptions (12(6)①②).
   */
  decisionBasis?: Citations;
  /** Oldest first. Older entries are left out (with a note) when the card would be too large. */
  history: readonly CaseHistoryEntry[];
  /**
   * The verbs this viewer may use now (authorization.ts and decisions.ts decide; empty for a
   * read-only viewer). Order does not matter: the card has a fixed order of action groups.
   */
  allowedVerbs: readonly CaseActionVerb[];
  /** Record items for `case.record`, prefilled; ignored unless that verb is allowed. */
  records: readonly CaseRecordItem[];
  /**
   * Label of `case.endorse`: 'forward' 「確認して統括へ進達」 (12(6)①) or 'urgent'
   * 「緊急実施を決定（統括へ事後報告）」 (12(6)②). Defaults to 'forward'.
   */
  endorseLabelKind?: 'forward' | 'urgent';
  /** Teams user ids (`activity.from.id`) whose clients refresh the card themselves; first 60 kept. */
  refreshUserIds: readonly string[];
  /** A message for this viewer on top, e.g. 「この案件はすでに 佐藤 健一 さんが承認しています。」. */
  notice?: Localized;
  /** Shows 「この案件に対して操作できるのは担当者のみです。」 when there are no actions. */
  showReadOnlyNote: boolean;
  /** Typed inputs to show again after a refused click; omit after a success or a plain view. */
  prefill?: CaseCardPrefill;
  /** The broadcast whose answer started this report: 「一斉通知 BC-2026-0001 への回答から」. */
  origin?: { broadcastId: string } | null;
  /**
   * The broadcasts linked to the case and the recurrence steps (12(4)⑤, 12(5)②エ, 12(5)③;
   * teams/case-links.ts): rows everyone who sees the case sees, groups only for who may act. The
   * groups are shown on a final case too: recurrence prevention follows the closure.
   */
  linked?: { rows: readonly DisplayRow[]; groups: readonly CaseCardData['actionGroups'][number][] };
}
