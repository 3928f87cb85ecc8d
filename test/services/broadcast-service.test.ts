import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BroadcastContent } from '../../src/storage/broadcast-repo';
import { BroadcastRepo } from '../../src/storage/broadcast-repo';
import {
  answerBroadcast,
  broadcastResults,
  correctBroadcast,
  fireBroadcastReminder,
  recallBroadcast,
  remindNow,
  saveBroadcastDraft,
  sendBroadcast,
  STATUS_THROTTLE_MS,
} from '../../src/services/broadcast-service';
import { importDirectory } from '../../src/services/directory-service';
import { fireDueTimers } from '../../src/services/escalation-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DraftRepo } from '../../src/storage/draft-repo';
import { OutboxRepo, PRIORITY } from '../../src/storage/outbox-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { TimerRepo } from '../../src/storage/timer-repo';
import { ManualClock } from '../helpers/clock';
import { openTempDb } from '../helpers/db';
import { createLogger } from '../../src/logger';

const DEMO_CSV = fs.readFileSync(path.resolve(__dirname, '../../infra/demo/directory.csv'), 'utf8');
const IT = 'E1006';
const CHIEF = 'E1005';
const OFFICER210 = 'E1002';
const STAFF = 'E1001';
const STAFF220 = 'E1014';

const content = (over: Partial<BroadcastContent> = {}): BroadcastContent => ({
  purpose: 'cyber_emergency',
  mode: 'drill',
  severity: 'emergency',
  title: '不審メールに注意',
  body: '件名「請求書」の添付ファイルを開かないでください。',
  audience: { kind: 'everyone', officersOnly: false },
  answer: {
    kind: 'choice',
    choices: [{ label: '該当なし' }, { label: '不審なメールを開いた', opensReport: 'virus' }],
  },
  instructedBy: null,
  remindAfterMinutes: 30,
  caseId: null,
  ...over,
});

let db: SqliteDatabase;
let clock: ManualClock;
beforeEach(async () => {
  db = openTempDb();
  clock = new ManualClock();
  await importDirectory(db, DEMO_CSV, { source: 'demo', actor: 'system', clock });
});
afterEach(async () => db.close());

async function draftAndSend(actor: string, over: Partial<BroadcastContent> = {}) {
  const d = await saveBroadcastDraft(db, clock, { actorId: actor, content: content(over) });
  if (!d.ok) throw new Error(d.reason);
  const s = await sendBroadcast(db, clock, {
    actorId: actor,
    broadcastId: d.broadcast.id,
    version: d.broadcast.version,
  });
  return { draft: d.broadcast, sent: s };
}

/** Marks every pending broadcast copy as delivered, as the sender would after Teams answered. */
async function deliverAll(id: string) {
  const outbox = new OutboxRepo(db);
  for (const i of await outbox.byBroadcast(id))
    if (i.status === 'pending')
      await outbox.markSent(i.id, clock.now().toISOString(), `act-${i.id}`, `conv-${i.toAad}`);
}

