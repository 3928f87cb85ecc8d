// Opening a duty (domain/duties.ts): one instance per (kind, section, period, subject), audited with
// the duty's articles in the transaction that opens it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DUTY_DEFINITIONS, DUTY_KINDS, type DutyOpening } from '../../src/domain/duties';
import { openDuty } from '../../src/services/duty-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DutyRepo } from '../../src/storage/duty-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { openTempDb } from '../helpers/db';

let db: SqliteDatabase;
beforeEach(() => {
  db = openTempDb();
});
afterEach(async () => db.close());

const AT = new Date('2026-12-01T00:00:00.000Z');
const opening = (over: Partial<DutyOpening> = {}): DutyOpening => ({
  kind: 'return_devices',
  sectionCode: '210',
  periodKey: '2026-12-01',
  subjectKey: 'E1001',
  subject: { name: '山田 太郎' },
  dueAt: '2026-12-08T08:00:00.000Z',
  source: { kind: 'directory_import', importId: '7' },
  ...over,
});

describe('openDuty', () => {
  it('opens a return-devices duty (10(4)④) once, with a readable id and the article on its audit row', async () => {
    const first = await db.transaction((tx) => openDuty(tx, opening(), AT, 'admin-cli'));
    expect(first?.id).toBe('DTY-2026-0001');
    expect(first).toMatchObject({
      status: 'open',
      citations: ['10(4)④'],
      subject: { name: '山田 太郎' },
      source: { kind: 'directory_import', importId: '7' },
      dueAt: '2026-12-08T08:00:00.000Z',
    });
    const again = await db.transaction((tx) => openDuty(tx, opening(), AT, 'admin-cli'));
    expect(again).toBeUndefined();
    const other = await db.transaction((tx) =>
      openDuty(tx, opening({ subjectKey: 'E1002' }), AT, 'admin-cli'),
    );
    expect(other?.id).toBe('DTY-2026-0002');

    const rows = (await new AuditRepo(db).list()).filter((r) => r.event === 'duty.opened');
    expect(rows.map((r) => [r.subject, r.article])).toEqual([
      ['DTY-2026-0001', '10(4)④'],
      ['DTY-2026-0002', '10(4)④'],
    ]);
  });

  it('keeps a citation given for the instance instead of the definition’s (e.g. 運用ルール)', async () => {
    const d = await db.transaction((tx) =>
      openDuty(tx, opening({ kind: 'ic_card', citations: ['operating_rule'] }), AT, 'admin-cli'),
    );
    expect((await new DutyRepo(db).get(d!.id))?.citations).toEqual(['operating_rule']);
  });

  it('gives every duty kind an article and every periodic one a default cycle', () => {
    for (const k of DUTY_KINDS) expect(DUTY_DEFINITIONS[k].articles.length, k).toBeGreaterThan(0);
    expect(DUTY_DEFINITIONS.self_inspection.defaultCycle).toBeDefined();
    expect(DUTY_DEFINITIONS.return_devices.defaultCycle).toBeUndefined();
  });
});
