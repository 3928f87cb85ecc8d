import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDirectoryCli } from '../../src/cli/directory';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { tempDbFile } from '../helpers/db';

const DEMO = path.resolve(__dirname, '../../infra/demo/directory.csv');

afterEach(() => vi.restoreAllMocks());

function captureStdout(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe('npm run directory -- check|import', () => {
  it('checks a file and lists every problem in Japanese, exit 1', async () => {
    const bad = path.join(path.dirname(tempDbFile()), 'bad.csv');
    fs.writeFileSync(
      bad,
      fs.readFileSync(DEMO, 'utf8').replace('00000000-0000-4000-8000-000000000001', 'xyz'),
    );
    const out = captureStdout();
    expect(await runDirectoryCli(['check', bad], {})).toBe(1);
    expect(out.join('')).toMatch(/行目: 「aadObjectId」が GUID の形式ではありません/);
    expect(await runDirectoryCli(['check', DEMO], {})).toBe(0);
    expect(await runDirectoryCli(['nonsense'], {})).toBe(2);
  });

  it('imports into the database of DATABASE_URL, and a bad file changes nothing', async () => {
    const file = tempDbFile();
    captureStdout();
    expect(await runDirectoryCli(['import', DEMO], { DATABASE_URL: `sqlite:${file}` })).toBe(0);
    const broken = path.join(path.dirname(file), 'broken.csv');
    fs.writeFileSync(broken, '職員番号,氏名\nE1,x\n');
    expect(await runDirectoryCli(['import', broken], { DATABASE_URL: `sqlite:${file}` })).toBe(1);
    const db = SqliteDatabase.open(file);
    try {
      expect(await new DirectoryRepo(db).countPeople()).toBe(34);
      expect((await new DirectoryRepo(db).lastImport())?.importedBy).toBe('admin-cli');
    } finally {
      await db.close();
    }
  });
});
