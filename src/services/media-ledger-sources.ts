// The media ledgers (8(3)②アイオ) as ledger sources: one row per media record, columns exactly the
// standard's items plus who recorded them and when. Rows come from media_records only; `at` is the
// record's ledger date (the first day of 授受年月, 作成年月日, the time a disposal was asked for),
// fixed when the record is made, so keyset paging over (at, key) is stable.
import type { LedgerColumn, LedgerKind, LedgerQuery, LedgerRow, LedgerValue } from '../domain/ledgers';
import {
  ERASURE_METHOD_LABELS,
  MEDIA_LABELS as F,
  MEDIA_TYPE_LABELS,
  type MediaKind,
  type MediaStatus,
} from '../domain/media';
import { isDataClass } from '../domain/policy/classification';
import { msg } from '../i18n';
import { MediaRepo, type MediaRecord } from '../storage/media-repo';
import type { SqlClient } from '../storage/sql';
import { mediaStatusLabel } from './media-service';
import type { LedgerSource } from './ledger-source';

type Cell = (r: MediaRecord) => LedgerValue;
interface Col extends LedgerColumn {
  readonly cell: Cell;
}

const text =
  (field: string): Cell =>
  (r) =>
    r.data[field] ?? null;

const mediaType: Cell = (r) => {
  const v = r.data.mediaType;
  return v !== undefined && Object.hasOwn(MEDIA_TYPE_LABELS, v)
    ? MEDIA_TYPE_LABELS[v as keyof typeof MEDIA_TYPE_LABELS]
    : (v ?? null);
};

const importance: Cell = (r) => {
  const v = r.data.importance;
  return v !== undefined && isDataClass(v) ? msg('media.ledger.class', { cls: v }) : (v ?? null);
};

const method: Cell = (r) => {
  const v = r.data.method;
  return v !== undefined && Object.hasOwn(ERASURE_METHOD_LABELS, v)
    ? ERASURE_METHOD_LABELS[v as keyof typeof ERASURE_METHOD_LABELS]
    : (v ?? null);
};

const ID: Col = { id: 'id', label: msg('media.ledger.id'), type: 'text', width: 16, cell: (r) => r.id };
const SECTION: Col = {
  id: 'section',
  label: F.sectionCode,
  type: 'text',
  width: 14,
  cell: text('sectionName'),
};
const STATUS: Col = {
  id: 'status',
  label: msg('media.ledger.status'),
  type: 'text',
  width: 14,
  cell: (r) => mediaStatusLabel(r.status),
};
const FILE: Col = { id: 'fileName', label: F.fileName, type: 'text', width: 30, cell: text('fileName') };
const TYPE: Col = { id: 'mediaType', label: F.mediaType, type: 'text', width: 18, cell: mediaType };
const MEDIA_ID: Col = { id: 'mediaId', label: F.mediaId, type: 'text', width: 16, cell: text('mediaId') };
const OTHER: Col = { id: 'other', label: F.other, type: 'text', width: 30, cell: text('other') };
const RECORDED_BY: Col = {
  id: 'recordedBy',
  label: msg('media.ledger.recorded_by'),
  type: 'text',
  width: 14,
  personal: true,
  cell: text('recordedByName'),
};
const RECORDED_AT: Col = {
  id: 'recordedAt',
  label: msg('media.ledger.recorded_at'),
  type: 'datetime',
  width: 17,
  cell: text('recordedAt'),
};

