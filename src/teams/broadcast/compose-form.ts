// The compose card's inputs as the client sends them (strings), read on the server with zod: what
// can be stored becomes the draft's content (text cut to its limit, never lost), and every problem
// comes back as a message next to its field. The card is shown again from these same values, so a
// refused form keeps every field as it was typed.
import { z } from 'zod';
import {
  BODY_MAX,
  BROADCAST_MODES,
  BROADCAST_PURPOSE_IDS,
  BROADCAST_SEVERITIES,
  CHOICE_MAX,
  DEFAULT_REMIND_MINUTES,
  MAX_CHOICES,
  TITLE_MAX,
  type AnswerSpec,
  type Audience,
  type BroadcastChoice,
  type BroadcastSeverity,
} from '../../domain/broadcast';
import {
  AUDIENCE_CHOICES,
  audienceChoiceOf,
  validateComposed,
  type ComposeErrors,
  type ComposeOptions,
} from '../../domain/broadcast-compose';
import { INCIDENT_KINDS } from '../../domain/cases';
import { cleanText, cutText } from '../../domain/text';
import { msg } from '../../i18n';
import type { BroadcastContent } from '../../storage/broadcast-repo';

/** Minutes offered for the reminder besides the default and none (運用ルール). */
export const REMIND_CHOICES = [5, 10, 15, 30, 60, 120, 240] as const;
export const ANSWER_KINDS = ['none', 'ack', 'choice'] as const;
export const CHOICE_SLOTS = Array.from({ length: MAX_CHOICES }, (_, i) => i);

/** Every input of the compose card, as text. */
export interface ComposeValues {
  purpose: string;
  mode: string;
  severity: string;
  title: string;
  body: string;
  audience: string;
  /** Comma-separated section codes (a multi-select ChoiceSet). */
  sections: string;
  includeSub: 'true' | 'false';
  answerKind: string;
  choices: string[];
  reports: string[];
  /** 'default', 'none' or minutes. */
  remind: string;
  instructedBy: string;
}

// A client leaves out inputs the person left empty (Teams and the Agents Playground send only the
// filled ones): a missing or malformed value reads as ''.
const str = z
  .union([z.string(), z.number()])
  .optional()
  .catch(undefined)
  .transform((v) => (v === undefined ? '' : String(v)));

const SubmitSchema = z.looseObject({
  purpose: str,
  mode: str,
  severity: str,
  title: str,
  body: str,
  audience: str,
  sections: str,
  includeSub: str,
  answerKind: str,
  remind: str,
  instructedBy: str,
  ...Object.fromEntries(
    CHOICE_SLOTS.flatMap((i) => [
      [`choice${i}`, str],
      [`report${i}`, str],
    ]),
  ),
});

/** The values of a submitted compose card; unknown keys are ignored, missing ones are ''. */
export function valuesOfSubmit(payload: Record<string, unknown>): ComposeValues {
  const p = SubmitSchema.parse(payload) as Record<string, string>;
  return {
    purpose: p.purpose ?? '',
    mode: p.mode ?? '',
    severity: p.severity ?? '',
    title: cleanText(p.title ?? ''),
    body: cleanText(p.body ?? ''),
    audience: p.audience ?? '',
    sections: p.sections ?? '',
    includeSub: p.includeSub === 'true' ? 'true' : 'false',
    answerKind: p.answerKind ?? '',
    choices: CHOICE_SLOTS.map((i) => cleanText(p[`choice${i}`] ?? '')),
    reports: CHOICE_SLOTS.map((i) => p[`report${i}`] ?? ''),
    remind: p.remind ?? '',
    instructedBy: p.instructedBy ?? '',
  };
}

/** A new broadcast: 訓練, 重要, a 「確認しました」 answer, the default reminder. */
export function initialValues(options: ComposeOptions): ComposeValues {
  return {
    purpose: options.purposes.length === 1 ? (options.purposes[0] as string) : '',
    mode: 'drill',
    severity: 'important',
    title: '',
    body: '',
    audience: options.audiences[0] ?? 'sections',
    sections: options.audiences.includes('everyone') ? '' : options.sections.map((s) => s.code).join(','),
    includeSub: 'false',
    answerKind: 'ack',
    choices: CHOICE_SLOTS.map(() => ''),
    reports: CHOICE_SLOTS.map(() => ''),
    remind: 'default',
    instructedBy: '',
  };
}

/** The values a stored draft shows on the card. */
export function valuesOfContent(c: BroadcastContent): ComposeValues {
  const choices = c.answer.kind === 'choice' ? c.answer.choices : [];
  return {
    purpose: c.purpose,
    mode: c.mode,
    severity: c.severity,
    title: c.title,
    body: c.body,
    audience: audienceChoiceOf(c.audience),
    sections: c.audience.kind === 'sections' ? c.audience.sectionCodes.join(',') : '',
    includeSub: c.audience.kind === 'sections' && c.audience.includeSubsections ? 'true' : 'false',
    answerKind: c.answer.kind,
    choices: CHOICE_SLOTS.map((i) => choices[i]?.label ?? ''),
    reports: CHOICE_SLOTS.map((i) => choices[i]?.opensReport ?? ''),
    remind: c.remindAfterMinutes === null ? 'none' : String(c.remindAfterMinutes),
    instructedBy: c.instructedBy ?? '',
  };
}

