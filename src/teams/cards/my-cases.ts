// 私の申請・報告 (cards/my-cases.json).
import { caseTitle, type CaseKind, type CaseStatus } from '../../domain/cases';
import { formatJst } from '../../domain/clock';
import { t, type Locale } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './registry';

export interface MyCasesInput {
  cases: readonly {
    caseId: string;
    kind: CaseKind;
    status: CaseStatus;
    submittedAt: Date;
    /** Decided by the service (own case, not yet final); the handler re-checks on click. */
    canCancel: boolean;
  }[];
  drafts: readonly { kind: CaseKind; updatedAt: Date }[];
}

/** 私の申請・報告: the person's cases (newest first as given) and unfinished drafts. */
export function buildMyCasesCard(locale: Locale, input: MyCasesInput): AdaptiveCardJson {
  return renderCard('my-cases', {
    title: t(locale, 'myCases.title'),
    empty: input.cases.length === 0 ? t(locale, 'myCases.empty') : '',
    items: input.cases.map((c) => ({
      caseId: c.caseId,
      title: t(locale, caseTitle(c.kind)),
      statusLabel: t(locale, `status.${c.status}`),
      submittedAt: formatJst(c.submittedAt),
      canCancel: c.canCancel,
      cancelLabel: t(locale, 'myCases.cancel'),
    })),
    draftsHeading: t(locale, 'myCases.draftsHeading'),
    drafts: input.drafts.map((d) => ({
      kind: d.kind,
      title: t(locale, caseTitle(d.kind)),
      updatedAt: t(locale, 'draft.savedAt', { savedAt: formatJst(d.updatedAt) }),
      resumeLabel: t(locale, 'myCases.resume'),
    })),
    menuLabel: t(locale, 'myCases.menu'),
  });
}
