// The ledgers kept from cases: take-outs (10(4)⑥), incident records (12(5)②カ), failure records
// (12(5)①オ) and the exception register (12(6)). Rows are derived from the stored cases (their form
// answers and decision state) and the audit trail (who approved, closed, reported, and when); the
// period is the case's created_at (申請・報告日時), so section and period filters and the keyset run
// in SQL (storage/case-ledger-repo.ts) and only one page is ever loaded.
import type { Clock } from '../domain/clock';
import {
  caseTitle,
  DONE_CASE_STATUSES,
  INCIDENT_KINDS,
  isCaseKind,
  isCaseStatus,
  TAKEOUT_LEDGER_STATUSES,
  type CaseKind,
} from '../domain/cases';
import type { CaseClosure, CaseDecision } from '../domain/decisions';
import type { FieldDef } from '../domain/flows/form';
import { getFlow } from '../domain/flows';
import { fields as failureFields } from '../domain/flows/system-failure';
import { fields as takeoutFields } from '../domain/flows/takeout';
import type {
  LedgerColumn,
  LedgerKind,
  LedgerPage,
  LedgerQuery,
  LedgerRow,
  LedgerValue,
} from '../domain/ledgers';
import { jstDateOf } from '../domain/policy/jst';
import { msg, type MessageKey, type Msg } from '../i18n';
import {
  CaseLedgerRepo,
  type CaseAuditEvent,
  type CaseLedgerFilter,
  type LedgerCaseRow,
} from '../storage/case-ledger-repo';
import type { SqlClient } from '../storage/sql';
import type { LedgerSource } from './ledger-source';

/** A case row with what the page looked up: names, section names, audit events. */
interface Loaded {
  row: LedgerCaseRow;
  form: Record<string, unknown>;
  state: Record<string, unknown>;
  events: CaseAuditEvent[];
  name: (personId: unknown) => string | null;
  section: string;
  today: string;
}

interface CaseLedgerSpec {
  kind: LedgerKind;
  title: Msg;
  filter: CaseLedgerFilter;
  columns: readonly LedgerColumn[];
  /** Audit events the rows need (approval, closing, report to 統括 …). */
  events: readonly string[];
  values(c: Loaded): Record<string, LedgerValue>;
  /**
   * Retention: a case in a done status (domain/cases.ts) is finished, except that an approved
   * request may still be running (a take-out not yet returned, an exception still in force).
   */
  retention: {
    approvedDone?: (
      state: Record<string, unknown>,
      form: Record<string, unknown>,
      cutoffDate: string,
    ) => boolean;
  };
}

