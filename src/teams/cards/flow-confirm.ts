// The answers to check before submitting (cards/flow-confirm.json), with what policy found and who
// will be told.
import type { CaseKind, Localized } from '../../domain/cases';
import { t, type Locale } from '../i18n';
import { findingLines, recipientLines } from './lines';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { CardFinding, CardRecipient, DisplayRow } from './types';

export interface FlowConfirmInput {
  kind: CaseKind;
  title: Localized;
  /** Usually `answerRows(locale, flow.fields, answers)`. */
  rows: readonly DisplayRow[];
  findings: readonly CardFinding[];
  /**
   * The request breaks a mandatory rule and is not sent on (deny by default). Must be true exactly
   * when a finding has level 'refusal' (the schema rejects anything else).
   */
  refused: boolean;
  /** Who will be notified on submit. */
  recipients: readonly CardRecipient[];
}

export function buildFlowConfirmCard(locale: Locale, input: FlowConfirmInput): AdaptiveCardJson {
  return renderCard('flow-confirm', {
    title: t(locale, 'confirm.title', { title: t(locale, input.title) }),
    kind: input.kind,
    intro: t(locale, 'confirm.intro'),
    rows: input.rows.map((r) => ({
      label: r.label,
      value: r.value === '' ? t(locale, 'value.empty') : r.value,
    })),
    findingsHeading: t(locale, 'confirm.findingsHeading'),
    findings: findingLines(locale, input.findings),
    refused: input.refused,
    refusedHeading: t(locale, 'confirm.refusedHeading'),
    recipientsHeading: t(locale, 'confirm.recipientsHeading'),
    recipients: recipientLines(locale, input.recipients),
    submitLabel: t(locale, 'confirm.submit'),
    editLabel: t(locale, 'confirm.edit'),
    discardLabel: t(locale, 'confirm.discard'),
  });
}
