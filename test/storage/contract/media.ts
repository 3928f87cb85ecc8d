import { describe, expect, it } from 'vitest';
import { MediaRepo, type MediaRecord } from '../../../src/storage/media-repo';
import { AT as at, JA, plus, type WithDb } from './harness';

const rec = (id: string, over: Partial<Omit<MediaRecord, 'version'>> = {}): Omit<MediaRecord, 'version'> => ({
  id,
  kind: 'handover',
  sectionCode: '210',
  status: 'recorded',
  at,
  data: { item: JA, count: '2' },
  createdBy: 'E1',
  createdAt: at,
  updatedAt: at,
  ...over,
});

export function mediaContract(withDb: WithDb): void {
  describe('MediaRepo', () => {
    it('numbers records per year, gives one back as inserted and updates it only from the version seen', () =>
      withDb(async (db) => {
        const repo = new MediaRepo(db);
        const ids = await Promise.all(
          [1, 2, 3].map(() => db.transaction((tx) => new MediaRepo(tx).nextId(2026))),
        );
        expect([...ids].sort()).toEqual(['MED-2026-0001', 'MED-2026-0002', 'MED-2026-0003']);
        await repo.insert(rec('MED-2026-0001'));
        expect(await repo.get('MED-2026-0001')).toEqual({ ...rec('MED-2026-0001'), version: 1 });
        await expect(repo.insert(rec('MED-2026-0001'))).rejects.toThrow();
        const change = { status: 'stored' as const, data: { item: 'x' }, updatedAt: plus(1) };
        const won = await Promise.all([
          repo.update('MED-2026-0001', 1, change),
          repo.update('MED-2026-0001', 1, change),
        ]);
        expect(won.sort()).toEqual([false, true]);
        expect(await repo.get('MED-2026-0001')).toMatchObject({
          status: 'stored',
          data: { item: 'x' },
          version: 2,
        });
        expect(await repo.get('MED-2026-0009')).toBeUndefined();
      }));

    it('lists and counts by kind, status, sections and period, newest first; no sections means no rows', () =>
      withDb(async (db) => {
        const repo = new MediaRepo(db);
        await repo.insert(rec('M1', { kind: 'disposal', status: 'requested', at: plus(1) }));
        await repo.insert(rec('M3', { kind: 'disposal', status: 'requested', at: plus(2) }));
        await repo.insert(rec('M2', { kind: 'disposal', status: 'requested', at: plus(2), createdBy: 'E2' }));
        await repo.insert(
          rec('M4', { kind: 'disposal', status: 'requested', at: plus(3), sectionCode: '220' }),
        );
        await repo.insert(rec('M5', { kind: 'disposal', status: 'done', at: plus(4) }));
        const ids = (rs: MediaRecord[]) => rs.map((r) => r.id);
        expect(ids(await repo.listByStatus('disposal', 'requested', ['210'], 10))).toEqual([
          'M3',
          'M2',
          'M1',
        ]);
        expect(ids(await repo.listByStatus('disposal', 'requested', ['210', '220'], 2))).toEqual([
          'M4',
          'M3',
        ]);
        expect(await repo.listByStatus('disposal', 'requested', [], 10)).toEqual([]);
        expect(ids(await repo.listRequestedBy('E1', 'requested', 10))).toEqual(['M4', 'M3', 'M1']);
        expect(await repo.count({ kind: 'disposal', sections: 'all' })).toBe(5);
        expect(await repo.count({ kind: 'disposal', sections: ['220'] })).toBe(1);
        expect(await repo.count({ kind: 'disposal', sections: [] })).toBe(0);
        expect(await repo.count({ kind: 'disposal', sections: 'all', from: plus(2), to: plus(4) })).toBe(3);
        expect(await repo.count({ kind: 'handover', sections: 'all' })).toBe(0);
      }));

    it('pages by (at, id) in both directions without skipping or repeating a row', () =>
      withDb(async (db) => {
        const repo = new MediaRepo(db);
        const rows = [
          ['M1', 1],
          ['M2', 2],
          ['M3', 2],
          ['M4', 2],
          ['M5', 3],
        ] as const;
        for (const [id, m] of [...rows].reverse()) await repo.insert(rec(id, { at: plus(m) }));
        const q = { kind: 'handover' as const, sections: 'all' as const };
        const walk = async (order: 'asc' | 'desc') => {
          const seen: string[] = [];
          let after: { at: string; key: string } | undefined;
          for (;;) {
            const page = await repo.page(q, { order, limit: 2, ...(after ? { after } : {}) });
            if (page.length === 0) return seen;
            seen.push(...page.map((r) => r.id));
            const last = page.at(-1)!;
            after = { at: last.at, key: last.id };
          }
        };
        expect(await walk('asc')).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
        expect(await walk('desc')).toEqual(['M5', 'M4', 'M3', 'M2', 'M1']);
      }));

    it('keeps one media draft per person, form and record', () =>
      withDb(async (db) => {
        const repo = new MediaRepo(db);
        const d = {
          personId: 'E1',
          form: 'erasure' as const,
          recordId: 'M1',
          answers: { how: JA },
          errors: {},
          updatedAt: at,
        };
        await repo.saveDraft(d);
        await repo.saveDraft({ ...d, recordId: '' });
        await repo.saveDraft({ ...d, answers: { how: 'x' }, updatedAt: plus(1) });
        expect(await repo.getDraft('E1', 'erasure', 'M1')).toEqual({
          ...d,
          answers: { how: 'x' },
          createdAt: at,
          updatedAt: plus(1),
        });
        expect((await repo.getDraft('E1', 'erasure', ''))?.answers).toEqual({ how: JA });
        expect(await repo.deleteDraft('E1', 'erasure', 'M1')).toBe(true);
        expect(await repo.deleteDraft('E1', 'erasure', 'M1')).toBe(false);
        expect(await repo.getDraft('E1', 'erasure', 'M1')).toBeUndefined();
      }));
  });
}
