// Benchmark: `npm run bench:audit [-- <rows>]` — audit:verify over 1,000,000 chained rows (issue 9:
// well under a minute, < 200 MB). The chain is written straight into a real SQLite file with the
// same canonical form as AuditRepo.append (in one transaction, for speed), then verified in a child
// process so that its peak RSS is the verify's own. Printed as ratios of one run: verify time to the
// 60 s target and to a bare read of the same rows (the hashing's cost), peak RSS to 200 MB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { canonicalJson, GENESIS_HASH, rowHash, sha256Hex } from '../../src/domain/audit-chain';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';

const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 200;

export function generate(file: string, rows: number): void {
  SqliteDatabase.open(file)
    .close()
    .catch(() => undefined);
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  const insertRow = raw.prepare(
    'INSERT INTO audit_log (id, at, actor, event, subject, article, payload_hash, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)',
  );
  const insertPayload = raw.prepare('INSERT INTO audit_payloads (seq, data) VALUES (?, ?)');
  let prev = GENESIS_HASH;
  const start = Date.UTC(2026, 0, 1);
  raw.transaction(() => {
    for (let seq = 1; seq <= rows; seq += 1) {
      const at = new Date(start + seq * 1000).toISOString();
      const data = canonicalJson({
        summary: { key: 'caseView.event', params: { event: 'case.record' } },
        records: { scope: `端末 ${seq % 97} 台`, route: '添付ファイル' },
      });
      const payloadHash = sha256Hex(data);
      const h = {
        seq,
        at,
        actor: `E${1000 + (seq % 500)}`,
        event: seq % 5 === 0 ? 'case.approved' : 'case.recorded',
        subject: `INC-2026-${String(1 + (seq % 9999)).padStart(4, '0')}`,
        article: '12(5)②カ',
        payloadHash,
        prevHash: prev,
      };
      const hash = rowHash(h);
      insertRow.run(seq, h.at, h.actor, h.event, h.subject, h.article, payloadHash, prev, hash);
      insertPayload.run(seq, data);
      prev = hash;
    }
    raw.prepare('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1').run(rows, prev);
  })();
  raw.close();
}

interface ChildResult {
  mode: string;
  ok: boolean;
  rows: number;
  seconds: number;
  maxRssMb: number;
}

function child(file: string, mode: 'verify' | 'scan' | 'open'): ChildResult {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'audit-verify-child.ts'), file, mode],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

export async function benchAuditVerify(): Promise<void> {
  const rows = Number(process.argv[3] ?? 1_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secdesk-bench-audit-'));
  const file = path.join(dir, 'audit.db');
  const t0 = performance.now();
  generate(file, rows);
  const genSeconds = (performance.now() - t0) / 1000;
  const size = fs.statSync(file).size;
  const floor = child(file, 'open');
  const scan = child(file, 'scan');
  const verify = child(file, 'verify');
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(
    `audit chain: ${rows.toLocaleString('en')} rows, ${(size / 1e6).toFixed(0)} MB file, written in ${genSeconds.toFixed(1)} s`,
  );
  out(`process floor (runtime, modules, database open): peak RSS ${floor.maxRssMb.toFixed(0)} MB`);
  out(`bare read of the rows: ${scan.seconds.toFixed(2)} s, peak RSS ${scan.maxRssMb.toFixed(0)} MB`);
  out(
    `verify: ok=${verify.ok}, ${verify.rows.toLocaleString('en')} rows in ${verify.seconds.toFixed(2)} s (${Math.round(verify.rows / verify.seconds).toLocaleString('en')} rows/s), peak RSS ${verify.maxRssMb.toFixed(0)} MB`,
  );
  out(
    `ratio verify time / ${TARGET_SECONDS} s target: ${(verify.seconds / TARGET_SECONDS).toFixed(3)} (target < 1)`,
  );
  out(`ratio verify time / bare read: ${(verify.seconds / scan.seconds).toFixed(2)}`);
  out(
    `ratio verify peak RSS / ${TARGET_RSS_MB} MB target: ${(verify.maxRssMb / TARGET_RSS_MB).toFixed(3)} (target < 1)`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  if (!verify.ok || verify.rows !== rows + 0) throw new Error('verify did not pass over the generated chain');
}
