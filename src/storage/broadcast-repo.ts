import type {
  AnswerSpec,
  Audience,
  BroadcastMode,
  BroadcastPurpose,
  BroadcastSeverity,
  DeliveryState,
  RecipientRow,
} from '../domain/broadcast';
import { byCodePoint, type SqlClient, type SqlValue } from './sql';

export const BROADCAST_STATUSES = ['draft', 'sent', 'recalled', 'discarded'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/** What the sender composes; a draft keeps whatever was typed so far (it survives a restart). */
export interface BroadcastContent {
  purpose: BroadcastPurpose;
  mode: BroadcastMode;
  severity: BroadcastSeverity;
  title: string;
  body: string;
  audience: Audience;
  answer: AnswerSpec;
  /** 統括 on whose instruction a real broadcast to all staff goes (12(5)②エ). */
  instructedBy: string | null;
  /** Minutes after sending when non-responders are reminded; null: no automatic reminder. */
  remindAfterMinutes: number | null;
  /** A case the broadcast is about (e.g. the incident 統括 informs the officers of). */
  caseId: string | null;
  /**
   * The broadcast this one relays (14(6): an officer's notice to staff of the 14(5) one). Set when
   * the draft is created and never rewritten by the compose form.
   */
  parentId?: string | null;
}

export interface BroadcastRecord extends BroadcastContent {
  id: string;
  status: BroadcastStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  recalledAt: string | null;
  recalledBy: string | null;
  /** 1 as sent; each correction adds one. */
  revision: number;
  correctedAt: string | null;
  /** Optimistic concurrency: every change adds one. */
  version: number;
}

interface Row {
  id: string;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  purpose: string;
  mode: string;
  severity: string;
  title: string;
  body: string;
  audience_json: string;
  answer_json: string;
  instructed_by: string | null;
  remind_after_minutes: number | null;
  case_id: string | null;
  parent_id: string | null;
  sent_at: string | null;
  recalled_at: string | null;
  recalled_by: string | null;
  revision: number;
  corrected_at: string | null;
  version: number;
}

const toRecord = (r: Row): BroadcastRecord => ({
  id: r.id,
  status: r.status as BroadcastStatus,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  purpose: r.purpose as BroadcastPurpose,
  mode: r.mode as BroadcastMode,
  severity: r.severity as BroadcastSeverity,
  title: r.title,
  body: r.body,
  audience: JSON.parse(r.audience_json) as Audience,
  answer: JSON.parse(r.answer_json) as AnswerSpec,
  instructedBy: r.instructed_by,
  remindAfterMinutes: r.remind_after_minutes === null ? null : Number(r.remind_after_minutes),
  caseId: r.case_id,
  parentId: r.parent_id ?? null,
  sentAt: r.sent_at,
  recalledAt: r.recalled_at,
  recalledBy: r.recalled_by,
  revision: Number(r.revision),
  correctedAt: r.corrected_at,
  version: Number(r.version),
});

export interface RecipientRecord {
  broadcastId: string;
  personId: string;
  aadObjectId: string;
  sectionCode: string;
  outboxId: number | null;
  firstAnswer: string | null;
  firstAnsweredAt: string | null;
  latestAnswer: string | null;
  latestAnsweredAt: string | null;
  reminders: number;
  lastRemindedAt: string | null;
}

interface RecipientDbRow {
  broadcast_id: string;
  person_id: string;
  aad_object_id: string;
  section_code: string;
  outbox_id: number | null;
  first_answer: string | null;
  first_answered_at: string | null;
  latest_answer: string | null;
  latest_answered_at: string | null;
  reminders: number;
  last_reminded_at: string | null;
}

const toRecipient = (r: RecipientDbRow): RecipientRecord => ({
  broadcastId: r.broadcast_id,
  personId: r.person_id,
  aadObjectId: r.aad_object_id,
  sectionCode: r.section_code,
  outboxId: r.outbox_id === null ? null : Number(r.outbox_id),
  firstAnswer: r.first_answer,
  firstAnsweredAt: r.first_answered_at,
  latestAnswer: r.latest_answer,
  latestAnsweredAt: r.latest_answered_at,
  reminders: Number(r.reminders),
  lastRemindedAt: r.last_reminded_at,
});

/** A recipient with the state of their (first) copy in the outbox. */
export interface RecipientStatus extends RecipientRecord {
  delivery: DeliveryState;
  deliveredAt: string | null;
  lastError: string | null;
}

/**
 * Outbox status → what a broadcast's roll-up calls it. A copy that waited for an unreachable
 * person stays unreachable while it is being re-checked (claimed items read 'pending'), until it is
 * actually delivered.
 */
export function deliveryStateOf(status: string | null, waitingSince: string | null = null): DeliveryState {
  if (status === 'pending' && waitingSince !== null) return 'unreachable';
  switch (status) {
    case 'sent':
      return 'delivered';
    case 'dead':
      return 'failed';
    case 'waiting':
    case 'unreachable':
      return 'unreachable';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'pending';
  }
}

export function toRollupRow(r: RecipientStatus): RecipientRow {
  return {
    personId: r.personId,
    sectionCode: r.sectionCode,
    delivery: r.delivery,
    firstAnsweredAt: r.firstAnsweredAt,
    latestAnswer: r.latestAnswer,
  };
}

/** A status card posted in someone's chat, to be updated in place. */
export interface PostedStatusCard {
  outboxId: number;
  toAad: string;
  priority: number;
  personId: string;
  activityId: string;
  conversationId: string;
}

/** The reminders of a broadcast so far, and the next automatic one. */
export interface ReminderSummary {
  /** Reminder posts queued, summed over the recipients. */
  messages: number;
  /** Recipients reminded at least once. */
  people: number;
  lastAt: string | null;
  /** Rounds run by the scheduler (automatic) and from a card (on demand), from the audit log. */
  autoRounds: number;
  manualRounds: number;
  /** Due time of the next automatic reminder still pending (timers), if any. */
  nextAutoAt: string | null;
}

export interface AnswerRecord {
  id: number;
  broadcastId: string;
  personId: string;
  answer: string;
  at: string;
}

function contentParams(c: BroadcastContent): SqlValue[] {
  return [
    c.purpose,
    c.mode,
    c.severity,
    c.title,
    c.body,
    JSON.stringify(c.audience),
    JSON.stringify(c.answer),
    c.instructedBy,
    c.remindAfterMinutes,
    c.caseId,
  ];
}

/** Rows per multi-row INSERT of addRecipients (5 parameters each). */
const RECIPIENT_CHUNK = 200;

export class BroadcastRepo {
  constructor(private readonly sql: SqlClient) {}

  /** Next readable id (BC-2026-0001); call inside the transaction that inserts the broadcast. */
  async nextId(year: number): Promise<string> {
    const r = await this.sql.one<{ last_seq: number }>(
      `INSERT INTO broadcast_counters (year, last_seq) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = broadcast_counters.last_seq + 1
       RETURNING last_seq`,
      [year],
    );
    return `BC-${year}-${String(Number(r?.last_seq)).padStart(4, '0')}`;
  }

  async insertDraft(id: string, createdBy: string, content: BroadcastContent, at: string): Promise<void> {
    await this.sql.execute(
      `INSERT INTO broadcasts (id, status, created_by, created_at, updated_at, purpose, mode, severity, title,
         body, audience_json, answer_json, instructed_by, remind_after_minutes, case_id, parent_id)
       VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, createdBy, at, at, ...contentParams(content), content.parentId ?? null],
    );
  }

  /** Rewrites a draft's content; false when it is no longer a draft of that version. */
  async updateDraft(id: string, version: number, content: BroadcastContent, at: string): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE broadcasts SET purpose = ?, mode = ?, severity = ?, title = ?, body = ?, audience_json = ?,
         answer_json = ?, instructed_by = ?, remind_after_minutes = ?, case_id = ?, updated_at = ?,
         version = version + 1
       WHERE id = ? AND status = 'draft' AND version = ?`,
      [...contentParams(content), at, id, version],
    );
    return r.changes === 1;
  }

  /** Broadcasts about a case (drafts and discarded ones included), oldest first. */
  async byCase(caseId: string): Promise<BroadcastRecord[]> {
    const rows = await this.sql.query<Row>(
      'SELECT * FROM broadcasts WHERE case_id = ? ORDER BY created_at, id',
      [caseId],
    );
    return rows.map(toRecord);
  }

  /** Broadcasts relaying `parentId` (14(6)), oldest first. */
  async children(parentId: string): Promise<BroadcastRecord[]> {
    const rows = await this.sql.query<Row>(
      'SELECT * FROM broadcasts WHERE parent_id = ? ORDER BY created_at, id',
      [parentId],
    );
    return rows.map(toRecord);
  }

  async get(id: string): Promise<BroadcastRecord | undefined> {
    const r = await this.sql.one<Row>('SELECT * FROM broadcasts WHERE id = ?', [id]);
    return r ? toRecord(r) : undefined;
  }

  /** The person's latest draft, if any (one draft per sender is offered to be continued). */
  async latestDraftBy(personId: string): Promise<BroadcastRecord | undefined> {
    const r = await this.sql.one<Row>(
      "SELECT * FROM broadcasts WHERE created_by = ? AND status = 'draft' ORDER BY updated_at DESC, id DESC LIMIT 1",
      [personId],
    );
    return r ? toRecord(r) : undefined;
  }

  async recent(limit: number): Promise<BroadcastRecord[]> {
    const rows = await this.sql.query<Row>(
      "SELECT * FROM broadcasts WHERE status IN ('sent', 'recalled') ORDER BY sent_at DESC, id DESC LIMIT ?",
      [limit],
    );
    return rows.map(toRecord);
  }

  async setStatus(
    id: string,
    version: number,
    to: BroadcastStatus,
    at: string,
    extra: { sentAt?: string; recalledBy?: string } = {},
  ): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE broadcasts SET status = ?, updated_at = ?, version = version + 1,
         sent_at = COALESCE(?, sent_at),
         recalled_at = CASE WHEN ? = 'recalled' THEN ? ELSE recalled_at END,
         recalled_by = COALESCE(?, recalled_by)
       WHERE id = ? AND version = ?`,
      [to, at, extra.sentAt ?? null, to, at, extra.recalledBy ?? null, id, version],
    );
    return r.changes === 1;
  }

  /** A correction of a sent broadcast: new title/body, revision + 1. */
  async correct(id: string, version: number, title: string, body: string, at: string): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE broadcasts SET title = ?, body = ?, revision = revision + 1, corrected_at = ?, updated_at = ?,
         version = version + 1
       WHERE id = ? AND status = 'sent' AND version = ?`,
      [title, body, at, at, id, version],
    );
    return r.changes === 1;
  }

  async addRecipient(r: {
    broadcastId: string;
    personId: string;
    aadObjectId: string;
    sectionCode: string;
    outboxId: number | null;
  }): Promise<void> {
    await this.sql.execute(
      `INSERT INTO broadcast_recipients (broadcast_id, person_id, aad_object_id, section_code, outbox_id)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (broadcast_id, person_id) DO NOTHING`,
      [r.broadcastId, r.personId, r.aadObjectId.toLowerCase(), r.sectionCode, r.outboxId],
    );
  }

  /** addRecipient for many at once: one multi-row INSERT per chunk, not one round trip each. */
  async addRecipients(
    rows: ReadonlyArray<{
      broadcastId: string;
      personId: string;
      aadObjectId: string;
      sectionCode: string;
      outboxId: number | null;
    }>,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += RECIPIENT_CHUNK) {
      const chunk = rows.slice(i, i + RECIPIENT_CHUNK);
      await this.sql.execute(
        `INSERT INTO broadcast_recipients (broadcast_id, person_id, aad_object_id, section_code, outbox_id)
         VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (broadcast_id, person_id) DO NOTHING`,
        chunk.flatMap((r) => [
          r.broadcastId,
          r.personId,
          r.aadObjectId.toLowerCase(),
          r.sectionCode,
          r.outboxId,
        ]),
      );
    }
  }

  async recipient(broadcastId: string, personId: string): Promise<RecipientRecord | undefined> {
    const r = await this.sql.one<RecipientDbRow>(
      'SELECT * FROM broadcast_recipients WHERE broadcast_id = ? AND person_id = ?',
      [broadcastId, personId],
    );
    return r ? toRecipient(r) : undefined;
  }

  /** Every recipient with the state of their first copy, one query (section, then person order). */
  async recipientStatuses(broadcastId: string): Promise<RecipientStatus[]> {
    const rows = await this.sql.query<
      RecipientDbRow & {
        o_status: string | null;
        o_sent_at: string | null;
        o_error: string | null;
        o_waiting_since: string | null;
      }
    >(
      `SELECT r.*, o.status AS o_status, o.sent_at AS o_sent_at, o.last_error AS o_error,
         o.waiting_since AS o_waiting_since
       FROM broadcast_recipients r LEFT JOIN outbox o ON o.id = r.outbox_id
       WHERE r.broadcast_id = ?
       ORDER BY ${byCodePoint(this.sql.engine, 'r.section_code')}, ${byCodePoint(this.sql.engine, 'r.person_id')}`,
      [broadcastId],
    );
    return rows.map((r) => ({
      ...toRecipient(r),
      delivery: deliveryStateOf(r.o_status, r.o_waiting_since),
      deliveredAt: r.o_sent_at,
      lastError: r.o_error,
    }));
  }

  /**
   * Records an answer: the history row always; first_* only the first time; latest_* every time.
   * Returns false when the recipient row does not exist.
   */
  async recordAnswer(broadcastId: string, personId: string, answer: string, at: string): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE broadcast_recipients SET
         first_answer = COALESCE(first_answer, ?), first_answered_at = COALESCE(first_answered_at, ?),
         latest_answer = ?, latest_answered_at = ?
       WHERE broadcast_id = ? AND person_id = ?`,
      [answer, at, answer, at, broadcastId, personId],
    );
    if (r.changes !== 1) return false;
    await this.sql.execute(
      'INSERT INTO broadcast_answers (broadcast_id, person_id, answer, at) VALUES (?, ?, ?, ?)',
      [broadcastId, personId, answer, at],
    );
    return true;
  }

  async answers(broadcastId: string): Promise<AnswerRecord[]> {
    const rows = await this.sql.query<{
      id: number;
      broadcast_id: string;
      person_id: string;
      answer: string;
      at: string;
    }>('SELECT * FROM broadcast_answers WHERE broadcast_id = ? ORDER BY id', [broadcastId]);
    return rows.map((r) => ({
      id: Number(r.id),
      broadcastId: r.broadcast_id,
      personId: r.person_id,
      answer: r.answer,
      at: r.at,
    }));
  }

  /**
   * The status cards of a broadcast already posted (outbox rows 'broadcast.status' marked sent).
   * One indexed query that parses only these rows: it runs after every delivered copy, so it must
   * not read the whole broadcast's outbox each time.
   */
  async postedStatusCards(broadcastId: string): Promise<PostedStatusCard[]> {
    const rows = await this.sql.query<{
      id: number;
      to_aad: string;
      priority: number;
      message_json: string;
      activity_id: string | null;
      conversation_id: string | null;
    }>(
      `SELECT id, to_aad, priority, message_json, activity_id, conversation_id FROM outbox
       WHERE broadcast_id = ? AND status = 'sent' AND message_json LIKE '{"type":"broadcast.status",%'
       ORDER BY id`,
      [broadcastId],
    );
    return rows.flatMap((r) => {
      const m = JSON.parse(r.message_json) as { type?: string; personId?: string };
      return m.type === 'broadcast.status' && m.personId && r.activity_id && r.conversation_id
        ? [
            {
              outboxId: Number(r.id),
              toAad: r.to_aad,
              priority: Number(r.priority),
              personId: m.personId,
              activityId: r.activity_id,
              conversationId: r.conversation_id,
            },
          ]
        : [];
    });
  }

  async reminderSummary(broadcastId: string): Promise<ReminderSummary> {
    const r = await this.sql.one<{ messages: number | null; people: number | null; last_at: string | null }>(
      `SELECT SUM(reminders) AS messages, COUNT(CASE WHEN reminders > 0 THEN 1 END) AS people,
         MAX(last_reminded_at) AS last_at
       FROM broadcast_recipients WHERE broadcast_id = ?`,
      [broadcastId],
    );
    const rounds = await this.sql.one<{ auto: number | null; manual: number | null }>(
      `SELECT COUNT(CASE WHEN actor = 'scheduler' THEN 1 END) AS auto,
         COUNT(CASE WHEN actor <> 'scheduler' THEN 1 END) AS manual
       FROM audit_log WHERE subject = ? AND event = 'broadcast.reminded'`,
      [broadcastId],
    );
    // Automatic reminders are timers keyed bcr:<id>:<n> (services/broadcast-service.ts).
    const prefix = `bcr:${broadcastId}:`;
    const next = await this.sql.one<{ t: string | null }>(
      `SELECT MIN(due_at) AS t FROM timers
       WHERE status = 'pending' AND kind = 'broadcast_reminder' AND substr(dedupe_key, 1, ?) = ?`,
      [prefix.length, prefix],
    );
    return {
      messages: Number(r?.messages ?? 0),
      people: Number(r?.people ?? 0),
      lastAt: r?.last_at ?? null,
      autoRounds: Number(rounds?.auto ?? 0),
      manualRounds: Number(rounds?.manual ?? 0),
      nextAutoAt: next?.t ?? null,
    };
  }

  async markReminded(broadcastId: string, personIds: readonly string[], at: string): Promise<void> {
    const ids = [...new Set(personIds)];
    for (let i = 0; i < ids.length; i += RECIPIENT_CHUNK) {
      const chunk = ids.slice(i, i + RECIPIENT_CHUNK);
      await this.sql.execute(
        `UPDATE broadcast_recipients SET reminders = reminders + 1, last_reminded_at = ?
         WHERE broadcast_id = ? AND person_id IN (${chunk.map(() => '?').join(', ')})`,
        [at, broadcastId, ...chunk],
      );
    }
  }
}
