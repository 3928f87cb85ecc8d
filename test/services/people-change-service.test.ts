// People change drives duties: an applied import of the contact directory opens, for each person it
// removes or moves, the duties of 10(4)④ (devices returned), 11(1)① / 7エ (IDs and rights revised)
// and 10(9)③ (IC card renewed; a leaver's card collected as 運用ルール), each at the right section.
import { afterEach, describe, expect, it } from 'vitest';
import type { DirectoryDiff } from '../../src/domain/directory-diff';
import { applyStagedImport, stageDirectoryImport } from '../../src/services/directory-import-service';
import { importDirectory } from '../../src/services/directory-service';
import { openPeopleChangeDuties } from '../../src/services/people-change-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { DutyRepo } from '../../src/storage/duty-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { DEMO } from '../helpers/activities';
import { openTempDb } from '../helpers/db';
import { DEMO_CSV, editCsv } from '../helpers/demo-csv';

// 2026-12-01 18:00 UTC is 2026-12-02 03:00 JST: the period is the Japan date.
const clock = { now: () => new Date('2026-12-01T18:00:00Z') };
const admin = { kind: 'person', aadObjectId: DEMO.itAdmin } as const; // 田中 美咲 E1006

let db: SqliteDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

/**
 * 山田 (E1001, 総務課 210) leaves; 井上 (E1014) moves from 経理課 (220) to 総務課; 渡辺 (E1012), the
 * officer of 経理課, moves to 施設管理課 (310) and 松本 (E1013) becomes 経理課's officer.
 */
const CHANGE = editCsv(DEMO_CSV, [
  { id: 'E1001', remove: true },
  { id: 'E1014', set: { 課コード: '210', 課名: '総務課' } },
  { id: 'E1012', set: { 課コード: '310', 課名: '施設管理課', 上位課コード: '300', 役割: '' } },
  { id: 'E1013', set: { 役割: '課責任者' } },
]);

async function demoDb(): Promise<SqliteDatabase> {
  const d = openTempDb();
  await importDirectory(d, DEMO_CSV, { source: 'demo', actor: 'system', clock });
  return d;
}

async function applyCsv(d: SqliteDatabase, csv: string, opts: { dutyDueDays?: number } = {}) {
  const staged = await stageDirectoryImport(d, clock, { csv }, { source: 'teams:file', actor: admin });
  if (!staged.ok || staged.unchanged) throw new Error('not staged');
  const applied = await applyStagedImport(d, clock, staged.stagedId, admin, opts);
  if (!applied.ok) throw new Error(`not applied: ${applied.reason}`);
  return { stagedId: staged.stagedId, dutiesOpened: applied.dutiesOpened };
}

const dutyRows = (d: SqliteDatabase) =>
  d.query<{ id: string }>('SELECT id FROM duty_instances ORDER BY id').then(async (rows) => {
    const repo = new DutyRepo(d);
    return Promise.all(rows.map(async (r) => (await repo.get(r.id))!));
  });

