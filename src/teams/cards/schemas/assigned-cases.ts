// cards/assigned-cases.json (filled by routes/assigned-routes.ts).
import { z } from 'zod';
import { CaseIdSchema, TextSchema } from './common';

/** 担当案件: open cases the viewer may act on, most urgent first. */
export const AssignedCasesCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  empty: z.string(),
  items: z.array(
    z.object({
      caseId: CaseIdSchema,
      title: TextSchema,
      headline: TextSchema,
      statusLine: TextSchema,
      dueText: z.string(),
      dueColor: z.enum(['Attention', 'Warning', 'Default']),
      openLabel: TextSchema,
    }),
  ),
  menuLabel: TextSchema,
});
export type AssignedCasesCardData = z.infer<typeof AssignedCasesCardDataSchema>;
