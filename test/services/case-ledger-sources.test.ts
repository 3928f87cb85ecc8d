import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../src/domain/ledgers';
import { t } from '../../src/i18n';
import { caseLedgerSources } from '../../src/services/case-ledger-sources';
import type { LedgerSource } from '../../src/services/ledger-source';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { ManualClock } from '../helpers/clock';
import { openTempDb } from '../helpers/db';
import { seedCase, seedDirectory, takeout } from '../helpers/ledger-cases';

let db: SqliteDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const text = (v: unknown) => (v !== null && typeof v === 'object' ? t('ja', v as never) : v);

async function setup(now = '2026-04-11T03:00:00.000Z') {
  db = openTempDb();
  await seedDirectory(db);
  const clock = new ManualClock();
  clock.set(now);
  const sources = new Map(caseLedgerSources(clock).map((s) => [s.kind, s]));
  return { db, clock, source: (k: string) => sources.get(k as never) as LedgerSource };
}

describe('take-out ledger (10(4)⑥)', () => {
  it('lists approved take-outs only, with names, approval, and 持出中 / 返却済 / 返却期限超過 against the clock', async () => {
    const { db, clock, source } = await setup();
    await seedCase(db, takeout('REQ-2026-0001', '2026-04-01T01:00:00.000Z'));
    await seedCase(
      db,
      takeout('REQ-2026-0002', '2026-04-02T01:00:00.000Z', {
        state: { returnedAt: '2026-04-11T08:00:00.000Z', returnedConfirmedBy: 'E1002' },
      }),
    );
    await seedCase(
      db,
      takeout('REQ-2026-0003', '2026-04-03T01:00:00.000Z', { status: 'submitted', events: [] }),
    );
    await seedCase(
      db,
      takeout('REQ-2026-0004', '2026-04-04T01:00:00.000Z', { status: 'rejected', events: [] }),
    );
    const s = source('takeout');
    const q = { sections: 'all' as const };
    expect(await s.count(db, q)).toBe(2);
    const rows = await s.page(db, q, { order: 'asc', limit: 10 });
    expect(rows.map((r) => r.key)).toEqual(['REQ-2026-0001', 'REQ-2026-0002']);
    const first = rows[0] as LedgerRow;
    expect(first.sectionCode).toBe('210');
    expect(first.at).toBe('2026-04-01T01:00:00.000Z');
    expect(first.values.requester).toBe('山田 花子');
    expect(first.values.approvedBy).toBe('佐藤 健一');
    expect(first.values.approvedAt).toBe('2026-04-01T01:00:00.000Z');
    expect(first.values.conditions).toBe('暗号化を確認すること');
    expect(first.values.section).toBe('210 総務課');
    expect(text(first.values.item)).toContain('PC-0042');
    expect(text(first.values.protection)).toBe('暗号化');
    expect(text(first.values.status)).toBe('持出中'); // 04-11 JST is the return day itself
    expect(text(rows[1]?.values.status)).toBe('返却済');
    expect(rows[1]?.values.returnConfirmedBy).toBe('佐藤 健一');

    clock.set('2026-04-11T15:00:00.000Z'); // 04-12 00:00 JST: the day after the return date
    const later = await s.page(db, q, { order: 'asc', limit: 10 });
    expect(later.map((r) => text(r.values.status))).toEqual(['返却期限超過', '返却済']);
    expect(s.columns.filter((c) => c.personal).map((c) => c.id)).toEqual([
      'requester',
      'approvedBy',
      'returnConfirmedBy',
    ]);
  });

  it('also lists take-outs filed as a record because no permission was needed (10(4)⑥: every take-out)', async () => {
    const { db, source } = await setup();
    await seedCase(db, takeout('REQ-2026-0001', '2026-04-01T01:00:00.000Z'));
    await seedCase(
      db,
      takeout('REQ-2026-0002', '2026-04-02T01:00:00.000Z', { status: 'closed', events: [] }),
    );
    await seedCase(
      db,
      takeout('REQ-2026-0003', '2026-04-03T01:00:00.000Z', { status: 'cancelled', events: [] }),
    );
    const rows = await source('takeout').page(db, { sections: 'all' }, { order: 'asc', limit: 10 });
    expect(rows.map((r) => r.key)).toEqual(['REQ-2026-0001', 'REQ-2026-0002']);
    expect(text(rows[1]?.values.status)).toBe('記録（許可不要）');
    expect(rows[1]?.values.approvedAt).toBeNull();
  });

  it('filters by section and a half-open period in SQL, and pages by keyset in both orders', async () => {
    const { db, source } = await setup();
    for (let i = 1; i <= 7; i++)
      await seedCase(db, takeout(`REQ-2026-000${i}`, `2026-04-0${i}T00:00:00.000Z`));
    // Same instant as 0003: the key breaks the tie.
    await seedCase(db, takeout('REQ-2026-0010', '2026-04-03T00:00:00.000Z'));
    await seedCase(
      db,
      takeout('REQ-2026-0020', '2026-04-05T00:00:00.000Z', { reporterId: 'E1014', sectionCode: '220' }),
    );
    const s = source('takeout');
    expect(await s.count(db, { sections: ['220'] })).toBe(1);
    expect(await s.count(db, { sections: [] })).toBe(0);
    expect(await s.page(db, { sections: [] }, { order: 'asc', limit: 5 })).toEqual([]);
    const q = { sections: ['210'], from: '2026-04-02T00:00:00.000Z', to: '2026-04-06T00:00:00.000Z' };
    expect(await s.count(db, q)).toBe(5); // 02, 03, 0010 (03), 04, 05 — not 06 (exclusive)
    const p1 = await s.page(db, q, { order: 'desc', limit: 2 });
    expect(p1.map((r) => r.key)).toEqual(['REQ-2026-0005', 'REQ-2026-0004']);
    const last1 = p1.at(-1) as LedgerRow;
    const p2 = await s.page(db, q, { order: 'desc', limit: 2, after: { at: last1.at, key: last1.key } });
    expect(p2.map((r) => r.key)).toEqual(['REQ-2026-0010', 'REQ-2026-0003']);
    const last2 = p2.at(-1) as LedgerRow;
    const p3 = await s.page(db, q, { order: 'desc', limit: 2, after: { at: last2.at, key: last2.key } });
    expect(p3.map((r) => r.key)).toEqual(['REQ-2026-0002']);
    const asc = await s.page(db, q, { order: 'asc', limit: 10, after: { at: last2.at, key: last2.key } });
    expect(asc.map((r) => r.key)).toEqual(['REQ-2026-0010', 'REQ-2026-0004', 'REQ-2026-0005']);
  });
});

