// Child of test/bench/audit-verify.ts: verifies (or only reads) the chain in a fresh process and
// prints one JSON line with its time and peak RSS.
import { verifyAuditChain } from '../../src/services/audit-verify';
import { AuditRepo } from '../../src/storage/audit-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';

async function main(): Promise<void> {
  const [file, mode] = process.argv.slice(2) as [string, 'verify' | 'scan'];
  const db = SqliteDatabase.open(file);
  const t0 = performance.now();
  let ok = true;
  let rows = 0;
  if (mode === 'verify') {
    const r = await verifyAuditChain(db);
    ok = r.ok;
    rows = r.rows;
  } else {
    const repo = new AuditRepo(db);
    for (let after = 0; ;) {
      const page = await repo.pageForVerify(after, 5000);
      rows += page.length;
      if (page.length < 5000) break;
      after = page[page.length - 1]!.seq;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  await db.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ mode, ok, rows, seconds, maxRssMb })}\n`);
}

void main();
