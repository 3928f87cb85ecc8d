// cards/duty.json and duty-month.json (built by ../duty.ts): a duty (定期業務) with its completion
// form, and 「今月の定期業務」. Buttons carry the duty id only.
import { z } from 'zod';
import { DUTY_ID_PATTERN } from '../../../domain/duties';
import { RowSchema, TextSchema } from './common';
import { FormFieldCardDataSchema } from './flow-form';

const DutyIdSchema = z.string().regex(DUTY_ID_PATTERN);

export const DutyCardDataSchema = z.object({
  title: TextSchema,
  basis: TextSchema,
  lead: z.string(),
  leadColor: z.enum(['Default', 'Attention', 'Good', 'Warning']),
  formError: z.string(),
  draftNote: z.string(),
  what: TextSchema,
  /** The duty's items and, once done, what was recorded (typed text: TextRuns). */
  context: z.array(RowSchema),
  intro: z.string(),
  fields: z
    .array(FormFieldCardDataSchema)
    .refine((fields) => !fields.some((f) => f.id === 'dutyId'), 'input id is reserved'),
  ruleNote: TextSchema,
  dutyId: DutyIdSchema,
  /** '' hides the button (the viewer may not record, or it is done). */
  completeLabel: z.string(),
  saveLabel: z.string(),
  monthLabel: TextSchema,
});
export type DutyCardData = z.infer<typeof DutyCardDataSchema>;

export const DutyMonthCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  overdueLine: z.string(),
  sectionLines: z.array(z.object({ text: TextSchema })),
  emptyText: TextSchema,
  items: z.array(
    z.object({
      id: DutyIdSchema,
      summary: TextSchema,
      detail: TextSchema,
      color: z.enum(['Default', 'Attention', 'Good']),
    }),
  ),
  openLabel: TextSchema,
  moreText: z.string(),
  basis: TextSchema,
  ruleNote: TextSchema,
  menuLabel: TextSchema,
});
export type DutyMonthCardData = z.infer<typeof DutyMonthCardDataSchema>;
