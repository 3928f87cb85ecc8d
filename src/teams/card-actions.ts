// Every payload an Adaptive Card can send back, parsed by one zod discriminated union.
// Card data carries ids only: handlers reload state from storage and re-check the acting user.
import { z } from 'zod';
import { CASE_KINDS } from '../domain/cases';
import { INTENTS } from '../domain/intents';

const Kind = z.enum(CASE_KINDS);
const CaseId = z.string().regex(/^(INC|REQ)-\d{4}-\d{4,}$/);

export const MenuSelectSchema = z.object({ verb: z.literal('menu.select'), intent: z.enum(INTENTS) });
export const MenuShowSchema = z.object({ verb: z.literal('menu.show') });

/**
 * The form's inputs arrive merged into the same object (Action.Submit), so this one is loose: the
 * extra keys are the raw answers, validated by the flow's own schema on the server.
 */
export const FlowReviewSchema = z.looseObject({ verb: z.literal('flow.review'), kind: Kind });
export const FlowSubmitSchema = z.object({ verb: z.literal('flow.submit'), kind: Kind });
export const FlowEditSchema = z.object({ verb: z.literal('flow.edit'), kind: Kind });
export const DraftResumeSchema = z.object({ verb: z.literal('draft.resume'), kind: Kind });
export const DraftDiscardSchema = z.object({ verb: z.literal('draft.discard'), kind: Kind });
export const CasesMineSchema = z.object({ verb: z.literal('cases.mine') });
export const CaseCancelSchema = z.object({ verb: z.literal('case.cancel'), caseId: CaseId });

export const CardActionSchema = z.discriminatedUnion('verb', [
  MenuSelectSchema,
  MenuShowSchema,
  FlowReviewSchema,
  FlowSubmitSchema,
  FlowEditSchema,
  DraftResumeSchema,
  DraftDiscardSchema,
  CasesMineSchema,
  CaseCancelSchema,
]);
export type CardAction = z.infer<typeof CardActionSchema>;

/** Every verb a card may carry; the card test checks templates and routes against this list. */
export const CARD_VERBS = CardActionSchema.options.map((o) => o.shape.verb.value);
export type CardVerb = CardAction['verb'];
