import type { TurnContext } from 'botbuilder';
import { requestComplianceSummary, sectionNames } from '../../services/compliance-summary-service';
import { buildComplianceSummaryCard } from '../cards/compliance-summary';
import type { BotDeps } from '../deps';
import { t } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';

/**
 * 「遵守状況」: the compliance summary of the month so far (13(1)), for 統括 and IT管理者 only;
 * anyone else is refused (the service audits the refusal).
 */
export async function sendComplianceSummary(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const locale = turnLocale(ctx);
  const person = actingPerson(ctx);
  const r = await requestComplianceSummary(deps.db, deps.clock, person);
  if (!r.ok) {
    deps.logger.warn({ personId: person.id }, 'compliance summary refused');
    await ctx.sendActivity(t(locale, 'compliance.denied'));
    return;
  }
  const card = buildComplianceSummaryCard(r.summary, {
    locale,
    sectionNames: await sectionNames(deps.db),
    soFar: true,
  });
  await ctx.sendActivity({ attachments: [cardAttachment(card)] });
}
