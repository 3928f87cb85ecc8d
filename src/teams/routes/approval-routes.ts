import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Localized } from '../../domain/cases';
import { CaseActionSchema, type CaseAction } from '../../domain/decisions';
import { actOnCase } from '../../services/decision-service';
import { CardActionSchema, type CardAction } from '../card-actions';
import type { CardHandler, CardHandlers } from '../card-routes';
import type { AdaptiveCardJson } from '../cards';
import { CASE_INPUT_MAX_LENGTH, type CaseCardPrefill } from '../case-card';
import { caseUnavailableCard, renderCaseCard } from '../case-view';
import type { BotDeps } from '../deps';
import { t } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';
import { msg } from '../../i18n';

type CaseVerbAction = Extract<CardAction, { verb: `case.${string}` }>;
type CaseVerb = Exclude<CaseVerbAction['verb'], 'case.cancel' | 'case.returned' | 'case.open'>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Card payload → domain action. Only typed-in text crosses; ids are reloaded from storage. */
export function caseActionOf(payload: Record<string, unknown>): CaseAction | null {
  const verb = payload.verb;
  const records: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload)) {
    if (k.startsWith('record_') && typeof v === 'string' && v.trim() !== '')
      records[k.slice('record_'.length)] = v;
  }
  const candidate =
    verb === 'case.record' || verb === 'case.consult'
      ? { name: verb, records }
      : verb === 'case.close'
        ? {
            name: verb,
            content: str(payload.closure_content),
            cause: str(payload.closure_cause),
            damage: str(payload.closure_damage),
            scope: str(payload.closure_scope),
          }
        : verb === 'case.approve'
          ? { name: verb, comment: str(payload.comment), conditions: str(payload.conditions) }
          : verb === 'case.reject' || verb === 'case.endorse' || verb === 'case.ack_post_report'
            ? { name: verb, comment: str(payload.comment) }
            : { name: verb };
  const parsed = CaseActionSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** The typed-text inputs of the case card (comment, conditions, record_<id>, closure_<part>). */
function typedInputs(payload: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(payload).filter(
    (e): e is [string, string] =>
      typeof e[1] === 'string' &&
      (e[0] === 'comment' ||
        e[0] === 'conditions' ||
        e[0].startsWith('record_') ||
        e[0].startsWith('closure_')),
  );
}

/** The longest typed input over the limit, if any: refused with its length, its text kept (cut). */
export function overLongInput(payload: Record<string, unknown>): { input: string; length: number } | null {
  const over = typedInputs(payload)
    .filter(([, v]) => v.length > CASE_INPUT_MAX_LENGTH)
    .sort((a, b) => b[1].length - a[1].length)[0];
  return over ? { input: over[0], length: over[1].length } : null;
}

/**
 * What the clicker had typed, to show again when the click is refused. Echoed to the same person
 * only and never stored; text longer than the card's inputs allow is cut to the limit (the person
 * is told), so nothing they typed within it is lost.
 */
export function prefillOf(payload: Record<string, unknown>): CaseCardPrefill {
  const typed = (v: unknown): string | undefined =>
    typeof v === 'string' ? v.slice(0, CASE_INPUT_MAX_LENGTH) : undefined;
  const prefill: CaseCardPrefill = {};
  const comment = typed(payload.comment);
  if (comment !== undefined) prefill.comment = comment;
  const conditions = typed(payload.conditions);
  if (conditions !== undefined) prefill.conditions = conditions;
  const records: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload)) {
    const value = typed(v);
    if (k.startsWith('record_') && value !== undefined) records[k.slice('record_'.length)] = value;
  }
  if (Object.keys(records).length > 0) prefill.records = records;
  const closure: NonNullable<CaseCardPrefill['closure']> = {};
  for (const part of ['content', 'cause', 'damage', 'scope'] as const) {
    const value = typed(payload[`closure_${part}`]);
    if (value !== undefined) closure[part] = value;
  }
  if (Object.keys(closure).length > 0) prefill.closure = closure;
  return prefill;
}

const INVALID: Localized = msg('approval.input_could_not_read_refresh');

/**
 * A click on a case card (Action.Execute, or its Action.Submit fallback). The card is answered
 * at once from storage; everyone else's cards and notifications go through the outbox.
 */
