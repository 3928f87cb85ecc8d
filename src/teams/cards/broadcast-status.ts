// The live status card of a broadcast (cards/broadcast-status.json), for one viewer in their scope:
// totals, time to 50 / 75 / 100 % answered, answers by choice, reminders, and the per-section table
// in hierarchy order. Built from StatusView (services/broadcast-status-service.ts) only.
//
// Size: Teams refuses a message over 40 KB. The section table is paged: at most
// STATUS_SECTION_PAGE rows, names clipped to SECTION_NAME_MAX characters, and fewer rows per page
// when the heaviest row of the whole table would not let a full page fit (rowsPerPage), so every
// page of the same data has the same rows. The card says how many sections are not on the page.
import { answerRequired, purposeCitation } from '../../domain/broadcast';
import { formatJst } from '../../domain/clock';
import { answerText, answeredPercent } from '../../services/broadcast-export';
import { REMIND_COOLDOWN_MS } from '../../services/broadcast-service';
import type { StatusView } from '../../services/broadcast-status-service';
import { MANAGE_VERBS, STATUS_VERBS } from '../broadcast/status-verbs';
import { BROADCAST_VERBS } from '../broadcast/verbs';
import { cardBytes } from '../card-size';
import { basis } from '../citation';
import { t, type Locale } from '../i18n';
import {
  broadcastMeta,
  clip,
  modeColor,
  modeLabel,
  pageOf,
  rowsPerPage,
  severityColor,
} from './broadcast-labels';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { BroadcastStatusCardData } from './schemas/broadcast-status';

/** Sections per page of the status card at most. */
export const STATUS_SECTION_PAGE = 80;
export const SECTION_NAME_MAX = 24;

export interface StatusCardOptions {
  locale: Locale;
  now: Date;
  /** The section page asked for (0-based; clamped to the last page). */
  page: number;
  refreshUserIds: readonly string[];
  /** What the click did; shown on top. */
  notice?: string;
}

const minutes = (locale: Locale, m: number | null) =>
  m === null ? t(locale, 'broadcastResults.notYet') : t(locale, 'broadcastResults.minutes', { minutes: m });

const people = (locale: Locale, n: number) => t(locale, 'broadcastResults.people', { count: n });

function totals(view: StatusView, locale: Locale): BroadcastStatusCardData['totals'] {
  const total = view.rollup.total;
  const row = (key: 'targeted' | 'delivered' | 'pending' | 'failed' | 'unreachable' | 'cancelled') => ({
    title: t(locale, `broadcastResults.total.${key}`),
    value: people(locale, total[key]),
  });
  return [
    row('targeted'),
    row('delivered'),
    row('pending'),
    row('failed'),
    row('unreachable'),
    ...(total.cancelled > 0 ? [row('cancelled')] : []),
    ...(answerRequired(view.broadcast.answer)
      ? [
          {
            title: t(locale, 'broadcastResults.total.answered'),
            value: t(locale, 'broadcastResults.peoplePercent', {
              count: total.answered,
              percent: answeredPercent(total),
            }),
          },
        ]
      : []),
  ];
}

/** Answers by the latest answer of each person, in the order the sender wrote the choices. */
function answers(view: StatusView, locale: Locale): BroadcastStatusCardData['answers'] {
  const spec = view.broadcast.answer;
  const keys =
    spec.kind === 'ack' ? ['ack'] : spec.kind === 'choice' ? spec.choices.map((_, i) => `choice:${i}`) : [];
  const counts = view.rollup.answers;
  const all = [...keys, ...Object.keys(counts).filter((k) => !keys.includes(k))];
  return all.map((key) => ({
    label: answerText(locale, spec, key),
    value: people(locale, counts[key] ?? 0),
  }));
}

function sectionRows(view: StatusView, locale: Locale): BroadcastStatusCardData['sections'] {
  const info = new Map(view.sections.map((s) => [s.code, s]));
  const asked = answerRequired(view.broadcast.answer);
  return view.rollup.sections.map((s) => {
    const i = info.get(s.sectionCode);
    const indent = '\u3000'.repeat(Math.min(i?.depth ?? 0, 4));
    const numbers = {
      targeted: s.targeted,
      delivered: s.delivered,
      pending: s.pending,
      failed: s.failed,
      unreachable: s.unreachable,
    };
    return {
      title: `${indent}${clip(i?.name ?? s.sectionCode, SECTION_NAME_MAX)}`,
      value: asked
        ? t(locale, 'broadcastResults.sectionRow', {
            ...numbers,
            answered: s.answered,
            percent: answeredPercent(s),
            p50: minutes(locale, s.milestones.p50),
            p75: minutes(locale, s.milestones.p75),
            p100: minutes(locale, s.milestones.p100),
          })
        : t(locale, 'broadcastResults.sectionRowNoAnswer', numbers),
    };
  });
}

