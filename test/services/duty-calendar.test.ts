// The duty calendar (定期業務, issue 10): periods opened once per section and duty, caught up after a
// downtime, reminded to the owner, reminded again and escalated to 統括 when overdue (運用ルール),
// completed on the card by the section's officer or deputy only, with the report to 統括 where the
// article asks for it. Service level, on a real SQLite file, with the injected clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { periodsToOpen, parseDutyCycle } from '../../src/domain/duty-calendar';
import { createLogger } from '../../src/logger';
import { fireDueTimers } from '../../src/services/escalation-service';
import { setDutyCycle, submitDuty, sweepDuties, viewDuty } from '../../src/services/duty-service';
import { AbsenceRepo } from '../../src/storage/absence-repo';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { DutyCalendarRepo, DutyRepo } from '../../src/storage/duty-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { DEMO } from '../helpers/activities';
import { ManualClock } from '../helpers/clock';
import { openTempDb, tempDbFile } from '../helpers/db';
import { demoDirectory } from '../helpers/demo-directory';

const E1012 = '00000000-0000-4000-8000-000000000012'; // 渡辺 修, 経理課 課責任者
const logger = createLogger('silent');

let file: string;
let db: SqliteDatabase;
let clock: ManualClock;
beforeEach(async () => {
  file = tempDbFile();
  db = openTempDb(file);
  clock = new ManualClock();
  clock.set('2026-12-18T09:00:00.000Z'); // 18:00 JST
  await db.transaction((tx) => new DirectoryRepo(tx).replaceAll(demoDirectory()));
});
afterEach(async () => db.close());

interface OutRow {
  to_aad: string;
  message_json: string;
}
async function dutyCards(reason?: string) {
  const rows = await db.query<OutRow>('SELECT to_aad, message_json FROM outbox ORDER BY id');
  return rows
    .map((r) => ({ to: r.to_aad, m: JSON.parse(r.message_json) as Record<string, string> }))
    .filter((r) => r.m.type === 'duty.card' && (reason === undefined || r.m.reason === reason));
}
const duty = async (kind: string, section: string) =>
  (await new DutyRepo(db).list({ sections: [section] }, 100)).find((d) => d.kind === kind)!;

describe('duty calendar periods (運用ルール)', () => {
  it('opens a monthly compliance check (13(1)) 7 days before the 25th, 17:00 JST, keyed by the month', () => {
    const c = parseDutyCycle('month:25')!;
    const at = (iso: string) => periodsToOpen(c, new Date(iso), new Date('2026-01-01T00:00:00Z'));
    expect(at('2026-12-18T07:59:59.000Z').map((p) => p.periodKey)).not.toContain('2026-12');
    expect(at('2026-12-18T08:00:00.000Z').filter((p) => p.periodKey === '2026-12')).toEqual([
      { periodKey: '2026-12', dueAt: '2026-12-25T08:00:00.000Z', opensAt: '2026-12-18T08:00:00.000Z' },
    ]);
  });

  it('keys quarters by the fiscal year (Q1 = April) and years as FY, and parses cycles strictly', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    const q = periodsToOpen(parseDutyCycle('quarter:1')!, new Date('2026-12-31T00:00:00Z'), start);
    expect(q.map((p) => p.periodKey)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const y = periodsToOpen(parseDutyCycle('year:2-1')!, new Date('2027-01-10T00:00:00Z'), start);
    expect(y.map((p) => [p.periodKey, p.dueAt])).toEqual([
      ['FY2025', '2026-02-01T08:00:00.000Z'],
      ['FY2026', '2027-02-01T08:00:00.000Z'],
    ]);
    expect(parseDutyCycle('month:31')).toBeUndefined();
    expect(parseDutyCycle('weekly')).toBeUndefined();
    expect(parseDutyCycle('once:2027-03-31')).toEqual({ every: 'once', date: '2027-03-31' });
  });
});

