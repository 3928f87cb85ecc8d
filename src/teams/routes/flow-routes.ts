import type { TurnContext } from 'botbuilder';
import type { Citations } from '../../domain/articles';
import { decisionArticles } from '../../domain/case-articles';
import { isIncidentKind, type CaseKind, type Localized } from '../../domain/cases';
import type { Finding } from '../../domain/case-evaluation';
import type { Directory } from '../../domain/directory';
import { FLOWS } from '../../domain/flows';
import { defaultAnswers } from '../../domain/flows/form';
import type { CaseRoute } from '../../domain/routing';
import {
  discardDraft,
  getDraft,
  recordOnlyBasis,
  reviewFlow,
  submitFlow,
  type Assessment,
} from '../../services/flow-service';
import type { CardHandlers } from '../card-routes';
import type { BotDeps } from '../deps';
import {
  answerRows,
  answersFromSubmit,
  buildCaseCreatedCard,
  buildDraftResumeCard,
  buildFlowConfirmCard,
  buildFlowFormCard,
  type Answers,
  type CardFinding,
  type CardRecipient,
} from '../form-card';
import { t } from '../i18n';
import { roleLabel } from '../roles';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';
import { urgentLine } from '../urgent-line';
import { checkFiler } from '../../services/permission-refusal-service';
import { filerRefusalCard } from '../refusal-card';
import { sendMenu } from '../menu';
import { msg } from '../../i18n';

const M = {
  discarded: msg('flowRoute.draft_was_discarded'),
  noDraft: msg('flowRoute.was_already_submitted_draft_gone'),
  refused: msg('flowRoute.request_breaks_mandatory_rule_cannot'),
  notifyAssignee: msg('flowRoute.name_role_has_been_notified'),
  recorded: msg('flowRoute.no_permission_needed_take_out'),
  renewalRecorded: msg('permissions.renewal.recorded'),
  awaitDecision: msg('flowRoute.please_wait_decision_name_role'),
  track: msg('flowRoute.can_follow_progress_under_my'),
} satisfies Record<string, Localized>;

async function reply(ctx: TurnContext, card: object): Promise<void> {
  await ctx.sendActivity({ attachments: [cardAttachment(card)] });
}

function toCardFindings(findings: readonly Finding[]): CardFinding[] {
  return findings.map((f) => ({ message: f.text, article: f.article, level: f.level }));
}

function recipientsOf(dir: Directory, route: CaseRoute): CardRecipient[] {
  const nameOf = (id: string) => dir.people.find((p) => p.id === id)?.name ?? id;
  return [
    { name: nameOf(route.assignee), role: roleLabel(route.assigneeRole) },
    ...route.notify.map((n) => ({ name: nameOf(n.personId), role: roleLabel(n.roles.join(',')) })),
  ];
}

async function sendForm(
  ctx: TurnContext,
  deps: BotDeps,
  kind: CaseKind,
  answers: Answers,
  errors: Record<string, Localized>,
  savedAt?: Date,
) {
  const contact = await urgentLine(ctx, deps, kind);
  await reply(
    ctx,
    buildFlowFormCard(turnLocale(ctx), FLOWS[kind], answers, errors, {
      ...(savedAt ? { draftSavedAt: savedAt } : {}),
      ...(contact ? { contact } : {}),
    }),
  );
}

/** Starts a flow: urgent guidance first (on the form or the resume card), then the questions. */
export async function startFlow(ctx: TurnContext, kind: CaseKind, deps: BotDeps): Promise<void> {
  const person = actingPerson(ctx);
  // 9(3)③, 11(2)③: requests only their addressees may file; others are told why (audited) and
  // never get a form they could not send.
  const refusal = await checkFiler(deps.db, deps.clock, person, kind);
  if (refusal) {
    const locale = turnLocale(ctx);
    return reply(ctx, filerRefusalCard(locale, t(locale, FLOWS[kind].title), refusal));
  }
  const draft = await getDraft(deps.db, person.id, kind);
  if (draft && Object.values(draft.answers).some((v) => v.trim() !== '')) {
    const contact = await urgentLine(ctx, deps, kind);
    await reply(
      ctx,
      buildDraftResumeCard(
        turnLocale(ctx),
        FLOWS[kind],
        new Date(draft.updatedAt),
        contact ? { contact } : {},
      ),
    );
    return;
  }
  // "When did you notice" starts at now (Japan time), so an urgent report can be sent at once.
  await sendForm(ctx, deps, kind, defaultAnswers(FLOWS[kind].fields, deps.clock.now()), {});
}

function nextSteps(kind: CaseKind, a: Assessment): { text: Localized; article?: Citations }[] {
  const assignee = a.directory.people.find((p) => p.id === a.route.assignee);
  const role = roleLabel(a.route.assigneeRole);
  const record = recordOnlyBasis(kind, a);
  const first: { text: Localized; article?: Citations } = record
    ? { text: kind === 'ic_card_renewal' ? M.renewalRecorded : M.recorded, article: record }
    : isIncidentKind(kind)
      ? { text: M.notifyAssignee, article: '10(6)③' }
      : { text: M.awaitDecision, article: decisionArticles(kind, a.value) };
  return [
    { ...first, text: msg(first.text.key, { name: assignee?.name ?? '', role }) },
    ...a.evaluation.findings
      .filter((f) => f.level === 'warning')
      .map((f) => ({ text: f.text, article: f.article })),
    { text: M.track },
  ];
}

