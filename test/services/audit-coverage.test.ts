// Every state change of the main use cases writes its audit event in the same transaction: who
// (actor), what (event, subject), when, before/after where it matters, and the article it applies.
// Driven through the real HTTP host (turns and card clicks) and the services, on a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationList, isCitation } from '../../src/domain/articles';
import {
  answerBroadcast,
  correctBroadcast,
  saveBroadcastDraft,
  sendBroadcast,
} from '../../src/services/broadcast-service';
import { createBroadcastExportLink } from '../../src/services/broadcast-export-links';
import { exportBroadcastResults } from '../../src/services/broadcast-export';
import { exportForCli } from '../../src/services/directory-export-links';
import { confirmReturn } from '../../src/services/reminder-service';
import { AuditRepo, type AuditEvent } from '../../src/storage/audit-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { VALID } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase, submitValue } from '../helpers/forms';

const clock = new ManualClock(); // 2026-04-10 12:00 JST
let h: BotHarness;
beforeAll(async () => {
  h = await BotHarness.start({ clock });
  for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
});
afterAll(async () => h.stop());

const audit = () => new AuditRepo(h.bot.db);
const person = async (id: string) => (await new DirectoryRepo(h.bot.db).personById(id))!;

/** The newest row of `event` about `subject`, checked for actor, time and a known article. */
async function lastEvent(event: string, subject: string, actor: string): Promise<AuditEvent> {
  const rows = (await audit().list(subject)).filter((e) => e.event === event);
  const row = rows.at(-1);
  expect(row, `${event} on ${subject}`).toBeDefined();
  expect(row!.actor).toBe(actor);
  expect(row!.at).toBe(clock.now().toISOString());
  expect(row!.article, `${event} has an article`).toBeDefined();
  const cited = citationList(row!.article!);
  expect(cited.length).toBeGreaterThan(0);
  expect(cited.every(isCitation)).toBe(true);
  return row!;
}