describe('sweepDuties', () => {
  it('opens each section’s due periods once, cites each duty’s article, and reminds the officer (13(1), 7エ, 11(1)②エ, 12(1)④ウ)', async () => {
    const opened = await sweepDuties(db, clock);
    // 10 sections × (compliance 2026-12 + the three quarterly duties of 2026-Q4 due 1 January).
    expect(opened).toHaveLength(40);
    const mine = opened.filter((d) => d.sectionCode === '210').map((d) => [d.kind, d.periodKey, d.citations]);
    expect(mine).toEqual([
      ['compliance_check', '2026-12', ['13(1)']],
      ['access_review', '2026-Q4', ['7エ', '11(1)①']],
      ['unused_id_check', '2026-Q4', ['11(1)②エ']],
      ['maintenance_inspection', '2026-Q4', ['12(1)④ウ']],
    ]);
    expect(await sweepDuties(db, clock)).toEqual([]);
    const cards = (await dutyCards('opened')).filter((c) => c.to === DEMO.officer);
    expect(cards).toHaveLength(4);
    const audit = (await new AuditRepo(db).list()).filter((r) => r.event === 'duty.opened');
    expect(audit).toHaveLength(40);
    const row = audit.find((r) => r.data?.sectionCode === '210' && r.data?.kind === 'compliance_check')!;
    expect(row.article).toBe('13(1)');
    expect(row.data?.remindedTo).toEqual(['E1002']);
  });

  it('survives a restart and catches up the periods missed while the bot was down, never twice', async () => {
    await sweepDuties(db, clock);
    await db.close();
    db = openTempDb(file);
    clock.set('2027-02-10T00:00:00.000Z');
    const opened = await sweepDuties(db, clock);
    expect(
      opened
        .filter((d) => d.sectionCode === '210')
        .map((d) => `${d.kind}:${d.periodKey}`)
        .sort(),
    ).toEqual([
      'backup:2027-01',
      'backup:2027-02',
      'compliance_check:2027-01',
      'contractor_check:2026-Q4',
      'offsite_server_inspection:2026-Q4',
      'self_inspection:FY2026',
      'virus_full_scan:2027-01',
      'virus_full_scan:2027-02',
    ]);
    expect(await sweepDuties(db, clock)).toEqual([]);
  });

  it('sends the reminder also to the deputy while the officer is absent (運用ルール)', async () => {
    await new AbsenceRepo(db).add({
      personId: 'E1002',
      from: '2026-12-17T00:00:00.000Z',
      to: '2026-12-30T00:00:00.000Z',
      at: clock.now().toISOString(),
    });
    await sweepDuties(db, clock);
    const to = await dutyCards('opened');
    expect(to.filter((c) => c.to === DEMO.deputy)).toHaveLength(4);
    expect(to.filter((c) => c.to === DEMO.officer)).toHaveLength(4);
    const row = (await new AuditRepo(db).list()).find(
      (r) =>
        r.event === 'duty.opened' && r.data?.sectionCode === '210' && r.data?.kind === 'compliance_check',
    )!;
    expect(row.article).toEqual(['13(1)', 'operating_rule']);
    expect(row.data?.roles).toEqual(['section_officer', 'deputy']);
  });

  it('follows a section’s own cycle over the organisation’s default, set only by those allowed (運用ルール)', async () => {
    const set = (actorId: string, sectionCode: string, cycle = 'once:2026-12-20') =>
      setDutyCycle(db, clock, {
        actorId,
        kind: 'self_inspection',
        sectionCode,
        cycle: parseDutyCycle(cycle)!,
        enabled: true,
      });
    expect(await set('E1001', '210')).toEqual({ ok: false, reason: 'not_allowed' }); // staff
    expect(await set('E1012', '210')).toEqual({ ok: false, reason: 'not_allowed' }); // another section's officer
    expect(await set('E1002', '*')).toEqual({ ok: false, reason: 'not_allowed' }); // officer: not the default
    expect(await set('E1002', '210')).toEqual({ ok: true });
    expect(await set('E1006', '*', 'year:3-1')).toEqual({ ok: true }); // IT管理者
    const denied = (await new AuditRepo(db).list()).filter((r) => r.event === 'duty.cycle_denied');
    expect(denied.map((r) => [r.actor, r.article])).toEqual([
      ['E1001', 'operating_rule'],
      ['E1012', 'operating_rule'],
      ['E1002', 'operating_rule'],
    ]);
    const opened = await sweepDuties(db, clock);
    const self = opened.filter((d) => d.kind === 'self_inspection');
    expect(self.map((d) => [d.sectionCode, d.periodKey, d.dueAt])).toEqual([
      ['210', '2026-12-20', '2026-12-20T08:00:00.000Z'],
    ]);
    expect((await new DutyCalendarRepo(db).schedules()).map((s) => [s.sectionCode, s.updatedBy])).toEqual([
      ['*', 'E1006'],
      ['210', 'E1002'],
    ]);
  });
});

