// What a staged import would change (cards/directory-diff.json): counts, the first changes of each
// kind, the people losing a role with open cases (highlighted), and 取り込む / 中止 while pending.
import {
  diffLines,
  diffKindTitle,
  diffSummary,
  DIFF_KINDS,
  roleLossLine,
} from '../../domain/directory-diff-lines';
import { basis } from '../citation';
import { t, type Locale, type Msg } from '../i18n';
import type { StagedView } from '../../services/directory-import-service';
import { group, line } from './directory-lines';
import { renderCard, type AdaptiveCardJson } from './registry';

/** Lines shown per kind; the rest is counted (the CLI's diff lists everything). */
export const DIFF_LINES_PER_KIND = 10;
const MAX_LOSSES = 20;
const MAX_WARNINGS = 10;

export type DiffCardState =
  | { kind: 'pending'; stagedId: number }
  | { kind: 'applied'; at: string; dutiesOpened?: number }
  | { kind: 'cancelled'; at: string }
  | { kind: 'refused'; notice: Msg };

export function buildDirectoryDiffCard(
  locale: Locale,
  view: StagedView,
  state: DiffCardState,
): AdaptiveCardJson {
  const lines = diffLines(view.diff);
  const groups = DIFF_KINDS.flatMap((kind) => {
    const of = lines.filter((l) => l.kind === kind).map((l) => line(t(locale, l.text)));
    if (of.length === 0) return [];
    return [
      group(
        locale,
        t(locale, 'dirAdmin.diffCard.groupTitle', { kind: diffKindTitle(kind), n: of.length }),
        of,
        { max: DIFF_LINES_PER_KIND, moreKey: 'dirAdmin.diffCard.more' },
      ),
    ];
  });
  const losses = view.losses.slice(0, MAX_LOSSES).map((l) => line(t(locale, roleLossLine(l)), 'Attention'));
  const status =
    state.kind === 'pending'
      ? { text: t(locale, 'dirAdmin.diffCard.pending'), color: 'Default' as const }
      : state.kind === 'applied'
        ? {
            text: [
              t(locale, 'dirAdmin.diffCard.applied', { at: state.at }),
              ...(state.dutiesOpened === undefined
                ? []
                : [t(locale, 'peopleChange.dutiesOpened', { n: state.dutiesOpened })]),
            ].join(' '),
            color: 'Good' as const,
          }
        : state.kind === 'cancelled'
          ? { text: t(locale, 'dirAdmin.diffCard.cancelled', { at: state.at }), color: 'Warning' as const }
          : { text: t(locale, state.notice), color: 'Attention' as const };
  return renderCard('directory-diff', {
    title: t(locale, 'dirAdmin.diffCard.title'),
    summary: t(locale, diffSummary(view.diff)),
    after: t(locale, 'dirAdmin.diffCard.after', { people: view.people, sections: view.sections }),
    basis: basis(locale, '6ウ'),
    status: status.text,
    statusColor: status.color,
    lossTitle: losses.length > 0 ? t(locale, 'dirAdmin.diffCard.lossTitle') : '',
    lossNote: losses.length > 0 ? t(locale, 'dirAdmin.diffCard.lossNote') : '',
    losses,
    groups,
    warnings:
      view.warnings.length > 0
        ? [
            group(
              locale,
              t(locale, 'dirAdmin.diffCard.warnings'),
              view.warnings.map((w) => line(w.message, 'Warning')),
              { max: MAX_WARNINGS, moreKey: 'dirAdmin.diffCard.more' },
            ),
          ]
        : [],
    buttons:
      state.kind === 'pending'
        ? [
            {
              title: t(locale, 'dirAdmin.diffCard.apply'),
              verb: 'directory.import.apply',
              stagedId: state.stagedId,
              style: 'positive',
            },
            {
              title: t(locale, 'dirAdmin.diffCard.cancel'),
              verb: 'directory.import.cancel',
              stagedId: state.stagedId,
              style: 'default',
            },
          ]
        : [],
    menuLabel: t(locale, 'dirAdmin.menu'),
  });
}