describe('audit coverage of the main use cases', () => {
  it('directory imported at start-up', async () => {
    const row = await lastEvent('directory.imported', 'directory', 'system');
    expect(row.data).toMatchObject({ people: expect.any(Number) });
  });

  it('draft kept, draft discarded', async () => {
    await h.say(DEMO.staff, submitValue('takeout', VALID.takeout));
    const saved = await lastEvent('draft.saved', 'E1001', 'E1001');
    expect(saved.article).toEqual(expect.arrayContaining(['10(4)⑥']));
    expect(JSON.stringify(saved.data)).not.toContain('住民説明会');
    await h.say(DEMO.staff, { verb: 'draft.discard', kind: 'takeout' });
    expect((await lastEvent('draft.discarded', 'E1001', 'E1001')).data).toEqual({ kind: 'takeout' });
  });

  it('case created, decided (before/after), take-out returned, case withdrawn', async () => {
    const id = await fileCase(h, DEMO.staff, 'takeout');
    await lastEvent('case.submitted', id, 'E1001');
    await h.execute(DEMO.officer, 'case.approve', { caseId: id });
    const decided = await lastEvent('case.approved', id, 'E1002');
    expect(decided.data).toMatchObject({
      from: { status: 'submitted', assigneeId: 'E1002' },
      to: { status: 'approved' },
    });
    expect((await confirmReturn(h.bot.db, clock, id, await person('E1001'))).ok).toBe(true);
    expect((await lastEvent('takeout.returned', id, 'E1001')).article).toBe('10(4)⑥');

    const other = await fileCase(h, DEMO.staff, 'takeout');
    await h.say(DEMO.staff, { verb: 'case.cancel', caseId: other });
    const cancelled = await lastEvent('case.cancelled', other, 'E1001');
    expect(cancelled.data).toEqual({ from: 'submitted', to: 'cancelled' });
  });

  it('field recorded with what it said before and after', async () => {
    const id = await fileCase(h, DEMO.staff, 'lost_ic_card');
    await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
    await h.execute(DEMO.officer, 'case.record', { caseId: id, record_access_stopped: '09:20 停止' });
    await h.execute(DEMO.officer, 'case.record', { caseId: id, record_access_stopped: '09:25 停止（訂正）' });
    const rows = (await audit().list(id)).filter((e) => e.event === 'case.recorded');
    expect(rows.map((r) => r.data?.records)).toEqual([
      { access_stopped: { before: null, after: '09:20 停止' } },
      { access_stopped: { before: '09:20 停止', after: '09:25 停止（訂正）' } },
    ]);
    await lastEvent('case.recorded', id, 'E1002');
  });

  it('escalation by the scheduler', async () => {
    const id = await fileCase(h, DEMO.staff, 'lost_ic_card');
    clock.advanceMinutes(16);
    await h.bot.scheduler.tick();
    const row = await lastEvent('case.escalated', id, 'scheduler');
    expect(row.data).toMatchObject({ level: 1, to: ['E1003'] });
  });

  it('delegation: absence set and cleared', async () => {
    await h.say(DEMO.officer, { verb: 'absence.set', from: '2026-04-10', to: '2026-04-12' });
    await lastEvent('absence.set', 'E1002', 'E1002');
    await h.say(DEMO.officer, { verb: 'absence.clear' });
    expect((await lastEvent('absence.cleared', 'E1002', 'E1002')).data).toEqual({ cleared: 1 });
  });

  it('broadcast drafted, sent, answered, corrected; results exported and their link made', async () => {
    const d = await saveBroadcastDraft(h.bot.db, clock, {
      actorId: 'E1006',
      content: {
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
      },
    });
    if (!d.ok) throw new Error(d.reason);
    const id = d.broadcast.id;
    await lastEvent('broadcast.draft_saved', id, 'E1006');
    expect(
      (
        await sendBroadcast(h.bot.db, clock, {
          actorId: 'E1006',
          broadcastId: id,
          version: d.broadcast.version,
        })
      ).ok,
    ).toBe(true);
    await lastEvent('broadcast.sent', id, 'E1006');
    await answerBroadcast(h.bot.db, clock, { actorId: 'E1001', broadcastId: id, answer: { kind: 'ack' } });
    expect((await lastEvent('broadcast.answered', id, 'E1001')).data).toMatchObject({
      first: true,
      previous: null,
    });
    const sent = await h.bot.db.one<{ version: number }>('SELECT version FROM broadcasts WHERE id = ?', [id]);
    await correctBroadcast(h.bot.db, clock, {
      actorId: 'E1006',
      broadcastId: id,
      version: Number(sent?.version),
      title: '不審メールに注意（訂正）',
      body: '添付ファイルを開かず削除してください。',
    });
    expect((await lastEvent('broadcast.corrected', id, 'E1006')).data).toMatchObject({
      before: { title: '不審メールに注意' },
      after: { title: '不審メールに注意（訂正）' },
    });
    await createBroadcastExportLink(h.bot.db, clock, { viewerId: 'E1006', broadcastId: id, format: 'csv' });
    expect((await lastEvent('broadcast.export_link_created', id, 'E1006')).data).toMatchObject({
      format: 'csv',
    });
    const file = await exportBroadcastResults(h.bot.db, clock, {
      viewerId: 'E1006',
      broadcastId: id,
      format: 'csv',
    });
    expect(file.ok).toBe(true);
    await lastEvent('broadcast.exported', id, 'E1006');
  });

  it('directory exported from the command line', async () => {
    expect(await exportForCli(h.bot.db, clock, 'directory_csv')).not.toBeNull();
    await lastEvent('directory.exported', 'directory', 'admin-cli');
  });

  it('refusals: who asked for what, and why', async () => {
    const id = await fileCase(h, DEMO.staff, 'takeout');
    await h.execute(DEMO.staff, 'case.approve', { caseId: id });
    const denied = (await audit().list(id)).filter((e) => e.event === 'case.action_denied').at(-1);
    expect(denied).toMatchObject({ actor: 'E1001', data: { action: 'case.approve' } });
    await h.say(DEMO.staff, '遵守状況');
    const month = (await audit().list('compliance:2026-04')).at(-1);
    expect(month).toMatchObject({ actor: 'E1001', event: 'compliance.summary_denied', article: '13(1)' });
  });
});

describe('a failed change leaves no audit row', () => {
  it('an export link that cannot be stored is not audited', async () => {
    const row = await h.bot.db.one<{ id: string }>("SELECT id FROM broadcasts WHERE status = 'sent' LIMIT 1");
    const before = (await audit().list(row!.id)).length;
    await h.bot.db.execute(
      "CREATE TRIGGER fail_link BEFORE INSERT ON directory_export_links BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    try {
      await expect(
        createBroadcastExportLink(h.bot.db, clock, {
          viewerId: 'E1006',
          broadcastId: row!.id,
          format: 'xlsx',
        }),
      ).rejects.toThrow(/boom/);
    } finally {
      await h.bot.db.execute('DROP TRIGGER fail_link');
    }
    expect((await audit().list(row!.id)).length).toBe(before);
  });

  it('a record that loses the race (stale version) writes no case.recorded row and changes nothing', async () => {
    const id = await fileCase(h, DEMO.staff, 'lost_ic_card');
    await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
    // Another writer bumps the version between the read and the write: simulated with a trigger
    // that refuses the update, as the compare-and-set would.
    await h.bot.db.execute(
      `CREATE TRIGGER fail_case BEFORE UPDATE ON cases WHEN OLD.id = '${id}' BEGIN SELECT RAISE(ABORT, 'boom'); END`,
    );
    try {
      await h.execute(DEMO.officer, 'case.record', { caseId: id, record_access_stopped: '10:00 停止' });
    } finally {
      await h.bot.db.execute('DROP TRIGGER fail_case');
    }
    expect((await audit().list(id)).map((e) => e.event)).toEqual(['case.submitted', 'case.acknowledged']);
    expect((await new CaseRepo(h.bot.db).get(id))?.state.records).toEqual({});
  });
});
