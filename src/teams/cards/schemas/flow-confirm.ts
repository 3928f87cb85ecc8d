// cards/flow-confirm.json: the answers to check before submitting (built by ../flow-confirm.ts).
import { z } from 'zod';
import { FindingSchema, KindSchema, RecipientSchema, RowSchema, TextSchema } from './common';

export const FlowConfirmCardDataSchema = z
  .object({
    title: TextSchema,
    kind: KindSchema,
    intro: TextSchema,
    rows: z.array(RowSchema),
    findingsHeading: TextSchema,
    findings: z.array(FindingSchema),
    /** True hides the submit button; the refusal findings explain why. */
    refused: z.boolean(),
    refusedHeading: TextSchema,
    recipientsHeading: TextSchema,
    recipients: z.array(RecipientSchema),
    submitLabel: TextSchema,
    editLabel: TextSchema,
    discardLabel: TextSchema,
  })
  // Deny by default: a refusal finding always hides the submit button, and a refused card says why.
  .refine((d) => d.refused === d.findings.some((f) => f.level === 'refusal'), {
    message: 'refused must be true exactly when a finding has level "refusal"',
    path: ['refused'],
  });
export type FlowConfirmCardData = z.infer<typeof FlowConfirmCardDataSchema>;
