// Emergency broadcasts from the command line, for the IT administrator:
//
//   npm run broadcast -- export <BC-2026-0001> --format csv|xlsx --out <file>
//
// Writes the results of one broadcast (drill or real, never both) as CSV (UTF-8 with BOM, formulas
// neutralised) or XLSX (概要, 課別, 対象者). Whoever runs this holds the database, so the file has
// every section; the export is audited with the actor 'admin-cli'.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/config';
import { systemClock, type Clock } from '../domain/clock';
import { findRepoRoot } from '../main';
import {
  EXPORT_FORMATS,
  exportBroadcastResultsForOperator,
  type ExportFormat,
} from '../services/broadcast-export';
import { openDatabase } from '../storage/open';

const out = (s: string) => process.stdout.write(`${s}\n`);
const USAGE = '使い方 / usage: npm run broadcast -- export <BC-YYYY-NNNN> --format csv|xlsx --out <file>';

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

export async function runBroadcastCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  clock: Clock = systemClock,
): Promise<number> {
  const [command, id] = argv;
  const format = option(argv, '--format') ?? 'xlsx';
  const file = option(argv, '--out');
  if (
    command !== 'export' ||
    !id ||
    !/^BC-\d{4}-\d{4,}$/.test(id) ||
    !file ||
    !(EXPORT_FORMATS as readonly string[]).includes(format)
  ) {
    out(USAGE);
    return 2;
  }
  const config = loadConfig(env, findRepoRoot());
  const db = await openDatabase(config.database);
  try {
    const r = await exportBroadcastResultsForOperator(db, clock, {
      broadcastId: id,
      format: format as ExportFormat,
    });
    if (!r.ok) {
      out(`一斉通知 ${id} は見つかりません（送信済みのものだけ出力できます） / not found: ${id}`);
      return 1;
    }
    fs.writeFileSync(path.resolve(file), r.body);
    out(`出力しました / written: ${path.resolve(file)} (${r.body.length} bytes, ${r.contentType})`);
    return 0;
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  runBroadcastCli(process.argv.slice(2), process.env)
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(1);
    });
}