const col = (id: string, type: LedgerColumn['type'], width: number, personal = false): LedgerColumn => ({
  id,
  label: msg(`ledger.col.${id}` as MessageKey),
  type,
  width,
  ...(personal ? { personal: true } : {}),
});

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** The label of a choice answer (the flow's own wording), or the raw value. */
function choiceLabel(fields: readonly FieldDef[], id: string, value: unknown): LedgerValue {
  if (typeof value !== 'string') return null;
  const c = fields.find((f) => f.id === id)?.choices?.find((x) => x.value === value);
  return c ? c.label : value;
}

const yesNo = (v: boolean): Msg => msg(v ? 'value.yes' : 'value.no');

function lastEvent(c: Loaded, event: string): CaseAuditEvent | undefined {
  return c.events.filter((e) => e.event === event).at(-1);
}

function caseStatus(status: string): LedgerValue {
  return isCaseStatus(status) ? msg(`status.${status}`) : status;
}

const TAKEOUT: CaseLedgerSpec = {
  kind: 'takeout',
  title: msg('ledger.title.takeout'),
  // Every take-out (10(4)⑥): permitted ones (10(4)①) and those filed as a record (no permission needed).
  filter: { kinds: ['takeout'], statuses: TAKEOUT_LEDGER_STATUSES },
  columns: [
    col('caseId', 'text', 16),
    col('requestedAt', 'datetime', 18),
    col('requester', 'text', 14, true),
    col('section', 'text', 18),
    col('item', 'text', 30),
    col('classification', 'text', 10),
    col('purpose', 'text', 30),
    col('destination', 'text', 20),
    col('startDate', 'date', 12),
    col('returnDate', 'date', 12),
    col('protection', 'text', 14),
    col('approvedBy', 'text', 14, true),
    col('approvedAt', 'datetime', 18),
    col('conditions', 'text', 24),
    col('returnedAt', 'datetime', 18),
    col('returnConfirmedBy', 'text', 14, true),
    col('status', 'text', 14),
  ],
  events: ['case.approved'],
  // A take-out is done with once it came back (a rejected or withdrawn request never went out).
  retention: {
    approvedDone: (state) => str(state.returnedAt) !== null,
  },
  values(c) {
    const v = c.form;
    const decision = c.state.decision as CaseDecision | null | undefined;
    const approved = lastEvent(c, 'case.approved');
    const returnedAt = str(c.state.returnedAt);
    const returnDate = str(v.returnDate);
    // Overdue: the return date (JST) has passed and no return is recorded (10(4)⑥).
    const status = returnedAt
      ? msg('ledger.takeout.returned')
      : c.row.status !== 'approved'
        ? msg('ledger.takeout.recordOnly')
        : returnDate !== null && c.today > returnDate
          ? msg('ledger.takeout.overdue')
          : msg('ledger.takeout.out');
    const itemKind = choiceLabel(takeoutFields, 'itemKind', v.itemKind);
    return {
      caseId: c.row.id,
      requestedAt: c.row.created_at,
      requester: c.name(c.row.reporter_id),
      section: c.section,
      item: msg('ledger.takeout.item', {
        kind: itemKind ?? '',
        description: str(v.description) ?? '',
        asset: str(v.assetNumber) ?? '-',
      }),
      classification: str(v.classification),
      purpose: str(v.purpose),
      destination: str(v.destination),
      startDate: str(v.startDate),
      returnDate,
      protection: choiceLabel(takeoutFields, 'protection', v.protection),
      approvedBy: c.name(decision?.by ?? approved?.actor),
      approvedAt: approved?.at ?? null,
      conditions: str(decision?.conditions),
      returnedAt,
      returnConfirmedBy: c.name(c.state.returnedConfirmedBy),
      status,
    };
  },
};

/** What the incident and failure records share: reporting, closing and the report to 統括. */
const CLOSING_EVENTS = ['case.closed', 'case.reported_to_chief'] as const;

function closingValues(c: Loaded): Record<string, LedgerValue> {
  const closed = lastEvent(c, 'case.closed');
  const reported = lastEvent(c, 'case.reported_to_chief');
  return {
    reportedToChiefAt: reported?.at ?? null,
    closedAt: closed?.at ?? null,
    closedBy: c.name(closed?.actor),
    status: caseStatus(c.row.status),
  };
}

const INCIDENT: CaseLedgerSpec = {
  kind: 'incident',
  title: msg('ledger.title.incident'),
  // Every incident report but system failures, which have their own record (12(5)①オ).
  filter: { kinds: INCIDENT_KINDS.filter((k) => k !== 'system_failure') },
  columns: [
    col('caseId', 'text', 16),
    col('incidentKind', 'text', 20),
    col('reportedAt', 'datetime', 18),
    col('reporter', 'text', 14, true),
    col('section', 'text', 18),
    col('content', 'text', 40),
    col('cause', 'text', 30),
    col('damage', 'text', 30),
    col('scope', 'text', 30),
    col('reportedToChiefAt', 'datetime', 18),
    col('closedAt', 'datetime', 18),
    col('closedBy', 'text', 14, true),
    col('status', 'text', 12),
  ],
  events: CLOSING_EVENTS,
  retention: {},
  values(c) {
    const closure = c.state.closure as CaseClosure | null | undefined;
    return {
      caseId: c.row.id,
      incidentKind: isCaseKind(c.row.kind) ? caseTitle(c.row.kind) : c.row.kind,
      reportedAt: c.row.created_at,
      reporter: c.name(c.row.reporter_id),
      section: c.section,
      content: str(closure?.content),
      cause: str(closure?.cause),
      damage: str(closure?.damage),
      scope: str(closure?.scope),
      ...closingValues(c),
    };
  },
};

const FAILURE: CaseLedgerSpec = {
  kind: 'failure',
  title: msg('ledger.title.failure'),
  filter: { kinds: ['system_failure'] satisfies CaseKind[] },
  columns: [
    col('caseId', 'text', 16),
    col('reportedAt', 'datetime', 18),
    col('reporter', 'text', 14, true),
    col('section', 'text', 18),
    col('systemName', 'text', 20),
    col('symptom', 'text', 30),
    col('since', 'datetime', 18),
    col('affected', 'text', 16),
    col('statusScope', 'text', 30),
    col('cause', 'text', 30),
    col('recovery', 'text', 30),
    col('reportedToChiefAt', 'datetime', 18),
    col('closedAt', 'datetime', 18),
    col('closedBy', 'text', 14, true),
    col('status', 'text', 12),
  ],
  events: CLOSING_EVENTS,
  retention: {},
  values(c) {
    const records = (c.state.records ?? {}) as Record<string, unknown>;
    return {
      caseId: c.row.id,
      reportedAt: c.row.created_at,
      reporter: c.name(c.row.reporter_id),
      section: c.section,
      systemName: str(c.form.systemName),
      symptom: str(c.form.symptom),
      since: str(c.form.since),
      affected: choiceLabel(failureFields, 'scope', c.form.scope),
      // 障害状況・影響範囲, 原因, 回復のための処理内容: the officer's records (12(5)①オ).
      statusScope: str(records.status_scope),
      cause: str(records.cause),
      recovery: str(records.recovery),
      ...closingValues(c),
    };
  },
};

function exceptionStatus(c: Loaded): Msg {
  const status = c.row.status;
  if (status === 'rejected') return msg('ledger.exception.rejected');
  if (status === 'cancelled') return msg('ledger.exception.withdrawn');
  if (status === 'approved') {
    const end = str(c.form.periodEnd);
    return end !== null && c.today > end ? msg('ledger.exception.expired') : msg('ledger.exception.active');
  }
  // An urgent exception the section officer already carried out (12(6)②) is in force while 統括's
  // acknowledgement of the after-the-fact report is awaited.
  if (c.state.urgent === true && c.state.endorsement) return msg('ledger.exception.activeAwaitingChief');
  return msg('ledger.exception.pending');
}

const EXCEPTION: CaseLedgerSpec = {
  kind: 'exception',
  title: msg('ledger.title.exception'),
  filter: { kinds: ['exception'] satisfies CaseKind[] },
  columns: [
    col('caseId', 'text', 16),
    col('requestedAt', 'datetime', 18),
    col('requester', 'text', 14, true),
    col('section', 'text', 18),
    col('provision', 'text', 24),
    col('reason', 'text', 30),
    col('alternative', 'text', 30),
    col('scope', 'text', 24),
    col('periodStart', 'date', 12),
    col('periodEnd', 'date', 12),
    col('urgent', 'text', 10),
    col('chiefAcknowledgedAt', 'datetime', 18),
    col('chiefAcknowledgedBy', 'text', 14, true),
    col('approvedBy', 'text', 14, true),
    col('approvedAt', 'datetime', 18),
    col('status', 'text', 16),
  ],
  events: ['case.approved', 'case.post_report_acknowledged'],
  // An approved exception is done with once its period ended before the cutoff.
  retention: {
    approvedDone: (_state, form, cutoffDate) => {
      const end = str(form.periodEnd);
      return end !== null && end < cutoffDate;
    },
  },
  values(c) {
    const v = c.form;
    const decision = c.state.decision as CaseDecision | null | undefined;
    const approved = lastEvent(c, 'case.approved');
    const acked = lastEvent(c, 'case.post_report_acknowledged');
    const urgent = c.state.urgent === true || v.urgent === true;
    return {
      caseId: c.row.id,
      requestedAt: c.row.created_at,
      requester: c.name(c.row.reporter_id),
      section: c.section,
      provision: str(v.provision),
      reason: str(v.reason),
      alternative: str(v.alternative),
      scope: str(v.scope),
      periodStart: str(v.periodStart),
      periodEnd: str(v.periodEnd),
      urgent: yesNo(urgent),
      chiefAcknowledgedAt: str(c.state.chiefAcknowledgedAt) ?? acked?.at ?? null,
      chiefAcknowledgedBy: c.name(acked?.actor),
      approvedBy: decision?.outcome === 'approved' ? c.name(decision.by) : c.name(approved?.actor),
      approvedAt: approved?.at ?? acked?.at ?? null,
      status: exceptionStatus(c),
    };
  },
};

/** 10(9)③: each renewal the officer recorded — the old card, whom it was taken from, when and how it was destroyed. */
const IC_CARD_RENEWAL: CaseLedgerSpec = {
  kind: 'ic_card_renewal',
  title: msg('ledger.title.ic_card_renewal'),
  filter: { kinds: ['ic_card_renewal'] satisfies CaseKind[] },
  columns: [
    col('caseId', 'text', 16),
    col('cardNumber', 'text', 16),
    col('collectedFrom', 'text', 14, true),
    col('collectedAt', 'datetime', 18),
    col('destroyedAt', 'datetime', 18),
    col('destructionMethod', 'text', 20),
    col('destroyedBy', 'text', 14, true),
    col('newCardNumber', 'text', 16),
    col('recordedBy', 'text', 14, true),
    col('section', 'text', 18),
  ],
  events: [],
  retention: {},
  values(c) {
    const v = c.form;
    const fields = getFlow('ic_card_renewal').fields;
    const method = choiceLabel(fields, 'method', v.method);
    const detail = str(v.methodDetail);
    return {
      caseId: c.row.id,
      cardNumber: str(v.cardNumber),
      collectedFrom: str(v.collectedFrom),
      collectedAt: str(v.collectedAt),
      destroyedAt: str(v.destroyedAt),
      destructionMethod: detail ?? method,
      destroyedBy: str(v.destroyedBy),
      newCardNumber: str(v.newCardNumber),
      recordedBy: c.name(c.row.reporter_id),
      section: c.section,
    };
  },
};

/** Referenced person ids of a row, to look their names up once per page. */
function personIds(row: LedgerCaseRow, state: Record<string, unknown>, events: CaseAuditEvent[]): string[] {
  const decision = state.decision as CaseDecision | null | undefined;
  return [
    row.reporter_id,
    ...(decision?.by ? [decision.by] : []),
    ...(typeof state.returnedConfirmedBy === 'string' ? [state.returnedConfirmedBy] : []),
    ...events.map((e) => e.actor),
  ];
}

function source(spec: CaseLedgerSpec, clock: Clock): LedgerSource {
  return {
    kind: spec.kind,
    title: spec.title,
    columns: spec.columns,
    count: (sql: SqlClient, q: LedgerQuery) => new CaseLedgerRepo(sql).count(spec.filter, q),
    async page(sql: SqlClient, q: LedgerQuery, p: LedgerPage): Promise<LedgerRow[]> {
      const repo = new CaseLedgerRepo(sql);
      const rows = await repo.page(spec.filter, q, p);
      const ids = rows.map((r) => r.id);
      const events = new Map<string, CaseAuditEvent[]>();
      for (const e of await repo.events(ids, spec.events)) {
        const list = events.get(e.subject);
        if (list) list.push(e);
        else events.set(e.subject, [e]);
      }
      const parsed = rows.map((row) => {
        const form = JSON.parse(row.form_json) as { value?: Record<string, unknown> };
        const state = JSON.parse(row.state_json) as Record<string, unknown>;
        return { row, form: form.value ?? {}, state, events: events.get(row.id) ?? [] };
      });
      const names = await repo.peopleNames(parsed.flatMap((x) => personIds(x.row, x.state, x.events)));
      const sections = await repo.sectionNames(rows.map((r) => r.section_code));
      // The day the ledger is read, in Japan: what "overdue" and "expired" are measured against.
      const today = jstDateOf(clock.now());
      const name = (id: unknown): string | null =>
        typeof id === 'string' && id !== '' ? (names.get(id) ?? id) : null;
      return parsed.map((x) => {
        const sectionName = sections.get(x.row.section_code);
        const section = sectionName ? `${x.row.section_code} ${sectionName}` : x.row.section_code;
        const values = spec.values({ ...x, name, section, today });
        // Past retention, people are no longer named (their ids stay in the audit trail).
        if (x.row.purged_at)
          for (const c of spec.columns) if (c.personal) values[c.id] = msg('ledger.purged');
        return { key: x.row.id, sectionCode: x.row.section_code, at: x.row.created_at, values };
      });
    },
    async purgePersonal(sql: SqlClient, cutoff: string, at: string): Promise<string[]> {
      const repo = new CaseLedgerRepo(sql);
      const cutoffDate = jstDateOf(new Date(cutoff));
      const purged: string[] = [];
      for (const c of await repo.purgeCandidates(spec.filter.kinds, DONE_CASE_STATUSES, cutoff)) {
        if (!isCaseKind(c.kind)) continue;
        const form = JSON.parse(c.form_json) as CaseForm;
        const state = JSON.parse(c.state_json) as Record<string, unknown>;
        const done = spec.retention.approvedDone;
        if (c.status === 'approved' && done && !done(state, form.value ?? {}, cutoffDate)) continue;
        const redacted = redactCase(c.kind, form, state);
        await repo.markPurged(c.id, JSON.stringify(redacted.form), JSON.stringify(redacted.state), at);
        purged.push(c.id);
      }
      return purged;
    },
  };
}

interface CaseForm {
  answers?: Record<string, unknown>;
  value?: Record<string, unknown>;
}

/**
 * What retention leaves of a case: every text a person typed (the flow's text fields, the officer's
 * records, the closing record, comments and conditions) is blanked; choices, dates and the case's
 * structure stay, so the ledger row still says what kind of thing happened, when, and its outcome.
 */
export function redactCase(
  kind: CaseKind,
  form: CaseForm,
  state: Record<string, unknown>,
): { form: CaseForm; state: Record<string, unknown> } {
  const textIds = getFlow(kind)
    .fields.filter((f) => f.kind === 'text' || f.kind === 'textarea')
    .map((f) => f.id);
  const blank = (o: Record<string, unknown> | undefined) =>
    o === undefined
      ? undefined
      : Object.fromEntries(Object.entries(o).map(([k, v]) => [k, textIds.includes(k) ? '' : v]));
  const blankAll = (o: unknown) =>
    o && typeof o === 'object' ? Object.fromEntries(Object.keys(o).map((k) => [k, ''])) : o;
  const decision = state.decision as CaseDecision | null | undefined;
  const endorsement = state.endorsement as { comment?: string } | null | undefined;
  return {
    form: {
      ...form,
      ...(form.answers ? { answers: blank(form.answers) } : {}),
      ...(form.value ? { value: blank(form.value) } : {}),
    },
    state: {
      ...state,
      records: blankAll(state.records ?? {}),
      ...(state.closure ? { closure: blankAll(state.closure) } : {}),
      ...(decision ? { decision: { ...decision, comment: '', conditions: '' } } : {}),
      ...(endorsement ? { endorsement: { ...endorsement, comment: '' } } : {}),
    },
  };
}

/** The case-derived ledgers, measuring overdue returns and expired exceptions against `clock`. */
export function caseLedgerSources(clock: Clock): readonly LedgerSource[] {
  return [TAKEOUT, INCIDENT, FAILURE, EXCEPTION, IC_CARD_RENEWAL].map((spec) => source(spec, clock));
}
