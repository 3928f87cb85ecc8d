// The correction form of a sent broadcast (cards/broadcast-correct.json), prefilled from storage.
import { BODY_MAX, TITLE_MAX } from '../../domain/broadcast';
import { t, type Locale, type Msg } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './registry';

export function buildBroadcastCorrectCard(
  locale: Locale,
  input: {
    broadcastId: string;
    version: number;
    title: string;
    body: string;
    notice?: Msg;
    errors?: { title?: Msg; body?: Msg };
  },
): AdaptiveCardJson {
  const titleLabel = t(locale, 'bcompose.field.title');
  const bodyLabel = t(locale, 'bcompose.field.body');
  return renderCard('broadcast-correct', {
    title: t(locale, 'bmanage.correct.title', { id: input.broadcastId }),
    intro: t(locale, 'bmanage.correct.intro'),
    notice: input.notice ? t(locale, input.notice) : '',
    broadcastId: input.broadcastId,
    version: input.version,
    titleLabel,
    titleValue: input.title,
    titleMax: TITLE_MAX,
    titleError: input.errors?.title ? t(locale, input.errors.title) : '',
    titleRequired: t(locale, 'form.requiredMessage', { label: titleLabel }),
    bodyLabel,
    bodyValue: input.body,
    bodyMax: BODY_MAX,
    bodyError: input.errors?.body ? t(locale, input.errors.body) : '',
    bodyRequired: t(locale, 'form.requiredMessage', { label: bodyLabel }),
    submitLabel: t(locale, 'bmanage.correct.submit'),
  });
}
