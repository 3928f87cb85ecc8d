// Pure builders from domain data (flow modules, validation errors, cases) to the data of the flow
// card templates (cards/flow-form.json and friends), plus the reverse mapping of a submitted form.
//
// Inputs: text that comes from the domain (titles, guidance, findings, reasons, duties, roles) is
// `Localized` and picked here by locale; text that is the same in every language (names, case ids,
// what the user typed) is a plain string. Times are `Date`s, shown in Japan time.
import type { Citations } from '../domain/articles';
import {
  articlesOf,
  caseCategory,
  caseTitle,
  type CaseKind,
  type CaseStatus,
  type Localized,
} from '../domain/cases';
import { formatJst } from '../domain/clock';
import {
  FORM_ERROR_KEY,
  isRelevant,
  type FieldDef,
  type FieldErrors,
  type GuidanceItem,
} from '../domain/flows/form';
import { parseJstDateTime } from '../domain/policy/jst';
import { renderCard, type AdaptiveCardJson, type FindingLevel, type FormFieldCardData } from './cards';
import { basis, withCitation } from './citation';
import { findingLines } from './card-text';
import { t, type Locale } from './i18n';

/** What a form card needs from a flow module (`src/domain/flows/*.ts`). */
export interface FlowCardSource {
  kind: CaseKind;
  title: Localized;
  guidance: readonly GuidanceItem[];
  fields: readonly FieldDef[];
}

/** Raw answers keyed by field id, as strings (the form of Adaptive Card input values). */
export type Answers = Record<string, string>;

/** A datetime field is two inputs, `<id>__date` and `<id>__time`; the answer is `YYYY-MM-DDTHH:mm`. */
export const DATE_INPUT_SUFFIX = '__date';
export const TIME_INPUT_SUFFIX = '__time';

/** A label/value pair of the confirmation and case cards, already in the reader's language. */
export interface DisplayRow {
  label: string;
  value: string;
}

/** A policy finding (`PolicyFinding` of domain/policy) with how loudly to show it. */
export interface CardFinding {
  message: Localized;
  article: Citations;
  level: FindingLevel;
}

/** Someone who receives a case; `role` explains in which capacity (e.g. 課情報セキュリティ責任者). */
export interface CardRecipient {
  name: string;
  role: Localized;
}

/** Something the standard asks of someone, with its article (a duty, a reason for routing). */
export interface ArticleText {
  text: Localized;
  article: Citations;
}

/** An urgent line already in the reader's language, e.g. 「今すぐ 佐藤 健一（06-…）へ電話してください。」. */
export interface UrgentLine {
  text: string;
  basis: string;
}

function guidanceLines(locale: Locale, guidance: readonly GuidanceItem[], extra?: UrgentLine) {
  return [
    ...guidance.map((g) => ({ text: g.text[locale], basis: basis(locale, g.article) })),
    ...(extra ? [extra] : []),
  ];
}

function recipientLines(locale: Locale, recipients: readonly CardRecipient[]) {
  return recipients.map((r) => ({ name: r.name, role: r.role[locale] }));
}

// ---------------------------------------------------------------------------------------------
// Answers ↔ inputs

/** Input values arrive as strings; numbers and booleans (tests, Action.Execute) become strings too. */
function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

const DATE_PART = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PART = /^(\d{2}:\d{2})(?::\d{2})?$/;

/**
 * Date and time halves → one answer. Both present: `2026-11-26T09:05`. Only one: `2026-11-26` or
 * `T09:05`, so nothing typed is lost (the flow's validator rejects a partial value with a message).
 */
function combineDateTime(date: string, time: string): string {
  const d = date.trim();
  const tm = time.trim();
  const hhmm = TIME_PART.exec(tm)?.[1] ?? tm;
  if (d === '' && hhmm === '') return '';
  if (hhmm === '') return d;
  return `${d}T${hhmm}`;
}

/**
 * The answers of a submitted form: only the flow's own field ids are kept (the payload also carries
 * `verb`, `kind` and whatever a client adds), values become strings, and each datetime field's
 * `__date`/`__time` pair is combined into the field id.
 */
export function answersFromSubmit(value: Record<string, unknown>, fields: readonly FieldDef[]): Answers {
  const answers: Answers = {};
  for (const field of fields) {
    if (field.kind === 'datetime') {
      const date = asString(value[field.id + DATE_INPUT_SUFFIX]);
      const time = asString(value[field.id + TIME_INPUT_SUFFIX]);
      if (date !== undefined || time !== undefined) {
        answers[field.id] = combineDateTime(date ?? '', time ?? '');
        continue;
      }
    }
    const s = asString(value[field.id]);
    if (s !== undefined) answers[field.id] = s;
  }
  return answers;
}

