import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, PURGE_EVENT } from '../../../src/domain/audit-chain';
import { verifyAuditChain } from '../../../src/services/audit-verify';
import { AuditRepo } from '../../../src/storage/audit-repo';
import { AT as at, JA, plus, UTC_ISO_TEXT, type WithDb } from './harness';

export function auditContract(withDb: WithDb): void {
  describe('AuditRepo', () => {
    it('keeps one audit chain under concurrent appends, and the database refuses to change or delete a row', () =>
      withDb(async (db) => {
        await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            db.transaction((tx) =>
              new AuditRepo(tx).append({
                at,
                actor: `E${i}`,
                event: 'case.submitted',
                subject: `INC-${i}`,
                data: { i },
              }),
            ),
          ),
        );
        const rows = await new AuditRepo(db).list();
        expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
        expect((await verifyAuditChain(db)).ok).toBe(true);
        await expect(db.execute("UPDATE audit_log SET actor = 'E999' WHERE id = 3")).rejects.toThrow(
          /append-only/,
        );
        await expect(db.execute('DELETE FROM audit_log WHERE id = 25')).rejects.toThrow(/append-only/);
        await expect(db.execute("UPDATE audit_payloads SET data = '{}' WHERE seq = 3")).rejects.toThrow(
          /append-only/,
        );
        await expect(db.execute('DELETE FROM audit_payloads WHERE seq = 3')).rejects.toThrow(
          /recorded purge/,
        );
        expect((await new AuditRepo(db).list()).length).toBe(25);
      }));

    it('reads an event back as appended: citations, Japanese data, UTC time, hash and head', () =>
      withDb(async (db) => {
        const repo = new AuditRepo(db);
        expect(await repo.head()).toEqual({ seq: 0, hash: GENESIS_HASH });
        const a = await repo.append({
          at,
          actor: 'E1',
          event: 'case.submitted',
          subject: 'INC-2026-0001',
          article: '12(5)①',
          data: { text: JA, n: 2, none: null, list: [1, 'b'] },
        });
        const b = await repo.append({
          at: plus(1),
          actor: 'system',
          event: 'case.routed',
          subject: 'INC-2026-0002',
          article: ['12(5)①', 'operating_rule'],
        });
        const c = await repo.append({
          at: plus(2),
          actor: 'E2',
          event: 'case.closed',
          subject: 'INC-2026-0001',
        });
        expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
        expect(await repo.head()).toEqual({ seq: 3, hash: c.hash });
        const all = await repo.list();
        expect(all[0]).toEqual({
          seq: 1,
          hash: a.hash,
          intact: true,
          at,
          actor: 'E1',
          event: 'case.submitted',
          subject: 'INC-2026-0001',
          article: '12(5)①',
          data: { text: JA, n: 2, none: null, list: [1, 'b'] },
        });
        expect(all[1]).toMatchObject({ article: ['12(5)①', 'operating_rule'], data: {} });
        expect(all[2]).not.toHaveProperty('article');
        expect(all.every((r) => UTC_ISO_TEXT.test(r.at) && r.intact)).toBe(true);
        expect((await repo.list('INC-2026-0001')).map((r) => r.seq)).toEqual([1, 3]);
        expect(await repo.hashAt(2)).toBe(b.hash);
        expect(await repo.hashAt(9)).toBeUndefined();
        const page = await repo.pageForVerify(1, 1);
        expect(page).toHaveLength(1);
        expect(page[0]).toMatchObject({ seq: 2, hash: b.hash, prevHash: a.hash, data: '{}', purgedBy: null });
        await expect(
          repo.append({ at: '2026-11-26T09:00:00+09:00', actor: 'E1', event: 'x', subject: 'y' }),
        ).rejects.toThrow(RangeError);
        expect((await repo.head()).seq).toBe(3);
      }));

    it('purges payloads only through a recorded purge: rows and chain stay, the purge is itself audited', () =>
      withDb(async (db) => {
        const repo = new AuditRepo(db);
        for (let i = 1; i <= 4; i += 1)
          await repo.append({
            at: plus(i),
            actor: 'E1',
            event: 'case.submitted',
            subject: `INC-${i}`,
            data: { name: JA },
          });
        const purge = await repo.purgePayloads([3, 1, 3], {
          at: plus(10),
          actor: 'system',
          cutoff: plus(5),
          reason: 'retention:takeout',
          article: 'operating_rule',
        });
        expect(purge).toEqual({ seq: 5, count: 2 });
        const rows = await repo.list();
        expect(rows.map((r) => [r.seq, r.purged === true])).toEqual([
          [1, true],
          [2, false],
          [3, true],
          [4, false],
          [5, false],
        ]);
        expect(rows[0]?.data).toEqual({});
        expect(rows[4]).toMatchObject({
          event: PURGE_EVENT,
          subject: 'audit',
          data: { count: 2, first: 1, last: 3, cutoff: plus(5), reason: 'retention:takeout' },
        });
        expect((await repo.pageForVerify(0, 10)).map((r) => r.purgedBy)).toEqual([5, null, 5, null, null]);
        expect((await verifyAuditChain(db)).ok).toBe(true);
        // A mark alone is append-only too: the purge cannot be undone or repeated quietly.
        await expect(db.execute('DELETE FROM audit_purge_marks WHERE seq = 1')).rejects.toThrow(
          /append-only/,
        );
      }));
  });
}
