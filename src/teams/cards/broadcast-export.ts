// Download links for a broadcast's results (cards/broadcast-export.json).
import { formatJst } from '../../domain/clock';
import { t, type Locale } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './registry';

export function buildBroadcastExportCard(
  locale: Locale,
  o: { broadcastId: string; csvUrl: string; xlsxUrl: string; expiresAt: Date },
): AdaptiveCardJson {
  return renderCard('broadcast-export', {
    title: t(locale, 'broadcastResults.exportTitle'),
    text: t(locale, 'broadcastResults.exportText', { id: o.broadcastId, expires: formatJst(o.expiresAt) }),
    links: [
      { title: t(locale, 'broadcastResults.exportXlsx'), url: o.xlsxUrl },
      { title: t(locale, 'broadcastResults.exportCsv'), url: o.csvUrl },
    ],
  });
}
