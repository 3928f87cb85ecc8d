// The sender's check before sending (cards/broadcast-preview.json): the recipient's card drawn by
// the recipients' own builder (buttons inert), the audience per section, what the purpose cites,
// who is told at once, the reminder. 送信 carries the broadcast id and the previewed version only.
import { OPERATING_RULE } from '../../domain/articles';
import { answerRequired, purposeCitation, type Audience } from '../../domain/broadcast';
import { basis } from '../citation';
import { t, type Locale } from '../i18n';
import { BROADCAST_VERBS } from '../broadcast/verbs';
import { bannerOf, buildBroadcastMessageCard, type MessageCardInput } from './broadcast-message';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { BroadcastButton, ContainerStyle } from './schemas/broadcast-common';
import type { BroadcastPreviewCardData } from './schemas/broadcast-preview';

export interface PreviewCardInput extends Omit<MessageCardInput, 'answered' | 'inert' | 'refreshUserId'> {
  broadcast: MessageCardInput['broadcast'] & {
    version: number;
    audience: Audience;
    remindAfterMinutes: number | null;
  };
  /** Recipients per section, in directory order, with the section's name. */
  perSection: Array<{ name: string; count: number }>;
  sectionNames: Record<string, string>;
  /** Names of the 統括 told at once. */
  told: string[];
}

/** 「全職員」, 「総務課、経理課（下位の課を含む）」, 「課情報セキュリティ責任者のみ（総務課）」. */
export function audienceText(locale: Locale, a: Audience, names: Record<string, string>): string {
  const sections =
    a.kind === 'sections'
      ? t(locale, 'bcompose.preview.sectionsChosen', {
          sections: a.sectionCodes.map((c) => names[c] ?? c).join(t(locale, 'value.listSeparator')),
          sub: a.includeSubsections ? t(locale, 'bcompose.preview.withSub') : '',
        })
      : '';
  if (a.officersOnly) {
    const officers = t(locale, 'bcompose.audience.officers');
    return sections ? t(locale, 'bcompose.preview.officersOf', { officers, sections }) : officers;
  }
  return a.kind === 'everyone' ? t(locale, 'bcompose.audience.everyone') : sections;
}

export type PreviewState =
  | { kind: 'draft' }
  /** A draft prepared for the viewer to send (from a case, or a relay): 送信 with a note on top. */
  | { kind: 'prepared'; notice: string }
  | { kind: 'sent'; notice: string }
  | { kind: 'notice'; notice: string; style: ContainerStyle };

export function buildBroadcastPreviewCard(
  locale: Locale,
  input: PreviewCardInput,
  state: PreviewState,
): AdaptiveCardJson {
  return renderCard('broadcast-preview', previewCardData(locale, input, state));
}

export function previewCardData(
  locale: Locale,
  input: PreviewCardInput,
  state: PreviewState,
): BroadcastPreviewCardData {
  const b = input.broadcast;
  const sample = buildBroadcastMessageCard(locale, { ...input, answered: null, inert: true });
  const total = input.perSection.reduce((n, s) => n + s.count, 0);
  const remind = answerRequired(b.answer) ? b.remindAfterMinutes : null;
  const banner = bannerOf(locale, b);
  const button = (
    verb: BroadcastButton['verb'],
    title: string,
    style: BroadcastButton['style'],
    execute: boolean,
  ): BroadcastButton => ({ title, style, verb, broadcastId: b.id, version: b.version, execute });
  const buttons: BroadcastButton[] =
    state.kind === 'draft' || state.kind === 'prepared'
      ? [
          button(
            BROADCAST_VERBS.send,
            t(locale, b.mode === 'real' ? 'bcompose.preview.sendReal' : 'bcompose.preview.send'),
            b.mode === 'real' ? 'destructive' : 'positive',
            true,
          ),
          button(BROADCAST_VERBS.edit, t(locale, 'bcompose.preview.edit'), 'default', false),
        ]
      : state.kind === 'sent'
        ? [
            button(BROADCAST_VERBS.correctOpen, t(locale, 'bmanage.correct'), 'default', true),
            button(BROADCAST_VERBS.recall, t(locale, 'bmanage.recall'), 'destructive', true),
          ]
        : [button(BROADCAST_VERBS.edit, t(locale, 'bcompose.preview.edit'), 'default', false)];
  return {
    title: t(locale, 'bcompose.preview.title'),
    notice: state.kind === 'draft' ? '' : state.notice,
    noticeStyle: state.kind === 'notice' ? state.style : 'good',
    bannerText: banner.text,
    bannerStyle: banner.style,
    intro: t(locale, 'bcompose.preview.intro'),
    sample: sample.body as Array<Record<string, unknown>>,
    audienceHeading: t(locale, 'bcompose.preview.audienceHeading', {
      audience: audienceText(locale, b.audience, input.sectionNames),
      count: total,
    }),
    sectionLines:
      total === 0
        ? [t(locale, 'bcompose.preview.nobody')]
        : input.perSection.map((s) =>
            t(locale, 'bcompose.preview.sectionLine', { section: s.name, count: s.count }),
          ),
    purposeBasis: t(locale, 'bcompose.purposeOption', {
      label: t(locale, `bcompose.purpose.${b.purpose}`),
      basis: basis(locale, purposeCitation(b.purpose)),
    }),
    told:
      input.told.length > 0
        ? t(locale, 'bcompose.preview.told', { names: input.told.join(t(locale, 'value.listSeparator')) })
        : '',
    // 統括 has all staff informed through IT管理者 and is told of it (12(5)②エ).
    toldBasis: input.told.length > 0 ? basis(locale, '12(5)②エ') : '',
    remindLine:
      remind === null
        ? t(locale, 'bcompose.preview.noRemind')
        : t(locale, 'bcompose.preview.remind', { minutes: remind }),
    remindBasis: remind === null ? '' : basis(locale, OPERATING_RULE),
    buttons,
  };
}
