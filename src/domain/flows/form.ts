// Shared building blocks of the flow forms: field descriptions (what the card renders) and the
// parsers of raw Adaptive Card values (everything arrives as a string). Every error carries Japanese
// in the zod message and English in `params.en`, so `validate` can return both, keyed by field.
import { z } from 'zod';
import type { Citation, Citations } from '../articles';
import type { CaseKind, Localized } from '../cases';
import { DATA_CLASSES, type DataClass } from '../policy/classification';
import { parseIsoDate, parseJstDateTime, jstDateOf, jstDateTimeInput, type IsoDate } from '../policy/jst';
import { cleanText, cutText } from '../text';
import { isMsg, msg } from '../../i18n';

export { cleanText } from '../text';

export const FIELD_KINDS = [
  'text',
  'textarea',
  'choice',
  'multichoice',
  'date',
  'datetime',
  'number',
  'toggle',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FieldChoice {
  value: string;
  label: Localized;
}

export interface FieldDef {
  id: string;
  label: Localized;
  kind: FieldKind;
  required: boolean;
  choices?: readonly FieldChoice[];
  placeholder?: Localized;
  /** Help shown under the input; the card cites `article` after it (never write it into the help). */
  help?: Localized;
  article?: Citations;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Only relevant when another field has one of these values (confirmation and case cards skip it otherwise). */
  relevantWhen?: { field: string; values: readonly string[] };
  /**
   * A datetime that starts at the current Japan time on a new form ("when did you notice"), so an
   * urgent report can be sent at once; what the person typed (a draft) always wins.
   */
  defaultNow?: boolean;
}

/** Whether a field applies to these answers (e.g. remote wipe only for terminals). */
export function isRelevant(field: FieldDef, answers: Readonly<Record<string, string>>): boolean {
  return !field.relevantWhen || field.relevantWhen.values.includes(answers[field.relevantWhen.field] ?? '');
}

export interface GuidanceItem {
  text: Localized;
  article: Citation;
}

/** Errors keyed by field id; `_form` for problems with the submission as a whole. */
export type FieldErrors = Record<string, Localized>;
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };
export interface ValidationContext {
  now: Date;
}

export const FORM_ERROR_KEY = '_form';

/** What every flow module exports; the registry checks each module against it. */
export interface FlowModule<K extends CaseKind, T> {
  kind: K;
  title: Localized;
  guidance: readonly GuidanceItem[];
  fields: readonly FieldDef[];
  FormSchema: z.ZodType<T>;
  validate(raw: unknown, ctx: ValidationContext): ValidationResult<T>;
}

// ---------------------------------------------------------------------------------------------
// Field specs: one description and one parser per field, declared together so they cannot drift.

type FieldOptions = Omit<FieldDef, 'id' | 'kind' | 'required' | 'choices'>;

export interface FieldSpec<T> {
  def: Omit<FieldDef, 'id'>;
  schema: z.ZodType<T>;
}

type Ctx = z.core.$RefinementCtx;

export function addError(ctx: Ctx, path: string | undefined, message: Localized, input?: unknown): void {
  ctx.addIssue({
    code: 'custom',
    message: message.key,
    params: { msg: message },
    input,
    ...(path === undefined ? {} : { path: [path] }),
  });
}

/** Field messages: each names the field by its label (a message itself, rendered in the same language). */
const err = {
  required: (label: Localized) => msg('form.error.required', { label }),
  choose: (label: Localized) => msg('form.error.choose', { label }),
  badChoice: (label: Localized) => msg('form.error.badChoice', { label }),
  // The person sees the limit and how much they wrote; the stored draft keeps the first `max`.
  tooLong: (label: Localized, max: number, length: number) =>
    msg('form.error.tooLong', { label, max, length }),
  badDate: (label: Localized) => msg('form.error.badDate', { label }),
  badDateTime: (label: Localized) => msg('form.error.badDateTime', { label }),
  badNumber: (label: Localized, min: number, max: number) => msg('form.error.badNumber', { label, min, max }),
  badToggle: (label: Localized) => msg('form.error.badToggle', { label }),
};

