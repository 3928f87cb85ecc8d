import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxRepo, PRIORITY } from '../../src/storage/outbox-repo';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';

/** The one sending component against a connector that throttles and refuses, as Teams does. */
describe('outbox sender', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start();
    await h.say(DEMO.officer, 'こんにちは');
    await h.say(DEMO.deputy, 'こんにちは');
  });
  afterAll(async () => h.stop());

  async function enqueue(key: string, to: string, priority: number = PRIORITY.normal) {
    await new OutboxRepo(h.bot.db).enqueue({
      dedupeKey: key,
      toAad: to,
      priority,
      message: { type: 'text', text: { ja: `通知 ${key}`, en: `notice ${key}` } },
      at: new Date().toISOString(),
    });
    h.bot.sender.kick();
  }

  async function item(key: string) {
    return (await new OutboxRepo(h.bot.db).all()).find((o) => o.dedupeKey === key)!;
  }

  it('retries 429 and 503 until delivered, exactly once', async () => {
    // More failures than botbuilder's own HTTP retries absorb: the outbox must retry the send itself.
    h.connector.failNext = { status: 503, count: 8 };
    await enqueue('retry-503', DEMO.officer);
    await h.connector.waitFor(() => h.inbox(DEMO.officer).some((r) => r.text === '通知 retry-503'), 30_000);
    expect(h.connector.failNext?.count).toBe(0);
    const deadline = Date.now() + 5000;
    while ((await item('retry-503')).status !== 'sent' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const o = await item('retry-503');
    expect(o.status).toBe('sent');
    expect(o.attempts).toBeGreaterThanOrEqual(2);
    expect(o.lastError).toBeNull();
    expect(h.inbox(DEMO.officer).filter((r) => r.text === '通知 retry-503')).toHaveLength(1);

    h.connector.failNext = { status: 429, count: 1, retryAfter: 0 };
    await enqueue('retry-429', DEMO.officer);
    await h.connector.waitFor(() => h.inbox(DEMO.officer).some((r) => r.text === '通知 retry-429'), 10_000);
  });

  it('gives up at once on 403 (the user blocked the bot) and records why', async () => {
    h.connector.failNext = { status: 403, count: 1 };
    await enqueue('blocked', DEMO.deputy);
    const deadline = Date.now() + 5000;
    while ((await item('blocked')).status === 'pending' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const o = await item('blocked');
    expect(o.status).toBe('dead');
    expect(o.lastError).toMatch(/403/);
  });

  it('never sends the same dedupe key twice, and holds messages for people without a conversation', async () => {
    await enqueue('once', DEMO.officer);
    await enqueue('once', DEMO.officer);
    await h.connector.waitFor(() => h.inbox(DEMO.officer).some((r) => r.text === '通知 once'));
    await new Promise((r) => setTimeout(r, 200));
    expect(h.inbox(DEMO.officer).filter((r) => r.text === '通知 once')).toHaveLength(1);
    await enqueue('nobody', DEMO.chief); // 統括 has never opened a chat in this test
    await new Promise((r) => setTimeout(r, 200));
    const o = await item('nobody');
    expect(o.status).toBe('pending');
    expect(o.lastError).toBe('no conversation reference');
  });
});