describe('incident and failure records (12(5)②カ, 12(5)①オ)', () => {
  it('takes incidents but failures into the incident record, with the closure record and who closed', async () => {
    const { db, source } = await setup();
    await seedCase(db, {
      id: 'INC-2026-0001',
      kind: 'misdirected_mail',
      status: 'closed',
      reporterId: 'E1001',
      sectionCode: '210',
      createdAt: '2026-04-01T00:00:00.000Z',
      state: {
        closure: { content: '誤送信', cause: '宛先の確認漏れ', damage: 'なし', scope: '1名' },
        reportedToChief: true,
      },
      events: [
        { event: 'case.reported_to_chief', actor: 'E1002', at: '2026-04-01T02:00:00.000Z' },
        { event: 'case.closed', actor: 'E1002', at: '2026-04-02T02:00:00.000Z' },
      ],
    });
    await seedCase(db, {
      id: 'INC-2026-0002',
      kind: 'system_failure',
      status: 'acknowledged',
      reporterId: 'E1010',
      sectionCode: '210',
      createdAt: '2026-04-03T00:00:00.000Z',
      value: {
        systemName: '財務会計',
        symptom: 'ログインできない',
        since: '2026-04-02T23:30:00.000Z',
        scope: 'all',
      },
      state: {
        records: { status_scope: '全課で利用不可', cause: '証明書の期限切れ', recovery: '証明書を更新' },
      },
    });
    await seedCase(db, takeout('REQ-2026-0001', '2026-04-01T00:00:00.000Z'));

    const inc = await source('incident').page(db, { sections: 'all' }, { order: 'asc', limit: 10 });
    expect(inc.map((r) => r.key)).toEqual(['INC-2026-0001']);
    const v = (inc[0] as LedgerRow).values;
    expect(text(v.incidentKind)).toBe('メール誤送信');
    expect([v.content, v.cause, v.damage, v.scope]).toEqual(['誤送信', '宛先の確認漏れ', 'なし', '1名']);
    expect(v.closedAt).toBe('2026-04-02T02:00:00.000Z');
    expect(v.closedBy).toBe('佐藤 健一');
    expect(v.reportedToChiefAt).toBe('2026-04-01T02:00:00.000Z');
    expect(text(v.status)).toBe('完了');

    const fail = await source('failure').page(db, { sections: ['210'] }, { order: 'desc', limit: 10 });
    expect(fail.map((r) => r.key)).toEqual(['INC-2026-0002']);
    const f = (fail[0] as LedgerRow).values;
    expect([f.statusScope, f.cause, f.recovery]).toEqual([
      '全課で利用不可',
      '証明書の期限切れ',
      '証明書を更新',
    ]);
    expect(f.systemName).toBe('財務会計');
    expect(f.since).toBe('2026-04-02T23:30:00.000Z');
    expect(text(f.affected)).toBe('組合全体');
    expect(f.closedAt).toBeNull();
    expect(text(f.status)).toBe('対応中');
  });
});