/** Strings from card inputs; numbers and booleans are accepted too (e.g. from tests or Action.Execute). */
function asTrimmedString(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function present(v: unknown): boolean {
  const s = asTrimmedString(v);
  return s !== undefined && s !== '';
}

interface TextOptions extends FieldOptions {
  maxLength?: number;
  /** Extra format check (e.g. an e-mail address); returns an error or null. */
  check?: (value: string) => Localized | null;
}

function textLike(kind: 'text' | 'textarea', defaultMax: number) {
  function make(required: true, o: TextOptions): FieldSpec<string>;
  function make(required: false, o: TextOptions): FieldSpec<string | undefined>;
  function make(required: boolean, o: TextOptions): FieldSpec<string | undefined> {
    const max = o.maxLength ?? defaultMax;
    const { check, ...rest } = o;
    const schema = z
      .unknown()
      .optional()
      .transform((v, ctx): string | undefined => {
        if (!present(v)) {
          if (required) addError(ctx, undefined, err.required(o.label), v);
          return required ? z.NEVER : undefined;
        }
        const raw = asTrimmedString(v);
        if (raw === undefined) {
          addError(ctx, undefined, err.required(o.label), v);
          return z.NEVER;
        }
        const s = cleanText(raw).trim();
        if (s === '') {
          if (required) addError(ctx, undefined, err.required(o.label), v);
          return required ? z.NEVER : undefined;
        }
        if (s.length > max) {
          addError(ctx, undefined, err.tooLong(o.label, max, s.length), v);
          return z.NEVER;
        }
        const problem = check?.(s) ?? null;
        if (problem) {
          addError(ctx, undefined, problem, v);
          return z.NEVER;
        }
        return s;
      });
    return { def: { ...rest, kind, required, maxLength: max }, schema };
  }
  return make;
}

/** Limits of a text field that names none. */
export const DEFAULT_MAX_LENGTH = { text: 200, textarea: 2000 } as const;

export const text = textLike('text', DEFAULT_MAX_LENGTH.text);
export const textarea = textLike('textarea', DEFAULT_MAX_LENGTH.textarea);

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function emailCheck(label: Localized) {
  return (s: string): Localized | null => (EMAIL_RE.test(s) ? null : msg('form.error.email', { label }));
}

export function choice<const V extends string>(
  required: true,
  o: FieldOptions & { choices: readonly { value: V; label: Localized }[] },
): FieldSpec<V>;
export function choice<const V extends string>(
  required: false,
  o: FieldOptions & { choices: readonly { value: V; label: Localized }[] },
): FieldSpec<V | undefined>;
export function choice<const V extends string>(
  required: boolean,
  o: FieldOptions & { choices: readonly { value: V; label: Localized }[] },
): FieldSpec<V | undefined> {
  const allowed = new Set<string>(o.choices.map((c) => c.value));
  const schema = z
    .unknown()
    .optional()
    .transform((v, ctx): V | undefined => {
      if (!present(v)) {
        if (required) addError(ctx, undefined, err.choose(o.label), v);
        return required ? z.NEVER : undefined;
      }
      const s = asTrimmedString(v);
      if (s === undefined || !allowed.has(s)) {
        addError(ctx, undefined, err.badChoice(o.label), v);
        return z.NEVER;
      }
      return s as V;
    });
  return { def: { ...o, kind: 'choice', required }, schema };
}

/** Adaptive Card multi-select ChoiceSets send "a,b,c". */
export function multichoice<const V extends string>(
  required: boolean,
  o: FieldOptions & { choices: readonly { value: V; label: Localized }[] },
): FieldSpec<V[]> {
  const allowed = new Set<string>(o.choices.map((c) => c.value));
  const schema = z
    .unknown()
    .optional()
    .transform((v, ctx): V[] => {
      const s = asTrimmedString(v) ?? '';
      const values = [
        ...new Set(
          s
            .split(',')
            .map((x) => x.trim())
            .filter((x) => x !== ''),
        ),
      ];
      if (values.length === 0) {
        if (required) {
          addError(ctx, undefined, err.choose(o.label), v);
          return z.NEVER;
        }
        return [];
      }
      if (values.some((x) => !allowed.has(x))) {
        addError(ctx, undefined, err.badChoice(o.label), v);
        return z.NEVER;
      }
      return values as V[];
    });
  return { def: { ...o, kind: 'multichoice', required }, schema };
}

/** 'true' / 'false' from Input.Toggle. A missing toggle is off. */
export function toggle(o: FieldOptions): FieldSpec<boolean> {
  const schema = z
    .unknown()
    .optional()
    .transform((v, ctx): boolean => {
      const s = asTrimmedString(v);
      if (s === undefined || s === '' || s === 'false') return false;
      if (s === 'true') return true;
      addError(ctx, undefined, err.badToggle(o.label), v);
      return z.NEVER;
    });
  return { def: { ...o, kind: 'toggle', required: false }, schema };
}

export function integer(required: true, o: FieldOptions & { min: number; max: number }): FieldSpec<number>;
export function integer(
  required: false,
  o: FieldOptions & { min: number; max: number },
): FieldSpec<number | undefined>;
export function integer(
  required: boolean,
  o: FieldOptions & { min: number; max: number },
): FieldSpec<number | undefined> {
  const schema = z
    .unknown()
    .optional()
    .transform((v, ctx): number | undefined => {
      if (!present(v)) {
        if (required) addError(ctx, undefined, err.required(o.label), v);
        return required ? z.NEVER : undefined;
      }
      // Full-width digits are common from Japanese IMEs: normalise them before parsing.
      const s = (asTrimmedString(v) ?? '').replace(/[０-９]/g, (d) =>
        String.fromCharCode(d.charCodeAt(0) - 0xfee0),
      );
      const n = /^\d+$/.test(s) ? Number(s) : NaN;
      if (!Number.isSafeInteger(n) || n < o.min || n > o.max) {
        addError(ctx, undefined, err.badNumber(o.label, o.min, o.max), v);
        return z.NEVER;
      }
      return n;
    });
  return { def: { ...o, kind: 'number', required }, schema };
}

export function date(required: true, o: FieldOptions): FieldSpec<IsoDate>;
export function date(required: false, o: FieldOptions): FieldSpec<IsoDate | undefined>;
export function date(required: boolean, o: FieldOptions): FieldSpec<IsoDate | undefined> {
  const schema = z
    .unknown()
    .optional()
    .transform((v, ctx): IsoDate | undefined => {
      if (!present(v)) {
        if (required) addError(ctx, undefined, err.required(o.label), v);
        return required ? z.NEVER : undefined;
      }
      const d = parseIsoDate(asTrimmedString(v) ?? '');
      if (d === null) {
        addError(ctx, undefined, err.badDate(o.label), v);
        return z.NEVER;
      }
      return d;
    });
  return { def: { ...o, kind: 'date', required }, schema };
}

/** `YYYY-MM-DDTHH:mm` in Japan local time → Date. */
export function datetime(required: true, o: FieldOptions): FieldSpec<Date>;
export function datetime(required: false, o: FieldOptions): FieldSpec<Date | undefined>;
export function datetime(required: boolean, o: FieldOptions): FieldSpec<Date | undefined> {
  const schema = z
    .unknown()
    .optional()
    .transform((v, ctx): Date | undefined => {
      if (!present(v)) {
        if (required) addError(ctx, undefined, err.required(o.label), v);
        return required ? z.NEVER : undefined;
      }
      const d = parseJstDateTime(asTrimmedString(v) ?? '');
      if (d === null) {
        addError(ctx, undefined, err.badDateTime(o.label), v);
        return z.NEVER;
      }
      return d;
    });
  return { def: { ...o, kind: 'datetime', required }, schema };
}

export const CLASS_CHOICES: readonly { value: DataClass; label: Localized }[] = DATA_CLASSES.map((c) => ({
  value: c,
  label: {
    I: msg('flow.form.i_personal_data_need_know'),
    II: msg('flow.form.ii_not_publication_serious_impact'),
    III: msg('flow.form.iii_published_breach_has_impact'),
    IV: msg('flow.form.iv_other'),
  }[c],
}));

/** Declares a form: field descriptions in declaration order, and the zod shape of the same fields. */
export function defineForm<S extends Record<string, FieldSpec<unknown>>>(
  specs: S,
): { fields: FieldDef[]; shape: { [K in keyof S]: S[K]['schema'] } } {
  const fields: FieldDef[] = [];
  const shape: Record<string, z.ZodType<unknown>> = {};
  for (const [id, spec] of Object.entries(specs)) {
    fields.push({ id, ...spec.def });
    shape[id] = spec.schema;
  }
  return { fields, shape: shape as { [K in keyof S]: S[K]['schema'] } };
}

// ---------------------------------------------------------------------------------------------
// Stored answers: bounded, whatever a client sends

/**
 * The most a stored answer may hold, in UTF-16 units: a text field's own limit; for the other kinds
 * the longest value their input can send (a valid one is never cut, an invalid one fails anyway).
 */
export function answerLimit(field: FieldDef): number {
  const values = (field.choices ?? []).map((c) => c.value);
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return field.maxLength ?? DEFAULT_MAX_LENGTH[field.kind];
    case 'choice':
      return Math.max(0, ...values.map((v) => v.length));
    case 'multichoice':
      return values.join(',').length;
    case 'date':
      return 'YYYY-MM-DD'.length;
    case 'datetime':
      return 'YYYY-MM-DDTHH:mm:ss'.length;
    case 'number':
      return 20;
    case 'toggle':
      return 'false'.length;
  }
}

