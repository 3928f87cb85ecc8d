// The staff flows' use case: the answers a person sent are validated on the server, kept as a draft
// (so an error, a crash or a restart never loses what was typed), evaluated by the policy, routed by
// the directory and, on 送信, turned into a case. Routes parse the card and render the result; every
// state change here — drafts included — is written with its audit event.
import type { Citation } from '../domain/articles';
import { evaluateCase, type CaseEvaluation } from '../domain/case-evaluation';
import { articlesOf, type CaseKind, type Localized } from '../domain/cases';
import type { Clock } from '../domain/clock';
import type { Directory, Person } from '../domain/directory';
import { FLOWS, type FlowValues } from '../domain/flows';
import { limitAnswers } from '../domain/flows/form';
import { filerRefusal } from '../domain/policy/network-requests';
import { routeCase, urgentContact, type CaseRoute, type UrgentContact } from '../domain/routing';
import type { WebhookConfig } from '../config/config';
import { AbsenceRepo } from '../storage/absence-repo';
import { AuditRepo } from '../storage/audit-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { DraftRepo, type Draft } from '../storage/draft-repo';
import type { Database, SqlClient } from '../storage/sql';
import { submitCase, type SubmittedCase } from './case-service';

export type Answers = Record<string, string>;
export type FieldErrors = Record<string, Localized>;

export interface Assessment {
  /** The answers as stored (within the fields' limits): what the confirmation shows and the case keeps. */
  answers: Answers;
  value: unknown;
  evaluation: CaseEvaluation;
  route: CaseRoute;
  directory: Directory;
}

export type AssessResult =
  | { ok: true; assessment: Assessment }
  /** The answers do not pass: the form comes back with these errors and the stored answers. */
  | { ok: false; reason: 'invalid'; answers: Answers; errors: FieldErrors }
  /** Nobody can receive the case (no role holder at all besides the reporter). */
  | { ok: false; reason: 'unroutable'; message: Localized };

async function saveDraft(
  sql: SqlClient,
  at: string,
  person: Person,
  kind: CaseKind,
  answers: Answers,
  errors: FieldErrors,
): Promise<void> {
  await new DraftRepo(sql).save({ personId: person.id, kind, answers, errors, updatedAt: at });
  // What was typed stays out of the audit trail: the draft is the person's own until sent.
  await new AuditRepo(sql).append({
    at,
    actor: person.id,
    event: 'draft.saved',
    subject: person.id,
    article: articlesOf(kind),
    data: { kind, errorFields: Object.keys(errors) },
  });
}

/**
 * 確認へ進む: validation of whatever the client sent, then the policy and the routing. The answers
 * are stored first, within the fields' limits (the validation of the uncut answers tells the person
 * how much they wrote).
 */
export async function reviewFlow(
  db: Database,
  clock: Clock,
  input: { person: Person; kind: CaseKind; answers: Answers },
): Promise<AssessResult> {
  const now = clock.now();
  const flow = FLOWS[input.kind];
  const v = flow.validate(input.answers, { now });
  const errors: FieldErrors = v.ok ? {} : v.errors;
  const stored = limitAnswers(flow.fields, input.answers);
  await db.transaction((tx) => saveDraft(tx, now.toISOString(), input.person, input.kind, stored, errors));
  if (!v.ok) return { ok: false, reason: 'invalid', answers: stored, errors };
  return assess(db, now, input.person, input.kind, stored, v.value);
}

async function assess(
  db: Database,
  now: Date,
  person: Person,
  kind: CaseKind,
  answers: Answers,
  value: unknown,
): Promise<AssessResult> {
  const directory = await new DirectoryRepo(db).load();
  const evaluated = evaluateCase(kind, value as never, now, directory);
  // 9(3)③, 11(2)③: only their addressees file these requests; anyone else's is never sent on.
  const filer = filerRefusal(kind, directory, person.id);
  const evaluation: CaseEvaluation = filer
    ? {
        ...evaluated,
        refused: true,
        findings: [
          { text: filer.text, article: filer.article, level: 'refusal' },
          ...(filer.rests ? [{ ...filer.rests, level: 'info' as const }] : []),
          ...evaluated.findings,
        ],
      }
    : evaluated;
  const route = routeCase(directory, person.id, kind, evaluation.routeExtras);
  if (!route.ok) return { ok: false, reason: 'unroutable', message: route.message };
  return { ok: true, assessment: { answers, value, evaluation, route, directory } };
}

/**
 * What a record changed, for the audit row (before → after): an IC card renewal (10(9)③) takes the
 * old card from its holder to destroyed.
 */
function recordAudit(kind: CaseKind, value: unknown): { audit?: { before: unknown; after: unknown } } {
  if (kind !== 'ic_card_renewal') return {};
  const v = value as FlowValues['ic_card_renewal'];
  return {
    audit: {
      before: { cardNumber: v.cardNumber, state: 'in_use', heldBy: v.collectedFrom },
      after: {
        cardNumber: v.cardNumber,
        state: 'destroyed',
        collectedAt: v.collectedAt.toISOString(),
        destroyedAt: v.destroyedAt.toISOString(),
        method: v.method,
        ...(v.methodDetail ? { methodDetail: v.methodDetail } : {}),
        destroyedBy: v.destroyedBy,
        ...(v.newCardNumber ? { newCardNumber: v.newCardNumber } : {}),
      },
    },
  };
}

