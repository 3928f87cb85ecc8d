// Routing over the frozen, shared directory the repository caches (storage/directory-repo.ts) uses
// an index made once per directory (domain/routing.ts); it must route exactly as a plain search.
import { describe, expect, it } from 'vitest';
import { CASE_KINDS } from '../../src/domain/cases';
import type { Directory } from '../../src/domain/directory';
import { chiefOfficers, itAdmins, routeCase, urgentContact } from '../../src/domain/routing';
import { demoDirectory } from '../helpers/demo-directory';

function frozen(dir: Directory): Directory {
  for (const p of dir.people) Object.freeze(p);
  for (const s of dir.sections) Object.freeze(s);
  Object.freeze(dir.people);
  Object.freeze(dir.sections);
  return Object.freeze(dir);
}

const NOW = new Date('2026-04-10T03:00:00Z');

describe('routing over a frozen directory', () => {
  const plain = demoDirectory();
  const shared = frozen(demoDirectory());

  it.each(CASE_KINDS)('%s routes every person as over a plain directory', (kind) => {
    for (const p of plain.people) {
      expect(routeCase(shared, p.id, kind)).toEqual(routeCase(plain, p.id, kind));
      expect(urgentContact(shared, p.id, kind, [], NOW)).toEqual(urgentContact(plain, p.id, kind, [], NOW));
    }
    expect(routeCase(shared, 'nobody', kind)).toEqual(routeCase(plain, 'nobody', kind));
  });

  it('lists 統括 and IT管理者 as a plain search does, and a caller cannot change the shared list', () => {
    expect(chiefOfficers(shared)).toEqual(chiefOfficers(plain));
    expect(itAdmins(shared)).toEqual(itAdmins(plain));
    expect(chiefOfficers(shared).length).toBeGreaterThan(0);
    chiefOfficers(shared).push('intruder');
    expect(chiefOfficers(shared)).toEqual(chiefOfficers(plain));
  });
});
