// cards/flow-form.json: the guided form of a flow (built by ../flow-form.ts). The schema is the
// contract of the template: the builder's data is checked against it before expansion.
import { z } from 'zod';
import { FIELD_KINDS } from '../../../domain/flows/form';
import { InputIdSchema, InstructionSchema, KindSchema, TextSchema } from './common';

/** A partial datetime keeps what was typed: `2026-11-26T09:05`, `2026-11-26`, `T09:05` or ''. */
const PARTIAL_DATETIME = /^(?:\d{4}-\d{2}-\d{2})?(?:T(?:\d{2}:\d{2})?)?$/;
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;

export const FormFieldCardDataSchema = z
  .object({
    id: InputIdSchema,
    kind: z.enum(FIELD_KINDS),
    /** Label as shown, including the required marker. */
    label: TextSchema,
    required: z.boolean(),
    /** Prefilled value as Adaptive Cards sends it back: multichoice comma-separated, toggle 'true'/'false'. */
    value: z.string(),
    placeholder: z.string(),
    help: z.string(),
    /** Server-side validation message shown under the input; '' for none. */
    error: z.string(),
    /** Client-side message when a required input is left empty. */
    requiredMessage: TextSchema,
    choices: z.array(z.object({ title: TextSchema, value: TextSchema })),
    /** 0 for no limit. */
    maxLength: z.number().int().min(0),
  })
  .superRefine((f, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message, path: ['value'] });
    if ((f.kind === 'choice' || f.kind === 'multichoice') && f.choices.length === 0) {
      ctx.addIssue({ code: 'custom', message: `${f.kind} field needs choices`, path: ['choices'] });
    }
    // Multi-select ChoiceSets join the chosen values with commas.
    if (f.kind === 'multichoice' && f.choices.some((c) => c.value.includes(','))) {
      ctx.addIssue({
        code: 'custom',
        message: 'multichoice values cannot contain commas',
        path: ['choices'],
      });
    }
    // The template converts the value with float(): anything else would make the expansion throw.
    if (f.kind === 'number' && f.value !== '' && !NUMBER_TEXT.test(f.value))
      problem('number value is not numeric');
    if (f.kind === 'toggle' && !['', 'true', 'false'].includes(f.value))
      problem("toggle value is not 'true'/'false'");
    if (f.kind === 'datetime' && !PARTIAL_DATETIME.test(f.value))
      problem('datetime value is not YYYY-MM-DDTHH:mm');
  });
export type FormFieldCardData = z.infer<typeof FormFieldCardDataSchema>;

/** Every input id the card will carry: a datetime field renders `<id>__date` and `<id>__time`. */
function inputIdsOf(fields: readonly { id: string; kind: string }[]): string[] {
  return fields.flatMap((f) => (f.kind === 'datetime' ? [`${f.id}__date`, `${f.id}__time`] : [f.id]));
}

export const FlowFormCardDataSchema = z.object({
  title: TextSchema,
  kind: KindSchema,
  guidanceHeading: TextSchema,
  /** Urgent instructions, rendered before any question. May be empty. */
  guidance: z.array(InstructionSchema),
  intro: TextSchema,
  draftNote: z.string(),
  formError: z.string(),
  /** Label of the time half of a datetime field. */
  timeLabel: TextSchema,
  timeRequiredMessage: TextSchema,
  fields: z
    .array(FormFieldCardDataSchema)
    .min(1)
    .refine((fields) => {
      const ids = inputIdsOf(fields);
      return new Set(ids).size === ids.length;
    }, 'input ids must be unique'),
  reviewLabel: TextSchema,
  discardLabel: TextSchema,
  menuLabel: TextSchema,
});
export type FlowFormCardData = z.infer<typeof FlowFormCardDataSchema>;
