// Text pieces several card builders share (form-card.ts, case-card.ts, cards.ts), so a citation or a
// finding reads the same on every card.
import { OPERATING_RULE } from '../domain/routing';
import type { CardFinding } from './form-card';
import { t, type Locale } from './i18n';

/**
 * 「根拠: 対策基準 10(9)①エ・10(9)②」: the articles cited once each, in the order given. The
 * organisation's own practice (OPERATING_RULE) is never shown as an article: 「根拠: 運用ルール」.
 */
export function basis(locale: Locale, articles: string | readonly string[]): string {
  const list = typeof articles === 'string' ? [articles] : [...new Set(articles)];
  const cited = list.filter((a) => a !== OPERATING_RULE);
  const parts =
    cited.length > 0
      ? [t(locale, 'basis.article', { article: cited.join(t(locale, 'case.articleSeparator')) })]
      : [];
  if (cited.length < list.length) parts.push(t(locale, 'basis.operatingRule'));
  return parts.join(t(locale, 'basis.joiner'));
}

export function findingLines(locale: Locale, findings: readonly CardFinding[]) {
  return findings.map((f) => ({ text: f.message[locale], basis: basis(locale, f.article), level: f.level }));
}
