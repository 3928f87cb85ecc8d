// The payloads of the media cards (cards/media-*.json), joined into the one union of card payloads
// (card-actions.ts). Ids only: the record id and which form; typed text arrives merged into
// `media.submit` and is validated by the form's own schema after the record is reloaded.
import { z } from 'zod';
import { MEDIA_FORMS, MEDIA_ID_PATTERN } from '../domain/media';

const RecordId = z.string().regex(MEDIA_ID_PATTERN);
/** '' (or absent) for the forms that create a record. */
const OptionalRecordId = z.union([RecordId, z.literal('')]).optional();
const Form = z.enum(MEDIA_FORMS);

export const MediaOpenSchema = z.object({ verb: z.literal('media.open') });
export const MediaFormSchema = z.object({
  verb: z.literal('media.form'),
  form: Form,
  recordId: OptionalRecordId,
});
export const MediaSubmitSchema = z.looseObject({
  verb: z.literal('media.submit'),
  form: Form,
  recordId: OptionalRecordId,
});
export const MediaDiscardSchema = z.object({
  verb: z.literal('media.discard'),
  form: Form,
  recordId: OptionalRecordId,
});
export const MediaPermitSchema = z.object({ verb: z.literal('media.permit'), recordId: RecordId });
export const MediaRefuseSchema = z.object({ verb: z.literal('media.refuse'), recordId: RecordId });

export const MEDIA_ACTION_SCHEMAS = [
  MediaOpenSchema,
  MediaFormSchema,
  MediaSubmitSchema,
  MediaDiscardSchema,
  MediaPermitSchema,
  MediaRefuseSchema,
] as const;
