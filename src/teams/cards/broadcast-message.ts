// A recipient's copy of a broadcast (cards/broadcast-message.json), rendered from storage at send
// time and on every refresh, in the reader's language. The same builder draws the sender's preview
// (buttons inert), so the preview is exactly what recipients get. What the sender typed (title,
// body, choices) stays as typed, in TextRuns: never Markdown on someone else's card.
import {
  parseAnswerKey,
  purposeCitation,
  type AnswerSpec,
  type BroadcastMode,
  type BroadcastPurpose,
  type BroadcastSeverity,
} from '../../domain/broadcast';
import { formatJst } from '../../domain/clock';
import { basis } from '../citation';
import { t, type Locale } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { BroadcastMessageCardData } from './schemas/broadcast-message';
import type { ContainerStyle } from './schemas/broadcast-common';

/** A person as the card names them. */
export interface NamedPerson {
  name: string;
  section: string;
}

/** What the card shows of a broadcast (a BroadcastRecord fits). */
export interface BroadcastCardSource {
  id: string;
  status: string;
  purpose: BroadcastPurpose;
  mode: BroadcastMode;
  severity: BroadcastSeverity;
  title: string;
  body: string;
  answer: AnswerSpec;
  sentAt: string | null;
  recalledAt: string | null;
  revision: number;
  correctedAt: string | null;
}

export interface MessageCardInput {
  broadcast: BroadcastCardSource;
  sender: NamedPerson;
  instructor: NamedPerson | null;
  /** The viewer's latest answer ('ack', 'choice:1') and when; null when not answered. */
  answered: { key: string; at: string } | null;
  /** Teams user id of the recipient (refresh); omitted on the preview. */
  refreshUserId?: string;
  /** n > 0: the n-th reminder copy. */
  reminder?: number;
  /** The sender's preview: the buttons are drawn and do nothing. */
  inert?: boolean;
}

/** 04/10 12:03 (Japan time). */
export function shortJst(iso: string): string {
  return formatJst(new Date(iso)).slice(5);
}

/** 12:03 (Japan time). */
function timeJst(iso: string): string {
  return formatJst(new Date(iso)).slice(11);
}

export function bannerOf(
  locale: Locale,
  b: Pick<BroadcastCardSource, 'mode' | 'severity'>,
): { text: string; style: ContainerStyle } {
  if (b.mode === 'drill') return { text: t(locale, 'bcard.banner.drill'), style: 'accent' };
  return {
    text: t(locale, 'bcard.banner.real'),
    style: b.severity === 'emergency' ? 'attention' : b.severity === 'important' ? 'warning' : 'emphasis',
  };
}

/** The title as recipients see it: 【訓練】 in front of a drill's. */
export function shownTitle(locale: Locale, b: Pick<BroadcastCardSource, 'mode' | 'title'>): string {
  return b.mode === 'drill' ? t(locale, 'bcard.titleDrill', { title: b.title }) : b.title;
}

/** The acknowledgement's label: 「対応済」 when 統括 asked for the same improvement (14(3)). */
function ackLabel(locale: Locale, purpose: BroadcastPurpose): string {
  return t(locale, purpose === 'improvement' ? 'casebc.improvement.done' : 'bcard.ack');
}

/** The text of an answer key: 「確認しました」 or the choice as typed. */
export function answerLabel(locale: Locale, spec: AnswerSpec, key: string): string {
  const a = parseAnswerKey(key);
  if (!a) return key;
  if (a.kind === 'ack') return t(locale, 'bcard.ack');
  return spec.kind === 'choice' ? (spec.choices[a.index]?.label ?? key) : key;
}

function answerPart(
  locale: Locale,
  input: MessageCardInput,
): Pick<BroadcastMessageCardData, 'yourAnswer' | 'prompt' | 'buttons'> {
  const b = input.broadcast;
  const yourAnswer = input.answered
    ? t(locale, 'bcard.yourAnswer', {
        answer:
          input.answered.key === 'ack'
            ? ackLabel(locale, b.purpose)
            : answerLabel(locale, b.answer, input.answered.key),
        time: shortJst(input.answered.at),
      })
    : '';
  // A recalled broadcast takes no answers: no buttons, whatever was asked.
  if (b.status === 'recalled' || b.answer.kind === 'none') return { yourAnswer, prompt: '', buttons: [] };
  if (b.answer.kind === 'ack') {
    if (input.answered) return { yourAnswer, prompt: '', buttons: [] };
    return {
      yourAnswer,
      prompt: t(locale, 'bcard.answerPrompt'),
      buttons: [{ title: ackLabel(locale, b.purpose), answer: 'ack', style: 'positive' }],
    };
  }
  return {
    yourAnswer,
    prompt: t(locale, input.answered ? 'bcard.changeAnswer' : 'bcard.answerPrompt'),
    buttons: b.answer.choices.map((c, i) => ({
      title: c.label,
      answer: String(i),
      style: input.answered?.key === `choice:${i}` ? 'positive' : 'default',
    })),
  };
}

export function messageCardData(locale: Locale, input: MessageCardInput): BroadcastMessageCardData {
  const b = input.broadcast;
  const banner = bannerOf(locale, b);
  const notices: BroadcastMessageCardData['notices'] = [];
  if (b.status === 'recalled' && b.recalledAt)
    notices.push({ text: t(locale, 'bcard.recalled', { time: shortJst(b.recalledAt) }), color: 'Attention' });
  if (b.revision > 1 && b.correctedAt)
    notices.push({
      text: t(locale, 'bcard.revision', { revision: b.revision, time: timeJst(b.correctedAt) }),
      color: 'Warning',
    });
  if (input.reminder && input.reminder > 0 && b.status !== 'recalled')
    notices.push({ text: t(locale, 'bcard.reminder', { n: input.reminder }), color: 'Accent' });
  const person = (p: NamedPerson) =>
    p.section ? t(locale, 'bcard.personValue', { name: p.name, section: p.section }) : p.name;
  return {
    broadcastId: b.id,
    refreshUserIds: input.refreshUserId && !input.inert ? [input.refreshUserId] : [],
    bannerText: banner.text,
    bannerStyle: banner.style,
    notices,
    title: shownTitle(locale, b),
    body: b.body === '' ? t(locale, 'value.empty') : b.body,
    struck: b.status === 'recalled',
    facts: [
      { title: t(locale, 'bcard.fact.id'), value: b.id },
      { title: t(locale, 'bcard.fact.mode'), value: t(locale, `bcompose.mode.${b.mode}`) },
      { title: t(locale, 'bcard.fact.severity'), value: t(locale, `bcompose.severity.${b.severity}`) },
      { title: t(locale, 'bcard.fact.sender'), value: person(input.sender) },
      ...(input.instructor
        ? [{ title: t(locale, 'bcard.fact.instructedBy'), value: person(input.instructor) }]
        : []),
      {
        title: t(locale, 'bcard.fact.sentAt'),
        value: b.sentAt ? formatJst(new Date(b.sentAt)) : t(locale, 'bcard.notSentYet'),
      },
    ],
    basis: basis(locale, purposeCitation(b.purpose)),
    ...answerPart(locale, input),
    inert: input.inert === true,
  };
}

export function buildBroadcastMessageCard(locale: Locale, input: MessageCardInput): AdaptiveCardJson {
  return renderCard('broadcast-message', messageCardData(locale, input));
}
