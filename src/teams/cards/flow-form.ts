// The guided form of a flow (cards/flow-form.json), prefilled with the answers so far.
import { formatJst } from '../../domain/clock';
import { FORM_ERROR_KEY, type FieldDef, type FieldErrors } from '../../domain/flows/form';
import { basis } from '../citation';
import { t, type Locale, type Msg } from '../i18n';
import { inputValue, type Answers } from './answers';
import { guidanceLines } from './lines';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { FormFieldCardData } from './schemas/flow-form';
import type { FlowCardSource, UrgentLine } from './types';

function helpText(locale: Locale, field: FieldDef): string {
  const help = field.help ? t(locale, field.help) : '';
  const cite = field.article === undefined ? '' : basis(locale, field.article);
  return [help, cite].filter((s) => s !== '').join(' ');
}

function fieldData(
  locale: Locale,
  field: FieldDef,
  answers: Answers,
  errors: FieldErrors,
): FormFieldCardData {
  const isChoice = field.kind === 'choice' || field.kind === 'multichoice';
  const label = t(locale, field.label);
  return {
    id: field.id,
    kind: field.kind,
    label: field.required ? label + t(locale, 'form.requiredSuffix') : label,
    required: field.required,
    value: inputValue(field, answers[field.id]),
    placeholder: field.placeholder
      ? t(locale, field.placeholder)
      : isChoice
        ? t(locale, 'form.choosePlaceholder')
        : '',
    help: helpText(locale, field),
    error: errors[field.id] ? t(locale, errors[field.id] as Msg) : '',
    requiredMessage: t(locale, isChoice ? 'form.chooseMessage' : 'form.requiredMessage', { label }),
    choices: (field.choices ?? []).map((c) => ({ title: t(locale, c.label), value: c.value })),
    maxLength: field.maxLength ?? 0,
  };
}

/** `_form` first, then errors of keys that are no field of the flow. */
function formErrorText(locale: Locale, fields: readonly FieldDef[], errors: FieldErrors): string {
  const fieldIds = new Set(fields.map((f) => f.id));
  // An error nobody can see would leave the person stuck: show stray ones with the form error.
  return Object.entries(errors)
    .filter(([key]) => key === FORM_ERROR_KEY || !fieldIds.has(key))
    .sort(([a], [b]) => (a === FORM_ERROR_KEY ? -1 : b === FORM_ERROR_KEY ? 1 : 0))
    .map(([, message]) => t(locale, message))
    .join('\n\n');
}

/**
 * The guided form of a flow, prefilled with `answers` and showing `errors` (from the flow's
 * `validate`) under their fields; `_form` and errors of unknown keys go to the top of the card.
 * Throws when a field id could clash with the submit payload (`verb`, `kind`) or another input.
 */
export function buildFlowFormCard(
  locale: Locale,
  flow: FlowCardSource,
  answers: Answers,
  errors: FieldErrors,
  opts: { draftSavedAt?: Date; contact?: UrgentLine } = {},
): AdaptiveCardJson {
  return renderCard('flow-form', {
    title: t(locale, flow.title),
    kind: flow.kind,
    guidanceHeading: t(locale, 'form.guidanceHeading'),
    guidance: guidanceLines(locale, flow.guidance, opts.contact),
    intro: t(locale, 'form.intro'),
    draftNote: opts.draftSavedAt
      ? t(locale, 'form.draftNote', { savedAt: formatJst(opts.draftSavedAt) })
      : '',
    formError: formErrorText(locale, flow.fields, errors),
    timeLabel: t(locale, 'form.timeLabel'),
    timeRequiredMessage: t(locale, 'form.timeRequiredMessage'),
    fields: flow.fields.map((f) => fieldData(locale, f, answers, errors)),
    reviewLabel: t(locale, 'form.review'),
    discardLabel: t(locale, 'form.discard'),
    menuLabel: t(locale, 'form.menu'),
  });
}
