// The case card an approver or handler works from (cards/case-card.json): the case, its history and,
// only for a viewer who may act, the Universal Action buttons (Action.Execute, Adaptive Cards 1.5).
// The input is described in ./case-card-input.ts, the template data in ./case-card-data.ts, the
// buttons in ./case-card-actions.ts; this file fits the card to Teams' size limit.
//
// Decisions made here (see also schemas/case-card.ts, CaseCardDataSchema):
// - Deny by default: a button exists only for a verb in `allowedVerbs`, and never on a final case
//   (approved, rejected, closed, cancelled), whatever the caller passes. The handler re-checks the
//   acting person and the case state on every click anyway (card data carries ids only).
// - Every Action.Execute repeats its verb in `data.verb` and carries an Action.Submit `fallback` with
//   the same data, so a client without Universal Actions sends a payload the Submit route parses.
// - `refresh` lives in the template behind `$when`; an empty `refreshUserIds` expands it to null and
//   renderCard drops the property. Teams honours at most 60 ids, so the list is cut to 60.
// - Size: Teams refuses messages over 40 KB. The card is rendered at decreasing levels of detail
//   (shorter row values and history texts, fewer history entries — the newest are kept) until it
//   fits CASE_CARD_BYTE_BUDGET. Prefilled record inputs are never shortened: a cut value would be
//   saved back and lose what the officer wrote. At the last level they are left empty instead (an
//   empty record input changes nothing on save), saying the record is kept and shown above.
// - `prefill` puts back what the viewer typed before a refused click (e.g. 却下 without a comment),
//   so a 条件 already written is not lost. It is only ever shown to the person who typed it, never
//   saved from here; if it alone would break the size budget, the card is sent without it.
import { CARD_BYTE_BUDGET, cardBytes } from '../card-size';
import type { Locale } from '../i18n';
import { caseCardData } from './case-card-data';
import type { CaseCardInput } from './case-card-input';
import { DETAIL_LEVELS } from './case-card-levels';
import { renderCard, type AdaptiveCardJson } from './registry';

/** What the card may weigh (cardBytes), leaving room under Teams' 40 KB for the activity around it. */
export const CASE_CARD_BYTE_BUDGET = CARD_BYTE_BUDGET;

/** The most detailed rendering within CASE_CARD_BYTE_BUDGET, or the size of the smallest one. */
function fitted(locale: Locale, input: CaseCardInput): AdaptiveCardJson | number {
  let size = 0;
  for (const level of DETAIL_LEVELS) {
    const card = renderCard('case-card', caseCardData(locale, input, level));
    size = cardBytes(card);
    if (size <= CASE_CARD_BYTE_BUDGET) return card;
  }
  return size;
}

/**
 * The case card for one viewer. Throws when the data breaks the template's schema, or when even the
 * least detailed rendering is over CASE_CARD_BYTE_BUDGET (not reachable within the input limits: see
 * the size guard test).
 */
export function buildCaseCard(locale: Locale, input: CaseCardInput): AdaptiveCardJson {
  let result = fitted(locale, input);
  if (typeof result === 'number' && input.prefill) {
    // What was typed is a convenience; the case itself must still be shown.
    result = fitted(locale, { ...input, prefill: undefined });
  }
  if (typeof result !== 'number') return result;
  throw new Error(
    `case card ${input.caseId} is ${result} bytes, over the ${CASE_CARD_BYTE_BUDGET} byte budget`,
  );
}