describe('exception register (12(6))', () => {
  it('shows 有効 / 期限切れ / 申請中 / 却下 and the urgent acknowledgement by 統括', async () => {
    const { db, clock, source } = await setup('2026-04-20T03:00:00.000Z');
    const value = (end: string, urgent = false) => ({
      provision: '10(4)③',
      reason: '遠隔消去に未対応の端末',
      alternative: '常時携行',
      scope: '端末1台',
      periodStart: '2026-04-10',
      periodEnd: end,
      urgent,
    });
    const base = { kind: 'exception', reporterId: 'E1001', sectionCode: '210' };
    await seedCase(db, {
      ...base,
      id: 'REQ-2026-0001',
      status: 'approved',
      createdAt: '2026-04-01T00:00:00.000Z',
      value: value('2026-04-20'),
      state: { decision: { by: 'E1005', outcome: 'approved', comment: '', conditions: '' } },
      events: [{ event: 'case.approved', actor: 'E1005', at: '2026-04-02T00:00:00.000Z' }],
    });
    await seedCase(db, {
      ...base,
      id: 'REQ-2026-0002',
      status: 'approved',
      createdAt: '2026-04-02T00:00:00.000Z',
      value: value('2026-04-19', true),
      state: {
        urgent: true,
        chiefAcknowledgedAt: '2026-04-03T00:00:00.000Z',
        decision: { by: 'E1005', outcome: 'approved', comment: '事後報告を確認', conditions: '' },
      },
      events: [{ event: 'case.post_report_acknowledged', actor: 'E1005', at: '2026-04-03T00:00:00.000Z' }],
    });
    await seedCase(db, {
      ...base,
      id: 'REQ-2026-0003',
      status: 'endorsed',
      createdAt: '2026-04-03T00:00:00.000Z',
      value: value('2026-05-01'),
    });
    await seedCase(db, {
      ...base,
      id: 'REQ-2026-0004',
      status: 'rejected',
      createdAt: '2026-04-04T00:00:00.000Z',
      value: value('2026-05-01'),
    });
    const s = source('exception');
    const rows = await s.page(db, { sections: 'all' }, { order: 'asc', limit: 10 });
    expect(rows.map((r) => text(r.values.status))).toEqual(['有効', '期限切れ', '申請中', '却下']);
    const urgent = (rows[1] as LedgerRow).values;
    expect(text(urgent.urgent)).toBe('はい');
    expect(urgent.chiefAcknowledgedAt).toBe('2026-04-03T00:00:00.000Z');
    expect(urgent.chiefAcknowledgedBy).toBe('高橋 誠');
    expect((rows[0] as LedgerRow).values.approvedBy).toBe('高橋 誠');
    expect((rows[0] as LedgerRow).values.periodEnd).toBe('2026-04-20');
    clock.set('2026-04-20T15:00:00.000Z'); // 04-21 JST: the first one has expired too
    const later = await s.page(db, { sections: 'all' }, { order: 'asc', limit: 1 });
    expect(text(later[0]?.values.status)).toBe('期限切れ');
  });
});
