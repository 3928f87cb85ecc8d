import { ActivityEventNames, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { DeliveryGate } from '../services/delivery-gate';

/** Outgoing activity types that never become a request to the connector. */
const NOT_SENT = new Set(['invokeResponse', 'trace', 'delay']);

/**
 * Replies and card updates within a person's turn count against the tenant's budget like any other
 * request (Teams counts every request), but they never wait for it: nobody makes a staff member wait
 * behind a broadcast. They are debited after the fact, so the sender's next requests wait for them
 * and the tenant stays within its rate. Proactive turns (the sender's own continueConversation and
 * createConversation) are not counted here: the sender took their tokens before sending.
 */
export function replyBudget(gate: DeliveryGate, logger: Logger): Middleware {
  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      const a = ctx.activity;
      const proactive =
        a.type === 'event' &&
        (a.name === ActivityEventNames.ContinueConversation ||
          a.name === ActivityEventNames.CreateConversation);
      const tenantId =
        a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
      if (!proactive && tenantId) {
        const count = (n: number) => {
          if (n > 0)
            gate.debit(tenantId, n).catch((err: unknown) => {
              logger.warn({ err: (err as Error).message }, 'rate budget: a reply could not be debited');
            });
        };
        ctx.onSendActivities(async (_c, activities, send) => {
          count(activities.filter((x) => !NOT_SENT.has(x.type ?? 'message')).length);
          return send();
        });
        ctx.onUpdateActivity(async (_c, _activity, update) => {
          count(1);
          return update();
        });
      }
      await next();
    },
  };
}
