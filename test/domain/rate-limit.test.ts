import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_LIMITS,
  budgetConfig,
  conversationDelayMs,
  debit,
  fullBucket,
  take,
  throttled,
  type BucketState,
} from '../../src/domain/rate-limit';

const T0 = Date.parse('2026-11-26T00:00:00Z');

/** Takes one token at a time at `atMs`, returning how many were granted. */
function drain(s: BucketState, cfg: ReturnType<typeof budgetConfig>, atMs: number, want: number) {
  const r = take(s, cfg, atMs, want);
  return { s: r.state, granted: r.granted, nextAtMs: r.nextAtMs };
}

describe('tenant token bucket (pure, injected time)', () => {
  // Teams' documented 50 requests/s per app per tenant, with a burst of 5 to keep the numbers small.
  const cfg = budgetConfig(50, { burst: 5, calmCapMs: 50 });

  it('defaults to a burst of a fifth of a second, halved for a second after a 429', () => {
    expect(budgetConfig(50)).toMatchObject({ burst: 10, calmMs: 1000, calmCapMs: 100 });
    expect(budgetConfig(200).burst).toBe(40);
    expect(budgetConfig(3).burst).toBe(1);
  });

  it('lets the burst go at once, then nothing until a token accrues', () => {
    expect(cfg.burst).toBe(5);
    let r = drain(fullBucket(cfg, T0), cfg, T0, 100);
    expect(r.granted).toBe(5);
    // 50/s: the next token after 20 ms.
    expect(r.nextAtMs).toBe(T0 + 20);
    r = drain(r.s, cfg, T0 + 19, 1);
    expect(r.granted).toBe(0);
    r = drain(r.s, cfg, T0 + 20, 1);
    expect(r.granted).toBe(1);
  });

  it('refills at the configured rate and never beyond the burst', () => {
    let r = drain(fullBucket(cfg, T0), cfg, T0, 5);
    r = drain(r.s, cfg, T0 + 60_000, 1000); // a minute of quiet: still only the burst
    expect(r.granted).toBe(5);
    // Over 10 s of steady demand: the burst plus exactly rate × time.
    let total = 0;
    let s = fullBucket(cfg, T0);
    for (let t = T0; t <= T0 + 10_000; t += 7) {
      const x = drain(s, cfg, t, 1000);
      s = x.s;
      total += x.granted;
    }
    expect(total).toBeGreaterThanOrEqual(5 + 500 - 1);
    expect(total).toBeLessThanOrEqual(5 + 500);
  });

  it('accrues nothing when a clock goes back (two processes, slight skew)', () => {
    const r = drain(fullBucket(cfg, T0), cfg, T0, 5);
    expect(drain(r.s, cfg, T0 - 1000, 1).granted).toBe(0);
  });

  it('debits replies without waiting, capped, so later sends wait for them', () => {
    let s = debit(fullBucket(cfg, T0), cfg, T0, 10); // 5 − 10 = −5
    expect(s.tokens).toBe(-5);
    expect(drain(s, cfg, T0 + 100, 1).granted).toBe(0); // +5 tokens → 0
    expect(drain(s, cfg, T0 + 120, 1).granted).toBe(1);
    s = debit(fullBucket(cfg, T0), cfg, T0, 10_000);
    expect(s.tokens).toBe(-cfg.maxDebt);
  });

  it('on a 429 halves the burst for a second (no more than 50 ms worth at once); when 429s reach 20 % of recent requests the tenant pauses for the Retry-After', () => {
    let s = fullBucket(cfg, T0);
    let r = throttled(s, cfg, T0, undefined);
    expect(r.state.tokens).toBe(2.5); // 50 ms at 50/s, not the burst of 5
    expect(r.pausedUntilMs).toBeUndefined();
    expect(take(r.state, cfg, T0, 100).granted).toBe(2);
    // Still calm half a second later: a quiet half second accrues no more than half the burst …
    expect(take(r.state, cfg, T0 + 500, 100).granted).toBe(2);
    // … and after the calm second the burst is back.
    expect(take(r.state, cfg, T0 + 1100, 100).granted).toBe(5);
    s = r.state;
    // 40 recent requests, then more 429s: 20 % of 40 = 8, so the 8th 429 (the first included) pauses.
    for (let i = 0; i < 40; i++) s = debit(s, cfg, T0 + 100, 1);
    for (let i = 0; i < 6; i++) {
      r = throttled(i === 0 ? s : r.state, cfg, T0 + 200, 2000);
      expect(r.pausedUntilMs).toBeUndefined();
    }
    r = throttled(r.state, cfg, T0 + 200, 2000);
    expect(r.pausedUntilMs).toBe(T0 + 2200);
    // Paused: nothing accrues before the Retry-After has passed, then the steady rate again (the
    // 40 requests debited: −32.5 tokens at the pause to work off first, 33.5 × 20 ms).
    expect(r.state.tokens).toBeCloseTo(-32.5);
    expect(drain(r.state, cfg, T0 + 2199, 1).granted).toBe(0);
    expect(drain(r.state, cfg, T0 + 2200 + 669, 1).granted).toBe(0);
    expect(drain(r.state, cfg, T0 + 2200 + 670, 1).granted).toBe(1);
    expect(take(r.state, cfg, T0 + 2200, 1).nextAtMs).toBe(T0 + 2200 + 670);
  });

  it('judges the share on recent seconds, not on the first requests of a fresh window', () => {
    // A busy second: 100 requests, no 429. Then, 10 ms into the next second, ten 429s in a row
    // among its first 2 requests: 10 of ~52 recent requests (the last second counts half) — no pause.
    let s = fullBucket(cfg, T0);
    for (let i = 0; i < 100; i++) s = debit(s, cfg, T0 + i * 10, 1);
    for (let i = 0; i < 2; i++) s = debit(s, cfg, T0 + 1000 + i, 1);
    let r = throttled(s, cfg, T0 + 1010, 1000);
    for (let i = 1; i < 10; i++) r = throttled(r.state, cfg, T0 + 1010, 1000);
    expect(r.pausedUntilMs).toBeUndefined();
    // The counts halve every second: a quiet minute forgets them.
    expect(take(r.state, cfg, T0 + 61_000, 0).state).toMatchObject({ windowRequests: 0, windowThrottled: 0 });
  });

  it('caps the pause and uses 1 s without Retry-After', () => {
    const pausing = budgetConfig(50, { burst: 5, throttleMinCount: 1, throttleShare: 0 });
    expect(throttled(fullBucket(pausing, T0), pausing, T0, 100_000_000).pausedUntilMs).toBe(T0 + 5000);
    expect(throttled(fullBucket(pausing, T0), pausing, T0, undefined).pausedUntilMs).toBe(T0 + 1000);
  });

  it('does not pause on scattered 429s (5 % of requests): a random fault is the item’s, not the tenant’s', () => {
    let s = fullBucket(cfg, T0);
    let paused = 0;
    // 10 s at 50/s with every 20th request answered 429.
    for (let i = 0; i < 500; i++) {
      const t = T0 + i * 20;
      const x = take(s, cfg, t, 1);
      s = x.state;
      if (i % 20 === 19) {
        const r = throttled(s, cfg, t, undefined);
        s = r.state;
        if (r.pausedUntilMs !== undefined) paused += 1;
      }
    }
    expect(paused).toBe(0);
  });
});

