import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMonths,
  answerPercent,
  jstMonthOf,
  monthDays,
  monthRange,
  summaryDueAt,
} from '../../src/domain/compliance-summary';
import type { CaseKind, CaseStatus } from '../../src/domain/cases';
import { createLogger } from '../../src/logger';
import { answerBroadcast, saveBroadcastDraft, sendBroadcast } from '../../src/services/broadcast-service';
import {
  computeComplianceSummary,
  ensureComplianceSummaryTimer,
  requestComplianceSummary,
} from '../../src/services/compliance-summary-service';
import { importDirectory } from '../../src/services/directory-service';
import { fireDueTimers } from '../../src/services/escalation-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import type { BroadcastContent } from '../../src/storage/broadcast-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { ManualClock } from '../helpers/clock';
import { openTempDb } from '../helpers/db';

const DEMO_CSV = fs.readFileSync(path.resolve(__dirname, '../../infra/demo/directory.csv'), 'utf8');
const CHIEF = 'E1005';
const IT = 'E1006';
const OFFICER210 = 'E1002';
const STAFF = 'E1001';
const logger = createLogger('silent');

let db: SqliteDatabase;
let clock: ManualClock;
beforeEach(async () => {
  db = openTempDb();
  clock = new ManualClock();
  await importDirectory(db, DEMO_CSV, { source: 'demo', actor: 'system', clock });
});
afterEach(async () => db.close());

let seq = 0;
async function addCase(c: {
  kind: CaseKind;
  status: CaseStatus;
  section: string;
  createdAt: string;
  ackDueAt?: string | null;
  value?: Record<string, unknown>;
  state?: Record<string, unknown>;
}): Promise<string> {
  seq += 1;
  const incident = !['takeout', 'exception', 'software_install', 'private_device'].includes(c.kind);
  const id = `${incident ? 'INC' : 'REQ'}-2026-${String(seq).padStart(4, '0')}`;
  await new CaseRepo(db).insert({
    id,
    kind: c.kind,
    category: incident ? 'incident' : 'request',
    status: c.status,
    severity: 'normal',
    reporterId: STAFF,
    sectionCode: c.section,
    assigneeId: OFFICER210,
    form: { answers: {}, value: c.value ?? {} },
    evaluation: {},
    ackDueAt: c.ackDueAt ?? null,
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
    state: c.state ?? {},
  });
  return id;
}

const content = (over: Partial<BroadcastContent> = {}): BroadcastContent => ({
  purpose: 'cyber_emergency',
  mode: 'drill',
  severity: 'emergency',
  title: '不審メールに注意',
  body: '添付ファイルを開かないでください。',
  audience: { kind: 'everyone', officersOnly: false },
  answer: { kind: 'ack' },
  instructedBy: null,
  remindAfterMinutes: null,
  caseId: null,
  ...over,
});

async function sendOne(over: Partial<BroadcastContent> = {}): Promise<string> {
  const d = await saveBroadcastDraft(db, clock, { actorId: IT, content: content(over) });
  if (!d.ok) throw new Error(d.reason);
  const s = await sendBroadcast(db, clock, {
    actorId: IT,
    broadcastId: d.broadcast.id,
    version: d.broadcast.version,
  });
  if (!s.ok) throw new Error('not sent');
  return d.broadcast.id;
}

