// Migration 12's data step: chains the audit rows written before the chain existed, in their order.
import { canonicalJson, GENESIS_HASH, rowHash, sha256Hex } from '../domain/audit-chain';
import type { MigrationDb } from './migrations';

interface LegacyRow {
  id: number;
  at: string;
  actor: string;
  event: string;
  subject: string;
  article: string | null;
  data: string;
}

export function chainLegacyAuditRows(db: MigrationDb): void {
  let seq = 0;
  let prev = GENESIS_HASH;
  for (const r of db.all<LegacyRow>('SELECT * FROM audit_log ORDER BY id')) {
    seq += 1;
    let parsed: unknown = {};
    try {
      parsed = JSON.parse(r.data);
    } catch {
      parsed = { legacy: r.data };
    }
    const data = canonicalJson(parsed);
    const payloadHash = sha256Hex(data);
    const header = { seq, at: r.at, actor: r.actor, event: r.event, subject: r.subject, article: r.article };
    const hash = rowHash({ ...header, payloadHash, prevHash: prev });
    db.run(
      `INSERT INTO audit_chain (id, at, actor, event, subject, article, payload_hash, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [seq, r.at, r.actor, r.event, r.subject, r.article, payloadHash, prev, hash],
    );
    db.run('INSERT INTO audit_payloads (seq, data) VALUES (?, ?)', [seq, data]);
    prev = hash;
  }
  db.run('INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)', [seq, prev]);
}