/**
 * Answers as they may be stored in a draft and shown again on a card: free text cleaned (see
 * cleanText), every value cut to its field's limit. Validate the uncut answers first, so the
 * person is told how much they wrote; everything else they typed is kept as it was.
 */
export function limitAnswers(
  fields: readonly FieldDef[],
  answers: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const raw = answers[field.id];
    if (raw === undefined) continue;
    const max = answerLimit(field);
    if (field.kind === 'text' || field.kind === 'textarea') {
      const clean = cleanText(raw);
      out[field.id] = clean.trim().length > max ? cutText(clean.trim(), max) : clean;
    } else {
      out[field.id] = cutText(raw, max);
    }
  }
  return out;
}

/** Values a new form starts with: the current Japan time in every `defaultNow` datetime. */
export function defaultAnswers(fields: readonly FieldDef[], now: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    if (field.kind === 'datetime' && field.defaultNow) out[field.id] = jstDateTimeInput(now);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Validation

function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const head = issue.path[0];
    const key = typeof head === 'string' ? head : FORM_ERROR_KEY;
    if (errors[key]) continue; // the first problem per field is the one to fix first
    const own = issue.code === 'custom' ? (issue.params as { msg?: unknown } | undefined)?.msg : undefined;
    errors[key] = isMsg(own)
      ? own
      : key === FORM_ERROR_KEY
        ? msg('flow.form.submission_could_not_read_please')
        : msg('form.error.invalid');
  }
  return errors;
}

