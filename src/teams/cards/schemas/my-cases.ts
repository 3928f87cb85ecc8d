// cards/my-cases.json: 私の申請・報告, the person's cases and drafts (built by ../my-cases.ts).
import { z } from 'zod';
import { CaseIdSchema, KindSchema, TextSchema } from './common';

export const MyCasesCardDataSchema = z.object({
  title: TextSchema,
  /** Shown when there is nothing to list; '' hides it. */
  empty: z.string(),
  items: z.array(
    z.object({
      caseId: CaseIdSchema,
      title: TextSchema,
      statusLabel: TextSchema,
      submittedAt: TextSchema,
      canCancel: z.boolean(),
      cancelLabel: TextSchema,
    }),
  ),
  draftsHeading: TextSchema,
  drafts: z.array(
    z.object({ kind: KindSchema, title: TextSchema, updatedAt: TextSchema, resumeLabel: TextSchema }),
  ),
  menuLabel: TextSchema,
});
export type MyCasesCardData = z.infer<typeof MyCasesCardDataSchema>;
