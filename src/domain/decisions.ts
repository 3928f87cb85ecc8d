// The case state machine: what each decision (approve, reject, endorse, acknowledge, record, report,
// close) does to a case, which article it applies and who must hear of it. Pure: the caller loads the
// case, checks who is acting (authorization.ts), applies the action and stores the result.
//
// Choices where the standard leaves room (each also noted at the rule):
// - An urgent exception (12(6)②) that 統括 has acknowledged ends as status 'approved' with a decision
//   { outcome: 'approved', comment: '事後報告を確認' }: the measure is in force with 統括's knowledge.
//   'acknowledged' stays reserved for incidents (対応開始), so a status filter never mixes the two.
//   (policy/exception.ts names 'acknowledged' as the post_report statusOnComplete; this module is the
//   one that sets statuses.)
// - Done statuses (domain/cases.ts DONE_CASE_STATUSES) are final for every action here (a take-out's
//   return is confirmed by the ledger, not by this state machine).
// - `stage` keeps the stage a case ended in; `assigneeId` becomes null when nobody has to act any more.
// - When an exception moves to 統括 the escalations of the officer's stage are cleared: escalation
//   made those people responsible for the officer's step, not for 統括's permission (12(6)①).
import { z } from 'zod';
import { type Citation, type Citations } from './articles';
import {
  ACKNOWLEDGE_ARTICLE,
  CLOSE_ARTICLE,
  closeNoticeArticle,
  decisionArticles,
  REPORT_CHIEF_ARTICLE,
} from './case-articles';
import {
  caseTitle,
  isDoneCaseStatus,
  isIncidentKind,
  type CaseKind,
  type CaseStatus,
  type IncidentKind,
  type Localized,
  type RequestKind,
} from './cases';
import type { Directory } from './directory';
import { incidentPlan } from './policy/incident';
import { chiefOfficers } from './routing';
import { cleanText } from './text';

export const EXCEPTION_STAGE_NAMES = ['endorse', 'approve', 'post_report', 'urgent_decision'] as const;
export type ExceptionStageName = (typeof EXCEPTION_STAGE_NAMES)[number];

export interface CaseClosure {
  content: string;
  cause: string;
  damage: string;
  scope: string;
}

export interface CaseDecision {
  by: string;
  outcome: 'approved' | 'rejected';
  comment: string;
  conditions: string;
}

export interface CaseEndorsement {
  by: string;
  comment: string;
  /** ISO-8601 UTC. */
  at: string;
}

export interface CaseState {
  id: string;
  kind: CaseKind;
  status: CaseStatus;
  reporterId: string;
  sectionCode: string;
  /** Who must act now; null once the case is decided or closed. */
  assigneeId: string | null;
  /** Exception only: the current stage (or the stage it ended in). Null for every other kind. */
  stage: ExceptionStageName | null;
  /** Exception filed as urgent (12(6)②). */
  urgent: boolean;
  /** Personal data may have leaked (12(5)②イ): the case cannot close before 統括 is told. */
  possibleLeak: boolean;
  /** People the case was escalated to (運用ルール; 12(5)②オ for an urgent breach); they may act too. */
  escalatedTo: string[];
  /** Incident step records filled so far: incidentPlan(kind).officerRecords ids → text. */
  records: Record<string, string>;
  /** Incident reported to 統括 (12(4)④, 12(5)①イ, 12(5)②イ). */
  reportedToChief: boolean;
  /** 12(5)②カ: content, cause, confirmed damage and scope. */
  closure: CaseClosure | null;
  decision: CaseDecision | null;
  /** Exception: the section officer's forwarding (12(6)①) or decision to act at once (12(6)②). */
  endorsement: CaseEndorsement | null;
  /** Urgent exception: when 統括 acknowledged the after-the-fact report (ISO-8601 UTC). */
  chiefAcknowledgedAt: string | null;
}

// ---------------------------------------------------------------------------------------------
// Actions

export const CASE_ACTION_NAMES = [
  'case.acknowledge',
  'case.record',
  'case.report_chief',
  'case.close',
  'case.approve',
  'case.reject',
  'case.endorse',
  'case.ack_post_report',
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
]);
export type CaseAction = z.infer<typeof CaseActionSchema>;

export type NotifyWhy = 'requester' | 'chief_officer' | 'assignee';

export interface CaseNotify {
  personId: string;
  why: NotifyWhy;
  /** Why this person hears of it, when that differs from the event's article. */
  article?: Citation;
}

