import type { TurnContext } from 'botbuilder';
import { cancelCase, listMyCases } from '../../services/case-service';
import { confirmReturn } from '../../services/reminder-service';
import type { CardHandlers } from '../card-routes';
import { withCitation } from '../citation';
import type { BotDeps } from '../deps';
import { buildMyCasesCard } from '../form-card';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';

const M = {
  cancelled: {
    ja: '{id} を取り消しました。関係者に通知します。',
    en: '{id} was cancelled. The people involved are told.',
  },
  not_allowed: { ja: 'ご自身の申請以外は取り消せません。', en: 'You can only cancel your own requests.' },
  not_cancellable: {
    ja: 'この申請はすでに判断済み、または取り消せない状態です。',
    en: 'This request has already been decided or can no longer be cancelled.',
  },
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
        ? withCitation(
            locale,
            { ja: `${action.caseId} の返却を記録しました`, en: `Return of ${action.caseId} recorded` }[
              locale
            ],
            '10(4)⑥',
          )
        : r.message[locale],
    );
  },
  'cases.mine': async (ctx, _action, deps) => sendMyCases(ctx, deps),
  'case.cancel': async (ctx, action, deps) => {
    const person = actingPerson(ctx);
    const locale = turnLocale(ctx);
    const r = await cancelCase(deps.db, deps.clock, action.caseId, person, deps.webhooks?.hooks ?? []);
    if (!r.ok) {
      deps.logger.warn({ personId: person.id, caseId: action.caseId, reason: r.reason }, 'cancel refused');
      await ctx.sendActivity(M[r.reason][locale]);
      return;
    }
    deps.sender?.kick();
    await sendMyCases(ctx, deps, M.cancelled[locale].replace('{id}', r.case.id));
  },
};
