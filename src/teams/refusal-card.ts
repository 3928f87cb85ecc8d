// The refusal card (cards/refusal.json) for someone who may not file a request (9(3)③, 11(2)③).
import type { FilerRefusal } from '../domain/policy/network-requests';
import { renderCard, type AdaptiveCardJson } from './cards';
import { basis } from './citation';
import { t, type Locale } from './i18n';

/** A person who may not file a request of this kind: told why, with the article (already audited). */
export function filerRefusalCard(locale: Locale, title: string, refusal: FilerRefusal): AdaptiveCardJson {
  return renderCard('refusal', {
    title,
    text: t(locale, refusal.text),
    basis: basis(locale, refusal.article),
    offer: '',
    offerBasis: '',
    buttons: [],
  });
}
