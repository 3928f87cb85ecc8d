// The ledger export benchmark (issue 9): 100,000 take-out ledger rows to XLSX (and CSV) with the
// streaming writers, page by page from the source. The database is seeded first (in this process);
// each measurement then runs in a child process of its own (ledger-export-child.ts, which loads no
// seeding code), so that its peak RSS is the export's: first a child that only opens the database
// (the process floor: node, tsx, the modules, SQLite), then one export per format.
//
//   npm run bench:export            (BENCH_ROWS=100000, BENCH_FORMAT=xlsx|csv for one format only)
//
// Prints per format: rows, time, rows/s, file size, peak RSS, its excess over the floor, and the
// ratios peak RSS / 200 MB (target < 1) and peak RSS / floor; then XLSX / CSV.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LedgerExportFormat } from '../../src/services/ledger-export';
import { AuditRepo } from '../../src/storage/audit-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { seedDirectory, TAKEOUT_VALUE } from '../helpers/ledger-cases';

const ROOT = path.join(__dirname, '..', '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
/** BENCH_FORMAT=xlsx|csv exports one format; by default both, XLSX first. */
const FORMATS: readonly LedgerExportFormat[] = process.env.BENCH_FORMAT
  ? [process.env.BENCH_FORMAT as LedgerExportFormat]
  : ['xlsx', 'csv'];
const LIMIT_MB = 200;

async function seed(file: string): Promise<void> {
  const db = SqliteDatabase.open(file);
  await seedDirectory(db);
  const start = Date.parse('2025-04-01T00:00:00.000Z');
  await db.transaction(async (tx) => {
    const audit = new AuditRepo(tx);
    for (let i = 1; i <= ROWS; i++) {
      const at = new Date(start + i * 60_000).toISOString();
      const state = {
        decision: { by: 'E1002', outcome: 'approved', comment: '', conditions: '暗号化を確認' },
        ...(i % 3 === 0 ? { returnedAt: at, returnedConfirmedBy: 'E1002' } : {}),
      };
      await tx.execute(
        `INSERT INTO cases (id, kind, category, status, severity, reporter_id, section_code, assignee_id, form_json,
           evaluation_json, ack_due_at, created_at, updated_at, state_json, escalation_level, version)
         VALUES (?, 'takeout', 'request', 'approved', 'normal', 'E1001', '210', NULL, ?, '{}', NULL, ?, ?, ?, 0, 1)`,
        [
          `REQ-2025-${String(i).padStart(6, '0')}`,
          JSON.stringify({ value: { ...TAKEOUT_VALUE, purpose: `住民説明会 ${i}` } }),
          at,
          at,
          JSON.stringify(state),
        ],
      );
      await audit.append({
        at,
        actor: 'E1002',
        event: 'case.approved',
        subject: `REQ-2025-${String(i).padStart(6, '0')}`,
      });
    }
  });
  await db.close();
}

interface ChildResult {
  mode: string;
  rows: number;
  bytes: number;
  seconds: number;
  maxRssMb: number;
  heapMb: number;
}

function child(file: string, mode: 'open' | LedgerExportFormat, outFile = ''): ChildResult {
  const r = spawnSync(
    process.execPath,
    [
      // BENCH_NODE_FLAGS: V8 flags for the child (to experiment; the figures are without).
      ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
      '--import',
      'tsx',
      path.join(__dirname, 'ledger-export-child.ts'),
      file,
      mode,
      outFile,
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) throw new Error(`export child (${mode}) failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as ChildResult;
}

export async function benchLedgerExport(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secdesk-bench-export-'));
  const file = path.join(dir, 'bench.db');
  const out = (s: string) => process.stdout.write(`${s}\n`);
  try {
    const t0 = performance.now();
    await seed(file);
    out(`seeded ${ROWS.toLocaleString('en')} take-outs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const floor = child(file, 'open');
    out(
      `process floor (runtime, tsx, the export's modules, database open): peak RSS ${floor.maxRssMb.toFixed(0)} MB`,
    );
    const results: ChildResult[] = [];
    for (const format of FORMATS) {
      const r = child(file, format, path.join(dir, `takeout.${format}`));
      results.push(r);
      if (r.rows !== ROWS) throw new Error(`${format}: exported ${r.rows} rows, expected ${ROWS}`);
      out(
        [
          `ledger export (${format}, streaming): ${r.rows.toLocaleString('en')} rows in ${r.seconds.toFixed(2)} s (${Math.round(r.rows / r.seconds).toLocaleString('en')} rows/s), file ${(r.bytes / 1048576).toFixed(1)} MB`,
          `  peak RSS ${r.maxRssMb.toFixed(0)} MB (over the floor: ${(r.maxRssMb - floor.maxRssMb).toFixed(0)} MB; peak JS heap used ${r.heapMb.toFixed(0)} MB)`,
          `  ratio peak RSS / ${LIMIT_MB} MB target: ${(r.maxRssMb / LIMIT_MB).toFixed(3)} (target < 1)`,
          `  ratio peak RSS / floor: ${(r.maxRssMb / floor.maxRssMb).toFixed(2)}`,
        ].join('\n'),
      );
    }
    const [a, b] = results;
    if (a && b)
      out(
        `ratio ${a.mode} / ${b.mode}: time ${(a.seconds / b.seconds).toFixed(2)}, peak RSS ${(a.maxRssMb / b.maxRssMb).toFixed(2)}`,
      );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
