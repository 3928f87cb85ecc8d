// cards/directory-diff.json (filled by cards/directory-diff.ts): what a staged import would change.
import { z } from 'zod';
import { TextSchema } from './common';
import { DirectoryGroupSchema, DirectoryLineSchema } from './directory-lines';

export const DirectoryDiffCardDataSchema = z.object({
  title: TextSchema,
  summary: TextSchema,
  after: TextSchema,
  basis: TextSchema,
  /** Where the import stands (pending, applied, cancelled, refused). */
  status: TextSchema,
  statusColor: z.enum(['Default', 'Good', 'Attention', 'Warning']),
  /** People losing a role with open cases; '' title = none. */
  lossTitle: z.string(),
  lossNote: z.string(),
  losses: z.array(DirectoryLineSchema),
  groups: z.array(DirectoryGroupSchema),
  warnings: z.array(DirectoryGroupSchema).max(1),
  /** 取り込む / 中止 while pending: Action.Execute carrying the staged id only. */
  buttons: z.array(
    z.object({
      title: TextSchema,
      verb: z.enum(['directory.import.apply', 'directory.import.cancel']),
      stagedId: z.number().int().positive(),
      style: z.enum(['positive', 'default']),
    }),
  ),
  menuLabel: TextSchema,
});
export type DirectoryDiffCardData = z.infer<typeof DirectoryDiffCardDataSchema>;