describe('overdue duties (運用ルール)', () => {
  it('reminds the owner again at the deadline, then escalates to 統括 three days later; a done duty is left alone', async () => {
    await sweepDuties(db, clock);
    clock.set('2026-12-25T08:00:01.000Z');
    expect(await fireDueTimers(db, clock, logger)).toBe(10); // the 10 compliance checks
    expect((await dutyCards('overdue')).filter((c) => c.to === DEMO.officer)).toHaveLength(1);
    // 経理課 records its check before the escalation.
    const accounting = await duty('compliance_check', '220');
    const done = await submitDuty(db, clock, {
      actorAadObjectId: E1012,
      dutyId: accounting.id,
      answers: { result: 'no_issue' },
      mode: 'complete',
    });
    expect(done.ok).toBe(true);
    clock.set('2026-12-28T08:00:01.000Z');
    expect(await fireDueTimers(db, clock, logger)).toBe(9);
    const escalated = await dutyCards('escalated');
    expect(new Set(escalated.map((c) => c.to))).toEqual(new Set([DEMO.chief]));
    expect(escalated.map((c) => c.m.dutyId)).not.toContain(accounting.id);
    const mine = await duty('compliance_check', '210');
    expect(mine.escalationLevel).toBe(2);
    const events = (await new AuditRepo(db).list(mine.id)).map((r) => [r.event, r.actor, r.article]);
    expect(events).toEqual([
      ['duty.opened', 'scheduler', '13(1)'],
      ['duty.overdue_reminded', 'scheduler', 'operating_rule'],
      ['duty.escalated', 'scheduler', 'operating_rule'],
    ]);
    // Nothing fires twice.
    clock.set('2027-01-05T00:00:00.000Z');
    await fireDueTimers(db, clock, logger);
    expect((await dutyCards('escalated')).filter((c) => c.m.dutyId === mine.id)).toHaveLength(1);
  });
});