export interface CaseEvent {
  /** 'case.approved', 'case.rejected', 'case.acknowledged', 'case.recorded', 'case.reported_to_chief',
   *  'case.closed', 'case.endorsed', 'case.post_report_acknowledged'. */
  name: string;
  article: Citations;
  summary: Localized;
}

export type ApplyFailureCode = 'invalid_state' | 'invalid_input';

export interface ApplyFailure {
  ok: false;
  code: ApplyFailureCode;
  message: Localized;
}

export interface ApplySuccess {
  ok: true;
  state: CaseState;
  event: CaseEvent;
  notify: CaseNotify[];
}

export type ApplyResult = ApplySuccess | ApplyFailure;

export interface ApplyContext {
  actorId: string;
  now: Date;
  directory: Directory;
  /** The case's validated form value: what a request's permission rests on depends on it. */
  formValue?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Initial state

/** What the submission stored: the routed case (routeCase) plus the flags the evaluation found. */
export interface CaseSeed {
  id: string;
  kind: CaseKind;
  reporterId: string;
  sectionCode: string;
  /** The routed assignee (routeCase(...).assignee); null when routing found nobody. */
  assigneeId: string | null;
  urgent?: boolean;
  possibleLeak?: boolean;
}

/** 統括 who decides a case: the first chief officer (id order) who is neither the reporter nor `alsoNot`. */
function chiefFor(dir: Directory, reporterId: string, alsoNot?: string): string | null {
  return chiefOfficers(dir).find((id) => id !== reporterId && id !== alsoNot) ?? null;
}

function isChief(dir: Directory, personId: string | null): boolean {
  return personId !== null && dir.people.some((p) => p.id === personId && p.isChiefOfficer);
}

/**
 * The state of a case just submitted. Exceptions (12(6)) get their first stage:
 * - filed by staff: 'endorse' (normal) or 'urgent_decision' (urgent), with the routed section officer;
 * - filed by the section officer themself, or routed straight to a 統括 (e.g. the section's officer is
 *   統括): their filing is the forwarding, so 'approve' (normal) or 'post_report' (urgent) with 統括.
 * Every other kind: no stage, the routed assignee.
 */
export function initialCaseState(seed: CaseSeed, directory: Directory): CaseState {
  const urgent = seed.kind === 'exception' && seed.urgent === true;
  const base: CaseState = {
    id: seed.id,
    kind: seed.kind,
    status: 'submitted',
    reporterId: seed.reporterId,
    sectionCode: seed.sectionCode,
    assigneeId: seed.assigneeId,
    stage: null,
    urgent,
    possibleLeak: seed.possibleLeak === true,
    escalatedTo: [],
    records: {},
    reportedToChief: false,
    closure: null,
    decision: null,
    endorsement: null,
    chiefAcknowledgedAt: null,
  };
  if (seed.kind !== 'exception') return base;

  const section = directory.sections.find((s) => s.code === seed.sectionCode);
  const filedByOfficer = section?.officerId === seed.reporterId;
  const sectionStageAssignee = seed.assigneeId ?? section?.officerId ?? null;
  if (!filedByOfficer && sectionStageAssignee !== null && !isChief(directory, sectionStageAssignee)) {
    return { ...base, stage: urgent ? 'urgent_decision' : 'endorse', assigneeId: sectionStageAssignee };
  }
  return {
    ...base,
    stage: urgent ? 'post_report' : 'approve',
    // 運用ルール: when the only 統括 files the exception themself, nobody the standard names may
    // decide it; the person the directory routes the 統括's own cases to does (routing.ts), so the
    // request is never left without anyone to answer it.
    assigneeId: chiefFor(directory, seed.reporterId) ?? seed.assigneeId,
  };
}

// ---------------------------------------------------------------------------------------------
// Messages and articles

const FINAL_MESSAGES: Readonly<Record<string, Localized>> = {
  approved: { ja: 'この案件はすでに承認済みです。', en: 'This case has already been approved.' },
  rejected: { ja: 'この案件はすでに却下されています。', en: 'This case has already been rejected.' },
  cancelled: {
    ja: 'この案件は申請者により取り下げられています。',
    en: 'This case has been withdrawn by the requester.',
  },
  closed: { ja: 'この案件はすでに完了（クローズ）しています。', en: 'This case has already been closed.' },
};

/**
 * Which officer records must be filled before an incident closes. Ids not listed are optional.
 * - lost_ic_card: old_card_destroyed (10(9)③) only when the outcome mentions a reissue (再発行 /
 *   reissue); a false match only asks for one more record, never lets a case close early.
 * - virus: 'reported_to_chief' is covered by the reportedToChief flag (case.report_chief), which
 *   close requires anyway; the text record is an optional note (e.g. a phone call).
 * - device_lost: police_report only applies to a theft (警察への通報（盗難の場合）) and is optional;
 *   remote_wipe is required: the officer records what was done, or why it was not possible.
 */
const REQUIRED_RECORDS: Readonly<Record<IncidentKind, (records: Record<string, string>) => string[]>> = {
  lost_ic_card: (r) => [
    'access_stopped',
    'outcome',
    ...(/再発行|reissu/i.test(r.outcome ?? '') ? ['old_card_destroyed'] : []),
  ],
  virus: () => ['scope', 'route', 'removal', 'evidence'],
  // Content, cause, damage and scope (12(5)②カ) are the closing record itself, not a step record.
  misdirected_mail: () => ['deletion_confirmed'],
  password_leak: () => ['password_changed', 'access_reviewed'],
  device_lost: () => ['remote_wipe'],
  system_failure: () => ['status_scope', 'cause', 'recovery'],
};

/** The required records still missing for closing `state` (empty for non-incidents). */
export function missingRecords(state: Pick<CaseState, 'kind' | 'records'>): string[] {
  if (!isIncidentKind(state.kind)) return [];
  return REQUIRED_RECORDS[state.kind](state.records).filter((id) => !isFilled(state.records[id]));
}

/**
 * Whether the standard demands a report to 統括 before the incident closes: a virus or anything that
 * may harm the systems (12(4)④), a system failure (12(5)①イ, オ), and any case with a possible leak of
 * personal data (12(5)②イ: a misdirected mail with personal information, an unencrypted lost device).
 */
export function chiefReportRequired(state: Pick<CaseState, 'kind' | 'possibleLeak'>): boolean {
  return state.kind === 'virus' || state.kind === 'system_failure' || state.possibleLeak;
}

function isFilled(v: string | undefined): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function invalidState(ja: string, en: string): ApplyFailure {
  return { ok: false, code: 'invalid_state', message: { ja, en } };
}

function invalidInput(ja: string, en: string): ApplyFailure {
  return { ok: false, code: 'invalid_input', message: { ja, en } };
}

type Category = 'incident' | 'exception' | 'request';

function categoryOf(kind: CaseKind): Category {
  if (isIncidentKind(kind)) return 'incident';
  return kind === 'exception' ? 'exception' : 'request';
}

/** The case categories each action applies to. */
export const ACTION_CATEGORIES: Readonly<Record<CaseActionName, readonly Category[]>> = {
  'case.acknowledge': ['incident'],
  'case.record': ['incident'],
  'case.report_chief': ['incident'],
  'case.close': ['incident'],
  'case.approve': ['request', 'exception'],
  'case.reject': ['request', 'exception'],
  'case.endorse': ['exception'],
  'case.ack_post_report': ['exception'],
};

/** Whether `name` is an action for a case of this kind at all (whatever its status). */
export function actionAppliesTo(name: CaseActionName, kind: CaseKind): boolean {
  return ACTION_CATEGORIES[name].includes(categoryOf(kind));
}

/** Exception stages at which each exception action may be taken. */
const EXCEPTION_ACTION_STAGES: Readonly<Partial<Record<CaseActionName, readonly ExceptionStageName[]>>> = {
  'case.endorse': ['endorse', 'urgent_decision'],
  'case.approve': ['approve'],
  'case.reject': ['endorse', 'urgent_decision', 'approve', 'post_report'],
  'case.ack_post_report': ['post_report'],
};

const STAGE_MISMATCH: Readonly<Record<ExceptionStageName, Localized>> = {
  endorse: {
    ja: 'この例外措置申請は、まだ課情報セキュリティ責任者の進達待ちです。',
    en: 'This exception is still waiting for the section officer to forward it.',
  },
  urgent_decision: {
    ja: 'この緊急の例外措置は、まだ課情報セキュリティ責任者の実施判断待ちです。',
    en: 'This urgent exception is still waiting for the section officer’s decision.',
  },
  approve: {
    ja: 'この例外措置申請はすでに進達済みで、統括情報セキュリティ責任者の許可待ちです。',
    en: 'This exception has already been forwarded and is waiting for the chief officer’s permission.',
  },
  post_report: {
    ja: 'この緊急の例外措置はすでに実施済みで、統括情報セキュリティ責任者の事後報告確認待ちです。',
    en: 'This urgent exception is already in force and waiting for the chief officer to acknowledge the report.',
  },
};

/**
 * Whether `action` can be applied to `state` as it is now, whoever acts: null when it can, else the
 * failure applyAction would return. Call it before authorize() so that a second click on a card that
 * was already handled says "already done" rather than "not allowed".
 */
export function validateAction(state: CaseState, action: CaseAction): ApplyFailure | null {
  const final = FINAL_MESSAGES[state.status];
  if (isDoneCaseStatus(state.status) && final) return { ok: false, code: 'invalid_state', message: final };
  if (!actionAppliesTo(action.name, state.kind)) {
    const t = caseTitle(state.kind);
    return invalidInput(
      `この操作は「${t.ja}」には使えません。`,
      `This action does not apply to a case of kind "${t.en}".`,
    );
  }

  switch (categoryOf(state.kind)) {
    case 'request':
      if (state.status !== 'submitted') {
        return invalidState('この申請はすでに処理されています。', 'This request has already been handled.');
      }
      break;
    case 'exception': {
      const allowed = EXCEPTION_ACTION_STAGES[action.name] ?? [];
      if (state.stage === null || !allowed.includes(state.stage)) {
        if (state.stage === null)
          return invalidState('例外措置の段階が不明です。', 'The exception has no stage.');
        const m = STAGE_MISMATCH[state.stage];
        return { ok: false, code: 'invalid_state', message: m };
      }
      break;
    }
    case 'incident':
      if (action.name === 'case.acknowledge') {
        if (state.status !== 'submitted') {
          return invalidState(
            'この報告はすでに対応開始済みです。',
            'This report has already been acknowledged.',
          );
        }
      } else if (state.status !== 'acknowledged') {
        return invalidState(
          'まず「対応開始」を押してから記録・報告・完了を行ってください。',
          'Acknowledge the report first, then record, report or close it.',
        );
      } else if (action.name === 'case.report_chief' && state.reportedToChief) {
        return invalidState(
          'この案件はすでに統括情報セキュリティ責任者へ報告済みです。',
          'This case has already been reported to the chief officer.',
        );
      }
      break;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Apply

function uniqueNotify(list: CaseNotify[], exclude: string): CaseNotify[] {
  const seen = new Set<string>([exclude]);
  const out: CaseNotify[] = [];
  for (const n of list) {
    if (seen.has(n.personId)) continue;
    seen.add(n.personId);
    out.push(n);
  }
  return out;
}

function chiefsNotify(dir: Directory, article?: Citation): CaseNotify[] {
  return chiefOfficers(dir).map((personId) => ({
    personId,
    why: 'chief_officer' as const,
    ...(article ? { article } : {}),
  }));
}

function ok(state: CaseState, event: CaseEvent, notify: CaseNotify[], actorId: string): ApplySuccess {
  return { ok: true, state, event, notify: uniqueNotify(notify, actorId) };
}

/** What a request's permission (or refusal) rests on: case-articles.ts, from the stored form. */
function requestArticles(state: CaseState, ctx: ApplyContext): readonly Citation[] {
  return decisionArticles(state.kind as RequestKind, ctx.formValue);
}

/**
 * Applies one decision to a case. Does not check who acts (authorization.ts does); `ctx.actorId` is
 * recorded as the decider. Notifications never include the actor.
 */
export function applyAction(state: CaseState, action: CaseAction, ctx: ApplyContext): ApplyResult {
  const invalid = validateAction(state, action);
  if (invalid) return invalid;
  const requester: CaseNotify = { personId: state.reporterId, why: 'requester' };
  const title = caseTitle(state.kind);

  switch (action.name) {
    case 'case.approve': {
      // 12(6)①: 統括's permission; otherwise the section officer's, under the article the request rests
      // on (case-articles.ts: 8(3)①エオ / 10(4)① take-outs, 10(5)① software, 10(3) / 10(4)② private).
      const article: Citations = state.kind === 'exception' ? '12(6)①' : requestArticles(state, ctx);
      const conditions = action.conditions?.trim() ?? '';
      const decision: CaseDecision = {
        by: ctx.actorId,
        outcome: 'approved',
        comment: action.comment?.trim() ?? '',
        conditions,
      };
      const cond =
        conditions === ''
          ? { ja: '', en: '' }
          : { ja: `（条件: ${conditions}）`, en: ` (conditions: ${conditions})` };
      return ok(
        { ...state, status: 'approved', assigneeId: null, decision },
        {
          name: 'case.approved',
          article,
          summary: { ja: `${title.ja}を承認しました${cond.ja}`, en: `${title.en} approved${cond.en}` },
        },
        [requester],
        ctx.actorId,
      );
    }

    case 'case.reject': {
      const comment = action.comment.trim();
      if (comment === '') {
        return invalidInput('却下の理由を入力してください。', 'Please give the reason for the rejection.');
      }
      let article: Citations;
      let summary: Localized;
      if (state.kind !== 'exception') {
        article = requestArticles(state, ctx);
        summary = {
          ja: `${title.ja}を却下しました（理由: ${comment}）`,
          en: `${title.en} rejected (reason: ${comment})`,
        };
      } else if (state.stage === 'post_report') {
        // 12(6)②: 統括, told after the fact, orders the measure stopped.
        article = '12(6)②';
        summary = {
          ja: `統括情報セキュリティ責任者が緊急の例外措置の中止を指示しました（理由: ${comment}）`,
          en: `The chief officer ordered the urgent exception stopped (reason: ${comment})`,
        };
      } else if (state.stage === 'urgent_decision') {
        article = '12(6)②';
        summary = {
          ja: `課情報セキュリティ責任者が緊急の例外措置を実施しないと判断しました（理由: ${comment}）`,
          en: `The section officer decided not to carry out the urgent exception (reason: ${comment})`,
        };
      } else {
        article = '12(6)①';
        summary = {
          ja: `例外措置申請を却下しました（理由: ${comment}）`,
          en: `Exception request rejected (reason: ${comment})`,
        };
      }
      const decision: CaseDecision = { by: ctx.actorId, outcome: 'rejected', comment, conditions: '' };
      return ok(
        { ...state, status: 'rejected', assigneeId: null, decision },
        { name: 'case.rejected', article, summary },
        [requester],
        ctx.actorId,
      );
    }

    case 'case.endorse': {
      const chief = chiefFor(ctx.directory, state.reporterId, ctx.actorId);
      if (chief === null) {
        return invalidState(
          '進達先の統括情報セキュリティ責任者が緊急連絡網に見つかりません。IT管理者に連絡してください。',
          'No chief security officer to forward this to was found in the contact directory. Please contact the IT administrator.',
        );
      }
      const urgentDecision = state.stage === 'urgent_decision';
      const comment = action.comment?.trim() ?? '';
      return ok(
        {
          ...state,
          status: 'endorsed',
          stage: urgentDecision ? 'post_report' : 'approve',
          assigneeId: chief,
          escalatedTo: [],
          endorsement: { by: ctx.actorId, comment, at: ctx.now.toISOString() },
        },
        {
          name: 'case.endorsed',
          article: urgentDecision ? '12(6)②' : '12(6)①',
          summary: urgentDecision
            ? {
                ja: '課情報セキュリティ責任者が緊急の例外措置の実施を判断し、統括情報セキュリティ責任者へ事後報告しました',
                en: 'The section officer decided to carry out the urgent exception and reported it to the chief officer',
              }
            : {
                ja: '課情報セキュリティ責任者が例外措置申請を統括情報セキュリティ責任者へ進達しました',
                en: 'The section officer forwarded the exception request to the chief officer',
              },
        },
        [{ personId: chief, why: 'assignee' }, requester],
        ctx.actorId,
      );
    }

    case 'case.ack_post_report': {
      // Choice: an acknowledged urgent exception is 'approved' (see the head of this file).
      const decision: CaseDecision = {
        by: ctx.actorId,
        outcome: 'approved',
        comment: action.comment?.trim() || '事後報告を確認',
        conditions: '',
      };
      return ok(
        {
          ...state,
          status: 'approved',
          assigneeId: null,
          decision,
          chiefAcknowledgedAt: ctx.now.toISOString(),
        },
        {
          name: 'case.post_report_acknowledged',
          article: '12(6)②',
          summary: {
            ja: '統括情報セキュリティ責任者が緊急の例外措置の事後報告を確認しました',
            en: 'The chief officer acknowledged the after-the-fact report of the urgent exception',
          },
        },
        [requester],
        ctx.actorId,
      );
    }

    case 'case.acknowledge': {
      const kind = state.kind as IncidentKind;
      return ok(
        { ...state, status: 'acknowledged' },
        {
          name: 'case.acknowledged',
          article: ACKNOWLEDGE_ARTICLE[kind],
          summary: { ja: `${title.ja}の対応を開始しました`, en: `Response to "${title.en}" started` },
        },
        [requester],
        ctx.actorId,
      );
    }

    case 'case.record': {
      const plan = incidentPlan(state.kind as IncidentKind);
      const entries = Object.entries(action.records);
      if (entries.length === 0) {
        return invalidInput('記録する項目がありません。', 'Nothing to record.');
      }
      const unknown = entries.map(([id]) => id).filter((id) => !plan.officerRecords.some((r) => r.id === id));
      if (unknown.length > 0) {
        return invalidInput(
          `この案件にない記録項目です: ${unknown.join(', ')}`,
          `Not a record of this case: ${unknown.join(', ')}`,
        );
      }
      const blank = plan.officerRecords.filter(
        (r) => r.id in action.records && !isFilled(action.records[r.id]),
      );
      if (blank.length > 0) {
        return invalidInput(
          `記録の内容を入力してください: ${blank.map((r) => r.label.ja).join('、')}`,
          `Please fill in: ${blank.map((r) => r.label.en).join(', ')}`,
        );
      }
      const records = { ...state.records };
      const done = plan.officerRecords.filter((r) => r.id in action.records);
      for (const r of done) records[r.id] = (action.records[r.id] ?? '').trim();
      return ok(
        { ...state, records },
        {
          name: 'case.recorded',
          article: [...new Set(done.map((r) => r.article))],
          summary: {
            ja: `記録しました: ${done.map((r) => r.label.ja).join('、')}`,
            en: `Recorded: ${done.map((r) => r.label.en).join(', ')}`,
          },
        },
        [],
        ctx.actorId,
      );
    }

    case 'case.report_chief': {
      const kind = state.kind as IncidentKind;
      return ok(
        { ...state, reportedToChief: true },
        {
          name: 'case.reported_to_chief',
          article: REPORT_CHIEF_ARTICLE[kind],
          summary: {
            ja: `${title.ja}を統括情報セキュリティ責任者へ報告しました`,
            en: `"${title.en}" reported to the chief officer`,
          },
        },
        chiefsNotify(ctx.directory),
        ctx.actorId,
      );
    }

    case 'case.close': {
      const kind = state.kind as IncidentKind;
      const closure: CaseClosure = {
        content: action.content.trim(),
        cause: action.cause.trim(),
        damage: action.damage.trim(),
        scope: action.scope.trim(),
      };
      const labels: Record<keyof CaseClosure, Localized> = {
        content: { ja: '内容', en: 'content' },
        cause: { ja: '原因', en: 'cause' },
        damage: { ja: '確認された被害', en: 'confirmed damage' },
        scope: { ja: '影響範囲', en: 'scope' },
      };
      const blank = (Object.keys(labels) as Array<keyof CaseClosure>).filter((k) => closure[k] === '');
      if (blank.length > 0) {
        // The close group of the card shows what the record rests on (CLOSE_ARTICLE).
        return invalidInput(
          `完了の記録を入力してください: ${blank.map((k) => labels[k].ja).join('、')}`,
          `Please fill in the closing record: ${blank.map((k) => labels[k].en).join(', ')}`,
        );
      }
      const missing = missingRecords(state);
      if (missing.length > 0) {
        const plan = incidentPlan(kind);
        const named = missing.map((id) => plan.officerRecords.find((r) => r.id === id));
        return invalidState(
          `まだ記録されていない項目があります: ${named.map((r) => r?.label.ja ?? '').join('、')}`,
          `Some records are still missing: ${named.map((r) => r?.label.en ?? '').join(', ')}`,
        );
      }
      if (chiefReportRequired(state) && !state.reportedToChief) {
        // The report group of the card shows the article (REPORT_CHIEF_ARTICLE).
        return invalidState(
          '完了の前に統括情報セキュリティ責任者への報告が必要です。',
          'Report to the chief officer before closing.',
        );
      }
      return ok(
        { ...state, status: 'closed', assigneeId: null, closure },
        {
          name: 'case.closed',
          article: CLOSE_ARTICLE[kind],
          summary: { ja: `${title.ja}の対応を完了しました`, en: `"${title.en}" closed` },
        },
        [requester, ...chiefsNotify(ctx.directory, closeNoticeArticle(kind))],
        ctx.actorId,
      );
    }
  }
}
