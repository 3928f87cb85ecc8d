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
import { t, type Locale } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';
import { sendMenu } from '../menu';
import { msg } from '../../i18n';

const M = {
  title: msg('absenceCard.out_office'),
  intro: msg('absenceCard.while_away_cards_meant_also'),
  current: msg('absenceCard.current_setting_from'),
  fromLabel: msg('absenceCard.from'),
  toLabel: msg('absenceCard.to'),
  required: msg('absenceCard.enter_date'),
  set: msg('absenceCard.set'),
  clear: msg('absenceCard.clear'),
  menu: msg('absenceCard.menu'),
  saved: msg('absenceCard.out_office_set_from_deputy'),
  forwarded: msg('absenceCard.n_open_case_s_were'),
  noDeputy: msg('absenceCard.no_deputy_registered_overdue_cases'),
  cleared: msg('absenceCard.out_office_cleared'),
  nothing: msg('absenceCard.there_was_no_out_office'),
} satisfies Record<string, Localized>;

const ERRORS: Record<AbsenceInputError, Localized> = {
  missing: msg('absenceCard.enter_both_dates'),
  order: msg('absenceCard.end_date_must_not_before'),
  past: msg('absenceCard.end_date_past'),
  too_long: msg('absenceCard.tooLong', { days: MAX_ABSENCE_DAYS }),
};

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
    title: t(locale, M.title),
    intro: t(locale, M.intro),
    // The deputy standing in while the officer is away is the organisation's rule; the standard has
    // no 代理者 (PolicyMap "Roles").
    basis: basis(locale, OPERATING_RULE),
    current: current
      ? t(locale, M.current.key, {
          from: formatJst(current.from),
          to: formatJst(new Date(current.to.getTime() - 1)),
        })
      : '',
    error: opts.error ? t(locale, opts.error) : '',
    fromLabel: t(locale, M.fromLabel),
    toLabel: t(locale, M.toLabel),
    fromValue: opts.from ?? (current ? jstDateOf(current.from) : jstDateOf(now)),
    toValue: opts.to ?? (current ? jstDateOf(new Date(current.to.getTime() - 1)) : ''),
    requiredMessage: t(locale, M.required),
    setLabel: t(locale, M.set),
    clearLabel: t(locale, M.clear),
    menuLabel: t(locale, M.menu),
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
      t(locale, M.saved.key, {
        from: formatJst(period.from),
        to: formatJst(new Date(period.to.getTime() - 1)),
        deputy: deputy?.name ?? '—',
      }),
      ...(r.deputyId ? [] : [t(locale, M.noDeputy)]),
      ...(r.forwarded.length > 0 ? [t(locale, M.forwarded.key, { n: r.forwarded.length })] : []),
    ];
    await ctx.sendActivity(lines.join('\n\n'));
  },
  'absence.clear': async (ctx, _action, deps) => {
    const n = await clearAbsence(deps.db, deps.clock, actingPerson(ctx));
    await sendMenu(ctx, deps, t(turnLocale(ctx), n > 0 ? M.cleared : M.nothing));
  },
};
