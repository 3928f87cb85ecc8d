import { describe, expect, it } from 'vitest';
import { AuditRepo } from '../../../src/storage/audit-repo';
import { BroadcastRepo, type BroadcastContent } from '../../../src/storage/broadcast-repo';
import { OutboxRepo, PRIORITY } from '../../../src/storage/outbox-repo';
import type { SqlClient } from '../../../src/storage/sql';
import { TimerRepo } from '../../../src/storage/timer-repo';
import { AT as at, JA, plus, type WithDb } from './harness';

export const content = (over: Partial<BroadcastContent> = {}): BroadcastContent => ({
  purpose: 'contact_tree',
  mode: 'drill',
  severity: 'important',
  title: '訓練',
  body: JA,
  audience: { kind: 'sections', sectionCodes: ['210', '220'], includeSubsections: true, officersOnly: false },
  answer: {
    kind: 'choice',
    choices: [{ label: '無事' }, { label: '被害あり' }],
  } as BroadcastContent['answer'],
  instructedBy: null,
  remindAfterMinutes: null,
  caseId: null,
  ...over,
});

async function sent(sql: SqlClient, id: string, sentAt: string): Promise<void> {
  const repo = new BroadcastRepo(sql);
  await repo.insertDraft(id, 'E4', content(), sentAt);
  expect(await repo.setStatus(id, 1, 'sent', sentAt, { sentAt })).toBe(true);
}

