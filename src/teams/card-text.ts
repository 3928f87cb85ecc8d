// Text pieces several card builders share (form-card.ts, case-card.ts, cards.ts), so a finding reads
// the same on every card. Citations themselves are composed in citation.ts.
import { basis } from './citation';
import type { CardFinding } from './form-card';
import type { Locale } from './i18n';

export function findingLines(locale: Locale, findings: readonly CardFinding[]) {
  return findings.map((f) => ({ text: f.message[locale], basis: basis(locale, f.article), level: f.level }));
}
