// cards/guidance-form.json and guidance-followup.json (built by ../guidance.ts): 13(3) guidance and
// the follow-up on its date. Buttons carry the entry id only.
import { z } from 'zod';
import { RowSchema, TextSchema } from './common';

export const GuidanceFormCardDataSchema = z.object({
  title: TextSchema,
  basis: TextSchema,
  error: z.string(),
  intro: TextSchema,
  memberLabel: TextSchema,
  memberValue: z.string(),
  members: z.array(z.object({ title: TextSchema, value: z.string().regex(/^[A-Za-z0-9_-]{1,50}$/) })).min(1),
  ruleLabel: TextSchema,
  ruleValue: z.string(),
  guidanceLabel: TextSchema,
  guidanceValue: z.string(),
  improveByLabel: TextSchema,
  improveByValue: z.string(),
  submitLabel: TextSchema,
});
export type GuidanceFormCardData = z.infer<typeof GuidanceFormCardDataSchema>;

export const GuidanceFollowupCardDataSchema = z.object({
  title: TextSchema,
  text: TextSchema,
  rows: z.array(RowSchema),
  basis: TextSchema,
  kindLabel: TextSchema,
  suspendLabel: TextSchema,
  revokeLabel: TextSchema,
  systemsLabel: TextSchema,
  fromLabel: TextSchema,
  fromValue: z.string(),
  improvedLabel: TextSchema,
  suspendButtonLabel: TextSchema,
  guidanceId: z.number().int().positive(),
});
export type GuidanceFollowupCardData = z.infer<typeof GuidanceFollowupCardDataSchema>;
