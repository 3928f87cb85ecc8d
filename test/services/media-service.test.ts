// Media records: the state change and its audit event in one transaction, and the media ledgers as
// ledger sources (sections, period, keyset paging) over a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../src/domain/ledgers';
import { decideDisposal, submitMediaForm } from '../../src/services/media-service';
import { MEDIA_LEDGER_SOURCES } from '../../src/services/media-ledger-sources';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { MediaRepo } from '../../src/storage/media-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { t } from '../../src/i18n';
import { DEMO } from '../helpers/activities';
import { ManualClock } from '../helpers/clock';
import { openTempDb } from '../helpers/db';
import { demoDirectory } from '../helpers/demo-directory';
import { handoverAnswers } from '../helpers/media';

const ACCOUNTING_OFFICER = '00000000-0000-4000-8000-000000000012'; // 渡辺 修, 経理課 (220)
const handover = handoverAnswers;

let db: SqliteDatabase;
let clock: ManualClock;
beforeEach(async () => {
  db = openTempDb();
  clock = new ManualClock(); // 2026-04-10 12:00 JST
  await db.transaction((tx) => new DirectoryRepo(tx).replaceAll(demoDirectory()));
});
afterEach(async () => db.close());

const source = (kind: string) => MEDIA_LEDGER_SOURCES.find((s) => s.kind === kind)!;
const record = async (
  aad: string,
  answers: Record<string, string>,
  form: 'handover' | 'storage' | 'disposal_request' = 'handover',
) => {
  const r = await submitMediaForm(db, clock, { actorAadObjectId: aad, form, recordId: '', answers });
  if (!r.ok) throw new Error(`not recorded: ${r.reason}`);
  return r.record;
};

