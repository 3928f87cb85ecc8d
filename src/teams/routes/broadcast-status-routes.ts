import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { remindNow } from '../../services/broadcast-service';
import { offerBroadcastExport } from '../../services/broadcast-export';
import { listFollowedBroadcasts, recordPostedStatusCard } from '../../services/broadcast-status-service';
import {
  renderNonRespondersCard,
  renderStatusCard,
  resultsUnavailableCard,
} from '../broadcast/status-render';
import { STATUS_EXECUTE_VERBS, STATUS_VERBS } from '../broadcast/status-verbs';
import { CardActionSchema, type CardAction } from '../card-actions';
import type { CardHandlers } from '../card-routes';
import type { AdaptiveCardJson } from '../cards';
import { buildBroadcastExportCard } from '../cards/broadcast-export';
import { buildBroadcastListCard } from '../cards/broadcast-list';
import { REMIND_COOLDOWN_MINUTES } from '../cards/broadcast-status';
import type { BotDeps } from '../deps';
import { t, type Locale } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';

type StatusVerb = (typeof STATUS_VERBS)[keyof typeof STATUS_VERBS];
type StatusAction = Extract<CardAction, { verb: StatusVerb }>;

/**
 * 「通知の状況」: the broadcasts the person may follow (sender, 統括, IT管理者; a section officer for
 * their own sections), newest first. Anyone else is refused, and the refusal is audited.
 */
export async function sendBroadcasts(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const locale = turnLocale(ctx);
  const person = actingPerson(ctx);
  const r = await listFollowedBroadcasts(deps.db, deps.clock, person);
  if (!r.ok) {
    deps.logger.warn({ personId: person.id }, 'broadcast results list refused');
    await ctx.sendActivity(t(locale, 'broadcastResults.listDenied'));
    return;
  }
  await ctx.sendActivity({ attachments: [cardAttachment(buildBroadcastListCard(locale, r.items))] });
}

/** 未回答者に再送 in the actor's scope: the notice to show on the card, or null when refused. */
async function remind(
  ctx: TurnContext,
  deps: BotDeps,
  broadcastId: string,
): Promise<{ ok: true; notice: string } | { ok: false }> {
  const person = actingPerson(ctx);
  const locale = turnLocale(ctx);
  const r = await remindNow(deps.db, deps.clock, { actorId: person.id, broadcastId });
  if (!r.ok) {
    deps.logger.warn({ personId: person.id, broadcastId, reason: r.reason }, 'broadcast remind refused');
    // Only people who may see the broadcast get past the scope check and learn it was recalled.
    return r.reason === 'recalled'
      ? { ok: true, notice: t(locale, 'broadcastResults.recalledNoAction') }
      : { ok: false };
  }
  deps.logger.info({ personId: person.id, broadcastId, reminded: r.reminded }, 'broadcast reminded');
  deps.sender?.kick();
  return {
    ok: true,
    notice:
      r.reminded > 0
        ? t(locale, 'broadcastResults.reminded', { count: r.reminded, officers: r.officersTold })
        : t(locale, 'broadcastResults.remindedNone', { minutes: REMIND_COOLDOWN_MINUTES }),
  };
}

/** Posts the status card in the viewer's chat now, registered so that its updates replace it. */
async function postStatusCard(ctx: TurnContext, deps: BotDeps, broadcastId: string, via: string, page = 0) {
  const person = actingPerson(ctx);
  const locale = turnLocale(ctx);
  const r = await renderStatusCard(deps.db, deps.clock, {
    broadcastId,
    viewerId: person.id,
    locale,
    via,
    page,
  });
  const sent = await ctx.sendActivity({ attachments: [cardAttachment(r.card)] });
  if (r.shown && sent?.id)
    await recordPostedStatusCard(deps.db, deps.clock, {
      viewer: person,
      broadcastId,
      activityId: sent.id,
      conversationId: ctx.activity.conversation.id,
    });
}

async function postNonResponders(ctx: TurnContext, deps: BotDeps, broadcastId: string, page = 0) {
  const person = actingPerson(ctx);
  const locale = turnLocale(ctx);
  const r = await renderNonRespondersCard(deps.db, deps.clock, {
    broadcastId,
    viewerId: person.id,
    locale,
    via: 'nonresponders',
    page,
  });
  await ctx.sendActivity({ attachments: [cardAttachment(r.card)] });
}

/**
 * 「結果を出力」: download links in the viewer's scope, through the bot's download endpoint
 * (deps.exportLinks). The export itself is checked and audited again when the file is fetched.
 */
