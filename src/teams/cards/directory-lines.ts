// Lines and groups of the contact-tree cards: a list cut to its first entries with 「ほか n 件」.
import { t, type Locale, type MessageKey } from '../i18n';
import type { DirectoryGroup } from './schemas/directory-lines';

export type LineColor = 'Default' | 'Attention' | 'Warning';

export function line(text: string, color: LineColor = 'Default'): { text: string; color: LineColor } {
  return { text, color };
}

export function group(
  locale: Locale,
  title: string,
  lines: ReadonlyArray<{ text: string; color: LineColor }>,
  opts: {
    max: number;
    note?: string;
    moreKey: Extract<MessageKey, 'dirAdmin.diffCard.more' | 'dirAdmin.check.more' | 'dirAdmin.errors.more'>;
  },
): DirectoryGroup {
  const shown = lines.slice(0, opts.max);
  return {
    title,
    note: opts.note ?? '',
    lines: shown,
    more: lines.length > shown.length ? t(locale, opts.moreKey, { n: lines.length - shown.length }) : '',
  };
}
