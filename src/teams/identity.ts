import { TurnContext } from 'botbuilder';
import { recordUnknownIdentity } from '../services/access-service';
import { identify, learnServiceUrl, recordConversation } from '../services/conversation-service';
import { buildUnknownUserCard } from './cards';
import { t } from './i18n';
import type { BotDeps } from './deps';
import { cardAttachment } from './send';
import { setActingPerson, setHoldsRole, turnLocale } from './turn';

/**
 * beforeTurn guard: maps `from.aadObjectId` to a directory person. Deny by default: a person not in
 * the directory is told politely to contact the IT administrator, and nothing else happens.
 * It also refreshes the person's conversation reference on every personal-chat activity
 * (serviceUrl can change), which proactive sends rely on, and learns the tenant's service URL from
 * any activity (to create conversations with people who never chatted, teams/reach.ts). Messages
 * waiting for a person who was unreachable are released the moment their reference is stored.
 */
export function identityGuard(deps: BotDeps) {
  return async (ctx: TurnContext): Promise<boolean> => {
    const a = ctx.activity;
    const tenantId = (
      a.conversation?.tenantId ??
      (a.channelData as { tenant?: { id?: string } })?.tenant?.id ??
      ''
    )
      .toString()
      .toLowerCase();
    // The HTTP host admitted only allowed tenants, and in production the adapter checked the
    // token's serviceurl claim: this URL is the tenant's own.
    if (tenantId && a.serviceUrl) {
      const released = await learnServiceUrl(deps.db, deps.clock, {
        tenantId,
        serviceUrl: a.serviceUrl,
        botId: a.recipient?.id ?? null,
      });
      // A way to reach people appeared: everyone who was waiting is tried again.
      if (released > 0) deps.sender?.kick();
    }
    const aad = a.from?.aadObjectId?.toLowerCase();
    const who = aad ? await identify(deps.db, aad) : undefined;
    if (!who) {
      deps.logger.warn(
        { activityId: a.id, type: a.type, aadObjectId: aad ?? null },
        'unknown person refused',
      );
      if (a.type === 'message' || a.type === 'invoke') {
        // Every refusal is audited, this one too: ids only, never what the stranger typed.
        const payload = (
          a.type === 'invoke'
            ? (a.value as { action?: { verb?: unknown; data?: { caseId?: unknown } } } | undefined)?.action
            : undefined
        ) as { verb?: unknown; data?: { caseId?: unknown } } | undefined;
        const submitted =
          a.type === 'message' ? (a.value as { verb?: unknown; caseId?: unknown } | undefined) : undefined;
        const verb = payload?.verb ?? submitted?.verb;
        const caseId = payload?.data?.caseId ?? submitted?.caseId;
        await recordUnknownIdentity(deps.db, deps.clock, {
          aadObjectId: aad ?? null,
          activityType: a.type,
          ...(a.name ? { name: a.name } : {}),
          ...(typeof verb === 'string' ? { verb } : {}),
          ...(typeof caseId === 'string' ? { caseId } : {}),
        });
      }
      if (a.type === 'message') {
        await ctx.sendActivity({ attachments: [cardAttachment(buildUnknownUserCard(turnLocale(ctx)))] });
      } else if (a.type === 'invoke') {
        // A card click from someone not in the directory: answered with an error, nothing else runs.
        await ctx.sendActivity({
          type: 'invokeResponse',
          value: {
            status: 200,
            body: {
              statusCode: 403,
              type: 'application/vnd.microsoft.error',
              value: { code: 'Forbidden', message: t(turnLocale(ctx), 'unknownUser.message') },
            },
          },
        });
      }
      return false;
    }
    const { person } = who;
    setActingPerson(ctx, person);
    setHoldsRole(ctx, who.holdsRole);
    const conversationType = a.conversation?.conversationType;
    if (conversationType === undefined || conversationType === 'personal') {
      const released = await recordConversation(deps.db, deps.clock, {
        person,
        tenantId,
        conversationId: a.conversation.id,
        reference: TurnContext.getConversationReference(a) as Record<string, unknown>,
        locale: a.locale,
      });
      if (released > 0) {
        deps.logger.info(
          { personId: person.id, items: released },
          'waiting messages released: person reachable',
        );
        deps.sender?.kick();
      }
    }
    return true;
  };
}