/** 修正する / 続きから: the form again with what the draft holds (answers, errors, when saved). */
async function sendDraftForm(ctx: TurnContext, kind: CaseKind, deps: BotDeps): Promise<void> {
  const draft = await getDraft(deps.db, actingPerson(ctx).id, kind);
  // What the person typed wins; a field they never answered starts as on a new form.
  await sendForm(
    ctx,
    deps,
    kind,
    { ...defaultAnswers(FLOWS[kind].fields, deps.clock.now()), ...(draft?.answers ?? {}) },
    draft?.errors ?? {},
    draft ? new Date(draft.updatedAt) : undefined,
  );
}

/** The form again with its errors, or — when nobody can receive the case — why not. */
async function answerFailure(
  ctx: TurnContext,
  deps: BotDeps,
  kind: CaseKind,
  r:
    | { reason: 'invalid'; answers: Answers; errors: Record<string, Localized> }
    | { reason: 'unroutable'; message: Localized },
): Promise<void> {
  const person = actingPerson(ctx);
  if (r.reason === 'unroutable') {
    deps.logger.error({ personId: person.id, kind }, 'routing failed');
    await ctx.sendActivity(t(turnLocale(ctx), r.message));
    return;
  }
  deps.logger.info({ personId: person.id, kind, errorFields: Object.keys(r.errors) }, 'form rejected');
  await sendForm(ctx, deps, kind, r.answers, r.errors);
}

export const flowCardHandlers: Pick<
  CardHandlers,
  'flow.review' | 'flow.submit' | 'flow.edit' | 'draft.resume' | 'draft.discard'
> = {
  'flow.review': async (ctx, action, deps) => {
    const person = actingPerson(ctx);
    const locale = turnLocale(ctx);
    const answers = answersFromSubmit(action as Record<string, unknown>, FLOWS[action.kind].fields);
    const r = await reviewFlow(deps.db, deps.clock, { person, kind: action.kind, answers });
    if (!r.ok) return answerFailure(ctx, deps, action.kind, r);
    const a = r.assessment;
    await reply(
      ctx,
      buildFlowConfirmCard(locale, {
        kind: action.kind,
        title: FLOWS[action.kind].title,
        rows: answerRows(locale, FLOWS[action.kind].fields, a.answers),
        findings: toCardFindings(a.evaluation.findings),
        refused: a.evaluation.refused,
        recipients: recipientsOf(a.directory, a.route),
      }),
    );
  },

  'flow.submit': async (ctx, action, deps) => {
    const person = actingPerson(ctx);
    const locale = turnLocale(ctx);
    // Card data carries the kind only: the answers are reloaded from storage, never from the card.
    const r = await submitFlow(deps.db, deps.clock, {
      person,
      kind: action.kind,
      ...(deps.ackMinutesOverride ? { ackMinutesOverride: deps.ackMinutesOverride } : {}),
      ...(deps.webhooks ? { webhooks: deps.webhooks.hooks } : {}),
    });
    if (!r.ok) {
      if (r.reason === 'no_draft') return void (await ctx.sendActivity(t(locale, M.noDraft)));
      // Seen again before anything is sent, even from an older confirmation card.
      if (r.reason === 'needs_review') {
        const d = r.draft;
        return sendForm(ctx, deps, action.kind, d.answers, d.errors, new Date(d.updatedAt));
      }
      if (r.reason === 'refused') {
        // Deny by default: a request that breaks a mandatory rule is never sent on (8(3)①オ, 10(4)③).
        await ctx.sendActivity(t(locale, M.refused));
        return sendForm(ctx, deps, action.kind, r.draft.answers, {});
      }
      return answerFailure(ctx, deps, action.kind, r);
    }
    const { created, assessment: a } = r;
    deps.logger.info({ personId: person.id, caseId: created.caseId, kind: action.kind }, 'case submitted');
    deps.sender?.kick();
    deps.webhooks?.dispatcher.kick();
    await reply(
      ctx,
      buildCaseCreatedCard(locale, {
        caseId: created.caseId,
        kind: action.kind,
        status: r.recordOnly ? 'closed' : 'submitted',
        submittedAt: deps.clock.now(),
        nextSteps: nextSteps(action.kind, a),
        recipients: recipientsOf(a.directory, a.route),
      }),
    );
  },

  'flow.edit': (ctx, action, deps) => sendDraftForm(ctx, action.kind, deps),

  'draft.resume': (ctx, action, deps) => sendDraftForm(ctx, action.kind, deps),

  'draft.discard': async (ctx, action, deps) => {
    const person = actingPerson(ctx);
    await discardDraft(deps.db, deps.clock, person, action.kind);
    deps.logger.info({ personId: person.id, kind: action.kind }, 'draft discarded');
    await sendMenu(ctx, deps, t(turnLocale(ctx), M.discarded));
  },
};
