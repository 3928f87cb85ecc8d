// The duty ledger (定期業務記録) as a ledger source, and the compliance checks (13(1)) in the monthly
// summary of [6/8]: per section, done / not done this month.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEDGER_ARTICLES } from '../../src/domain/ledgers';
import { t } from '../../src/i18n';
import { computeComplianceSummary } from '../../src/services/compliance-summary-service';
import { submitDuty, sweepDuties } from '../../src/services/duty-service';
import { defaultLedgerRegistry, defaultLedgerSources, readLedgerPage } from '../../src/services/ledgers';
import { runRetention } from '../../src/services/retention-service';
import { DEFAULT_RETENTION } from '../../src/domain/ledgers';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { DutyRepo } from '../../src/storage/duty-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { DEMO } from '../helpers/activities';
import { ManualClock } from '../helpers/clock';
import { openTempDb } from '../helpers/db';
import { demoDirectory } from '../helpers/demo-directory';

let db: SqliteDatabase;
let clock: ManualClock;
beforeEach(async () => {
  db = openTempDb();
  clock = new ManualClock();
  clock.set('2026-12-18T09:00:00.000Z');
  await db.transaction((tx) => new DirectoryRepo(tx).replaceAll(demoDirectory()));
  await sweepDuties(db, clock);
});
afterEach(async () => db.close());

const compliance = async (section: string) =>
  (await new DutyRepo(db).list({ sections: [section] }, 50)).find((d) => d.kind === 'compliance_check')!;

async function complete210() {
  const d = await compliance('210');
  const r = await submitDuty(db, clock, {
    actorAadObjectId: DEMO.officer,
    dutyId: d.id,
    answers: { result: 'no_issue', attachments: 'https://share.example/210.xlsx' },
    mode: 'complete',
  });
  expect(r.ok).toBe(true);
  return d;
}

describe('duty ledger (定期業務記録)', () => {
  it('lists what was done when, by whom, with which result, citing the duties’ own articles (13(1), 14(1), 9(1)④ …)', async () => {
    const d = await complete210();
    expect(LEDGER_ARTICLES.duty).toEqual(
      expect.arrayContaining([
        '14(1)',
        '13(1)',
        '7エ',
        '11(1)②エ',
        '12(1)③キ',
        '9(1)④',
        '12(1)④ウ',
        '12(3)③',
        '11(3)②',
      ]),
    );
    const registry = defaultLedgerRegistry(clock);
    expect(registry.kinds).toContain('duty');
    const r = await readLedgerPage(db, clock, registry, {
      personId: 'E1002',
      kind: 'duty',
      period: { from: '2026-12-01', to: '2026-12-31' },
      via: 'card',
      direction: 'first',
      limit: 10,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.view.rows.map((x) => x.key)).toEqual([d.id]); // only 210's, only December
    const v = r.view.rows[0]!.values;
    expect(v.section).toBe('210 総務課');
    expect(t('ja', v.kind as never)).toBe('遵守状況の確認');
    expect(t('ja', v.status as never)).toBe('実施済');
    expect(t('ja', v.result as never)).toBe('問題なし');
    expect(v.attachments).toBe('https://share.example/210.xlsx');
    expect(v.completedBy).toBe('佐藤 健一');
    expect(v.completedAt).toBe(clock.now().toISOString());
    expect(t('ja', v.reportedToChief as never)).toBe('あり');
    // Staff may not read it (refused by the ledger rules, audited there).
    const staff = await readLedgerPage(db, clock, registry, {
      personId: 'E1001',
      kind: 'duty',
      period: { from: '2026-12-01', to: '2026-12-31' },
      via: 'card',
      direction: 'first',
      limit: 10,
    });
    expect(staff.ok).toBe(false);
  });

  it('blanks who recorded a finished duty once it passes its retention (運用ルール)', async () => {
    const d = await complete210();
    clock.set('2032-01-10T00:00:00.000Z');
    await runRetention(db, clock, DEFAULT_RETENTION, defaultLedgerSources(clock));
    const after = await new DutyRepo(db).get(d.id);
    expect(after?.result?.completedByName).toBe('');
    expect(after?.result?.result).toBe('no_issue');
    const open = await compliance('220');
    expect((await new DutyRepo(db).get(open.id))?.result).toBeNull();
  });
});

describe('monthly compliance summary (13(1))', () => {
  it('counts each section’s compliance check of the month as done or not done', async () => {
    await complete210();
    const s = await computeComplianceSummary(db, '2026-12', clock.now());
    expect(s.sections['210']).toMatchObject({ complianceChecksDone: 1, complianceChecksOpen: 0 });
    expect(s.sections['220']).toMatchObject({ complianceChecksDone: 0, complianceChecksOpen: 1 });
    expect(s.total).toMatchObject({ complianceChecksDone: 1, complianceChecksOpen: 9 });
    const nov = await computeComplianceSummary(db, '2026-11', clock.now());
    expect(nov.total).toMatchObject({ complianceChecksDone: 0, complianceChecksOpen: 0 });
  });
});
