// 「通知の状況」 (cards/broadcast-list.json): the broadcasts the viewer may follow, each labelled
// 【訓練】 or 【本番】, with its numbers in the viewer's scope and 「開く」.
import { answerRequired } from '../../domain/broadcast';
import { formatJst } from '../../domain/clock';
import { answeredPercent } from '../../services/broadcast-export';
import { FOLLOWED_LIST_MAX, type FollowedBroadcast } from '../../services/broadcast-status-service';
import { t, type Locale } from '../i18n';
import { modeColor, modeLabel } from './broadcast-labels';
import { renderCard, type AdaptiveCardJson } from './registry';

export function buildBroadcastListCard(
  locale: Locale,
  items: readonly FollowedBroadcast[],
): AdaptiveCardJson {
  return renderCard('broadcast-list', {
    title: t(locale, 'broadcastResults.listTitle'),
    intro: t(locale, 'broadcastResults.listIntro', { max: FOLLOWED_LIST_MAX }),
    empty: items.length === 0 ? t(locale, 'broadcastResults.listEmpty') : '',
    items: items.map(({ broadcast: b, scope, targeted, delivered, answered }) => {
      const counts = answerRequired(b.answer)
        ? t(locale, 'broadcastResults.listCounts', {
            answered,
            targeted,
            delivered,
            percent: answeredPercent({ answered, targeted }),
          })
        : t(locale, 'broadcastResults.listCountsNoAnswer', { delivered, targeted });
      return {
        broadcastId: b.id,
        modeLabel: modeLabel(locale, b.mode),
        modeColor: modeColor(b.mode),
        title: b.title,
        line: t(locale, 'broadcastResults.listLine', {
          id: b.id,
          severity: t(locale, `broadcastResults.severity.${b.severity}`),
          at: b.sentAt ? formatJst(new Date(b.sentAt)) : '',
          status: t(locale, `broadcastResults.status.${b.status === 'recalled' ? 'recalled' : 'sent'}`),
        }),
        counts: scope.kind === 'sections' ? `${counts}${t(locale, 'broadcastResults.listScope')}` : counts,
        openLabel: t(locale, 'broadcastResults.button.open'),
      };
    }),
    menuLabel: t(locale, 'broadcastResults.menu'),
  });
}
