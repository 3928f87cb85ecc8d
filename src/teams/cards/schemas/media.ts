// cards/media-menu.json, media-form.json and media-disposal.json (built by ../media.ts): the media
// records of 8(3)②アイオ. Buttons carry ids only (the record id and which form).
import { z } from 'zod';
import { MEDIA_FORMS, MEDIA_ID_PATTERN } from '../../../domain/media';
import { RowSchema, TextSchema } from './common';
import { FormFieldCardDataSchema } from './flow-form';

const RecordIdSchema = z.string().regex(MEDIA_ID_PATTERN);
const FormSchema = z.enum(MEDIA_FORMS);
/** `summary` and `detail` are what people typed: the template shows them in TextRuns. */
const ItemSchema = z.object({ id: RecordIdSchema, summary: TextSchema, detail: z.string() });

export const MediaMenuCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  sectionsLine: z.string(),
  basis: TextSchema,
  createButtons: z.array(z.object({ title: TextSchema, form: FormSchema })).min(1),
  decideHeading: TextSchema,
  toDecide: z.array(ItemSchema),
  permitLabel: TextSchema,
  refuseLabel: TextSchema,
  recordHeading: TextSchema,
  toRecord: z.array(ItemSchema),
  recordLabel: TextSchema,
  storedHeading: TextSchema,
  stored: z.array(ItemSchema),
  eraseLabel: TextSchema,
  waitingHeading: TextSchema,
  waiting: z.array(ItemSchema),
  menuLabel: TextSchema,
});
export type MediaMenuCardData = z.infer<typeof MediaMenuCardDataSchema>;

export const MediaFormCardDataSchema = z.object({
  title: TextSchema,
  basis: TextSchema,
  formError: z.string(),
  draftNote: z.string(),
  intro: TextSchema,
  /** The record a completing form belongs to, as label/value rows. */
  context: z.array(RowSchema),
  timeLabel: TextSchema,
  timeRequiredMessage: TextSchema,
  fields: z
    .array(FormFieldCardDataSchema)
    .min(1)
    .refine((fields) => !fields.some((f) => f.id === 'form' || f.id === 'recordId'), 'input id is reserved'),
  form: FormSchema,
  recordId: z.union([RecordIdSchema, z.literal('')]),
  submitLabel: TextSchema,
  discardLabel: TextSchema,
  backLabel: TextSchema,
});
export type MediaFormCardData = z.infer<typeof MediaFormCardDataSchema>;

export const MediaDisposalCardDataSchema = z.object({
  title: TextSchema,
  status: TextSchema,
  context: z.array(RowSchema),
  note: z.string(),
  basis: TextSchema,
  buttons: z.array(
    z.object({
      title: TextSchema,
      verb: z.enum(['media.permit', 'media.refuse', 'media.form']),
      recordId: RecordIdSchema,
      form: z.union([FormSchema, z.literal('')]),
    }),
  ),
});
export type MediaDisposalCardData = z.infer<typeof MediaDisposalCardDataSchema>;