const COLUMNS: Readonly<Record<MediaKind, readonly Col[]>> = {
  // ア (ア)–(カ)
  handover: [
    ID,
    SECTION,
    FILE,
    {
      id: 'carrierName',
      label: F.carrierName,
      type: 'text',
      width: 14,
      personal: true,
      cell: text('carrierName'),
    },
    { id: 'carrierUnit', label: F.carrierUnit, type: 'text', width: 18, cell: text('carrierUnit') },
    {
      id: 'receiverName',
      label: F.receiverName,
      type: 'text',
      width: 14,
      personal: true,
      cell: text('receiverName'),
    },
    { id: 'receiverUnit', label: F.receiverUnit, type: 'text', width: 18, cell: text('receiverUnit') },
    TYPE,
    MEDIA_ID,
    { id: 'month', label: F.month, type: 'month', width: 10, cell: text('month') },
    OTHER,
    RECORDED_BY,
    RECORDED_AT,
  ],
  // イ (ア)–(ケ), with the 重要性分類 that イ asks to make easy to see
  storage: [
    ID,
    SECTION,
    FILE,
    { id: 'ownerSection', label: F.ownerSection, type: 'text', width: 16, cell: text('ownerSection') },
    { id: 'importance', label: F.importance, type: 'text', width: 10, cell: importance },
    TYPE,
    MEDIA_ID,
    { id: 'createdOn', label: F.createdOn, type: 'date', width: 12, cell: text('createdOn') },
    { id: 'keepUntil', label: F.keepUntil, type: 'date', width: 12, cell: text('keepUntil') },
    { id: 'erasedOn', label: F.erasedOn, type: 'date', width: 12, cell: text('erasedOn') },
    { id: 'location', label: F.location, type: 'text', width: 24, cell: text('location') },
    OTHER,
    STATUS,
    RECORDED_BY,
    RECORDED_AT,
  ],
  // オ: the asset, the officer's permission (who, when) and the record of what was done
  disposal: [
    ID,
    SECTION,
    { id: 'assetName', label: F.assetName, type: 'text', width: 30, cell: text('assetName') },
    TYPE,
    MEDIA_ID,
    { id: 'importance', label: F.importance, type: 'text', width: 10, cell: importance },
    { id: 'reason', label: F.reason, type: 'text', width: 24, cell: text('reason') },
    {
      id: 'requester',
      label: msg('media.ledger.requester'),
      type: 'text',
      width: 14,
      personal: true,
      cell: text('requesterName'),
    },
    {
      id: 'requestedAt',
      label: msg('media.ledger.requested_at'),
      type: 'datetime',
      width: 17,
      cell: text('requestedAt'),
    },
    STATUS,
    {
      id: 'decidedBy',
      label: msg('media.ledger.decided_by'),
      type: 'text',
      width: 14,
      personal: true,
      cell: text('decidedByName'),
    },
    {
      id: 'decidedAt',
      label: msg('media.ledger.decided_at'),
      type: 'datetime',
      width: 17,
      cell: text('decidedAt'),
    },
    { id: 'doneAt', label: F.doneAt, type: 'datetime', width: 17, cell: text('doneAt') },
    { id: 'operator', label: F.operator, type: 'text', width: 14, personal: true, cell: text('operator') },
    { id: 'method', label: F.method, type: 'text', width: 24, cell: method },
    { id: 'details', label: F.details, type: 'text', width: 40, cell: text('details') },
    {
      id: 'recordedBy',
      label: msg('media.ledger.recorded_by'),
      type: 'text',
      width: 14,
      personal: true,
      cell: text('recordedByName'),
    },
  ],
};

function toRow(kind: MediaKind, r: MediaRecord): LedgerRow {
  return {
    key: r.id,
    sectionCode: r.sectionCode,
    at: r.at,
    // Past retention, people are no longer named (services/retention-service.ts).
    values: Object.fromEntries(
      COLUMNS[kind].map((c) => [c.id, r.data.purgedAt && c.personal ? msg('ledger.purged') : c.cell(r)]),
    ),
  };
}

function source(ledger: LedgerKind, kind: MediaKind): LedgerSource {
  const q = (query: LedgerQuery) => ({
    kind,
    sections: query.sections,
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
  });
  return {
    kind: ledger,
    title: msg(`media.ledger.${kind}`),
    columns: COLUMNS[kind].map(({ cell: _cell, ...column }) => column),
    count: (sql, query) => new MediaRepo(sql).count(q(query)),
    page: async (sql, query, p) =>
      (
        await new MediaRepo(sql).page(q(query), {
          order: p.order,
          limit: p.limit,
          ...(p.after ? { after: { at: p.after.at, key: p.after.key } } : {}),
        })
      ).map((r) => toRow(kind, r)),
    purgePersonal: (sql, cutoff, at) => purgeMediaPersonal(sql, kind, cutoff, at),
  };
}

/** The data keys that hold people's names (the `personal` columns' cells read these). */
export const MEDIA_PERSONAL_KEYS = [
  'carrierName',
  'receiverName',
  'requesterName',
  'decidedByName',
  'operator',
  'recordedByName',
] as const;

/** Records that nobody will act on again: only these pass into retention. */
const FINISHED: Readonly<Record<MediaKind, readonly MediaStatus[]>> = {
  handover: ['recorded'],
  storage: ['erased'],
  disposal: ['done', 'refused'],
};

async function purgeMediaPersonal(
  sql: SqlClient,
  kind: MediaKind,
  cutoff: string,
  at: string,
): Promise<string[]> {
  const finished = FINISHED[kind];
  const rows = await sql.query<{ id: string; data_json: string }>(
    `SELECT id, data_json FROM media_records
     WHERE kind = ? AND at < ? AND status IN (${finished.map(() => '?').join(', ')}) ORDER BY id`,
    [kind, cutoff, ...finished],
  );
  const purged: string[] = [];
  for (const r of rows) {
    const data = JSON.parse(r.data_json) as Record<string, string>;
    if (data.purgedAt) continue;
    for (const k of MEDIA_PERSONAL_KEYS) if (k in data) data[k] = '';
    data.purgedAt = at;
    await sql.execute(
      'UPDATE media_records SET data_json = ?, updated_at = ?, version = version + 1 WHERE id = ?',
      [JSON.stringify(data), at, r.id],
    );
    purged.push(r.id);
  }
  return purged;
}

export const MEDIA_LEDGER_SOURCES: readonly LedgerSource[] = [
  source('media_handover', 'handover'),
  source('media_storage', 'storage'),
  source('media_disposal', 'disposal'),
];
