import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DirectoryUnavailableError,
  importDirectory,
  loadDirectoryAtStartup,
} from '../../src/services/directory-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { openTempDb } from '../helpers/db';

const DEMO_CSV = fs.readFileSync(path.resolve(__dirname, '../../infra/demo/directory.csv'), 'utf8');
const clock = { now: () => new Date('2026-11-26T00:00:00Z') };

let db: SqliteDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

function tempFile(text: string): string {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dir-')), 'directory.csv');
  fs.writeFileSync(f, text);
  return f;
}

describe('directory import (all or nothing)', () => {
  it('imports the demo directory once, records and audits it, and skips an unchanged file', async () => {
    db = openTempDb();
    const first = await importDirectory(db, DEMO_CSV, { source: 'demo', actor: 'E1006', clock });
    expect(first).toMatchObject({ ok: true, changed: true, people: 34, sections: 10 });
    const again = await importDirectory(db, DEMO_CSV, { source: 'demo', actor: 'E1006', clock });
    expect(again).toMatchObject({ ok: true, changed: false });
    expect(
      (await new DirectoryRepo(db).personByAadObjectId('00000000-0000-4000-8000-000000000002'))?.name,
    ).toBe('佐藤 健一');
    expect((await new AuditRepo(db).list('directory')).map((e) => [e.event, e.actor, e.article])).toEqual([
      ['directory.imported', 'E1006', '6ウ'],
    ]);
  });

  it('rejects a bad file with every problem by line, and keeps the previous directory', async () => {
    db = openTempDb();
    await importDirectory(db, DEMO_CSV, { source: 'demo', actor: 'system', clock });
    const broken = DEMO_CSV.replace('00000000-0000-4000-8000-000000000001', 'not-a-guid').replace(
      'h.yamada@osaka-env.example.jp',
      'no-at-sign',
    );
    const r = await importDirectory(db, broken, { source: 'x', actor: 'system', clock });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThanOrEqual(2);
    expect(r.errors.every((e) => e.line > 1 && /[ぁ-んァ-ン一-龥]/.test(e.message))).toBe(true);
    expect(await new DirectoryRepo(db).countPeople()).toBe(34);
    expect((await new DirectoryRepo(db).personById('E1001'))?.aadObjectId).toBe(
      '00000000-0000-4000-8000-000000000001',
    );
  });

  it('at start-up: refuses to start with no usable directory, keeps a working one when the file breaks', async () => {
    db = openTempDb();
    await expect(loadDirectoryAtStartup(db, tempFile('職員番号,氏名\n'), clock)).rejects.toBeInstanceOf(
      DirectoryUnavailableError,
    );
    await expect(loadDirectoryAtStartup(db, '/nonexistent/directory.csv', clock)).rejects.toBeInstanceOf(
      DirectoryUnavailableError,
    );
    expect((await loadDirectoryAtStartup(db, tempFile(DEMO_CSV), clock)).result.ok).toBe(true);
    const bad = await loadDirectoryAtStartup(db, tempFile('職員番号,氏名\n'), clock);
    expect(bad).toMatchObject({ kept: true, result: { ok: false } });
    expect((await loadDirectoryAtStartup(db, '/nonexistent/directory.csv', clock)).kept).toBe(true);
    expect(await new DirectoryRepo(db).countPeople()).toBe(34);
  });
});
