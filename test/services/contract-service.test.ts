// Contracts with contractors (12(1)③): an officer registers one for their section; once its end
// date is over, the daily sweep opens the 12(1)③ケ duty (workers' IDs and passwords confirmed
// removed) for that section — once, and after downtime too. Viewing and changing are for the
// section's officer and deputy (統括 views every section); everyone else is refused and audited.
import { afterEach, describe, expect, it } from 'vitest';
import {
  contractOverview,
  discardContractDraft,
  endContractNow,
  openContractForm,
  submitContractForm,
  sweepEndedContracts,
} from '../../src/services/contract-service';
import { importDirectory } from '../../src/services/directory-service';
import { t } from '../../src/i18n';
import { AuditRepo } from '../../src/storage/audit-repo';
import { ContractRepo } from '../../src/storage/contract-repo';
import { DutyRepo } from '../../src/storage/duty-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { DEMO } from '../helpers/activities';
import { ManualClock } from '../helpers/clock';
import { openTempDb, tempDbFile } from '../helpers/db';
import { DEMO_CSV } from '../helpers/demo-csv';

const OFFICER_220 = '00000000-0000-4000-8000-000000000012'; // 渡辺 修, 経理課 課責任者

let db: SqliteDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function demoDb(clock: ManualClock, file = tempDbFile()): Promise<SqliteDatabase> {
  const d = openTempDb(file);
  await importDirectory(d, DEMO_CSV, { source: 'demo', actor: 'system', clock });
  return d;
}

const ANSWERS = {
  sectionCode: '210',
  contractor: '株式会社サンプル保守',
  work: '庶務システムの保守',
  systems: '庶務システム（サーバ2台）',
  endDate: '2026-04-30',
  workerIds: 'ext-tanaka\next-suzuki',
};

const contractEvents = async (d: SqliteDatabase) =>
  (await new AuditRepo(d).list())
    .filter((e) => e.event.startsWith('contract.'))
    .map((e) => [e.event, e.actor, e.subject, e.article, e.data?.reason ?? null]);

describe('registering a contract (12(1)③)', () => {
  it('the officer registers one for their section, audited with 12(1)③ケ; a bad form keeps the draft with Japanese errors', async () => {
    const clock = new ManualClock(); // 2026-04-10 12:00 JST
    db = await demoDb(clock);
    const form = await openContractForm(db, clock, DEMO.officer);
    expect(form.ok && form.view.answers).toEqual({ sectionCode: '210' });

    const bad = await submitContractForm(db, clock, {
      actorAadObjectId: DEMO.officer,
      answers: { ...ANSWERS, contractor: '', endDate: '2026-02-30' },
    });
    if (bad.ok || bad.reason !== 'invalid') throw new Error('expected invalid');
    expect(t('ja', bad.view.errors.contractor!)).toContain('委託先の事業者');
    expect(t('ja', bad.view.errors.endDate!)).toContain('作業の終了日');
    // The draft keeps what was typed, and the form opens with it again.
    const again = await openContractForm(db, clock, DEMO.officer);
    expect(again.ok && again.view.answers.work).toBe('庶務システムの保守');
    expect(again.ok && again.view.draftSavedAt).toBeInstanceOf(Date);

    const ok = await submitContractForm(db, clock, { actorAadObjectId: DEMO.officer, answers: ANSWERS });
    if (!ok.ok) throw new Error('not registered');
    expect(ok.contract).toMatchObject({
      id: 'CTR-2026-0001',
      sectionCode: '210',
      status: 'active',
      endDate: '2026-04-30',
      workerIds: 'ext-tanaka\next-suzuki',
      registeredBy: 'E1002',
    });
    expect(await new ContractRepo(db).getDraft('E1002')).toBeUndefined();
    expect(await contractEvents(db)).toEqual([
      ['contract.draft_saved', 'E1002', 'E1002', '12(1)③ケ', null],
      ['contract.registered', 'E1002', 'CTR-2026-0001', '12(1)③ケ', null],
    ]);
  });

  it('refuses staff, a stranger and another section’s officer choosing 総務課 — audited, nothing stored', async () => {
    const clock = new ManualClock();
    db = await demoDb(clock);
    const staff = await submitContractForm(db, clock, { actorAadObjectId: DEMO.staff, answers: ANSWERS });
    expect(staff).toMatchObject({ ok: false, reason: 'not_allowed' });
    const stranger = '11111111-1111-4111-8111-111111111111';
    expect(await openContractForm(db, clock, stranger)).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(await discardContractDraft(db, clock, DEMO.staff)).toMatchObject({ ok: false });
    // 渡辺 keeps 経理課 only: 総務課 is not a choice of his form.
    const other = await submitContractForm(db, clock, { actorAadObjectId: OFFICER_220, answers: ANSWERS });
    if (other.ok || other.reason !== 'invalid') throw new Error('expected invalid');
    expect(t('ja', other.view.errors.sectionCode!)).toContain('課');
    expect(await db.query('SELECT id FROM contracts')).toEqual([]);
    expect(await contractEvents(db)).toEqual([
      ['contract.action_denied', 'E1001', 'contracts', '12(1)③ケ', 'not_allowed'],
      ['contract.action_denied', `aad:${stranger}`, 'contracts', '12(1)③ケ', 'not_allowed'],
      ['contract.action_denied', 'E1001', 'contracts', '12(1)③ケ', 'not_allowed'],
      ['contract.draft_saved', 'E1012', 'E1012', '12(1)③ケ', null],
    ]);
  });
});

