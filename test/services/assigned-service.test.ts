// 担当案件 reads a fixed number of statements whatever the number of open cases (no query per case).
import { afterEach, describe, expect, it } from 'vitest';
import { listAssigned } from '../../src/services/assigned-service';
import type { Database } from '../../src/storage/sql';
import { ManualClock } from '../helpers/clock';
import { countingDb, openEngineDb } from '../helpers/counting-db';
import { seedCase, seedDirectory } from '../helpers/ledger-cases';

const OFFICER210 = 'E1002';
const STAFF210 = 'E1001';

let raw: Database | undefined;
afterEach(async () => {
  await raw?.close();
  raw = undefined;
});

async function statementsFor(openCases: number): Promise<{ statements: number; listed: string[] }> {
  raw = await openEngineDb();
  await seedDirectory(raw);
  for (let i = 1; i <= openCases; i++)
    await seedCase(raw, {
      id: `REQ-2026-${String(i).padStart(4, '0')}`,
      kind: 'takeout',
      status: 'submitted',
      reporterId: STAFF210,
      sectionCode: '210',
      createdAt: `2026-04-01T00:${String(i % 60).padStart(2, '0')}:00.000Z`,
    });
  // Routed to the section's officer, as submitCase does.
  await raw.execute('UPDATE cases SET assignee_id = ?', [OFFICER210]);
  // A closed case is not listed and costs nothing either.
  await seedCase(raw, {
    id: 'REQ-2026-9999',
    kind: 'takeout',
    status: 'approved',
    reporterId: STAFF210,
    sectionCode: '210',
    createdAt: '2026-04-01T00:00:00.000Z',
  });
  const { db, log } = countingDb(raw);
  const clock = new ManualClock();
  clock.set('2026-04-02T00:00:00.000Z');
  const r = await listAssigned(db, clock, OFFICER210);
  const statements = log.texts.length;
  await raw.close();
  raw = undefined;
  return { statements, listed: r.cases.map((c) => c.id) };
}

describe('担当案件 (listAssigned)', () => {
  it('sends the same number of statements for 3 and for 30 open cases', async () => {
    const few = await statementsFor(3);
    const many = await statementsFor(30);
    expect(few.listed).toHaveLength(3);
    expect(many.listed).toHaveLength(30);
    expect(many.listed).not.toContain('REQ-2026-9999');
    expect(many.statements).toBe(few.statements);
    // The cases and recipients, plus the directory: its version token, sections and people, and the
    // token again before the load is cached (storage/directory-repo.ts).
    expect(few.statements).toBeLessThanOrEqual(6);
  });
});
