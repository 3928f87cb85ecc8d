// The attack of issue 9, end to end on the real bot: plain SQL credits an approval to an outsider.
// The case card must not show the forged history as if it were true, the forged row must not make
// the outsider "involved" (so able to read the case), and audit:verify names the row.
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/services/audit-verify';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';
import { tempDbFile } from '../helpers/db';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';

const OUTSIDER = '00000000-0000-4000-8000-000000000014'; // 井上 拓也: staff of 経理課, no role
const OUTSIDER_ID = 'E1014';

describe('an approval credited to someone else with plain SQL', () => {
  let h: BotHarness;
  let caseId: string;
  let seq: number;
  beforeAll(async () => {
    // Plain SQL on the SQLite file: this test stays on SQLite under TEST_ENGINE=postgres (the
    // PostgreSQL triggers are proven by the storage contract).
    h = await BotHarness.start({ clock: new ManualClock(), dbFile: tempDbFile() });
    for (const p of [DEMO.staff, DEMO.officer, OUTSIDER]) await h.say(p, 'こんにちは');
    caseId = await fileCase(h, DEMO.staff, 'takeout');
    await h.execute(DEMO.officer, 'case.approve', { caseId });
    const approval = (await new AuditRepo(h.bot.db).list(caseId)).find((e) => e.event === 'case.approved');
    expect(approval?.actor).toBe('E1002');
    seq = approval!.seq;
    const cfg = h.bot.config.database;
    if (cfg.engine !== 'sqlite') throw new Error('sqlite only');
    const raw = new BetterSqlite3(cfg.file);
    // The database refuses the plain UPDATE; the attacker drops the trigger first.
    expect(() => raw.prepare('UPDATE audit_log SET actor = ? WHERE id = ?').run(OUTSIDER_ID, seq)).toThrow(
      /append-only/,
    );
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare('UPDATE audit_log SET actor = ? WHERE id = ?').run(OUTSIDER_ID, seq);
    raw.close();
  });
  afterAll(async () => h.stop());

  it('shows the forged entry on the case card as possibly tampered', async () => {
    const view = await h.execute(DEMO.staff, 'case.refresh', { caseId });
    const text = JSON.stringify(view.value);
    expect(text).toContain('改ざんの疑い');
    expect(text).toContain('井上');
  });

  it('does not let the forged row make the outsider involved', async () => {
    const before = (await new AuditRepo(h.bot.db).list(caseId)).filter(
      (e) => e.event === 'case.view_denied',
    ).length;
    const view = await h.execute(OUTSIDER, 'case.refresh', { caseId });
    expect(JSON.stringify(view.value)).toContain('この案件は表示できません');
    const after = (await new AuditRepo(h.bot.db).list(caseId)).filter(
      (e) => e.event === 'case.view_denied',
    ).length;
    expect(after).toBe(before + 1);
  });

  it('is named by audit:verify', async () => {
    expect((await verifyAuditChain(h.bot.db)).break).toMatchObject({
      kind: 'hash_mismatch',
      seq,
      row: { actor: OUTSIDER_ID, event: 'case.approved', subject: caseId },
    });
  });
});
