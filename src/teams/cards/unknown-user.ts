// For a person the directory does not know (cards/unknown-user.json): whom to call instead.
import { basis } from '../citation';
import { t, type Locale } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './registry';

export function buildUnknownUserCard(locale: Locale): AdaptiveCardJson {
  return renderCard('unknown-user', {
    title: t(locale, 'unknownUser.title'),
    message: t(locale, 'unknownUser.message'),
    emergency: t(locale, 'unknownUser.emergency'),
    emergencyBasis: basis(locale, '10(6)①'),
  });
}
