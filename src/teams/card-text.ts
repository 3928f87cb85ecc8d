// Text pieces several card builders share (form-card.ts, case-card.ts, cards.ts), so a citation or a
// finding reads the same on every card.
import type { CardFinding } from './form-card';
import { t, type Locale } from './i18n';

/** 「根拠: 対策基準 10(9)①エ・10(9)②」: the articles cited once each, in the order given. */
export function basis(locale: Locale, articles: string | readonly string[]): string {
  const list = typeof articles === 'string' ? [articles] : [...new Set(articles)];
  return t(locale, 'basis.article', { article: list.join(t(locale, 'case.articleSeparator')) });
}

export function findingLines(locale: Locale, findings: readonly CardFinding[]) {
  return findings.map((f) => ({ text: f.message[locale], basis: basis(locale, f.article), level: f.level }));
}
