// The actions a case card offers: their closed list of names, the zod schema of their payloads, and
// which case categories each applies to.
import { z } from 'zod';
import { isIncidentKind, type CaseKind } from '../cases';
import { isChiefDecidedRequest } from '../policy/network-requests';
import { cleanText } from '../text';

export const CASE_ACTION_NAMES = [
  'case.acknowledge',
  'case.record',
  'case.report_chief',
  'case.close',
  'case.approve',
  'case.reject',
  'case.endorse',
  'case.ack_post_report',
  'case.consult',
] as const;
export type CaseActionName = (typeof CASE_ACTION_NAMES)[number];

export function isCaseActionName(value: unknown): value is CaseActionName {
  return typeof value === 'string' && (CASE_ACTION_NAMES as readonly string[]).includes(value);
}

/** The most a comment, condition or record typed on a case card may hold (the card's maxLength too). */
export const CASE_TEXT_MAX_LENGTH = 2000;
const text = z.string().max(CASE_TEXT_MAX_LENGTH).transform(cleanText);

/** Parses an action from a card payload (ids and typed-in text only; the case itself is reloaded). */
export const CaseActionSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('case.acknowledge') }),
  z.object({ name: z.literal('case.record'), records: z.record(z.string().max(100), text) }),
  z.object({ name: z.literal('case.report_chief') }),
  z.object({ name: z.literal('case.close'), content: text, cause: text, damage: text, scope: text }),
  z.object({ name: z.literal('case.approve'), comment: text.optional(), conditions: text.optional() }),
  z.object({ name: z.literal('case.reject'), comment: text }),
  z.object({ name: z.literal('case.endorse'), comment: text.optional() }),
  z.object({ name: z.literal('case.ack_post_report'), comment: text.optional() }),
  // 11(2)②: the IT管理者's consultation, recorded field by field (policy/network-requests.ts).
  z.object({ name: z.literal('case.consult'), records: z.record(z.string().max(100), text) }),
]);
export type CaseAction = z.infer<typeof CaseActionSchema>;

/** The action named `N`, with its own payload fields. */
export type CaseActionOf<N extends CaseActionName> = Extract<CaseAction, { name: N }>;

/** 'chief_request': a request 統括 decides (9(3)③, 11(2)③), in stages (policy/network-requests.ts). */
export type Category = 'incident' | 'exception' | 'request' | 'chief_request';

export function categoryOf(kind: CaseKind): Category {
  if (isIncidentKind(kind)) return 'incident';
  if (isChiefDecidedRequest(kind)) return 'chief_request';
  return kind === 'exception' ? 'exception' : 'request';
}

/** The case categories each action applies to. */
export const ACTION_CATEGORIES: Readonly<Record<CaseActionName, readonly Category[]>> = {
  'case.acknowledge': ['incident'],
  'case.record': ['incident'],
  'case.report_chief': ['incident'],
  'case.close': ['incident'],
  'case.approve': ['request', 'exception', 'chief_request'],
  'case.reject': ['request', 'exception', 'chief_request'],
  'case.endorse': ['exception'],
  'case.ack_post_report': ['exception'],
  'case.consult': ['chief_request'],
};

/** Whether `name` is an action for a case of this kind at all (whatever its status). */
export function actionAppliesTo(name: CaseActionName, kind: CaseKind): boolean {
  return ACTION_CATEGORIES[name].includes(categoryOf(kind));
}