describe('who sees a section’s contracts', () => {
  it('its officer and deputy and 統括; not another section’s officer; staff are refused and audited', async () => {
    const clock = new ManualClock();
    db = await demoDb(clock);
    await submitContractForm(db, clock, { actorAadObjectId: DEMO.officer, answers: ANSWERS });
    const ids = async (aad: string) => {
      const r = await contractOverview(db!, clock, aad);
      return r.ok ? r.view.contracts.map((c) => c.id) : r.reason;
    };
    expect(await ids(DEMO.officer)).toEqual(['CTR-2026-0001']);
    expect(await ids(DEMO.deputy)).toEqual(['CTR-2026-0001']);
    expect(await ids(DEMO.chief)).toEqual(['CTR-2026-0001']);
    expect(await ids(OFFICER_220)).toEqual([]);
    expect(await ids(DEMO.staff)).toBe('not_allowed');
    expect(await ids(DEMO.itAdmin)).toBe('not_allowed');
    const chief = await contractOverview(db, clock, DEMO.chief);
    expect(chief.ok && chief.view.manages).toEqual(['100']); // 統括 manages only his own section's
    expect((await contractEvents(db)).slice(-2)).toEqual([
      ['contract.action_denied', 'E1001', 'contracts', '12(1)③ケ', 'not_allowed'],
      ['contract.action_denied', 'E1006', 'contracts', '12(1)③ケ', 'not_allowed'],
    ]);
  });
});