function data(
  view: StatusView,
  o: StatusCardOptions,
  rows: BroadcastStatusCardData['sections'],
  perPage: number,
): BroadcastStatusCardData {
  const { locale } = o;
  const b = view.broadcast;
  const recalled = b.status === 'recalled';
  const asked = answerRequired(b.answer);
  const p = pageOf(rows, perPage, o.page);
  const m = view.rollup.total.milestones;
  const r = view.reminders;
  return {
    broadcastId: b.id,
    page: p.page,
    refreshUserIds: [...o.refreshUserIds],
    notice: o.notice ?? '',
    banner: recalled
      ? t(locale, 'broadcastResults.recalledBanner', {
          at: b.recalledAt ? formatJst(new Date(b.recalledAt)) : '',
        })
      : '',
    modeLabel: modeLabel(locale, b.mode),
    modeColor: modeColor(b.mode),
    title: b.title,
    meta: broadcastMeta(locale, b, view.senderName),
    severityLabel: t(locale, `broadcastResults.severity.${b.severity}`),
    severityColor: severityColor(b.severity),
    statusLabel: t(locale, `broadcastResults.status.${recalled ? 'recalled' : 'sent'}`),
    statusColor: recalled ? 'attention' : 'good',
    correction:
      b.revision > 1 && b.correctedAt
        ? t(locale, 'broadcastResults.corrected', {
            count: b.revision - 1,
            at: formatJst(new Date(b.correctedAt)),
          })
        : '',
    basis: basis(locale, purposeCitation(b.purpose)),
    scopeNote:
      view.scope.kind === 'sections'
        ? t(locale, 'broadcastResults.scopeSections', {
            sections: view.scope.sectionCodes.map((c) => view.sections.find((s) => s.code === c)?.name ?? c),
          })
        : '',
    totalsHeading: t(locale, 'broadcastResults.totalsHeading'),
    totals: totals(view, locale),
    noAnswerNote: asked ? '' : t(locale, 'broadcastResults.noAnswerAsked'),
    milestonesHeading: t(locale, 'broadcastResults.milestonesHeading'),
    milestones: asked
      ? (['p50', 'p75', 'p100'] as const).map((k) => ({
          title: t(locale, `broadcastResults.milestone.${k}`),
          value: minutes(locale, m[k]),
        }))
      : [],
    answersHeading: t(locale, 'broadcastResults.answersHeading'),
    answers: answers(view, locale),
    remindersText: asked
      ? t(locale, 'broadcastResults.reminders', {
          auto: r.autoRounds,
          manual: r.manualRounds,
          messages: r.messages,
          people: r.people,
        })
      : '',
    nextReminderText: !asked
      ? ''
      : r.nextAutoAt && !recalled
        ? t(locale, 'broadcastResults.nextReminder', { at: formatJst(new Date(r.nextAutoAt)) })
        : t(locale, 'broadcastResults.noNextReminder'),
    sectionsHeading: t(locale, 'broadcastResults.sectionsHeading', {
      from: rows.length === 0 ? 0 : p.from + 1,
      to: p.from + p.shown.length,
      total: rows.length,
    }),
    sections: p.shown,
    sectionsOmitted: p.left > 0 ? t(locale, 'broadcastResults.sectionsOmitted', { count: p.left }) : '',
    pageButtons: [
      ...(p.page > 0 ? [{ title: t(locale, 'broadcastResults.button.previous'), page: p.page - 1 }] : []),
      ...(p.page < p.pages - 1
        ? [{ title: t(locale, 'broadcastResults.button.next'), page: p.page + 1 }]
        : []),
    ],
    updatedAt: t(locale, 'broadcastResults.updatedAt', { at: formatJst(o.now, true) }),
    // A recalled broadcast: 取消済み, and nothing left to do on it.
    buttons: recalled
      ? []
      : [
          {
            title: t(locale, 'broadcastResults.button.refresh'),
            verb: STATUS_VERBS.refresh,
            style: 'default',
          },
          ...(view.mayRemind
            ? [
                {
                  title: t(locale, 'broadcastResults.button.remind'),
                  verb: STATUS_VERBS.remind,
                  style: 'positive' as const,
                },
              ]
            : []),
        ],
    postButtons: recalled
      ? []
      : [
          ...(asked
            ? [
                {
                  title: t(locale, 'broadcastResults.button.nonResponders'),
                  verb: STATUS_VERBS.nonResponders,
                  style: 'default' as const,
                },
              ]
            : []),
          // 14(5) → 14(6): which officers passed the revision on to their staff (統括, IT管理者).
          ...(b.purpose === 'revision_officers' && view.scope.kind === 'all'
            ? [
                {
                  title: t(locale, 'casebc.relay.button'),
                  verb: BROADCAST_VERBS.relayStatus,
                  style: 'default' as const,
                },
              ]
            : []),
          { title: t(locale, 'broadcastResults.button.export'), verb: STATUS_VERBS.export, style: 'default' },
          ...(view.mayManage
            ? [
                {
                  title: t(locale, 'broadcastResults.button.correct'),
                  verb: MANAGE_VERBS.correct,
                  style: 'default' as const,
                },
                {
                  title: t(locale, 'broadcastResults.button.recall'),
                  verb: MANAGE_VERBS.recall,
                  style: 'destructive' as const,
                },
              ]
            : []),
        ],
  };
}

/** How long the on-demand reminder skips people reminded recently, in minutes (for the notice). */
export const REMIND_COOLDOWN_MINUTES = Math.round(REMIND_COOLDOWN_MS / 60_000);

export function buildStatusCard(view: StatusView, o: StatusCardOptions): AdaptiveCardJson {
  const rows = sectionRows(view, o.locale);
  const empty = renderCard('broadcast-status', data(view, { ...o, notice: '' }, [], STATUS_SECTION_PAGE));
  return renderCard(
    'broadcast-status',
    data(view, o, rows, rowsPerPage(cardBytes(empty), rows, STATUS_SECTION_PAGE)),
  );
}