/** A stored answer as the card's input value; anything an input could not hold becomes ''. */
function inputValue(field: FieldDef, raw: string | undefined): string {
  const s = raw ?? '';
  switch (field.kind) {
    case 'toggle':
      return s.trim() === 'true' ? 'true' : 'false';
    case 'number': {
      // Full-width digits (Japanese IMEs) are what the validator accepts too.
      const n = s.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
      return /^-?\d+(?:\.\d+)?$/.test(n) ? n : '';
    }
    case 'datetime': {
      const m = /^(\d{4}-\d{2}-\d{2})?(?:[T ](\d{2}:\d{2})?(?::\d{2})?)?$/.exec(s.trim());
      if (!m) return '';
      return combineDateTime(m[1] ?? '', m[2] ?? '');
    }
    case 'date':
      return DATE_PART.test(s.trim()) ? s.trim() : '';
    default:
      return s;
  }
}

/** The answer as a person reads it: choice labels, はい/いいえ, dates in Japan style. */
export function displayValue(locale: Locale, field: FieldDef, raw: string | undefined): string {
  const s = (raw ?? '').trim();
  if (field.kind === 'toggle') return t(locale, s === 'true' ? 'value.yes' : 'value.no');
  if (s === '') return t(locale, 'value.empty');
  const labelOf = (v: string) => field.choices?.find((c) => c.value === v)?.label[locale] ?? v;
  switch (field.kind) {
    case 'choice':
      return labelOf(s);
    case 'multichoice':
      return s
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
        .map(labelOf)
        .join(t(locale, 'value.listSeparator'));
    case 'datetime': {
      const at = parseJstDateTime(s);
      return at ? formatJst(at) : s.replace('T', ' ').trim().replace(/-/g, '/');
    }
    case 'date':
      return DATE_PART.test(s) ? s.replace(/-/g, '/') : s;
    default:
      return raw ?? '';
  }
}

/** The confirmation rows of a form: every field in order, empty ones as （未入力）. */
export function answerRows(locale: Locale, fields: readonly FieldDef[], answers: Answers): DisplayRow[] {
  return fields
    .filter((f) => isRelevant(f, answers))
    .map((f) => ({ label: f.label[locale], value: displayValue(locale, f, answers[f.id]) }));
}

// ---------------------------------------------------------------------------------------------
// Form

function helpText(locale: Locale, field: FieldDef): string {
  const help = field.help?.[locale] ?? '';
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
  const label = field.label[locale];
  return {
    id: field.id,
    kind: field.kind,
    label: field.required ? label + t(locale, 'form.requiredSuffix') : label,
    required: field.required,
    value: inputValue(field, answers[field.id]),
    placeholder: field.placeholder?.[locale] ?? (isChoice ? t(locale, 'form.choosePlaceholder') : ''),
    help: helpText(locale, field),
    error: errors[field.id]?.[locale] ?? '',
    requiredMessage: t(locale, isChoice ? 'form.chooseMessage' : 'form.requiredMessage', { label }),
    choices: (field.choices ?? []).map((c) => ({ title: c.label[locale], value: c.value })),
    maxLength: field.maxLength ?? 0,
  };
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
  const fieldIds = new Set(flow.fields.map((f) => f.id));
  // An error nobody can see would leave the person stuck: show stray ones with the form error.
  const formErrors = Object.entries(errors)
    .filter(([key]) => key === FORM_ERROR_KEY || !fieldIds.has(key))
    .sort(([a], [b]) => (a === FORM_ERROR_KEY ? -1 : b === FORM_ERROR_KEY ? 1 : 0))
    .map(([, message]) => message[locale]);
  return renderCard('flow-form', {
    title: flow.title[locale],
    kind: flow.kind,
    guidanceHeading: t(locale, 'form.guidanceHeading'),
    guidance: guidanceLines(locale, flow.guidance, opts.contact),
    intro: t(locale, 'form.intro'),
    draftNote: opts.draftSavedAt
      ? t(locale, 'form.draftNote', { savedAt: formatJst(opts.draftSavedAt) })
      : '',
    formError: formErrors.join('\n\n'),
    timeLabel: t(locale, 'form.timeLabel'),
    timeRequiredMessage: t(locale, 'form.timeRequiredMessage'),
    fields: flow.fields.map((f) => fieldData(locale, f, answers, errors)),
    reviewLabel: t(locale, 'form.review'),
    discardLabel: t(locale, 'form.discard'),
    menuLabel: t(locale, 'form.menu'),
  });
}

/** 「書きかけの…があります」 with resume / discard, and the flow's urgent guidance again. */
export function buildDraftResumeCard(
  locale: Locale,
  flow: Pick<FlowCardSource, 'kind' | 'title' | 'guidance'>,
  savedAt: Date,
  opts: { contact?: UrgentLine } = {},
): AdaptiveCardJson {
  const title = flow.title[locale];
  return renderCard('draft-resume', {
    title,
    kind: flow.kind,
    message: t(locale, 'draft.message', { title, savedAt: formatJst(savedAt) }),
    guidanceHeading: t(locale, 'form.guidanceHeading'),
    guidance: guidanceLines(locale, flow.guidance, opts.contact),
    resumeLabel: t(locale, 'draft.resume'),
    discardLabel: t(locale, 'draft.discard'),
  });
}

