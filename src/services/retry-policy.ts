// The one retry policy of the durable workers (the Teams outbox sender and the webhook dispatcher):
// exponential backoff with jitter, a peer's Retry-After honoured up to a cap, and a bounded number
// of attempts. Pure: the caller passes the clock time and the jitter source.
//
// Why a cap: Retry-After is the peer's word, and a buggy or hostile answer (`Retry-After: 100000000`)
// must not park a critical card for years. Microsoft documents Retry-After on Teams' 429 answers as
// seconds, typically a few; anything beyond the cap is treated as the cap.

export interface RetryPolicy {
  /** Attempts in all, the first included; after the last one the caller gives up. */
  maxAttempts: number;
  /** Backoff base: the n-th retry waits base·2^(n−1), jittered into its upper half. */
  baseMs: number;
  /** Upper bound of the exponential backoff. */
  maxBackoffMs: number;
  /** Upper bound of a peer's Retry-After. */
  maxRetryAfterMs: number;
}

/**
 * Milliseconds a `Retry-After` header asks for: delta-seconds (`120`) or an HTTP-date (RFC 9110
 * §10.2.3). Undefined when absent or unreadable, never negative. Not capped here (see nextRetry).
 */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const v = String(value).trim();
  if (v === '') return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // An HTTP-date names its weekday and month ("Thu, 26 Nov 2026 00:00:30 GMT"); "-5" is no date.
  if (!/[a-z]{3}/i.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** The jittered exponential backoff before retry number `attempt` (1 = after the first failure). */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxBackoffMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/**
 * Whether a failed HTTP request may succeed when repeated: 408, 412, 429 and 5xx (Teams documents
 * 412, 429, 502, 503 and 504 as transient) and failures without an answer (network). Any other 4xx
 * will not heal by repeating and is final.
 */
export function isRetryableStatus(status: number | undefined): boolean {
  if (status === undefined) return true;
  if (status === 408 || status === 412 || status === 429) return true;
  return status < 400 || status >= 500;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * What to do after failed attempt number `attempt` (1-based, the attempt that just failed):
 * retry after the peer's Retry-After (capped) when it gave one, else after the jittered backoff;
 * give up once `maxAttempts` attempts were made.
 */
export function nextRetry(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): RetryDecision {
  if (attempt >= policy.maxAttempts) return { retry: false };
  const delayMs =
    retryAfterMs !== undefined
      ? Math.min(Math.max(0, retryAfterMs), policy.maxRetryAfterMs)
      : backoffMs(policy, attempt, random);
  return { retry: true, delayMs };
}
