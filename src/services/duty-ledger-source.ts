// The duty ledger (定期業務記録) as a ledger source: one row per duty instance — what was due, when
// it was done, by whom and with what result — for the 「台帳」 card, the exports and retention. `at`
// is the instance's due time, fixed when it is opened, so keyset paging over (at, key) is stable.
import { DUTY_LABELS, DUTY_RESULT_LABELS, type DutyResult } from '../domain/duty-form';
import type { LedgerColumn, LedgerQuery, LedgerRow, LedgerValue } from '../domain/ledgers';
import { msg } from '../i18n';
import { DirectoryRepo } from '../storage/directory-repo';
import { DutyRepo, type DutyInstance, type DutyQuery } from '../storage/duty-repo';
import type { SqlClient } from '../storage/sql';
import type { LedgerSource } from './ledger-source';

type Cell = (d: DutyInstance, sections: ReadonlyMap<string, string>) => LedgerValue;
interface Col extends LedgerColumn {
  readonly cell: Cell;
}

const result = (d: DutyInstance, key: string): string | null => {
  const v = d.result?.[key];
  return v === undefined || v === '' ? null : v;
};

const COLUMNS: readonly Col[] = [
  { id: 'id', label: msg('duty.ledger.id'), type: 'text', width: 16, cell: (d) => d.id },
  {
    id: 'section',
    label: msg('duty.card.section'),
    type: 'text',
    width: 16,
    cell: (d, s) => `${d.sectionCode} ${s.get(d.sectionCode) ?? ''}`.trim(),
  },
  {
    id: 'kind',
    label: msg('duty.ledger.kind'),
    type: 'text',
    width: 30,
    cell: (d) => msg(`duty.kind.${d.kind}`),
  },
  { id: 'period', label: msg('duty.card.period'), type: 'text', width: 12, cell: (d) => d.periodKey },
  {
    id: 'subject',
    label: msg('duty.card.subject'),
    type: 'text',
    width: 24,
    personal: true,
    cell: (d) =>
      Object.values(d.subject)
        .filter((v) => v !== '')
        .join(' / ') || null,
  },
  { id: 'dueAt', label: msg('duty.card.due'), type: 'datetime', width: 17, cell: (d) => d.dueAt },
  {
    id: 'status',
    label: msg('duty.card.status'),
    type: 'text',
    width: 10,
    cell: (d) => msg(`duty.status.${d.status === 'open' ? 'open' : d.status}`),
  },
  {
    id: 'result',
    label: DUTY_LABELS.result,
    type: 'text',
    width: 14,
    cell: (d) => {
      const r = result(d, 'result') as DutyResult | null;
      return r && r in DUTY_RESULT_LABELS ? DUTY_RESULT_LABELS[r] : null;
    },
  },
  {
    id: 'findings',
    label: DUTY_LABELS.findings,
    type: 'text',
    width: 40,
    cell: (d) => result(d, 'findings'),
  },
  {
    id: 'attachments',
    label: DUTY_LABELS.attachments,
    type: 'text',
    width: 30,
    cell: (d) => result(d, 'attachments'),
  },
  {
    id: 'revisionNeeded',
    label: msg('duty.ledger.revision_needed'),
    type: 'text',
    width: 12,
    cell: (d) => (result(d, 'revisionNeeded') === 'true' ? msg('duty.card.yes') : null),
  },
  {
    id: 'reportedToChief',
    label: msg('duty.card.reported'),
    type: 'text',
    width: 12,
    cell: (d) => (result(d, 'reportedToChief') === 'true' ? msg('duty.card.yes') : null),
  },
  {
    id: 'completedBy',
    label: msg('duty.ledger.completed_by'),
    type: 'text',
    width: 14,
    personal: true,
    cell: (d) => result(d, 'completedByName'),
  },
  {
    id: 'completedAt',
    label: msg('duty.ledger.completed_at'),
    type: 'datetime',
    width: 17,
    cell: (d) => d.completedAt,
  },
];

function toRow(d: DutyInstance, sections: ReadonlyMap<string, string>): LedgerRow {
  const purged = result(d, 'purgedAt') !== null;
  return {
    key: d.id,
    sectionCode: d.sectionCode,
    at: d.dueAt,
    // Past retention, people are no longer named (services/retention-service.ts).
    values: Object.fromEntries(
      COLUMNS.map((c) => [c.id, purged && c.personal ? msg('ledger.purged') : c.cell(d, sections)]),
    ),
  };
}

const query = (q: LedgerQuery): DutyQuery => ({
  sections: q.sections,
  ...(q.from !== undefined ? { dueFrom: q.from } : {}),
  ...(q.to !== undefined ? { dueTo: q.to } : {}),
});

async function sectionNames(sql: SqlClient): Promise<Map<string, string>> {
  return new Map((await new DirectoryRepo(sql).load()).sections.map((s) => [s.code, s.name]));
}

/** Done and cancelled duties past the cutoff lose the names in them (subject, who recorded it). */
async function purgeDutyPersonal(sql: SqlClient, cutoff: string, at: string): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `SELECT id FROM duty_instances WHERE status IN ('done', 'cancelled') AND due_at < ? ORDER BY id`,
    [cutoff],
  );
  const repo = new DutyRepo(sql);
  const purged: string[] = [];
  for (const { id } of rows) {
    const d = await repo.get(id);
    if (!d || d.result?.purgedAt) continue;
    const subject = Object.fromEntries(Object.keys(d.subject).map((k) => [k, '']));
    const r = { ...(d.result ?? {}), completedByName: '', purgedAt: at };
    await repo.purgePersonal(id, subject, r, at);
    purged.push(id);
  }
  return purged;
}

export const DUTY_LEDGER_SOURCE: LedgerSource = {
  kind: 'duty',
  title: msg('duty.ledger.title'),
  columns: COLUMNS.map(({ cell: _cell, ...column }) => column),
  count: (sql, q) => new DutyRepo(sql).count(query(q)),
  page: async (sql, q, p) => {
    const names = await sectionNames(sql);
    return (
      await new DutyRepo(sql).page(query(q), {
        order: p.order,
        limit: p.limit,
        ...(p.after ? { after: { at: p.after.at, key: p.after.key } } : {}),
      })
    ).map((d) => toRow(d, names));
  },
  purgePersonal: purgeDutyPersonal,
};
