// cards/directory-errors.json (filled by cards/directory-errors.ts): an import refused, nothing changed.
import { z } from 'zod';
import { TextSchema } from './common';
import { DirectoryLineSchema } from './directory-lines';

export const DirectoryErrorsCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  /** Every problem of the file by line (Japanese, from the CSV reader); may be empty. */
  lines: z.array(DirectoryLineSchema),
  more: z.string(),
  againLabel: TextSchema,
  menuLabel: TextSchema,
});
export type DirectoryErrorsCardData = z.infer<typeof DirectoryErrorsCardDataSchema>;
