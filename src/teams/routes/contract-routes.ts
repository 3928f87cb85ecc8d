// 「委託契約」 (12(1)③): the section's contracts, the registration form, and 作業終了 (which opens the
// 12(1)③ケ duty now). Thin handlers: each calls one service with the acting `from.aadObjectId` (the
// service reloads the person from the directory and audits every refusal), then renders.
import type { TurnContext } from 'botbuilder';
import { contractFormFields } from '../../domain/contracts';
import {
  contractOverview,
  discardContractDraft,
  endContractNow,
  openContractForm,
  submitContractForm,
} from '../../services/contract-service';
import type { CardHandlers } from '../card-routes';
import { answersFromSubmit } from '../cards/answers';
import { buildContractFormCard, buildContractListCard } from '../cards/contracts';
import type { BotDeps } from '../deps';
import { msg, t, type Msg } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';

const actorAad = (ctx: TurnContext): string => (ctx.activity.from?.aadObjectId ?? '').toLowerCase();

export async function sendContracts(ctx: TurnContext, deps: BotDeps, lead?: Msg): Promise<void> {
  const locale = turnLocale(ctx);
  const r = await contractOverview(deps.db, deps.clock, actorAad(ctx));
  if (!r.ok) return void (await ctx.sendActivity(t(locale, r.message)));
  await ctx.sendActivity({ attachments: [cardAttachment(buildContractListCard(locale, r.view, lead))] });
}

export const contractCardHandlers: Pick<
  CardHandlers,
  'contract.open' | 'contract.form' | 'contract.submit' | 'contract.discard' | 'contract.end'
> = {
  'contract.open': async (ctx, _action, deps) => sendContracts(ctx, deps),
  'contract.form': async (ctx, _action, deps) => {
    const locale = turnLocale(ctx);
    const r = await openContractForm(deps.db, deps.clock, actorAad(ctx));
    if (!r.ok) return void (await ctx.sendActivity(t(locale, r.message)));
    await ctx.sendActivity({ attachments: [cardAttachment(buildContractFormCard(locale, r.view))] });
  },
  'contract.submit': async (ctx, action, deps) => {
    const locale = turnLocale(ctx);
    // Only the form's own inputs are read; the section choice is re-checked by the service.
    const answers = answersFromSubmit(action as Record<string, unknown>, contractFormFields([]));
    const r = await submitContractForm(deps.db, deps.clock, { actorAadObjectId: actorAad(ctx), answers });
    if (!r.ok && r.reason === 'invalid')
      return void (await ctx.sendActivity({
        attachments: [cardAttachment(buildContractFormCard(locale, r.view))],
      }));
    if (!r.ok) return void (await ctx.sendActivity(t(locale, r.message)));
    deps.logger.info({ personId: actingPerson(ctx).id, contractId: r.contract.id }, 'contract registered');
    await sendContracts(ctx, deps, msg('contract.done.registered', { id: r.contract.id }));
  },
  'contract.discard': async (ctx, _action, deps) => {
    const r = await discardContractDraft(deps.db, deps.clock, actorAad(ctx));
    if (!r.ok) return void (await ctx.sendActivity(t(turnLocale(ctx), r.message)));
    await sendContracts(
      ctx,
      deps,
      msg(r.discarded ? 'contract.done.discarded' : 'contract.done.nothing_discarded'),
    );
  },
  'contract.end': async (ctx, action, deps) => {
    const r = await endContractNow(deps.db, deps.clock, {
      actorAadObjectId: actorAad(ctx),
      contractId: action.contractId,
      ...(deps.contractEndDueDays === undefined ? {} : { dueDays: deps.contractEndDueDays }),
    });
    if (!r.ok) return void (await ctx.sendActivity(t(turnLocale(ctx), r.message)));
    deps.logger.info({ personId: actingPerson(ctx).id, contractId: r.contract.id }, 'contract ended');
    await sendContracts(
      ctx,
      deps,
      msg('contract.done.ended', { id: r.contract.id, dutyId: r.duty?.id ?? '—' }),
    );
  },
};
