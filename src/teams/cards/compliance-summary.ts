// The compliance summary card (cards/compliance-summary.json) for 統括 (13(1)): the totals, the
// month's broadcasts asking for an answer, the sections with something to report, and the month's
// ledgers as XLSX through the ledger export. Built from services/compliance-summary-service.ts only.
import {
  answerPercent,
  COMPLIANCE_REPORT_ARTICLE,
  EXCEPTION_EXPIRY_WINDOW_DAYS,
  monthDays,
  SUMMARY_EXPORT_KINDS,
  type ComplianceFigures,
  type ComplianceSummary,
} from '../../domain/compliance-summary';
import { formatJst } from '../../domain/clock';
import { CARD_BYTE_BUDGET, cardBytes } from '../card-size';
import { basis } from '../citation';
import { t, type Locale } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { ComplianceSummaryCardData } from './schemas/compliance-summary';

/** Sections on one card at most; the rest are counted (the exports have every row). */
export const SUMMARY_SECTIONS_MAX = 60;
/** Broadcasts listed at most (their answers also count in the totals and sections). */
export const SUMMARY_BROADCASTS_MAX = 20;

type Fact = { title: string; value: string };

export function monthLabel(locale: Locale, month: string): string {
  const [year, m] = month.split('-');
  return t(locale, 'compliance.month', { year: year ?? '', month: locale === 'ja' ? Number(m) : (m ?? '') });
}

function rate(locale: Locale, targeted: number, answered: number): string {
  const percent = answerPercent(targeted, answered);
  return percent === null
    ? t(locale, 'compliance.noRate')
    : t(locale, 'compliance.rate', { percent, answered, targeted });
}

/** Every figure (the total), or only those that are not zero (a section). */
function facts(locale: Locale, f: ComplianceFigures, all: boolean): Fact[] {
  const count = (n: number) => t(locale, 'compliance.count', { count: n });
  const out: Fact[] = [];
  const add = (key: string, n: number, value: string) => {
    if (all || n > 0) out.push({ title: key, value });
  };
  add(
    t(locale, 'compliance.fact.openIncidents'),
    f.openIncidents,
    f.oldestOpenIncident && f.openIncidents > 0
      ? t(locale, 'compliance.countOldest', {
          count: f.openIncidents,
          caseId: f.oldestOpenIncident.caseId,
          at: formatJst(new Date(f.oldestOpenIncident.createdAt)),
        })
      : count(f.openIncidents),
  );
  add(t(locale, 'compliance.fact.overdueAcks'), f.overdueAcks, count(f.overdueAcks));
  add(t(locale, 'compliance.fact.overdueReturns'), f.overdueReturns, count(f.overdueReturns));
  add(
    t(locale, 'compliance.fact.exceptionsExpiring', { days: EXCEPTION_EXPIRY_WINDOW_DAYS }),
    f.exceptionsExpiring,
    count(f.exceptionsExpiring),
  );
  add(t(locale, 'compliance.fact.exceptionsExpired'), f.exceptionsExpired, count(f.exceptionsExpired));
  add(
    t(locale, 'compliance.fact.broadcastAnswers'),
    f.broadcastTargeted,
    rate(locale, f.broadcastTargeted, f.broadcastAnswered),
  );
  // The compliance checks of the month (定期業務, 13(1)): done / not done.
  add(
    t(locale, 'duty.summary.fact'),
    f.complianceChecksDone + f.complianceChecksOpen,
    t(locale, 'duty.summary.value', { done: f.complianceChecksDone, open: f.complianceChecksOpen }),
  );
  return out;
}

export interface SummaryCardOptions {
  locale: Locale;
  /** Section code → name (the directory now); a section no longer listed shows its code. */
  sectionNames: ReadonlyMap<string, string>;
  /** 「遵守状況」 on request: the month so far, not the monthly report. */
  soFar: boolean;
}

export function buildComplianceSummaryCard(s: ComplianceSummary, o: SummaryCardOptions): AdaptiveCardJson {
  const { locale } = o;
  const month = monthLabel(locale, s.month);
  const asOf = formatJst(new Date(s.asOf));
  const days = monthDays(s.month);
  const all = Object.entries(s.sections)
    .filter(([, f]) => facts(locale, f, false).length > 0)
    .map(([code, f]) => ({ name: o.sectionNames.get(code) ?? code, facts: facts(locale, f, false) }));
  const data = (shown: number): ComplianceSummaryCardData => ({
    title: t(locale, 'compliance.title', { month }),
    intro: t(locale, o.soFar ? 'compliance.introSoFar' : 'compliance.introMonthly', { month, asOf }),
    totalHeading: t(locale, 'compliance.totalHeading'),
    total: facts(locale, s.total, true),
    broadcastsHeading: t(locale, 'compliance.broadcastsHeading'),
    broadcasts: s.broadcasts.slice(-SUMMARY_BROADCASTS_MAX).map((b) => ({
      title: t(locale, 'compliance.broadcastTitle', {
        id: b.broadcastId,
        mode: t(locale, `compliance.mode.${b.mode}`),
        at: formatJst(new Date(b.sentAt)),
      }),
      value: rate(locale, b.targeted, b.answered),
    })),
    sectionsHeading: t(locale, 'compliance.sectionsHeading'),
    empty: all.length === 0 ? t(locale, 'compliance.empty') : '',
    sections: all.slice(0, shown),
    omitted: all.length > shown ? t(locale, 'compliance.omitted', { count: all.length - shown }) : '',
    exportsHeading: t(locale, 'compliance.exportsHeading', { month }),
    exports: SUMMARY_EXPORT_KINDS.map((kind) => ({
      title: t(locale, `compliance.export.${kind}`),
      kind,
      from: days.from,
      to: days.to,
    })),
    basis: basis(locale, COMPLIANCE_REPORT_ARTICLE),
    menuLabel: t(locale, 'compliance.menu'),
  });
  // Fewer sections until the card fits Teams' 40 KB (the totals and exports always stay).
  let shown = Math.min(all.length, SUMMARY_SECTIONS_MAX);
  let card = renderCard('compliance-summary', data(shown));
  while (shown > 0 && cardBytes(card) > CARD_BYTE_BUDGET) {
    shown = Math.floor(shown * 0.8);
    card = renderCard('compliance-summary', data(shown));
  }
  return card;
}