// ---------------------------------------------------------------------------------------------
// Confirmation

export interface FlowConfirmInput {
  kind: CaseKind;
  title: Localized;
  /** Usually `answerRows(locale, flow.fields, answers)`. */
  rows: readonly DisplayRow[];
  findings: readonly CardFinding[];
  /**
   * The request breaks a mandatory rule and is not sent on (deny by default). Must be true exactly
   * when a finding has level 'refusal' (the schema rejects anything else).
   */
  refused: boolean;
  /** Who will be notified on submit. */
  recipients: readonly CardRecipient[];
}

export function buildFlowConfirmCard(locale: Locale, input: FlowConfirmInput): AdaptiveCardJson {
  return renderCard('flow-confirm', {
    title: t(locale, 'confirm.title', { title: input.title[locale] }),
    kind: input.kind,
    intro: t(locale, 'confirm.intro'),
    rows: input.rows.map((r) => ({
      label: r.label,
      value: r.value === '' ? t(locale, 'value.empty') : r.value,
    })),
    findingsHeading: t(locale, 'confirm.findingsHeading'),
    findings: findingLines(locale, input.findings),
    refused: input.refused,
    refusedHeading: t(locale, 'confirm.refusedHeading'),
    recipientsHeading: t(locale, 'confirm.recipientsHeading'),
    recipients: recipientLines(locale, input.recipients),
    submitLabel: t(locale, 'confirm.submit'),
    editLabel: t(locale, 'confirm.edit'),
    discardLabel: t(locale, 'confirm.discard'),
  });
}

// ---------------------------------------------------------------------------------------------
// Cases

export interface CaseCreatedInput {
  caseId: string;
  kind: CaseKind;
  status: CaseStatus;
  submittedAt: Date;
  /** What happens next, each with what it rests on (shown after the line). */
  nextSteps: readonly { text: Localized; article?: Citations }[];
  recipients: readonly CardRecipient[];
  /** Defaults to the kind's articles (CASE_KIND_POLICY). */
  articles?: Citations;
}

/** Shown to the reporter after submission. */
export function buildCaseCreatedCard(locale: Locale, input: CaseCreatedInput): AdaptiveCardJson {
  const title = caseTitle(input.kind)[locale];
  const messageKey =
    caseCategory(input.kind) === 'incident' ? 'created.messageIncident' : 'created.messageRequest';
  return renderCard('case-created', {
    caseId: input.caseId,
    title,
    message: t(locale, messageKey, { title }),
    labels: {
      caseId: t(locale, 'case.caseIdLabel'),
      status: t(locale, 'case.statusLabel'),
      submittedAt: t(locale, 'case.submittedAtLabel'),
    },
    statusLabel: t(locale, `status.${input.status}`),
    submittedAt: formatJst(input.submittedAt),
    nextStepsHeading: t(locale, 'created.nextStepsHeading'),
    nextSteps: input.nextSteps.map((s) => withCitation(locale, s.text[locale], s.article)),
    recipientsHeading: t(locale, 'created.recipientsHeading'),
    recipients: recipientLines(locale, input.recipients),
    articles: basis(locale, input.articles ?? articlesOf(input.kind)),
    myCasesLabel: t(locale, 'created.myCases'),
    menuLabel: t(locale, 'created.menu'),
  });
}

export interface MyCasesInput {
  cases: readonly {
    caseId: string;
    kind: CaseKind;
    status: CaseStatus;
    submittedAt: Date;
    /** Decided by the service (own case, not yet final); the handler re-checks on click. */
    canCancel: boolean;
  }[];
  drafts: readonly { kind: CaseKind; updatedAt: Date }[];
}

/** 私の申請・報告: the person's cases (newest first as given) and unfinished drafts. */
export function buildMyCasesCard(locale: Locale, input: MyCasesInput): AdaptiveCardJson {
  return renderCard('my-cases', {
    title: t(locale, 'myCases.title'),
    empty: input.cases.length === 0 ? t(locale, 'myCases.empty') : '',
    items: input.cases.map((c) => ({
      caseId: c.caseId,
      title: caseTitle(c.kind)[locale],
      statusLabel: t(locale, `status.${c.status}`),
      submittedAt: formatJst(c.submittedAt),
      canCancel: c.canCancel,
      cancelLabel: t(locale, 'myCases.cancel'),
    })),
    draftsHeading: t(locale, 'myCases.draftsHeading'),
    drafts: input.drafts.map((d) => ({
      kind: d.kind,
      title: caseTitle(d.kind)[locale],
      updatedAt: t(locale, 'draft.savedAt', { savedAt: formatJst(d.updatedAt) }),
      resumeLabel: t(locale, 'myCases.resume'),
    })),
    menuLabel: t(locale, 'myCases.menu'),
  });
}
