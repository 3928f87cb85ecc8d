import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions, type Reply } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const texts = (r: Reply | undefined) => r?.cardText ?? '';

describe('compliance summary (13(1))', () => {
  it('answers 「遵守状況」 for 統括 and IT管理者 with the month so far and the month’s ledger exports', async () => {
    const clock = new ManualClock();
    clock.set('2026-11-20T03:00:00.000Z');
    h = await BotHarness.start({ clock });
    for (const who of [DEMO.chief, DEMO.itAdmin]) {
      const [reply] = await h.say(who, '遵守状況');
      expect(reply?.card).toBeDefined();
      expect(texts(reply)).toContain('情報セキュリティ対策の遵守状況（2026年11月）');
      expect(texts(reply)).toContain('2026年11月の途中経過です（2026/11/20 12:00 現在）。');
      expect(texts(reply)).toContain('根拠: 対策基準 13(1)');
      const exports = cardActions(reply?.card).filter((a) => a.data.verb === 'ledger.export');
      expect(exports.map((a) => [a.title, a.data.kind, a.data.from, a.data.to, a.data.format])).toEqual([
        ['事故記録', 'incident', '2026-11-01', '2026-11-30', 'xlsx'],
        ['持ち出し台帳', 'takeout', '2026-11-01', '2026-11-30', 'xlsx'],
        ['例外措置台帳', 'exception', '2026-11-01', '2026-11-30', 'xlsx'],
        ['障害記録', 'failure', '2026-11-01', '2026-11-30', 'xlsx'],
      ]);
    }
    const [en] = await h.say(DEMO.chief, 'compliance', 'en-US');
    expect(texts(en)).toContain('Compliance with the security measures (2026-11)');
    expect(texts(en)).not.toMatch(/[\u3040-\u30ff]/);
  });

  it('refuses a section officer and staff, says nothing of the figures, and audits it', async () => {
    const clock = new ManualClock();
    clock.set('2026-11-20T03:00:00.000Z');
    h = await BotHarness.start({ clock });
    for (const who of [DEMO.officer, DEMO.staff]) {
      const [reply] = await h.say(who, '遵守状況');
      expect(reply?.card).toBeUndefined();
      expect(reply?.text).toBe('遵守状況を表示できるのは 統括情報セキュリティ責任者 と IT管理者 のみです。');
    }
    const rows = (await new AuditRepo(h.bot.db).list('compliance:2026-11')).map((r) => [r.actor, r.event]);
    expect(rows).toEqual([
      ['E1002', 'compliance.summary_denied'],
      ['E1001', 'compliance.summary_denied'],
    ]);
  });

  it('is sent to 統括 by the scheduler on the 1st, delivered as a card once, also across a restart', async () => {
    const clock = new ManualClock();
    clock.set('2026-11-30T12:00:00.000Z');
    h = await BotHarness.start({ clock });
    await h.say(DEMO.chief, 'ヘルプ'); // the chat exists
    clock.set('2026-12-01T00:00:30.000Z');
    await h.restart(); // start-up keeps the one timer; the restarted scheduler fires it
    await h.bot.scheduler.tick();
    await h.bot.sender.settle();
    const summaries = () => h!.inbox(DEMO.chief).filter((r) => r.cardText.includes('遵守状況（2026年11月）'));
    expect(summaries()).toHaveLength(1);
    expect(texts(summaries()[0])).toContain('2026年11月の定期報告です。');
    expect(
      cardActions(summaries()[0]?.card)
        .filter((a) => a.data.verb === 'ledger.export')
        .map((a) => a.data.kind),
    ).toEqual(['incident', 'takeout', 'exception', 'failure']);
    // Nobody else got it.
    expect(h.inbox(DEMO.itAdmin).filter((r) => r.cardText.includes('遵守状況'))).toEqual([]);
    await h.restart();
    await h.bot.scheduler.tick();
    await h.bot.sender.settle();
    expect(summaries()).toHaveLength(1);
  });
});
