// The case card an approver or handler works from (cards/case-card.json): the case, its history and,
// only for a viewer who may act, the Universal Action buttons (Action.Execute, Adaptive Cards 1.5).
//
// Decisions made here (see also cards.ts, CaseCardDataSchema):
// - Deny by default: a button exists only for a verb in `allowedVerbs`, and never on a final case
//   (approved, rejected, closed, cancelled), whatever the caller passes. The handler re-checks the
//   acting person and the case state on every click anyway (card data carries ids only).
// - Every Action.Execute repeats its verb in `data.verb` and carries an Action.Submit `fallback` with
//   the same data, so a client without Universal Actions sends a payload the Submit route parses.
// - `refresh` lives in the template behind `$when`; an empty `refreshUserIds` expands it to null and
//   renderCard drops the property. Teams honours at most 60 ids, so the list is cut to 60.
// - Size: Teams refuses messages over 40 KB. The card is rendered at decreasing levels of detail
//   (shorter row values and history texts, fewer history entries — the newest are kept) until it
//   fits CASE_CARD_BYTE_BUDGET. Prefilled record inputs are never shortened: a cut value would be
//   saved back and lose what the officer wrote. At the last level they are left empty instead (an
//   empty record input changes nothing on save), saying the record is kept and shown above.
// - `prefill` puts back what the viewer typed before a refused click (e.g. 却下 without a comment),
//   so a 条件 already written is not lost. It is only ever shown to the person who typed it, never
//   saved from here; if it alone would break the size budget, the card is sent without it.
import { OPERATING_RULE, type Citation, type Citations } from '../domain/articles';
import { ACKNOWLEDGE_ARTICLE, CLOSE_ARTICLE, REPORT_CHIEF_ARTICLE } from '../domain/case-articles';
import {
  caseCategory,
  caseTitle,
  isDoneCaseStatus,
  isIncidentKind,
  type CaseKind,
  type CaseStatus,
  type DoneCaseStatus,
  type Localized,
  type Severity,
} from '../domain/cases';
import { formatJst } from '../domain/clock';
import { CASE_TEXT_MAX_LENGTH } from '../domain/decisions';
import { type CaseActionVerb } from './card-actions';
import {
  MAX_REFRESH_USER_IDS,
  renderCard,
  type AdaptiveCardJson,
  type CaseCardData,
  type SeverityColor,
  type StatusColor,
} from './cards';
import { CARD_BYTE_BUDGET, cardBytes } from './card-size';
import { basis, parenthesized, withCitation } from './citation';
import { findingLines } from './cards/lines';
import type { ArticleText, CardFinding, DisplayRow } from './form-card';
import { t, type Locale } from './i18n';

export { cardBytes } from './card-size';

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
}

/** What the card may weigh (cardBytes), leaving room under Teams' 40 KB for the activity around it. */
export const CASE_CARD_BYTE_BUDGET = CARD_BYTE_BUDGET;

/** The case action schema's text limit (domain/decisions.ts), enforced by the inputs too. */
export const CASE_INPUT_MAX_LENGTH = CASE_TEXT_MAX_LENGTH;

const isFinal = isDoneCaseStatus;

const SEVERITY_COLOR: Readonly<Record<Severity, SeverityColor>> = {
  critical: 'attention',
  high: 'warning',
  normal: 'default',
};

const STATUS_COLOR: Readonly<Record<CaseStatus, StatusColor>> = {
  submitted: 'warning',
  acknowledged: 'accent',
  endorsed: 'accent',
  approved: 'good',
  rejected: 'attention',
  cancelled: 'default',
  closed: 'good',
};

/**
 * What the decision buttons rest on: the same citation the state machine records for the click
 * (decisions.ts, from case-articles.ts).
 */
function decisionArticle(input: CaseCardInput, urgentEndorse: boolean): Citations | undefined {
  if (input.kind === 'exception') return urgentEndorse ? '12(6)②' : '12(6)①';
  if (isIncidentKind(input.kind)) return undefined;
  return input.decisionBasis;
}

