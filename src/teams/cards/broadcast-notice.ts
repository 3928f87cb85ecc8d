// Short broadcast cards (cards/broadcast-notice.json): 統括 told of a real broadcast to all staff,
// an unfinished draft to continue, a recall to confirm, what a click did.
import { purposeCitation } from '../../domain/broadcast';
import { formatJst } from '../../domain/clock';
import { basis } from '../citation';
import { t, type Locale } from '../i18n';
import { BROADCAST_VERBS } from '../broadcast/verbs';
import { shownTitle, type BroadcastCardSource, type NamedPerson } from './broadcast-message';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { BroadcastNoticeCardData } from './schemas/broadcast-notice';

export function buildBroadcastNoticeCard(
  data: Partial<BroadcastNoticeCardData> & Pick<BroadcastNoticeCardData, 'title'>,
): AdaptiveCardJson {
  return renderCard('broadcast-notice', {
    style: 'default',
    lines: [],
    quote: '',
    facts: [],
    basis: '',
    buttons: [],
    ...data,
  });
}

/**
 * To 統括: who sent which real broadcast to all staff on whose instruction, with the counts
 * (12(5)②エ: 統括 has all staff informed through IT管理者).
 */
export function buildChiefNoticeCard(
  locale: Locale,
  input: {
    broadcast: BroadcastCardSource;
    sender: NamedPerson;
    senderIsChief: boolean;
    instructor: (NamedPerson & { id: string }) | null;
    viewerId: string;
    targeted: number;
    sections: number;
  },
): AdaptiveCardJson {
  const b = input.broadcast;
  const params = { sender: input.sender.name, count: input.targeted, sections: input.sections, id: b.id };
  const line = input.senderIsChief
    ? t(locale, 'bnotice.chief.byChief', params)
    : input.instructor?.id === input.viewerId
      ? t(locale, 'bnotice.chief.byYourInstruction', params)
      : t(locale, 'bnotice.chief.byInstruction', { ...params, instructor: input.instructor?.name ?? '' });
  return buildBroadcastNoticeCard({
    title: t(locale, 'bnotice.chief.title'),
    style: b.severity === 'emergency' ? 'attention' : 'warning',
    lines: [line],
    quote: shownTitle(locale, b),
    facts: [
      { title: t(locale, 'bcard.fact.severity'), value: t(locale, `bcompose.severity.${b.severity}`) },
      {
        title: t(locale, 'bcard.fact.sentAt'),
        value: b.sentAt ? formatJst(new Date(b.sentAt)) : t(locale, 'bcard.notSentYet'),
      },
    ],
    basis: basis(locale, '12(5)②エ'),
  });
}

/** 「書きかけの一斉通知…があります」 with 続きから / 破棄. */
export function buildBroadcastResumeCard(
  locale: Locale,
  draft: { id: string; title: string; updatedAt: string },
): AdaptiveCardJson {
  const button = (verb: string, title: string, style: 'positive' | 'destructive') => ({
    title,
    style,
    verb,
    broadcastId: draft.id,
    version: 0,
    execute: false,
  });
  return buildBroadcastNoticeCard({
    title: t(locale, 'bcompose.title'),
    lines: [t(locale, 'bcompose.resume.text', { savedAt: formatJst(new Date(draft.updatedAt)) })],
    quote: draft.title,
    buttons: [
      button(BROADCAST_VERBS.edit, t(locale, 'bcompose.resume.continue'), 'positive'),
      button(BROADCAST_VERBS.discard, t(locale, 'bcompose.resume.discard'), 'destructive'),
    ],
  });
}

/** 取消 asks first: what goes, and 取り消す. */
export function buildRecallConfirmCard(
  locale: Locale,
  b: BroadcastCardSource & { version: number },
  delivered: number,
): AdaptiveCardJson {
  return buildBroadcastNoticeCard({
    title: t(locale, 'bmanage.recall.title', { id: b.id }),
    style: 'warning',
    lines: [t(locale, 'bmanage.recall.text')],
    quote: shownTitle(locale, b),
    facts: [
      { title: t(locale, 'bcard.fact.id'), value: b.id },
      { title: t(locale, 'bmanage.delivered'), value: String(delivered) },
    ],
    basis: basis(locale, purposeCitation(b.purpose)),
    buttons: [
      {
        title: t(locale, 'bmanage.recall.confirm'),
        style: 'destructive',
        verb: BROADCAST_VERBS.recallConfirm,
        broadcastId: b.id,
        version: b.version,
        execute: true,
      },
    ],
  });
}

/** What a click did (sent, corrected, recalled, refused), as a card replacing the clicked one. */
export function buildBroadcastResultCard(
  title: string,
  lines: string[],
  opts: { style?: BroadcastNoticeCardData['style']; quote?: string; basis?: string } = {},
): AdaptiveCardJson {
  return buildBroadcastNoticeCard({
    title,
    lines,
    style: opts.style ?? 'good',
    quote: opts.quote ?? '',
    basis: opts.basis ?? '',
  });
}
