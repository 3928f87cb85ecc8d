// The compose form of a broadcast (cards/broadcast-compose.json): only what this sender may choose
// (purposes with what each cites, the sections they reach, 統括 to name as instructing), prefilled
// with the values as typed and each server-side error under its field.
import {
  CHOICE_MAX,
  BODY_MAX,
  BROADCAST_MODES,
  BROADCAST_SEVERITIES,
  purposeCitation,
  TITLE_MAX,
} from '../../domain/broadcast';
import type { ComposeErrors, ComposeField, ComposeOptions } from '../../domain/broadcast-compose';
import { INCIDENT_KINDS } from '../../domain/cases';
import { formatJst } from '../../domain/clock';
import { ANSWER_KINDS, REMIND_CHOICES, type ComposeValues } from '../broadcast/compose-form';
import { basis } from '../citation';
import { intentTitle, t, type Locale, type MessageKey } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { BroadcastComposeCardData } from './schemas/broadcast-compose';

type Choice = { title: string; value: string };

export function buildBroadcastComposeCard(
  locale: Locale,
  options: ComposeOptions,
  values: ComposeValues,
  errors: ComposeErrors,
  opts: { broadcastId?: string; savedAt?: string; notice?: string } = {},
): AdaptiveCardJson {
  return renderCard('broadcast-compose', composeCardData(locale, options, values, errors, opts));
}

export function composeCardData(
  locale: Locale,
  options: ComposeOptions,
  values: ComposeValues,
  errors: ComposeErrors,
  opts: { broadcastId?: string; savedAt?: string; notice?: string } = {},
): BroadcastComposeCardData {
  const error = (f: ComposeField) => (errors[f] ? t(locale, errors[f]) : '');
  const label = (key: MessageKey, required = true) =>
    t(locale, key) + (required ? t(locale, 'form.requiredSuffix') : '');
  const choiceInput = (
    field: Exclude<ComposeField, '_form' | 'title' | 'body' | 'choices'>,
    choices: Choice[],
    value: string,
    o: { required?: boolean; help?: string; style?: 'compact' | 'expanded' } = {},
  ): BroadcastComposeCardData['purpose'] => ({
    label: label(`bcompose.field.${field}`, o.required ?? true),
    value,
    choices,
    style: o.style ?? (choices.length <= 4 ? 'expanded' : 'compact'),
    error: error(field),
    help: o.help ?? '',
  });
  const remindChoices: Choice[] = [
    { title: t(locale, 'bcompose.remind.default'), value: 'default' },
    ...REMIND_CHOICES.map((m) => ({
      title: t(locale, 'bcompose.remind.minutes', { minutes: m }),
      value: String(m),
    })),
    { title: t(locale, 'bcompose.remind.none'), value: 'none' },
  ];
  // A stored value the list does not offer (an older draft) is still shown as chosen.
  if (!remindChoices.some((c) => c.value === values.remind) && /^\d+$/.test(values.remind))
    remindChoices.splice(1, 0, {
      title: t(locale, 'bcompose.remind.minutes', { minutes: values.remind }),
      value: values.remind,
    });
  const formError = [
    errors._form ? t(locale, errors._form) : '',
    Object.keys(errors).some((k) => k !== '_form') ? t(locale, 'bcompose.formError') : '',
  ]
    .filter((s) => s !== '')
    .join('\n\n');
  const notice = opts.notice ? [opts.notice] : [];
  return {
    title: t(locale, 'bcompose.title'),
    intro: t(locale, 'bcompose.intro'),
    draftNote: opts.savedAt
      ? t(locale, 'bcompose.draftNote', { savedAt: formatJst(new Date(opts.savedAt)) })
      : '',
    formError: [...notice, formError].filter((s) => s !== '').join('\n\n'),
    broadcastId: opts.broadcastId ?? '',
    placeholder: t(locale, 'form.choosePlaceholder'),
    purpose: choiceInput(
      'purpose',
      options.purposes.map((p) => ({
        title: t(locale, 'bcompose.purposeOption', {
          label: t(locale, `bcompose.purpose.${p}`),
          basis: basis(locale, purposeCitation(p)),
        }),
        value: p,
      })),
      values.purpose,
      { style: 'expanded' },
    ),
    mode: choiceInput(
      'mode',
      BROADCAST_MODES.map((m) => ({ title: t(locale, `bcompose.mode.${m}`), value: m })),
      values.mode,
    ),
    severity: choiceInput(
      'severity',
      BROADCAST_SEVERITIES.map((s) => ({ title: t(locale, `bcompose.severity.${s}`), value: s })),
      values.severity,
    ),
    titleInput: {
      label: label('bcompose.field.title'),
      value: values.title,
      maxLength: TITLE_MAX,
      error: error('title'),
      required: t(locale, 'form.requiredMessage', { label: t(locale, 'bcompose.field.title') }),
    },
    bodyInput: {
      label: label('bcompose.field.body'),
      value: values.body,
      maxLength: BODY_MAX,
      error: error('body'),
      required: t(locale, 'form.requiredMessage', { label: t(locale, 'bcompose.field.body') }),
    },
    audience: choiceInput(
      'audience',
      options.audiences.map((a) => ({ title: t(locale, `bcompose.audience.${a}`), value: a })),
      values.audience,
      { help: options.audiences.includes('officers') ? t(locale, 'bcompose.help.audience') : '' },
    ),
    sections: choiceInput(
      'sections',
      options.sections.map((s) => ({ title: s.name, value: s.code })),
      values.sections,
      { required: false, style: options.sections.length <= 4 ? 'expanded' : 'compact' },
    ),
    includeSub: { title: t(locale, 'bcompose.field.includeSub'), value: values.includeSub },
    answerKind: choiceInput(
      'answerKind',
      ANSWER_KINDS.map((k) => ({ title: t(locale, `bcompose.answer.${k}`), value: k })),
      values.answerKind,
    ),
    choicesHelp: t(locale, 'bcompose.help.choices'),
    choicesError: error('choices'),
    choices: values.choices.map((value, i) => ({
      id: `choice${i}`,
      label: t(locale, 'bcompose.field.choice', { n: i + 1 }),
      value,
      maxLength: CHOICE_MAX,
      reportId: `report${i}`,
      reportLabel: t(locale, 'bcompose.field.report', { n: i + 1 }),
      reportValue: values.reports[i] || 'none',
    })),
    reportChoices: [
      { title: t(locale, 'bcompose.report.none'), value: 'none' },
      ...INCIDENT_KINDS.map((k) => ({ title: intentTitle(locale, k), value: k })),
    ],
    remind: choiceInput('remind', remindChoices, values.remind, {
      style: 'compact',
      help: `${t(locale, 'bcompose.help.remind')} ${basis(locale, 'operating_rule')}`,
    }),
    instructedBy: {
      ...choiceInput(
        'instructedBy',
        options.chiefs.map((c) => ({ title: c.name, value: c.id })),
        values.instructedBy,
        {
          required: false,
          style: 'compact',
          help: `${t(locale, 'bcompose.help.instructedBy')} ${basis(locale, '12(5)②エ')}`,
        },
      ),
      // Only a real broadcast to all staff names 統括; a section officer never sends one.
      show: !options.isChief && options.chiefs.length > 0 && options.audiences.includes('everyone'),
    },
    reviewLabel: t(locale, 'bcompose.review'),
    discardLabel: t(locale, 'bcompose.discard'),
  };
}