describe('month arithmetic in Japan time', () => {
  it('is due at 09:00 JST on the 1st of the next month, also across a year', () => {
    expect(summaryDueAt('2026-11').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(summaryDueAt('2026-12').toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
  });

  it('takes the month in Japan time: 23:30 UTC on the 30th is already the 1st in Japan', () => {
    expect(jstMonthOf(new Date('2026-11-30T15:30:00Z'))).toBe('2026-12');
    expect(jstMonthOf(new Date('2026-11-30T14:59:59Z'))).toBe('2026-11');
    expect(monthRange('2026-11')).toEqual({
      from: '2026-10-31T15:00:00.000Z',
      to: '2026-11-30T15:00:00.000Z',
    });
    expect(monthDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('rounds the answer rate down and has none when nobody was asked', () => {
    expect(answerPercent(3, 2)).toBe(66);
    expect(answerPercent(0, 0)).toBeNull();
  });
});

describe('the figures (counted in SQL)', () => {
  it('counts open incidents with the oldest, overdue acknowledgements and returns, exceptions ending, per section and in total', async () => {
    const first = await addCase({
      kind: 'virus',
      status: 'submitted',
      section: '210',
      createdAt: '2026-11-01T01:00:00.000Z',
      ackDueAt: '2026-11-01T01:15:00.000Z',
    });
    await addCase({
      kind: 'virus',
      status: 'acknowledged',
      section: '210',
      createdAt: '2026-11-10T01:00:00.000Z',
    });
    await addCase({ kind: 'virus', status: 'closed', section: '220', createdAt: '2026-10-01T01:00:00.000Z' });
    await addCase({
      kind: 'system_failure',
      status: 'submitted',
      section: '220',
      createdAt: '2026-11-20T02:00:00.000Z',
      ackDueAt: '2026-11-20T05:00:00.000Z',
    });
    // Take-outs: overdue (return date yesterday, JST), returned, due today.
    await addCase({
      kind: 'takeout',
      status: 'approved',
      section: '210',
      createdAt: '2026-11-02T00:00:00.000Z',
      value: { returnDate: '2026-11-19' },
    });
    await addCase({
      kind: 'takeout',
      status: 'approved',
      section: '210',
      createdAt: '2026-11-02T00:00:00.000Z',
      value: { returnDate: '2026-11-19' },
      state: { returnedAt: '2026-11-19T08:00:00.000Z' },
    });
    await addCase({
      kind: 'takeout',
      status: 'approved',
      section: '220',
      createdAt: '2026-11-02T00:00:00.000Z',
      value: { returnDate: '2026-11-20' },
    });
    await addCase({
      kind: 'takeout',
      status: 'rejected',
      section: '220',
      createdAt: '2026-11-02T00:00:00.000Z',
      value: { returnDate: '2026-11-01' },
    });
    // Exceptions: ending within 30 days, ended, far off, not approved.
    await addCase({
      kind: 'exception',
      status: 'approved',
      section: '310',
      createdAt: '2026-10-02T00:00:00.000Z',
      value: { periodEnd: '2026-12-20' },
    });
    await addCase({
      kind: 'exception',
      status: 'approved',
      section: '310',
      createdAt: '2026-10-02T00:00:00.000Z',
      value: { periodEnd: '2026-11-19' },
    });
    await addCase({
      kind: 'exception',
      status: 'approved',
      section: '310',
      createdAt: '2026-10-02T00:00:00.000Z',
      value: { periodEnd: '2026-12-21' },
    });
    await addCase({
      kind: 'exception',
      status: 'submitted',
      section: '310',
      createdAt: '2026-11-18T00:00:00.000Z',
      value: { periodEnd: '2026-11-25' },
      ackDueAt: '2026-11-30T00:00:00.000Z',
    });

    // 2026-11-20 12:00 JST
    const s = await computeComplianceSummary(db, '2026-11', new Date('2026-11-20T03:00:00.000Z'));
    expect(s.sections['210']).toMatchObject({
      openIncidents: 2,
      oldestOpenIncident: { caseId: first, createdAt: '2026-11-01T01:00:00.000Z' },
      overdueAcks: 1,
      overdueReturns: 1,
    });
    expect(s.sections['220']).toMatchObject({ openIncidents: 1, overdueAcks: 0, overdueReturns: 0 });
    expect(s.sections['310']).toMatchObject({ exceptionsExpiring: 1, exceptionsExpired: 1, overdueAcks: 0 });
    expect(s.total).toMatchObject({
      openIncidents: 3,
      oldestOpenIncident: { caseId: first },
      overdueAcks: 1,
      overdueReturns: 1,
      exceptionsExpiring: 1,
      exceptionsExpired: 1,
      broadcastTargeted: 0,
    });
    expect(s.broadcasts).toEqual([]);
  });

  it("rates the answers of the month's broadcasts that ask for one, per section and per broadcast", async () => {
    clock.set('2026-10-30T01:00:00.000Z');
    await sendOne(); // October: not in November's summary
    clock.set('2026-11-05T01:00:00.000Z');
    const asked = await sendOne();
    await sendOne({ answer: { kind: 'none' } }); // asks for nothing: no rate
    await answerBroadcast(db, clock, { actorId: STAFF, broadcastId: asked, answer: { kind: 'ack' } });
    await answerBroadcast(db, clock, { actorId: OFFICER210, broadcastId: asked, answer: { kind: 'ack' } });
    const people = (await new DirectoryRepo(db).load()).people;
    const in210 = people.filter((p) => p.sectionCode === '210').length;

    const s = await computeComplianceSummary(db, '2026-11', new Date('2026-12-01T00:00:00.000Z'));
    expect(s.broadcasts).toEqual([
      {
        broadcastId: asked,
        mode: 'drill',
        sentAt: '2026-11-05T01:00:00.000Z',
        targeted: people.length,
        answered: 2,
      },
    ]);
    expect(s.sections['210']).toMatchObject({ broadcastTargeted: in210, broadcastAnswered: 2 });
    expect(s.total).toMatchObject({ broadcastTargeted: people.length, broadcastAnswered: 2 });
  });
});

describe('the monthly send (durable timer)', () => {
  const chiefs = async () => (await new DirectoryRepo(db).load()).people.filter((p) => p.isChiefOfficer);
  const summaries = async () =>
    (
      await db.query<{ dedupe_key: string; to_aad: string; message_json: string }>(
        "SELECT dedupe_key, to_aad, message_json FROM outbox WHERE dedupe_key LIKE 'compliance.summary:%' ORDER BY id",
      )
    ).map((r) => ({
      key: r.dedupe_key,
      to: r.to_aad,
      message: JSON.parse(r.message_json) as Record<string, unknown>,
    }));
  const timers = () =>
    db.query<{ dedupe_key: string; status: string; due_at: string }>(
      "SELECT dedupe_key, status, due_at FROM timers WHERE kind = 'compliance_summary' ORDER BY id",
    );

  it('is scheduled at start-up, fires on the 1st at 09:00 JST for the month before, once, and schedules the next', async () => {
    clock.set('2026-11-20T03:00:00.000Z');
    await addCase({
      kind: 'virus',
      status: 'submitted',
      section: '210',
      createdAt: '2026-11-01T01:00:00.000Z',
      ackDueAt: '2026-11-01T01:15:00.000Z',
    });
    await ensureComplianceSummaryTimer(db, clock);
    await ensureComplianceSummaryTimer(db, clock); // a second start-up adds nothing
    expect(await timers()).toEqual([
      { dedupe_key: 'compliance_summary:2026-11', status: 'pending', due_at: '2026-12-01T00:00:00.000Z' },
    ]);

    clock.set('2026-11-30T23:59:00.000Z'); // 08:59 JST on the 1st: not yet
    expect(await fireDueTimers(db, clock, logger)).toBe(0);
    expect(await summaries()).toEqual([]);

    clock.set('2026-12-01T00:00:00.000Z');
    expect(await fireDueTimers(db, clock, logger)).toBe(1);
    const sent = await summaries();
    const cs = await chiefs();
    expect(cs.length).toBeGreaterThan(0);
    expect(sent.map((x) => x.key)).toEqual(cs.map((c) => `compliance.summary:2026-11:${c.id}`));
    expect(sent.map((x) => x.to)).toEqual(cs.map((c) => c.aadObjectId));
    expect(sent[0]?.message).toMatchObject({
      type: 'compliance.summary',
      personId: CHIEF,
      summary: { month: '2026-11', total: { openIncidents: 1, overdueAcks: 1 } },
    });
    const audit = (await new AuditRepo(db).list('compliance:2026-11')).filter(
      (e) => e.event === 'compliance.summary_sent',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'scheduler',
      article: '13(1)',
      at: '2026-12-01T00:00:00.000Z',
      data: { month: '2026-11', to: cs.map((c) => c.id), total: { openIncidents: 1 } },
    });
    expect(await timers()).toEqual([
      { dedupe_key: 'compliance_summary:2026-11', status: 'done', due_at: '2026-12-01T00:00:00.000Z' },
      { dedupe_key: 'compliance_summary:2026-12', status: 'pending', due_at: '2027-01-01T00:00:00.000Z' },
    ]);

    // Later ticks and a restart's ensure send nothing more for November.
    clock.set('2026-12-02T00:00:00.000Z');
    await ensureComplianceSummaryTimer(db, clock);
    expect(await fireDueTimers(db, clock, logger)).toBe(0);
    expect(await summaries()).toHaveLength(cs.length);
    expect(await timers()).toHaveLength(2);
  });

  it('catches up when the bot was down on the 1st: the pending summary fires at the first tick', async () => {
    clock.set('2026-11-20T03:00:00.000Z');
    await ensureComplianceSummaryTimer(db, clock);
    clock.set('2026-12-03T06:00:00.000Z'); // started again two days late
    await ensureComplianceSummaryTimer(db, clock);
    expect(await fireDueTimers(db, clock, logger)).toBe(1);
    const sent = await summaries();
    expect(sent.map((x) => x.key)).toEqual((await chiefs()).map((c) => `compliance.summary:2026-11:${c.id}`));
    expect(sent[0]?.message).toMatchObject({
      summary: { month: '2026-11', asOf: '2026-12-03T06:00:00.000Z' },
    });
    expect((await timers()).map((t) => [t.dedupe_key, t.status])).toEqual([
      ['compliance_summary:2026-11', 'done'],
      ['compliance_summary:2026-12', 'pending'],
    ]);
  });

  it('leaves nothing behind when the send fails mid-way, and sends once when it runs again', async () => {
    clock.set('2026-11-20T03:00:00.000Z');
    await ensureComplianceSummaryTimer(db, clock);
    clock.set('2026-12-01T00:05:00.000Z');
    // The audit insert fails inside the scheduler's transaction (as if the process died before commit).
    await db.execute(
      "CREATE TRIGGER fail_summary BEFORE INSERT ON audit_log WHEN NEW.event = 'compliance.summary_sent' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    await expect(fireDueTimers(db, clock, logger)).rejects.toThrow(/boom/);
    expect(await summaries()).toEqual([]);
    expect((await timers()).map((t) => t.status)).toEqual(['pending']);
    expect((await new AuditRepo(db).list('compliance:2026-11')).length).toBe(0);

    await db.execute('DROP TRIGGER fail_summary');
    expect(await fireDueTimers(db, clock, logger)).toBe(1);
    expect(await fireDueTimers(db, clock, logger)).toBe(0);
    expect(await summaries()).toHaveLength((await chiefs()).length);
    expect(
      (await new AuditRepo(db).list('compliance:2026-11')).filter(
        (e) => e.event === 'compliance.summary_sent',
      ),
    ).toHaveLength(1);
  });

  it('never queues the same month twice for a person, even if a second timer for it appeared', async () => {
    clock.set('2026-12-01T00:00:00.000Z');
    await db.execute(
      `INSERT INTO timers (dedupe_key, case_id, kind, due_at, payload_json, status, created_at)
       VALUES ('stray', NULL, 'compliance_summary', '2026-12-01T00:00:00.000Z', '{"month":"2026-11"}', 'pending', '2026-12-01T00:00:00.000Z')`,
    );
    await ensureComplianceSummaryTimer(db, { now: () => new Date('2026-11-20T00:00:00.000Z') });
    await fireDueTimers(db, clock, logger);
    expect(await summaries()).toHaveLength((await chiefs()).length);
    expect(new Set((await summaries()).map((s) => s.key)).size).toBe((await chiefs()).length);
  });
});

describe('「遵守状況」 on request', () => {
  const person = async (id: string) => {
    const p = await new DirectoryRepo(db).personById(id);
    if (!p) throw new Error(id);
    return p;
  };

  it('gives 統括 and IT管理者 the current month so far', async () => {
    clock.set('2026-11-20T03:00:00.000Z');
    await addCase({
      kind: 'virus',
      status: 'submitted',
      section: '210',
      createdAt: '2026-11-01T01:00:00.000Z',
    });
    for (const id of [CHIEF, IT]) {
      const r = await requestComplianceSummary(db, clock, await person(id));
      expect(r).toMatchObject({ ok: true, summary: { month: '2026-11', total: { openIncidents: 1 } } });
    }
    expect(await new AuditRepo(db).list('compliance:2026-11')).toEqual([]);
  });

  it('refuses anyone else, a section officer too, and audits the refusal', async () => {
    clock.set('2026-11-20T03:00:00.000Z');
    for (const id of [OFFICER210, STAFF]) {
      expect(await requestComplianceSummary(db, clock, await person(id))).toEqual({ ok: false });
    }
    const rows = await new AuditRepo(db).list('compliance:2026-11');
    expect(rows.map((r) => [r.actor, r.event, r.article])).toEqual([
      [OFFICER210, 'compliance.summary_denied', '13(1)'],
      [STAFF, 'compliance.summary_denied', '13(1)'],
    ]);
    expect(await new OutboxRepo(db).byBroadcast('none')).toEqual([]);
  });
});
