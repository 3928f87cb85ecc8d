// What the bot cites, end to end through the real HTTP host: the card, the click, the audit row and
// the message to the requester cite the same article, and the organisation's own steps say 「運用ルール」.
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { TimerRepo } from '../../src/storage/timer-repo';
import { VALID } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function setup(clock = new ManualClock()) {
  h = await BotHarness.start({ clock });
  for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
  return h;
}

const cardOf = (h: BotHarness, aad: string, id: string) => {
  const replies = h.inbox(aad).filter((r) => r.cardText.includes(id));
  return replies[replies.length - 1];
};

describe('take-out within the same building (10(4)①ただし書)', () => {
  it('cites 10(4)①ただし書, asks no permission and files a record for a terminal kept in the building', async () => {
    const h = await setup();
    const review = await h.say(DEMO.staff, {
      verb: 'flow.review',
      kind: 'takeout',
      ...VALID.takeout,
      destination: '本庁舎3階 第1会議室',
      sameBuilding: 'true',
    });
    expect(review[0]?.cardText).toContain('根拠: 対策基準 10(4)①ただし書');
    expect(review[0]?.cardText).not.toContain('この申請は送信できません');
    const created = (await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'takeout' }))[0]!;
    const id = /REQ-\d{4}-\d{4}/.exec(created.cardText)![0];
    // The requester is not told to wait for a permission.
    expect(created.cardText).toContain('この持ち出しに許可は不要です');
    expect(created.cardText).toContain('（対策基準 10(4)①ただし書・10(4)⑥）');
    expect(created.cardText).not.toContain('許可が出るまでは実施しないでください');

    const c = await new CaseRepo(h.bot.db).get(id);
    expect(c).toMatchObject({ status: 'closed', assigneeId: null });
    expect((await new TimerRepo(h.bot.db).byCase(id)).filter((t) => t.kind === 'ack_deadline')).toEqual([]);
    const submitted = (await new AuditRepo(h.bot.db).list(id)).find((e) => e.event === 'case.submitted');
    expect(submitted?.article).toEqual(['10(4)①ただし書', '10(4)⑥']);

    // The officer gets it as a record (10(4)⑥), with nothing to approve.
    await h.connector.waitFor(() => cardOf(h, DEMO.officer, id) !== undefined);
    const officerCard = cardOf(h, DEMO.officer, id)!;
    expect(cardActions(officerCard.card).map((a) => a.data.verb)).not.toContain('case.approve');
    expect(officerCard.cardText).toContain('根拠: 対策基準 10(4)①ただし書・10(4)⑥');
  });

  it('still sends the same terminal for permission (10(4)①) when it leaves the building', async () => {
    const h = await setup();
    const id = await fileCase(h, DEMO.staff, 'takeout');
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('submitted');
    await h.connector.waitFor(() => cardOf(h, DEMO.officer, id) !== undefined);
    const card = cardOf(h, DEMO.officer, id)!;
    expect(cardActions(card.card).map((a) => a.data.verb)).toContain('case.approve');
    // Class II on a terminal: 8(3)①オ and 10(4)① above the buttons, and in the record of the click.
    expect(card.cardText).toContain('根拠: 対策基準 8(3)①オ・10(4)①');
    await h.execute(DEMO.officer, 'case.approve', { caseId: id });
    const approved = (await new AuditRepo(h.bot.db).list(id)).find((e) => e.event === 'case.approved');
    expect(approved?.article).toEqual(['8(3)①オ', '10(4)①']);
  });
});

describe('one source for what a decision cites', () => {
  it('cites 10(3) for approving free mail / online storage: on the card, in the audit row and to the requester', async () => {
    const h = await setup();
    const id = await fileCase(h, DEMO.staff, 'private_device'); // external_service
    await h.connector.waitFor(() => cardOf(h, DEMO.officer, id) !== undefined);
    const card = cardOf(h, DEMO.officer, id)!;
    expect(card.cardText).toContain('根拠: 対策基準 10(3)');
    expect(card.cardText).not.toContain('10(4)②');
    await h.execute(DEMO.officer, 'case.approve', { caseId: id });
    const approved = (await new AuditRepo(h.bot.db).list(id)).find((e) => e.event === 'case.approved');
    expect(approved?.article).toBe('10(3)');
    await h.connector.waitFor(() => h.inbox(DEMO.staff).some((r) => (r.text ?? '').includes(`${id}:`)));
    const told = h.inbox(DEMO.staff).find((r) => (r.text ?? '').includes(`${id}:`))!;
    expect(told.text).toMatch(/私物端末・外部サービス利用申請を承認しました」（対策基準 10\(3\)）$/);
  });

  it('cites 10(4)② for approving a private terminal', async () => {
    const h = await setup();
    const id = await fileCase(h, DEMO.staff, 'private_device', {
      ...VALID.private_device,
      deviceKind: 'private_terminal',
    });
    await h.execute(DEMO.officer, 'case.approve', { caseId: id });
    const approved = (await new AuditRepo(h.bot.db).list(id)).find((e) => e.event === 'case.approved');
    expect(approved?.article).toBe('10(4)②');
  });
});

