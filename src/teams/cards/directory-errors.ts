// An import refused (cards/directory-errors.json): every problem of the file by line, or the reason.
import type { CsvIssue } from '../../domain/directory-csv';
import { t, type Locale, type Msg } from '../i18n';
import { group, line } from './directory-lines';
import { renderCard, type AdaptiveCardJson } from './registry';

const MAX_LINES = 50;

/** The CSV reader's problems (Japanese, with line numbers), or one reason (`problems` empty). */
export function buildDirectoryErrorsCard(
  locale: Locale,
  problems: readonly CsvIssue[],
  reason?: Msg,
): AdaptiveCardJson {
  const g = group(
    locale,
    '-',
    problems.map((p) => line(p.message, 'Attention')),
    { max: MAX_LINES, moreKey: 'dirAdmin.errors.more' },
  );
  return renderCard('directory-errors', {
    title: t(locale, 'dirAdmin.errors.title'),
    intro:
      problems.length > 0 || !reason
        ? t(locale, 'dirAdmin.errors.intro', { count: problems.length })
        : t(locale, 'dirAdmin.errors.reason', { reason }),
    lines: g.lines,
    more: g.more,
    againLabel: t(locale, 'dirAdmin.errors.again'),
    menuLabel: t(locale, 'dirAdmin.menu'),
  });
}
