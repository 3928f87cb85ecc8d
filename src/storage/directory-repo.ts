import type { Directory, Person, Section } from '../domain/directory';
import { byCodePoint, type SqlClient } from './sql';

interface SectionRow {
  code: string;
  name: string;
  parent_code: string | null;
  officer_id: string | null;
  deputy_id: string | null;
  superior_id: string | null;
}
interface PersonRow {
  id: string;
  aad_object_id: string;
  upn: string;
  name: string;
  kana: string;
  section_code: string;
  title: string;
  phone: string;
  mobile: string;
  is_chief_officer: number;
  is_it_admin: number;
}

const toSection = (r: SectionRow): Section => ({
  code: r.code,
  name: r.name,
  parentCode: r.parent_code,
  officerId: r.officer_id,
  deputyId: r.deputy_id,
  superiorId: r.superior_id,
});
const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  aadObjectId: r.aad_object_id,
  upn: r.upn,
  name: r.name,
  kana: r.kana,
  sectionCode: r.section_code,
  title: r.title,
  phone: r.phone,
  mobile: r.mobile,
  isChiefOfficer: r.is_chief_officer === 1,
  isItAdmin: r.is_it_admin === 1,
});

export interface DirectoryImportRecord {
  importedAt: string;
  importedBy: string;
  source: string;
  sha256: string;
  peopleCount: number;
  sectionsCount: number;
}

/**
 * The directories this process has loaded, by the version token they were read under (migration
 * 24: a trigger replaces the token on every write to people or sections, whichever instance or tool
 * makes it). A load reads the token (one single-row query) and returns the cached directory when it
 * matches, else reads the tables. Shared by every repo of the process, so the objects are frozen:
 * no caller can change what another turn sees. The token is random, so two databases (tests) never
 * share an entry; an entry made inside a transaction that is rolled back is never matched again.
 */
const loaded = new Map<string, Directory>();
const KEEP = 4;

function deepFreeze(dir: Directory): Directory {
  for (const s of dir.sections) Object.freeze(s);
  for (const p of dir.people) Object.freeze(p);
  Object.freeze(dir.sections);
  Object.freeze(dir.people);
  return Object.freeze(dir);
}

export class DirectoryRepo {
  constructor(private readonly sql: SqlClient) {}