describe('sending', () => {
  it('a drill to everyone: one outbox row per person at emergency priority, the status card, a reminder timer', async () => {
    const { sent } = await draftAndSend(IT);
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.broadcast.id).toBe('BC-2026-0001');
    expect(sent.recipients).toBe(34);
    const items = await new OutboxRepo(db).byBroadcast(sent.broadcast.id);
    const copies = items.filter((i) => i.message.type === 'broadcast');
    expect(copies).toHaveLength(34);
    expect(new Set(copies.map((c) => c.toAad)).size).toBe(34);
    expect(copies.every((c) => c.priority === PRIORITY.emergency)).toBe(true);
    expect(items.filter((i) => i.message.type === 'broadcast.status').map((i) => i.toAad)).toEqual([
      '00000000-0000-4000-8000-000000000006',
    ]);
    // A drill does not tell 統括.
    expect(items.filter((i) => i.message.type === 'broadcast.notice')).toEqual([]);
    const timers = await new TimerRepo(db).due('2100-01-01T00:00:00Z', 10);
    expect(timers.map((t) => [t.kind, t.payload])).toEqual([
      ['broadcast_reminder', { broadcastId: 'BC-2026-0001', n: 1 }],
    ]);
    const audit = await new AuditRepo(db).list('BC-2026-0001');
    expect(audit.map((e) => [e.event, e.actor, e.article])).toEqual([
      ['broadcast.draft_saved', IT, '12(5)②エ'],
      ['broadcast.sent', IT, '12(5)②エ'],
    ]);
    // Confirming twice sends nothing more.
    const again = await sendBroadcast(db, clock, { actorId: IT, broadcastId: sent.broadcast.id, version: 1 });
    expect(again).toEqual({ ok: false, reason: 'not_draft' });
    expect(await new OutboxRepo(db).byBroadcast(sent.broadcast.id)).toHaveLength(items.length);
  });

  it('a real one to all staff needs 統括 named, records it, and tells 統括 at once', async () => {
    const refused = await draftAndSend(IT, { mode: 'real' });
    expect(refused.sent).toEqual({ ok: false, reason: 'instruction_required' });
    const { sent } = await draftAndSend(IT, { mode: 'real', instructedBy: CHIEF });
    expect(sent.ok && sent.chiefsInformed).toEqual([CHIEF]);
    if (!sent.ok) return;
    const notice = (await new OutboxRepo(db).byBroadcast(sent.broadcast.id)).filter(
      (i) => i.message.type === 'broadcast.notice',
    );
    expect(notice.map((n) => [n.toAad, n.priority])).toEqual([
      ['00000000-0000-4000-8000-000000000005', PRIORITY.emergency],
    ]);
    const ev = (await new AuditRepo(db).list(sent.broadcast.id)).find((e) => e.event === 'broadcast.sent');
    expect(ev?.data).toMatchObject({ instructedBy: CHIEF, mode: 'real', recipients: 34 });
    const denied = (await new AuditRepo(db).list(refused.draft.id)).find(
      (e) => e.event === 'broadcast.send_denied',
    );
    expect(denied?.data).toMatchObject({ reason: 'instruction_required' });
  });

  it('staff cannot even keep a draft; an officer cannot send beyond their section; both audited', async () => {
    expect(await saveBroadcastDraft(db, clock, { actorId: STAFF, content: content() })).toEqual({
      ok: false,
      reason: 'not_a_sender',
    });
    const { sent, draft } = await draftAndSend(OFFICER210, {
      purpose: 'awareness',
      audience: {
        kind: 'sections',
        sectionCodes: ['210', '220'],
        includeSubsections: false,
        officersOnly: false,
      },
    });
    expect(sent).toEqual({ ok: false, reason: 'not_own_section' });
    expect(await new OutboxRepo(db).byBroadcast(draft.id)).toEqual([]);
    expect((await new AuditRepo(db).list(draft.id)).map((e) => e.event)).toContain('broadcast.send_denied');
    expect((await new AuditRepo(db).list('broadcast')).map((e) => [e.event, e.actor])).toEqual([
      ['broadcast.draft_denied', STAFF],
    ]);
  });

  it("someone else's draft is refused like a missing one", async () => {
    const d = await saveBroadcastDraft(db, clock, { actorId: IT, content: content() });
    if (!d.ok) throw new Error();
    const other = await sendBroadcast(db, clock, { actorId: CHIEF, broadcastId: d.broadcast.id, version: 1 });
    const missing = await sendBroadcast(db, clock, {
      actorId: CHIEF,
      broadcastId: 'BC-2026-0099',
      version: 1,
    });
    expect(other).toEqual({ ok: false, reason: 'not_found' });
    expect(missing).toEqual(other);
  });
});

