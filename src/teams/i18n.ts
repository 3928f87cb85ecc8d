// The teams layer's view of the one text catalogue (src/i18n): rendering helpers on top of it.
import type { Intent } from '../domain/intents';
import { t, type Locale } from '../i18n';

export {
  LOCALES,
  localeOf,
  msg,
  t,
  type Locale,
  type MessageKey,
  type MessageParams,
  type Msg,
} from '../i18n';

/** Display title of an intent (button labels, card titles). */
export function intentTitle(locale: Locale, intent: Intent): string {
  return t(locale, `intent.${intent}`);
}
