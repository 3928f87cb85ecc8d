import type { TurnContext } from 'botbuilder';
import type { Person } from '../domain/directory';
import { localeOf, type Locale } from './i18n';

const PERSON_KEY = Symbol('security-desk.person');

/** The directory person acting in this turn, set by the identity guard (per turn, never global). */
export function setActingPerson(ctx: TurnContext, person: Person): void {
  ctx.turnState.set(PERSON_KEY, person);
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
