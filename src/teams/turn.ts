import type { TurnContext } from 'botbuilder';
import type { Person } from '../domain/directory';
import { localeOf, type Locale } from './i18n';

const PERSON_KEY = Symbol('security-desk.person');
const ROLE_KEY = Symbol('security-desk.holds-role');

/** The directory person acting in this turn, set by the identity guard (per turn, never global). */
export function setActingPerson(ctx: TurnContext, person: Person): void {
  ctx.turnState.set(PERSON_KEY, person);
}

/** Whether the acting person holds a role (officer, deputy, superior, 統括, IT管理者): menu extras. */
export function setHoldsRole(ctx: TurnContext, holds: boolean): void {
  ctx.turnState.set(ROLE_KEY, holds);
}

export function holdsRole(ctx: TurnContext): boolean {
  return ctx.turnState.get(ROLE_KEY) === true;
}

export function actingPerson(ctx: TurnContext): Person {
  const p = ctx.turnState.get(PERSON_KEY) as Person | undefined;
  // The guard runs before every route; reaching a route without a person is a programming error.
  if (!p) throw new Error('actingPerson: no identified person in this turn');
  return p;
}

export function turnLocale(ctx: TurnContext): Locale {
  return localeOf(ctx.activity.locale);
}
