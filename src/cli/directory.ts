// 緊急連絡網 (contact directory) from the command line, for the IT administrator (対策基準 6ウ):
//
//   npm run directory -- check  <file.csv>   validate only; every problem listed by line, in Japanese
//   npm run directory -- import <file.csv>   validate and import into DATABASE_URL (all or nothing)
//   npm run directory -- sync-graph [--out f]  propose the directory from Microsoft Graph (graph-sync.ts)
//
// The running bot reads the directory from the database on every turn, so an import takes effect
// at once. A rejected file changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/config';
import { systemClock } from '../domain/clock';
import { parseDirectoryCsv, type CsvIssue } from '../domain/directory-csv';
import { findRepoRoot } from '../main';
import { importDirectory } from '../services/directory-service';
import { openDatabase } from '../storage/open';
import { withCitation } from '../teams/citation';
import { runGraphSyncCli } from './graph-sync';

const out = (s: string) => process.stdout.write(`${s}\n`);

function printIssues(title: string, issues: readonly CsvIssue[]): void {
  if (issues.length === 0) return;
  out(title);
  for (const i of issues) out(`  ${withCitation('ja', i.message, i.article)}`);
}

export async function runDirectoryCli(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, file] = argv;
  if (command === 'sync-graph') return runGraphSyncCli(argv.slice(1), env);
  if ((command !== 'check' && command !== 'import') || !file) {
    out('使い方 / usage: npm run directory -- check|import <file.csv> | sync-graph [--out proposed.csv]');
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file), 'utf8');
  } catch (err) {
    out(`ファイルを読めません / cannot read ${file}: ${(err as Error).message}`);
    return 1;
  }
  const parsed = parseDirectoryCsv(text);
  if (!parsed.ok) {
    printIssues(
      `取り込めません。次の ${parsed.errors.length} 件を修正してください / rejected:`,
      parsed.errors,
    );
    return 1;
  }
  printIssues('注意 / warnings:', parsed.warnings);
  const { people, sections } = parsed.directory;
  if (command === 'check') {
    out(`OK: ${people.length} 名、${sections.length} 課 / people, sections`);
    return 0;
  }
  const config = loadConfig(env, findRepoRoot());
  const db = openDatabase(config.database);
  try {
    const r = await importDirectory(db, text, {
      source: path.resolve(file),
      actor: 'admin-cli',
      clock: systemClock,
    });
    if (!r.ok) return 1;
    out(
      r.changed
        ? `取り込みました / imported: ${r.people} 名、${r.sections} 課`
        : '変更はありません / unchanged',
    );
    return 0;
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  runDirectoryCli(process.argv.slice(2), process.env)
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(1);
    });
}
