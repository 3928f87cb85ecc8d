// cards/unknown-user.json: for a person the directory does not know (built by ../unknown-user.ts).
import { z } from 'zod';
import { TextSchema } from './common';

export const UnknownUserCardDataSchema = z.object({
  title: TextSchema,
  message: TextSchema,
  emergency: TextSchema,
  emergencyBasis: TextSchema,
});
export type UnknownUserCardData = z.infer<typeof UnknownUserCardDataSchema>;
