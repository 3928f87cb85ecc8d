// Whom to phone now, named from the directory: on urgent report forms and on the menu.
import type { TurnContext } from 'botbuilder';
import { caseCategory, type CaseKind } from '../domain/cases';
import { urgentContactFor } from '../services/flow-service';
import type { UrgentLine } from './cards/types';
import { basis } from './citation';
import type { BotDeps } from './deps';
import { t } from './i18n';
import { actingPerson, turnLocale } from './turn';

/**
 * An urgent report names whom to phone now: the person the case will go to (or their deputy while
 * they are away), with the directory's number. Requests have no such line.
 */
export async function urgentLine(
  ctx: TurnContext,
  deps: BotDeps,
  kind: CaseKind,
  /** 'now' on an urgent report's form; 'ifUrgent' on the menu, where nothing has happened yet. */
  style: 'now' | 'ifUrgent' = 'now',
): Promise<UrgentLine | undefined> {
  if (caseCategory(kind) !== 'incident') return undefined;
  const locale = turnLocale(ctx);
  const { contact: c, directory: dir } = await urgentContactFor(
    deps.db,
    deps.clock,
    actingPerson(ctx).id,
    kind,
  );
  // Only when nobody at all can receive the case: the general rule, as on the menu (10(6)①).
  if (!c.ok) return { text: t(locale, 'urgent.unknown'), basis: basis(locale, '10(6)①') };
  const nameOf = (id: string) => dir.people.find((p) => p.id === id)?.name ?? id;
  const name = nameOf(c.personId);
  const call =
    style === 'ifUrgent'
      ? c.phone
        ? t(locale, 'urgent.menuCall', { name, phone: c.phone })
        : t(locale, 'urgent.menuCallNoPhone', { name })
      : c.phone
        ? t(locale, 'urgent.call', { name, phone: c.phone })
        : t(locale, 'urgent.callNoPhone', { name });
  const text = c.absentAssigneeId
    ? `${call} ${t(locale, 'urgent.deputyFor', { absent: nameOf(c.absentAssigneeId), name })}`
    : call;
  return { text, basis: basis(locale, c.article) };
}
