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
    // What the standard itself says of the request, cited apart from the refusal's own basis.
    offer: refusal.rests ? t(locale, refusal.rests.text) : '',
    offerBasis: refusal.rests ? basis(locale, refusal.rests.article) : '',
    buttons: [],
  });
}
