// Retention: a finished ledger row past its period loses its personal data, the audit payloads
// about it are purged through a recorded purge, and the audit chain still verifies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cutoffOf, DEFAULT_RETENTION } from '../../src/domain/ledgers';
import { verifyAuditChain } from '../../src/services/audit-verify';
import { submitMediaForm } from '../../src/services/media-service';
import { MEDIA_LEDGER_SOURCES } from '../../src/services/media-ledger-sources';
import { runRetention } from '../../src/services/retention-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { MediaRepo } from '../../src/storage/media-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { DEMO } from '../helpers/activities';
import { ManualClock } from '../helpers/clock';
import { openTempDb } from '../helpers/db';
import { demoDirectory } from '../helpers/demo-directory';
import { handoverAnswers } from '../helpers/media';
import { seedCase, seedDirectory, takeout } from '../helpers/ledger-cases';
import { caseLedgerSources } from '../../src/services/case-ledger-sources';
import { t } from '../../src/i18n';

let db: SqliteDatabase;
let clock: ManualClock;
beforeEach(async () => {
  db = openTempDb();
  clock = new ManualClock();
  await db.transaction((tx) => new DirectoryRepo(tx).replaceAll(demoDirectory()));
});
afterEach(async () => db.close());

async function recordAt(iso: string, month: string, fileName: string): Promise<string> {
  clock.set(iso);
  const r = await submitMediaForm(db, clock, {
    actorAadObjectId: DEMO.officer,
    form: 'handover',
    recordId: '',
    answers: handoverAnswers(month, fileName),
  });
  if (!r.ok) throw new Error(`not recorded: ${r.reason}`);
  return r.record.id;
}

describe('cutoffOf', () => {
  it('goes back whole calendar years in UTC, 29 February to 28 February', () => {
    expect(cutoffOf(new Date('2026-12-01T03:00:00.000Z'), 5)).toBe('2021-12-01T03:00:00.000Z');
    expect(cutoffOf(new Date('2024-02-29T00:00:00.000Z'), 1)).toBe('2023-02-28T00:00:00.000Z');
  });
});

describe('runRetention', () => {
  it('blanks names of finished rows past the period, purges their audit payloads, and keeps the chain verifiable', async () => {
    const old = await recordAt('2020-03-10T01:00:00.000Z', '2020-03', '2019年度 会計データ');
    const recent = await recordAt('2026-03-10T01:00:00.000Z', '2026-03', '2025年度 会計データ');
    const before = await new AuditRepo(db).list(old);
    expect(before.length).toBeGreaterThan(0);

    clock.set('2026-04-10T00:00:00.000Z');
    const outcome = await runRetention(db, clock, DEFAULT_RETENTION, MEDIA_LEDGER_SOURCES);
    expect(outcome).toEqual([
      {
        kind: 'media_handover',
        years: 5,
        cutoff: '2021-04-10T00:00:00.000Z',
        rows: 1,
        payloads: before.length,
      },
    ]);

    const repo = new MediaRepo(db);
    const purged = (await repo.get(old))!.data;
    expect(purged).toMatchObject({
      carrierName: '',
      receiverName: '',
      fileName: '2019年度 会計データ',
      carrierUnit: '計算センター',
    });
    expect(purged.purgedAt).toBe('2026-04-10T00:00:00.000Z');
    expect(JSON.stringify(purged)).not.toContain('中川');
    expect((await repo.get(recent))!.data).toMatchObject({ carrierName: '中川 一' });

    // The audit rows about the old record stay (who, what, when), their payloads are gone.
    const after = await new AuditRepo(db).list(old);
    expect(after.map((e) => [e.seq, e.event, e.actor])).toEqual(before.map((e) => [e.seq, e.event, e.actor]));
    expect(after.every((e) => e.purged === true)).toBe(true);
    expect((await new AuditRepo(db).list(recent)).some((e) => e.purged)).toBe(false);
    const events = (await new AuditRepo(db).list()).map((e) => e.event);
    expect(events.slice(-2)).toEqual(['audit.payloads_purged', 'ledger.retention_purged']);
    const record = (await new AuditRepo(db).list('ledger:media_handover'))[0]!;
    expect(record).toMatchObject({ article: 'operating_rule', data: { rows: 1, keys: [old], years: 5 } });

    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

    // A second run finds nothing more to do and records nothing.
    const count = (await new AuditRepo(db).list()).length;
    expect(await runRetention(db, clock, DEFAULT_RETENTION, MEDIA_LEDGER_SOURCES)).toEqual([]);
    expect((await new AuditRepo(db).list()).length).toBe(count);
  });

  it('honours a longer period per ledger', async () => {
    await recordAt('2020-03-10T01:00:00.000Z', '2020-03', 'f');
    clock.set('2026-04-10T00:00:00.000Z');
    expect(
      await runRetention(db, clock, { ...DEFAULT_RETENTION, media_handover: 10 }, MEDIA_LEDGER_SOURCES),
    ).toEqual([]);
  });
});

describe('runRetention over the case-derived ledgers', () => {
  it('blanks what people typed in returned take-outs past the period; open or unreturned ones stay', async () => {
    await seedDirectory(db);
    const returned = { state: { returnedAt: '2020-04-10T08:00:00.000Z', returnedConfirmedBy: 'E1002' } };
    await seedCase(db, takeout('REQ-2020-0001', '2020-04-01T01:00:00.000Z', returned));
    await seedCase(db, takeout('REQ-2020-0002', '2020-04-02T01:00:00.000Z')); // never returned
    await seedCase(db, takeout('REQ-2026-0001', '2026-04-01T01:00:00.000Z', returned));
    clock.set('2026-04-11T03:00:00.000Z');
    const sources = caseLedgerSources(clock);
    const outcome = await runRetention(db, clock, DEFAULT_RETENTION, sources);
    expect(outcome.map((o) => [o.kind, o.rows])).toEqual([['takeout', 1]]);

    const row = await db.one<{ form_json: string; purged_at: string | null }>(
      "SELECT form_json, purged_at FROM cases WHERE id = 'REQ-2020-0001'",
    );
    expect(row?.purged_at).toBe('2026-04-11T03:00:00.000Z');
    const form = JSON.parse(row!.form_json) as { value: Record<string, unknown> };
    expect(form.value).toMatchObject({ description: '', purpose: '', destination: '', classification: 'II' });
    const kept = await db.one<{ form_json: string; purged_at: string | null }>(
      "SELECT form_json, purged_at FROM cases WHERE id = 'REQ-2020-0002'",
    );
    expect(kept?.purged_at).toBeNull();
    expect(kept?.form_json).toContain('住民説明会');

    // The ledger still lists the row, without the names of the people.
    const rows = await sources[0]!.page(db, { sections: 'all' }, { order: 'asc', limit: 10 });
    const purged = rows.find((r) => r.key === 'REQ-2020-0001')!;
    expect(t('ja', purged.values.requester as never)).toBe('（保存期間経過により消去）');
    expect(t('ja', purged.values.approvedBy as never)).toBe('（保存期間経過により消去）');
    expect(rows.find((r) => r.key === 'REQ-2026-0001')!.values.requester).toBe('山田 花子');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    expect((await new AuditRepo(db).list('REQ-2020-0001')).every((e) => e.purged)).toBe(true);
  });
});
