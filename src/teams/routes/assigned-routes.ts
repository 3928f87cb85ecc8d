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

const M = {
  title: { ja: '担当案件', en: 'My tasks' },
  intro: {
    ja: 'あなたが対応・判断できる未完了の案件です（期限の近い順）。',
    en: 'Open cases you may act on, most urgent first.',
  },
  introCut: {
    ja: 'あなたが対応・判断できる未完了の案件 {total} 件のうち、期限の近い {shown} 件です。',
    en: 'The {shown} most urgent of the {total} open cases you may act on.',
  },
  empty: { ja: '対応が必要な案件はありません。', en: 'Nothing needs your action.' },
  from: { ja: '{section} {name} さんから', en: 'From {name} ({section})' },
  status: { ja: '{status}・送信日時 {at}', en: '{status} · submitted {at}' },
  due: { ja: '対応開始の期限 {at}', en: 'Start by {at}' },
  overdue: { ja: '対応開始の期限 {at}（超過）', en: 'Start by {at} (overdue)' },
  open: { ja: '開く', en: 'Open' },
  menu: { ja: 'メニュー', en: 'Menu' },
  denied: {
    ja: 'この案件を表示する権限がありません。',
    en: 'You may not view this case.',
  },
  sending: { ja: '{id} のカードを表示します。', en: 'Showing {id}.' },
} satisfies Record<string, Localized>;

const fill = (s: string, p: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '');

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
    title: M.title[locale],
    intro:
      all.length > cases.length
        ? fill(M.introCut[locale], { total: String(all.length), shown: String(cases.length) })
        : M.intro[locale],
    empty: cases.length === 0 ? M.empty[locale] : '',
    items: cases.map((c) => {
      const reporter = dir.people.find((p) => p.id === c.reporterId);
      const section = dir.sections.find((s) => s.code === c.sectionCode);
      const due = c.status === 'submitted' && c.ackDueAt ? new Date(c.ackDueAt) : undefined;
      const overdue = due !== undefined && due < now;
      return {
        caseId: c.id,
        title: caseTitle(c.kind)[locale],
        headline: fill(M.from[locale], {
          section: section?.name ?? c.sectionCode,
          name: reporter?.name ?? c.reporterId,
        }),
        statusLine: fill(M.status[locale], {
          status: t(locale, `status.${c.status}`),
          at: formatJst(new Date(c.createdAt)),
        }),
        dueText: due ? fill((overdue ? M.overdue : M.due)[locale], { at: formatJst(due) }) : '',
        dueColor: overdue ? ('Attention' as const) : due ? ('Warning' as const) : ('Default' as const),
        openLabel: M.open[locale],
      };
    }),
    menuLabel: M.menu[locale],
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
      await ctx.sendActivity(M.denied[locale]);
      return;
    }
    deps.sender?.kick();
    await ctx.sendActivity(fill(M.sending[locale], { id: r.caseId }));
  },
};
