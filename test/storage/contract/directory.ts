import { describe, expect, it } from 'vitest';
import type { Directory, Person } from '../../../src/domain/directory';
import { DirectoryRepo } from '../../../src/storage/directory-repo';
import { DirectoryStageRepo, ExportLinkRepo } from '../../../src/storage/directory-stage-repo';
import { AT as at, JA, plus, type WithDb } from './harness';

export const person = (id: string, over: Partial<Person> = {}): Person => ({
  id,
  aadObjectId: `AAD-${id}`,
  upn: `${id}@Example.JP`,
  name: `氏名${id}`,
  kana: 'シメイ',
  sectionCode: '210',
  title: '主任',
  phone: '06-0000-0000',
  mobile: '',
  isChiefOfficer: false,
  isItAdmin: false,
  ...over,
});

const dir: Directory = {
  sections: [
    { code: '200', name: '施設部', parentCode: null, officerId: 'E1', deputyId: null, superiorId: null },
    { code: '210', name: JA, parentCode: '200', officerId: 'E2', deputyId: 'E3', superiorId: 'E1' },
  ],
  people: [
    person('E1', { sectionCode: '200', isChiefOfficer: true }),
    person('E2', { name: '山田　太郎', kana: 'ヤマダ　タロウ' }),
    person('E3'),
    person('E4', { isItAdmin: true }),
    person('E5'),
  ],
};

export function directoryContract(withDb: WithDb): void {
  describe('DirectoryRepo', () => {
    it('replaces the whole directory and loads it back: Japanese names, NULL parents, flags as booleans', () =>
      withDb(async (db) => {
        const repo = new DirectoryRepo(db);
        await db.transaction((tx) => new DirectoryRepo(tx).replaceAll(dir));
        const loaded = await repo.load();
        expect(loaded.sections).toEqual(dir.sections);
        expect(loaded.people).toEqual(
          dir.people.map((p) => ({
            ...p,
            aadObjectId: p.aadObjectId.toLowerCase(),
            upn: p.upn.toLowerCase(),
          })),
        );
        expect(await repo.countPeople()).toBe(5);
        await db.transaction((tx) =>
          new DirectoryRepo(tx).replaceAll({
            sections: dir.sections.slice(0, 1),
            people: dir.people.slice(0, 1),
          }),
        );
        expect(await repo.countPeople()).toBe(1);
        expect((await repo.load()).sections.map((s) => s.code)).toEqual(['200']);
      }));

    it('finds people by aadObjectId case-insensitively and by id, sections by code, and who holds a role', () =>
      withDb(async (db) => {
        const repo = new DirectoryRepo(db);
        await repo.replaceAll(dir);
        expect((await repo.personByAadObjectId('aad-e2'))?.name).toBe('山田　太郎');
        expect((await repo.personByAadObjectId('AAD-E2'))?.id).toBe('E2');
        expect(await repo.personByAadObjectId('aad-e9')).toBeUndefined();
        expect((await repo.personById('E4'))?.isItAdmin).toBe(true);
        expect(await repo.personById('e4')).toBeUndefined();
        expect((await repo.section('210'))?.name).toBe(JA);
        expect(await repo.section('999')).toBeUndefined();
        const holders = await Promise.all(
          ['E1', 'E2', 'E3', 'E4', 'E5', 'E9'].map((id) => repo.holdsRole(id)),
        );
        expect(holders).toEqual([true, true, true, true, false, false]);
      }));

    it('records imports and finds the latest, overall and from one source', () =>
      withDb(async (db) => {
        const repo = new DirectoryRepo(db);
        expect(await repo.lastImport()).toBeUndefined();
        const rec = (source: string, m: number) => ({
          importedAt: plus(m),
          importedBy: 'E4',
          source,
          sha256: `h${m}`,
          peopleCount: 10_000 + m,
          sectionsCount: 40,
        });
        await repo.recordImport(rec('contacts.csv', 1));
        await repo.recordImport(rec('teams-card', 2));
        await repo.recordImport(rec('contacts.csv', 3));
        await repo.recordImport(rec('teams-card', 4));
        expect(await repo.lastImport()).toEqual(rec('teams-card', 4));
        expect(await repo.lastImportFrom('contacts.csv')).toEqual(rec('contacts.csv', 3));
        expect(typeof (await repo.lastImport())?.peopleCount).toBe('number');
        expect(await repo.lastImportFrom('nowhere')).toBeUndefined();
      }));
  });

  describe('DirectoryStageRepo and ExportLinkRepo', () => {
    it('stages imports with numeric ids, lists pending ones in order and decides each once', () =>
      withDb(async (db) => {
        const repo = new DirectoryStageRepo(db);
        const s = (n: number) => ({
          csvText: `職員番号,氏名\nE${n},${JA}\n`,
          sha256: `s${n}`,
          baseSha256: 'b',
          diff: { added: [`E${n}`], warnings: [JA], none: null },
          stagedBy: 'E4',
          stagedAt: plus(n),
          source: 'card',
        });
        const ids = [await repo.insert(s(1)), await repo.insert(s(2)), await repo.insert(s(3))];
        expect(ids.every((id) => typeof id === 'number')).toBe(true);
        expect(await repo.get(ids[1]!)).toEqual({
          id: ids[1],
          ...s(2),
          status: 'pending',
          decidedAt: null,
          decidedBy: null,
        });
        const decided = await Promise.all([
          repo.decide(ids[0]!, 'applied', plus(5), 'E4'),
          repo.decide(ids[0]!, 'cancelled', plus(5), 'E1'),
        ]);
        expect(decided.sort()).toEqual([false, true]);
        expect(await repo.decide(ids[2]!, 'superseded', plus(6), 'system')).toBe(true);
        expect(await repo.pendingIds()).toEqual([ids[1]]);
        expect(await repo.get(ids[2]!)).toMatchObject({ status: 'superseded', decidedAt: plus(6) });
        expect(await repo.get(ids[2]! + 100)).toBeUndefined();
      }));

    it('keeps export links by token hash, counts downloads and removes expired ones only', () =>
      withDb(async (db) => {
        const repo = new ExportLinkRepo(db);
        await repo.insert({
          tokenSha256: 'a',
          kind: 'broadcast:BC-1:csv:ja',
          personId: 'E4',
          createdAt: at,
          expiresAt: plus(10),
        });
        await repo.insert({
          tokenSha256: 'b',
          kind: 'broadcast:BC-2:csv:ja',
          personId: 'E4',
          createdAt: at,
          expiresAt: plus(30),
        });
        await expect(
          repo.insert({
            tokenSha256: 'a',
            kind: 'broadcast:BC-1:csv:ja',
            personId: 'E1',
            createdAt: at,
            expiresAt: plus(10),
          }),
        ).rejects.toThrow();
        expect(await repo.get('a')).toEqual({
          tokenSha256: 'a',
          kind: 'broadcast:BC-1:csv:ja',
          personId: 'E4',
          createdAt: at,
          expiresAt: plus(10),
          downloads: 0,
          lastDownloadAt: null,
        });
        await repo.recordDownload('a', plus(1));
        await repo.recordDownload('a', plus(2));
        expect(await repo.get('a')).toMatchObject({ downloads: 2, lastDownloadAt: plus(2) });
        expect(await repo.deleteExpired(plus(20))).toBe(1);
        expect(await repo.get('a')).toBeUndefined();
        expect(await repo.get('b')).toBeDefined();
      }));
  });
}
