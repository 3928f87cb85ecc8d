// cards/broadcast-export.json: download links for a broadcast's results (CSV, XLSX).
import { z } from 'zod';
import { TextSchema } from './common';

export const BroadcastExportCardDataSchema = z.object({
  title: TextSchema,
  text: TextSchema,
  links: z.array(z.object({ title: TextSchema, url: z.string().regex(/^https?:\/\/\S+$/) })).min(1),
});
export type BroadcastExportCardData = z.infer<typeof BroadcastExportCardDataSchema>;
