import type { TurnContext } from 'botbuilder';
import type { Citations } from '../../domain/articles';
import {
  BROADCAST_PURPOSES,
  purposeCitation,
  type BroadcastPurpose,
  type SendDenyReason,
} from '../../domain/broadcast';
import { refusalField, validateComposed, type ComposeOptions } from '../../domain/broadcast-compose';
import {
  discardBroadcastDraft,
  saveBroadcastDraft,
  sendBroadcast,
  type BroadcastRefusal,
} from '../../services/broadcast-service';
import { composeContext, ownBroadcast, previewView } from '../../services/broadcast-view-service';
import { msg } from '../../i18n';
import {
  initialValues,
  keptValues,
  readCompose,
  valuesOfContent,
  valuesOfSubmit,
  type ComposeValues,
} from '../broadcast/compose-form';
import { cardMessage, textMessage, type Outcome, type OutcomeHandlers } from '../broadcast/outcome';
import { buildBroadcastComposeCard } from '../cards/broadcast-compose';
import { buildBroadcastResumeCard, buildBroadcastResultCard } from '../cards/broadcast-notice';
import { previewCard } from '../broadcast/preview-card';
import { basis } from '../citation';
import type { BotDeps } from '../deps';
import { t, type Locale, type Msg } from '../i18n';
import { actingPerson, turnLocale } from '../turn';

// 一斉通知: compose → preview → send. Who may send what to whom is the domain's
// (domain/broadcast.ts maySendBroadcast, run by the service on preview and on send); the card offers
// only what the sender may choose. The draft is saved on every submit, so nothing typed is lost.

/** Why a broadcast cannot be sent, in the sender's words. */
function refusalMsg(reason: SendDenyReason, b: { purpose: BroadcastPurpose }): Msg {
  return reason === 'audience_not_for_purpose'
    ? msg('bcompose.refusal.audience_not_for_purpose', {
        audience: msg(`bcompose.refusal.purpose_audience.${BROADCAST_PURPOSES[b.purpose].audience}`),
      })
    : msg(`bcompose.refusal.${reason}`);
}

/** The refusal with what it rests on: the instruction is 12(5)②エ's, the rest the purpose's. */
function refusalText(locale: Locale, reason: SendDenyReason, b: { purpose: BroadcastPurpose }): string {
  const cites: Citations =
    reason === 'instruction_required' || reason === 'instructor_not_chief'
      ? '12(5)②エ'
      : purposeCitation(b.purpose);
  return `${t(locale, 'bcompose.refused', { reason: refusalMsg(reason, b) })} ${basis(locale, cites)}`;
}

function isSendDeny(reason: BroadcastRefusal): reason is SendDenyReason {
  return [
    'unknown_sender',
    'not_a_sender',
    'purpose_not_for_role',
    'audience_not_for_purpose',
    'not_own_section',
    'no_sections',
    'instruction_required',
    'instructor_not_chief',
    'parent_required',
    'case_required',
  ].includes(reason);
}

function formMessage(
  locale: Locale,
  options: ComposeOptions,
  values: ComposeValues,
  errors: Partial<Record<string, Msg>>,
  opts: { broadcastId?: string; savedAt?: string; notice?: string } = {},
) {
  return cardMessage(buildBroadcastComposeCard(locale, options, values, errors, opts));
}

/** 一斉通知 (menu or text): the compose card, or the unfinished draft to continue or discard. */
export async function startBroadcast(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const person = actingPerson(ctx);
  const locale = turnLocale(ctx);
  const c = await composeContext(deps.db, deps.clock, person, 'intent');
  if (!c.ok) {
    deps.logger.warn({ personId: person.id }, 'broadcast compose refused');
    await ctx.sendActivity(textMessage(t(locale, 'bcompose.denied')));
    return;
  }
  const d = c.draft;
  if (d && (d.title.trim() !== '' || d.body.trim() !== '')) {
    await ctx.sendActivity(cardMessage(buildBroadcastResumeCard(locale, d)));
    return;
  }
  await ctx.sendActivity(
    formMessage(
      locale,
      c.options,
      d ? valuesOfContent(d) : initialValues(c.options),
      {},
      d ? { broadcastId: d.id } : {},
    ),
  );
}

const denied = (locale: Locale): Outcome => ({ send: [textMessage(t(locale, 'bcompose.denied'))] });

export const composeOutcomes: Pick<
  OutcomeHandlers,
  'broadcast.review' | 'broadcast.edit' | 'broadcast.discard' | 'broadcast.send'
