import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { detectIntent } from '../../domain/intent-rules';
import type { Intent } from '../../domain/intents';
import { isCaseKind } from '../../domain/cases';
import { sendAbsenceCard } from './absence-routes';
import { sendAssigned } from './assigned-routes';
import { sendMyCases } from './case-routes';
import { startFlow } from './flow-routes';
import { sendUnreachable } from './unreachable-routes';
import type { CardHandlers } from '../card-routes';
import { buildMenuCard } from '../cards';
import type { BotDeps } from '../deps';
import { t } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, holdsRole, turnLocale } from '../turn';

export async function sendMenu(ctx: TurnContext, lead?: string): Promise<void> {
  const person = actingPerson(ctx);
  const card = buildMenuCard(turnLocale(ctx), person.name, {
    officer: holdsRole(ctx),
    admin: person.isItAdmin || person.isChiefOfficer,
  });
  await ctx.sendActivity({ ...(lead ? { text: lead } : {}), attachments: [cardAttachment(card)] });
}

/** Starts what an intent asks for: the menu, the person's own cases, or a flow's guided form. */
export async function startIntent(ctx: TurnContext, intent: Intent, deps: BotDeps): Promise<void> {
  deps.logger.info({ activityId: ctx.activity.id, intent }, 'intent selected');
  if (intent === 'help') return sendMenu(ctx);
  if (intent === 'my_cases') return sendMyCases(ctx, deps);
  if (intent === 'my_tasks') return sendAssigned(ctx, deps);
  if (intent === 'absence') return sendAbsenceCard(ctx, deps);
  if (intent === 'unreachable') return sendUnreachable(ctx, deps);
  if (isCaseKind(intent)) return startFlow(ctx, intent, deps);
  // Every other intent is a case kind: a new intent without a flow fails to compile here.
  const unhandled: never = intent;
  // Only reachable if the lists and the types disagree at run time; the menu is a safe answer.
  deps.logger.warn({ activityId: ctx.activity.id, intent: unhandled }, 'intent has no handler');
  return sendMenu(ctx);
}

/** Free text: rule-based intent detection (no LLM: classified data must not leave us, 11(2)⑤). */
export function registerMenuRoutes(app: Application<TurnState>, deps: BotDeps): void {
  app.message(
    async (ctx) => ctx.activity.type === 'message' && typeof ctx.activity.text === 'string',
    async (ctx) => {
      const found = detectIntent(ctx.activity.text ?? '');
      if (!found) {
        deps.logger.info({ activityId: ctx.activity.id }, 'no intent recognised');
        return sendMenu(ctx, t(turnLocale(ctx), 'menu.notUnderstood'));
      }
      await startIntent(ctx, found.intent, deps);
    },
  );
}

export const menuCardHandlers: Pick<CardHandlers, 'menu.select' | 'menu.show'> = {
  'menu.select': async (ctx, action, deps) => startIntent(ctx, action.intent, deps),
  'menu.show': async (ctx) => sendMenu(ctx),
};
