import { BODY_MAX, TITLE_MAX } from '../../domain/broadcast';
import { cleanText, cutText } from '../../domain/text';
import { msg } from '../../i18n';
import { correctBroadcast, recallBroadcast } from '../../services/broadcast-service';
import { manageView } from '../../services/broadcast-view-service';
import { cardMessage, type Outcome, type OutcomeHandlers } from '../broadcast/outcome';
import { buildBroadcastCorrectCard } from '../cards/broadcast-correct';
import { shownTitle } from '../cards/broadcast-message';
import { buildBroadcastResultCard, buildRecallConfirmCard } from '../cards/broadcast-notice';
import type { BotDeps } from '../deps';
import { t, type Locale, type Msg } from '../i18n';
import { actingPerson, turnLocale } from '../turn';

// 訂正 / 取消 of a sent broadcast, from the sender's cards (the status card imports the verbs):
// a correction form prefilled from storage, a recall that asks first. Only the sender, 統括 and
// IT管理者 may (domain mayManageBroadcast); everyone else is refused alike and audited by the service.

function refusal(locale: Locale, reason: 'not_allowed' | 'recalled' | 'stale' | string): Outcome {
  const key =
    reason === 'recalled'
      ? 'bmanage.recalledAlready'
      : reason === 'stale'
        ? 'bmanage.stale'
        : 'bmanage.denied';
  return {
    replace: buildBroadcastResultCard(t(locale, key), [], { style: 'warning' }),
    toast: t(locale, key),
  };
}

/** 訂正 / 取消 from another card: the form comes as a new message, the clicked card stays. */
function opened(card: Parameters<typeof cardMessage>[0], toast: string): Outcome {
  return { send: [cardMessage(card)], toast };
}

function typed(payload: Record<string, unknown>, key: 'title' | 'body', max: number) {
  const raw = cleanText(typeof payload[key] === 'string' ? payload[key] : '');
  const label = msg(`bcompose.field.${key}`);
  const error: Msg | undefined =
    raw.trim() === ''
      ? msg('form.error.required', { label })
      : raw.length > max
        ? msg('form.error.tooLong', { label, max, length: raw.length })
        : undefined;
  return { value: cutText(raw, max), error };
}

export const manageOutcomes: Pick<
  OutcomeHandlers,
  'broadcast.correct_open' | 'broadcast.correct_submit' | 'broadcast.recall' | 'broadcast.recall_confirm'
> = {
  'broadcast.correct_open': async (ctx, action, deps) => {
    const locale = turnLocale(ctx);
    const v = await manageView(deps.db, deps.clock, {
      actorId: actingPerson(ctx).id,
      broadcastId: action.broadcastId,
      action: 'correct',
    });
    if (!v.ok)
      return { toast: t(locale, v.reason === 'recalled' ? 'bmanage.recalledAlready' : 'bmanage.denied') };
    const b = v.broadcast;
    return opened(
      buildBroadcastCorrectCard(locale, {
        broadcastId: b.id,
        version: b.version,
        title: b.title,
        body: b.body,
      }),
      t(locale, 'bmanage.correct.opened'),
    );
  },

  'broadcast.correct_submit': async (ctx, action, deps: BotDeps) => {
    const person = actingPerson(ctx);
    const locale = turnLocale(ctx);
    const payload = action as Record<string, unknown>;
    const title = typed(payload, 'title', TITLE_MAX);
    const body = typed(payload, 'body', BODY_MAX);
    if (title.error || body.error)
      return {
        replace: buildBroadcastCorrectCard(locale, {
          broadcastId: action.broadcastId,
          version: action.version,
          title: title.value,
          body: body.value,
          errors: {
            ...(title.error ? { title: title.error } : {}),
            ...(body.error ? { body: body.error } : {}),
          },
        }),
      };
    const r = await correctBroadcast(deps.db, deps.clock, {
      actorId: person.id,
      broadcastId: action.broadcastId,
      version: action.version,
      title: title.value,
      body: body.value,
    });
    if (!r.ok) {
      deps.logger.warn(
        { personId: person.id, broadcastId: action.broadcastId, reason: r.reason },
        'broadcast correction refused',
      );
      return refusal(locale, r.reason);
    }
    deps.logger.info(
      { personId: person.id, broadcastId: r.broadcast.id, revision: r.broadcast.revision },
      'broadcast corrected',
    );
    deps.sender?.kick();
    return {
      replace: buildBroadcastResultCard(
        t(locale, 'bmanage.correct.title', { id: r.broadcast.id }),
        [t(locale, 'bmanage.correct.done', { revision: r.broadcast.revision, count: r.updated })],
        { quote: shownTitle(locale, r.broadcast) },
      ),
    };
  },

  'broadcast.recall': async (ctx, action, deps) => {
    const locale = turnLocale(ctx);
    const v = await manageView(deps.db, deps.clock, {
      actorId: actingPerson(ctx).id,
      broadcastId: action.broadcastId,
      action: 'recall',
    });
    if (!v.ok)
      return { toast: t(locale, v.reason === 'recalled' ? 'bmanage.recalledAlready' : 'bmanage.denied') };
    return opened(
      buildRecallConfirmCard(locale, v.broadcast, v.delivered),
      t(locale, 'bmanage.recall.opened'),
    );
  },

  'broadcast.recall_confirm': async (ctx, action, deps) => {
    const person = actingPerson(ctx);
    const locale = turnLocale(ctx);
    const r = await recallBroadcast(deps.db, deps.clock, {
      actorId: person.id,
      broadcastId: action.broadcastId,
      version: action.version,
    });
    if (!r.ok) {
      deps.logger.warn(
        { personId: person.id, broadcastId: action.broadcastId, reason: r.reason },
        'broadcast recall refused',
      );
      return refusal(locale, r.reason);
    }
    deps.logger.info({ personId: person.id, broadcastId: r.broadcast.id }, 'broadcast recalled');
    deps.sender?.kick();
    return {
      replace: buildBroadcastResultCard(
        t(locale, 'bmanage.recall.title', { id: r.broadcast.id }),
        [t(locale, 'bmanage.recall.done', { updated: r.updated, cancelled: r.cancelled })],
        { quote: shownTitle(locale, r.broadcast) },
      ),
    };
  },
};
