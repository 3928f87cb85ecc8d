// Child of test/bench/ledger-export.ts: in a fresh process that loads only what the export needs
// (not the seeding helpers), either only opens the database ('open': the process floor) or exports
// the take-out ledger into a file ('xlsx' | 'csv'), and prints one JSON line with its time and peak
// RSS (the kernel's high-water mark, plus samples of the JS heap).
import fs from 'node:fs';
import { systemClock } from '../../src/domain/clock';
import { exportLedger, OPERATOR } from '../../src/services/ledger-export';
import { defaultLedgerRegistry } from '../../src/services/ledgers';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { citationText } from '../../src/teams/citation';

async function main(): Promise<void> {
  const [file, mode, outFile] = process.argv.slice(2) as [string, 'open' | 'xlsx' | 'csv', string?];
  const db = SqliteDatabase.open(file);
  const registry = defaultLedgerRegistry(systemClock);
  let heap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (heap = Math.max(heap, process.memoryUsage().heapUsed)), 20);
  const t0 = performance.now();
  let rows = 0;
  let bytes = 0;
  if (mode !== 'open') {
    const r = await exportLedger(
      db,
      systemClock,
      registry,
      {
        actor: OPERATOR,
        kind: 'takeout',
        from: '2025-01-01',
        to: '2030-12-31',
        format: mode,
        locale: 'ja',
        via: 'cli',
      },
      fs.createWriteStream(outFile as string),
      citationText,
    );
    if (!r.ok) throw new Error(`export refused: ${r.reason}`);
    rows = r.file.rows;
    bytes = r.file.bytes;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  await db.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ mode, rows, bytes, seconds, maxRssMb, heapMb: heap / 1048576 })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
