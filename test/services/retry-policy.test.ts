import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  isRetryableStatus,
  nextRetry,
  parseRetryAfter,
  type RetryPolicy,
} from '../../src/services/retry-policy';
import { DEFAULT_SENDER_OPTIONS } from '../../src/teams/sender';
import { DEFAULT_WEBHOOK_OPTIONS } from '../../src/services/webhook-service';

const POLICY: RetryPolicy = { maxAttempts: 5, baseMs: 1000, maxBackoffMs: 8000, maxRetryAfterMs: 60_000 };
const NOW = Date.parse('2026-11-26T00:00:00Z');

describe('retry policy (shared by the outbox sender and the webhook dispatcher)', () => {
  it('reads Retry-After as seconds or an HTTP-date, never negative', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter(7, NOW)).toBe(7000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 00:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 23:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
  });

  it('caps a huge Retry-After: 100000000 s does not schedule a card for 2030', () => {
    const huge = parseRetryAfter('100000000', NOW);
    expect(huge).toBe(100_000_000_000);
    expect(nextRetry(POLICY, 1, huge)).toEqual({ retry: true, delayMs: 60_000 });
    expect(nextRetry(POLICY, 1, 3000)).toEqual({ retry: true, delayMs: 3000 });
  });

  it('backs off exponentially with equal jitter, capped, without Retry-After', () => {
    // attempt n waits base·2^(n−1) in [exp/2, exp]: random 0 → exp/2, random 1 → exp.
    expect(backoffMs(POLICY, 1, () => 0)).toBe(500);
    expect(backoffMs(POLICY, 1, () => 1)).toBe(1000);
    expect(backoffMs(POLICY, 3, () => 0.5)).toBe(3000);
    expect(backoffMs(POLICY, 10, () => 1)).toBe(8000);
    expect(nextRetry(POLICY, 2, undefined, () => 0)).toEqual({ retry: true, delayMs: 1000 });
  });

  it('gives up after the last attempt, Retry-After or not', () => {
    expect(nextRetry(POLICY, 4, undefined, () => 0).retry).toBe(true);
    expect(nextRetry(POLICY, 5, undefined)).toEqual({ retry: false });
    expect(nextRetry(POLICY, 5, 0)).toEqual({ retry: false });
  });

  it('retries what Teams documents as transient (412, 429, 502, 503, 504), 408, other 5xx and lost connections; no other 4xx', () => {
    for (const s of [undefined, 408, 412, 429, 500, 502, 503, 504])
      expect(isRetryableStatus(s), String(s)).toBe(true);
    for (const s of [400, 401, 403, 404, 409, 413]) expect(isRetryableStatus(s), String(s)).toBe(false);
  });

  it('retries a 429 after its Retry-After when present, else after the jittered backoff of that attempt', () => {
    const at = (retryAfter: string | undefined, attempt: number, r: number) =>
      nextRetry(POLICY, attempt, parseRetryAfter(retryAfter, NOW), () => r);
    expect(at('2', 3, 0.9)).toEqual({ retry: true, delayMs: 2000 }); // the peer's word, no jitter
    expect(at(undefined, 3, 0)).toEqual({ retry: true, delayMs: 2000 }); // 4000 jittered into [2000, 4000]
    expect(at(undefined, 3, 1)).toEqual({ retry: true, delayMs: 4000 });
    expect(at('Thu, 26 Nov 2026 00:00:03 GMT', 1, 0.5)).toEqual({ retry: true, delayMs: 3000 });
  });

  it('is configured with a Retry-After cap in both workers', () => {
    expect(DEFAULT_SENDER_OPTIONS.maxRetryAfterMs).toBeLessThanOrEqual(5 * 60_000);
    expect(DEFAULT_WEBHOOK_OPTIONS.maxRetryAfterMs).toBeLessThanOrEqual(15 * 60_000);
  });
});
