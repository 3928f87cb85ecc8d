// 「委託契約」 through the real bot (12(1)③): the officer registers a contract on the card form (a bad
// submission keeps the draft and shows Japanese errors); staff are refused, and a replayed
// 作業終了 click by an outsider is refused and audited; once the end date is over, the sweep opens
// the 12(1)③ケ duty for the section and the list shows the contract as ended.
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DutyRepo } from '../../src/storage/duty-repo';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';

const OFFICER_220 = '00000000-0000-4000-8000-000000000012'; // 渡辺 修, 経理課 課責任者

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const FORM = {
  sectionCode: '210',
  contractor: '株式会社サンプル保守',
  work: '庶務システムの保守',
  systems: '庶務システム',
  endDate: '2026-04-30',
  workerIds: 'ext-tanaka\next-suzuki',
};

describe('委託契約 (12(1)③)', () => {
  it('registered by the officer on the card; ended → the 12(1)③ケ duty for the section; outsiders refused and audited', async () => {
    const clock = new ManualClock(); // 2026-04-10 12:00 JST
    h = await BotHarness.start({ clock });
    const [list] = await h.say(DEMO.officer, '委託契約');
    expect(list?.cardText).toContain('登録された委託契約はありません。');
    expect(list?.cardText).toContain('根拠: 対策基準 12(1)③ケ');
    expect(list?.cardText).toContain('"verb":"contract.form"');

    const [form] = await h.say(DEMO.officer, { verb: 'contract.form' });
    expect(form?.cardText).toContain('委託契約の登録');
    expect(form?.cardText).toContain('作業員のユーザID');

    // Missing contractor: the form again with the error; the draft keeps what was typed.
    const [bad] = await h.say(DEMO.officer, { verb: 'contract.submit', ...FORM, contractor: '' });
    expect(bad?.cardText).toContain('委託先の事業者');
    expect(bad?.cardText).toContain('庶務システムの保守');
    expect(bad?.cardText).toMatch(/下書き/);

    const [done] = await h.say(DEMO.officer, { verb: 'contract.submit', ...FORM });
    expect(done?.cardText).toContain('委託契約 CTR-2026-0001 を登録しました。');
    expect(done?.cardText).toContain('CTR-2026-0001 株式会社サンプル保守（総務課）終了日 2026/04/30');
    expect(done?.cardText).toContain('"verb":"contract.end","contractId":"CTR-2026-0001"');

    // Staff see nothing; another section's officer replaying 作業終了 is refused; both audited.
    const [staff] = await h.say(DEMO.staff, '委託契約');
    expect(staff?.text).toContain(
      '委託契約は、その課の課情報セキュリティ責任者・代理者と統括情報セキュリティ責任者だけが扱えます。',
    );
    const [replay] = await h.say(OFFICER_220, { verb: 'contract.end', contractId: 'CTR-2026-0001' });
    expect(replay?.text).toContain('だけが扱えます');
    // 統括 sees the contract but may not end another section's.
    const [chief] = await h.say(DEMO.chief, '委託契約');
    expect(chief?.cardText).toContain('CTR-2026-0001');
    expect(chief?.cardText).not.toContain('"verb":"contract.end"');
    expect(await h.bot.db.query('SELECT id FROM duty_instances')).toEqual([]);

    // The end date is over: the sweep opens the duty (12(1)③ケ) for 総務課.
    clock.set('2026-05-01T00:00:00Z');
    await h.bot.contracts.tick();
    const rows = await h.bot.db.query<{ id: string }>('SELECT id FROM duty_instances');
    expect(rows).toHaveLength(1);
    const duty = await new DutyRepo(h.bot.db).get(rows[0]!.id);
    expect(duty).toMatchObject({
      kind: 'contractor_id_removal',
      sectionCode: '210',
      subjectKey: 'CTR-2026-0001',
      citations: ['12(1)③ケ'],
      status: 'open',
      dueAt: '2026-05-08T14:59:59.999Z', // CONTRACT_END_DUE_DAYS default 7 (運用ルール)
    });
    const [after] = await h.say(DEMO.officer, '委託契約');
    expect(after?.cardText).toContain(`終了（抹消確認 ${duty!.id}）`);
    expect(after?.cardText).not.toContain('"verb":"contract.end"');

    const audit = (await new AuditRepo(h.bot.db).list()).filter(
      (e) => e.event.startsWith('contract.') || e.event === 'duty.opened',
    );
    expect(audit.map((e) => [e.event, e.actor, e.subject, e.article, e.data?.reason ?? null])).toEqual([
      ['contract.draft_saved', 'E1002', 'E1002', '12(1)③ケ', null],
      ['contract.registered', 'E1002', 'CTR-2026-0001', '12(1)③ケ', null],
      ['contract.action_denied', 'E1001', 'contracts', '12(1)③ケ', 'not_allowed'],
      ['contract.action_denied', 'E1012', 'CTR-2026-0001', '12(1)③ケ', 'not_allowed'],
      ['duty.opened', 'system', duty!.id, '12(1)③ケ', null],
      ['contract.ended', 'system', 'CTR-2026-0001', '12(1)③ケ', null],
    ]);
  });
});
