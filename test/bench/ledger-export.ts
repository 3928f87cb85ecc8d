// The ledger export benchmark (issue 9): 100,000 take-out ledger rows to XLSX with the streaming
// writer, page by page from the source. The database is seeded first; the export then runs in a
// child process of its own, so that its peak RSS is the export's and not the seeding's.
//
//   npm run bench:export            (BENCH_ROWS=100000, BENCH_FORMAT=xlsx|csv)
//
// Prints: rows, time, rows/s, file size, peak RSS of the exporting process and peak RSS / 200 MB
// (target < 1).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../src/domain/clock';
import {
  bufferSink,
  exportLedger,
  OPERATOR,
  type LedgerExportFormat,
} from '../../src/services/ledger-export';
import { defaultLedgerRegistry } from '../../src/services/ledgers';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { citationText } from '../../src/teams/citation';
import { seedDirectory, TAKEOUT_VALUE } from '../helpers/ledger-cases';

const ROOT = path.join(__dirname, '..', '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const FORMAT = (process.env.BENCH_FORMAT ?? 'xlsx') as LedgerExportFormat;
const LIMIT_MB = 200;

async function seed(file: string): Promise<void> {
  const db = SqliteDatabase.open(file);
  await seedDirectory(db);
  const start = Date.parse('2025-04-01T00:00:00.000Z');
  await db.transaction(async (tx) => {
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
      await tx.execute(
        `INSERT INTO audit_log (at, actor, event, subject, article, data) VALUES (?, 'E1002', 'case.approved', ?, NULL, '{}')`,
        [at, `REQ-2025-${String(i).padStart(6, '0')}`],
      );
    }
  });
  await db.close();
}

/** The child: exports into a file and reports time, rows and its own peak RSS as JSON. */
async function child(file: string, outFile: string): Promise<void> {
  const db = SqliteDatabase.open(file);
  const base = process.memoryUsage().rss;
  let peak = base;
  let heap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  const t0 = performance.now();
  const out = outFile === '-' ? bufferSink().sink : fs.createWriteStream(outFile);
  const r = await exportLedger(
    db,
    systemClock,
    defaultLedgerRegistry(systemClock),
    {
      actor: OPERATOR,
      kind: 'takeout',
      from: '2025-01-01',
      to: '2030-12-31',
      format: FORMAT,
      locale: 'ja',
      via: 'cli',
    },
    out,
    citationText,
  );
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  await db.close();
  if (!r.ok) throw new Error(`export refused: ${r.reason}`);
  process.stdout.write(
    `${JSON.stringify({ rows: r.file.rows, bytes: r.file.bytes, ms, peak, base, heap })}\n`,
  );
}

export async function benchLedgerExport(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secdesk-bench-export-'));
  const file = path.join(dir, 'bench.db');
  const outFile = path.join(dir, `takeout.${FORMAT}`);
  const t0 = performance.now();
  await seed(file);
  process.stdout.write(`seeded ${ROWS} take-outs in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const proc = spawn(
    process.execPath,
    [
      // BENCH_NODE_FLAGS: V8 flags for the exporting process (e.g. a smaller young generation).
      ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
      '--import',
      'tsx',
      'test/bench/ledger-export.ts',
      'child',
      file,
      outFile,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, BENCH_FORMAT: FORMAT },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let text = '';
  proc.stdout.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const code = await new Promise<number>((resolve) => proc.on('exit', (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`export child exited with ${code}`);
  const r = JSON.parse(text.trim().split('\n').at(-1) ?? '{}') as {
    rows: number;
    bytes: number;
    ms: number;
    peak: number;
    base: number;
    heap: number;
  };
  const mb = r.peak / 1024 / 1024;
  process.stdout.write(
    [
      `ledger export (${FORMAT}, streaming): ${r.rows} rows in ${(r.ms / 1000).toFixed(2)} s`,
      `  rows/s: ${Math.round(r.rows / (r.ms / 1000))}`,
      `  file: ${(r.bytes / 1024 / 1024).toFixed(1)} MB`,
      `  peak RSS of the exporting process: ${mb.toFixed(0)} MB (before the export: ${(r.base / 1048576).toFixed(0)} MB, peak JS heap used ${(r.heap / 1048576).toFixed(0)} MB)`,
      `  peak RSS / ${LIMIT_MB} MB: ${(mb / LIMIT_MB).toFixed(2)} (target < 1)`,
    ].join('\n') + '\n',
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

if (require.main === module && process.argv[2] === 'child') {
  child(process.argv[3] as string, process.argv[4] as string).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