describe('per-conversation windows (Teams: 7/1 s, 8/2 s, 60/30 s, 1800/h)', () => {
  it('are the documented ones', () => {
    expect(CONVERSATION_LIMITS).toEqual([
      { windowMs: 1000, max: 7 },
      { windowMs: 2000, max: 8 },
      { windowMs: 30_000, max: 60 },
      { windowMs: 3_600_000, max: 1800 },
    ]);
  });

  it('allows 7 in a second, the 8th after the first leaves the 1-second window', () => {
    const sends = [0, 100, 200, 300, 400, 500, 600].map((d) => T0 + d);
    expect(conversationDelayMs(sends.slice(0, 6), T0 + 700)).toBe(0);
    expect(conversationDelayMs(sends, T0 + 700)).toBe(300); // T0 + 1000
    expect(conversationDelayMs(sends, T0 + 1000)).toBe(0);
  });

  it('allows only 8 in two seconds', () => {
    const sends = [0, 100, 200, 300, 400, 500, 600, 1100].map((d) => T0 + d);
    // At T0 + 1500 the 1 s window holds 3 (500, 600, 1100), the 2 s window all 8: full.
    expect(conversationDelayMs(sends, T0 + 1500)).toBe(500); // the first leaves at T0 + 2000
    expect(conversationDelayMs(sends, T0 + 2000)).toBe(0);
  });

  it('allows only 60 in thirty seconds', () => {
    const sends = Array.from({ length: 60 }, (_, i) => T0 + i * 400); // 0 … 23.6 s, never 8 in 2 s
    expect(conversationDelayMs(sends.slice(0, 59), T0 + 24_000)).toBe(0);
    expect(conversationDelayMs(sends, T0 + 24_000)).toBe(6000); // the first leaves at T0 + 30 s
  });

  it('allows only 1800 in an hour', () => {
    const sends = Array.from({ length: 1800 }, (_, i) => T0 + i * 1500); // 45 min, 20 per 30 s
    const now = T0 + 1800 * 1500;
    expect(conversationDelayMs(sends.slice(1), now)).toBe(0);
    expect(conversationDelayMs(sends, now)).toBe(3_600_000 - 1800 * 1500); // until T0 + 1 h
  });
});
