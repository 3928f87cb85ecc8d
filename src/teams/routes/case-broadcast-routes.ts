// Broadcasts from a case card and the recurrence steps (12(4)⑤, 12(5)②エ, 12(5)③), and 統括's view
// of who relayed a revised standard (14(5) → 14(6)). Handlers parse, call one service and render the
// case card again from storage (the service re-checks who clicks and audits every refusal).
import type { TurnContext } from 'botbuilder';
import type { Citation } from '../../domain/articles';
import { answerRate } from '../../domain/case-broadcasts';
import type { Localized } from '../../domain/cases';
import { cleanText } from '../../domain/text';
import { msg, storedText } from '../../i18n';
import { prepareCaseBroadcast, recurrenceStep, relayStatus } from '../../services/case-broadcast-service';
import { previewView } from '../../services/broadcast-view-service';
import { cardMessage, type Outcome, type OutcomeHandlers } from '../broadcast/outcome';
import { previewCard } from '../broadcast/preview-card';
import { renderCard } from '../cards';
import { caseUnavailableCard, renderCaseCard } from '../case-view';
import { basis } from '../citation';
import type { BotDeps } from '../deps';
import { t } from '../i18n';
import { actingPerson, turnLocale } from '../turn';

type CaseVerb =
  | 'broadcast.case_officers'
  | 'broadcast.case_all_staff'
  | 'broadcast.recurrence_record'
  | 'broadcast.recurrence_agree'
  | 'broadcast.recurrence_notify';

/** The case card for the clicker, with a notice on top; the unavailable card when not theirs to see. */
async function caseCard(
  ctx: TurnContext,
  deps: BotDeps,
  caseId: string,
  notice: Localized,
): Promise<Outcome> {
  const r = await renderCaseCard(deps.db, deps.clock, {
    caseId,
    viewerId: actingPerson(ctx).id,
    locale: turnLocale(ctx),
    via: 'click',
    notice,
  });
  return { replace: r.card };
}

type RefusalKey = Extract<Parameters<typeof msg>[0], `casebc.refusal.${string}`>;

/** The refusal with what the step rests on, in the clicker's language. */
function refused(ctx: TurnContext, reason: string, article: Citation): Localized {
  const locale = turnLocale(ctx);
  const text = t(locale, 'casebc.refused', { reason: msg(`casebc.refusal.${reason}` as RefusalKey) });
  return storedText(`${text} ${basis(locale, article)}`);
}

async function prepare(
  ctx: TurnContext,
  deps: BotDeps,
  caseId: string,
  purpose: 'officer_alert' | 'cyber_emergency',
): Promise<Outcome> {
  const r = await prepareCaseBroadcast(deps.db, deps.clock, {
    actorId: actingPerson(ctx).id,
    caseId,
    purpose,
  });
  const article: Citation = purpose === 'officer_alert' ? '12(4)⑤' : '12(5)②エ';
  if (!r.ok) {
    deps.logger.info({ caseId, reason: r.reason, purpose }, 'case broadcast refused');
    if (r.reason === 'not_found') return { replace: caseUnavailableCard(turnLocale(ctx)) };
    return caseCard(ctx, deps, caseId, refused(ctx, r.reason, article));
  }
  deps.sender?.kick();
  return caseCard(
    ctx,
    deps,
    caseId,
    msg(r.created ? 'casebc.prepared' : 'casebc.preparedAlready', {
      id: r.broadcast.id,
      name: r.itAdminName,
    }),
  );
}

const str = (v: unknown): string => (typeof v === 'string' ? cleanText(v) : '');

