import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';

describe('担当案件 (what waits for me) and opening a case card', () => {
  let h: BotHarness;
  const clock = new ManualClock();
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
  });
  afterAll(async () => h.stop());

  it('offers 担当案件 and 不在設定 on the menu to people with a role, not to staff', async () => {
    const intents = (card: unknown) => cardActions(card).map((a) => a.data.intent);
    expect(intents((await h.say(DEMO.officer, 'ヘルプ'))[0]?.card)).toEqual(
      expect.arrayContaining(['my_tasks', 'absence']),
    );
    expect(intents((await h.say(DEMO.staff, 'ヘルプ'))[0]?.card)).not.toContain('my_tasks');
  });

  it('lists the officer’s open cases, most urgent first, and none for the requester', async () => {
    const takeout = await fileCase(h, DEMO.staff, 'takeout'); // 480 min
    const lost = await fileCase(h, DEMO.staff, 'lost_ic_card'); // 15 min
    const list = (await h.say(DEMO.officer, '担当案件'))[0]!;
    const opens = cardActions(list.card)
      .filter((a) => a.data.verb === 'case.open')
      .map((a) => a.data.caseId);
    expect(opens).toEqual([lost, takeout]);
    expect(list.cardText).toContain('対応開始の期限 2026/04/10 12:15');
    const none = (await h.say(DEMO.staff, '担当案件'))[0]!;
    expect(none.cardText).toContain('対応が必要な案件はありません。');
    // Decided cases leave the list.
    await h.execute(DEMO.officer, 'case.approve', { caseId: takeout });
    const after = (await h.say(DEMO.officer, '担当'))[0]!;
    expect(
      cardActions(after.card)
        .filter((a) => a.data.verb === 'case.open')
        .map((a) => a.data.caseId),
    ).toEqual([lost]);
    clock.advanceMinutes(20);
    expect((await h.say(DEMO.officer, '担当'))[0]?.cardText).toContain('（超過）');
  });

  it('opens a case card for someone involved, through the outbox, and refuses others', async () => {
    const id = await fileCase(h, DEMO.staff, 'software_install');
    const ok = await h.say(DEMO.officer, { verb: 'case.open', caseId: id });
    expect(ok[0]?.text).toContain(`${id} のカードを表示します。`);
    await h.connector.waitFor(
      () =>
        h.inbox(DEMO.officer).filter((r) => r.cardText.includes(id) && r.cardText.includes('case.approve'))
          .length >= 2,
    );
    const denied = await h.say(DEMO.itAdmin, { verb: 'case.open', caseId: id });
    expect(denied[0]?.text).toContain('この案件を表示する権限がありません。');
  });
});
