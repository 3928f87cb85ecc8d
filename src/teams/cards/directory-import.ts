// 連絡網の取込 (cards/directory-import.json): send the CSV as a file, or paste it (for small edits).
import { formatJst } from '../../domain/clock';
import { basis } from '../citation';
import { t, type Locale } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './registry';

/** What a pasted CSV may hold: a card round trip is no place for a large file (send it instead). */
export const PASTE_MAX_LENGTH = 100_000;
/** The directory in force is put into the box when its CSV is at most this long (the card stays far below 40 KB). */
export const PREFILL_MAX_BYTES = 12 * 1024;

export function buildDirectoryImportCard(
  locale: Locale,
  current: {
    people: number;
    sections: number;
    lastImport: { at: string; by: string } | undefined;
    csvForEditing: string | null;
  },
): AdaptiveCardJson {
  return renderCard('directory-import', {
    title: t(locale, 'dirAdmin.import.title'),
    intro: t(locale, 'dirAdmin.import.intro'),
    basis: basis(locale, '6ウ'),
    current:
      current.people === 0
        ? t(locale, 'dirAdmin.import.currentNone')
        : t(locale, 'dirAdmin.import.current', {
            people: current.people,
            sections: current.sections,
            at: current.lastImport ? formatJst(new Date(current.lastImport.at)) : '-',
            by: current.lastImport?.by ?? '-',
          }),
    csvLabel: t(locale, 'dirAdmin.import.csvLabel'),
    csvPlaceholder: t(locale, 'dirAdmin.import.csvPlaceholder'),
    csvValue: current.csvForEditing ?? '',
    prefillNote: t(
      locale,
      current.csvForEditing !== null || current.people === 0
        ? 'dirAdmin.import.prefilled'
        : 'dirAdmin.import.tooBigToPrefill',
    ),
    maxLength: PASTE_MAX_LENGTH,
    previewLabel: t(locale, 'dirAdmin.import.preview'),
    menuLabel: t(locale, 'dirAdmin.menu'),
  });
}
