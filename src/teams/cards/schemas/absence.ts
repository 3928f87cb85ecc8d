// cards/absence.json: 不在設定 (filled by routes/absence-routes.ts).
import { z } from 'zod';
import { TextSchema } from './common';

export const AbsenceCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  basis: TextSchema,
  /** The absence in force or planned, as a sentence; '' for none. */
  current: z.string(),
  /** Validation problem of the last submission; '' for none. */
  error: z.string(),
  fromLabel: TextSchema,
  toLabel: TextSchema,
  /** YYYY-MM-DD or ''. */
  fromValue: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/),
  toValue: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/),
  requiredMessage: TextSchema,
  setLabel: TextSchema,
  clearLabel: TextSchema,
  menuLabel: TextSchema,
});
export type AbsenceCardData = z.infer<typeof AbsenceCardDataSchema>;
