// 連絡網の出力 (cards/directory-export.json): short-lived download links, or why there are none.
import { formatJst } from '../../domain/clock';
import { EXPORT_LINK_MINUTES, type ExportKind } from '../../domain/directory-exports';
import { basis } from '../citation';
import { t, type Locale } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './registry';

export function buildDirectoryExportCard(
  locale: Locale,
  links: { expiresAt: string; items: Array<{ kind: ExportKind; url: string }> } | null,
): AdaptiveCardJson {
  return renderCard('directory-export', {
    title: t(locale, 'dirAdmin.export.title'),
    intro: links
      ? t(locale, 'dirAdmin.export.intro', {
          minutes: EXPORT_LINK_MINUTES,
          until: formatJst(new Date(links.expiresAt)),
        })
      : t(locale, 'dirAdmin.export.noBaseUrl'),
    hint: t(locale, 'dirAdmin.export.hint'),
    basis: basis(locale, '6ウ'),
    links: (links?.items ?? []).map((l) => ({
      title: t(locale, `dirAdmin.export.link.${l.kind as 'directory_csv'}`),
      url: l.url,
    })),
    menuLabel: t(locale, 'dirAdmin.menu'),
  });
}
