// cards/notice.json (filled by renderers.ts and case-view.ts).
import { z } from 'zod';
import { CaseIdSchema, TextSchema } from './common';

/** A short proactive notice (decision, reminder), optionally with buttons that carry ids only. */
export const NoticeCardDataSchema = z.object({
  title: TextSchema,
  text: TextSchema,
  basis: z.string(),
  buttons: z.array(
    z.object({
      title: TextSchema,
      verb: z.enum(['case.returned']),
      caseId: CaseIdSchema,
    }),
  ),
});
export type NoticeCardData = z.infer<typeof NoticeCardDataSchema>;
