import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { claimWelcome } from '../../services/conversation-service';
import type { BotDeps } from '../deps';
import { actingPerson } from '../turn';
import { sendMenu } from '../menu';

/**
 * Welcome once per person. Teams and the Playground re-send install/update events (the Playground
 * on every page load), so the welcome is claimed atomically in storage and sent only by the first.
 */
async function welcomeOnce(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const person = actingPerson(ctx);
  const first = await claimWelcome(deps.db, deps.clock, person);
  if (!first) return;
  deps.logger.info({ personId: person.id }, 'welcome sent');
  await sendMenu(ctx, deps);
}

export function registerWelcomeRoutes(app: Application<TurnState>, deps: BotDeps): void {
  app.activity('installationUpdate', async (ctx) => {
    const action = (ctx.activity as { action?: string }).action ?? 'add';
    if (action.startsWith('add')) await welcomeOnce(ctx, deps);
  });
  app.conversationUpdate('membersAdded', async (ctx) => {
    const botId = ctx.activity.recipient?.id;
    const botAdded = (ctx.activity.membersAdded ?? []).some((m) => m.id === botId);
    const conversationType = ctx.activity.conversation?.conversationType;
    if (botAdded && (conversationType === undefined || conversationType === 'personal')) {
      await welcomeOnce(ctx, deps);
    }
  });
}