describe('media service: one transaction per change', () => {
  it('a failing change leaves no record, no audit row, no outbox row and no counter step', async () => {
    await db.execute(
      "CREATE TRIGGER boom BEFORE INSERT ON media_records BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    await expect(
      submitMediaForm(db, clock, {
        actorAadObjectId: DEMO.staff,
        form: 'disposal_request',
        recordId: '',
        answers: { assetName: 'HDD', mediaType: 'external_disk', mediaId: 'HDD-1', importance: 'II' },
      }),
    ).rejects.toThrow('disk full');
    expect(await new AuditRepo(db).list()).toEqual([]);
    expect(await db.query('SELECT * FROM media_records')).toEqual([]);
    expect(await db.query('SELECT * FROM outbox')).toEqual([]);
    expect(await db.query('SELECT * FROM media_counters')).toEqual([]);

    await db.execute('DROP TRIGGER boom');
    const r = await record(
      DEMO.staff,
      { assetName: 'HDD', mediaType: 'external_disk', mediaId: 'HDD-1', importance: 'II' },
      'disposal_request',
    );
    expect(r.id).toBe('MED-2026-0001');
    expect((await new AuditRepo(db).list(r.id)).map((e) => [e.event, e.article])).toEqual([
      ['media.disposal_requested', '8(3)②オ'],
    ]);
    expect(
      (await db.query<{ to_aad: string }>('SELECT to_aad FROM outbox ORDER BY id')).map((x) => x.to_aad),
    ).toEqual([DEMO.officer, DEMO.deputy]);
  });

  it('a permission that fails to commit leaves the request as it was and no audit row', async () => {
    const r = await record(
      DEMO.staff,
      { assetName: 'HDD', mediaType: 'external_disk', mediaId: 'HDD-1', importance: 'II' },
      'disposal_request',
    );
    await db.execute(
      "CREATE TRIGGER boom BEFORE INSERT ON outbox WHEN NEW.dedupe_key LIKE '%:permitted' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    await expect(
      decideDisposal(db, clock, { actorAadObjectId: DEMO.officer, recordId: r.id, outcome: 'permit' }),
    ).rejects.toThrow('boom');
    expect((await new MediaRepo(db).get(r.id))?.status).toBe('requested');
    expect((await new AuditRepo(db).list(r.id)).map((e) => e.event)).toEqual(['media.disposal_requested']);
    await db.execute('DROP TRIGGER boom');
    expect(
      (await decideDisposal(db, clock, { actorAadObjectId: DEMO.officer, recordId: r.id, outcome: 'permit' }))
        .ok,
    ).toBe(true);
    expect(await new OutboxRepo(db).byDedupeKey(`media.disposal:${r.id}:E1001:permitted`)).toBeDefined();
  });

  it('two decisions on one request: exactly one wins', async () => {
    const r = await record(
      DEMO.staff,
      { assetName: 'HDD', mediaType: 'external_disk', mediaId: 'HDD-1', importance: 'II' },
      'disposal_request',
    );
    const results = await Promise.all([
      decideDisposal(db, clock, { actorAadObjectId: DEMO.officer, recordId: r.id, outcome: 'permit' }),
      decideDisposal(db, clock, { actorAadObjectId: DEMO.deputy, recordId: r.id, outcome: 'refuse' }),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    const events = (await new AuditRepo(db).list(r.id)).map((e) => e.event);
    expect(
      events.filter((e) => e === 'media.disposal_permitted' || e === 'media.disposal_refused'),
    ).toHaveLength(1);
    expect(events).toContain('media.action_denied');
  });
});

describe('media ledger sources', () => {
  const pageAll = async (
    kind: string,
    sections: readonly string[] | 'all',
    order: 'asc' | 'desc',
    limit: number,
  ) => {
    const rows: LedgerRow[] = [];
    for (;;) {
      const last = rows.at(-1);
      const page = await source(kind).page(
        db,
        { sections },
        { order, limit, ...(last ? { after: { at: last.at, key: last.key } } : {}) },
      );
      rows.push(...page);
      if (page.length < limit) return rows;
    }
  };

  it('three sources with Japanese labels, widths and personal columns', () => {
    expect(MEDIA_LEDGER_SOURCES.map((s) => [s.kind, t('ja', s.title)])).toEqual([
      ['media_handover', '記録媒体授受台帳'],
      ['media_storage', '記録媒体保管台帳'],
      ['media_disposal', '情報資産廃棄記録'],
    ]);
    const handover = source('media_handover');
    expect(handover.columns.map((c) => t('ja', c.label))).toContain('搬入者の氏名');
    expect(handover.columns.filter((c) => c.personal).map((c) => c.id)).toEqual([
      'carrierName',
      'receiverName',
      'recordedBy',
    ]);
    expect(handover.columns.find((c) => c.id === 'month')?.type).toBe('month');
    expect(source('media_storage').columns.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'fileName',
        'ownerSection',
        'mediaType',
        'mediaId',
        'createdOn',
        'keepUntil',
        'erasedOn',
        'location',
        'other',
        'importance',
      ]),
    );
    expect(
      source('media_disposal')
        .columns.filter((c) => c.personal)
        .map((c) => c.id),
    ).toEqual(['requester', 'decidedBy', 'operator', 'recordedBy']);
    for (const s of MEDIA_LEDGER_SOURCES) for (const c of s.columns) expect(c.width).toBeGreaterThan(0);
  });

  it('filters by section and period on `at`, pages by (at, key) without gaps or repeats', async () => {
    const months = ['2026-01', '2026-02', '2026-02', '2026-03', '2026-04', '2026-04', '2026-04'];
    for (const [i, m] of months.entries()) await record(DEMO.officer, handover(m, `f${i}`));
    await record(ACCOUNTING_OFFICER, handover('2026-02', 'keiri', '220'));

    const src = source('media_handover');
    expect(await src.count(db, { sections: 'all' })).toBe(8);
    expect(await src.count(db, { sections: ['210'] })).toBe(7);
    expect(await src.count(db, { sections: ['220'] })).toBe(1);
    expect(await src.count(db, { sections: [] })).toBe(0);
    expect(await src.page(db, { sections: [] }, { order: 'asc', limit: 10 })).toEqual([]);
    // February in Japan time: [2026-02-01 00:00 JST, 2026-03-01 00:00 JST).
    const feb = { from: '2026-01-31T15:00:00.000Z', to: '2026-02-28T15:00:00.000Z' };
    expect(await src.count(db, { sections: 'all', ...feb })).toBe(3);
    expect(await src.count(db, { sections: ['210'], ...feb })).toBe(2);
    const febRows = await src.page(db, { sections: ['210'], ...feb }, { order: 'asc', limit: 10 });
    expect(febRows.map((r) => r.values.fileName)).toEqual(['f1', 'f2']);
    expect(febRows[0]).toMatchObject({ sectionCode: '210', at: '2026-01-31T15:00:00.000Z' });
    expect(febRows[0]?.values).toMatchObject({ carrierName: '中川 一', month: '2026-02', section: '総務課' });
    expect(t('ja', febRows[0]?.values.mediaType as never)).toBe('USBメモリ');

    const all = await pageAll('media_handover', ['210'], 'asc', 2);
    expect(all.map((r) => r.values.fileName)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6']);
    const desc = await pageAll('media_handover', 'all', 'desc', 3);
    expect(desc).toHaveLength(8);
    expect(desc.map((r) => r.key)).toEqual(
      [...desc.map((r) => r.key)].sort((a, b) => {
        const ra = desc.find((r) => r.key === a)!;
        const rb = desc.find((r) => r.key === b)!;
        return ra.at === rb.at ? (a < b ? 1 : -1) : ra.at < rb.at ? 1 : -1;
      }),
    );
    expect(new Set(desc.map((r) => r.key)).size).toBe(8);
    // Strictly after the key: the three rows of April share `at` and are told apart by the key.
    const april = all.slice(4);
    expect(new Set(april.map((r) => r.at)).size).toBe(1);
    const afterFirst = await src.page(
      db,
      { sections: ['210'] },
      { order: 'asc', limit: 10, after: { at: april[0]!.at, key: april[0]!.key } },
    );
    expect(afterFirst.map((r) => r.key)).toEqual(april.slice(1).map((r) => r.key));
  });

  it('the disposal ledger shows permission and the record of what was done', async () => {
    const r = await record(
      DEMO.staff,
      { assetName: 'HDD', mediaType: 'external_disk', mediaId: 'HDD-1', importance: 'II' },
      'disposal_request',
    );
    await decideDisposal(db, clock, { actorAadObjectId: DEMO.officer, recordId: r.id, outcome: 'permit' });
    await submitMediaForm(db, clock, {
      actorAadObjectId: DEMO.staff,
      form: 'disposal_record',
      recordId: r.id,
      answers: { doneAt: '2026-04-10T12:00', operator: '山田 花子', method: 'degauss', details: '消磁した' },
    });
    const [row] = await source('media_disposal').page(db, { sections: ['210'] }, { order: 'asc', limit: 5 });
    expect(row?.values).toMatchObject({
      id: r.id,
      requester: '山田 花子',
      decidedBy: '佐藤 健一',
      decidedAt: '2026-04-10T03:00:00.000Z',
      doneAt: '2026-04-10T03:00:00.000Z',
      operator: '山田 花子',
      details: '消磁した',
    });
    expect(t('ja', row?.values.status as never)).toBe('廃棄済み');
    expect(t('ja', row?.values.method as never)).toBe('消磁装置による消去');
    expect(t('ja', row?.values.importance as never)).toBe('重要性分類II');
    expect(await source('media_disposal').count(db, { sections: ['220'] })).toBe(0);
  });
});
