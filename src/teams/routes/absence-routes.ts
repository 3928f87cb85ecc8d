import type { TurnContext } from 'botbuilder';
import { OPERATING_RULE } from '../../domain/articles';
import type { Localized } from '../../domain/cases';
import { formatJst } from '../../domain/clock';
import { jstDateOf } from '../../domain/policy/jst';
import {
  clearAbsence,
  currentAbsence,
  MAX_ABSENCE_DAYS,
  parseAbsence,
  setAbsence,
  type AbsenceInputError,
} from '../../services/absence-service';
import type { CardHandlers } from '../card-routes';
import { renderCard } from '../cards';
import { basis } from '../citation';
import type { BotDeps } from '../deps';
import type { Locale } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';
import { sendMenu } from '../menu';

const M = {
  title: { ja: '不在設定', en: 'Out of office' },
  intro: {
    ja: '不在の期間中、あなた宛ての承認・報告カードは代理者にも届き、代理者が対応できます。',
    en: 'While you are away, cards meant for you also go to your deputy, who may act on them.',
  },
  current: { ja: '現在の設定: {from} 〜 {to}', en: 'Current setting: {from} – {to}' },
  fromLabel: { ja: '開始日', en: 'From' },
  toLabel: { ja: '終了日', en: 'To' },
  required: { ja: '日付を入力してください。', en: 'Enter a date.' },
  set: { ja: '設定する', en: 'Set' },
  clear: { ja: '不在を解除', en: 'Clear' },
  menu: { ja: 'メニュー', en: 'Menu' },
  saved: {
    ja: '不在を設定しました（{from} 〜 {to}）。代理者: {deputy}',
    en: 'Out of office set ({from} – {to}). Deputy: {deputy}',
  },
  forwarded: {
    ja: '対応中の案件 {n} 件を代理者に回付しました。',
    en: '{n} open case(s) were sent to your deputy.',
  },
  noDeputy: {
    ja: '（代理者が登録されていません。期限を過ぎた案件は上席者へ回付されます。）',
    en: '(No deputy is registered; overdue cases escalate to your superior.)',
  },
  cleared: { ja: '不在を解除しました。', en: 'Out of office cleared.' },
  nothing: { ja: '解除する不在設定はありません。', en: 'There was no out-of-office to clear.' },
} satisfies Record<string, Localized>;

const ERRORS: Record<AbsenceInputError, Localized> = {
  missing: { ja: '開始日と終了日を入力してください。', en: 'Enter both dates.' },
  order: {
    ja: '終了日は開始日以降の日付にしてください。',
    en: 'The end date must not be before the start date.',
  },
  past: { ja: '終了日が過去の日付です。', en: 'The end date is in the past.' },
  too_long: {
    ja: `不在の期間は${MAX_ABSENCE_DAYS}日以内にしてください。`,
    en: `An absence can last at most ${MAX_ABSENCE_DAYS} days.`,
  },
};

const fill = (s: string, p: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));

export async function sendAbsenceCard(
  ctx: TurnContext,
  deps: BotDeps,
  opts: { error?: Localized; from?: string; to?: string } = {},
): Promise<void> {
  const locale: Locale = turnLocale(ctx);
  const person = actingPerson(ctx);
  const now = deps.clock.now();
  const current = await currentAbsence(deps.db, deps.clock, person.id);
  const card = renderCard('absence', {
    title: M.title[locale],
    intro: M.intro[locale],
    // The deputy standing in while the officer is away is the organisation's rule; the standard has
    // no 代理者 (PolicyMap "Roles").
    basis: basis(locale, OPERATING_RULE),
    current: current
      ? fill(M.current[locale], {
          from: formatJst(current.from),
          to: formatJst(new Date(current.to.getTime() - 1)),
        })
      : '',
    error: opts.error?.[locale] ?? '',
    fromLabel: M.fromLabel[locale],
    toLabel: M.toLabel[locale],
    fromValue: opts.from ?? (current ? jstDateOf(current.from) : jstDateOf(now)),
    toValue: opts.to ?? (current ? jstDateOf(new Date(current.to.getTime() - 1)) : ''),
    requiredMessage: M.required[locale],
    setLabel: M.set[locale],
    clearLabel: M.clear[locale],
    menuLabel: M.menu[locale],
  });
  await ctx.sendActivity({ attachments: [cardAttachment(card)] });
}

export const absenceCardHandlers: Pick<CardHandlers, 'absence.set' | 'absence.clear'> = {
  'absence.set': async (ctx, action, deps) => {
    const locale = turnLocale(ctx);
    const now = deps.clock.now();
    const from = typeof action.from === 'string' ? action.from : '';
    const to = typeof action.to === 'string' ? action.to : '';
    const period = parseAbsence(from, to, now);
    if (!period.ok) {
      // Give back only what a date input can hold: anything else is not from our card.
      const asDate = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
      await sendAbsenceCard(ctx, deps, { error: ERRORS[period.error], from: asDate(from), to: asDate(to) });
      return;
    }
    const person = actingPerson(ctx);
    const r = await setAbsence(deps.db, deps.clock, person, period);
    deps.logger.info({ personId: person.id, forwarded: r.forwarded.length }, 'absence set');
    deps.sender?.kick();
    const deputy = r.deputy;
    const lines = [
      fill(M.saved[locale], {
        from: formatJst(period.from),
        to: formatJst(new Date(period.to.getTime() - 1)),
        deputy: deputy?.name ?? '—',
      }),
      ...(r.deputyId ? [] : [M.noDeputy[locale]]),
      ...(r.forwarded.length > 0 ? [fill(M.forwarded[locale], { n: r.forwarded.length })] : []),
    ];
    await ctx.sendActivity(lines.join('\n\n'));
  },
  'absence.clear': async (ctx, _action, deps) => {
    const n = await clearAbsence(deps.db, deps.clock, actingPerson(ctx));
    await sendMenu(ctx, (n > 0 ? M.cleared : M.nothing)[turnLocale(ctx)]);
  },
};
