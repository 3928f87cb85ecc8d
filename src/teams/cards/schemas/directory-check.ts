// cards/directory-check.json (filled by cards/directory-check.ts): 連絡網の確認.
import { z } from 'zod';
import { TextSchema } from './common';
import { DirectoryGroupSchema } from './directory-lines';

export const DirectoryCheckCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  basis: TextSchema,
  groups: z.array(DirectoryGroupSchema),
  menuLabel: TextSchema,
});
export type DirectoryCheckCardData = z.infer<typeof DirectoryCheckCardDataSchema>;