/** Cuts `text` to `max` characters (code points, so no surrogate pair is split), marking the cut. */
function truncate(locale: Locale, text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, max).join('') + t(locale, 'caseCard.truncated');
}

type ActionGroup = CaseCardData['actionGroups'][number];
type CardInput = ActionGroup['inputs'][number];
type Button = ActionGroup['buttons'][number];

function textInput(id: string, label: string, opts: Partial<CardInput> = {}): CardInput {
  return {
    id,
    label,
    value: '',
    placeholder: '',
    multiline: true,
    maxLength: CASE_INPUT_MAX_LENGTH,
    ...opts,
  };
}

function button(
  verb: CaseActionVerb,
  title: string,
  withInputs: boolean,
  style: Button['style'] = 'default',
): Button {
  return { verb, title, style, associatedInputs: withInputs ? 'auto' : 'none' };
}

/** The action groups, in a fixed order, for the verbs the viewer may use. */
function actionGroups(locale: Locale, input: CaseCardInput, level: DetailLevel): ActionGroup[] {
  const allowed = new Set(input.allowedVerbs);
  const groups: ActionGroup[] = [];
  const prefill = input.prefill ?? {};
  // Own keys only: a record id such as `constructor` must not pick up Object.prototype.
  const typedRecord = (id: string): string | undefined =>
    prefill.records && Object.hasOwn(prefill.records, id) ? prefill.records[id] : undefined;

  if (allowed.has('case.acknowledge') && isIncidentKind(input.kind)) {
    groups.push({
      heading: t(locale, 'caseCard.acknowledgeHint'),
      // The step is the officer's duty on the report; its deadline and the escalation to the deputy
      // and the superior are the organisation's rule.
      basis: basis(locale, [ACKNOWLEDGE_ARTICLE[input.kind], OPERATING_RULE]),
      inputs: [],
      buttons: [button('case.acknowledge', t(locale, 'caseCard.acknowledge'), false, 'positive')],
    });
  }

  if (allowed.has('case.record') && input.records.length > 0) {
    groups.push({
      heading: t(locale, 'caseCard.recordHeading'),
      basis: '',
      inputs: input.records.map((r) => {
        const label = withCitation(locale, r.label[locale], r.article);
        const typed = typedRecord(r.id);
        if (typed !== undefined) return textInput(`record_${r.id}`, label, { value: typed });
        return level.recordValues || r.value === ''
          ? textInput(`record_${r.id}`, label, { value: r.value })
          : textInput(`record_${r.id}`, label, { placeholder: t(locale, 'caseCard.recordKept') });
      }),
      buttons: [button('case.record', t(locale, 'caseCard.recordSave'), true)],
    });
  }

  if (allowed.has('case.report_chief') && isIncidentKind(input.kind)) {
    groups.push({
      heading: t(locale, 'caseCard.reportChiefHeading'),
      basis: basis(locale, REPORT_CHIEF_ARTICLE[input.kind]),
      inputs: [],
      buttons: [button('case.report_chief', t(locale, 'caseCard.reportChief'), false)],
    });
  }

  if (allowed.has('case.close') && isIncidentKind(input.kind)) {
    const closure = prefill.closure ?? {};
    groups.push({
      heading: t(locale, 'caseCard.closeHeading'),
      // The breach record (12(5)②カ: content, cause, confirmed damage, scope) or the failure record
      // (12(5)①オ), as the state machine records it.
      basis: basis(locale, CLOSE_ARTICLE[input.kind]),
      inputs: [
        textInput('closure_content', t(locale, 'caseCard.closeContent'), { value: closure.content ?? '' }),
        textInput('closure_cause', t(locale, 'caseCard.closeCause'), { value: closure.cause ?? '' }),
        textInput('closure_damage', t(locale, 'caseCard.closeDamage'), { value: closure.damage ?? '' }),
        textInput('closure_scope', t(locale, 'caseCard.closeScope'), { value: closure.scope ?? '' }),
      ],
      buttons: [button('case.close', t(locale, 'caseCard.close'), true, 'positive')],
    });
  }

  // At the officer's stage of an exception, endorsing replaces approving: 統括 permits (12(6)①),
  // or the officer decides to act at once and 統括 is told afterwards (12(6)②).
  const endorse = allowed.has('case.endorse');
  const approve = !endorse && allowed.has('case.approve');
  const reject = allowed.has('case.reject');
  if (endorse || approve || reject) {
    const urgent = endorse && input.endorseLabelKind === 'urgent';
    const commentLabel = t(locale, reject ? 'caseCard.commentRejectRequired' : 'caseCard.commentOptional');
    const inputs: CardInput[] = [
      // Not isRequired: approving needs no comment; the handler refuses a reject without one.
      textInput('comment', commentLabel, { value: prefill.comment ?? '' }),
    ];
    if (approve) {
      inputs.push(
        textInput('conditions', t(locale, 'caseCard.conditions'), {
          placeholder: t(locale, 'caseCard.conditionsPlaceholder'),
          value: prefill.conditions ?? '',
        }),
      );
    }
    const buttons: Button[] = [];
    if (endorse) {
      const label = urgent ? 'caseCard.endorseUrgent' : 'caseCard.endorseForward';
      buttons.push(button('case.endorse', t(locale, label), true, 'positive'));
    }
    if (approve) buttons.push(button('case.approve', t(locale, 'caseCard.approve'), true, 'positive'));
    if (reject) buttons.push(button('case.reject', t(locale, 'caseCard.reject'), true, 'destructive'));
    const article = decisionArticle(input, urgent);
    groups.push({
      heading: t(locale, 'caseCard.decisionHeading'),
      basis: article === undefined ? '' : basis(locale, article),
      inputs,
      buttons,
    });
  }

  if (allowed.has('case.ack_post_report')) {
    groups.push({
      heading: t(locale, 'caseCard.postReportHeading'),
      basis: basis(locale, '12(6)②'),
      inputs: [],
      buttons: [button('case.ack_post_report', t(locale, 'caseCard.ackPostReport'), false, 'positive')],
    });
  }
  return groups;
}