export async function handleCaseVerb(
  ctx: TurnContext,
  deps: BotDeps,
  payload: CaseVerbAction & Record<string, unknown>,
): Promise<AdaptiveCardJson> {
  const person = actingPerson(ctx);
  const locale = turnLocale(ctx);
  const show = async (notice?: Localized, prefill?: CaseCardPrefill) =>
    (
      await renderCaseCard(deps.db, deps.clock, {
        caseId: payload.caseId,
        viewerId: person.id,
        locale,
        via: payload.verb === 'case.refresh' ? 'refresh' : 'click',
        ...(notice ? { notice } : {}),
        ...(prefill ? { prefill } : {}),
      })
    ).card;
  if (payload.verb === 'case.refresh') return show();
  const over = overLongInput(payload);
  if (over) {
    return show(
      msg('approval.inputTooLong', { max: CASE_INPUT_MAX_LENGTH, length: over.length }),
      prefillOf(payload),
    );
  }
  const action = caseActionOf(payload);
  if (!action) return show(INVALID);
  const r = await actOnCase(deps.db, deps.clock, {
    caseId: payload.caseId,
    actorAadObjectId: person.aadObjectId,
    action,
    ackMinutes: deps.ackMinutes,
    ...(ctx.activity.replyToId ? { clickedActivityId: ctx.activity.replyToId } : {}),
    ...(deps.webhooks ? { webhooks: deps.webhooks.hooks } : {}),
  });
  if (!r.ok) {
    deps.logger.warn(
      { caseId: payload.caseId, personId: person.id, action: action.name, reason: r.reason },
      'case action refused',
    );
    // Not theirs to see (or no such case): the refusal is already audited; say nothing more.
    if (r.reason === 'unseen') return caseUnavailableCard(locale);
    // Refused (e.g. 却下 without a comment): give back what was typed, so a 条件 is not lost.
    return show(r.message, prefillOf(payload));
  }
  deps.logger.info({ caseId: r.case.id, personId: person.id, action: action.name, as: r.as }, 'case action');
  deps.sender?.kick();
  deps.webhooks?.dispatcher.kick();
  return show(msg('approval.recorded', { summary: r.event.summary }));
}

async function sendInvokeResponse(ctx: TurnContext, status: number, body: unknown): Promise<void> {
  await ctx.sendActivity({ type: 'invokeResponse', value: { status, body } });
}

function isActionExecute(ctx: TurnContext): boolean {
  const a = ctx.activity;
  return a.type === 'invoke' && a.name === 'adaptiveCard/action';
}

/** Universal Actions: `adaptiveCard/action` invokes, answered with the refreshed card. */
export function registerApprovalRoutes(app: Application<TurnState>, deps: BotDeps): void {
  app.addRoute(
    async (ctx) => isActionExecute(ctx),
    async (ctx) => {
      const action = (ctx.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)
        ?.action;
      const data =
        action?.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
      const parsed = CardActionSchema.safeParse({ ...data, verb: action?.verb });
      if (
        !parsed.success ||
        !parsed.data.verb.startsWith('case.') ||
        parsed.data.verb === 'case.cancel' ||
        parsed.data.verb === 'case.returned' ||
        parsed.data.verb === 'case.open'
      ) {
        await sendInvokeResponse(ctx, 200, {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: t(turnLocale(ctx), 'error.invalidAction') },
        });
        return;
      }
      const card = await handleCaseVerb(ctx, deps, { ...data, ...parsed.data } as CaseVerbAction &
        Record<string, unknown>);
      await sendInvokeResponse(ctx, 200, {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: card,
      });
    },
    true,
  );
  // Any other invoke (message extension, task module, sign-in…): the bot offers none. Registered
  // last among the invoke routes; answered with a clear 400 rather than the bare 501 botbuilder
  // gives an invoke nobody answered.
  app.addRoute(
    async (ctx) => ctx.activity.type === 'invoke' && !isActionExecute(ctx),
    async (ctx) => {
      deps.logger.info(
        { activityId: ctx.activity.id, invoke: String(ctx.activity.name ?? '').slice(0, 80) },
        'unsupported invoke refused',
      );
      await sendInvokeResponse(ctx, 400, {
        code: 'BadRequest',
        message: 'This bot does not handle this invoke.',
      });
    },
    true,
  );
}

/** Action.Submit fallback: the same handling, answered by replacing the clicked card. */
function submitFallback<V extends CaseVerb>(): CardHandler<V> {
  return async (ctx, action, deps) => {
    const card = await handleCaseVerb(ctx, deps, action as CaseVerbAction & Record<string, unknown>);
    const activity = { attachments: [cardAttachment(card)] };
    if (ctx.activity.replyToId) {
      try {
        await ctx.updateActivity({ ...activity, type: 'message', id: ctx.activity.replyToId });
        return;
      } catch {
        // Some clients cannot update; fall back to a new message.
      }
    }
    await ctx.sendActivity(activity);
  };
}

export const approvalCardHandlers: Pick<CardHandlers, CaseVerb> = {
  'case.refresh': submitFallback(),
  'case.acknowledge': submitFallback(),
  'case.record': submitFallback(),
  'case.report_chief': submitFallback(),
  'case.close': submitFallback(),
  'case.approve': submitFallback(),
  'case.reject': submitFallback(),
  'case.endorse': submitFallback(),
  'case.ack_post_report': submitFallback(),
  'case.consult': submitFallback(),
};