describe('people change → duties (10(4)④, 11(1)① 7エ, 10(9)③)', () => {
  it('opens each duty for the section the person left (and access set at the new one), cited and audited', async () => {
    db = await demoDb();
    const { stagedId, dutiesOpened } = await applyCsv(db, CHANGE, { dutyDueDays: 10 });
    const duties = await dutyRows(db);
    expect(dutiesOpened).toBe(11);
    expect(duties.map((d) => [d.kind, d.sectionCode, d.subjectKey, d.subject.step, d.citations])).toEqual([
      // removed: 山田 from 総務課
      ['return_devices', '210', 'E1001', 'return', ['10(4)④']],
      ['revise_access', '210', 'E1001', 'remove', ['11(1)①', '7エ']],
      ['ic_card', '210', 'E1001', 'collect', ['operating_rule']],
      // moved: 渡辺 from 経理課 to 施設管理課
      ['return_devices', '220', 'E1012', 'return', ['10(4)④']],
      ['revise_access', '220', 'E1012', 'remove', ['11(1)①', '7エ']],
      ['revise_access', '310', 'E1012', 'set', ['11(1)①', '7エ']],
      ['ic_card', '220', 'E1012', 'renew', ['10(9)③']],
      // moved: 井上 from 経理課 to 総務課
      ['return_devices', '220', 'E1014', 'return', ['10(4)④']],
      ['revise_access', '220', 'E1014', 'remove', ['11(1)①', '7エ']],
      ['revise_access', '210', 'E1014', 'set', ['11(1)①', '7エ']],
      ['ic_card', '220', 'E1014', 'renew', ['10(9)③']],
    ]);
    const first = duties[0]!;
    expect(first).toMatchObject({
      status: 'open',
      periodKey: '2026-12-02',
      // 10 days after the JST import date, to the end of that Japan day.
      dueAt: '2026-12-12T14:59:59.999Z',
      source: { kind: 'directory_import', importId: String(stagedId) },
      subject: {
        change: 'removed',
        personId: 'E1001',
        personName: '山田 花子',
        fromSection: '210 総務課',
        toSection: '',
        ownerId: 'E1002',
      },
    });
    // The officer who left 経理課 is not the owner of his own duties there: the new officer is.
    const watanabe = duties.filter((d) => d.subjectKey === 'E1012');
    expect(watanabe.map((d) => [d.sectionCode, d.subject.ownerId])).toEqual([
      ['220', 'E1013'],
      ['220', 'E1013'],
      ['310', 'E1020'],
      ['220', 'E1013'],
    ]);
    expect(watanabe[0]?.subject).toMatchObject({ fromSection: '220 経理課', toSection: '310 施設管理課' });

    const audit = await new AuditRepo(db).list();
    const opened = audit.filter((e) => e.event === 'duty.opened');
    expect(opened.map((e) => [e.subject, e.actor, e.article])).toEqual(
      duties.map((d) => [d.id, 'E1006', d.citations.length === 1 ? d.citations[0] : d.citations]),
    );
    const imported = audit.filter((e) => e.event === 'directory.imported').at(-1);
    expect(imported?.data).toMatchObject({ stagedId, duties: duties.map((d) => d.id) });
  });

  it('opens nothing twice when the same change is applied again the same day', async () => {
    db = await demoDb();
    const { stagedId } = await applyCsv(db, CHANGE);
    const before = await dutyRows(db);
    expect(before).toHaveLength(11);
    // The same diff once more (a retried apply): every duty of it exists already, none is audited.
    const staged = await db.query<{ diff_json: string }>(
      'SELECT diff_json FROM directory_staged_imports WHERE id = ?',
      [stagedId],
    );
    const { diff } = JSON.parse(staged[0]!.diff_json) as { diff: DirectoryDiff };
    const again = await db.transaction(async (tx) =>
      openPeopleChangeDuties(tx, diff, await new DirectoryRepo(tx).load(), {
        importId: 'retry',
        at: clock.now(),
        dueDays: 14,
        actor: 'E1006',
      }),
    );
    expect(again).toEqual([]);
    // A later import of the same day that only edits a phone number opens nothing either.
    const edit = await applyCsv(db, editCsv(CHANGE, [{ id: 'E1002', set: { 電話: '06-6630-3199' } }]));
    expect(edit.dutiesOpened).toBe(0);
    expect(await dutyRows(db)).toEqual(before);
    const opened = (await new AuditRepo(db).list()).filter((e) => e.event === 'duty.opened');
    expect(opened).toHaveLength(11);
  });

  it('uses the default of 14 days (運用ルール) when none is configured, and opens nothing for edits only', async () => {
    db = await demoDb();
    await applyCsv(db, editCsv(DEMO_CSV, [{ id: 'E1001', set: { 電話: '06-6630-3199' } }]));
    expect(await dutyRows(db)).toEqual([]);
    await applyCsv(db, editCsv(DEMO_CSV, [{ id: 'E1011', remove: true }]));
    expect((await dutyRows(db)).map((d) => d.dueAt)).toEqual([
      '2026-12-16T14:59:59.999Z',
      '2026-12-16T14:59:59.999Z',
      '2026-12-16T14:59:59.999Z',
    ]);
  });

  it('opens the duties of a changed start-up file too, not of the first load', async () => {
    db = await demoDb();
    expect(await dutyRows(db)).toEqual([]);
    const r = await importDirectory(db, editCsv(DEMO_CSV, [{ id: 'E1011', remove: true }]), {
      source: 'demo',
      actor: 'system',
      clock,
    });
    expect(r.ok && r.dutiesOpened).toBe(3);
    expect((await dutyRows(db)).map((d) => [d.kind, d.subjectKey, d.source])).toEqual([
      ['return_devices', 'E1011', { kind: 'directory_import', importId: expect.stringMatching(/^sha256:/) }],
      ['revise_access', 'E1011', { kind: 'directory_import', importId: expect.stringMatching(/^sha256:/) }],
      ['ic_card', 'E1011', { kind: 'directory_import', importId: expect.stringMatching(/^sha256:/) }],
    ]);
  });
});