export const caseBroadcastOutcomes: Pick<OutcomeHandlers, CaseVerb | 'broadcast.relay_status'> = {
  'broadcast.case_officers': (ctx, action, deps) => prepare(ctx, deps, action.caseId, 'officer_alert'),
  'broadcast.case_all_staff': (ctx, action, deps) => prepare(ctx, deps, action.caseId, 'cyber_emergency'),

  'broadcast.recurrence_record': async (ctx, action, deps) => {
    const payload = action as Record<string, unknown>;
    const r = await recurrenceStep(deps.db, deps.clock, {
      actorId: actingPerson(ctx).id,
      caseId: action.caseId,
      step: 'record',
      analysis: str(payload.recurrence_analysis),
      measures: str(payload.recurrence_measures),
    });
    if (!r.ok && r.reason === 'not_found') return { replace: caseUnavailableCard(turnLocale(ctx)) };
    if (r.ok) deps.sender?.kick();
    return caseCard(
      ctx,
      deps,
      action.caseId,
      r.ok ? msg('casebc.recurrence.recorded') : refused(ctx, r.reason, '12(5)③'),
    );
  },

  'broadcast.recurrence_agree': async (ctx, action, deps) => {
    const r = await recurrenceStep(deps.db, deps.clock, {
      actorId: actingPerson(ctx).id,
      caseId: action.caseId,
      step: 'agree',
    });
    if (!r.ok && r.reason === 'not_found') return { replace: caseUnavailableCard(turnLocale(ctx)) };
    if (r.ok) deps.sender?.kick();
    return caseCard(
      ctx,
      deps,
      action.caseId,
      r.ok ? msg('casebc.recurrence.agreed') : refused(ctx, r.reason, '12(5)③'),
    );
  },

  'broadcast.recurrence_notify': async (ctx, action, deps) => {
    const person = actingPerson(ctx);
    const locale = turnLocale(ctx);
    const r = await recurrenceStep(deps.db, deps.clock, {
      actorId: person.id,
      caseId: action.caseId,
      step: 'notify',
    });
    if (!r.ok && r.reason === 'not_found') return { replace: caseUnavailableCard(locale) };
    if (!r.ok || !r.broadcast)
      return caseCard(ctx, deps, action.caseId, refused(ctx, r.ok ? 'not_agreed' : r.reason, '12(5)③'));
    const p = await previewView(deps.db, deps.clock, { actorId: person.id, broadcastId: r.broadcast.id });
    const out = await caseCard(
      ctx,
      deps,
      action.caseId,
      msg('casebc.recurrence.noticePrepared', { id: r.broadcast.id }),
    );
    if (!p.ok || p.broadcast.status !== 'draft') return out;
    return { ...out, send: [cardMessage(previewCard(locale, p, { kind: 'draft' }))] };
  },

  'broadcast.relay_status': async (ctx, action, deps) => {
    const locale = turnLocale(ctx);
    const r = await relayStatus(deps.db, deps.clock, {
      actorId: actingPerson(ctx).id,
      broadcastId: action.broadcastId,
    });
    if (!r.ok) return { toast: t(locale, 'casebc.relay.denied') };
    const lines = r.rows.map((row) =>
      t(locale, 'casebc.relay.line', {
        section: row.sectionName,
        officer: row.officerName,
        ack: t(locale, row.acknowledged ? 'casebc.relay.acknowledged' : 'casebc.relay.notAcknowledged'),
        relay: row.relay
          ? row.relay.status === 'draft'
            ? t(locale, 'casebc.relay.draft', { id: row.relay.id })
            : t(locale, 'casebc.relay.sent', {
                id: row.relay.id,
                answered: row.relay.answered,
                targeted: row.relay.targeted,
                percent: answerRate(row.relay.answered, row.relay.targeted) ?? 0,
              })
          : t(locale, 'casebc.relay.none'),
      }),
    );
    const card = renderCard('notice', {
      title: t(locale, 'casebc.relay.title', { id: r.broadcast.id }),
      text: lines.length > 0 ? lines.join('\n\n') : t(locale, 'casebc.relay.empty'),
      basis: basis(locale, ['14(5)', '14(6)']),
      buttons: [],
    });
    return { send: [cardMessage(card)], toast: t(locale, 'casebc.relay.title', { id: r.broadcast.id }) };
  },
};
