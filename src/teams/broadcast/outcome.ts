// One shape for what a broadcast click does, answered the way it came: an Action.Execute invoke gets
// the card that replaces the clicked one (or a short message, leaving it as it is), an Action.Submit
// updates the clicked message in place. New messages (a form, the preview, a report form) are sent
// into the chat either way. Handlers parse, call one service and render; nothing else.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Activity, TurnContext } from 'botbuilder';
import { CardActionSchema, type CardAction } from '../card-actions';
import type { CardHandler, CardHandlers } from '../card-routes';
import type { AdaptiveCardJson } from '../cards';
import type { BotDeps } from '../deps';
import { t } from '../i18n';
import { cardAttachment } from '../send';
import { turnLocale } from '../turn';
import { BROADCAST_VERBS, type BroadcastVerb } from './verbs';

export interface Outcome {
  /** Replaces the clicked card. */
  replace?: AdaptiveCardJson;
  /** Sent into the chat as new messages, in order. */
  send?: Array<Partial<Activity>>;
  /** An invoke with nothing to replace answers with this message (Teams shows it briefly). */
  toast?: string;
  /** Runs after the click is answered (e.g. a report form the answer opens). */
  after?: () => Promise<void>;
}

export type BroadcastAction<V extends BroadcastVerb> = Extract<CardAction, { verb: V }>;
export type OutcomeHandler<V extends BroadcastVerb> = (
  ctx: TurnContext,
  action: BroadcastAction<V>,
  deps: BotDeps,
) => Promise<Outcome>;
/** One handler per broadcast verb: a verb without one does not compile. */
export type OutcomeHandlers = { [V in BroadcastVerb]: OutcomeHandler<V> };

export const cardMessage = (card: AdaptiveCardJson): Partial<Activity> => ({
  attachments: [cardAttachment(card)],
});
/** Text that may quote what someone typed: never read as Markdown. */
export const textMessage = (text: string): Partial<Activity> => ({ text, textFormat: 'plain' });

const VERBS: readonly string[] = Object.values(BROADCAST_VERBS);

function isBroadcastExecute(ctx: TurnContext): boolean {
  const a = ctx.activity;
  if (a.type !== 'invoke' || a.name !== 'adaptiveCard/action') return false;
  const verb = (a.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' && VERBS.includes(verb);
}

async function invokeResponse(ctx: TurnContext, body: unknown): Promise<void> {
  await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
}

/** Universal Actions of the broadcast cards (`adaptiveCard/action` with a broadcast verb). */
export function registerBroadcastInvokeRoutes(
  app: Application<TurnState>,
  deps: BotDeps,
  handlers: OutcomeHandlers,
): void {
  app.addRoute(
    async (ctx) => isBroadcastExecute(ctx),
    async (ctx) => {
      const action = (ctx.activity.value as { action?: { verb?: unknown; data?: unknown } }).action;
      const data =
        action?.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
      const parsed = CardActionSchema.safeParse({ ...data, verb: action?.verb });
      if (!parsed.success || !VERBS.includes(parsed.data.verb)) {
        deps.logger.warn({ activityId: ctx.activity.id }, 'invalid broadcast action');
        await invokeResponse(ctx, {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: t(turnLocale(ctx), 'error.invalidAction') },
        });
        return;
      }
      const verb = parsed.data.verb as BroadcastVerb;
      const handler = handlers[verb] as OutcomeHandler<BroadcastVerb>;
      const outcome = await handler(ctx, parsed.data as never, deps);
      for (const m of outcome.send ?? []) await ctx.sendActivity(m);
      await invokeResponse(
        ctx,
        outcome.replace
          ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: outcome.replace }
          : {
              statusCode: 200,
              type: 'application/vnd.microsoft.activity.message',
              value: outcome.toast ?? '',
            },
      );
      await outcome.after?.();
    },
    true,
  );
}

/** The same handlers for Action.Submit (the fallback, and the forms): the clicked card is updated. */
export function submitHandlers(handlers: OutcomeHandlers): Pick<CardHandlers, BroadcastVerb> {
  const wrap =
    <V extends BroadcastVerb>(h: OutcomeHandler<V>): CardHandler<V> =>
    async (ctx, action, deps) => {
      const outcome = await h(ctx, action as BroadcastAction<V>, deps);
      if (outcome.replace) {
        const activity = cardMessage(outcome.replace);
        let updated = false;
        if (ctx.activity.replyToId) {
          try {
            await ctx.updateActivity({ ...activity, type: 'message', id: ctx.activity.replyToId });
            updated = true;
          } catch {
            // Some clients cannot update; the card comes as a new message instead.
          }
        }
        if (!updated) await ctx.sendActivity(activity);
      }
      for (const m of outcome.send ?? []) await ctx.sendActivity(m);
      if (!outcome.replace && !outcome.send?.length && outcome.toast)
        await ctx.sendActivity(textMessage(outcome.toast));
      await outcome.after?.();
    };
  return Object.fromEntries(
    Object.entries(handlers).map(([verb, h]) => [verb, wrap(h as OutcomeHandler<BroadcastVerb>)]),
  ) as unknown as Pick<CardHandlers, BroadcastVerb>;
}
