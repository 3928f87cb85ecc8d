// The case card's template data at one level of detail (./case-card-levels.ts): header, the filed
// answers, findings, duties, history and the action groups.
import {
  caseCategory,
  caseTitle,
  isDoneCaseStatus,
  type CaseStatus,
  type DoneCaseStatus,
  type Severity,
} from '../../domain/cases';
import { formatJst } from '../../domain/clock';
import { basis, parenthesized, withCitation } from '../citation';
import { t, type Locale } from '../i18n';
import { actionGroups } from './case-card-actions';
import type { CaseCardInput } from './case-card-input';
import type { DetailLevel } from './case-card-levels';
import { findingLines } from './lines';
import {
  MAX_REFRESH_USER_IDS,
  type CaseCardData,
  type SeverityColor,
  type StatusColor,
} from './schemas/case-card';

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

/** Cuts `text` to `max` characters (code points, so no surrogate pair is split), marking the cut. */
function truncate(locale: Locale, text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, max).join('') + t(locale, 'caseCard.truncated');
}

/** Why this viewer got the case, with what it rests on; '' when no reason is given. */
function reasonText(locale: Locale, input: CaseCardInput): string {
  const reasons = input.reasons ?? [];
  if (reasons.length === 0) return '';
  return t(locale, 'routed.reason', {
    reason: reasons.map((r) => t(locale, r.text)).join(t(locale, 'value.listSeparator')),
    basis: basis(
      locale,
      reasons.flatMap((r) => (typeof r.article === 'string' ? [r.article] : r.article)),
    ),
  });
}

/** The newest entries the level allows, oldest first, and how many older ones were left out. */
function historyLines(
  locale: Locale,
  input: CaseCardInput,
  level: DetailLevel,
): Pick<CaseCardData, 'history' | 'historyOmitted'> {
  const shown = input.history.slice(-level.historyEntries);
  const omitted = input.history.length - shown.length;
  return {
    history: shown.map((h) => ({
      line: t(locale, 'caseCard.historyLine', {
        at: formatJst(h.at),
        actor: h.actor,
        text: truncate(locale, t(locale, h.text), level.historyText),
      }),
      basis: parenthesized(locale, h.article),
    })),
    historyOmitted: omitted > 0 ? t(locale, 'caseCard.historyOmitted', { count: omitted }) : '',
  };
}

export function caseCardData(locale: Locale, input: CaseCardInput, level: DetailLevel): CaseCardData {
  const title = t(locale, caseTitle(input.kind));
  const headlineKey =
    caseCategory(input.kind) === 'incident' ? 'routed.headlineIncident' : 'routed.headlineRequest';
  const final = isFinal(input.status);
  // Deny by default: nothing is actionable on a final case, whatever the caller computed.
  const groups = [...(final ? [] : actionGroups(locale, input, level)), ...(input.linked?.groups ?? [])];
  const { history, historyOmitted } = historyLines(locale, input, level);

  return {
    caseId: input.caseId,
    title,
    severityLabel: t(locale, `severity.${input.severity}`),
    severityColor: SEVERITY_COLOR[input.severity],
    statusLabel: t(locale, `status.${input.status}`),
    statusColor: STATUS_COLOR[input.status],
    notice: input.notice ? truncate(locale, t(locale, input.notice), level.rowValue) : '',
    headline: t(locale, headlineKey, { section: input.reporter.section, name: input.reporter.name, title }),
    reasonText: reasonText(locale, input),
    // The case number and the status are in the header already.
    facts: [
      { title: t(locale, 'case.submittedAtLabel'), value: formatJst(input.submittedAt) },
      ...(input.origin
        ? [
            {
              title: t(locale, 'bcompose.caseOrigin.label'),
              value: t(locale, 'bcompose.caseOrigin.value', { id: input.origin.broadcastId }),
            },
          ]
        : []),
    ],
    ackDueText:
      input.ackDueAt && !final ? t(locale, 'caseCard.ackDue', { due: formatJst(input.ackDueAt) }) : '',
    rows: [...input.rows, ...(input.linked?.rows ?? [])].map((r) => ({
      label: r.label,
      value: r.value === '' ? t(locale, 'value.empty') : truncate(locale, r.value, level.rowValue),
    })),
    findingsHeading: t(locale, 'routed.findingsHeading'),
    findings: findingLines(locale, input.findings),
    dutiesHeading: t(locale, 'routed.dutiesHeading'),
    duties: input.duties.map((d) => withCitation(locale, t(locale, d.text), d.article)),
    historyHeading: t(locale, 'caseCard.historyHeading'),
    history,
    historyOmitted,
    actionsHeading: t(locale, 'caseCard.actionsHeading'),
    actionGroups: groups,
    statusNote: final ? t(locale, `caseCard.final.${input.status as DoneCaseStatus}`) : '',
    readOnlyNote:
      groups.length === 0 && input.showReadOnlyNote && !final ? t(locale, 'caseCard.readOnly') : '',
    refreshUserIds: input.refreshUserIds.slice(0, Math.min(MAX_REFRESH_USER_IDS, level.refreshUserIds)),
  };
}