/** The values shown again on a refused form: text within its limits (the error says what was cut). */
export function keptValues(v: ComposeValues): ComposeValues {
  return {
    ...v,
    title: cutText(v.title, TITLE_MAX),
    body: cutText(v.body, BODY_MAX),
    choices: v.choices.map((c) => cutText(c, CHOICE_MAX)),
  };
}

const oneOf = <T extends string>(list: readonly T[], v: string): T | undefined =>
  (list as readonly string[]).includes(v) ? (v as T) : undefined;

const cut = cutText;

/**
 * What the draft stores of `v`, and the problems of `v`. Text over its limit is cut (the error
 * says how much was typed); a choice the sender may not make is not stored (the draft keeps what
 * it had, or the first allowed one) and is reported.
 */
export function readCompose(
  v: ComposeValues,
  options: ComposeOptions,
  previous?: BroadcastContent,
): { content: BroadcastContent; errors: ComposeErrors } {
  const errors: ComposeErrors = {};
  const purpose = oneOf(options.purposes, v.purpose) ?? oneOf(BROADCAST_PURPOSE_IDS, v.purpose);
  if (!purpose || !options.purposes.includes(purpose)) errors.purpose = msg('bcompose.error.purpose');
  const severity: BroadcastSeverity = oneOf(BROADCAST_SEVERITIES, v.severity) ?? 'important';
  const mode = oneOf(BROADCAST_MODES, v.mode) ?? 'drill';

  const lengthError = (field: 'title' | 'body', text: string, max: number) => {
    const length = text.length;
    if (length > max)
      errors[field] = msg('form.error.tooLong', { label: msg(`bcompose.field.${field}`), max, length });
  };
  lengthError('title', v.title, TITLE_MAX);
  lengthError('body', v.body, BODY_MAX);

  const reachable = new Set(options.sections.map((s) => s.code));
  const codes = v.sections
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const choice = oneOf(options.audiences, v.audience);
  if (!choice && oneOf(AUDIENCE_CHOICES, v.audience)) errors.audience = msg('bcompose.error.audience');
  const picked = choice ?? options.audiences[0] ?? 'sections';
  const sectionCodes = codes.filter((c) => reachable.has(c));
  if (sectionCodes.length !== codes.length) errors.sections = msg('bcompose.error.sectionNotReachable');
  const includeSubsections = v.includeSub === 'true';
  const audience: Audience =
    picked === 'everyone'
      ? { kind: 'everyone', officersOnly: false }
      : picked === 'officers' && sectionCodes.length === 0
        ? { kind: 'everyone', officersOnly: true }
        : { kind: 'sections', sectionCodes, includeSubsections, officersOnly: picked === 'officers' };

  const answerKind = oneOf(ANSWER_KINDS, v.answerKind) ?? 'ack';
  const filled: BroadcastChoice[] = CHOICE_SLOTS.flatMap((i) => {
    const label = cut((v.choices[i] ?? '').trim(), CHOICE_MAX);
    if (label === '') return [];
    const report = oneOf(INCIDENT_KINDS, v.reports[i] ?? '');
    return [report ? { label, opensReport: report } : { label }];
  });
  if (CHOICE_SLOTS.some((i) => (v.choices[i] ?? '').trim().length > CHOICE_MAX))
    errors.choices = msg('bcompose.error.choiceTooLong', { max: CHOICE_MAX });
  const answer: AnswerSpec =
    answerKind === 'choice' ? { kind: 'choice', choices: filled } : { kind: answerKind };

  const remind =
    v.remind === 'none'
      ? null
      : /^\d+$/.test(v.remind) && Number(v.remind) > 0 && Number(v.remind) <= 24 * 60
        ? Number(v.remind)
        : DEFAULT_REMIND_MINUTES[severity];

  const chiefs = new Set(options.chiefs.map((c) => c.id));
  const instructedBy = v.instructedBy === '' || options.isChief ? null : v.instructedBy;
  if (instructedBy && !chiefs.has(instructedBy)) errors.instructedBy = msg('bcompose.error.instructor');

  const content: BroadcastContent = {
    purpose: purpose && options.purposes.includes(purpose) ? purpose : (previous?.purpose ?? 'general'),
    mode,
    severity,
    title: cut(v.title, TITLE_MAX),
    body: cut(v.body, BODY_MAX),
    audience,
    answer,
    instructedBy: instructedBy && chiefs.has(instructedBy) ? instructedBy : null,
    remindAfterMinutes: remind,
    caseId: previous?.caseId ?? null,
  };
  // Shape problems of the typed values win over the completeness check of what is stored.
  return { content, errors: { ...validateComposed(content, options), ...errors } };
}
