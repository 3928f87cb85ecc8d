import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedText } from '../../src/i18n';
import { AuditRepo } from '../../src/storage/audit-repo';
import { ConversationRepo } from '../../src/storage/conversation-repo';
import { OutboxRepo, PRIORITY } from '../../src/storage/outbox-repo';
import { DEMO_TENANT_ID } from '../../src/config/config';
import { DEFAULT_SENDER_OPTIONS, blockedCode } from '../../src/teams/sender';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';
import { ManualClock, VirtualRateTimer } from '../helpers/clock';
import { MESSAGE_WRITES_BLOCKED } from '../helpers/connector';

/**
 * The delivery engine through the real bot and the loopback connector: concurrency, the tenant's
 * budget and Teams' windows in the budget's own (virtual) time, priority with the reserved share,
 * back-pressure after 429s and the final states with their reasons.
 */
const RATE = 50;
const person = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('delivery engine', () => {
  let h: BotHarness;
  const clock = new ManualClock();
  const timer = new VirtualRateTimer();
  let batchNo = 0;

  beforeAll(async () => {
    h = await BotHarness.start({
      clock,
      rateTimer: timer,
      env: { TEAMS_RATE_PER_SECOND: String(RATE), TEAMS_SEND_CONCURRENCY: '8' },
      senderOptions: { maxParkMs: DEFAULT_SENDER_OPTIONS.maxParkMs },
    });
    // People with a stored 1:1 conversation (as after a first chat).
    const refs = new ConversationRepo(h.bot.db);
    for (let n = 1; n <= 400; n++) {
      const aad = person(n);
      await refs.upsert({
        aadObjectId: aad,
        tenantId: DEMO_TENANT_ID,
        conversationId: `a:personal-${aad}`,
        reference: {
          channelId: 'msteams',
          serviceUrl: h.connector.url,
          conversation: { id: `a:personal-${aad}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
          bot: { id: '28:bot', name: '' },
          user: { id: aad, aadObjectId: aad, name: '' },
        },
        at: clock.now().toISOString(),
      });
    }
  });
  afterAll(async () => h.stop());

  async function enqueue(people: number[], priority: number, tag: string) {
    const outbox = new OutboxRepo(h.bot.db);
    await h.bot.db.transaction(async (tx) => {
      for (const n of people)
        await new OutboxRepo(tx).enqueue({
          dedupeKey: `${tag}:${n}`,
          toAad: person(n),
          priority,
          message: { type: 'text', text: storedText({ ja: `${tag} ${n}`, en: `${tag} ${n}` }) },
          at: clock.now().toISOString(),
        });
    });
    h.bot.sender.kick();
    return outbox;
  }

  /** The budget-time of each request, by conversation (rate_sends, written when a token is taken). */
  async function requestTimes(): Promise<Array<{ conversation_id: string; at_ms: number }>> {
    return (
      await h.bot.db.query<{ conversation_id: string; at_ms: number }>(
        'SELECT conversation_id, at_ms FROM rate_sends ORDER BY at_ms, conversation_id',
      )
    ).map((r) => ({ ...r, at_ms: Number(r.at_ms) }));
  }

  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('sends several at once and at the budget: a burst of 10, then at most 50 in any second of budget time', async () => {
    batchNo += 1;
    const before = (await requestTimes()).length;
    h.connector.latencyMs = 30;
    let inFlight = 0;
    let maxInFlight = 0;
    const origPush = h.connector.received.push.bind(h.connector.received);
    h.connector.received.push = (...r) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => (inFlight -= 1), 30);
      return origPush(...r);
    };
    await enqueue(range(1, 150), PRIORITY.emergency, `b${batchNo}`);
    await h.bot.sender.settle();
    h.connector.received.push = origPush;
    h.connector.latencyMs = 0;
    const times = (await requestTimes()).slice(before).map((r) => r.at_ms);
    expect(times).toHaveLength(150);
    expect(maxInFlight).toBeGreaterThan(1); // concurrent, not one round trip at a time
    for (const t of times) {
      const inSecond = times.filter((x) => x >= t && x < t + 1000).length;
      expect(inSecond).toBeLessThanOrEqual(10 + RATE);
    }
    // 150 at 50/s after a burst of 10 (a fifth of a second): 140 / 50 = 2.8 s of budget time.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(2800);
    expect(times.at(-1)! - times[0]!).toBeLessThan(3000);
    const rows = (await new OutboxRepo(h.bot.db).all()).filter((o) => o.dedupeKey.startsWith(`b${batchNo}:`));
    expect(rows.every((o) => o.status === 'sent' && o.attempts === 1)).toBe(true);
  });

  it('holds a conversation to 7 per second and 8 per 2 s in budget time, and keeps a person’s messages in order', async () => {
    const before = (await requestTimes()).length;
    const outbox = new OutboxRepo(h.bot.db);
    for (let i = 0; i < 12; i++)
      await outbox.enqueue({
        dedupeKey: `seq:${i}`,
        toAad: person(399),
        priority: PRIORITY.normal,
        message: { type: 'text', text: storedText({ ja: `順番 ${i}`, en: `order ${i}` }) },
        at: clock.now().toISOString(),
      });
    h.bot.sender.kick();
    await h.bot.sender.settle();
    const times = (await requestTimes()).slice(before).map((r) => r.at_ms);
    expect(times).toHaveLength(12);
    for (const t of times) {
      expect(times.filter((x) => x >= t && x < t + 1000).length).toBeLessThanOrEqual(7);
      expect(times.filter((x) => x >= t && x < t + 2000).length).toBeLessThanOrEqual(8);
    }
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(2000); // the 9th waited for the 2 s window
    expect(h.inbox(person(399)).map((r) => r.text)).toEqual(range(0, 11).map((i) => `順番 ${i}`));
  });

  it('pre-empts routine traffic for an emergency, yet sends a routine approval within a bounded time of an endless emergency stream', async () => {
    batchNo += 1;
    const tag = `e${batchNo}`;
    const before = (await requestTimes()).length;
    await enqueue(range(1, 300), PRIORITY.emergency, tag);
    // Once the broadcast runs, a routine approval card is enqueued — after 300 emergencies.
    await h.connector.waitFor(
      (r) => r.filter((x) => String(x.activity.text).startsWith(`${tag} `)).length >= 40,
      20_000,
    );
    const enqueuedAt = timer.now();
    await enqueue([350], PRIORITY.normal, `routine${batchNo}`);
    // More emergencies keep arriving meanwhile.
    await enqueue(range(301, 340), PRIORITY.emergency, tag);
    await h.bot.sender.settle();
    const times = (await requestTimes()).slice(before);
    const routine = times.find((r) => r.conversation_id === `a:personal-${person(350)}`)!;
    expect(routine).toBeDefined();
    // Bound: the outbox is asked for lower classes every 250 ms, then every 10th grant is theirs.
    const bound = DEFAULT_SENDER_OPTIONS.lowerLookMs + (10 * 1000) / RATE + 100;
    expect(routine.at_ms - enqueuedAt).toBeLessThanOrEqual(bound);
    const after = times.filter((r) => r.at_ms > routine.at_ms).length;
    expect(after).toBeGreaterThan(200); // it did not wait for the broadcast to end
    // And a routine item never overtakes an emergency one otherwise: the first 40 were emergencies.
    expect(times.slice(0, 40).every((r) => r.conversation_id !== `a:personal-${person(350)}`)).toBe(true);
  });

  it('counts a staff member’s reply against the tenant’s budget without making the turn wait', async () => {
    const bucket = () =>
      h.bot.db.one<{ tokens: number; window_requests: number }>(
        'SELECT tokens, window_requests FROM rate_buckets WHERE tenant_id = ?',
        [DEMO_TENANT_ID],
      );
    const before = (await bucket())!;
    const replies = await h.say(DEMO.officer, 'こんにちは');
    expect(replies.length).toBeGreaterThan(0);
    // The debit is written right after the reply left (the turn does not wait for it): poll for it.
    let after = (await bucket())!;
    for (let i = 0; i < 100 && after.window_requests === before.window_requests; i++) {
      await new Promise((r) => setImmediate(r));
      after = (await bucket())!;
    }
    expect(before.tokens - after.tokens).toBeCloseTo(replies.length);
    expect(after.window_requests - before.window_requests).toBe(replies.length);
  });

  it('takes a 403 MessageWritesBlocked as final: unreachable with the reason, not retried, audited', async () => {
    expect(blockedCode(403, JSON.stringify(MESSAGE_WRITES_BLOCKED))).toBe('MessageWritesBlocked');
    expect(
      blockedCode(
        403,
        '{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}',
      ),
    ).toBe('ConversationBlockedByUser');
    expect(blockedCode(403, '{"error":{"code":"BotNotInConversationRoster"}}')).toBeUndefined();
    expect(blockedCode(429, JSON.stringify(MESSAGE_WRITES_BLOCKED))).toBeUndefined();
    h.connector.blocked.add(`a:personal-${person(360)}`);
    const outbox = await enqueue([360], PRIORITY.emergency, 'blocked');
    await h.bot.sender.settle();
    clock.advanceMinutes(60);
    await h.bot.sender.settle();
    const row = (await outbox.all()).find((o) => o.dedupeKey === 'blocked:360')!;
    expect(row).toMatchObject({ status: 'unreachable', attempts: 1, claimedBy: null });
    expect(row.lastError).toMatch(/^403 MessageWritesBlocked: .*blocked or uninstalled the bot/);
    expect(h.connector.received.filter((r) => r.conversationId === `a:personal-${person(360)}`)).toHaveLength(
      1,
    );
    const audit = (await new AuditRepo(h.bot.db).list(person(360))).map((e) => e.event);
    expect(audit).toContain('delivery.blocked');
  });

  it('gives up on other 4xx at once and after the last attempt on 5xx, each with its reason', async () => {
    h.connector.failNext = {
      status: 400,
      count: 1,
      body: { error: { code: 'BadArgument', message: 'bad' } },
    };
    const outbox = await enqueue([361], PRIORITY.normal, 'bad');
    await h.bot.sender.settle();
    h.connector.failNext = { status: 503, count: DEFAULT_SENDER_OPTIONS.maxAttempts };
    await enqueue([362], PRIORITY.normal, 'busy');
    for (let i = 0; i < DEFAULT_SENDER_OPTIONS.maxAttempts + 1; i++) {
      await h.bot.sender.settle();
      const o = (await outbox.all()).find((x) => x.dedupeKey === 'busy:362')!;
      if (o.status !== 'pending') break;
      clock.set(o.nextAttemptAt);
    }
    const rows = await outbox.all();
    expect(rows.find((o) => o.dedupeKey === 'bad:361')).toMatchObject({ status: 'dead', attempts: 1 });
    expect(rows.find((o) => o.dedupeKey === 'bad:361')!.lastError).toMatch(/^400: /);
    const busy = rows.find((o) => o.dedupeKey === 'busy:362')!;
    expect(busy).toMatchObject({ status: 'dead', attempts: DEFAULT_SENDER_OPTIONS.maxAttempts });
    expect(busy.lastError).toMatch(/^gave up after 8 attempts: 503/);
    // Nothing final without a reason.
    expect(rows.filter((o) => (o.status === 'dead' || o.status === 'unreachable') && !o.lastError)).toEqual(
      [],
    );
  });

  it('slows the whole tenant after 429s: the burst is halved for a second, a cluster of 429s pauses it for the Retry-After', async () => {
    // Let the bucket fill up again (budget time), then five 429s in a row with Retry-After: 2.
    await timer.sleep(10_000);
    h.connector.failNext = { status: 429, count: 5, retryAfter: 2 };
    const outbox = await enqueue([371, 372, 373, 374, 375], PRIORITY.emergency, 'thr');
    await h.bot.sender.settle();
    const bucket = await h.bot.db.one<{ tokens: number; paused_until_ms: number; calm_until_ms: number }>(
      'SELECT tokens, paused_until_ms, calm_until_ms FROM rate_buckets WHERE tenant_id = ?',
      [DEMO_TENANT_ID],
    );
    // The burst is halved (100 ms worth at most) and the cluster paused the tenant.
    expect(bucket!.tokens).toBeLessThanOrEqual(RATE * 0.1);
    expect(Number(bucket!.calm_until_ms)).toBeGreaterThan(timer.now());
    const pausedUntil = Number(bucket!.paused_until_ms);
    expect(pausedUntil).toBeGreaterThan(timer.now());
    // The items retry after their Retry-After; no request of the tenant goes before the pause ends.
    const before = (await requestTimes()).length;
    for (const o of await outbox.all())
      if (o.dedupeKey.startsWith('thr:')) expect(o.lastError).toMatch(/^429/);
    clock.advanceMinutes(1);
    await enqueue([376], PRIORITY.emergency, 'thr-after');
    await h.bot.sender.settle();
    const later = (await requestTimes()).slice(before);
    expect(later).toHaveLength(6);
    expect(later.every((r) => r.at_ms >= pausedUntil)).toBe(true);
    expect((await outbox.all()).filter((o) => o.dedupeKey.startsWith('thr')).map((o) => o.status)).toEqual([
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
    ]);
  });
});
