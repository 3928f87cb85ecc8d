// What the reporter sees after submitting (cards/case-created.json).
import type { Citations } from '../../domain/articles';
import {
  articlesOf,
  caseCategory,
  caseTitle,
  type CaseKind,
  type CaseStatus,
  type Localized,
} from '../../domain/cases';
import { formatJst } from '../../domain/clock';
import { basis, withCitation } from '../citation';
import { t, type Locale } from '../i18n';
import { recipientLines } from './lines';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { CardRecipient } from './types';

export interface CaseCreatedInput {
  caseId: string;
  kind: CaseKind;
  status: CaseStatus;
  submittedAt: Date;
  /** What happens next, each with what it rests on (shown after the line). */
  nextSteps: readonly { text: Localized; article?: Citations }[];
  recipients: readonly CardRecipient[];
  /** Defaults to the kind's articles (CASE_KIND_POLICY). */
  articles?: Citations;
}

/** Shown to the reporter after submission. */
export function buildCaseCreatedCard(locale: Locale, input: CaseCreatedInput): AdaptiveCardJson {
  const title = t(locale, caseTitle(input.kind));
  const messageKey =
    caseCategory(input.kind) === 'incident' ? 'created.messageIncident' : 'created.messageRequest';
  return renderCard('case-created', {
    caseId: input.caseId,
    title,
    message: t(locale, messageKey, { title }),
    labels: {
      caseId: t(locale, 'case.caseIdLabel'),
      status: t(locale, 'case.statusLabel'),
      submittedAt: t(locale, 'case.submittedAtLabel'),
    },
    statusLabel: t(locale, `status.${input.status}`),
    submittedAt: formatJst(input.submittedAt),
    nextStepsHeading: t(locale, 'created.nextStepsHeading'),
    nextSteps: input.nextSteps.map((s) => withCitation(locale, t(locale, s.text), s.article)),
    recipientsHeading: t(locale, 'created.recipientsHeading'),
    recipients: recipientLines(locale, input.recipients),
    articles: basis(locale, input.articles ?? articlesOf(input.kind)),
    myCasesLabel: t(locale, 'created.myCases'),
    menuLabel: t(locale, 'created.menu'),
  });
}