describe('the deputy and escalation are 運用ルール; 12(5)②オ only for the superior of an urgent breach', () => {
  it('the 不在 card, the absence record and the deputy’s reason cite 運用ルール, not 12(5)②オ', async () => {
    const h = await setup();
    const card = (await h.say(DEMO.officer, '不在'))[0]!;
    expect(card.cardText).toContain('根拠: 運用ルール');
    expect(card.cardText).not.toContain('12(5)②オ');
    await h.say(DEMO.officer, { verb: 'absence.set', from: '2026-04-10', to: '2026-04-12' });
    const set = (await new AuditRepo(h.bot.db).list('E1002')).find((e) => e.event === 'absence.set');
    expect(set?.article).toBe('operating_rule');
    const id = await fileCase(h, DEMO.staff, 'takeout');
    await h.connector.waitFor(() => cardOf(h, DEMO.deputy, id) !== undefined);
    const deputyCard = cardOf(h, DEMO.deputy, id)!;
    expect(deputyCard.cardText).toContain('担当者が不在のため代理者として（根拠: 運用ルール）');
    expect(deputyCard.cardText).not.toContain('12(5)②オ');
  });

  it('an ordinary request escalates by 運用ルール at every step', async () => {
    const clock = new ManualClock();
    const h = await setup(clock);
    const id = await fileCase(h, DEMO.staff, 'takeout'); // normal: 480 minutes
    for (let i = 0; i < 3; i += 1) {
      clock.advanceMinutes(481);
      await h.bot.scheduler.tick();
    }
    const steps = (await new AuditRepo(h.bot.db).list(id)).filter((e) => e.event === 'case.escalated');
    expect(steps).toHaveLength(3);
    expect(steps.map((e) => e.article)).toEqual(['operating_rule', 'operating_rule', 'operating_rule']);
    await h.connector.waitFor(() => cardOf(h, DEMO.superior, id) !== undefined);
    expect(cardOf(h, DEMO.superior, id)?.cardText).not.toContain('12(5)②オ');
  });

  it('cites 12(5)②オ for the superior step of an urgent breach (a virus report)', async () => {
    const clock = new ManualClock();
    const h = await setup(clock);
    const id = await fileCase(h, DEMO.staff, 'virus'); // critical: 15 minutes
    clock.advanceMinutes(16);
    await h.bot.scheduler.tick(); // deputy
    clock.advanceMinutes(16);
    await h.bot.scheduler.tick(); // superior
    const steps = (await new AuditRepo(h.bot.db).list(id)).filter((e) => e.event === 'case.escalated');
    expect(steps.map((e) => [e.data?.roles, e.article])).toEqual([
      [['deputy'], 'operating_rule'],
      [['superior'], '12(5)②オ'],
    ]);
    await h.connector.waitFor(() => cardOf(h, DEMO.superior, id) !== undefined);
    expect(cardOf(h, DEMO.superior, id)?.cardText).toContain('（根拠: 対策基準 12(5)②オ）');
  });
});

describe('reminders are 運用ルール', () => {
  it('the exception-expiry reminder cites 運用ルール, not 12(6)① (which sets no expiry)', async () => {
    const clock = new ManualClock();
    const h = await setup(clock);
    const id = await fileCase(h, DEMO.staff, 'exception'); // period ends 2026-04-30
    await h.execute(DEMO.officer, 'case.endorse', { caseId: id });
    await h.execute(DEMO.chief, 'case.approve', { caseId: id });
    clock.set('2026-04-27T00:30:00Z'); // 09:30 JST, three days before the end
    expect(await h.bot.scheduler.tick()).toBeGreaterThanOrEqual(1);
    await h.connector.waitFor(() => h.inbox(DEMO.staff).some((r) => r.cardText.includes('例外措置の期限')));
    const notice = h.inbox(DEMO.staff).find((r) => r.cardText.includes('例外措置の期限'))!;
    expect(notice.cardText).toContain('根拠: 運用ルール');
    expect(notice.cardText).not.toContain('12(6)');
    const reminded = (await new AuditRepo(h.bot.db).list(id)).find((e) => e.event === 'case.reminded');
    expect(reminded?.article).toBe('operating_rule');
  });

  it('the take-out return reminder is 運用ルール; recording the return cites 10(4)⑥', async () => {
    const clock = new ManualClock();
    const h = await setup(clock);
    const id = await fileCase(h, DEMO.staff, 'takeout'); // return date 2026-04-11
    await h.execute(DEMO.officer, 'case.approve', { caseId: id });
    clock.set('2026-04-12T00:30:00Z');
    expect(await h.bot.scheduler.tick()).toBe(1);
    await h.connector.waitFor(() => h.inbox(DEMO.staff).some((r) => r.cardText.includes(`${id} 返却の確認`)));
    const notice = h.inbox(DEMO.staff).find((r) => r.cardText.includes(`${id} 返却の確認`))!;
    expect(notice.cardText).toContain('根拠: 運用ルール');
    const ok = await h.say(DEMO.staff, { verb: 'case.returned', caseId: id });
    expect(ok[0]?.text).toBe(`${id} の返却を記録しました（対策基準 10(4)⑥）`);
  });
});
