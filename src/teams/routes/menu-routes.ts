import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { detectIntent } from '../../domain/intent-rules';
import type { Intent } from '../../domain/intents';
import type { CardHandlers } from '../card-routes';
import type { BotDeps } from '../deps';
import { t } from '../i18n';
import { sendMenu } from '../menu';
import { turnLocale } from '../turn';

export type IntentHandler = (ctx: TurnContext, deps: BotDeps) => Promise<void>;

/**
 * What each intent starts: filled by the composition root (teams/app.ts) from the feature route
 * files, so this hub imports none of them. A new intent without a handler does not compile.
 */
export type IntentHandlers = { readonly [I in Intent]: IntentHandler };

/** Starts what an intent asks for, through the table. */
async function startIntent(ctx: TurnContext, intent: Intent, deps: BotDeps, intents: IntentHandlers) {
  deps.logger.info({ activityId: ctx.activity.id, intent }, 'intent selected');
  await intents[intent](ctx, deps);
}

/** Free text: rule-based intent detection (no LLM: classified data must not leave us, 11(2)⑤). */
export function registerMenuRoutes(
  app: Application<TurnState>,
  deps: BotDeps,
  intents: IntentHandlers,
): void {
  app.message(
    async (ctx) => ctx.activity.type === 'message' && typeof ctx.activity.text === 'string',
    async (ctx) => {
      const found = detectIntent(ctx.activity.text ?? '');
      if (!found) {
        deps.logger.info({ activityId: ctx.activity.id }, 'no intent recognised');
        return sendMenu(ctx, deps, t(turnLocale(ctx), 'menu.notUnderstood'));
      }
      await startIntent(ctx, found.intent, deps, intents);
    },
  );
}

export function menuCardHandlers(intents: IntentHandlers): Pick<CardHandlers, 'menu.select' | 'menu.show'> {
  return {
    'menu.select': async (ctx, action, deps) => startIntent(ctx, action.intent, deps, intents),
    'menu.show': async (ctx, _action, deps) => sendMenu(ctx, deps),
  };
}
