import { afterEach, describe, expect, it } from 'vitest';
import { budgetConfig } from '../../src/domain/rate-limit';
import { DeliveryGate, type RateTimer } from '../../src/services/delivery-gate';
import { TenantBudget } from '../../src/services/rate-limiter';
import { createLogger } from '../../src/logger';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { PRIORITY } from '../../src/storage/outbox-repo';
import { tempDbFile } from '../helpers/db';

const T0 = Date.parse('2026-11-26T00:00:00Z');
const TENANT = 'tenant-a';
const opened: SqliteDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

/** Two "instances": two connections (as two processes would have) to one database file. */
function twoInstances(rate = 50) {
  const file = tempDbFile();
  const a = SqliteDatabase.open(file);
  const b = SqliteDatabase.open(file);
  opened.push(a, b);
  // A burst of 5 at 50/s keeps the numbers small (the default is a fifth of a second).
  const cfg = budgetConfig(rate, { burst: 5, calmCapMs: 50 });
  return { a: new TenantBudget(a, cfg), b: new TenantBudget(b, cfg) };
}

const granted = (r: { outcomes: Array<{ ok: boolean }> }) => r.outcomes.filter((o) => o.ok).length;

/** Virtual time: sleeping moves the clock, no real waiting. */
class VirtualTimer implements RateTimer {
  t = T0;
  now = () => this.t;
  sleep = async (ms: number) => {
    this.t += ms;
    await Promise.resolve();
  };
}

describe('the tenant budget in the database (injected time)', () => {
  it('is one budget for two instances sharing the database: together they never exceed burst + rate × time', async () => {
    const { a, b } = twoInstances(50);
    let total = 0;
    // Both ask for 10 every 10 ms for 2 s, each for its own conversations.
    for (let t = 0; t <= 2000; t += 10) {
      const convs = (who: string) => Array.from({ length: 10 }, (_, i) => `${who}-${t}-${i}`);
      total += granted(await a.take(TENANT, convs('a'), T0 + t));
      total += granted(await b.take(TENANT, convs('b'), T0 + t));
    }
    expect(total).toBe(5 + 100); // burst 5, 50/s × 2 s — not twice that
    // Tenants are separate budgets.
    expect(granted(await a.take('tenant-b', ['x', 'y'], T0 + 2000))).toBe(2);
  });

  it('shares the conversation windows too: 7 sent by one instance in a second, the other waits', async () => {
    const { a, b } = twoInstances(1000);
    for (let i = 0; i < 7; i++) expect(granted(await a.take(TENANT, ['chat-1'], T0 + i * 100))).toBe(1);
    const refused = await b.take(TENANT, ['chat-1', 'chat-2'], T0 + 700);
    expect(refused.outcomes).toEqual([
      { ok: false, reason: 'conversation', retryAtMs: T0 + 1000 },
      { ok: true },
    ]);
    expect(granted(await b.take(TENANT, ['chat-1'], T0 + 1000))).toBe(1);
  });

  it('counts failed tries against the budget and slows the tenant after a 429 from either instance', async () => {
    const { a, b } = twoInstances(50);
    expect(granted(await a.take(TENANT, ['c1', 'c2', 'c3'], T0))).toBe(3);
    // A 429 (from the other instance) when the bucket is full again: the burst of 5 is halved for
    // a second: two requests now, not five; failed tries stay spent.
    await b.throttled(TENANT, undefined, T0 + 100);
    expect(granted(await a.take(TENANT, ['c4', 'c5', 'c6', 'c7', 'c8'], T0 + 100))).toBe(2);
    expect((await a.take(TENANT, ['c9'], T0 + 100)).outcomes[0]).toMatchObject({
      reason: 'tenant',
      retryAtMs: T0 + 110,
    });
    // Four more 429s (5 of 5 recent requests, at least 5): the tenant pauses for the Retry-After.
    for (let i = 0; i < 3; i++) expect(await a.throttled(TENANT, 1500, T0 + 102)).toBeUndefined();
    expect(await b.throttled(TENANT, 1500, T0 + 103)).toBe(T0 + 1603);
    expect(granted(await b.take(TENANT, ['c10'], T0 + 1600))).toBe(0);
    expect(granted(await a.take(TENANT, ['c10'], T0 + 1623))).toBe(1);
  });

  it('prunes conversation requests older than the longest window (an hour)', async () => {
    const { a } = twoInstances(1000);
    await a.take(TENANT, ['old'], T0);
    await a.take(TENANT, ['new'], T0 + 3_000_000);
    expect(await a.prune(T0 + 3_600_001)).toBe(1);
  });
});

describe('the delivery gate (virtual time)', () => {
  it('sends at the budget: 5 at once, then one every 20 ms at 50/s, emergencies first', async () => {
    const file = tempDbFile();
    const db = SqliteDatabase.open(file);
    opened.push(db);
    const timer = new VirtualTimer();
    const gate = new DeliveryGate(
      new TenantBudget(db, budgetConfig(50, { burst: 5 })),
      timer,
      createLogger('silent'),
      {
        shareEvery: 10,
        minWakeMs: 1,
        maxBatch: 16,
        pruneEveryMs: 60_000,
      },
    );
    const order: string[] = [];
    const times: number[] = [];
    const ask = (name: string, priority: number) =>
      gate.acquire({ tenantId: TENANT, conversationId: name, priority, dueAtMs: T0 }).then((r) => {
        expect(r).toEqual({ ok: true });
        order.push(name);
        times.push(timer.t - T0);
      });
    const all = [
      ...Array.from({ length: 20 }, (_, i) => ask(`routine-${i}`, PRIORITY.normal)),
      ...Array.from({ length: 5 }, (_, i) => ask(`emergency-${i}`, PRIORITY.emergency)),
    ];
    await Promise.all(all);
    expect(order.slice(0, 5)).toEqual([
      'emergency-0',
      'emergency-1',
      'emergency-2',
      'emergency-3',
      'emergency-4',
    ]);
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    // The remaining 20 at 50/s: the last one 20 × 20 ms later.
    expect(times.at(-1)).toBe(400);
    expect(gate.waiting()).toBe(0);
  });
});
