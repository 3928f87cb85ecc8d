// Lines several card builders share, so a finding, an urgent instruction or a recipient reads the
// same on every card. Citations themselves are composed in citation.ts.
import type { GuidanceItem } from '../../domain/flows/form';
import { basis } from '../citation';
import { t, type Locale } from '../i18n';
import type { CardFinding, CardRecipient, UrgentLine } from './types';

export function findingLines(locale: Locale, findings: readonly CardFinding[]) {
  return findings.map((f) => ({
    text: t(locale, f.message),
    basis: basis(locale, f.article),
    level: f.level,
  }));
}

/** The flow's urgent guidance, then `extra` (whom to call, from the directory) when given. */
export function guidanceLines(locale: Locale, guidance: readonly GuidanceItem[], extra?: UrgentLine) {
  return [
    ...guidance.map((g) => ({ text: t(locale, g.text), basis: basis(locale, g.article) })),
    ...(extra ? [extra] : []),
  ];
}

export function recipientLines(locale: Locale, recipients: readonly CardRecipient[]) {
  return recipients.map((r) => ({ name: r.name, role: t(locale, r.role) }));
}
