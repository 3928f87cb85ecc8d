// Answers as a person reads them: the rows of the confirmation and case cards.
import { formatJst } from '../../domain/clock';
import { isRelevant, type FieldDef } from '../../domain/flows/form';
import { parseJstDateTime } from '../../domain/policy/jst';
import { t, type Locale } from '../i18n';
import { DATE_PART, type Answers } from './answers';
import type { DisplayRow } from './types';

/** The answer as a person reads it: choice labels, はい/いいえ, dates in Japan style. */
export function displayValue(locale: Locale, field: FieldDef, raw: string | undefined): string {
  const s = (raw ?? '').trim();
  if (field.kind === 'toggle') return t(locale, s === 'true' ? 'value.yes' : 'value.no');
  if (s === '') return t(locale, 'value.empty');
  const labelOf = (v: string): string => {
    const choice = field.choices?.find((c) => c.value === v);
    return choice ? t(locale, choice.label) : v;
  };
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
    .map((f) => ({ label: t(locale, f.label), value: displayValue(locale, f, answers[f.id]) }));
}
