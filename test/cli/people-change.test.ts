// npm run directory -- import --yes: the people-change duties (10(4)④, 11(1)① 7エ, 10(9)③) are
// opened with the import, and the output says how many.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDirectoryCli } from '../../src/cli/directory';
import { AuditRepo } from '../../src/storage/audit-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { tempDbFile } from '../helpers/db';
import { DEMO_CSV, DEMO_CSV_FILE as DEMO, editCsv } from '../helpers/demo-csv';
import { captureStdout } from '../helpers/stdout';

afterEach(() => vi.restoreAllMocks());

describe('npm run directory -- import (people change)', () => {
  it('opens the duties of a person who left (10(4)④, 11(1)①, 運用ルール for the card) and prints the count', async () => {
    const db = tempDbFile();
    const env = { DATABASE_URL: `sqlite:${db}`, PEOPLE_CHANGE_DUE_DAYS: '3' };
    captureStdout();
    expect(await runDirectoryCli(['import', DEMO, '--yes'], env)).toBe(0);
    vi.restoreAllMocks();
    const file = path.join(path.dirname(db), 'left.csv');
    fs.writeFileSync(file, editCsv(DEMO_CSV, [{ id: 'E1011', remove: true }]));
    const out = captureStdout();
    expect(await runDirectoryCli(['import', file, '--yes'], env)).toBe(0);
    expect(out.join('')).toContain('異動・退職に伴う業務を 3 件開始しました');
    const sqlite = SqliteDatabase.open(db);
    try {
      const rows = await sqlite.query<{ kind: string; section_code: string }>(
        'SELECT kind, section_code, citations FROM duty_instances ORDER BY id',
      );
      expect(rows.map((r) => [r.kind, r.section_code])).toEqual([
        ['return_devices', '210'],
        ['revise_access', '210'],
        ['ic_card', '210'],
      ]);
      const opened = (await new AuditRepo(sqlite).list()).filter((e) => e.event === 'duty.opened');
      expect(opened.map((e) => [e.actor, e.article])).toEqual([
        ['admin-cli', '10(4)④'],
        ['admin-cli', ['11(1)①', '7エ']],
        ['admin-cli', 'operating_rule'],
      ]);
    } finally {
      await sqlite.close();
    }
  });
});
