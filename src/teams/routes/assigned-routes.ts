import type { TurnContext } from 'botbuilder';
import { caseTitle, type Localized } from '../../domain/cases';
import { formatJst } from '../../domain/clock';
import { listAssigned } from '../../services/assigned-service';
import { requestCaseCard } from '../../services/case-view-service';
import type { CardHandlers } from '../card-routes';
import { renderCard } from '../cards';
import type { BotDeps } from '../deps';
import { t, type Locale } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';
import { msg } from '../../i18n';

const M = {
  title: msg('assigned.my_tasks'),
  intro: msg('assigned.open_cases_may_act_most'),
  introCut: msg('assigned.shown_most_urgent_total_open'),
  empty: msg('assigned.nothing_needs_action'),
  from: msg('assigned.from_name_section'),
  status: msg('assigned.status_submitted'),
  due: msg('assigned.start'),
  overdue: msg('assigned.start_overdue'),
  open: msg('assigned.open'),
  menu: msg('assigned.menu'),
  denied: msg('assigned.may_not_view_case'),
  sending: msg('assigned.showing_id'),
} satisfies Record<string, Localized>;

/** Items on one 担当案件 card: each weighs about 1.4 KB, and a message may not exceed 40 KB. */
export const ASSIGNED_LIST_MAX = 15;

export async function sendAssigned(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const locale: Locale = turnLocale(ctx);
  const person = actingPerson(ctx);
  const now = deps.clock.now();
  const assigned = await listAssigned(deps.db, deps.clock, person.id);
  const dir = assigned.directory;
  const all = assigned.cases;
  const cases = all.slice(0, ASSIGNED_LIST_MAX);
  const card = renderCard('assigned-cases', {
    title: t(locale, M.title),
    intro:
      all.length > cases.length
        ? t(locale, M.introCut.key, { total: String(all.length), shown: String(cases.length) })
        : t(locale, M.intro),
    empty: cases.length === 0 ? t(locale, M.empty) : '',
    items: cases.map((c) => {
      const reporter = dir.people.find((p) => p.id === c.reporterId);
      const section = dir.sections.find((s) => s.code === c.sectionCode);
      const due = c.status === 'submitted' && c.ackDueAt ? new Date(c.ackDueAt) : undefined;
      const overdue = due !== undefined && due < now;
      return {
        caseId: c.id,
        title: t(locale, caseTitle(c.kind)),
        headline: t(locale, M.from.key, {
          section: section?.name ?? c.sectionCode,
          name: reporter?.name ?? c.reporterId,
        }),
        statusLine: t(locale, M.status.key, {
          status: t(locale, `status.${c.status}`),
          at: formatJst(new Date(c.createdAt)),
        }),
        dueText: due ? t(locale, (overdue ? M.overdue : M.due).key, { at: formatJst(due) }) : '',
        dueColor: overdue ? ('Attention' as const) : due ? ('Warning' as const) : ('Default' as const),
        openLabel: t(locale, M.open),
      };
    }),
    menuLabel: t(locale, M.menu),
  });
  await ctx.sendActivity({ attachments: [cardAttachment(card)] });
}

export const assignedCardHandlers: Pick<CardHandlers, 'case.open'> = {
  /**
   * Posts the case card for the viewer through the outbox, so it is registered like any routed card
   * and updated after every change. Deny by default: only people involved in the case may view it.
   */
  'case.open': async (ctx, action, deps) => {
    const person = actingPerson(ctx);
    const locale = turnLocale(ctx);
    const r = await requestCaseCard(deps.db, deps.clock, { caseId: action.caseId, viewer: person });
    if (!r.ok) {
      deps.logger.warn({ personId: person.id, caseId: action.caseId }, 'case view refused');
      await ctx.sendActivity(t(locale, M.denied));
      return;
    }
    deps.sender?.kick();
    await ctx.sendActivity(t(locale, M.sending.key, { id: r.caseId }));
  },
};