  /** Replaces the whole directory. Call inside a transaction: all or nothing. */
  async replaceAll(dir: Directory): Promise<void> {
    await this.sql.execute('DELETE FROM people');
    await this.sql.execute('DELETE FROM sections');
    // Parents first is not needed (no FK between sections), people need their section.
    for (const s of dir.sections) {
      await this.sql.execute(
        'INSERT INTO sections (code, name, parent_code, officer_id, deputy_id, superior_id) VALUES (?, ?, ?, ?, ?, ?)',
        [s.code, s.name, s.parentCode, s.officerId, s.deputyId, s.superiorId],
      );
    }
    for (const p of dir.people) {
      await this.sql.execute(
        `INSERT INTO people (id, aad_object_id, upn, name, kana, section_code, title, phone, mobile, is_chief_officer, is_it_admin)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          p.id,
          p.aadObjectId.toLowerCase(),
          p.upn.toLowerCase(),
          p.name,
          p.kana,
          p.sectionCode,
          p.title,
          p.phone,
          p.mobile,
          p.isChiefOfficer ? 1 : 0,
          p.isItAdmin ? 1 : 0,
        ],
      );
    }
  }

  async recordImport(rec: DirectoryImportRecord): Promise<void> {
    await this.sql.execute(
      `INSERT INTO directory_imports (imported_at, imported_by, source, sha256, people_count, sections_count)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [rec.importedAt, rec.importedBy, rec.source, rec.sha256, rec.peopleCount, rec.sectionsCount],
    );
  }

  async lastImport(): Promise<DirectoryImportRecord | undefined> {
    const r = await this.sql.one<{
      imported_at: string;
      imported_by: string;
      source: string;
      sha256: string;
      people_count: number;
      sections_count: number;
    }>('SELECT * FROM directory_imports ORDER BY id DESC LIMIT 1');
    return r
      ? {
          importedAt: r.imported_at,
          importedBy: r.imported_by,
          source: r.source,
          sha256: r.sha256,
          peopleCount: r.people_count,
          sectionsCount: r.sections_count,
        }
      : undefined;
  }

  /** The last import from `source` (e.g. the DIRECTORY_CSV file), whatever was imported since from elsewhere. */
  async lastImportFrom(source: string): Promise<DirectoryImportRecord | undefined> {
    const r = await this.sql.one<{
      imported_at: string;
      imported_by: string;
      source: string;
      sha256: string;
      people_count: number;
      sections_count: number;
    }>('SELECT * FROM directory_imports WHERE source = ? ORDER BY id DESC LIMIT 1', [source]);
    return r
      ? {
          importedAt: r.imported_at,
          importedBy: r.imported_by,
          source: r.source,
          sha256: r.sha256,
          peopleCount: r.people_count,
          sectionsCount: r.sections_count,
        }
      : undefined;
  }

  /**
   * The version token of the directory, and whether this very transaction changed the directory
   * (PostgreSQL sets one token per writing transaction, so inside it the token does not move with
   * each statement; SQLite sets one per row written).
   */
  async version(): Promise<{ token: string; ownWrite: boolean }> {
    const r =
      this.sql.engine === 'postgres'
        ? await this.sql.one<{ token: string; mine: boolean | null }>(
            'SELECT token, writer = txid_current_if_assigned() AS mine FROM directory_version WHERE id = 1',
          )
        : await this.sql.one<{ token: string }>('SELECT token FROM directory_version WHERE id = 1');
    if (!r) throw new Error('directory_version missing (migration 22 not applied)');
    return { token: r.token, ownWrite: 'mine' in r && r.mine === true };
  }

  /** The whole directory, as of now; read-only (frozen), and shared with the other turns. */
  async load(): Promise<Directory> {
    const version = await this.version();
    const hit = version.ownWrite ? undefined : loaded.get(version.token);
    if (hit) return hit;
    const e = this.sql.engine;
    const sections = await this.sql.query<SectionRow>(
      `SELECT * FROM sections ORDER BY ${byCodePoint(e, 'code')}`,
    );
    const people = await this.sql.query<PersonRow>(`SELECT * FROM people ORDER BY ${byCodePoint(e, 'id')}`);
    const dir = deepFreeze({ sections: sections.map(toSection), people: people.map(toPerson) });
    // Outside a transaction on a pool the three reads may see different commits: keep the result
    // only when the version did not move meanwhile, so an entry always holds its version's rows.
    if (!version.ownWrite && (await this.version()).token === version.token) {
      loaded.delete(version.token);
      loaded.set(version.token, dir);
      while (loaded.size > KEEP) loaded.delete(loaded.keys().next().value as string);
    }
    return dir;
  }

  async personByAadObjectId(aadObjectId: string): Promise<Person | undefined> {
    const r = await this.sql.one<PersonRow>('SELECT * FROM people WHERE aad_object_id = ?', [
      aadObjectId.toLowerCase(),
    ]);
    return r ? toPerson(r) : undefined;
  }

  async personById(id: string): Promise<Person | undefined> {
    const r = await this.sql.one<PersonRow>('SELECT * FROM people WHERE id = ?', [id]);
    return r ? toPerson(r) : undefined;
  }

  async section(code: string): Promise<Section | undefined> {
    const r = await this.sql.one<SectionRow>('SELECT * FROM sections WHERE code = ?', [code]);
    return r ? toSection(r) : undefined;
  }

  /** Whether the person holds any role in the directory (officer, deputy, superior, 統括, IT管理者). */
  async holdsRole(personId: string): Promise<boolean> {
    const r = await this.sql.one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM sections WHERE officer_id = ? OR deputy_id = ? OR superior_id = ?`,
      [personId, personId, personId],
    );
    const p = await this.personById(personId);
    return Number(r?.n ?? 0) > 0 || p?.isChiefOfficer === true || p?.isItAdmin === true;
  }

  async countPeople(): Promise<number> {
    const r = await this.sql.one<{ n: number }>('SELECT COUNT(*) AS n FROM people');
    return Number(r?.n ?? 0);
  }
}
