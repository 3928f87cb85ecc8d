// `npm run audit:verify`: walks the whole audit chain in pages (constant memory), then checks the
// chain head and every anchor outside the database. Names the first row that does not verify.
import { ChainWalker, type ChainBreak } from '../domain/audit-chain';
import { AuditRepo } from '../storage/audit-repo';
import type { SqlClient } from '../storage/sql';
import { readAnchors, type AnchorKey, type ReadAnchor } from './audit-anchor';

export interface VerifyReport {
  ok: boolean;
  rows: number;
  lastSeq: number;
  /** The first problem found, if any. */
  break?: ChainBreak;
  anchors: {
    /** Anchors whose signature verified and whose row was found with the same hash. */
    matched: number;
    latest?: Pick<ReadAnchor, 'seq' | 'hash' | 'at' | 'file'>;
    /** Files that cannot be trusted (unreadable, signature bad, key unknown). */
    problems: Array<Pick<ReadAnchor, 'file' | 'problem'>>;
  };
  /** Rows after the latest anchor (vouched for by the next one). */
  unanchored: number;
}

export async function verifyAuditChain(
  sql: SqlClient,
  opts: { anchorDir?: string; keys?: readonly AnchorKey[]; pageSize?: number } = {},
): Promise<VerifyReport> {
  const repo = new AuditRepo(sql);
  // 1000 rows a page: at 5000 the garbage of a page pushed peak RSS of a 1M-row walk past 200 MB.
  const pageSize = opts.pageSize ?? 1000;
  const all = opts.anchorDir ? readAnchors(opts.anchorDir, opts.keys ?? []) : [];
  const valid = all.filter((a) => !a.problem);
  const problems = all.filter((a) => a.problem).map((a) => ({ file: a.file, problem: a.problem }));
  const bySeq = new Map(valid.map((a) => [a.seq, a]));
  const walker = new ChainWalker();
  let found: ChainBreak | null = null;
  let matched = 0;

  let after = 0;
  walk: for (;;) {
    const page = await repo.pageForVerify(after, pageSize);
    for (const row of page) {
      found = walker.feed(row);
      if (found) break walk;
      const anchor = bySeq.get(row.seq);
      if (anchor) {
        if (anchor.hash !== row.hash) {
          found = {
            kind: 'anchor_mismatch',
            seq: row.seq,
            row,
            detail: { anchorHash: anchor.hash, stored: row.hash, anchorAt: anchor.at, file: anchor.file },
          };
          break walk;
        }
        matched += 1;
      }
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.seq;
  }
  found ??= walker.finish();
  const lastSeq = walker.lastSeq;
  const latest = valid.at(-1);
  if (!found && latest && latest.seq > lastSeq)
    // The anchor vouches for rows that are gone: the tail was cut off.
    found = {
      kind: 'truncated',
      seq: lastSeq + 1,
      detail: { anchorSeq: latest.seq, anchorHash: latest.hash, anchorAt: latest.at, file: latest.file },
    };
  if (!found) {
    const head = await repo.head();
    if (head.seq !== lastSeq || head.hash !== walker.lastHash)
      found = {
        kind: 'head_mismatch',
        seq: Math.min(head.seq, lastSeq) + 1,
        detail: { headSeq: head.seq, headHash: head.hash, lastSeq, lastHash: walker.lastHash },
      };
  }
  return {
    ok: !found && problems.length === 0,
    rows: walker.rows,
    lastSeq,
    ...(found ? { break: found } : {}),
    anchors: {
      matched,
      ...(latest ? { latest: { seq: latest.seq, hash: latest.hash, at: latest.at, file: latest.file } } : {}),
      problems,
    },
    unanchored: latest ? Math.max(0, lastSeq - latest.seq) : lastSeq,
  };
}
