import type { TurnContext } from 'botbuilder';
import { buildMenuCard } from './cards';
import { cardAttachment } from './send';
import { actingPerson, holdsRole, turnLocale } from './turn';

/** The menu card for the acting person (officer and admin extras by their roles), after `lead`. */
export async function sendMenu(ctx: TurnContext, lead?: string): Promise<void> {
  const person = actingPerson(ctx);
  const card = buildMenuCard(turnLocale(ctx), person.name, {
    officer: holdsRole(ctx),
    admin: person.isItAdmin || person.isChiefOfficer,
  });
  await ctx.sendActivity({ ...(lead ? { text: lead } : {}), attachments: [cardAttachment(card)] });
}
