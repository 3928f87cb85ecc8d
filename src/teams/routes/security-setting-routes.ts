// 10(4)⑦: 「ウイルス対策ソフトを無効にしたい」 is refused at once with the article. The prohibition
// has no permission clause; the only departure the standard allows is an exception (12(6)①), which
// staff ask for through their section officer — so the reply offers that flow, nothing else.
import type { TurnContext } from 'botbuilder';
import {
  refuseSecuritySettingChange,
  SECURITY_SETTING_ARTICLE,
} from '../../services/permission-refusal-service';
import { renderCard } from '../cards';
import type { BotDeps } from '../deps';
import { basis } from '../citation';
import { t } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';

export async function refuseSecuritySetting(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const person = actingPerson(ctx);
  const locale = turnLocale(ctx);
  const via = typeof ctx.activity.text === 'string' && ctx.activity.text.trim() !== '' ? 'text' : 'menu';
  await refuseSecuritySettingChange(deps.db, deps.clock, person, via);
  deps.logger.info({ personId: person.id }, 'security setting change refused');
  const card = renderCard('refusal', {
    title: t(locale, 'permissions.security.title'),
    text: t(locale, 'permissions.security.refused'),
    basis: basis(locale, SECURITY_SETTING_ARTICLE),
    offer: t(locale, 'permissions.security.exception_offer'),
    offerBasis: basis(locale, '12(6)①'),
    buttons: [{ title: t(locale, 'permissions.security.exception_button'), intent: 'exception' }],
  });
  await ctx.sendActivity({ attachments: [cardAttachment(card)] });
}
