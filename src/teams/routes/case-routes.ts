import type { TurnContext } from 'botbuilder';
import { cancelCase, listMyCases } from '../../services/case-service';
import { confirmReturn } from '../../services/reminder-service';
import type { CardHandlers } from '../card-routes';
import { withCitation } from '../citation';
import type { BotDeps } from '../deps';
import { t } from '../i18n';
import { buildMyCasesCard } from '../form-card';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';
import { msg } from '../../i18n';

const M = {
  cancelled: msg('myCasesRoute.id_was_cancelled_people_involved'),
  not_allowed: msg('myCasesRoute.can_only_cancel_own_requests'),
  not_cancellable: msg('myCasesRoute.request_has_already_been_decided'),
} as const;

/** 私の申請・報告: the person's own cases and drafts, nobody else's. */
export async function sendMyCases(ctx: TurnContext, deps: BotDeps, lead?: string): Promise<void> {
  const person = actingPerson(ctx);
  const { cases, drafts } = await listMyCases(deps.db, person.id);
  const card = buildMyCasesCard(turnLocale(ctx), {
    cases: cases.map((c) => ({
      caseId: c.id,
      kind: c.kind,
      status: c.status,
      submittedAt: new Date(c.createdAt),
      canCancel: c.cancellable,
    })),
    drafts: drafts.map((d) => ({ kind: d.kind, updatedAt: new Date(d.updatedAt) })),
  });
  await ctx.sendActivity({ ...(lead ? { text: lead } : {}), attachments: [cardAttachment(card)] });
}

export const caseCardHandlers: Pick<CardHandlers, 'cases.mine' | 'case.cancel' | 'case.returned'> = {
  'case.returned': async (ctx, action, deps) => {
    const r = await confirmReturn(deps.db, deps.clock, action.caseId, actingPerson(ctx));
    const locale = turnLocale(ctx);
    await ctx.sendActivity(
      r.ok
        ? withCitation(locale, t(locale, 'myCasesRoute.returnRecorded', { caseId: action.caseId }), '10(4)⑥')
        : t(locale, r.message),
    );
  },
  'cases.mine': async (ctx, _action, deps) => sendMyCases(ctx, deps),
  'case.cancel': async (ctx, action, deps) => {
    const person = actingPerson(ctx);
    const locale = turnLocale(ctx);
    const r = await cancelCase(deps.db, deps.clock, action.caseId, person, deps.webhooks?.hooks ?? []);
    if (!r.ok) {
      deps.logger.warn({ personId: person.id, caseId: action.caseId, reason: r.reason }, 'cancel refused');
      await ctx.sendActivity(t(locale, M[r.reason]));
      return;
    }
    deps.sender?.kick();
    await sendMyCases(ctx, deps, t(locale, M.cancelled.key, { id: r.case.id }));
  },
};
