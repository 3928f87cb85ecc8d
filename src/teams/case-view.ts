import { OPERATING_RULE, type Citation } from '../domain/articles';
import { allowedActions, authorize } from '../domain/authorization';
import { cyberStepRole, cyberStepsFor } from '../domain/policy/cyber-attack';
import { caseDuties, decisionArticles } from '../domain/case-articles';
import type { Finding } from '../domain/case-evaluation';
import { isDoneCaseStatus, isIncidentKind, type Localized } from '../domain/cases';
import { webhookFailureText, webhookStatusForCase } from '../services/webhook-service';
import type { CaseState } from '../domain/decisions';
import type { Directory } from '../domain/directory';
import { FLOWS } from '../domain/flows';
import { incidentPlan } from '../domain/policy/incident';
import { CONSULT_RECORDS } from '../domain/policy/network-requests';
import { isRefusalEvent, viewCase, type ViewPath } from '../services/case-view-service';
import type { Clock } from '../domain/clock';
import { AuditRepo } from '../storage/audit-repo';
import type { CaseRecord } from '../storage/case-repo';
import { ConversationRepo } from '../storage/conversation-repo';
import type { Database } from '../storage/sql';
import { renderCard, type AdaptiveCardJson } from './cards';
import { buildCaseCard, type CaseCardPrefill, type CaseHistoryEntry } from './case-card';
import { caseLinks } from './case-links';
import { answerRows, type Answers, type ArticleText } from './form-card';
import { t, type Locale } from './i18n';
import { msg, storedText } from '../i18n';

const EVENT_TEXT: Readonly<Record<string, Localized>> = {
  'case.submitted': msg('caseView.submitted'),
  'case.escalated': msg('caseView.escalated_not_acknowledged_time'),
  'case.cancelled': msg('caseView.withdrawn_requester'),
};

async function history(
  db: Database,
  c: CaseRecord,
  dir: Directory,
  locale: Locale,
): Promise<CaseHistoryEntry[]> {
  const nameOf = (id: string) =>
    dir.people.find((p) => p.id === id)?.name ?? (id === 'scheduler' ? t(locale, 'caseView.system') : id);
  return (await new AuditRepo(db).list(c.id))
    .filter((e) => !isRefusalEvent(e.event))
    .map((e) => {
      const summary =
        e.data?.summary !== undefined
          ? storedText(e.data.summary)
          : (EVENT_TEXT[e.event] ?? msg('caseView.event', { event: e.event }));
      // The summary of a decision may already quote the comment (「…却下しました（理由: X）」).
      const raw = typeof e.data?.comment === 'string' ? e.data.comment : '';
      const quote = raw !== '' && !t('ja', summary).includes(raw);
      const text = quote ? msg('caseView.withComment', { summary, comment: raw }) : summary;
      return {
        at: new Date(e.at),
        actor: nameOf(e.actor),
        text: e.intact ? text : msg('audit.tampered_entry', { text }),
        ...(e.article ? { article: e.article } : {}),
      };
    });
}

const CLOSURE_LABELS: Readonly<Record<'content' | 'cause' | 'damage' | 'scope', Localized>> = {
  content: msg('caseView.record_content'),
  cause: msg('caseView.record_cause'),
  damage: msg('caseView.record_confirmed_damage'),
  scope: msg('caseView.record_scope'),
};

/** What the handlers recorded and decided, shown to everyone who sees the card (12(5)②カ). */
type RecordItems = readonly { id: string; label: Localized; article: Citation }[];

function outcomeRows(state: CaseState, items: RecordItems, locale: Locale) {
  const rows: Array<{ label: string; value: string }> = [];
  for (const r of items) {
    const v = state.records[r.id];
    if (v) rows.push({ label: t(locale, 'caseView.recordLabel', { label: r.label }), value: v });
  }
  if (state.closure) {
    for (const k of ['content', 'cause', 'damage', 'scope'] as const) {
      rows.push({ label: t(locale, CLOSURE_LABELS[k]), value: state.closure[k] });
    }
  }
  if (state.decision?.conditions) {
    rows.push({
      label: t(locale, 'caseView.decisionConditions'),
      value: state.decision.conditions,
    });
  }
  if (state.decision?.comment) {
    rows.push({
      label: t(locale, 'caseView.decisionComment'),
      value: state.decision.comment,
    });
  }
  return rows;
}

/** The short card a refused read gets: it says the case cannot be shown, and nothing about it. */
export function caseUnavailableCard(locale: Locale): AdaptiveCardJson {
  return renderCard('notice', {
    title: t(locale, 'caseView.unavailableTitle'),
    text: t(locale, 'caseView.unavailableText'),
    basis: '',
    buttons: [],
  });
}

export type RenderedCase = { shown: true; card: AdaptiveCardJson } | { shown: false; card: AdaptiveCardJson };

/**
 * The case card as `viewerId` should see it now: buttons only for what they may do, everyone's
 * history, and `refresh.userIds` naming those who may act (Universal Actions), so each client
 * shows its user the right view. Always built from storage, never from card data; `prefill` only
 * puts the viewer's own typed text back into the inputs after a refused click.
 *
 * This is the one function that renders a case for a person, and it asks viewCase first (deny by
 * default, audited): someone without a need to know gets the unavailable card — no title, names or
 * state — exactly as for an id that does not exist.
 */
