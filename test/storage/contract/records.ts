// Contracts with contractors, guidance records and webhook deliveries.
import { describe, expect, it } from 'vitest';
import { ContractRepo, type Contract } from '../../../src/storage/contract-repo';
import { GuidanceRepo } from '../../../src/storage/guidance-repo';
import { WebhookRepo } from '../../../src/storage/webhook-repo';
import { AT as at, JA, plus, type WithDb } from './harness';

const contract = (id: string, over: Partial<Contract> = {}) => ({
  id,
  sectionCode: '210',
  contractor: '株式会社サンプル',
  work: JA,
  systems: '焼却炉制御',
  endDate: '2026-12-31',
  workerIds: 'K001, K002',
  registeredBy: 'E2',
  registeredAt: at,
  ...over,
});

export function recordsContract(withDb: WithDb): void {
  describe('ContractRepo', () => {
    it('numbers contracts, gives one back as registered and ends it once from the version seen', () =>
      withDb(async (db) => {
        const repo = new ContractRepo(db);
        expect(await repo.nextId(2026)).toBe('CTR-2026-0001');
        expect(await repo.nextId(2026)).toBe('CTR-2026-0002');
        await repo.insert(contract('CTR-2026-0001'));
        expect(await repo.get('CTR-2026-0001')).toEqual({
          ...contract('CTR-2026-0001'),
          status: 'active',
          endedAt: null,
          dutyId: null,
          updatedAt: at,
          version: 1,
        });
        const ended = await Promise.all([
          repo.markEnded('CTR-2026-0001', 1, plus(1), 'DTY-2026-0001'),
          repo.markEnded('CTR-2026-0001', 1, plus(1), 'DTY-2026-0002', '2026-12-01'),
        ]);
        expect(ended.sort()).toEqual([false, true]);
        const after = await repo.get('CTR-2026-0001');
        expect(after).toMatchObject({ status: 'ended', endedAt: plus(1), version: 2 });
        // Whichever won wrote all of its change, the end date it brought included.
        expect([
          ['2026-12-31', 'DTY-2026-0001'],
          ['2026-12-01', 'DTY-2026-0002'],
        ]).toContainEqual([after?.endDate, after?.dutyId]);
        expect(await repo.markEnded('CTR-2026-0001', 2, plus(2), null)).toBe(false);
        expect(await repo.get('CTR-2026-0009')).toBeUndefined();
      }));

    it('lists active contracts by end date before ended ones, and the active ones already past their end', () =>
      withDb(async (db) => {
        const repo = new ContractRepo(db);
        await repo.insert(contract('C3', { endDate: '2026-11-30' }));
        await repo.insert(contract('C1', { endDate: '2027-03-31' }));
        await repo.insert(contract('C2', { endDate: '2026-11-30' }));
        await repo.insert(contract('C4', { endDate: '2026-10-31' }));
        await repo.insert(contract('C5', { endDate: '2026-01-31', sectionCode: '220' }));
        expect(await repo.markEnded('C4', 1, at, null)).toBe(true);
        expect((await repo.listBySections(['210'])).map((c) => c.id)).toEqual(['C2', 'C3', 'C1', 'C4']);
        expect((await repo.listBySections(['210', '220'])).map((c) => c.id)).toEqual([
          'C5',
          'C2',
          'C3',
          'C1',
          'C4',
        ]);
        expect(await repo.listBySections([])).toEqual([]);
        expect((await repo.listEndedBefore('2026-12-01')).map((c) => c.id)).toEqual(['C5', 'C2', 'C3']);
        expect((await repo.listEndedBefore('2026-11-30')).map((c) => c.id)).toEqual(['C5']);
      }));

    it('keeps one contract draft per person', () =>
      withDb(async (db) => {
        const repo = new ContractRepo(db);
        await repo.saveDraft({ personId: 'E2', answers: { work: JA }, errors: {}, updatedAt: at });
        await repo.saveDraft({ personId: 'E2', answers: { work: 'x' }, errors: {}, updatedAt: plus(1) });
        expect(await repo.getDraft('E2')).toEqual({
          personId: 'E2',
          answers: { work: 'x' },
          errors: {},
          createdAt: at,
          updatedAt: plus(1),
        });
        expect(await repo.deleteDraft('E2')).toBe(true);
        expect(await repo.deleteDraft('E2')).toBe(false);
        expect(await repo.getDraft('E2')).toBeUndefined();
      }));
  });

  describe('GuidanceRepo', () => {
    it('records guidance with numeric ids, decides it once, and lists newest first within scope', () =>
      withDb(async (db) => {
        const repo = new GuidanceRepo(db);
        const g = (sectionCode: string, memberId: string, m: number) => ({
          sectionCode,
          memberId,
          officerId: 'E2',
          rule: '12(1)',
          guidance: JA,
          improveBy: '2026-12-15',
          at: plus(m),
        });
        const a = await repo.insert(g('210', 'E5', 1));
        const b = await repo.insert(g('210', 'E6', 2));
        const c = await repo.insert(g('220', 'E5', 3));
        expect([typeof a, b > a, c > b]).toEqual(['number', true, true]);
        expect(await repo.get(a)).toEqual({
          id: a,
          sectionCode: '210',
          memberId: 'E5',
          officerId: 'E2',
          rule: '12(1)',
          guidance: JA,
          improveBy: '2026-12-15',
          status: 'guided',
          suspension: null,
          decidedBy: null,
          createdAt: plus(1),
          version: 1,
        });
        const d = {
          status: 'suspended' as const,
          by: 'E1',
          at: plus(4),
          suspension: { kind: 'suspend' as const, systems: '財務', from: '2026-12-16' },
        };
        const won = await Promise.all([
          repo.decide(a, 1, d),
          repo.decide(a, 1, { status: 'improved', by: 'E2', at: plus(4) }),
        ]);
        expect(won.sort()).toEqual([false, true]);
        const decided = await repo.get(a);
        expect(decided?.version).toBe(2);
        if (decided?.status === 'suspended')
          expect(decided.suspension).toEqual({
            kind: 'suspend',
            systems: '財務',
            from: '2026-12-16',
            by: 'E1',
          });
        else expect(decided).toMatchObject({ status: 'improved', suspension: null, decidedBy: 'E2' });
        expect(await repo.decide(a, 2, { status: 'improved', by: 'E2', at: plus(5) })).toBe(false);
        const ids = async (f: Parameters<GuidanceRepo['list']>[0], limit?: number) =>
          (await repo.list(f, limit)).map((r) => r.id);
        expect(await ids({ sections: null })).toEqual([c, b, a]);
        expect(await ids({ sections: null }, 2)).toEqual([c, b]);
        expect(await ids({ sections: ['210'] })).toEqual([b, a]);
        expect(await ids({ sections: ['210'], memberId: 'E5' })).toEqual([c, b, a]);
        expect(await ids({ sections: [], memberId: 'E5' })).toEqual([c, a]);
        expect(await ids({ sections: [] })).toEqual([]);
        expect(await repo.get(c + 100)).toBeUndefined();
      }));
  });

  describe('WebhookRepo', () => {
    it('enqueues once per dedupe key, keeps the body byte for byte, and lets one worker claim a delivery', () =>
      withDb(async (db) => {
        const repo = new WebhookRepo(db);
        const body = JSON.stringify({ text: JA, n: 1 });
        const e = {
          dedupeKey: 'w1',
          hook: 'soc',
          caseId: 'INC-1',
          event: 'case.submitted',
          payloadJson: body,
          at,
        };
        expect(await repo.enqueue(e)).toBe(true);
        expect(await repo.enqueue(e)).toBe(false);
        const [d] = await repo.due(at, 10);
        expect(d).toMatchObject({
          dedupeKey: 'w1',
          payloadJson: body,
          status: 'pending',
          attempts: 0,
          lastStatus: null,
        });
        expect(await repo.nextDueAt()).toBe(at);
        const claims = await Promise.all([
          repo.claim(d!.id, at, plus(1), 'h'),
          repo.claim(d!.id, at, plus(1), 'h2'),
        ]);
        expect(claims.sort()).toEqual([false, true]);
        expect(await repo.get(d!.id)).toMatchObject({ attempts: 1, nextAttemptAt: plus(1) });
        expect(await repo.due(at, 10)).toEqual([]);
        await repo.markRetry(d!.id, plus(5), 'e'.repeat(900), 503);
        expect(await repo.get(d!.id)).toMatchObject({ lastStatus: 503, nextAttemptAt: plus(5) });
        expect((await repo.get(d!.id))?.lastError).toHaveLength(500);
        await repo.claim(d!.id, plus(5), plus(6), 'h');
        await repo.markDelivered(d!.id, plus(6), 204);
        expect(await repo.get(d!.id)).toMatchObject({
          status: 'delivered',
          deliveredAt: plus(6),
          lastError: null,
          attempts: 2,
        });
        await repo.markFailed(d!.id, 'late', 500);
        expect((await repo.get(d!.id))?.status).toBe('delivered');
        expect(await repo.nextDueAt()).toBeUndefined();
      }));

    it('orders due deliveries by time, recovers only its own claims, and fails a delivery for good', () =>
      withDb(async (db) => {
        const repo = new WebhookRepo(db);
        for (const [k, m] of [
          ['b', 2],
          ['a', 1],
          ['c', 3],
        ] as const)
          await repo.enqueue({
            dedupeKey: k,
            hook: 'soc',
            caseId: k === 'c' ? null : 'INC-1',
            event: 'x',
            payloadJson: '{}',
            at: plus(m),
          });
        expect((await repo.due(plus(3), 10)).map((d) => d.dedupeKey)).toEqual(['a', 'b', 'c']);
        const [a, b, c] = await repo.due(plus(3), 10);
        await repo.claim(a!.id, a!.nextAttemptAt, plus(10), 'host-a');
        await repo.claim(b!.id, b!.nextAttemptAt, plus(10), 'host-b');
        expect(await repo.recoverClaims('host-a', plus(4))).toBe(1);
        expect(await repo.get(a!.id)).toMatchObject({ nextAttemptAt: plus(4), attempts: 1 });
        expect(await repo.get(b!.id)).toMatchObject({ nextAttemptAt: plus(10) });
        await repo.markFailed(c!.id, '410 gone', 410);
        expect(await repo.get(c!.id)).toMatchObject({ status: 'failed', lastStatus: 410 });
        expect((await repo.byCase('INC-1')).map((d) => d.dedupeKey)).toEqual(['b', 'a']);
        expect((await repo.all()).map((d) => d.dedupeKey)).toEqual(['b', 'a', 'c']);
      }));
  });
}
