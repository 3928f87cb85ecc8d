import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { NOW } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function setup(clock: ManualClock) {
  h = await BotHarness.start({ clock });
  for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
  return h;
}

/** Reminder notices (the notice card's title carries the case id and 返却の確認). */
const notices = (h: BotHarness, aad: string, id: string) =>
  h.inbox(aad).filter((r) => r.cardText.includes(`${id} 返却の確認`));

describe('reminders (10(4)⑥, 12(6), leak reporting deadlines)', () => {
  it('reminds the requester of an overdue take-out return, then the officer; a confirmed return stops it', async () => {
    const clock = new ManualClock();
    const h = await setup(clock);
    const id = await fileCase(h, DEMO.staff, 'takeout'); // return date 2026-04-11
    await h.execute(DEMO.officer, 'case.approve', { caseId: id });
    clock.set('2026-04-11T23:00:00Z'); // 04-12 08:00 JST: not yet
    expect(await h.bot.scheduler.tick()).toBe(0);
    clock.set('2026-04-12T00:30:00Z'); // 09:30 JST the day after the return date
    expect(await h.bot.scheduler.tick()).toBe(1);
    await h.connector.waitFor(() =>
      h.inbox(DEMO.staff).some((r) => r.cardText.includes('返却予定日（2026/04/11）を過ぎています')),
    );
    const card = h
      .inbox(DEMO.staff)
      .find((r) => r.cardText.includes('返却予定日（2026/04/11）を過ぎています'))!;
    expect(cardActions(card.card).map((a) => a.data)).toEqual([{ verb: 'case.returned', caseId: id }]);
    expect(notices(h, DEMO.staff, id)).toHaveLength(1);
    clock.set('2026-04-13T01:00:00Z');
    expect(await h.bot.scheduler.tick()).toBe(1);
    await h.connector.waitFor(() =>
      h.inbox(DEMO.officer).some((r) => r.cardText.includes('返却が報告されていません')),
    );

    // A second take-out returned in time: no reminder at all.
    clock.set(NOW.toISOString());
    const id2 = await fileCase(h, DEMO.staff, 'takeout');
    await h.execute(DEMO.officer, 'case.approve', { caseId: id2 });
    const denied = await h.say(DEMO.deputy, { verb: 'case.returned', caseId: id2 });
    expect(denied[0]?.text).toContain('記録できません');
    const ok = await h.say(DEMO.staff, { verb: 'case.returned', caseId: id2 });
    expect(ok[0]?.text).toContain(`${id2} の返却を記録しました`);
    clock.set('2026-04-20T00:00:00Z');
    await h.bot.scheduler.tick();
    expect(notices(h, DEMO.staff, id2)).toEqual([]);
    expect((await new AuditRepo(h.bot.db).list(id2)).map((e) => e.event)).toContain('takeout.returned');
  });

  it('reminds the officer and 統括 of the Commission reporting deadlines of a reportable leak', async () => {
    const clock = new ManualClock();
    const h = await setup(clock);
    const id = await fileCase(h, DEMO.staff, 'misdirected_mail'); // 120 persons, external: reportable
    await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
    clock.set('2026-04-14T00:00:00Z'); // preliminary due end of 04-15 JST, reminder two days before
    expect(await h.bot.scheduler.tick()).toBeGreaterThanOrEqual(1);
    await h.connector.waitFor(() => h.inbox(DEMO.chief).some((r) => r.cardText.includes('速報')));
    await h.connector.waitFor(() => h.inbox(DEMO.officer).some((r) => r.cardText.includes('速報')));
    const reminded = (await new AuditRepo(h.bot.db).list(id)).filter((e) => e.event === 'case.reminded');
    expect(reminded.map((e) => e.data?.which)).toContain('preliminary');
  });
});