> = {
  'broadcast.review': async (ctx, action, deps) => {
    const person = actingPerson(ctx);
    const locale = turnLocale(ctx);
    const c = await composeContext(deps.db, deps.clock, person, 'review');
    if (!c.ok) return denied(locale);
    const typed = valuesOfSubmit(action as Record<string, unknown>);
    const prev = action.broadcastId ? await ownBroadcast(deps.db, person.id, action.broadcastId) : undefined;
    // A form whose draft was sent or discarded meanwhile starts a new draft with what was typed.
    const notice =
      action.broadcastId && prev?.status !== 'draft' ? t(locale, 'bcompose.newDraft') : undefined;
    const draft = prev?.status === 'draft' ? prev : undefined;
    const { content, errors } = readCompose(typed, c.options, draft);
    const values = keptValues(typed);
    const saved = await saveBroadcastDraft(deps.db, deps.clock, {
      actorId: person.id,
      ...(draft ? { broadcastId: draft.id } : {}),
      content,
    });
    if (!saved.ok) return denied(locale);
    const b = saved.broadcast;
    const opts = { broadcastId: b.id, savedAt: b.updatedAt, ...(notice ? { notice } : {}) };
    if (Object.keys(errors).length > 0) {
      deps.logger.info(
        { personId: person.id, broadcastId: b.id, errorFields: Object.keys(errors) },
        'broadcast form rejected',
      );
      return { send: [formMessage(locale, c.options, values, errors, opts)] };
    }
    const p = await previewView(deps.db, deps.clock, { actorId: person.id, broadcastId: b.id });
    if (!p.ok) {
      if (!isSendDeny(p.reason)) return { send: [formMessage(locale, c.options, values, {}, opts)] };
      deps.logger.info(
        { personId: person.id, broadcastId: b.id, reason: p.reason },
        'broadcast preview refused',
      );
      return {
        send: [
          formMessage(
            locale,
            c.options,
            values,
            { [refusalField(p.reason)]: refusalMsg(p.reason, b) },
            { ...opts, notice: refusalText(locale, p.reason, b) },
          ),
        ],
      };
    }
    return { send: [cardMessage(previewCard(locale, p, { kind: 'draft' }))] };
  },

  'broadcast.edit': async (ctx, action, deps) => {
    const person = actingPerson(ctx);
    const locale = turnLocale(ctx);
    const c = await composeContext(deps.db, deps.clock, person, 'edit');
    if (!c.ok) return denied(locale);
    const b = await ownBroadcast(deps.db, person.id, action.broadcastId);
    if (!b || b.status !== 'draft')
      return {
        send: [
          textMessage(t(locale, b ? 'bcompose.alreadySent' : 'bcompose.noDraft', { id: action.broadcastId })),
        ],
      };
    return {
      send: [
        formMessage(locale, c.options, valuesOfContent(b), {}, { broadcastId: b.id, savedAt: b.updatedAt }),
      ],
    };
  },

  'broadcast.discard': async (ctx, action, deps) => {
    const person = actingPerson(ctx);
    const locale = turnLocale(ctx);
    const r = await discardBroadcastDraft(deps.db, deps.clock, {
      actorId: person.id,
      broadcastId: action.broadcastId,
    });
    return { send: [textMessage(t(locale, r.ok ? 'bcompose.discarded' : 'bcompose.noDraft'))] };
  },

  'broadcast.send': async (ctx, action, deps) => {
    const person = actingPerson(ctx);
    const locale = turnLocale(ctx);
    const c = await composeContext(deps.db, deps.clock, person, 'send');
    if (!c.ok) return denied(locale);
    const b = await ownBroadcast(deps.db, person.id, action.broadcastId);
    if (b?.status === 'draft' && Object.keys(validateComposed(b, c.options)).length > 0)
      // Only a complete draft is sent: an edited one goes back to its form (never from the card's data).
      return {
        replace: buildBroadcastComposeCard(
          locale,
          c.options,
          valuesOfContent(b),
          validateComposed(b, c.options),
          { broadcastId: b.id },
        ),
      };
    const r = await sendBroadcast(deps.db, deps.clock, {
      actorId: person.id,
      broadcastId: action.broadcastId,
      version: action.version,
    });
    if (!r.ok) {
      deps.logger.info(
        { personId: person.id, broadcastId: action.broadcastId, reason: r.reason },
        'broadcast send refused',
      );
      if (r.reason === 'not_found' || !b)
        return {
          replace: buildBroadcastResultCard(t(locale, 'bcompose.title'), [t(locale, 'bcompose.noDraft')], {
            style: 'warning',
          }),
        };
      if (r.reason === 'not_draft')
        return {
          replace: buildBroadcastResultCard(
            t(locale, 'bcompose.title'),
            [t(locale, 'bcompose.alreadySent', { id: b.id })],
            { style: 'warning' },
          ),
        };
      const p = await previewView(deps.db, deps.clock, { actorId: person.id, broadcastId: b.id });
      if (r.reason === 'stale' && p.ok)
        return {
          replace: previewCard(locale, p, {
            kind: 'notice',
            notice: t(locale, 'bcompose.error.stale'),
            style: 'warning',
          }),
        };
      const text = isSendDeny(r.reason)
        ? refusalText(locale, r.reason, b)
        : t(locale, 'bcompose.error.stale');
      return {
        replace: buildBroadcastResultCard(t(locale, 'bcompose.title'), [text], {
          style: 'attention',
          quote: b.title,
        }),
      };
    }
    deps.logger.info(
      { personId: person.id, broadcastId: r.broadcast.id, recipients: r.recipients },
      'broadcast sent',
    );
    deps.sender?.kick();
    const p = await previewView(deps.db, deps.clock, { actorId: person.id, broadcastId: r.broadcast.id });
    const notice = t(locale, 'bcompose.sent', { id: r.broadcast.id, count: r.recipients });
    return {
      replace: p.ok
        ? previewCard(locale, p, { kind: 'sent', notice })
        : buildBroadcastResultCard(t(locale, 'bcompose.title'), [notice]),
    };
  },
};