/** A take-out that no article makes subject to permission: filed as a record (case-service). */
export function recordOnlyBasis(kind: CaseKind, a: Assessment): readonly Citation[] | null {
  // 10(9)③: the renewal is a record of what the officer did, filed closed.
  if (kind === 'ic_card_renewal') return ['10(9)③'];
  if (kind !== 'takeout' || a.evaluation.details.decision !== 'no_approval_needed') return null;
  return a.evaluation.details.noPermissionBasis as readonly Citation[];
}

export type SubmitResult =
  | { ok: true; created: SubmittedCase; assessment: Assessment; recordOnly: boolean }
  /** Already sent, or never drafted: the card was old. */
  | { ok: false; reason: 'no_draft' }
  /** The last check failed (e.g. a text cut to its limit): the person sees the form again first. */
  | { ok: false; reason: 'needs_review'; draft: Draft }
  /** Breaks a mandatory rule (e.g. 8(3)①オ, 10(4)③): never sent on. */
  | { ok: false; reason: 'refused'; draft: Draft }
  | Extract<AssessResult, { ok: false }>;

/**
 * 送信する: the answers are reloaded from the draft (never from the card), checked again, and the
 * case is created (case-service submitCase: one transaction with its routing, outbox and audit).
 */
export async function submitFlow(
  db: Database,
  clock: Clock,
  input: {
    person: Person;
    kind: CaseKind;
    ackMinutesOverride?: Partial<Record<'critical' | 'high' | 'normal', number>>;
    webhooks?: WebhookConfig[];
  },
): Promise<SubmitResult> {
  const { person, kind } = input;
  const now = clock.now();
  const draft = await new DraftRepo(db).get(person.id, kind);
  if (!draft) return { ok: false, reason: 'no_draft' };
  if (Object.keys(draft.errors).length > 0) return { ok: false, reason: 'needs_review', draft };
  const v = FLOWS[kind].validate(draft.answers, { now });
  if (!v.ok) {
    await db.transaction((tx) => saveDraft(tx, now.toISOString(), person, kind, draft.answers, v.errors));
    return { ok: false, reason: 'invalid', answers: draft.answers, errors: v.errors };
  }
  const r = await assess(db, now, person, kind, draft.answers, v.value);
  if (!r.ok) return r;
  const a = r.assessment;
  if (a.evaluation.refused) return { ok: false, reason: 'refused', draft };
  // A take-out no article makes subject to permission is filed as a record (10(4)①ただし書, 8(3)①カ).
  const record = recordOnlyBasis(kind, a);
  const created = await submitCase(db, clock, {
    reporter: person,
    kind,
    form: { answers: draft.answers, value: JSON.parse(JSON.stringify(a.value)) as unknown },
    evaluation: { refused: false, findings: a.evaluation.findings, ...a.evaluation.details },
    severity: a.evaluation.severity,
    ackMinutes: input.ackMinutesOverride?.[a.evaluation.severity] ?? a.evaluation.ackMinutes,
    route: a.route,
    urgent: a.evaluation.routeExtras.urgent === true,
    possibleLeak: a.evaluation.routeExtras.possibleLeak === true,
    ...(record ? { recordOnly: { basis: record, ...recordAudit(kind, a.value) } } : {}),
    ...(input.webhooks ? { webhooks: input.webhooks } : {}),
    ...(draft.origin ? { origin: draft.origin } : {}),
  });
  if (!created) return { ok: false, reason: 'no_draft' };
  return { ok: true, created, assessment: a, recordOnly: record !== null };
}

/** The person's draft of a flow, if any (their own only). */
export async function getDraft(db: Database, personId: string, kind: CaseKind): Promise<Draft | undefined> {
  return new DraftRepo(db).get(personId, kind);
}

/** 破棄: the draft goes, with its audit event. */
export async function discardDraft(
  db: Database,
  clock: Clock,
  person: Person,
  kind: CaseKind,
): Promise<boolean> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const gone = await new DraftRepo(tx).delete(person.id, kind);
    if (gone)
      await new AuditRepo(tx).append({
        at,
        actor: person.id,
        event: 'draft.discarded',
        subject: person.id,
        article: articlesOf(kind),
        data: { kind },
      });
    return gone;
  });
}

/** Whom `personId` should phone at once about an urgent report of `kind` (routing.ts urgentContact). */
export async function urgentContactFor(
  db: Database,
  clock: Clock,
  personId: string,
  kind: CaseKind,
): Promise<{ contact: UrgentContact; directory: Directory }> {
  const now = clock.now();
  const directory = await new DirectoryRepo(db).load();
  const absences = await new AbsenceRepo(db).active(now.toISOString());
  return { contact: urgentContact(directory, personId, kind, absences, now), directory };
}
