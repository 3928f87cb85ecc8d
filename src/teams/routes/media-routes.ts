// 「媒体の記録」 (8(3)②アイオ): the overview card, the forms, and one-click permission of a disposal.
// Thin handlers: each parses ids, calls one service with the acting `from.aadObjectId` (the service
// reloads the person and the record and audits every refusal), and renders.
import type { TurnContext } from 'botbuilder';
import { mediaFormFields, type MediaForm } from '../../domain/media';
import {
  decideDisposal,
  discardMediaDraft,
  mediaOverview,
  openMediaForm,
  submitMediaForm,
} from '../../services/media-service';
import type { CardHandlers } from '../card-routes';
import { answersFromSubmit } from '../cards/answers';
import { buildMediaFormCard, buildMediaMenuCard } from '../cards/media';
import type { BotDeps } from '../deps';
import { t, type Msg } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';

function actorAad(ctx: TurnContext): string {
  return (ctx.activity.from?.aadObjectId ?? '').toLowerCase();
}

/** The 「媒体の記録」 card for the acting person (what they keep, decide and still have to record). */
export async function sendMediaMenu(ctx: TurnContext, deps: BotDeps, lead?: Msg): Promise<void> {
  const overview = await mediaOverview(deps.db, actorAad(ctx));
  // The identity guard let only directory people through; a person removed meanwhile sees nothing.
  if (!overview) return void (await ctx.sendActivity(t(turnLocale(ctx), 'media.denied.not_found')));
  await ctx.sendActivity({
    attachments: [cardAttachment(buildMediaMenuCard(turnLocale(ctx), overview, lead))],
  });
}

async function sendForm(ctx: TurnContext, deps: BotDeps, form: MediaForm, recordId: string): Promise<void> {
  const r = await openMediaForm(deps.db, deps.clock, { actorAadObjectId: actorAad(ctx), form, recordId });
  if (!r.ok) return void (await ctx.sendActivity(t(turnLocale(ctx), r.message)));
  await ctx.sendActivity({ attachments: [cardAttachment(buildMediaFormCard(turnLocale(ctx), r.view))] });
}

const DONE: Readonly<
  Record<
    MediaForm,
    'media.done.recorded' | 'media.done.requested' | 'media.done.erased' | 'media.done.disposed'
  >
> = {
  handover: 'media.done.recorded',
  storage: 'media.done.recorded',
  disposal_request: 'media.done.requested',
  erasure: 'media.done.erased',
  disposal_record: 'media.done.disposed',
};

export const mediaCardHandlers: Pick<
  CardHandlers,
  'media.open' | 'media.form' | 'media.submit' | 'media.discard' | 'media.permit' | 'media.refuse'
> = {
  'media.open': async (ctx, _action, deps) => sendMediaMenu(ctx, deps),
  'media.form': async (ctx, action, deps) => sendForm(ctx, deps, action.form, action.recordId ?? ''),
  'media.submit': async (ctx, action, deps) => {
    const locale = turnLocale(ctx);
    // Only the form's own inputs are read (every field any of its variants may carry).
    const fields = mediaFormFields(action.form, []);
    const answers = answersFromSubmit(action as Record<string, unknown>, fields);
    const r = await submitMediaForm(deps.db, deps.clock, {
      actorAadObjectId: actorAad(ctx),
      form: action.form,
      recordId: action.recordId ?? '',
      answers,
    });
    if (!r.ok && r.reason === 'invalid') {
      await ctx.sendActivity({ attachments: [cardAttachment(buildMediaFormCard(locale, r.view))] });
      return;
    }
    if (!r.ok) return void (await ctx.sendActivity(t(locale, r.message)));
    deps.logger.info(
      { personId: actingPerson(ctx).id, recordId: r.record.id, form: action.form },
      'media recorded',
    );
    deps.sender?.kick();
    await sendMediaMenu(ctx, deps, { key: DONE[action.form], params: { id: r.record.id } });
  },
  'media.discard': async (ctx, action, deps) => {
    const gone = await discardMediaDraft(deps.db, deps.clock, {
      actorAadObjectId: actorAad(ctx),
      form: action.form,
      recordId: action.recordId ?? '',
    });
    await sendMediaMenu(ctx, deps, { key: gone ? 'media.done.discarded' : 'media.done.nothing_discarded' });
  },
  'media.permit': async (ctx, action, deps) => decide(ctx, deps, action.recordId, 'permit'),
  'media.refuse': async (ctx, action, deps) => decide(ctx, deps, action.recordId, 'refuse'),
};

async function decide(ctx: TurnContext, deps: BotDeps, recordId: string, outcome: 'permit' | 'refuse') {
  const locale = turnLocale(ctx);
  const r = await decideDisposal(deps.db, deps.clock, { actorAadObjectId: actorAad(ctx), recordId, outcome });
  if (!r.ok) return void (await ctx.sendActivity(t(locale, r.message)));
  deps.sender?.kick();
  await ctx.sendActivity(
    t(locale, outcome === 'permit' ? 'media.done.permitted' : 'media.done.refused', { id: r.record.id }),
  );
}
