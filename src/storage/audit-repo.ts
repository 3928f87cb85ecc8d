import { parseCitations, serializeCitations, type Citation, type Citations } from '../domain/articles';
import {
  canonicalJson,
  GENESIS_HASH,
  PURGE_EVENT,
  rowHash,
  sha256Hex,
  UTC_ISO,
  type ChainedHeader,
  type StoredRow,
} from '../domain/audit-chain';
import type { Database, SqlClient } from './sql';

export interface AuditEvent {
  /** UTC ISO-8601. */
  at: string;
  /** Person id, or 'system' / 'scheduler' / 'admin-cli'. */
  actor: string;
  /** Dotted event name, e.g. 'directory.imported', 'case.submitted'. */
  event: string;
  /** What the event is about: a case id, 'directory', a person id. */
  subject: string;
  /**
   * What the state change applies: articles of the standard ('10(9)①エ'), a law, or 'operating_rule'
   * (domain/articles.ts). Stored as ids separated by spaces; read back as one id or a list.
   */
  article?: Citations;
  data?: Record<string, unknown>;
}

/** An event as read back: `purged` when retention removed its payload (the row itself stays). */
export type StoredAuditEvent = AuditEvent & { seq: number; hash: string; intact: boolean; purged?: true };

interface HeaderRow {
  id: number;
  at: string;
  actor: string;
  event: string;
  subject: string;
  article: string | null;
  payload_hash: string;
  prev_hash: string;
  hash: string;
}

function headerOf(r: HeaderRow): ChainedHeader {
  return {
    seq: Number(r.id),
    at: r.at,
    actor: r.actor,
    event: r.event,
    subject: r.subject,
    article: r.article,
    payloadHash: r.payload_hash,
    prevHash: r.prev_hash,
  };
}

function isDatabase(sql: SqlClient): sql is Database {
  return typeof (sql as Partial<Database>).transaction === 'function';
}

/**
 * Append-only, hash-chained audit trail (12(4)②). Rows are only ever inserted, in the same
 * transaction as the state change they describe; each carries the hash of the row before it
 * (domain/audit-chain.ts). The chain head (audit_head) is claimed with an UPDATE, which serializes
 * appenders on every engine (a row lock on PostgreSQL). There is no method that changes or removes
 * a row; the database refuses it too (migration 12's triggers). Payloads leave only through
 * `purgePayloads`, which first appends the purge row that accounts for them.
 */
export class AuditRepo {
  constructor(private readonly sql: SqlClient) {}

