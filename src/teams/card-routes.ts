import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { CardActionSchema, type CardAction, type CardVerb } from './card-actions';
import type { BotDeps } from './deps';
import { t } from './i18n';
import { turnLocale } from './turn';

export type CardHandler<V extends CardVerb> = (
  ctx: TurnContext,
  action: Extract<CardAction, { verb: V }>,
  deps: BotDeps,
) => Promise<void>;

/** Exactly one handler per verb: the compiler refuses a verb without a route. */
export type CardHandlers = { [V in CardVerb]: CardHandler<V> };

function isSubmit(ctx: TurnContext): boolean {
  const a = ctx.activity;
  return a.type === 'message' && typeof a.value === 'object' && a.value !== null && !a.text;
}

/**
 * One route for every Action.Submit: the payload is parsed by the single discriminated union and
 * dispatched by verb. Anything that does not parse is refused with a Japanese message; card data is
 * never trusted beyond ids (handlers reload from storage and check the acting person).
 */
export function registerCardRoutes(app: Application<TurnState>, deps: BotDeps, handlers: CardHandlers): void {
  app.message(
    async (ctx) => isSubmit(ctx),
    async (ctx) => {
      const parsed = CardActionSchema.safeParse(ctx.activity.value);
      if (!parsed.success) {
        deps.logger.warn({ activityId: ctx.activity.id }, 'invalid card payload');
        await ctx.sendActivity(t(turnLocale(ctx), 'error.invalidAction'));
        return;
      }
      const action = parsed.data;
      const handler = handlers[action.verb] as CardHandler<typeof action.verb>;
      await handler(ctx, action as never, deps);
    },
  );
}
