// Who has not answered a broadcast (cards/broadcast-nonresponders.json), with the directory's
// phones, in the viewer's scope: the list behind 「未回答者一覧」 and the notice a section officer
// gets after a reminder (「未回答者がいます」). People Teams did not reach (failed, unreachable, not
// yet delivered) come first in each section and are marked: they are the ones to phone.
import type { DeliveryState } from '../../domain/broadcast';
import { formatJst } from '../../domain/clock';
import type { NonResponder } from '../../services/broadcast-service';
import type { StatusView } from '../../services/broadcast-status-service';
import { cardBytes } from '../card-size';
import { t, type Locale } from '../i18n';
import { broadcastMeta, clip, modeLabel, pageOf, rowsPerPage } from './broadcast-labels';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { BroadcastNonRespondersCardData } from './schemas/broadcast-nonresponders';

/** People per page at most (fewer when the heaviest entry would not let a full page fit). */
export const NON_RESPONDER_PAGE = 40;
const NAME_MAX = 30;

const FIRST: Record<DeliveryState, number> = {
  failed: 0,
  unreachable: 1,
  pending: 2,
  delivered: 3,
  cancelled: 4,
};

export interface NonRespondersCardOptions {
  locale: Locale;
  now: Date;
  page: number;
  refreshUserIds: readonly string[];
  /** 'officer_pending': the notice to a section officer after a reminder. */
  kind: 'list' | 'officer_pending';
  notice?: string;
}

/** Section order as in the view (hierarchy), then the ones Teams did not reach first. */
export function phoneOrder(view: StatusView): NonResponder[] {
  const rank = new Map(view.sections.map((s, i) => [s.code, i]));
  return view.nonResponders
    .map((n, i) => ({ n, i }))
    .sort(
      (a, b) =>
        (rank.get(a.n.sectionCode) ?? 0) - (rank.get(b.n.sectionCode) ?? 0) ||
        FIRST[a.n.delivery] - FIRST[b.n.delivery] ||
        a.i - b.i,
    )
    .map((x) => x.n);
}

type Entry = BroadcastNonRespondersCardData['people'][number];

function entries(view: StatusView, locale: Locale): Entry[] {
  const names = new Map(view.sections.map((s) => [s.code, s.name]));
  const none = t(locale, 'broadcastResults.none');
  return phoneOrder(view).map((n) => ({
    heading: t(locale, 'broadcastResults.personHeading', {
      name: clip(n.person.name, NAME_MAX),
      section: clip(names.get(n.sectionCode) ?? n.sectionCode, NAME_MAX),
    }),
    line: t(locale, 'broadcastResults.personLine', {
      phone: n.person.phone || none,
      mobile: n.person.mobile || none,
      state: t(locale, `broadcastResults.delivery.${n.delivery}`),
      reminders: n.reminders,
    }),
    color:
      n.delivery === 'failed' || n.delivery === 'unreachable'
        ? ('attention' as const)
        : n.delivery === 'pending'
          ? ('warning' as const)
          : ('default' as const),
  }));
}

function data(
  view: StatusView,
  o: NonRespondersCardOptions,
  list: readonly Entry[],
  perPage: number,
): BroadcastNonRespondersCardData {
  const { locale } = o;
  const b = view.broadcast;
  const names = new Map(view.sections.map((s) => [s.code, s.name]));
  const p = pageOf(list, perPage, o.page);
  return {
    broadcastId: b.id,
    page: p.page,
    refreshUserIds: [...o.refreshUserIds],
    notice: o.notice ?? '',
    heading: t(
      locale,
      o.kind === 'officer_pending'
        ? 'broadcastResults.officerPendingTitle'
        : 'broadcastResults.nonRespondersTitle',
    ),
    modeLabel: modeLabel(locale, b.mode),
    title: b.title,
    meta: broadcastMeta(locale, b, view.senderName),
    intro: t(
      locale,
      o.kind === 'officer_pending'
        ? 'broadcastResults.officerPendingIntro'
        : 'broadcastResults.nonRespondersIntro',
    ),
    scopeNote:
      view.scope.kind === 'sections'
        ? t(locale, 'broadcastResults.scopeSections', {
            sections: view.scope.sectionCodes.map((c) => names.get(c) ?? c),
          })
        : '',
    countText:
      list.length === 0
        ? ''
        : t(locale, 'broadcastResults.nonRespondersCount', {
            total: list.length,
            from: p.from + 1,
            to: p.from + p.shown.length,
          }),
    empty: list.length === 0 ? t(locale, 'broadcastResults.nonRespondersEmpty') : '',
    people: p.shown,
    pageButtons: [
      ...(p.page > 0 ? [{ title: t(locale, 'broadcastResults.button.previous'), page: p.page - 1 }] : []),
      ...(p.page < p.pages - 1
        ? [{ title: t(locale, 'broadcastResults.button.next'), page: p.page + 1 }]
        : []),
    ],
    remindLabel: view.mayRemind && list.length > 0 ? t(locale, 'broadcastResults.button.remind') : '',
    updatedAt: t(locale, 'broadcastResults.updatedAt', { at: formatJst(o.now, true) }),
  };
}

export function buildNonRespondersCard(view: StatusView, o: NonRespondersCardOptions): AdaptiveCardJson {
  const list = entries(view, o.locale);
  const empty = renderCard(
    'broadcast-nonresponders',
    data(view, { ...o, notice: '' }, [], NON_RESPONDER_PAGE),
  );
  return renderCard(
    'broadcast-nonresponders',
    data(view, o, list, rowsPerPage(cardBytes(empty), list, NON_RESPONDER_PAGE)),
  );
}
