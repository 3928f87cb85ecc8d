import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoDirectory } from '../helpers/demo-directory';
import {
  applyStagedImport,
  cancelStagedImport,
  directoryFingerprint,
  stageDirectoryImport,
  type DirectoryActor,
} from '../../src/services/directory-import-service';
import { importDirectory, loadDirectoryAtStartup } from '../../src/services/directory-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { DirectoryStageRepo } from '../../src/storage/directory-stage-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { DEMO } from '../helpers/activities';
import { openTempDb } from '../helpers/db';
import { DEMO_CSV, editCsv, newPerson } from '../helpers/demo-csv';

const clock = { now: () => new Date('2026-11-26T00:00:00Z') };
const admin: DirectoryActor = { kind: 'person', aadObjectId: DEMO.itAdmin }; // 田中 美咲 E1006
const otherAdmin: DirectoryActor = { kind: 'person', aadObjectId: '00000000-0000-4000-8000-000000000017' }; // 清水 E1017
const staff: DirectoryActor = { kind: 'person', aadObjectId: DEMO.staff };

let db: SqliteDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function demoDb(): Promise<SqliteDatabase> {
  const d = openTempDb();
  await importDirectory(d, DEMO_CSV, { source: 'demo', actor: 'system', clock });
  return d;
}

/** 鈴木 (E1003) is no longer 代理者 of 総務課 — 吉田 (E1010) is — and 山田 has a new phone. */
const UPDATE = editCsv(DEMO_CSV, [
  { id: 'E1003', set: { 役割: '' } },
  { id: 'E1010', set: { 役割: '代理者' } },
  { id: 'E1001', set: { 電話: '06-6630-3199' } },
  { add: newPerson(1040) },
]);

const events = async (d: SqliteDatabase) =>
  (await new AuditRepo(d).list('directory')).map((e) => [
    e.event,
    e.actor,
    e.data?.reason ?? e.data?.stagedId,
  ]);

async function openCase(d: SqliteDatabase, id: string, assigneeId: string, recipients: string[] = []) {
  const cases = new CaseRepo(d);
  await cases.insert({
    id,
    kind: 'lost_ic_card',
    category: 'incident',
    status: 'submitted',
    severity: 'high',
    reporterId: 'E1001',
    sectionCode: '210',
    assigneeId,
    form: {},
    evaluation: {},
    ackDueAt: null,
    createdAt: '2026-11-25T00:00:00Z',
    updatedAt: '2026-11-25T00:00:00Z',
    state: {},
  });
  for (const personId of recipients)
    await cases.addRecipient({ caseId: id, personId, role: 'deputy', reasons: [] });
}

describe('staging a directory import', () => {
  it('parses and diffs without changing the directory, names who loses a role with open cases, and audits it', async () => {
    db = await demoDb();
    await openCase(db, 'INC-2026-0001', 'E1002', ['E1003']);
    await openCase(db, 'INC-2026-0002', 'E1003');
    const before = directoryFingerprint(await new DirectoryRepo(db).load());
    const r = await stageDirectoryImport(db, clock, { csv: UPDATE }, { source: 'teams:file', actor: admin });
    if (!r.ok || r.unchanged) throw new Error('not staged');
    expect(r.view.diff.people.added.map((p) => p.id)).toEqual(['E1040']);
    expect(r.view.diff.people.changed.map((p) => p.id)).toEqual(['E1001']);
    expect(r.view.diff.roles.map((x) => x.id)).toEqual(['E1003', 'E1010']);
    expect(r.view.losses).toEqual([
      {
        id: 'E1003',
        name: '鈴木 一郎',
        lost: [{ role: 'deputy', sectionCode: '210', sectionName: '総務課' }],
        removed: false,
        caseIds: ['INC-2026-0001', 'INC-2026-0002'],
      },
    ]);
    expect(directoryFingerprint(await new DirectoryRepo(db).load())).toBe(before);
    const staged = await new DirectoryStageRepo(db).get(r.stagedId);
    expect(staged).toMatchObject({
      status: 'pending',
      stagedBy: 'E1006',
      source: 'teams:file',
      baseSha256: before,
    });
    const [audit] = await new AuditRepo(db)
      .list('directory')
      .then((l) => l.filter((e) => e.event === 'directory.import_staged'));
    expect(audit).toMatchObject({
      actor: 'E1006',
      article: '6ウ',
      data: {
        stagedId: r.stagedId,
        rolesLostOnOpenCases: [{ personId: 'E1003', caseIds: ['INC-2026-0001', 'INC-2026-0002'] }],
      },
    });
  });

  it('lists every problem of a bad file and stages nothing; says so when nothing would change', async () => {
    db = await demoDb();
    const bad = await stageDirectoryImport(
      db,
      clock,
      { csv: UPDATE.replace('06-6630-3199', 'abc') },
      { source: 's', actor: admin },
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason === 'invalid' && bad.errors[0]?.message).toMatch(
      /行目: 「電話」に使えない文字があります/,
    );
    const same = await stageDirectoryImport(
      db,
      clock,
      { csv: DEMO_CSV.replace(/\n/g, '\r\n') },
      { source: 's', actor: admin },
    );
    expect(same).toMatchObject({ ok: true, unchanged: true });
    expect(await new DirectoryStageRepo(db).pendingIds()).toEqual([]);
  });

  it('stages a directory given as data (e.g. from a sync) the same way', async () => {
    db = await demoDb();
    const d = demoDirectory();
    d.people = d.people.map((p) => (p.id === 'E1001' ? { ...p, mobile: '090-1111-2222' } : p));
    const r = await stageDirectoryImport(
      db,
      clock,
      { directory: d },
      { source: 'sync', actor: { kind: 'cli' } },
    );
    if (!r.ok || r.unchanged) throw new Error('not staged');
    expect(r.view.diff.people.changed).toEqual([
      { id: 'E1001', name: '山田 花子', changes: [{ field: 'mobile', before: '', after: '090-1111-2222' }] },
    ]);
    expect((await new DirectoryStageRepo(db).get(r.stagedId))?.stagedBy).toBe('admin-cli');
  });

  it('refuses anyone who is not IT管理者 and audits the refusal', async () => {
    db = await demoDb();
    expect(await stageDirectoryImport(db, clock, { csv: UPDATE }, { source: 's', actor: staff })).toEqual({
      ok: false,
      reason: 'not_it_admin',
    });
    const stranger = { kind: 'person', aadObjectId: '11111111-1111-4111-8111-111111111111' } as const;
    await stageDirectoryImport(db, clock, { csv: UPDATE }, { source: 's', actor: stranger });
    expect(await events(db)).toEqual([
      ['directory.imported', 'system', undefined],
      ['directory.import_denied', 'E1001', 'not_it_admin'],
      ['directory.import_denied', 'aad:11111111-1111-4111-8111-111111111111', 'not_it_admin'],
    ]);
    expect(await new DirectoryStageRepo(db).pendingIds()).toEqual([]);
  });
});

