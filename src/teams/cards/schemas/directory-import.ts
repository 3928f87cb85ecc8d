// cards/directory-import.json (filled by cards/directory-import.ts): 連絡網の取込, send a file or paste.
import { z } from 'zod';
import { TextSchema } from './common';

export const DirectoryImportCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  basis: TextSchema,
  current: TextSchema,
  csvLabel: TextSchema,
  csvPlaceholder: TextSchema,
  /** The directory in force as CSV, to edit in place; '' when it is too large for a card. */
  csvValue: z.string(),
  prefillNote: TextSchema,
  maxLength: z.number().int().positive(),
  previewLabel: TextSchema,
  menuLabel: TextSchema,
});
export type DirectoryImportCardData = z.infer<typeof DirectoryImportCardDataSchema>;
