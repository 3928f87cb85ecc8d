// cards/menu.json: the main menu (built by ../menu.ts).
import { z } from 'zod';
import { INTENTS } from '../../../domain/intents';
import { TextSchema } from './common';

const IntentSchema = z.enum(INTENTS);
const MenuButtonSchema = z.object({ title: TextSchema, intent: IntentSchema });

export const MenuCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  /** Display name; empty hides the greeting (install events carry no name). */
  userName: z.string(),
  /** Greeting containing `{userName}`, which the template replaces with `userName`. */
  greeting: TextSchema.refine((s) => s.includes('{userName}'), 'greeting must contain {userName}'),
  reportHeading: TextSchema,
  reportButtons: z.array(MenuButtonSchema).min(1),
  requestHeading: TextSchema,
  requestButtons: z.array(MenuButtonSchema).min(1),
  myCasesButton: MenuButtonSchema,
  /** 担当案件 and 不在設定, for people who hold a role in the directory; empty for staff. */
  officerButtons: z.array(MenuButtonSchema),
  freeTextHint: TextSchema,
  emergency: TextSchema,
  emergencyBasis: TextSchema,
});
export type MenuCardData = z.infer<typeof MenuCardDataSchema>;
