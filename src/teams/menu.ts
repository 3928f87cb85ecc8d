import type { TurnContext } from 'botbuilder';
import { followsBroadcasts } from '../services/broadcast-status-service';
import { mayComposeBroadcast } from '../services/broadcast-view-service';
import { readsLedgers } from '../services/ledgers';
import { keepsDutyCalendar } from '../services/duty-service';
import { buildMenuCard } from './cards';
import type { BotDeps } from './deps';
import { cardAttachment } from './send';
import { actingPerson, holdsRole, turnLocale } from './turn';
import { urgentLine } from './urgent-line';

/**
 * The menu card for the acting person (officer and admin extras by their roles), after `lead`. Its
 * emergency line names whom to phone now about an incident, with the directory's number.
 */
export async function sendMenu(ctx: TurnContext, deps: BotDeps, lead?: string): Promise<void> {
  const person = actingPerson(ctx);
  const emergency = await urgentLine(ctx, deps, 'lost_ic_card', 'ifUrgent');
  const admin = person.isItAdmin || person.isChiefOfficer;
  const card = buildMenuCard(turnLocale(ctx), person.name, {
    officer: holdsRole(ctx),
    admin,
    itAdmin: person.isItAdmin,
    broadcasts: !admin && holdsRole(ctx) && (await followsBroadcasts(deps.db, person)),
    broadcast: await mayComposeBroadcast(deps.db, person),
    ledger: admin || (holdsRole(ctx) && (await readsLedgers(deps.db, person.id))),
    duties: (person.isChiefOfficer || holdsRole(ctx)) && (await keepsDutyCalendar(deps.db, person.id)),
    ...(emergency ? { emergency } : {}),
  });
  await ctx.sendActivity({ ...(lead ? { text: lead } : {}), attachments: [cardAttachment(card)] });
}
