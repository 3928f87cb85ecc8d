// npm run directory -- sync-graph [--out proposed.csv] [--kana needs-kana.csv] [--lang en]
//
// Proposes the 緊急連絡網 from Microsoft Graph (users, department, manager) and changes nothing:
// it prints the report and writes the proposal as a directory CSV (default directory-proposed.csv),
// which the IT管理者 reviews and then imports (npm run directory -- import <file>). New users
// waiting for 氏名カナ go to <out>.needs-kana.csv; filled in, it is read back with --kana.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/config';
import { systemClock, type Clock } from '../domain/clock';
import { parseDepartmentMap, parseKanaFile } from '../domain/directory-csv/graph-sync-files';
import { SYNC_NOTE_LEVELS } from '../domain/graph-directory-sync';
import { t, type Locale, type Msg } from '../i18n';
import { findRepoRoot } from '../main';
import { proposeDirectorySync } from '../services/graph-directory-sync';
import { openDatabase } from '../storage/open';
import { withCitation } from '../teams/citation';
import { DEFAULT_GRAPH_OPTIONS, GraphError, type GraphClientOptions } from '../teams/graph-client';
import { GraphUserReader } from '../teams/graph-users';

const out = (s: string) => process.stdout.write(`${s}\n`);

export interface GraphSyncCliDeps {
  graphOptions?: GraphClientOptions;
  clock?: Clock;
}

const USAGE =
  '使い方 / usage: npm run directory -- sync-graph [--out proposed.csv] [--kana needs-kana.csv] [--lang en]';

function readArgs(argv: readonly string[]): { out: string; kana?: string; locale: Locale } | undefined {
  const args: { out: string; kana?: string; locale: Locale } = {
    out: 'directory-proposed.csv',
    locale: 'ja',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined || value.startsWith('--')) return undefined;
    if (flag === '--out') args.out = value;
    else if (flag === '--kana') args.kana = value;
    else if (flag === '--lang' && (value === 'ja' || value === 'en')) args.locale = value;
    else return undefined;
  }
  return args;
}

function readFile(file: string, locale: Locale): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    out(t(locale, 'graphSync.error.file', { file, detail: (err as Error).message }));
    return undefined;
  }
}

/** `argv` is what follows `sync-graph`. Exit code: 0 proposal written, 1 failed, 2 usage. */
export async function runGraphSyncCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  deps: GraphSyncCliDeps = {},
): Promise<number> {
  const args = readArgs(argv);
  if (!args) {
    out(USAGE);
    return 2;
  }
  const { locale } = args;
  const say = (m: Msg) => out(t(locale, m));
  const config = loadConfig(env, findRepoRoot());
  const sync = config.directorySync;
  if (!sync.graph) {
    out(t(locale, 'graphSync.error.not_configured'));
    return 1;
  }
  if (!sync.tenantId) {
    out(t(locale, 'graphSync.error.no_tenant'));
    return 1;
  }

  let departmentMap: Map<string, string> | undefined;
  if (sync.departmentMapFile) {
    const text = readFile(sync.departmentMapFile, locale);
    if (text === undefined) return 1;
    const parsed = parseDepartmentMap(
      text,
      sync.departmentMapFile.toLowerCase().endsWith('.json') ? 'json' : 'csv',
    );
    if (!parsed.ok) {
      parsed.problems.forEach(say);
      return 1;
    }
    departmentMap = parsed.map;
  }
  let kana: Map<string, string> | undefined;
  if (args.kana) {
    const file = path.resolve(args.kana);
    const text = readFile(file, locale);
    if (text === undefined) return 1;
    const parsed = parseKanaFile(text, file);
    if (!parsed.ok) {
      parsed.problems.forEach(say);
      return 1;
    }
    kana = parsed.kana;
  }

  const reader = new GraphUserReader(
    sync.graph,
    deps.clock ?? systemClock,
    deps.graphOptions ?? DEFAULT_GRAPH_OPTIONS,
  );
  const db = await openDatabase(config.database);
  try {
    let result;
    try {
      result = await proposeDirectorySync(db, reader, {
        tenantId: sync.tenantId,
        ...(departmentMap ? { departmentMap } : {}),
        ...(kana ? { kana } : {}),
      });
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      out(
        t(locale, err.denied ? 'graphSync.error.denied' : 'graphSync.error.graph', { detail: err.message }),
      );
      return 1;
    }
    if (!result.ok && result.reason === 'no_directory') {
      out(t(locale, 'graphSync.error.no_directory'));
      return 1;
    }
    const proposal = result.proposal;
    out(t(locale, 'graphSync.report.title'));
    out(t(locale, 'graphSync.report.counts', proposal.counts));
    for (const level of SYNC_NOTE_LEVELS) {
      const notes = proposal.notes.filter((n) => n.level === level);
      if (notes.length === 0) continue;
      out('');
      out(`${t(locale, `graphSync.report.level.${level}`)} (${notes.length})`);
      for (const n of notes) out(`  - ${t(locale, n.message)}`);
    }
    out('');
    if (!result.ok) {
      out(t(locale, 'graphSync.report.invalid'));
      for (const e of result.errors) out(`  ${withCitation(locale, e.message, e.article)}`);
      return 1;
    }
    if (result.warnings.length > 0) out('注意 / warnings:');
    for (const w of result.warnings) out(`  ${withCitation(locale, w.message, w.article)}`);
    const file = path.resolve(args.out);
    fs.writeFileSync(file, result.csv);
    const { people, sections } = proposal.directory;
    out(t(locale, 'graphSync.report.written', { file, people: people.length, sections: sections.length }));
    if (result.needsKanaCsv !== undefined) {
      const kanaFile = file.replace(/(\.csv)?$/i, '.needs-kana.csv');
      fs.writeFileSync(kanaFile, result.needsKanaCsv);
      out(
        t(locale, 'graphSync.report.needsKanaWritten', { file: kanaFile, count: proposal.needsKana.length }),
      );
    }
    return 0;
  } finally {
    await db.close();
  }
}