export async function renderCaseCard(
  db: Database,
  clock: Clock,
  input: {
    caseId: string;
    viewerId: string;
    locale: Locale;
    via: ViewPath;
    notice?: Localized;
    prefill?: CaseCardPrefill;
  },
): Promise<RenderedCase> {
  const { locale, viewerId, notice, prefill } = input;
  const seen = await viewCase(db, clock, { caseId: input.caseId, viewerId, via: input.via });
  if (!seen.ok) return { shown: false, card: caseUnavailableCard(locale) };
  const { case: c, state, directory, absences, recipients } = seen.view;
  const now = clock.now();
  const ctx = { directory, absences, now };
  const allowed = allowedActions(state, viewerId, ctx);
  const viewer = recipients.find((r) => r.personId === viewerId);
  const reporter = directory.people.find((p) => p.id === c.reporterId);
  const section = directory.sections.find((s) => s.code === c.sectionCode);
  // Who may act at all: their Teams clients refresh the card to get their buttons.
  const candidates = new Set([
    ...recipients.map((r) => r.personId),
    ...state.escalatedTo,
    ...(c.assigneeId ? [c.assigneeId] : []),
    ...directory.people.filter((p) => p.isChiefOfficer).map((p) => p.id),
  ]);
  const actors = [...candidates].flatMap((id) => {
    if (allowedActions(state, id, ctx).length === 0) return [];
    const person = directory.people.find((p) => p.id === id);
    return person ? [person.aadObjectId.toLowerCase()] : [];
  });
  // Their references in one query, not one per person (the card is rendered for every viewer).
  const refs = await new ConversationRepo(db).getMany(actors);
  const refreshUserIds: string[] = [];
  for (const aad of actors) {
    const userId = (refs.get(aad)?.reference.user as { id?: string } | undefined)?.id;
    if (userId) refreshUserIds.push(userId);
  }
  const plan = isIncidentKind(c.kind) ? incidentPlan(c.kind) : undefined;
  // What is recorded on the card: an incident's steps, or the IT管理者's consultation (11(2)②).
  const recordItems: RecordItems =
    plan?.officerRecords ?? (c.kind === 'external_connection' ? CONSULT_RECORDS : []);
  // A cyber attack's steps are the officer's; 統括 and IT管理者 get the input of their consultation only.
  const viewerPerson = directory.people.find((p) => p.id === viewerId);
  const auth = authorize(state, 'case.record', { actorId: viewerId, ...ctx });
  const ownSteps =
    c.kind === 'cyber_attack' && auth.ok && viewerPerson
      ? cyberStepsFor(cyberStepRole(auth.as, viewerPerson))
      : null;
  // One source for what the handler must do and what each button cites (domain/case-articles.ts).
  const duties: ArticleText[] = caseDuties(c.kind, c.form.value);
  const decisionBasis = isIncidentKind(c.kind) ? undefined : decisionArticles(c.kind, c.form.value);
  const final = isDoneCaseStatus(c.status);
  // Broadcasts linked to the case and its recurrence steps (12(4)⑤, 12(5)②エ, 12(5)③).
  const linked = await caseLinks(db, locale, {
    case: {
      id: c.id,
      kind: c.kind,
      status: c.status,
      sectionCode: c.sectionCode,
      reportedToChief: state.reportedToChief,
    },
    viewerId,
    directory,
  });
  const card = buildCaseCard(locale, {
    caseId: c.id,
    kind: c.kind,
    severity: c.severity,
    status: c.status,
    reporter: { name: reporter?.name ?? c.reporterId, section: section?.name ?? c.sectionCode },
    submittedAt: new Date(c.createdAt),
    ...(c.status === 'submitted' && c.ackDueAt ? { ackDueAt: new Date(c.ackDueAt) } : {}),
    ...(viewer ? { reasons: viewer.reasons } : {}),
    rows: [
      ...answerRows(locale, FLOWS[c.kind].fields, (c.form.answers ?? {}) as Answers),
      ...outcomeRows(state, recordItems, locale),
    ],
    findings: [
      ...((c.evaluation.findings ?? []) as Finding[]).map((f) => ({
        message: f.text,
        article: f.article,
        level: f.level,
      })),
      // Integration failures are shown to whoever handles the case (e.g. the card was not stopped).
      // The integration is the organisation's; the duty it helps with is among the duties below.
      ...(await webhookStatusForCase(db, c.id)).flatMap((s) => {
        const text = webhookFailureText(s);
        return text ? [{ message: text, article: OPERATING_RULE, level: 'warning' as const }] : [];
      }),
    ],
    duties,
    ...(decisionBasis ? { decisionBasis } : {}),
    history: await history(db, c, directory, locale),
    allowedVerbs: allowed,
    records: recordItems
      .filter((r) => ownSteps === null || ownSteps.includes(r.id))
      .map((r) => ({
        id: r.id,
        label: r.label,
        article: r.article,
        value: state.records[r.id] ?? '',
      })),
    endorseLabelKind: state.urgent ? 'urgent' : 'forward',
    refreshUserIds,
    ...(notice ? { notice } : {}),
    ...(prefill ? { prefill } : {}),
    showReadOnlyNote: allowed.length === 0 && !final,
    ...(c.origin ? { origin: c.origin } : {}),
    linked,
  });
  return { shown: true, card };
}