export function broadcastContract(withDb: WithDb): void {
  describe('BroadcastRepo', () => {
    it('numbers broadcasts per year and gives a draft back as composed, NULLs and numbers included', () =>
      withDb(async (db) => {
        const repo = new BroadcastRepo(db);
        expect(await repo.nextId(2026)).toBe('BC-2026-0001');
        expect(await repo.nextId(2026)).toBe('BC-2026-0002');
        expect(await repo.nextId(2027)).toBe('BC-2027-0001');
        const c = content({
          remindAfterMinutes: 90,
          instructedBy: 'E1',
          caseId: 'INC-2026-0001',
          parentId: 'BC-2026-0009',
        });
        await repo.insertDraft('BC-2026-0001', 'E4', c, at);
        expect(await repo.get('BC-2026-0001')).toEqual({
          ...c,
          id: 'BC-2026-0001',
          status: 'draft',
          createdBy: 'E4',
          createdAt: at,
          updatedAt: at,
          sentAt: null,
          recalledAt: null,
          recalledBy: null,
          revision: 1,
          correctedAt: null,
          version: 1,
        });
        await repo.insertDraft('BC-2026-0002', 'E4', content(), at);
        expect(await repo.get('BC-2026-0002')).toMatchObject({
          remindAfterMinutes: null,
          parentId: null,
          caseId: null,
        });
        expect(await repo.get('BC-2026-0003')).toBeUndefined();
      }));

    it('changes a broadcast only from the version seen: draft edits, send, correction, recall', () =>
      withDb(async (db) => {
        const repo = new BroadcastRepo(db);
        await repo.insertDraft('BC-1', 'E4', content(), at);
        const edits = await Promise.all([
          repo.updateDraft('BC-1', 1, content({ title: 'A' }), plus(1)),
          repo.updateDraft('BC-1', 1, content({ title: 'B' }), plus(1)),
        ]);
        expect(edits.sort()).toEqual([false, true]);
        expect(await repo.setStatus('BC-1', 1, 'sent', plus(2), { sentAt: plus(2) })).toBe(false);
        expect(await repo.setStatus('BC-1', 2, 'sent', plus(2), { sentAt: plus(2) })).toBe(true);
        expect(await repo.updateDraft('BC-1', 3, content(), plus(3))).toBe(false);
        expect(await repo.correct('BC-1', 3, '訂正', JA, plus(3))).toBe(true);
        expect(await repo.correct('BC-1', 3, 'again', JA, plus(3))).toBe(false);
        expect(await repo.setStatus('BC-1', 4, 'recalled', plus(4), { recalledBy: 'E1' })).toBe(true);
        expect(await repo.get('BC-1')).toMatchObject({
          status: 'recalled',
          title: '訂正',
          revision: 2,
          correctedAt: plus(3),
          sentAt: plus(2),
          recalledAt: plus(4),
          recalledBy: 'E1',
          version: 5,
        });
        expect(await repo.correct('BC-1', 5, 'x', 'x', plus(5))).toBe(false);
      }));

    it('lists by case and parent oldest first, the latest draft of a sender, and recent sent ones newest first', () =>
      withDb(async (db) => {
        const repo = new BroadcastRepo(db);
        await repo.insertDraft('BC-3', 'E4', content({ caseId: 'INC-1' }), plus(2));
        await repo.insertDraft('BC-1', 'E4', content({ caseId: 'INC-1', parentId: 'BC-9' }), plus(1));
        await repo.insertDraft('BC-2', 'E4', content({ caseId: 'INC-1', parentId: 'BC-9' }), plus(1));
        await repo.insertDraft('BC-4', 'E5', content(), plus(3));
        expect((await repo.byCase('INC-1')).map((b) => b.id)).toEqual(['BC-1', 'BC-2', 'BC-3']);
        expect((await repo.children('BC-9')).map((b) => b.id)).toEqual(['BC-1', 'BC-2']);
        expect((await repo.latestDraftBy('E4'))?.id).toBe('BC-3');
        await repo.updateDraft('BC-1', 1, content({ caseId: 'INC-1' }), plus(9));
        expect((await repo.latestDraftBy('E4'))?.id).toBe('BC-1');
        expect(await repo.latestDraftBy('E9')).toBeUndefined();
        await sent(db, 'BC-5', plus(5));
        await sent(db, 'BC-6', plus(7));
        await sent(db, 'BC-7', plus(6));
        expect((await repo.recent(2)).map((b) => b.id)).toEqual(['BC-6', 'BC-7']);
      }));

    it('keeps recipients once, joins the state of their copy, and records first and latest answers', () =>
      withDb(async (db) => {
        const repo = new BroadcastRepo(db);
        const outbox = new OutboxRepo(db);
        await sent(db, 'BC-1', at);
        const copy = async (personId: string) =>
          outbox.enqueueReturningId({
            dedupeKey: `bc:BC-1:${personId}`,
            toAad: `aad-${personId}`,
            priority: PRIORITY.high,
            message: { type: 'broadcast', broadcastId: 'BC-1', personId },
            broadcastId: 'BC-1',
            at,
          });
        for (const [personId, section] of [
          ['E3', '220'],
          ['E2', '210'],
          ['E1', '210'],
          ['E9', '220'],
        ] as const)
          await repo.addRecipient({
            broadcastId: 'BC-1',
            personId,
            aadObjectId: `AAD-${personId}`,
            sectionCode: section,
            outboxId: personId === 'E9' ? null : ((await copy(personId)) ?? null),
          });
        await repo.addRecipient({
          broadcastId: 'BC-1',
          personId: 'E1',
          aadObjectId: 'x',
          sectionCode: '999',
          outboxId: null,
        });
        const e1 = await outbox.byDedupeKey('bc:BC-1:E1');
        await outbox.claim(e1!.id, e1!.nextAttemptAt, plus(1), 'h');
        await outbox.markSent(e1!.id, plus(1), 'act', 'conv');
        const e3 = await outbox.byDedupeKey('bc:BC-1:E3');
        await outbox.markDead(e3!.id, '404');
        const statuses = await repo.recipientStatuses('BC-1');
        expect(statuses.map((s) => [s.sectionCode, s.personId, s.delivery])).toEqual([
          ['210', 'E1', 'delivered'],
          ['210', 'E2', 'pending'],
          ['220', 'E3', 'failed'],
          ['220', 'E9', 'pending'],
        ]);
        expect(statuses[0]).toMatchObject({ aadObjectId: 'aad-e1', deliveredAt: plus(1), reminders: 0 });
        expect(await repo.recordAnswer('BC-1', 'E1', '無事', plus(2))).toBe(true);
        expect(await repo.recordAnswer('BC-1', 'E1', '被害あり', plus(3))).toBe(true);
        expect(await repo.recordAnswer('BC-1', 'E7', '無事', plus(3))).toBe(false);
        expect(await repo.recipient('BC-1', 'E1')).toMatchObject({
          firstAnswer: '無事',
          firstAnsweredAt: plus(2),
          latestAnswer: '被害あり',
          latestAnsweredAt: plus(3),
        });
        expect((await repo.answers('BC-1')).map((a) => [a.personId, a.answer, a.at])).toEqual([
          ['E1', '無事', plus(2)],
          ['E1', '被害あり', plus(3)],
        ]);
        expect(await repo.recipient('BC-1', 'E7')).toBeUndefined();
      }));

    it('finds posted status cards, and sums reminders from recipients, the audit trail and timers', () =>
      withDb(async (db) => {
        const repo = new BroadcastRepo(db);
        const outbox = new OutboxRepo(db);
        await sent(db, 'BC-1', at);
        expect(await repo.reminderSummary('BC-1')).toEqual({
          messages: 0,
          people: 0,
          lastAt: null,
          autoRounds: 0,
          manualRounds: 0,
          nextAutoAt: null,
        });
        for (const p of ['E1', 'E2']) {
          await outbox.enqueue({
            dedupeKey: `st:${p}`,
            toAad: `aad-${p}`,
            priority: PRIORITY.normal,
            message: { type: 'broadcast.status', broadcastId: 'BC-1', personId: p },
            broadcastId: 'BC-1',
            at,
          });
          await repo.addRecipient({
            broadcastId: 'BC-1',
            personId: p,
            aadObjectId: p,
            sectionCode: '210',
            outboxId: null,
          });
        }
        const st = await outbox.byDedupeKey('st:E2');
        await outbox.markSent(st!.id, plus(1), 'act-2', 'conv-2');
        expect(await repo.postedStatusCards('BC-1')).toEqual([
          {
            outboxId: st!.id,
            toAad: 'aad-e2',
            priority: PRIORITY.normal,
            personId: 'E2',
            activityId: 'act-2',
            conversationId: 'conv-2',
          },
        ]);
        await repo.markReminded('BC-1', ['E1', 'E2'], plus(5));
        await repo.markReminded('BC-1', ['E1'], plus(6));
        const audit = new AuditRepo(db);
        await audit.append({ at: plus(5), actor: 'scheduler', event: 'broadcast.reminded', subject: 'BC-1' });
        await audit.append({ at: plus(6), actor: 'E4', event: 'broadcast.reminded', subject: 'BC-1' });
        await audit.append({ at: plus(6), actor: 'E4', event: 'broadcast.reminded', subject: 'BC-2' });
        const timers = new TimerRepo(db);
        for (const [k, m] of [
          ['bcr:BC-1:2', 90],
          ['bcr:BC-1:1', 60],
          ['bcr:BC-10:1', 30],
        ] as const)
          await timers.schedule({
            dedupeKey: k,
            caseId: null,
            kind: 'broadcast_reminder',
            dueAt: plus(m),
            payload: {},
            at,
          });
        expect(await repo.reminderSummary('BC-1')).toEqual({
          messages: 3,
          people: 2,
          lastAt: plus(6),
          autoRounds: 1,
          manualRounds: 1,
          nextAutoAt: plus(60),
        });
      }));
  });
}