interface DetailLevel {
  /** Characters of a row value, and of the notice on top. */
  rowValue: number;
  /** Characters of a history entry's text. */
  historyText: number;
  /** Newest history entries shown. */
  historyEntries: number;
  /** Record inputs prefilled with what was recorded (else empty, the record shown as a row). */
  recordValues: boolean;
  /**
   * `refresh.userIds` kept (the first ones). Every routed copy is rendered for its own recipient and
   * updated through the outbox after each change, so a shorter list only loses the automatic refresh.
   */
  refreshUserIds: number;
}

/** Tried in order until the card fits the budget. */
const DETAIL_LEVELS: readonly DetailLevel[] = [
  { rowValue: 1000, historyText: 400, historyEntries: 100, recordValues: true, refreshUserIds: 60 },
  { rowValue: 300, historyText: 150, historyEntries: 30, recordValues: true, refreshUserIds: 60 },
  { rowValue: 120, historyText: 80, historyEntries: 15, recordValues: true, refreshUserIds: 30 },
  { rowValue: 40, historyText: 40, historyEntries: 5, recordValues: true, refreshUserIds: 15 },
  { rowValue: 40, historyText: 40, historyEntries: 5, recordValues: false, refreshUserIds: 10 },
];

function cardData(locale: Locale, input: CaseCardInput, level: DetailLevel): CaseCardData {
  const title = caseTitle(input.kind)[locale];
  const headlineKey =
    caseCategory(input.kind) === 'incident' ? 'routed.headlineIncident' : 'routed.headlineRequest';
  const final = isFinal(input.status);
  // Deny by default: nothing is actionable on a final case, whatever the caller computed.
  const groups = final ? [] : actionGroups(locale, input, level);
  const reasons = input.reasons ?? [];

  const shown = input.history.slice(-level.historyEntries);
  const omitted = input.history.length - shown.length;

  return {
    caseId: input.caseId,
    title,
    severityLabel: t(locale, `severity.${input.severity}`),
    severityColor: SEVERITY_COLOR[input.severity],
    statusLabel: t(locale, `status.${input.status}`),
    statusColor: STATUS_COLOR[input.status],
    notice: input.notice ? truncate(locale, input.notice[locale], level.rowValue) : '',
    headline: t(locale, headlineKey, { section: input.reporter.section, name: input.reporter.name, title }),
    reasonText:
      reasons.length === 0
        ? ''
        : t(locale, 'routed.reason', {
            reason: reasons.map((r) => r.text[locale]).join(t(locale, 'value.listSeparator')),
            basis: basis(
              locale,
              reasons.flatMap((r) => (typeof r.article === 'string' ? [r.article] : r.article)),
            ),
          }),
    // The case number and the status are in the header already.
    facts: [{ title: t(locale, 'case.submittedAtLabel'), value: formatJst(input.submittedAt) }],
    ackDueText:
      input.ackDueAt && !final ? t(locale, 'caseCard.ackDue', { due: formatJst(input.ackDueAt) }) : '',
    rows: input.rows.map((r) => ({
      label: r.label,
      value: r.value === '' ? t(locale, 'value.empty') : truncate(locale, r.value, level.rowValue),
    })),
    findingsHeading: t(locale, 'routed.findingsHeading'),
    findings: findingLines(locale, input.findings),
    dutiesHeading: t(locale, 'routed.dutiesHeading'),
    duties: input.duties.map((d) => withCitation(locale, d.text[locale], d.article)),
    historyHeading: t(locale, 'caseCard.historyHeading'),
    history: shown.map((h) => ({
      line: t(locale, 'caseCard.historyLine', {
        at: formatJst(h.at),
        actor: h.actor,
        text: truncate(locale, h.text[locale], level.historyText),
      }),
      basis: parenthesized(locale, h.article),
    })),
    historyOmitted: omitted > 0 ? t(locale, 'caseCard.historyOmitted', { count: omitted }) : '',
    actionsHeading: t(locale, 'caseCard.actionsHeading'),
    actionGroups: groups,
    statusNote: final ? t(locale, `caseCard.final.${input.status as DoneCaseStatus}`) : '',
    readOnlyNote:
      groups.length === 0 && input.showReadOnlyNote && !final ? t(locale, 'caseCard.readOnly') : '',
    refreshUserIds: input.refreshUserIds.slice(0, Math.min(MAX_REFRESH_USER_IDS, level.refreshUserIds)),
  };
}

/** The most detailed rendering within CASE_CARD_BYTE_BUDGET, or the size of the smallest one. */
function fitted(locale: Locale, input: CaseCardInput): AdaptiveCardJson | number {
  let size = 0;
  for (const level of DETAIL_LEVELS) {
    const card = renderCard('case-card', cardData(locale, input, level));
    size = cardBytes(card);
    if (size <= CASE_CARD_BYTE_BUDGET) return card;
  }
  return size;
}

/**
 * The case card for one viewer. Throws when the data breaks the template's schema, or when even the
 * least detailed rendering is over CASE_CARD_BYTE_BUDGET (not reachable within the input limits: see
 * the size guard test).
 */
export function buildCaseCard(locale: Locale, input: CaseCardInput): AdaptiveCardJson {
  let result = fitted(locale, input);
  if (typeof result === 'number' && input.prefill) {
    // What was typed is a convenience; the case itself must still be shown.
    result = fitted(locale, { ...input, prefill: undefined });
  }
  if (typeof result !== 'number') return result;
  throw new Error(
    `case card ${input.caseId} is ${result} bytes, over the ${CASE_CARD_BYTE_BUDGET} byte budget`,
  );
}
