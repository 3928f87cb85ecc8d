// Staging a directory import finds who loses a role with open cases in a fixed number of queries,
// not one per open case.
import { afterEach, describe, expect, it } from 'vitest';
import { stageDirectoryImport, type DirectoryActor } from '../../src/services/directory-import-service';
import { importDirectory } from '../../src/services/directory-service';
import { CaseRepo } from '../../src/storage/case-repo';
import type { Database } from '../../src/storage/sql';
import { DEMO } from '../helpers/activities';
import { countingDb, openEngineDb } from '../helpers/counting-db';
import { DEMO_CSV, editCsv } from '../helpers/demo-csv';

const clock = { now: () => new Date('2026-11-26T00:00:00Z') };
const admin: DirectoryActor = { kind: 'person', aadObjectId: DEMO.itAdmin };
/** 鈴木 (E1003) is no longer 代理者 of 総務課. */
const UPDATE = editCsv(DEMO_CSV, [{ id: 'E1003', set: { 役割: '' } }]);

let raw: Database | undefined;
afterEach(async () => {
  await raw?.close();
  raw = undefined;
});

async function stage(openCases: number): Promise<{ statements: number; caseIds: string[] }> {
  raw = await openEngineDb();
  await importDirectory(raw, DEMO_CSV, { source: 'demo', actor: 'system', clock });
  const cases = new CaseRepo(raw);
  for (let i = 1; i <= openCases; i++) {
    const id = `INC-2026-${String(i).padStart(4, '0')}`;
    await cases.insert({
      id,
      kind: 'lost_ic_card',
      category: 'incident',
      status: 'submitted',
      severity: 'high',
      reporterId: 'E1001',
      sectionCode: '210',
      assigneeId: 'E1002',
      form: {},
      evaluation: {},
      ackDueAt: null,
      createdAt: '2026-11-25T00:00:00Z',
      updatedAt: '2026-11-25T00:00:00Z',
      state: {},
    });
    // Every other case is with 鈴木 as a recipient.
    if (i % 2 === 1) await cases.addRecipient({ caseId: id, personId: 'E1003', role: 'deputy', reasons: [] });
  }
  const { db, log } = countingDb(raw);
  const r = await stageDirectoryImport(db, clock, { csv: UPDATE }, { source: 'teams:file', actor: admin });
  if (!r.ok || r.unchanged) throw new Error('not staged');
  const statements = log.texts.length;
  await raw.close();
  raw = undefined;
  return { statements, caseIds: r.view.losses.flatMap((l) => l.caseIds) };
}

describe('staging a directory import', () => {
  it('sends the same statements for 3 and for 30 open cases', async () => {
    const few = await stage(3);
    const many = await stage(30);
    expect(few.caseIds).toEqual(['INC-2026-0001', 'INC-2026-0003']);
    expect(many.caseIds).toHaveLength(15);
    expect(many.statements).toBe(few.statements);
  });
});
