import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sectionHierarchy } from '../../src/domain/broadcast';
import type { Section } from '../../src/domain/directory';
import {
  queueStatusRefresh,
  remindNow,
  saveBroadcastDraft,
  sendBroadcast,
} from '../../src/services/broadcast-service';
import {
  broadcastStatusView,
  followsBroadcasts,
  listFollowedBroadcasts,
  recordPostedStatusCard,
} from '../../src/services/broadcast-status-service';
import { importDirectory } from '../../src/services/directory-service';
import { BroadcastRepo } from '../../src/storage/broadcast-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { ManualClock } from '../helpers/clock';
import { openTempDb } from '../helpers/db';

const DEMO_CSV = fs.readFileSync(path.resolve(__dirname, '../../infra/demo/directory.csv'), 'utf8');

const section = (code: string, parentCode: string | null): Section => ({
  code,
  name: code,
  parentCode,
  officerId: null,
  deputyId: null,
  superiorId: null,
});

describe('sectionHierarchy', () => {
  it('lists each section once, parents before children, depth first, siblings in directory order', () => {
    const sections = [
      section('310', '300'),
      section('100', null),
      section('300', '100'),
      section('200', '100'),
      section('210', '200'),
      section('900', 'missing'), // parent not in the list: top level, at the end of its turn
    ];
    expect(sectionHierarchy(sections)).toEqual([
      { code: '100', depth: 0 },
      { code: '300', depth: 1 },
      { code: '310', depth: 2 },
      { code: '200', depth: 1 },
      { code: '210', depth: 2 },
      { code: '900', depth: 0 },
    ]);
    // A cycle the CSV check refuses still lists everyone once.
    expect(sectionHierarchy([section('a', 'b'), section('b', 'a')]).map((s) => s.code)).toEqual(['a', 'b']);
  });
});

let db: SqliteDatabase;
let clock: ManualClock;
let id: string;
beforeEach(async () => {
  db = openTempDb();
  clock = new ManualClock();
  await importDirectory(db, DEMO_CSV, { source: 'demo', actor: 'system', clock });
  const d = await saveBroadcastDraft(db, clock, {
    actorId: 'E1006',
    content: {
      purpose: 'contact_tree',
      mode: 'drill',
      severity: 'notice',
      title: '訓練',
      body: '確認してください。',
      audience: {
        kind: 'sections',
        sectionCodes: ['210', '220'],
        includeSubsections: false,
        officersOnly: false,
      },
      answer: { kind: 'ack' },
      instructedBy: null,
      remindAfterMinutes: 15,
      caseId: null,
    },
  });
  if (!d.ok) throw new Error(d.reason);
  const s = await sendBroadcast(db, clock, { actorId: 'E1006', broadcastId: d.broadcast.id, version: 1 });
  if (!s.ok) throw new Error(s.reason);
  id = s.broadcast.id;
});
afterEach(async () => db.close());

describe('status cards and their updates', () => {
  it('two posted cards of one person are both updated (one row per card and bucket)', async () => {
    const officer = (await new DirectoryRepo(db).personById('E1002'))!;
    for (const activityId of ['act-1', 'act-2'])
      await recordPostedStatusCard(db, clock, {
        viewer: officer,
        broadcastId: id,
        activityId,
        conversationId: 'c',
      });
    expect(await db.transaction((tx) => queueStatusRefresh(tx, id, clock.now()))).toBe(2);
    // Within the same bucket nothing more.
    expect(await db.transaction((tx) => queueStatusRefresh(tx, id, clock.now()))).toBe(0);
    const updates = (await new OutboxRepo(db).byBroadcast(id)).filter(
      (i) => i.message.type === 'broadcast.status.update',
    );
    expect(
      updates.map((u) => (u.message.type === 'broadcast.status.update' ? u.message.activityId : '')),
    ).toEqual(['act-1', 'act-2']);
  });

  it('the view counts reminders (rounds from the audit log) and names the next automatic one', async () => {
    const outbox = new OutboxRepo(db);
    for (const i of await outbox.byBroadcast(id))
      if (i.message.type === 'broadcast')
        await outbox.markSent(i.id, clock.now().toISOString(), `a${i.id}`, 'c');
    expect((await remindNow(db, clock, { actorId: 'E1006', broadcastId: id })).ok).toBe(true);
    const v = await broadcastStatusView(db, clock, { viewerId: 'E1006', broadcastId: id, via: 'test' });
    if (!v.ok) throw new Error(v.reason);
    expect(v.reminders).toEqual({
      messages: 9,
      people: 9,
      lastAt: '2026-04-10T03:00:00.000Z',
      autoRounds: 0,
      manualRounds: 1,
      nextAutoAt: '2026-04-10T03:15:00.000Z',
    });
    expect([v.mayManage, v.mayRemind, v.senderName]).toEqual([true, true, '田中 美咲']);
    expect((await new BroadcastRepo(db).reminderSummary('BC-2026-0099')).messages).toBe(0);
  });
});

describe('「通知の状況」', () => {
  it('is for IT管理者, 統括, section officers and senders; a deputy is refused', async () => {
    const dir = new DirectoryRepo(db);
    const person = async (pid: string) => (await dir.personById(pid))!;
    expect(await followsBroadcasts(db, await person('E1012'))).toBe(true);
    expect(await followsBroadcasts(db, await person('E1005'))).toBe(true);
    expect(await followsBroadcasts(db, await person('E1003'))).toBe(false);
    const officer = await listFollowedBroadcasts(db, clock, await person('E1012'));
    if (!officer.ok) throw new Error(officer.reason);
    expect(officer.items.map((i) => [i.broadcast.id, i.scope, i.targeted, i.delivered, i.answered])).toEqual([
      [id, { kind: 'sections', sectionCodes: ['220'] }, 4, 0, 0],
    ]);
    // The officer of 施設部: it did not reach their sections, so it is not on their list.
    expect(await listFollowedBroadcasts(db, clock, await person('E1018'))).toEqual({ ok: true, items: [] });
    expect(await listFollowedBroadcasts(db, clock, await person('E1003'))).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
  });
});