async function offerExport(ctx: TurnContext, deps: BotDeps, broadcastId: string): Promise<void> {
  const person = actingPerson(ctx);
  const locale: Locale = turnLocale(ctx);
  const r = await offerBroadcastExport(deps.db, deps.clock, { viewerId: person.id, broadcastId });
  if (!r.ok) {
    await ctx.sendActivity({ attachments: [cardAttachment(resultsUnavailableCard(locale))] });
    return;
  }
  if (!deps.exportLinks) {
    await ctx.sendActivity(t(locale, 'broadcastResults.exportUnavailable', { id: broadcastId }));
    return;
  }
  const link = (format: 'csv' | 'xlsx') =>
    deps.exportLinks!.create({ viewerId: person.id, broadcastId, format, locale });
  const [csv, xlsx] = await Promise.all([link('csv'), link('xlsx')]);
  const expiresAt = csv.expiresAt < xlsx.expiresAt ? csv.expiresAt : xlsx.expiresAt;
  await ctx.sendActivity({
    attachments: [
      cardAttachment(
        buildBroadcastExportCard(locale, { broadcastId, csvUrl: csv.url, xlsxUrl: xlsx.url, expiresAt }),
      ),
    ],
  });
}

/**
 * Action.Submit (the list's 開く, the status card's 未回答者一覧 / 結果を出力, and the fallback of
 * the Execute buttons on clients without Universal Actions): each answers with a new message.
 */
export const broadcastStatusCardHandlers: Pick<CardHandlers, StatusVerb> = {
  'broadcast.open': async (ctx, action, deps) => postStatusCard(ctx, deps, action.broadcastId, 'open'),
  'broadcast.status_refresh': async (ctx, action, deps) =>
    postStatusCard(ctx, deps, action.broadcastId, 'click', action.page ?? 0),
  'broadcast.nonresponders': async (ctx, action, deps) =>
    postNonResponders(ctx, deps, action.broadcastId, action.page ?? 0),
  'broadcast.export': async (ctx, action, deps) => offerExport(ctx, deps, action.broadcastId),
  'broadcast.remind': async (ctx, action, deps) => {
    const r = await remind(ctx, deps, action.broadcastId);
    await (r.ok
      ? ctx.sendActivity(r.notice)
      : ctx.sendActivity({ attachments: [cardAttachment(resultsUnavailableCard(turnLocale(ctx)))] }));
  },
};

/** An Action.Execute on a status or non-responder card: answered with that card, as it is now. */
async function executeStatusVerb(
  ctx: TurnContext,
  deps: BotDeps,
  action: StatusAction,
): Promise<AdaptiveCardJson> {
  const person = actingPerson(ctx);
  const locale = turnLocale(ctx);
  const automatic = (ctx.activity.value as { trigger?: unknown } | undefined)?.trigger === 'automatic';
  const base = { broadcastId: action.broadcastId, viewerId: person.id, locale };
  switch (action.verb) {
    case 'broadcast.status_refresh':
      return (
        await renderStatusCard(deps.db, deps.clock, {
          ...base,
          via: automatic ? 'refresh' : 'click',
          page: action.page ?? 0,
        })
      ).card;
    case 'broadcast.nonresponders':
      return (
        await renderNonRespondersCard(deps.db, deps.clock, {
          ...base,
          via: automatic ? 'refresh' : 'click',
          page: action.page ?? 0,
        })
      ).card;
    case 'broadcast.remind': {
      const r = await remind(ctx, deps, action.broadcastId);
      if (!r.ok) return resultsUnavailableCard(locale);
      const req = { ...base, via: 'click', notice: r.notice };
      return action.view === 'nonresponders'
        ? (await renderNonRespondersCard(deps.db, deps.clock, req)).card
        : (await renderStatusCard(deps.db, deps.clock, req)).card;
    }
    default:
      // Not an Execute verb of these cards (they post a new message): the status card again.
      return (await renderStatusCard(deps.db, deps.clock, { ...base, via: 'click' })).card;
  }
}

async function sendInvokeResponse(ctx: TurnContext, body: unknown): Promise<void> {
  await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
}

function executeVerb(ctx: TurnContext): string | undefined {
  const a = ctx.activity;
  if (a.type !== 'invoke' || a.name !== 'adaptiveCard/action') return undefined;
  const verb = (a.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' ? verb : undefined;
}

/** Universal Actions of the status and non-responder cards (registered before the case cards'). */
export function registerBroadcastStatusRoutes(app: Application<TurnState>, deps: BotDeps): void {
  app.addRoute(
    async (ctx) => STATUS_EXECUTE_VERBS.includes(executeVerb(ctx) ?? ''),
    async (ctx) => {
      const action = (ctx.activity.value as { action?: { verb?: unknown; data?: unknown } }).action;
      const data =
        action?.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
      const parsed = CardActionSchema.safeParse({ ...data, verb: action?.verb });
      if (!parsed.success || !STATUS_EXECUTE_VERBS.includes(parsed.data.verb)) {
        await sendInvokeResponse(ctx, {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: t(turnLocale(ctx), 'error.invalidAction') },
        });
        return;
      }
      const card = await executeStatusVerb(ctx, deps, parsed.data as StatusAction);
      await sendInvokeResponse(ctx, {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: card,
      });
    },
    true,
  );
}
