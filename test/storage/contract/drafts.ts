import { describe, expect, it } from 'vitest';
import { msg } from '../../../src/i18n';
import { AbsenceRepo } from '../../../src/storage/absence-repo';
import { DraftRepo } from '../../../src/storage/draft-repo';
import { RecurrenceRepo } from '../../../src/storage/recurrence-repo';
import { AT as at, insertCase, JA, plus, type WithDb } from './harness';

export function draftContract(withDb: WithDb): void {
  describe('DraftRepo', () => {
    it('keeps one draft per person and kind, with answers, errors and origin kept apart', () =>
      withDb(async (db) => {
        const repo = new DraftRepo(db);
        const errors = { place: msg('stored.raw', { text: JA }) };
        await repo.save({ personId: 'E1', kind: 'takeout', answers: { place: JA }, errors, updatedAt: at });
        expect(await repo.get('E1', 'takeout')).toEqual({
          personId: 'E1',
          kind: 'takeout',
          answers: { place: JA },
          errors,
          createdAt: at,
          updatedAt: at,
          origin: null,
        });
        await repo.setOrigin('E1', 'takeout', { broadcastId: 'BC-2026-0001' }, plus(1));
        await repo.save({
          personId: 'E1',
          kind: 'takeout',
          answers: { place: 'x' },
          errors: {},
          updatedAt: plus(2),
        });
        expect(await repo.get('E1', 'takeout')).toEqual({
          personId: 'E1',
          kind: 'takeout',
          answers: { place: 'x' },
          errors: {},
          createdAt: at,
          updatedAt: plus(2),
          origin: { broadcastId: 'BC-2026-0001' },
        });
        await repo.setOrigin('E1', 'virus', { broadcastId: 'BC-2026-0002' }, plus(3));
        expect(await repo.get('E1', 'virus')).toMatchObject({ answers: {}, errors: {}, createdAt: plus(3) });
        expect(await repo.get('E2', 'takeout')).toBeUndefined();
      }));

    it("lists a person's drafts latest first and deletes one (true only when it existed)", () =>
      withDb(async (db) => {
        const repo = new DraftRepo(db);
        await repo.save({ personId: 'E1', kind: 'takeout', answers: {}, errors: {}, updatedAt: plus(2) });
        await repo.save({ personId: 'E1', kind: 'virus', answers: {}, errors: {}, updatedAt: plus(5) });
        await repo.save({ personId: 'E1', kind: 'exception', answers: {}, errors: {}, updatedAt: plus(1) });
        await repo.save({ personId: 'E2', kind: 'takeout', answers: {}, errors: {}, updatedAt: plus(9) });
        expect((await repo.listByPerson('E1')).map((d) => d.kind)).toEqual(['virus', 'takeout', 'exception']);
        expect(await repo.delete('E1', 'virus')).toBe(true);
        expect(await repo.delete('E1', 'virus')).toBe(false);
        expect((await repo.listByPerson('E1')).map((d) => d.kind)).toEqual(['takeout', 'exception']);
      }));
  });

  describe('AbsenceRepo', () => {
    it('lists absences that have not ended, earliest first, and clears current and future ones', () =>
      withDb(async (db) => {
        const repo = new AbsenceRepo(db);
        await repo.add({ personId: 'E1', from: plus(60), to: plus(120), at });
        await repo.add({ personId: 'E2', from: plus(-60), to: plus(30), at });
        await repo.add({ personId: 'E1', from: plus(-120), to: plus(-60), at });
        const active = await repo.active(at);
        expect(active.map((a) => [a.personId, a.from.toISOString(), a.to.toISOString()])).toEqual([
          ['E2', plus(-60), plus(30)],
          ['E1', plus(60), plus(120)],
        ]);
        expect(typeof active[0]?.id).toBe('number');
        expect(await repo.clear('E1', at)).toBe(1);
        expect(await repo.clear('E1', at)).toBe(0);
        expect((await repo.active(at)).map((a) => a.personId)).toEqual(['E2']);
        expect(await repo.active(plus(30))).toEqual([]);
      }));
  });

  describe('RecurrenceRepo', () => {
    it('records and rewrites the analysis until it is agreed, once, on the version seen', () =>
      withDb(async (db) => {
        const repo = new RecurrenceRepo(db);
        expect(await repo.get('INC-1')).toBeUndefined();
        await insertCase(db, { id: 'INC-1', kind: 'virus', category: 'incident', status: 'closed' });
        await repo.record('INC-1', JA, '対策1', 'E2', at);
        expect(await repo.get('INC-1')).toEqual({
          caseId: 'INC-1',
          analysis: JA,
          measures: '対策1',
          recordedBy: 'E2',
          recordedAt: at,
          agreedBy: null,
          agreedAt: null,
          version: 1,
        });
        await repo.record('INC-1', 'analysis 2', '対策2', 'E3', plus(1));
        expect(await repo.get('INC-1')).toMatchObject({
          analysis: 'analysis 2',
          recordedBy: 'E3',
          version: 2,
        });
        expect(await repo.agree('INC-1', 1, 'E4', plus(2))).toBe(false);
        const agreed = await Promise.all([
          repo.agree('INC-1', 2, 'E4', plus(2)),
          repo.agree('INC-1', 2, 'E5', plus(2)),
        ]);
        expect(agreed.sort()).toEqual([false, true]);
        await repo.record('INC-1', 'too late', 'x', 'E2', plus(3));
        expect(await repo.get('INC-1')).toMatchObject({
          analysis: 'analysis 2',
          agreedAt: plus(2),
          version: 3,
        });
      }));
  });
}