describe('answers', () => {
  it('recorded once; a changed answer keeps the first and the latest with times; the choice opens a report', async () => {
    const { sent } = await draftAndSend(IT);
    if (!sent.ok) throw new Error();
    const id = sent.broadcast.id;
    await deliverAll(id);
    const a1 = await answerBroadcast(db, clock, {
      actorId: STAFF,
      broadcastId: id,
      answer: { kind: 'choice', index: 0 },
    });
    expect(a1).toMatchObject({ ok: true, changed: true, first: true, opensReport: null });
    const same = await answerBroadcast(db, clock, {
      actorId: STAFF,
      broadcastId: id,
      answer: { kind: 'choice', index: 0 },
    });
    expect(same).toMatchObject({ ok: true, changed: false });
    clock.advanceMinutes(5);
    const a2 = await answerBroadcast(db, clock, {
      actorId: STAFF,
      broadcastId: id,
      answer: { kind: 'choice', index: 1 },
    });
    expect(a2).toMatchObject({ ok: true, changed: true, first: false, opensReport: 'virus' });
    const r = await new BroadcastRepo(db).recipient(id, STAFF);
    expect(r).toMatchObject({ firstAnswer: 'choice:0', latestAnswer: 'choice:1' });
    expect(Date.parse(r?.latestAnsweredAt ?? '') - Date.parse(r?.firstAnsweredAt ?? '')).toBe(5 * 60_000);
    expect((await new BroadcastRepo(db).answers(id)).map((a) => a.answer)).toEqual(['choice:0', 'choice:1']);
    // Their delivered copy is updated in place after each change.
    const updates = (await new OutboxRepo(db).byBroadcast(id)).filter(
      (i) => i.message.type === 'broadcast.update',
    );
    expect(updates).toHaveLength(2);
  });

  it('a choice that opens a report marks the draft of that flow, also when clicked again; answers are kept once', async () => {
    const { sent } = await draftAndSend(IT);
    if (!sent.ok) throw new Error();
    const id = sent.broadcast.id;
    // A draft the person had already started keeps what was typed and gains the origin.
    await new DraftRepo(db).save({
      personId: STAFF,
      kind: 'virus',
      answers: { symptom: '警告が出た' },
      errors: {},
      updatedAt: clock.now().toISOString(),
    });
    const a = await answerBroadcast(db, clock, {
      actorId: STAFF,
      broadcastId: id,
      answer: { kind: 'choice', index: 1 },
    });
    expect(a).toMatchObject({ ok: true, changed: true, opensReport: 'virus' });
    expect(await new DraftRepo(db).get(STAFF, 'virus')).toMatchObject({
      answers: { symptom: '警告が出た' },
      origin: { broadcastId: id },
    });
    // Saving the form again (reviewFlow) keeps the origin.
    await new DraftRepo(db).save({
      personId: STAFF,
      kind: 'virus',
      answers: { symptom: '警告が出た。LANケーブルを抜いた' },
      errors: {},
      updatedAt: clock.now().toISOString(),
    });
    expect((await new DraftRepo(db).get(STAFF, 'virus'))?.origin).toEqual({ broadcastId: id });
    // The draft went (discarded or sent): clicking the same choice again offers the report again.
    await new DraftRepo(db).delete(STAFF, 'virus');
    const again = await answerBroadcast(db, clock, {
      actorId: STAFF,
      broadcastId: id,
      answer: { kind: 'choice', index: 1 },
    });
    expect(again).toMatchObject({ ok: true, changed: false, opensReport: 'virus' });
    expect(await new DraftRepo(db).get(STAFF, 'virus')).toMatchObject({
      answers: {},
      origin: { broadcastId: id },
    });
    expect((await new BroadcastRepo(db).answers(id)).map((x) => x.answer)).toEqual(['choice:1']);
    const events = (await new AuditRepo(db).list(id)).map((e) => e.event);
    expect(events.filter((e) => e === 'broadcast.answered')).toHaveLength(1);
    expect(events).toContain('broadcast.report_opened');
    // A choice without a report leaves every draft alone.
    await answerBroadcast(db, clock, {
      actorId: STAFF220,
      broadcastId: id,
      answer: { kind: 'choice', index: 0 },
    });
    expect(await new DraftRepo(db).listByPerson('E1014')).toEqual([]);
  });

  it('a non-recipient, a bad index and a neighbouring id are refused and audited alike', async () => {
    const { sent } = await draftAndSend(OFFICER210, {
      purpose: 'awareness',
      audience: { kind: 'sections', sectionCodes: ['210'], includeSubsections: false, officersOnly: false },
    });
    if (!sent.ok) throw new Error(sent.reason);
    const id = sent.broadcast.id;
    expect(
      await answerBroadcast(db, clock, {
        actorId: STAFF220,
        broadcastId: id,
        answer: { kind: 'choice', index: 0 },
      }),
    ).toEqual({
      ok: false,
      reason: 'not_recipient',
    });
    expect(
      await answerBroadcast(db, clock, {
        actorId: STAFF,
        broadcastId: 'BC-2026-0002',
        answer: { kind: 'choice', index: 0 },
      }),
    ).toEqual({ ok: false, reason: 'not_recipient' });
    expect(
      await answerBroadcast(db, clock, {
        actorId: STAFF,
        broadcastId: id,
        answer: { kind: 'choice', index: 7 },
      }),
    ).toEqual({
      ok: false,
      reason: 'invalid_answer',
    });
    expect(
      await answerBroadcast(db, clock, { actorId: STAFF, broadcastId: id, answer: { kind: 'ack' } }),
    ).toEqual({
      ok: false,
      reason: 'invalid_answer',
    });
    const denied = [
      ...(await new AuditRepo(db).list(id)),
      ...(await new AuditRepo(db).list('BC-2026-0002')),
    ].filter((e) => e.event === 'broadcast.answer_denied');
    expect(denied.map((e) => e.actor).sort()).toEqual([STAFF, STAFF, STAFF, STAFF220]);
    expect(await new BroadcastRepo(db).answers(id)).toEqual([]);
  });
});

