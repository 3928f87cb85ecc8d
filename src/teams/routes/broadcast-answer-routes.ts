import type { TurnContext } from 'botbuilder';
import type { BroadcastAnswer } from '../../domain/broadcast';
import type { CaseKind } from '../../domain/cases';
import { answerBroadcast } from '../../services/broadcast-service';
import { copyForViewer, recipientCopy } from '../../services/broadcast-view-service';
import { textMessage, type Outcome, type OutcomeHandlers } from '../broadcast/outcome';
import { copyCard } from '../broadcast/recipient-render';
import { buildBroadcastResultCard } from '../cards/broadcast-notice';
import type { BotDeps } from '../deps';
import { intentTitle, t, type Locale } from '../i18n';
import { actingPerson, turnLocale } from '../turn';

// A recipient answers their copy of a broadcast (Action.Execute; Action.Submit as fallback). The
// service re-checks the acting person against the recipient row; a missing broadcast and one they
// did not receive are refused alike, with the same card, and audited. A choice that opens a report
// starts that flow with the broadcast referenced on the draft (and then on the case).

/** Starts a flow for the acting person (routes/flow-routes.ts startFlow, handed in by app.ts). */
export type StartFlow = (ctx: TurnContext, kind: CaseKind, deps: BotDeps) => Promise<void>;

/** The one answer to anyone who has no copy of this broadcast: no title, no sender, nothing. */
function unavailable(locale: Locale): Outcome {
  return {
    replace: buildBroadcastResultCard(t(locale, 'bcard.unavailable'), [], { style: 'default' }),
  };
}

async function ownCopy(db: BotDeps['db'], locale: Locale, broadcastId: string, personId: string) {
  const copy = await recipientCopy(db, broadcastId, personId);
  return copy ? copyCard(locale, copy) : undefined;
}

export function answerOutcomes(
  startFlow: StartFlow,
): Pick<OutcomeHandlers, 'broadcast.answer' | 'broadcast.copy_refresh'> {
  return {
    'broadcast.answer': async (ctx, action, deps) => {
      const person = actingPerson(ctx);
      const locale = turnLocale(ctx);
      const answer: BroadcastAnswer =
        action.answer === 'ack' ? { kind: 'ack' } : { kind: 'choice', index: Number(action.answer) };
      const r = await answerBroadcast(deps.db, deps.clock, {
        actorId: person.id,
        broadcastId: action.broadcastId,
        answer,
      });
      if (!r.ok) {
        deps.logger.warn(
          { personId: person.id, broadcastId: action.broadcastId, reason: r.reason },
          'broadcast answer refused',
        );
        if (r.reason === 'not_recipient') return unavailable(locale);
        const card = await ownCopy(deps.db, locale, action.broadcastId, person.id);
        if (!card) return unavailable(locale);
        const notice = t(
          locale,
          r.reason === 'recalled' ? 'bcard.refused.recalled' : 'bcard.refused.invalid',
        );
        return { replace: card, send: [textMessage(notice)] };
      }
      deps.logger.info(
        { personId: person.id, broadcastId: r.broadcast.id, changed: r.changed, first: r.first },
        'broadcast answered',
      );
      deps.sender?.kick();
      const card = await ownCopy(deps.db, locale, r.broadcast.id, person.id);
      const kind = r.opensReport;
      return {
        ...(card ? { replace: card } : unavailable(locale)),
        ...(kind
          ? {
              after: async () => {
                await ctx.sendActivity(
                  textMessage(
                    t(locale, 'bcard.reportStart', { id: r.broadcast.id, flow: intentTitle(locale, kind) }),
                  ),
                );
                await startFlow(ctx, kind, deps);
              },
            }
          : {}),
      };
    },

    'broadcast.copy_refresh': async (ctx, action, deps) => {
      const person = actingPerson(ctx);
      const locale = turnLocale(ctx);
      const copy = await copyForViewer(deps.db, deps.clock, {
        viewerId: person.id,
        broadcastId: action.broadcastId,
        via: 'refresh',
      });
      return copy ? { replace: copyCard(locale, copy) } : unavailable(locale);
    },
  };
}
