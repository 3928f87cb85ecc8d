// 台帳の出力 from the command line, for the operator who holds the database (13(1): the ledgers an
// auditor is handed):
//
//   npm run export -- --ledger <kind> --from <YYYY-MM-DD> --to <YYYY-MM-DD> --format csv|xlsx
//                     [--out <file>] [--section <code>]
//
// Dates are Japan calendar days, both inclusive. The file is written page by page (never the whole
// ledger in memory) and the export is audited ('ledger.exported', actor 'admin-cli', with the row
// count and the file's sha256). Exit codes: 0 written, 1 failed, 2 usage.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/config';
import { systemClock, type Clock } from '../domain/clock';
import { isLedgerKind } from '../domain/ledgers';
import { parseIsoDate } from '../domain/policy/jst';
import { findRepoRoot } from '../main';
import {
  exportLedger,
  LEDGER_EXPORT_FORMATS,
  OPERATOR,
  type LedgerExportFormat,
} from '../services/ledger-export';
import { defaultLedgerRegistry, type LedgerRegistry } from '../services/ledgers';
import { openDatabase } from '../storage/open';
import { citationText } from '../teams/citation';

const out = (s: string) => process.stdout.write(`${s}\n`);

const usage = (registry: LedgerRegistry) =>
  [
    '使い方 / usage:',
    '  npm run export -- --ledger <kind> --from <YYYY-MM-DD> --to <YYYY-MM-DD> --format csv|xlsx [--out <file>] [--section <code>]',
    `  kind: ${registry.kinds.join(' | ')}`,
  ].join('\n');

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runExportCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  opts: { clock?: Clock; registry?: LedgerRegistry } = {},
): Promise<number> {
  const clock = opts.clock ?? systemClock;
  const registry = opts.registry ?? defaultLedgerRegistry(clock);
  const kind = option(argv, '--ledger');
  const from = option(argv, '--from');
  const to = option(argv, '--to');
  const format = option(argv, '--format');
  const section = option(argv, '--section');
  if (
    !isLedgerKind(kind) ||
    !from ||
    !to ||
    !(LEDGER_EXPORT_FORMATS as readonly string[]).includes(format ?? '')
  ) {
    out(usage(registry));
    return 2;
  }
  if (!registry.get(kind)) {
    out(`この台帳はまだ登録されていません / ledger not available: ${kind}`);
    out(usage(registry));
    return 2;
  }
  if (parseIsoDate(from) === null || parseIsoDate(to) === null || to < from) {
    out(`期間が正しくありません / invalid period: ${from} .. ${to}`);
    return 2;
  }
  const fmt = format as LedgerExportFormat;
  const file = path.resolve(option(argv, '--out') ?? `${kind}_${from}_${to}.${fmt}`);
  const config = loadConfig(env, findRepoRoot());
  const db = await openDatabase(config.database);
  try {
    const stream = fs.createWriteStream(file);
    const r = await exportLedger(
      db,
      clock,
      registry,
      {
        actor: OPERATOR,
        kind,
        from,
        to,
        format: fmt,
        locale: 'ja',
        via: 'cli',
        ...(section ? { section } : {}),
      },
      stream,
      citationText,
    );
    if (!r.ok) {
      stream.destroy();
      fs.rmSync(file, { force: true });
      out(`出力できません / export failed: ${r.reason}`);
      return 1;
    }
    out(`書き出しました / written: ${file}（${r.file.rows} 件、sha256 ${r.file.sha256}）`);
    return 0;
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  runExportCli(process.argv.slice(2), process.env)
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(1);
    });
}
