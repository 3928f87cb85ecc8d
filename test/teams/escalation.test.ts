import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { TimerRepo } from '../../src/storage/timer-repo';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';

async function escalations(h: BotHarness, id: string) {
  return (await new AuditRepo(h.bot.db).list(id)).filter((e) => e.event === 'case.escalated');
}

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function start(clock: ManualClock) {
  h = await BotHarness.start({ clock });
  for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
  return h;
}

describe('escalation when nobody acknowledges (運用ルール; 12(5)②オ for the superior of an urgent breach)', () => {
  it('goes to the deputy, then the superior, then 統括 and the IT administrators, each step recorded and visible', async () => {
    const clock = new ManualClock();
    const h = await start(clock);
    const id = await fileCase(h, DEMO.staff, 'lost_ic_card'); // critical: 15 minutes
    expect(await h.bot.scheduler.tick()).toBe(0);
    clock.advanceMinutes(14);
    expect(await h.bot.scheduler.tick()).toBe(0);
    clock.advanceMinutes(2);
    expect(await h.bot.scheduler.tick()).toBe(1);
    await h.connector.waitFor(() => h.inbox(DEMO.deputy).some((r) => r.cardText.includes(id)));
    await h.connector.waitFor(() =>
      h.inbox(DEMO.officer).some((r) => (r.text ?? '').includes(`【期限超過】${id}`)),
    );
    expect((await new CaseRepo(h.bot.db).get(id))?.state.escalatedTo).toEqual(['E1003']);

    clock.advanceMinutes(16);
    expect(await h.bot.scheduler.tick()).toBe(1);
    await h.connector.waitFor(() => h.inbox(DEMO.superior).some((r) => r.cardText.includes(id)));
    clock.advanceMinutes(16);
    expect(await h.bot.scheduler.tick()).toBe(1);
    await h.connector.waitFor(() => h.inbox(DEMO.chief).some((r) => r.cardText.includes(id)));
    await h.connector.waitFor(() => h.inbox(DEMO.itAdmin).some((r) => r.cardText.includes(id)));
    clock.advanceMinutes(16);
    expect(await h.bot.scheduler.tick()).toBe(0); // nobody left
    const steps = await escalations(h, id);
    expect(steps.map((e) => e.data?.to)).toEqual([['E1003'], ['E1004'], ['E1005', 'E1006', 'E1017']]);
    expect(steps.every((e) => e.actor === 'scheduler')).toBe(true);
    // A lost IC card has its own procedure (10(9)) and is not a 侵害事案: every step is the
    // organisation's rule (test/teams/citations.test.ts has the 12(5)②オ step of a breach).
    expect(steps.map((e) => e.article)).toEqual(['operating_rule', 'operating_rule', 'operating_rule']);
    expect(h.inbox(DEMO.officer).find((r) => (r.text ?? '').includes(`【期限超過】${id}`))?.text).toContain(
      '（運用ルール）',
    );
    // The escalated superior may now act; the card's history shows each step.
    const card = await h.execute(DEMO.superior, 'case.acknowledge', { caseId: id });
    expect(JSON.stringify(card.value)).toContain('期限超過のため回付');
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('acknowledged');
  });

  it('stops escalating once the officer acknowledges', async () => {
    const clock = new ManualClock();
    const h = await start(clock);
    const id = await fileCase(h, DEMO.staff, 'virus');
    clock.advanceMinutes(5);
    await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
    clock.advanceMinutes(60);
    expect(await h.bot.scheduler.tick()).toBe(0);
    expect(await escalations(h, id)).toEqual([]);
    expect((await new TimerRepo(h.bot.db).byCase(id)).map((t) => t.status)).toEqual(['cancelled']);
  });

  it('survives a restart: a deadline that passed while the bot was down fires exactly once', async () => {
    const clock = new ManualClock();
    const h = await start(clock);
    const id = await fileCase(h, DEMO.staff, 'takeout'); // normal: one working day (480 minutes)
    await h.bot.stop();
    clock.advanceMinutes(8 * 60 + 1);
    await h.restart();
    // The scheduler ticks on start; ticking again must not repeat the step.
    await h.bot.scheduler.tick();
    await h.bot.scheduler.tick();
    const steps = await escalations(h, id);
    expect(steps).toHaveLength(1);
    expect(steps[0]?.data?.to).toEqual(['E1003']);
    await h.connector.waitFor(() => h.inbox(DEMO.deputy).some((r) => r.cardText.includes(id)));
    expect(
      h.inbox(DEMO.deputy).filter((r) => r.cardText.includes(id) && r.raw.method === 'POST'),
    ).toHaveLength(1);
  });
});
