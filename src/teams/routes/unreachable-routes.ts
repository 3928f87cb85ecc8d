import type { TurnContext } from 'botbuilder';
import { formatJst } from '../../domain/clock';
import { listUnreachable } from '../../services/delivery-service';
import { renderCard } from '../cards';
import type { BotDeps } from '../deps';
import { t } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';

/**
 * 連絡不可一覧: who Teams cannot reach yet, with the directory's phone numbers, how many messages
 * wait for them and since when. IT管理者 and 統括 only; anyone else is refused (and audited).
 */
export async function sendUnreachable(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const locale = turnLocale(ctx);
  const person = actingPerson(ctx);
  const list = await listUnreachable(deps.db, deps.clock, person);
  if (!list.ok) {
    deps.logger.warn({ personId: person.id }, 'unreachable list refused');
    await ctx.sendActivity(t(locale, 'unreachable.denied'));
    return;
  }
  const none = t(locale, 'unreachable.none');
  const card = renderCard('unreachable', {
    title: t(locale, 'unreachable.title'),
    intro: t(locale, 'unreachable.intro'),
    empty: list.entries.length === 0 ? t(locale, 'unreachable.empty') : '',
    // A card stays far below Teams' 40 KB with 50 entries; more is a rollout problem, not a list.
    items: list.entries.slice(0, 50).map((e) => ({
      name: e.person?.name ?? e.aadObjectId,
      section: e.sectionName ?? e.person?.sectionCode ?? none,
      phoneLabel: t(locale, 'unreachable.phoneLabel'),
      phone: e.person?.phone || none,
      mobileLabel: t(locale, 'unreachable.mobileLabel'),
      mobile: e.person?.mobile || none,
      waitingText: t(locale, 'unreachable.waiting', {
        count: e.waiting,
        since: formatJst(new Date(e.since)),
      }),
    })),
    menuLabel: t(locale, 'unreachable.menu'),
  });
  await ctx.sendActivity({ attachments: [cardAttachment(card)] });
}
