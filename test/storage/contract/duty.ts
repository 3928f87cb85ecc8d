import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../src/domain/articles';
import type { DutyOpening } from '../../../src/domain/duties';
import { DutyCalendarRepo, DutyRepo } from '../../../src/storage/duty-repo';
import { AT as at, JA, plus, type WithDb } from './harness';

const opening = (over: Partial<DutyOpening> = {}): DutyOpening & { citations: readonly Citation[] } => ({
  kind: 'self_inspection',
  sectionCode: '210',
  periodKey: '2026-11',
  subjectKey: '',
  subject: { name: JA },
  dueAt: plus(60),
  source: { kind: 'schedule' },
  citations: ['operating_rule'],
  ...over,
});

export function dutyContract(withDb: WithDb): void {
  describe('DutyRepo', () => {
    it('opens one instance per (kind, section, period, subject) and gives it back as opened', () =>
      withDb(async (db) => {
        const repo = new DutyRepo(db);
        expect(await repo.nextId(2026)).toBe('DTY-2026-0001');
        expect(await repo.nextId(2026)).toBe('DTY-2026-0002');
        const won = await Promise.all([
          repo.insertIfAbsent('DTY-2026-0001', opening(), at),
          repo.insertIfAbsent('DTY-2026-0002', opening(), at),
        ]);
        expect(won.sort()).toEqual([false, true]);
        expect(await repo.insertIfAbsent('DTY-2026-0003', opening({ subjectKey: 'E5' }), at)).toBe(true);
        const found = await repo.findByKey(opening());
        expect(found).toMatchObject({
          kind: 'self_inspection',
          sectionCode: '210',
          periodKey: '2026-11',
          subjectKey: '',
          subject: { name: JA },
          citations: ['operating_rule'],
          source: { kind: 'schedule' },
          status: 'open',
          dueAt: plus(60),
          escalationLevel: 0,
          result: null,
          completedBy: null,
          completedAt: null,
          createdAt: at,
          version: 1,
        });
        expect(await repo.get(found!.id)).toEqual(found);
        expect(await repo.findByKey(opening({ periodKey: '2026-12' }))).toBeUndefined();
      }));

    it('completes and escalates an open instance only from the state seen', () =>
      withDb(async (db) => {
        const repo = new DutyRepo(db);
        await repo.insertIfAbsent('D1', opening(), at);
        expect(await repo.setEscalationLevel('D1', 0, 1, plus(1))).toBe(true);
        expect(await repo.setEscalationLevel('D1', 0, 1, plus(1))).toBe(false);
        const c = { result: { findings: JA }, by: 'E2', at: plus(2) };
        const done = await Promise.all([repo.complete('D1', 2, c), repo.complete('D1', 2, c)]);
        expect(done.sort()).toEqual([false, true]);
        expect(await repo.get('D1')).toMatchObject({
          status: 'done',
          escalationLevel: 1,
          result: { findings: JA },
          completedBy: 'E2',
          completedAt: plus(2),
          version: 3,
        });
        expect(await repo.setEscalationLevel('D1', 1, 2, plus(3))).toBe(false);
        await repo.purgePersonal('D1', { name: '' }, null, plus(4));
        expect(await repo.get('D1')).toMatchObject({ subject: { name: '' }, result: null, version: 4 });
      }));

    it('lists, counts, pages and sums instances by section and due time', () =>
      withDb(async (db) => {
        const repo = new DutyRepo(db);
        const open = (id: string, sectionCode: string, due: number, periodKey = id) =>
          repo.insertIfAbsent(id, opening({ sectionCode, periodKey, dueAt: plus(due) }), at);
        await open('D5', '220', 50);
        await open('D2', '210', 20);
        await open('D3', '210', 20);
        await open('D1', '210', 10);
        await open('D4', '220', -10);
        await repo.complete('D3', 1, { result: {}, by: 'E2', at });
        const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
        expect(ids(await repo.list({ sections: 'all' }, 10))).toEqual(['D4', 'D1', 'D2', 'D3', 'D5']);
        expect(ids(await repo.list({ sections: ['210'], status: 'open' }, 10))).toEqual(['D1', 'D2']);
        expect(ids(await repo.list({ sections: 'all', dueFrom: plus(10), dueTo: plus(50) }, 2))).toEqual([
          'D1',
          'D2',
        ]);
        expect(await repo.list({ sections: [] }, 10)).toEqual([]);
        expect(await repo.count({ sections: ['220'] })).toBe(2);
        expect(await repo.count({ sections: [] })).toBe(0);
        const walk = async (order: 'asc' | 'desc') => {
          const seen: string[] = [];
          let after: { at: string; key: string } | undefined;
          for (;;) {
            const page = await repo.page(
              { sections: 'all' },
              { order, limit: 2, ...(after ? { after } : {}) },
            );
            if (page.length === 0) return seen;
            seen.push(...ids(page));
            after = { at: page.at(-1)!.dueAt, key: page.at(-1)!.id };
          }
        };
        expect(await walk('asc')).toEqual(['D4', 'D1', 'D2', 'D3', 'D5']);
        expect(await walk('desc')).toEqual(['D5', 'D3', 'D2', 'D1', 'D4']);
        // Month [0, 60): D1, D2, D3 (done), D5 due in it; D4 open from before; now = +15.
        expect(await repo.monthFigures('all', plus(0), plus(60), plus(15))).toEqual([
          { sectionCode: '210', done: 1, open: 1, overdue: 1 },
          { sectionCode: '220', done: 0, open: 1, overdue: 1 },
        ]);
        // Ordered by section; within a section the statuses come in no promised order.
        const counts = await repo.countByStatus('self_inspection', plus(0), plus(60));
        expect(counts.map((c) => c.sectionCode)).toEqual(['210', '210', '220']);
        expect(counts.map((c) => `${c.sectionCode}:${c.status}:${c.n}`).sort()).toEqual([
          '210:done:1',
          '210:open:2',
          '220:open:1',
        ]);
      }));
  });

  describe('DutyCalendarRepo', () => {
    it('keeps one schedule per kind and section, the calendar start once, and drafts per duty and person', () =>
      withDb(async (db) => {
        const repo = new DutyCalendarRepo(db);
        const s = (kind: string, sectionCode: string, enabled: boolean) => ({
          kind,
          sectionCode,
          cycle: { every: 'month' } as never,
          enabled,
          updatedBy: 'E4',
          updatedAt: at,
        });
        await repo.setSchedule(s('self_inspection', '220', true));
        await repo.setSchedule(s('backup', '210', true));
        await repo.setSchedule(s('self_inspection', '210', true));
        await repo.setSchedule(s('self_inspection', '220', false));
        const got = await repo.schedules();
        expect(got.map((x) => [x.kind, x.sectionCode, x.enabled])).toEqual([
          ['backup', '210', true],
          ['self_inspection', '210', true],
          ['self_inspection', '220', false],
        ]);
        expect(got[0]?.cycle).toEqual({ every: 'month' });
        expect(await repo.startedAt(at)).toBe(at);
        expect(await repo.startedAt(plus(99))).toBe(at);
        await repo.saveDraft({ dutyId: 'D1', personId: 'E2', answers: { a: JA }, errors: {}, updatedAt: at });
        await repo.saveDraft({
          dutyId: 'D1',
          personId: 'E2',
          answers: { a: 'x' },
          errors: {},
          updatedAt: plus(1),
        });
        await repo.saveDraft({ dutyId: 'D1', personId: 'E3', answers: {}, errors: {}, updatedAt: at });
        expect(await repo.getDraft('D1', 'E2')).toEqual({
          dutyId: 'D1',
          personId: 'E2',
          answers: { a: 'x' },
          errors: {},
          updatedAt: plus(1),
        });
        await repo.deleteDrafts('D1');
        expect(await repo.getDraft('D1', 'E2')).toBeUndefined();
        expect(await repo.getDraft('D1', 'E3')).toBeUndefined();
      }));
  });
}