describe('correct and recall', () => {
  it('a correction updates every delivered copy in place; a recall cancels the rest and updates the delivered', async () => {
    const { sent } = await draftAndSend(IT);
    if (!sent.ok) throw new Error();
    const id = sent.broadcast.id;
    const outbox = new OutboxRepo(db);
    // Ten copies delivered, the rest still pending.
    const copies = (await outbox.byBroadcast(id)).filter((i) => i.message.type === 'broadcast');
    for (const c of copies.slice(0, 10))
      await outbox.markSent(c.id, clock.now().toISOString(), `act-${c.id}`, `conv-${c.id}`);
    const corr = await correctBroadcast(db, clock, {
      actorId: IT,
      broadcastId: id,
      version: sent.broadcast.version,
      title: '訂正: 不審メール',
      body: '件名「見積書」も対象です。',
    });
    expect(corr).toMatchObject({ ok: true, updated: 10 });
    if (!corr.ok) return;
    expect(corr.broadcast).toMatchObject({ revision: 2, title: '訂正: 不審メール' });
    const ev = (await new AuditRepo(db).list(id)).find((e) => e.event === 'broadcast.corrected');
    expect(ev?.data).toMatchObject({
      before: { title: '不審メールに注意' },
      after: { title: '訂正: 不審メール' },
    });
    // Staff may not recall; the refusal is audited.
    expect(
      await recallBroadcast(db, clock, { actorId: STAFF, broadcastId: id, version: corr.broadcast.version }),
    ).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
    const rec = await recallBroadcast(db, clock, {
      actorId: CHIEF,
      broadcastId: id,
      version: corr.broadcast.version,
    });
    expect(rec).toMatchObject({ ok: true, updated: 10, cancelled: 24 });
    const after = await outbox.byBroadcast(id);
    expect(after.filter((i) => i.message.type === 'broadcast' && i.status === 'cancelled')).toHaveLength(24);
    expect(after.filter((i) => i.message.type === 'broadcast.update')).toHaveLength(20);
    expect(
      await answerBroadcast(db, clock, {
        actorId: STAFF,
        broadcastId: id,
        answer: { kind: 'choice', index: 0 },
      }),
    ).toEqual({
      ok: false,
      reason: 'recalled',
    });
    expect((await new TimerRepo(db).due('2100-01-01T00:00:00Z', 10)).length).toBe(0);
  });
});

