// People change drives duties, through the real bot: the IT管理者 pastes a directory in which one
// person left and one moved, clicks 取り込む, and the result card says how many duties were opened;
// each duty is stored for the section the person left (access set at the new one) with its article
// (10(4)④, 11(1)① 7エ, 10(9)③; a leaver's card collected as 運用ルール) and audited.
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DutyRepo } from '../../src/storage/duty-repo';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { DEMO_CSV, editCsv } from '../helpers/demo-csv';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** 山田 (E1001) leaves 総務課; 井上 (E1014) moves from 経理課 to 総務課. */
const CHANGE = editCsv(DEMO_CSV, [
  { id: 'E1001', remove: true },
  { id: 'E1014', set: { 課コード: '210', 課名: '総務課' } },
]);

const cardOf = (r: { statusCode: number; value: unknown }) => {
  expect(r.statusCode).toBe(200);
  return JSON.stringify(r.value);
};

describe('連絡網の取込 opens the people-change duties', () => {
  it('return devices (10(4)④), revise access (11(1)① 7エ), IC card (10(9)③ / 運用ルール): stored, audited, counted on the card', async () => {
    const clock = new ManualClock(); // 2026-04-10 12:00 JST
    h = await BotHarness.start({ clock, env: { PEOPLE_CHANGE_DUE_DAYS: '7' } });
    const diff = cardOf(await h.execute(DEMO.itAdmin, 'directory.import.stage', { csvText: CHANGE }));
    expect(diff).toContain('連絡網の取込: 変更の確認');
    const stagedId = (
      await h.bot.db.query<{ id: number }>("SELECT id FROM directory_staged_imports WHERE status = 'pending'")
    )[0]!.id;
    // Staging alone opens nothing.
    expect(await h.bot.db.query('SELECT id FROM duty_instances')).toEqual([]);

    const applied = cardOf(await h.execute(DEMO.itAdmin, 'directory.import.apply', { stagedId }));
    expect(applied).toContain('異動・退職に伴う業務を 7 件開始しました');

    const repo = new DutyRepo(h.bot.db);
    const rows = await h.bot.db.query<{ id: string }>('SELECT id FROM duty_instances ORDER BY id');
    const duties = await Promise.all(rows.map(async (r) => (await repo.get(r.id))!));
    expect(
      duties.map((d) => [
        d.kind,
        d.sectionCode,
        d.subjectKey,
        d.subject.step,
        d.subject.ownerId,
        d.citations,
      ]),
    ).toEqual([
      ['return_devices', '210', 'E1001', 'return', 'E1002', ['10(4)④']],
      ['revise_access', '210', 'E1001', 'remove', 'E1002', ['11(1)①', '7エ']],
      ['ic_card', '210', 'E1001', 'collect', 'E1002', ['operating_rule']],
      ['return_devices', '220', 'E1014', 'return', 'E1012', ['10(4)④']],
      ['revise_access', '220', 'E1014', 'remove', 'E1012', ['11(1)①', '7エ']],
      ['revise_access', '210', 'E1014', 'set', 'E1002', ['11(1)①', '7エ']],
      ['ic_card', '220', 'E1014', 'renew', 'E1012', ['10(9)③']],
    ]);
    for (const d of duties)
      expect(d).toMatchObject({
        status: 'open',
        periodKey: '2026-04-10',
        dueAt: '2026-04-17T14:59:59.999Z', // 7 days (PEOPLE_CHANGE_DUE_DAYS), end of the JST day
        source: { kind: 'directory_import', importId: String(stagedId) },
      });
    expect(duties[3]?.subject).toMatchObject({
      change: 'moved',
      personName: '井上 拓也',
      fromSection: '220 経理課',
      toSection: '210 総務課',
    });

    const opened = (await new AuditRepo(h.bot.db).list()).filter((e) => e.event === 'duty.opened');
    expect(opened.map((e) => [e.subject, e.actor, e.article, e.data?.kind])).toEqual(
      duties.map((d) => [d.id, 'E1006', d.citations.length === 1 ? d.citations[0] : d.citations, d.kind]),
    );

    // A replayed click opens nothing more.
    expect(cardOf(await h.execute(DEMO.itAdmin, 'directory.import.apply', { stagedId }))).toContain(
      'この取込はすでに取り込み済みです。',
    );
    expect(await h.bot.db.query('SELECT id FROM duty_instances')).toHaveLength(7);
  });
});
