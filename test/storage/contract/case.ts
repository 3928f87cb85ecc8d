import { describe, expect, it } from 'vitest';
import { storedText } from '../../../src/i18n';
import { CaseRepo } from '../../../src/storage/case-repo';
import { AT, caseRecord, insertCase, JA, plus, UTC_ISO_TEXT, type WithDb } from './harness';

export function caseContract(withDb: WithDb): void {
  describe('CaseRepo', () => {
    it('hands out readable case ids in sequence per prefix and year, without gaps under concurrency', () =>
      withDb(async (db) => {
        const ids = await Promise.all(
          Array.from({ length: 20 }, () => db.transaction((tx) => new CaseRepo(tx).nextId('INC', 2026))),
        );
        expect(new Set(ids).size).toBe(20);
        expect([...ids].sort()).toEqual(
          Array.from({ length: 20 }, (_, i) => `INC-2026-${String(i + 1).padStart(4, '0')}`),
        );
        expect(await db.transaction((tx) => new CaseRepo(tx).nextId('REQ', 2026))).toBe('REQ-2026-0001');
        expect(await db.transaction((tx) => new CaseRepo(tx).nextId('INC', 2027))).toBe('INC-2027-0001');
      }));

    it('gives a case back as inserted: Japanese text, JSON, NULLs, numbers as numbers, origin', () =>
      withDb(async (db) => {
        const repo = new CaseRepo(db);
        const c = caseRecord({
          id: 'INC-2026-0001',
          kind: 'device_lost',
          category: 'incident',
          severity: 'critical',
          form: { value: { place: JA, count: 3, lost: true, none: null } },
          evaluation: { duties: ['12(5)①'] },
          ackDueAt: plus(15),
          state: { stage: 'ack' },
          origin: { broadcastId: 'BC-2026-0001' },
        });
        await repo.insert(c);
        await insertCase(db, { id: 'REQ-2026-0001' });
        const got = await repo.get('INC-2026-0001');
        expect(got).toEqual({ ...c, version: 1, escalationLevel: 0 });
        expect(typeof got?.version).toBe('number');
        expect(typeof got?.escalationLevel).toBe('number');
        expect(got?.createdAt).toMatch(UTC_ISO_TEXT);
        const plain = await repo.get('REQ-2026-0001');
        expect(plain).toMatchObject({ assigneeId: null, ackDueAt: null, origin: null });
        expect(await repo.get('REQ-2026-9999')).toBeUndefined();
        await expect(repo.insert(caseRecord({ id: 'REQ-2026-0001' }))).rejects.toThrow();
      }));

    it('lets exactly one of two concurrent updates of the same case version win', () =>
      withDb(async (db) => {
        await insertCase(db, { id: 'REQ-2026-0001', assigneeId: 'E2' });
        const patch = (status: 'approved' | 'rejected') => ({
          status,
          assigneeId: null,
          state: { decidedBy: status },
          escalationLevel: 2,
          ackDueAt: null,
          at: plus(1),
        });
        const results = await Promise.all([
          db.transaction((tx) => new CaseRepo(tx).update('REQ-2026-0001', 1, patch('approved'))),
          db.transaction((tx) => new CaseRepo(tx).update('REQ-2026-0001', 1, patch('rejected'))),
        ]);
        expect(results.sort()).toEqual([false, true]);
        const after = await new CaseRepo(db).get('REQ-2026-0001');
        expect(after).toMatchObject({ version: 2, assigneeId: null, escalationLevel: 2, updatedAt: plus(1) });
        expect(after?.state).toEqual({ decidedBy: after?.status });
        // A stale version loses, a missing case too.
        expect(await new CaseRepo(db).setStatus('REQ-2026-0001', 1, 'closed', plus(2))).toBe(false);
        expect(await new CaseRepo(db).setStatus('REQ-2026-0001', 2, 'closed', plus(2))).toBe(true);
        expect(await new CaseRepo(db).setStatus('REQ-2026-0002', 1, 'closed', plus(2))).toBe(false);
        expect(await new CaseRepo(db).get('REQ-2026-0001')).toMatchObject({ status: 'closed', version: 3 });
      }));

    it("lists a reporter's cases newest first (id breaks ties) and open cases oldest first", () =>
      withDb(async (db) => {
        await insertCase(db, { id: 'REQ-2026-0001', createdAt: plus(0) });
        await insertCase(db, { id: 'REQ-2026-0003', createdAt: plus(5) });
        await insertCase(db, { id: 'REQ-2026-0002', createdAt: plus(5), status: 'approved' });
        await insertCase(db, { id: 'REQ-2026-0004', createdAt: plus(9), reporterId: 'E2' });
        await insertCase(db, { id: 'REQ-2026-0005', createdAt: plus(1), status: 'endorsed' });
        const repo = new CaseRepo(db);
        expect((await repo.listByReporter('E1')).map((c) => c.id)).toEqual([
          'REQ-2026-0003',
          'REQ-2026-0002',
          'REQ-2026-0005',
          'REQ-2026-0001',
        ]);
        expect((await repo.listByReporter('E1', 2)).map((c) => c.id)).toEqual([
          'REQ-2026-0003',
          'REQ-2026-0002',
        ]);
        expect((await repo.listOpen()).map((c) => c.id)).toEqual([
          'REQ-2026-0001',
          'REQ-2026-0005',
          'REQ-2026-0003',
          'REQ-2026-0004',
        ]);
      }));

    it('keeps recipients once each, in the order they were added, with their reasons', () =>
      withDb(async (db) => {
        await insertCase(db, { id: 'INC-2026-0001' });
        const repo = new CaseRepo(db);
        const reasons = [{ text: storedText({ ja: JA, en: 'officer' }), article: '12(5)①' as const }];
        for (const personId of ['E9', 'E10', 'E2']) {
          await repo.addRecipient({ caseId: 'INC-2026-0001', personId, role: 'section_officer', reasons });
        }
        await repo.addRecipient({ caseId: 'INC-2026-0001', personId: 'E10', role: 'superior', reasons: [] });
        const got = await repo.recipients('INC-2026-0001');
        expect(got.map((r) => r.personId)).toEqual(['E9', 'E10', 'E2']);
        expect(got[1]).toEqual({
          caseId: 'INC-2026-0001',
          personId: 'E10',
          role: 'section_officer',
          reasons,
        });
        expect(await repo.recipients('INC-2026-0002')).toEqual([]);
      }));

    it('writes created and updated times as given, UTC ISO text', () =>
      withDb(async (db) => {
        await insertCase(db, { id: 'REQ-2026-0001', createdAt: AT, updatedAt: AT });
        await new CaseRepo(db).setStatus('REQ-2026-0001', 1, 'cancelled', '2026-11-26T09:30:00.123Z');
        const c = await new CaseRepo(db).get('REQ-2026-0001');
        expect([c?.createdAt, c?.updatedAt]).toEqual([AT, '2026-11-26T09:30:00.123Z']);
      }));
  });
}
