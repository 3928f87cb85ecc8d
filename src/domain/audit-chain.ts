// The audit trail's hash chain (12(4)②): how a row's hash is computed, so that any engine (SQLite,
// PostgreSQL) and any auditor's tool computes the same value, and how a walk over the rows finds
// the first one that was altered, inserted out of turn or deleted.
//
// Canonical form, version 1 (README "Audit trail"):
//   payload_hash = sha256_hex(utf8(data))              data: the stored canonical JSON text
//   hash         = sha256_hex(utf8(canonical_json([
//                    "sdaudit-v1", seq, at, actor, event, subject, article, payload_hash, prev_hash])))
// canonical_json: JSON with object keys sorted by UTF-16 code units, no whitespace, strings and
// numbers as JSON.stringify writes them (the ECMAScript rules RFC 8785 builds on). `article` is the
// stored text or null. The first row's prev_hash is GENESIS_HASH. Hashes are computed by the
// application, never by the database, and stored as text; the engines only keep the strings.
import { createHash } from 'node:crypto';

export const CHAIN_VERSION = 'sdaudit-v1';
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys and no whitespace; undefined members are dropped (as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    if (s === undefined) throw new TypeError(`not representable in JSON: ${typeof value}`);
    return s;
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The fields of a row that its hash covers (the payload by its hash only, so it can be purged). */
export interface ChainedHeader {
  seq: number;
  at: string;
  actor: string;
  event: string;
  subject: string;
  article: string | null;
  payloadHash: string;
  prevHash: string;
}

export function rowHash(h: ChainedHeader): string {
  return sha256Hex(
    canonicalJson([
      CHAIN_VERSION,
      h.seq,
      h.at,
      h.actor,
      h.event,
      h.subject,
      h.article,
      h.payloadHash,
      h.prevHash,
    ]),
  );
}

/** UTC ISO-8601 with milliseconds, as Date#toISOString writes it: the only `at` the chain accepts. */
export const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The event a retention purge appends; payloads it removed are accounted for by it (see walker). */
export const PURGE_EVENT = 'audit.payloads_purged';

export interface StoredRow extends ChainedHeader {
  hash: string;
  /** The payload text, or null when it was purged. */
  data: string | null;
  /** For a purged payload: the seq of the purge row that removed it (audit_purge_marks). */
  purgedBy: number | null;
}

export type BreakKind =
  | 'missing_row'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'payload_mismatch'
  | 'payload_missing'
  | 'purge_mismatch'
  | 'head_mismatch'
  | 'anchor_mismatch'
  | 'truncated';

export interface ChainBreak {
  kind: BreakKind;
  /** The first row that does not verify (for truncation: the first row the anchor vouches for that is gone). */
  seq: number;
  /** The stored row, when there is one. */
  row?: Pick<StoredRow, 'seq' | 'at' | 'actor' | 'event' | 'subject'>;
  detail: Record<string, string | number | null>;
}

interface PurgeTally {
  count: number;
  maxAt: string;
}

/**
 * Walks rows in seq order, one at a time (constant memory except for purge tallies, one per purge
 * row). `feed` returns the first break found, after which the walk should stop.
 */
export class ChainWalker {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private readonly purges = new Map<number, PurgeTally>();
  rows = 0;

  get lastSeq(): number {
    return this.expectedSeq - 1;
  }
  get lastHash(): string {
    return this.prevHash;
  }

  feed(r: StoredRow): ChainBreak | null {
    const row = { seq: r.seq, at: r.at, actor: r.actor, event: r.event, subject: r.subject };
    if (r.seq !== this.expectedSeq)
      return { kind: 'missing_row', seq: this.expectedSeq, row, detail: { found: r.seq } };
    if (r.prevHash !== this.prevHash)
      return {
        kind: 'prev_hash_mismatch',
        seq: r.seq,
        row,
        detail: { expected: this.prevHash, stored: r.prevHash },
      };
    const computed = rowHash(r);
    if (computed !== r.hash)
      return { kind: 'hash_mismatch', seq: r.seq, row, detail: { computed, stored: r.hash } };
    if (r.data !== null) {
      const ph = sha256Hex(r.data);
      if (ph !== r.payloadHash)
        return { kind: 'payload_mismatch', seq: r.seq, row, detail: { computed: ph, stored: r.payloadHash } };
    } else {
      // A payload may only be missing if a purge row after it says so (checked when that row comes).
      if (r.purgedBy === null || r.purgedBy <= r.seq)
        return { kind: 'payload_missing', seq: r.seq, row, detail: { purgedBy: r.purgedBy } };
      const t = this.purges.get(r.purgedBy) ?? { count: 0, maxAt: '' };
      t.count += 1;
      if (r.at > t.maxAt) t.maxAt = r.at;
      this.purges.set(r.purgedBy, t);
    }
    if (r.event === PURGE_EVENT) {
      const t = this.purges.get(r.seq) ?? { count: 0, maxAt: '' };
      this.purges.delete(r.seq);
      const data = r.data === null ? null : (JSON.parse(r.data) as { count?: unknown; cutoff?: unknown });
      // The purge row must account for exactly the payloads it removed, all older than its cutoff.
      if (
        !data ||
        data.count !== t.count ||
        typeof data.cutoff !== 'string' ||
        (t.count > 0 && !(t.maxAt < data.cutoff))
      )
        return {
          kind: 'purge_mismatch',
          seq: r.seq,
          row,
          detail: {
            removed: t.count,
            declared: typeof data?.count === 'number' ? data.count : null,
            cutoff: typeof data?.cutoff === 'string' ? data.cutoff : null,
          },
        };
    }
    this.expectedSeq = r.seq + 1;
    this.prevHash = r.hash;
    this.rows += 1;
    return null;
  }

  /** After the last row: payloads claimed by a purge row that does not exist. */
  finish(): ChainBreak | null {
    for (const [purgeSeq, t] of this.purges)
      return { kind: 'payload_missing', seq: purgeSeq, detail: { purgedBy: purgeSeq, payloads: t.count } };
    return null;
  }
}
