// 定期業務: 「今月の定期業務」, a duty's card, and recording its completion on the card. Thin
// handlers: each parses ids, calls one service with the acting `from.aadObjectId` (the service
// reloads the person and the duty and audits every refusal), and renders.
import type { TurnContext } from 'botbuilder';
import { dutiesThisMonth, dutyFieldsOf, submitDuty, viewDuty } from '../../services/duty-service';
import type { CardHandlers } from '../card-routes';
import { answersFromSubmit } from '../cards/answers';
import { buildDutyCard, buildDutyMonthCard } from '../cards/duty';
import type { BotDeps } from '../deps';
import { t } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';

function actorAad(ctx: TurnContext): string {
  return (ctx.activity.from?.aadObjectId ?? '').toLowerCase();
}

/** 「今月の定期業務」 for officers and deputies (their sections) and 統括 (all); others are refused. */
export async function sendDutiesThisMonth(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const locale = turnLocale(ctx);
  const r = await dutiesThisMonth(deps.db, deps.clock, actorAad(ctx));
  if (!r.ok) return void (await ctx.sendActivity(t(locale, r.message)));
  await ctx.sendActivity({
    attachments: [cardAttachment(buildDutyMonthCard(locale, r.month, deps.clock.now()))],
  });
}

async function sendDuty(ctx: TurnContext, deps: BotDeps, dutyId: string): Promise<void> {
  const locale = turnLocale(ctx);
  const r = await viewDuty(deps.db, deps.clock, {
    dutyId,
    viewer: { aadObjectId: actorAad(ctx) },
    via: 'card',
  });
  if (!r.ok) return void (await ctx.sendActivity(t(locale, r.message)));
  await ctx.sendActivity({ attachments: [cardAttachment(buildDutyCard(locale, r.view, deps.clock.now()))] });
}

async function submit(
  ctx: TurnContext,
  deps: BotDeps,
  value: Record<string, unknown>,
  dutyId: string,
  mode: 'save' | 'complete',
) {
  const locale = turnLocale(ctx);
  // Only the form's own inputs are read: the fields of the duty's kind (the id says which).
  const answers = answersFromSubmit(value, await dutyFieldsOf(deps.db, dutyId));
  const r = await submitDuty(deps.db, deps.clock, { actorAadObjectId: actorAad(ctx), dutyId, answers, mode });
  const now = deps.clock.now();
  if (!r.ok && 'view' in r) {
    const lead = r.reason === 'saved' ? t(locale, 'duty.saved') : t(locale, 'duty.invalid');
    await ctx.sendActivity({ attachments: [cardAttachment(buildDutyCard(locale, r.view, now, { lead }))] });
    return;
  }
  if (!r.ok) return void (await ctx.sendActivity(t(locale, r.message)));
  deps.logger.info({ personId: actingPerson(ctx).id, dutyId, reported: r.reported.length }, 'duty completed');
  deps.sender?.kick();
  await ctx.sendActivity(
    t(locale, r.reported.length > 0 ? 'duty.done_reported' : 'duty.done', { id: r.duty.id }),
  );
}

export const dutyCardHandlers: Pick<CardHandlers, 'duty.open' | 'duty.complete' | 'duty.save'> = {
  'duty.open': async (ctx, action, deps) => sendDuty(ctx, deps, action.dutyId),
  'duty.complete': async (ctx, action, deps) =>
    submit(ctx, deps, action as Record<string, unknown>, action.dutyId, 'complete'),
  'duty.save': async (ctx, action, deps) =>
    submit(ctx, deps, action as Record<string, unknown>, action.dutyId, 'save'),
};
