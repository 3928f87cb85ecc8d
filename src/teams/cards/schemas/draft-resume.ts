// cards/draft-resume.json: an unfinished draft to resume or discard (built by ../draft-resume.ts).
import { z } from 'zod';
import { InstructionSchema, KindSchema, TextSchema } from './common';

export const DraftResumeCardDataSchema = z.object({
  title: TextSchema,
  kind: KindSchema,
  message: TextSchema,
  guidanceHeading: TextSchema,
  guidance: z.array(InstructionSchema),
  resumeLabel: TextSchema,
  discardLabel: TextSchema,
});
export type DraftResumeCardData = z.infer<typeof DraftResumeCardDataSchema>;