describe('completing a duty on its card', () => {
  it('refuses staff, another section’s officer and a neighbouring duty id, and audits each (13(1))', async () => {
    await sweepDuties(db, clock);
    const mine = await duty('compliance_check', '210');
    const theirs = await duty('compliance_check', '220');
    const tries: [string, string][] = [
      [DEMO.staff, mine.id],
      [E1012, mine.id],
      [DEMO.officer, theirs.id],
      [DEMO.officer, 'DTY-2026-9999'],
    ];
    for (const [aad, dutyId] of tries) {
      const r = await submitDuty(db, clock, {
        actorAadObjectId: aad,
        dutyId,
        answers: { result: 'no_issue' },
        mode: 'complete',
      });
      expect(r).toMatchObject({ ok: false, reason: dutyId === 'DTY-2026-9999' ? 'not_found' : 'not_keeper' });
    }
    const denied = (await new AuditRepo(db).list()).filter((r) => r.event === 'duty.action_denied');
    expect(denied.map((r) => [r.actor, r.subject, r.data?.reason])).toEqual([
      ['E1001', mine.id, 'not_keeper'],
      ['E1012', mine.id, 'not_keeper'],
      ['E1002', theirs.id, 'not_keeper'],
      ['E1002', 'DTY-2026-9999', 'not_found'],
    ]);
    expect((await new DutyRepo(db).get(mine.id))?.status).toBe('open');
    expect((await new DutyRepo(db).get(theirs.id))?.status).toBe('open');
    const view = await viewDuty(db, clock, {
      dutyId: mine.id,
      viewer: { aadObjectId: DEMO.staff },
      via: 'card',
    });
    expect(view.ok).toBe(false);
  });

  it('keeps a half-filled completion with its Japanese error across a reopen of the database, then records it and reports to 統括 (13(1))', async () => {
    await sweepDuties(db, clock);
    const mine = await duty('compliance_check', '210');
    const bad = await submitDuty(db, clock, {
      actorAadObjectId: DEMO.officer,
      dutyId: mine.id,
      answers: { result: 'issues_found', attachments: 'https://share.example/check.xlsx' },
      mode: 'complete',
    });
    expect(bad).toMatchObject({ ok: false, reason: 'invalid' });
    await db.close();
    db = openTempDb(file);
    const again = await viewDuty(db, clock, {
      dutyId: mine.id,
      viewer: { aadObjectId: DEMO.officer },
      via: 'card',
    });
    expect(again.ok && again.view.answers).toEqual({
      result: 'issues_found',
      attachments: 'https://share.example/check.xlsx',
    });
    expect(again.ok && again.view.errors.findings).toEqual({ key: 'duty.error.findings_required' });
    // The deputy completes it.
    const done = await submitDuty(db, clock, {
      actorAadObjectId: DEMO.deputy,
      dutyId: mine.id,
      answers: {
        result: 'issues_found',
        findings: 'USBメモリの持ち出し記録に漏れが2件',
        attachments: 'https://share.example/check.xlsx',
      },
      mode: 'complete',
    });
    expect(done).toMatchObject({ ok: true, reported: ['E1005'] });
    const stored = await new DutyRepo(db).get(mine.id);
    expect(stored).toMatchObject({
      status: 'done',
      completedBy: 'E1003',
      completedAt: clock.now().toISOString(),
    });
    expect(stored?.result).toMatchObject({
      result: 'issues_found',
      findings: 'USBメモリの持ち出し記録に漏れが2件',
      reportedToChief: 'true',
      completedByName: '鈴木 一郎',
    });
    expect(await new DutyCalendarRepo(db).getDraft(mine.id, 'E1003')).toBeUndefined();
    expect(await new DutyCalendarRepo(db).getDraft(mine.id, 'E1002')).toBeUndefined();
    expect((await dutyCards('report')).map((c) => [c.to, c.m.dutyId])).toEqual([[DEMO.chief, mine.id]]);
    const events = (await new AuditRepo(db).list(mine.id)).map((r) => [r.event, r.actor, r.article]);
    expect(events.slice(1)).toEqual([
      ['duty.draft_saved', 'E1002', '13(1)'],
      ['duty.completed', 'E1003', '13(1)'],
      ['duty.reported_to_chief', 'E1003', '13(1)'],
    ]);
    // Done is done: a second completion is refused.
    const twice = await submitDuty(db, clock, {
      actorAadObjectId: DEMO.officer,
      dutyId: mine.id,
      answers: { result: 'no_issue' },
      mode: 'complete',
    });
    expect(twice).toMatchObject({ ok: false, reason: 'not_open' });
  });

  it('reports a self-inspection (14(1)) to 統括 only when the officer flags that the standard needs revising', async () => {
    for (const s of ['210', '220'])
      await setDutyCycle(db, clock, {
        actorId: 'E1005',
        kind: 'self_inspection',
        sectionCode: s,
        cycle: { every: 'once', date: '2026-12-20' },
        enabled: true,
      });
    await sweepDuties(db, clock);
    const quiet = await submitDuty(db, clock, {
      actorAadObjectId: DEMO.officer,
      dutyId: (await duty('self_inspection', '210')).id,
      answers: { result: 'no_issue', revisionNeeded: 'false' },
      mode: 'complete',
    });
    expect(quiet).toMatchObject({ ok: true, reported: [] });
    const flagged = await submitDuty(db, clock, {
      actorAadObjectId: E1012,
      dutyId: (await duty('self_inspection', '220')).id,
      answers: {
        result: 'issues_found',
        findings: '10(8)のパスワード規定が現行の認証方式に合わない',
        revisionNeeded: 'true',
      },
      mode: 'complete',
    });
    expect(flagged).toMatchObject({ ok: true, reported: ['E1005'] });
    const rows = (await new AuditRepo(db).list()).filter((r) => r.event === 'duty.reported_to_chief');
    expect(rows.map((r) => [r.actor, r.article, r.data?.revisionNeeded])).toEqual([['E1012', '14(1)', true]]);
  });
});
