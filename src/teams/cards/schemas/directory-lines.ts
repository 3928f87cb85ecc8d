// Schema pieces the contact-tree cards share (directory-diff, directory-check, directory-errors).
import { z } from 'zod';
import { TextSchema } from './common';

/** One line of data from the directory (names, titles): shown in a TextRun, which renders no Markdown. */
export const DirectoryLineSchema = z.object({
  text: TextSchema,
  color: z.enum(['Default', 'Attention', 'Warning']),
});

/** A titled list, cut to its first lines with 「ほか n 件」 ('' when nothing was cut). */
export const DirectoryGroupSchema = z.object({
  title: TextSchema,
  note: z.string(),
  lines: z.array(DirectoryLineSchema),
  more: z.string(),
});
export type DirectoryGroup = z.infer<typeof DirectoryGroupSchema>;