describe('the work ends → the 12(1)③ケ duty', () => {
  it('the sweep opens it once the end date is over (not on the day), once, cited with 12(1)③ケ', async () => {
    const clock = new ManualClock();
    db = await demoDb(clock);
    await submitContractForm(db, clock, { actorAadObjectId: DEMO.officer, answers: ANSWERS });
    clock.set('2026-04-30T14:59:00Z'); // 23:59 JST on the last day
    expect(await sweepEndedContracts(db, clock)).toEqual([]);
    clock.set('2026-04-30T15:00:00Z'); // 00:00 JST the next day
    const [duty, ...rest] = await sweepEndedContracts(db, clock, { dueDays: 5 });
    expect(rest).toEqual([]);
    expect(duty).toMatchObject({
      kind: 'contractor_id_removal',
      sectionCode: '210',
      periodKey: '2026-04-30',
      subjectKey: 'CTR-2026-0001',
      citations: ['12(1)③ケ'],
      source: { kind: 'contract', contractId: 'CTR-2026-0001' },
      dueAt: '2026-05-06T14:59:59.999Z',
      subject: { contractor: '株式会社サンプル保守', workerIds: 'ext-tanaka\next-suzuki' },
    });
    expect(await new ContractRepo(db).get('CTR-2026-0001')).toMatchObject({
      status: 'ended',
      dutyId: duty!.id,
    });
    expect(await sweepEndedContracts(db, clock)).toEqual([]);
    const audit = await new AuditRepo(db).list();
    expect(
      audit.filter((e) => e.event === 'duty.opened').map((e) => [e.subject, e.actor, e.article]),
    ).toEqual([[duty!.id, 'system', '12(1)③ケ']]);
    expect(audit.find((e) => e.event === 'contract.ended')).toMatchObject({
      actor: 'system',
      subject: 'CTR-2026-0001',
      article: '12(1)③ケ',
      data: { dutyId: duty!.id },
    });
  });

  it('catches up after downtime: a restart weeks later opens the duty of every contract that ended meanwhile', async () => {
    const clock = new ManualClock();
    const file = tempDbFile();
    db = await demoDb(clock, file);
    await submitContractForm(db, clock, { actorAadObjectId: DEMO.officer, answers: ANSWERS });
    await submitContractForm(db, clock, {
      actorAadObjectId: OFFICER_220,
      answers: { ...ANSWERS, sectionCode: '220', endDate: '2026-05-10' },
    });
    await db.close();
    clock.set('2026-06-01T00:00:00Z'); // the bot was down all May
    db = SqliteDatabase.open(file);
    const opened = await sweepEndedContracts(db, clock);
    expect(opened.map((d) => [d.sectionCode, d.periodKey, d.subjectKey])).toEqual([
      ['210', '2026-04-30', 'CTR-2026-0001'],
      ['220', '2026-05-10', 'CTR-2026-0002'],
    ]);
    expect(await sweepEndedContracts(db, clock)).toEqual([]);
  });

  it('作業終了 by the section’s officer opens it now; a replay, or anyone else, is refused and audited', async () => {
    const clock = new ManualClock(); // 2026-04-10
    db = await demoDb(clock);
    await submitContractForm(db, clock, { actorAadObjectId: DEMO.officer, answers: ANSWERS });
    const outsider = await endContractNow(db, clock, {
      actorAadObjectId: OFFICER_220,
      contractId: 'CTR-2026-0001',
    });
    expect(outsider).toMatchObject({ ok: false, reason: 'not_allowed' });
    const chief = await endContractNow(db, clock, {
      actorAadObjectId: DEMO.chief,
      contractId: 'CTR-2026-0001',
    });
    expect(chief).toMatchObject({ ok: false, reason: 'not_allowed' });
    const unknown = await endContractNow(db, clock, {
      actorAadObjectId: DEMO.officer,
      contractId: 'CTR-2026-0099',
    });
    expect(unknown).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await db.query('SELECT id FROM duty_instances')).toEqual([]);

    const ended = await endContractNow(db, clock, {
      actorAadObjectId: DEMO.deputy,
      contractId: 'CTR-2026-0001',
    });
    if (!ended.ok) throw new Error('not ended');
    expect(ended.contract).toMatchObject({ status: 'ended', endDate: '2026-04-10' });
    expect(ended.duty).toMatchObject({ periodKey: '2026-04-10', citations: ['12(1)③ケ'] });
    expect((await new DutyRepo(db).get(ended.duty!.id))?.status).toBe('open');
    const replay = await endContractNow(db, clock, {
      actorAadObjectId: DEMO.deputy,
      contractId: 'CTR-2026-0001',
    });
    expect(replay).toMatchObject({ ok: false, reason: 'already_ended' });
    // The sweep finds nothing more to do.
    clock.set('2026-05-02T00:00:00Z');
    expect(await sweepEndedContracts(db, clock)).toEqual([]);
    expect((await contractEvents(db)).filter((e) => e[0] !== 'contract.registered')).toEqual([
      ['contract.action_denied', 'E1012', 'CTR-2026-0001', '12(1)③ケ', 'not_allowed'],
      ['contract.action_denied', 'E1005', 'CTR-2026-0001', '12(1)③ケ', 'not_allowed'],
      ['contract.action_denied', 'E1002', 'CTR-2026-0099', '12(1)③ケ', 'not_found'],
      ['contract.ended', 'E1003', 'CTR-2026-0001', '12(1)③ケ', null],
      ['contract.action_denied', 'E1003', 'CTR-2026-0001', '12(1)③ケ', 'already_ended'],
    ]);
  });
});