  async append(e: AuditEvent): Promise<{ seq: number; hash: string }> {
    // Outside a transaction the head claim and the insert would be two steps another append could
    // slip between: make them one.
    if (isDatabase(this.sql)) return this.sql.transaction((tx) => new AuditRepo(tx).append(e));
    if (!UTC_ISO.test(e.at)) throw new RangeError(`audit time must be UTC ISO-8601 with ms: ${e.at}`);
    const head = await this.sql.one<{ seq: number; hash: string }>(
      'UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash',
    );
    if (!head) throw new Error('audit_head missing (migration 12 not applied)');
    const seq = Number(head.seq);
    const data = canonicalJson(e.data ?? {});
    const payloadHash = sha256Hex(data);
    const article = e.article === undefined ? null : serializeCitations(e.article);
    const hash = rowHash({
      seq,
      at: e.at,
      actor: e.actor,
      event: e.event,
      subject: e.subject,
      article,
      payloadHash,
      prevHash: head.hash,
    });
    await this.sql.execute(
      `INSERT INTO audit_log (id, at, actor, event, subject, article, payload_hash, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [seq, e.at, e.actor, e.event, e.subject, article, payloadHash, head.hash, hash],
    );
    await this.sql.execute('INSERT INTO audit_payloads (seq, data) VALUES (?, ?)', [seq, data]);
    await this.sql.execute('UPDATE audit_head SET hash = ? WHERE id = 1', [hash]);
    return { seq, hash };
  }

  /**
   * Events in chain order. `intact` is false for a row whose own hash, payload hash or link to the
   * row before it does not verify (altered or forged): a history drawn from the trail shows it so,
   * and nothing grants access because of it. The whole chain is checked by services/audit-verify.
   */
  async list(subject?: string): Promise<StoredAuditEvent[]> {
    const rows = await this.sql.query<HeaderRow & { data: string | null; linked_hash: string | null }>(
      `SELECT l.*, p.data, pr.hash AS linked_hash FROM audit_log l
       LEFT JOIN audit_payloads p ON p.seq = l.id
       LEFT JOIN audit_log pr ON pr.id = l.id - 1
       ${subject === undefined ? '' : 'WHERE l.subject = ?'} ORDER BY l.id`,
      subject === undefined ? [] : [subject],
    );
    return rows.map((r) => {
      const cited = parseCitations(r.article);
      const seq = Number(r.id);
      const intact =
        rowHash(headerOf(r)) === r.hash &&
        (r.data === null || sha256Hex(r.data) === r.payload_hash) &&
        r.prev_hash === (seq === 1 ? GENESIS_HASH : r.linked_hash);
      return {
        seq,
        hash: r.hash,
        intact,
        at: r.at,
        actor: r.actor,
        event: r.event,
        subject: r.subject,
        ...(cited.length === 0 ? {} : { article: cited.length === 1 ? (cited[0] as Citation) : cited }),
        data: r.data === null ? {} : (JSON.parse(r.data) as Record<string, unknown>),
        ...(r.data === null ? { purged: true as const } : {}),
      };
    });
  }

  /** The chain head as the head row records it (verify compares it with the rows). */
  async head(): Promise<{ seq: number; hash: string }> {
    const h = await this.sql.one<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_head WHERE id = 1',
    );
    return h ? { seq: Number(h.seq), hash: h.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /** Rows with seq > `after`, in order, with payloads and purge marks: one page of a verify walk. */
  async pageForVerify(after: number, limit: number): Promise<StoredRow[]> {
    const rows = await this.sql.query<HeaderRow & { data: string | null; purge_seq: number | null }>(
      `SELECT l.*, p.data, m.purge_seq FROM audit_log l
       LEFT JOIN audit_payloads p ON p.seq = l.id
       LEFT JOIN audit_purge_marks m ON m.seq = l.id
       WHERE l.id > ? ORDER BY l.id LIMIT ?`,
      [after, limit],
    );
    return rows.map((r) => ({
      ...headerOf(r),
      hash: r.hash,
      data: r.data,
      purgedBy: r.purge_seq === null ? null : Number(r.purge_seq),
    }));
  }

  /** The stored hash of row `seq` (undefined when there is no such row). */
  async hashAt(seq: number): Promise<string | undefined> {
    return (await this.sql.one<{ hash: string }>('SELECT hash FROM audit_log WHERE id = ?', [seq]))?.hash;
  }

  /**
   * Removes the payloads of rows `seqs` (all older than `cutoff`) after appending the purge row that
   * accounts for them (domain/audit-chain.ts PURGE_EVENT): the rows and the chain stay. Call inside
   * the transaction of the purge itself.
   */
  async purgePayloads(
    seqs: readonly number[],
    e: { at: string; actor: string; cutoff: string; reason: string; article?: AuditEvent['article'] },
  ): Promise<{ seq: number; count: number }> {
    if (isDatabase(this.sql)) return this.sql.transaction((tx) => new AuditRepo(tx).purgePayloads(seqs, e));
    const unique = [...new Set(seqs)].sort((a, b) => a - b);
    const purge = await this.append({
      at: e.at,
      actor: e.actor,
      event: PURGE_EVENT,
      subject: 'audit',
      ...(e.article === undefined ? {} : { article: e.article }),
      data: {
        cutoff: e.cutoff,
        count: unique.length,
        reason: e.reason,
        first: unique[0] ?? null,
        last: unique.at(-1) ?? null,
      },
    });
    for (const s of unique) {
      await this.sql.execute('INSERT INTO audit_purge_marks (seq, purge_seq) VALUES (?, ?)', [s, purge.seq]);
      await this.sql.execute('DELETE FROM audit_payloads WHERE seq = ?', [s]);
    }
    return { seq: purge.seq, count: unique.length };
  }
}
