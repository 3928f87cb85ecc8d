// cards/broadcast-compose.json: the compose form of a broadcast (built by ../broadcast-compose.ts).
import { z } from 'zod';
import { TextSchema } from './common';
import { BroadcastIdSchema } from './broadcast-common';

const ChoiceSchema = z.object({ title: TextSchema, value: TextSchema });

/** A ChoiceSet: its label, prefilled value, choices, the server's error and a help line ('' hides). */
const ChoiceInputSchema = z.object({
  label: TextSchema,
  value: z.string(),
  choices: z.array(ChoiceSchema).min(1),
  style: z.enum(['compact', 'expanded']),
  error: z.string(),
  help: z.string(),
});

const TextInputSchema = z.object({
  label: TextSchema,
  value: z.string(),
  maxLength: z.number().int().min(1),
  error: z.string(),
  required: TextSchema,
});

export const BroadcastComposeCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  draftNote: z.string(),
  formError: z.string(),
  /** '' before the first save. */
  broadcastId: z.union([BroadcastIdSchema, z.literal('')]),
  placeholder: TextSchema,
  purpose: ChoiceInputSchema,
  mode: ChoiceInputSchema,
  severity: ChoiceInputSchema,
  titleInput: TextInputSchema,
  bodyInput: TextInputSchema,
  audience: ChoiceInputSchema,
  /** Multi-select of the sections the sender may reach. */
  sections: ChoiceInputSchema,
  includeSub: z.object({ title: TextSchema, value: z.enum(['true', 'false']) }),
  answerKind: ChoiceInputSchema,
  choicesHelp: TextSchema,
  choicesError: z.string(),
  choices: z
    .array(
      z.object({
        id: z.string().regex(/^choice[0-3]$/),
        label: TextSchema,
        value: z.string(),
        maxLength: z.number().int().min(1),
        reportId: z.string().regex(/^report[0-3]$/),
        reportLabel: TextSchema,
        reportValue: TextSchema,
      }),
    )
    .min(2)
    .max(4),
  reportChoices: z.array(ChoiceSchema).min(1),
  remind: ChoiceInputSchema,
  /** 統括 of the directory; hidden for 統括 themselves (they give the instruction). */
  instructedBy: ChoiceInputSchema.extend({ choices: z.array(ChoiceSchema), show: z.boolean() }).refine(
    (i) => !i.show || i.choices.length > 0,
    'a shown ChoiceSet needs choices',
  ),
  reviewLabel: TextSchema,
  discardLabel: TextSchema,
});
export type BroadcastComposeCardData = z.infer<typeof BroadcastComposeCardDataSchema>;
