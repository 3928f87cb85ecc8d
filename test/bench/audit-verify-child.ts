// Child of test/bench/audit-verify.ts: verifies (or only reads) the chain in a fresh process and
// prints one JSON line with its time and peak RSS.
import { verifyAuditChain } from '../../src/services/audit-verify';
import { AuditRepo } from '../../src/storage/audit-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';

async function main(): Promise<void> {
  const [file, mode, page] = process.argv.slice(2) as [string, 'verify' | 'scan' | 'open', string?];
  const pageSize = Number(page ?? 1000);
  const db = SqliteDatabase.open(file);
  const t0 = performance.now();
  let ok = true;
  let rows = 0;
  if (mode === 'verify') {
    const r = await verifyAuditChain(db, { pageSize });
    ok = r.ok;
    rows = r.rows;
  } else if (mode === 'scan') {
    const repo = new AuditRepo(db);
    for (let after = 0; ;) {
      const page = await repo.pageForVerify(after, pageSize);
      rows += page.length;
      if (page.length < pageSize) break;
      after = page[page.length - 1]!.seq;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  await db.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ mode, ok, rows, seconds, maxRssMb })}\n`);
}

void main();
