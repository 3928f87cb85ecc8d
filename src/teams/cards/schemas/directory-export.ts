// cards/directory-export.json (filled by cards/directory-export.ts): 連絡網の出力, download links.
import { z } from 'zod';
import { TextSchema } from './common';

export const DirectoryExportCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  hint: TextSchema,
  basis: TextSchema,
  /** Short-lived links (GET /exports/<token>); empty when no base URL is configured. */
  links: z.array(z.object({ title: TextSchema, url: z.url({ protocol: /^https?$/ }) })),
  menuLabel: TextSchema,
});
export type DirectoryExportCardData = z.infer<typeof DirectoryExportCardDataSchema>;
