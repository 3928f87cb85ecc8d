// cards/case-created.json: shown to the reporter after submission (built by ../case-created.ts).
import { z } from 'zod';
import { CaseIdSchema, RecipientSchema, TextSchema } from './common';

export const CaseCreatedCardDataSchema = z.object({
  caseId: CaseIdSchema,
  title: TextSchema,
  message: TextSchema,
  labels: z.object({ caseId: TextSchema, status: TextSchema, submittedAt: TextSchema }),
  statusLabel: TextSchema,
  /** Japan time, already formatted. */
  submittedAt: TextSchema,
  nextStepsHeading: TextSchema,
  nextSteps: z.array(TextSchema),
  recipientsHeading: TextSchema,
  recipients: z.array(RecipientSchema),
  articles: TextSchema,
  myCasesLabel: TextSchema,
  menuLabel: TextSchema,
});
export type CaseCreatedCardData = z.infer<typeof CaseCreatedCardDataSchema>;
