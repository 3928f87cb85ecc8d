import { storedText } from '../../src/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { OutboxRepo, PRIORITY } from '../../src/storage/outbox-repo';
import { DEFAULT_SENDER_OPTIONS } from '../../src/teams/sender';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';

/**
 * The one sending component against a connector that throttles and refuses, as Teams does. The
 * clock is the test's: a retry is due only when the test moves time on, and `settle()` drains
 * explicitly, so "nothing more was sent" is proven without sleeping.
 */
describe('outbox sender', () => {
  let h: BotHarness;
  const clock = new ManualClock();
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    await h.say(DEMO.officer, 'こんにちは');
    await h.say(DEMO.deputy, 'こんにちは');
  });
  afterAll(async () => h.stop());

  async function enqueue(key: string, to: string, priority: number = PRIORITY.normal) {
    const created = await new OutboxRepo(h.bot.db).enqueue({
      dedupeKey: key,
      toAad: to,
      priority,
      message: { type: 'text', text: storedText({ ja: `通知 ${key}`, en: `notice ${key}` }) },
      at: clock.now().toISOString(),
    });
    h.bot.sender.kick();
    return created;
  }

  async function item(key: string) {
    return (await new OutboxRepo(h.bot.db).all()).find((o) => o.dedupeKey === key)!;
  }

  const texts = (aad: string, key: string) => h.inbox(aad).filter((r) => r.text === `通知 ${key}`);

  /** Drains, moving the clock to each retry, until the item leaves `pending` (bounded). */
  async function runUntilSettled(key: string) {
    for (let i = 0; i < 20; i++) {
      await h.bot.sender.settle();
      const o = await item(key);
      if (o.status !== 'pending') return o;
      clock.set(o.nextAttemptAt);
    }
    return item(key);
  }

  it('retries 429s until delivered, exactly once', async () => {
    // botbuilder's own HTTP retries are off for outbox sends: each failure reaches the outbox.
    h.connector.failNext = { status: 429, count: 3 };
    await enqueue('retry-429', DEMO.officer);
    const o = await runUntilSettled('retry-429');
    expect(h.connector.failNext?.count).toBe(0);
    expect(o).toMatchObject({ status: 'sent', attempts: 4, lastError: null });
    await h.bot.sender.settle();
    expect(texts(DEMO.officer, 'retry-429')).toHaveLength(1);
  });

  it('retries 503 with its own backoff until delivered, exactly once', async () => {
    h.connector.failNext = { status: 503, count: 5 };
    await enqueue('retry-503', DEMO.officer);
    const o = await runUntilSettled('retry-503');
    expect(h.connector.failNext?.count).toBe(0);
    expect(o).toMatchObject({ status: 'sent', attempts: 6, resend: false });
    expect(texts(DEMO.officer, 'retry-503')).toHaveLength(1);
  });

  it('caps a connector Retry-After of 100000000 s: a critical card is retried within minutes, not in 2030', async () => {
    h.connector.failNext = { status: 429, count: 1, retryAfter: 100_000_000 };
    const before = clock.now().getTime();
    await enqueue('huge-retry-after', DEMO.officer, PRIORITY.critical);
    await h.bot.sender.settle();
    const o = await item('huge-retry-after');
    expect(h.connector.failNext?.count).toBe(0);
    expect(o).toMatchObject({ status: 'pending', attempts: 1 });
    expect(o.lastError).toMatch(/^429/);
    expect(Date.parse(o.nextAttemptAt) - before).toBe(DEFAULT_SENDER_OPTIONS.maxRetryAfterMs);
    clock.set(o.nextAttemptAt);
    await h.bot.sender.settle();
    expect((await item('huge-retry-after')).status).toBe('sent');
    expect(texts(DEMO.officer, 'huge-retry-after')).toHaveLength(1);
  });

  it('re-sends a post whose connection was cut after Teams received it, saying it may be a repeat', async () => {
    h.connector.dropNext = 1;
    await enqueue('cut', DEMO.officer);
    const o = await runUntilSettled('cut');
    expect(o).toMatchObject({ status: 'sent', resend: true });
    const posts = h.inbox(DEMO.officer).filter((r) => (r.text ?? '').endsWith('通知 cut'));
    expect(posts.map((r) => r.text)).toEqual([
      '通知 cut',
      expect.stringMatching(/^（再送）.*\n\n通知 cut$/s),
    ]);
  });

  it('gives up at once on 403 (the user blocked the bot) and records why', async () => {
    h.connector.failNext = { status: 403, count: 1 };
    await enqueue('blocked', DEMO.deputy);
    await h.bot.sender.settle();
    const o = await item('blocked');
    expect(o.status).toBe('dead');
    expect(o.attempts).toBe(1);
    expect(o.lastError).toMatch(/403/);
    expect(texts(DEMO.deputy, 'blocked')).toHaveLength(0);
  });

  it('never sends the same dedupe key twice', async () => {
    expect(await enqueue('once', DEMO.officer)).toBe(true);
    expect(await enqueue('once', DEMO.officer)).toBe(false);
    await h.bot.sender.settle();
    await h.bot.sender.settle();
    expect(texts(DEMO.officer, 'once')).toHaveLength(1);
    expect((await new OutboxRepo(h.bot.db).all()).filter((o) => o.dedupeKey === 'once')).toHaveLength(1);
  });

  it('keeps a message for someone it cannot reach waiting — never dead — re-checks it only when due, and delivers it when they open the chat', async () => {
    // 統括 never opened the chat and the app is not installed for him; Graph is not configured.
    h.connector.notInstalled.add(DEMO.chief);
    const tries = () =>
      h.connector.created.filter((c) => (c.members as Array<{ id: string }>)[0]?.id === DEMO.chief).length;
    await enqueue('nobody', DEMO.chief);
    await h.bot.sender.settle();
    let o = await item('nobody');
    expect(o).toMatchObject({ status: 'waiting', attempts: 0 });
    expect(o.lastError).toMatch(/not installed/);
    expect(tries()).toBe(1);
    // Not due before the re-check: another drain does not knock again.
    clock.advanceMinutes(DEFAULT_SENDER_OPTIONS.recheckMs / 60_000 - 1);
    await h.bot.sender.settle();
    expect(tries()).toBe(1);
    // Far more re-checks than maxAttempts: still waiting, never dead.
    for (let i = 0; i < DEFAULT_SENDER_OPTIONS.maxAttempts + 2; i++) {
      clock.advanceMinutes(DEFAULT_SENDER_OPTIONS.recheckMs / 60_000 + 1);
      await h.bot.sender.settle();
    }
    o = await item('nobody');
    expect(o.status).toBe('waiting');
    expect(tries()).toBe(DEFAULT_SENDER_OPTIONS.maxAttempts + 3);
    expect(texts(DEMO.chief, 'nobody')).toHaveLength(0);
    const unreachable = (await new AuditRepo(h.bot.db).list('E1005')).filter(
      (e) => e.event === 'delivery.unreachable',
    );
    expect(unreachable).toHaveLength(1); // the first time it waited, not on every re-check

    // He opens the chat: the identity guard stores his reference and releases the message at once.
    await h.say(DEMO.chief, 'こんにちは');
    await h.connector.waitFor(() => texts(DEMO.chief, 'nobody').length === 1);
    await h.bot.sender.settle();
    expect((await item('nobody')).status).toBe('sent');
    expect(texts(DEMO.chief, 'nobody')).toHaveLength(1);
    const released = (await new AuditRepo(h.bot.db).list('E1005')).filter(
      (e) => e.event === 'delivery.released',
    );
    expect(released.map((e) => e.data?.items)).toEqual([1]);
  });
});