describe('applying or cancelling a staged import', () => {
  it('applies all of it for the IT管理者 who staged it, audited; a second click is refused', async () => {
    db = await demoDb();
    const r = await stageDirectoryImport(db, clock, { csv: UPDATE }, { source: 'teams:file', actor: admin });
    if (!r.ok || r.unchanged) throw new Error('not staged');
    const applied = await applyStagedImport(db, clock, r.stagedId, admin);
    expect(applied.ok).toBe(true);
    const repo = new DirectoryRepo(db);
    expect((await repo.section('210'))?.deputyId).toBe('E1010');
    expect((await repo.personById('E1001'))?.phone).toBe('06-6630-3199');
    expect(await repo.countPeople()).toBe(35);
    expect(await repo.lastImport()).toMatchObject({
      importedBy: 'E1006',
      source: 'teams:file',
      peopleCount: 35,
    });
    expect(await applyStagedImport(db, clock, r.stagedId, admin)).toEqual({ ok: false, reason: 'applied' });
    expect(await events(db)).toEqual([
      ['directory.imported', 'system', undefined],
      ['directory.import_staged', 'E1006', r.stagedId],
      ['directory.imported', 'E1006', r.stagedId],
      ['directory.import_denied', 'E1006', 'applied'],
    ]);
  });

  it('refuses staff, another IT管理者, an unknown or neighbouring id — and changes nothing', async () => {
    db = await demoDb();
    const mine = await stageDirectoryImport(db, clock, { csv: UPDATE }, { source: 's', actor: admin });
    if (!mine.ok || mine.unchanged) throw new Error('not staged');
    const before = directoryFingerprint(await new DirectoryRepo(db).load());
    expect(await applyStagedImport(db, clock, mine.stagedId, staff)).toEqual({
      ok: false,
      reason: 'not_it_admin',
    });
    expect(await cancelStagedImport(db, clock, mine.stagedId, staff)).toEqual({
      ok: false,
      reason: 'not_it_admin',
    });
    expect(await applyStagedImport(db, clock, mine.stagedId, otherAdmin)).toEqual({
      ok: false,
      reason: 'not_yours',
    });
    expect(await applyStagedImport(db, clock, mine.stagedId + 1, admin)).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(directoryFingerprint(await new DirectoryRepo(db).load())).toBe(before);
    expect((await new DirectoryStageRepo(db).get(mine.stagedId))?.status).toBe('pending');
    const denials = (await new AuditRepo(db).list('directory')).filter(
      (e) => e.event === 'directory.import_denied',
    );
    expect(denials.map((e) => [e.actor, e.data])).toEqual([
      ['E1001', { step: 'apply', reason: 'not_it_admin', stagedId: mine.stagedId }],
      ['E1001', { step: 'cancel', reason: 'not_it_admin', stagedId: mine.stagedId }],
      ['E1017', { step: 'apply', reason: 'not_yours', stagedId: mine.stagedId }],
      ['E1006', { step: 'apply', reason: 'not_found', stagedId: mine.stagedId + 1 }],
    ]);
  });

  it('a newer stage supersedes the older pending one', async () => {
    db = await demoDb();
    const first = await stageDirectoryImport(db, clock, { csv: UPDATE }, { source: 'a', actor: admin });
    const second = await stageDirectoryImport(
      db,
      clock,
      { csv: editCsv(DEMO_CSV, [{ id: 'E1001', set: { 携帯: '090-0000-1001' } }]) },
      { source: 'b', actor: otherAdmin },
    );
    if (!first.ok || first.unchanged || !second.ok || second.unchanged) throw new Error('not staged');
    expect(second.superseded).toEqual([first.stagedId]);
    expect(await applyStagedImport(db, clock, first.stagedId, admin)).toEqual({
      ok: false,
      reason: 'superseded',
    });
    expect((await applyStagedImport(db, clock, second.stagedId, otherAdmin)).ok).toBe(true);
  });

  it('refuses when the directory changed since staging: stage again', async () => {
    db = await demoDb();
    const r = await stageDirectoryImport(db, clock, { csv: UPDATE }, { source: 's', actor: admin });
    if (!r.ok || r.unchanged) throw new Error('not staged');
    // Someone imports another file meanwhile (the start-up file, the old path).
    await importDirectory(db, editCsv(DEMO_CSV, [{ id: 'E1011', set: { 役職: '主任' } }]), {
      source: 'other',
      actor: 'system',
      clock,
    });
    expect(await applyStagedImport(db, clock, r.stagedId, admin)).toEqual({
      ok: false,
      reason: 'directory_changed',
    });
    expect((await new DirectoryRepo(db).personById('E1001'))?.phone).toBe('06-6630-3113');
  });

  it('re-checks the IT管理者 role in the directory in force, not as it was when staged', async () => {
    db = await demoDb();
    const r = await stageDirectoryImport(db, clock, { csv: UPDATE }, { source: 's', actor: admin });
    if (!r.ok || r.unchanged) throw new Error('not staged');
    // The CLI imports a directory where 田中 is no IT管理者 any more.
    const demoted = await stageDirectoryImport(
      db,
      clock,
      { csv: editCsv(DEMO_CSV, [{ id: 'E1006', set: { 役割: '' } }]) },
      { source: 'cli', actor: { kind: 'cli' } },
    );
    if (!demoted.ok || demoted.unchanged) throw new Error('not staged');
    expect((await applyStagedImport(db, clock, demoted.stagedId, { kind: 'cli' })).ok).toBe(true);
    expect(await cancelStagedImport(db, clock, r.stagedId, admin)).toEqual({
      ok: false,
      reason: 'not_it_admin',
    });
  });

  it('cancels: nothing changes, audited', async () => {
    db = await demoDb();
    const r = await stageDirectoryImport(db, clock, { csv: UPDATE }, { source: 's', actor: admin });
    if (!r.ok || r.unchanged) throw new Error('not staged');
    expect((await cancelStagedImport(db, clock, r.stagedId, admin)).ok).toBe(true);
    expect(await applyStagedImport(db, clock, r.stagedId, admin)).toEqual({ ok: false, reason: 'cancelled' });
    expect((await new DirectoryRepo(db).personById('E1001'))?.phone).toBe('06-6630-3113');
    expect((await events(db)).map((e) => e[0])).toEqual([
      'directory.imported',
      'directory.import_staged',
      'directory.import_cancelled',
      'directory.import_denied',
    ]);
  });
});

describe('start-up file and imports made in Teams', () => {
  it('does not undo a staged import at the next start while DIRECTORY_CSV is unchanged; a changed file wins', async () => {
    db = openTempDb();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dir-')), 'directory.csv');
    fs.writeFileSync(file, DEMO_CSV);
    await loadDirectoryAtStartup(db, file, clock);
    const r = await stageDirectoryImport(db, clock, { csv: UPDATE }, { source: 'teams', actor: admin });
    if (!r.ok || r.unchanged) throw new Error('not staged');
    await applyStagedImport(db, clock, r.stagedId, admin);
    const restart = await loadDirectoryAtStartup(db, file, clock);
    expect(restart.result).toMatchObject({ ok: true, changed: false });
    expect((await new DirectoryRepo(db).personById('E1001'))?.phone).toBe('06-6630-3199');
    fs.writeFileSync(file, editCsv(DEMO_CSV, [{ id: 'E1011', set: { 役職: '主任' } }]));
    expect((await loadDirectoryAtStartup(db, file, clock)).result).toMatchObject({ ok: true, changed: true });
    expect((await new DirectoryRepo(db).personById('E1001'))?.phone).toBe('06-6630-3113');
  });
});
