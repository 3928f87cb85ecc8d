// Answers ↔ inputs: a submitted form's input values as the flow's answers, and a stored answer as
// the value an input can hold.
import type { FieldDef } from '../../domain/flows/form';

/** Raw answers keyed by field id, as strings (the form of Adaptive Card input values). */
export type Answers = Record<string, string>;

/** A datetime field is two inputs, `<id>__date` and `<id>__time`; the answer is `YYYY-MM-DDTHH:mm`. */
export const DATE_INPUT_SUFFIX = '__date';
export const TIME_INPUT_SUFFIX = '__time';

export const DATE_PART = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PART = /^(\d{2}:\d{2})(?::\d{2})?$/;

/** Input values arrive as strings; numbers and booleans (tests, Action.Execute) become strings too. */
function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

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
export function inputValue(field: FieldDef, raw: string | undefined): string {
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