/**
 * Parse with the static schema, then apply the rules that need the clock (e.g. "not in the future").
 * Clock rules run only once every field parsed, so each message refers to a well-formed value.
 */
export function runValidation<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  ctx: ValidationContext,
  clockRules?: (value: T, ctx: ValidationContext) => FieldErrors,
): ValidationResult<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };
  const errors = clockRules?.(parsed.data, ctx) ?? {};
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}

/** Rule helper: an event time cannot be later than now. */
export function notInFuture(errors: FieldErrors, field: string, label: Localized, at: Date, now: Date): void {
  if (at.getTime() > now.getTime()) {
    errors[field] = msg('form.error.future', { label });
  }
}

/** Rule helper: a date cannot be before today's date in Japan. */
export function notBeforeToday(
  errors: FieldErrors,
  field: string,
  label: Localized,
  value: IsoDate,
  now: Date,
): void {
  if (value < jstDateOf(now)) {
    errors[field] = msg('form.error.past', { label });
  }
}

export function endNotBeforeStart(ctx: Ctx, field: string, label: Localized, startLabel: Localized): void {
  addError(ctx, field, msg('form.error.endBeforeStart', { label, start: startLabel }));
}

export function requiredWhen(ctx: Ctx, field: string, label: Localized, condition: Localized): void {
  addError(ctx, field, msg('form.error.requiredWhen', { label, condition }));
}
