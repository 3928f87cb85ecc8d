import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDirectoryCli } from '../../src/cli/directory';
import { parseDirectoryCsv } from '../../src/domain/directory-csv';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { tempDbFile } from '../helpers/db';
import { DEMO_CSV, DEMO_CSV_FILE as DEMO, editCsv, newPerson } from '../helpers/demo-csv';
import { captureStdout } from '../helpers/stdout';

afterEach(() => vi.restoreAllMocks());

async function inDb<T>(file: string, fn: (db: SqliteDatabase) => Promise<T>): Promise<T> {
  const db = SqliteDatabase.open(file);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** A database with the demo directory, and a changed file beside it. */
async function setup(): Promise<{ env: { DATABASE_URL: string }; file: string; dir: string }> {
  const db = tempDbFile();
  const env = { DATABASE_URL: `sqlite:${db}` };
  captureStdout();
  expect(await runDirectoryCli(['import', DEMO, '--yes'], env)).toBe(0);
  vi.restoreAllMocks();
  const file = path.join(path.dirname(db), 'new.csv');
  fs.writeFileSync(
    file,
    editCsv(DEMO_CSV, [
      { id: 'E1003', set: { 役割: '' } },
      { id: 'E1010', set: { 役割: '代理者' } },
      { id: 'E1014', set: { 課コード: '230', 課名: '情報システム担当' } },
      { id: 'E1033', remove: true },
      { add: newPerson(1040) },
    ]),
  );
  return { env, file, dir: path.dirname(db) };
}

describe('npm run directory -- check', () => {
  it('checks a file and lists every problem in Japanese, exit 1', async () => {
    const bad = path.join(path.dirname(tempDbFile()), 'bad.csv');
    fs.writeFileSync(bad, DEMO_CSV.replace('00000000-0000-4000-8000-000000000001', 'xyz'));
    const out = captureStdout();
    expect(await runDirectoryCli(['check', bad], {})).toBe(1);
    expect(out.join('')).toMatch(/行目: 「aadObjectId」が GUID の形式ではありません/);
    expect(await runDirectoryCli(['check', DEMO], {})).toBe(0);
    expect(await runDirectoryCli(['nonsense'], {})).toBe(2);
  });

  it('reads a file Japanese Excel saved as Shift_JIS', async () => {
    const sjis = path.join(path.dirname(tempDbFile()), 'sjis.csv');
    // 「職員番号,氏名」 in Shift_JIS, then nothing else: read (not rejected as binary), then checked.
    fs.writeFileSync(
      sjis,
      Buffer.from([0x90, 0x45, 0x88, 0xf5, 0x94, 0xd4, 0x8d, 0x86, 0x2c, 0x8e, 0x81, 0x96, 0xbc, 0x0a]),
    );
    const out = captureStdout();
    expect(await runDirectoryCli(['check', sjis], {})).toBe(1);
    expect(out.join('')).toMatch(/「氏名カナ」/);
  });
});

describe('npm run directory -- diff|import', () => {
  it('diff prints the changes in Japanese and changes nothing', async () => {
    const { env, file } = await setup();
    const out = captureStdout();
    expect(await runDirectoryCli(['diff', file], env)).toBe(0);
    const text = out.join('');
    expect(text).toContain('変更: 追加 1 名、削除 1 名、異動 1 名、役割の変更 2 名');
    expect(text).toContain('  追加: E1040 新規 1040・総務課（210）');
    expect(text).toContain('  削除: E1033 村上 翼・東淀工場（340）');
    expect(text).toContain('  異動: E1014 井上 拓也・経理課（220） → 情報システム担当（230）');
    expect(text).toContain('  役割の変更: E1003 鈴木 一郎・外れる役割【総務課（210）の代理者】');
    expect(text).toContain('取込後 / after import: 34 名、10 課');
    expect(
      await inDb(env.DATABASE_URL.slice(7), (db) => new DirectoryRepo(db).personById('E1033')),
    ).toBeDefined();
  });

  it('import shows the diff and applies it only with --yes (exit 3 without)', async () => {
    const { env, file } = await setup();
    const out = captureStdout();
    expect(await runDirectoryCli(['import', file], env)).toBe(3);
    expect(out.join('')).toContain('--yes を付けて再実行してください');
    expect(out.join('')).toContain('削除: E1033 村上 翼');
    const dbFile = env.DATABASE_URL.slice('sqlite:'.length);
    expect(await inDb(dbFile, (db) => new DirectoryRepo(db).personById('E1033'))).toBeDefined();
    expect(await runDirectoryCli(['import', file, '--yes'], env)).toBe(0);
    expect(out.join('')).toContain('取り込みました / imported: 34 名、10 課');
    await inDb(dbFile, async (db) => {
      expect(await new DirectoryRepo(db).personById('E1033')).toBeUndefined();
      expect((await new DirectoryRepo(db).section('210'))?.deputyId).toBe('E1010');
      expect((await new DirectoryRepo(db).lastImport())?.importedBy).toBe('admin-cli');
      const events = (await new AuditRepo(db).list('directory')).map((e) => e.event);
      expect(events).toEqual([
        'directory.import_staged',
        'directory.imported',
        'directory.import_staged',
        'directory.imported',
      ]);
    });
    // The same file again: nothing to confirm.
    expect(await runDirectoryCli(['import', file], env)).toBe(0);
    expect(out.join('')).toContain('変更はありません / unchanged');
  });

  it('a bad file changes nothing, exit 1', async () => {
    const { env, dir } = await setup();
    const broken = path.join(dir, 'broken.csv');
    fs.writeFileSync(broken, '職員番号,氏名\nE1,x\n');
    captureStdout();
    expect(await runDirectoryCli(['import', broken, '--yes'], env)).toBe(1);
    expect(await inDb(env.DATABASE_URL.slice(7), (db) => new DirectoryRepo(db).countPeople())).toBe(34);
  });
});

describe('npm run directory -- export|phone-tree', () => {
  it('exports the directory as CSV that imports back, and as XLSX', async () => {
    const { env, dir } = await setup();
    const csv = path.join(dir, 'out.csv');
    const xlsx = path.join(dir, 'out.xlsx');
    const out = captureStdout();
    expect(await runDirectoryCli(['export', '--format', 'csv', '--out', csv], env)).toBe(0);
    expect(out.join('')).toContain('（34 名）');
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(parseDirectoryCsv(text).ok).toBe(true);
    expect(await runDirectoryCli(['export', '--format', 'xlsx', '--out', xlsx], env)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['連絡網（課別）', '職員一覧']);
    expect(await runDirectoryCli(['export', '--format', 'pdf', '--out', xlsx], env)).toBe(2);
  });

  it('writes the phone tree as XLSX or CSV', async () => {
    const { env, dir } = await setup();
    captureStdout();
    const xlsx = path.join(dir, 'tree.xlsx');
    expect(await runDirectoryCli(['phone-tree', '--format', 'xlsx', '--out', xlsx], env)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0]?.getCell('A1').value).toBe('緊急連絡網（課別）');
    const csv = path.join(dir, 'tree.csv');
    expect(await runDirectoryCli(['phone-tree', '--format', 'csv', '--out', csv], env)).toBe(0);
    expect(fs.readFileSync(csv, 'utf8')).toContain('210 総務課（上位: 総務部）,課責任者,佐藤 健一');
  });

  it('refuses to export an empty database', async () => {
    const env = { DATABASE_URL: `sqlite:${tempDbFile()}` };
    const out = captureStdout();
    expect(await runDirectoryCli(['export', '--format', 'csv', '--out', '/tmp/never.csv'], env)).toBe(1);
    expect(out.join('')).toContain('連絡網が取り込まれていません');
  });
});
