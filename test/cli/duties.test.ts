// npm run duties: cycles of the duty calendar (運用ルール) set from the command line, checked against
// the directory for the person named by --as, and audited (the refusal too).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDutiesCli } from '../../src/cli/duties';
import { importDirectory } from '../../src/services/directory-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DutyCalendarRepo } from '../../src/storage/duty-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { ManualClock } from '../helpers/clock';
import { tempDbFile } from '../helpers/db';
import { captureStdout } from '../helpers/stdout';

const DEMO_CSV = fs.readFileSync(path.resolve(__dirname, '../../infra/demo/directory.csv'), 'utf8');
afterEach(() => vi.restoreAllMocks());

describe('npm run duties (運用ルール)', () => {
  it('sets the organisation default as IT管理者 and a section’s own cycle as its officer; refuses staff; audits both', async () => {
    const file = tempDbFile();
    const clock = new ManualClock();
    const db0 = SqliteDatabase.open(file);
    await importDirectory(db0, DEMO_CSV, { source: 'demo', actor: 'system', clock });
    await db0.close();
    const env = { DATABASE_URL: `sqlite:${file}` };
    const out = captureStdout();
    expect(await runDutiesCli(['set-cycle', 'backup', '*', 'month:5', '--as', 'E1006'], env, clock)).toBe(0);
    expect(await runDutiesCli(['set-cycle', 'backup', '210', 'off', '--as', 'E1002'], env, clock)).toBe(0);
    expect(await runDutiesCli(['set-cycle', 'backup', '210', 'month:9', '--as', 'E1001'], env, clock)).toBe(
      1,
    );
    expect(await runDutiesCli(['set-cycle', 'backup', '*', 'month:31', '--as', 'E1006'], env, clock)).toBe(2);
    expect(
      await runDutiesCli(['set-cycle', 'self_inspection', '*', 'weekly', '--as', 'E1006'], env, clock),
    ).toBe(2);
    expect(await runDutiesCli(['list'], env, clock)).toBe(0);
    const text = out.join('');
    expect(text).toContain('設定しました（運用ルール）');
    expect(text).toContain('設定できません（not_allowed）');
    expect(text).toContain('backup\t*\tmonth:5\torganisation');
    expect(text).toContain('backup\t210\tmonth:1 (off)\tsection');
    const db = SqliteDatabase.open(file);
    try {
      expect(
        (await new DutyCalendarRepo(db).schedules()).map((s) => [
          s.kind,
          s.sectionCode,
          s.enabled,
          s.updatedBy,
        ]),
      ).toEqual([
        ['backup', '*', true, 'E1006'],
        ['backup', '210', false, 'E1002'],
      ]);
      const rows = (await new AuditRepo(db).list()).filter((r) => r.event.startsWith('duty.cycle'));
      expect(rows.map((r) => [r.event, r.actor, r.article])).toEqual([
        ['duty.cycle_set', 'E1006', 'operating_rule'],
        ['duty.cycle_set', 'E1002', 'operating_rule'],
        ['duty.cycle_denied', 'E1001', 'operating_rule'],
      ]);
    } finally {
      await db.close();
    }
  });
});