describe('results and reminders', () => {
  it('officers see their own sections with phones; staff see nothing (audited); the sender sees all', async () => {
    const { sent } = await draftAndSend(IT);
    if (!sent.ok) throw new Error();
    const id = sent.broadcast.id;
    await deliverAll(id);
    clock.advanceMinutes(2);
    await answerBroadcast(db, clock, {
      actorId: STAFF,
      broadcastId: id,
      answer: { kind: 'choice', index: 0 },
    });
    const all = await broadcastResults(db, clock, { viewerId: IT, broadcastId: id, via: 'test' });
    expect(all.ok && all.rollup.total).toMatchObject({ targeted: 34, delivered: 34, answered: 1 });
    const mine = await broadcastResults(db, clock, { viewerId: OFFICER210, broadcastId: id, via: 'test' });
    if (!mine.ok) throw new Error();
    expect(new Set(mine.recipients.map((r) => r.sectionCode))).toEqual(new Set(['210']));
    expect(mine.nonResponders.map((n) => n.person.id).sort()).toEqual(['E1002', 'E1003', 'E1010', 'E1011']);
    expect(mine.nonResponders.find((n) => n.person.id === 'E1003')?.person.phone).toBe('06-6630-3112');
    expect(await broadcastResults(db, clock, { viewerId: STAFF, broadcastId: id, via: 'test' })).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
    expect(
      (await new AuditRepo(db).list(id))
        .filter((e) => e.event === 'broadcast.results_denied')
        .map((e) => e.actor),
    ).toEqual([STAFF]);
  });

  it('the reminder fires once after the configured time: non-responders get a new post, officers are told', async () => {
    const { sent } = await draftAndSend(IT, {
      audience: { kind: 'sections', sectionCodes: ['210'], includeSubsections: false, officersOnly: false },
      purpose: 'general',
    });
    if (!sent.ok) throw new Error(sent.reason);
    const id = sent.broadcast.id;
    await deliverAll(id);
    await answerBroadcast(db, clock, {
      actorId: STAFF,
      broadcastId: id,
      answer: { kind: 'choice', index: 0 },
    });
    clock.advanceMinutes(29);
    expect(await fireDueTimers(db, clock, createLogger('silent'))).toBe(0);
    clock.advanceMinutes(1);
    expect(await fireDueTimers(db, clock, createLogger('silent'))).toBe(1);
    expect(await fireDueTimers(db, clock, createLogger('silent'))).toBe(0);
    const items = await new OutboxRepo(db).byBroadcast(id);
    const reminders = items.filter((i) => i.message.type === 'broadcast' && i.message.reminder === 1);
    expect(reminders).toHaveLength(4); // 5 in 総務課, 1 answered
    expect(reminders.map((r) => r.dedupeKey)).not.toContain(`bc:${id}:${STAFF}:r1`);
    expect(items.filter((i) => i.message.type === 'broadcast.notice').map((i) => i.toAad)).toEqual([
      '00000000-0000-4000-8000-000000000002',
    ]);
    // On demand, right after: the cooldown keeps people from being chased twice in a row.
    const now = await remindNow(db, clock, { actorId: IT, broadcastId: id });
    expect(now).toMatchObject({ ok: true, reminded: 0 });
    clock.advanceMinutes(3);
    expect(await remindNow(db, clock, { actorId: IT, broadcastId: id })).toMatchObject({
      ok: true,
      reminded: 4,
    });
    expect(await remindNow(db, clock, { actorId: STAFF, broadcastId: id })).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
    // The second automatic reminder is scheduled.
    const timers = await new TimerRepo(db).due('2100-01-01T00:00:00Z', 10);
    expect(timers.map((t) => t.payload)).toEqual([{ broadcastId: id, n: 2 }]);
    expect(
      await db.transaction((tx) => fireBroadcastReminder(tx, clock, { broadcastId: 'BC-2026-0404', n: 1 })),
    ).toBe(false);
  });

  it('status card updates are throttled into one per bucket, due at its end', async () => {
    const { sent } = await draftAndSend(IT);
    if (!sent.ok) throw new Error();
    const id = sent.broadcast.id;
    await deliverAll(id); // includes the status card
    for (const p of [STAFF, 'E1010', 'E1011'])
      await answerBroadcast(db, clock, { actorId: p, broadcastId: id, answer: { kind: 'choice', index: 0 } });
    const ups = (await new OutboxRepo(db).byBroadcast(id)).filter(
      (i) => i.message.type === 'broadcast.status.update',
    );
    expect(ups).toHaveLength(1);
    const bucketEnd = (Math.floor(clock.now().getTime() / STATUS_THROTTLE_MS) + 1) * STATUS_THROTTLE_MS;
    expect(ups[0]?.nextAttemptAt).toBe(new Date(bucketEnd).toISOString());
  });
});
