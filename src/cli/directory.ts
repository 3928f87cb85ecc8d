// 緊急連絡網 (contact directory) from the command line, for the IT administrator (対策基準 6ウ):
//
//   npm run directory -- check  <file.csv>          validate only; every problem listed by line, in Japanese
//   npm run directory -- diff   <file.csv>          what an import would change (DATABASE_URL), changes nothing
//   npm run directory -- import <file.csv> [--yes]  show the diff; apply it (all or nothing) only with --yes
//   npm run directory -- export     --format csv|xlsx --out <file>   the directory in force
//   npm run directory -- phone-tree --format csv|xlsx --out <file>   the printable per-section phone tree
//   npm run directory -- sync-graph [--out f]  propose the directory from Microsoft Graph (graph-sync.ts)
//
// The running bot reads the directory from the database on every turn, so an import takes effect
// at once. A rejected file changes nothing. Exit codes: 0 done, 1 refused or failed, 2 usage,
// 3 import not confirmed (re-run with --yes).
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../config/config';
import { systemClock } from '../domain/clock';
import { parseDirectoryCsv, type CsvIssue } from '../domain/directory-csv';
import { diffLines, diffSummary, roleLossLine } from '../domain/directory-diff-lines';
import { msg, t } from '../i18n';
import { findRepoRoot } from '../main';
import { exportForCli } from '../services/directory-export-links';
import {
  applyStagedImport,
  decodeCsvBytes,
  previewDirectoryImport,
  stageDirectoryImport,
  type StagedView,
} from '../services/directory-import-service';
import { DirectoryRepo } from '../storage/directory-repo';
import type { ExportKind } from '../domain/directory-exports';
import { openDatabase } from '../storage/open';
import type { Database } from '../storage/sql';
import { withCitation } from '../teams/citation';
import { runGraphSyncCli } from './graph-sync';

const out = (s: string) => process.stdout.write(`${s}\n`);

const USAGE = [
  '使い方 / usage:',
  '  npm run directory -- check  <file.csv>',
  '  npm run directory -- diff   <file.csv>',
  '  npm run directory -- import <file.csv> [--yes]',
  '  npm run directory -- export     --format csv|xlsx --out <file>',
  '  npm run directory -- phone-tree --format csv|xlsx --out <file>',
  '  npm run directory -- sync-graph [--out proposed.csv]',
].join('\n');

function printIssues(title: string, issues: readonly CsvIssue[]): void {
  if (issues.length === 0) return;
  out(title);
  for (const i of issues) out(`  ${withCitation('ja', i.message, i.article)}`);
}

function readCsv(file: string): string | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.resolve(file));
  } catch (err) {
    out(`ファイルを読めません / cannot read ${file}: ${(err as Error).message}`);
    return null;
  }
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) {
    out(`文字コードを読めません。「CSV UTF-8」で保存してください / not UTF-8 or Shift_JIS: ${file}`);
    return null;
  }
  return decoded.text;
}

function printView(view: StagedView): void {
  out(t('ja', diffSummary(view.diff)));
  for (const line of diffLines(view.diff)) out(`  ${t('ja', line.text)}`);
  if (view.losses.length > 0) {
    out('要注意: 役割を外れる人に対応中の案件があります / role lost with open cases:');
    for (const l of view.losses) out(`  ${t('ja', roleLossLine(l))}`);
  }
  printIssues('注意 / warnings:', view.warnings);
  out(`取込後 / after import: ${view.people} 名、${view.sections} 課`);
}

async function withDatabase<T>(
  env: NodeJS.ProcessEnv,
  fn: (db: Database, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig(env, findRepoRoot());
  const db = await openDatabase(config.database);
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

/** `--name value` options after the command; undefined when absent. */
function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function runExport(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const format = option(args, '--format');
  const file = option(args, '--out');
  if ((format !== 'csv' && format !== 'xlsx') || !file) {
    out(USAGE);
    return 2;
  }
  const kind: ExportKind =
    command === 'export' ? (format === 'csv' ? 'directory_csv' : 'directory_xlsx') : `phone_tree_${format}`;
  return withDatabase(env, async (db) => {
    const f = await exportForCli(db, systemClock, kind);
    if (!f) {
      out('連絡網が取り込まれていません / no directory in the database');
      return 1;
    }
    fs.writeFileSync(path.resolve(file), f.body);
    out(`書き出しました / written: ${path.resolve(file)}（${await new DirectoryRepo(db).countPeople()} 名）`);
    return 0;
  });
}

export async function runDirectoryCli(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'sync-graph') return runGraphSyncCli(args, env);
  if (command === 'export' || command === 'phone-tree') return runExport(command, args, env);
  const file = args.find((a) => !a.startsWith('--'));
  if ((command !== 'check' && command !== 'diff' && command !== 'import') || !file) {
    out(USAGE);
    return 2;
  }
  const text = readCsv(file);
  if (text === null) return 1;
  const parsed = parseDirectoryCsv(text);
  if (!parsed.ok) {
    printIssues(
      `取り込めません。次の ${parsed.errors.length} 件を修正してください / rejected:`,
      parsed.errors,
    );
    return 1;
  }
  if (command === 'check') {
    printIssues('注意 / warnings:', parsed.warnings);
    const { people, sections } = parsed.directory;
    out(`OK: ${people.length} 名、${sections.length} 課 / people, sections`);
    return 0;
  }
  return withDatabase(env, async (db, config) => {
    const preview = await previewDirectoryImport(db, text);
    if (!preview.ok) return 1; // parsed above; cannot happen
    printView(preview.view);
    if (command === 'diff' || preview.unchanged) {
      if (command === 'import') out('変更はありません / unchanged');
      return 0;
    }
    if (!args.includes('--yes')) {
      out(
        'まだ取り込んでいません。上の変更でよければ --yes を付けて再実行してください / not imported: re-run with --yes',
      );
      return 3;
    }
    // Staged and applied at once: the diff just printed is the one applied (it is refused if the
    // directory changed in between, e.g. by an import in Teams).
    const staged = await stageDirectoryImport(
      db,
      systemClock,
      { csv: text },
      { source: path.resolve(file), actor: { kind: 'cli' } },
    );
    if (!staged.ok) return 1;
    if (staged.unchanged) {
      out('変更はありません / unchanged');
      return 0;
    }
    const applied = await applyStagedImport(
      db,
      systemClock,
      staged.stagedId,
      { kind: 'cli' },
      { dutyDueDays: config.peopleChangeDueDays },
    );
    if (!applied.ok) {
      out(
        `取り込めませんでした（${applied.reason}）。もう一度実行してください / not imported: ${applied.reason}`,
      );
      return 1;
    }
    out(`取り込みました / imported: ${staged.view.people} 名、${staged.view.sections} 課`);
    out(t('ja', msg('peopleChange.dutiesOpened', { n: applied.dutiesOpened ?? 0 })));
    return 0;
  });
}

if (require.main === module) {
  runDirectoryCli(process.argv.slice(2), process.env)
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(1);
    });
}
