// Teams' rate limits as pure rules: a token bucket per tenant and sliding windows per conversation.
// No I/O and no clock of its own: every function takes the time in milliseconds, so the rules are
// tested with an injected clock and the state can live anywhere (services/rate-limiter.ts keeps it
// in the database, so that every process of the app shares one budget per tenant).
//
// Source: Microsoft Learn, "Optimize your bot with rate limiting in Teams",
// https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit
// - "Per bot per thread limit" (a thread is the 1:1 chat, a group chat or a channel): Send to
//   Conversation 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per 3600 s; Create Conversation the same.
// - "Per app per tenant": the global limit is 50 requests per second (older versions of the page:
//   30). All requests count, sending, creating conversations and roster fetches alike, and a request
//   that was refused still was a request.
// The page calls every value an estimate and asks for backoff on 429 (and on 412, 502, 504), which
// is why a 429 also slows the whole tenant here (see `throttled`).

/** At most `max` requests in any `windowMs` (a request at t counts for [t, t + windowMs)). */
export interface WindowLimit {
  windowMs: number;
  max: number;
}

/** Teams' per-conversation ("per bot per thread") limits for sending and creating conversations. */
export const CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { windowMs: 1000, max: 7 },
  { windowMs: 2000, max: 8 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1800 },
];

/** How far back the sends of a conversation matter (the longest window). */
export const CONVERSATION_HORIZON_MS = Math.max(...CONVERSATION_LIMITS.map((l) => l.windowMs));

/**
 * Milliseconds until one more request to a conversation stays within every window, 0 when it may go
 * now. `sendTimesMs`: the conversation's earlier requests, in any order.
 */
export function conversationDelayMs(
  sendTimesMs: readonly number[],
  nowMs: number,
  limits: readonly WindowLimit[] = CONVERSATION_LIMITS,
): number {
  const sorted = [...sendTimesMs].sort((a, b) => a - b);
  let delay = 0;
  for (const limit of limits) {
    const inWindow = sorted.filter((t) => t > nowMs - limit.windowMs && t <= nowMs);
    if (inWindow.length < limit.max) continue;
    // The oldest (count − max + 1) requests must leave the window first.
    const leaving = inWindow[inWindow.length - limit.max] as number;
    delay = Math.max(delay, leaving + limit.windowMs - nowMs);
  }
  return delay;
}

export interface BudgetConfig {
  /** Requests per second for the tenant (all requests of the app, failed ones included). */
  ratePerSecond: number;
  /** Tokens the bucket holds at most: the burst after a quiet time. */
  burst: number;
  /**
   * Back-pressure. Every 429 halves the burst: for `calmMs` the bucket holds at most `calmCapMs`
   * worth of tokens (half the burst by default; steady sending is not slowed by this, a burst is).
   * When 429s reach `throttleShare` of the tenant's recent requests (counts that halve every
   * `throttleWindowMs`), and at least `throttleMinCount` of them, the tenant pauses for the
   * Retry-After (capped at `maxPauseMs`) or `pauseMs`: its limit is evidently lower than configured
   * right now. Scattered 429s (a few per cent) only cost their own retry.
   */
  calmMs: number;
  calmCapMs: number;
  throttleWindowMs: number;
  throttleShare: number;
  throttleMinCount: number;
  pauseMs: number;
  maxPauseMs: number;
  /** Replies in turns are debited without waiting; the debt is capped at this many tokens. */
  maxDebt: number;
}

/**
 * The configuration for a rate. The burst is a fifth of a second's worth: enough to make up for
 * the sending process's own pauses (a turn's synchronous SQLite work, garbage collection) without
 * losing budget, small against any one-second window Teams may count in; halved for a second after
 * a 429. A tenant pauses when 429s reach a fifth of its recent requests (at least 5): far above
 * scattered faults (a few per cent), quickly reached when the real limit is lower than the
 * configured one (e.g. 30/s while sending 50/s: 40 %).
 */
export function budgetConfig(ratePerSecond: number, o: Partial<BudgetConfig> = {}): BudgetConfig {
  return {
    ratePerSecond,
    burst: Math.max(1, Math.ceil(ratePerSecond / 5)),
    calmMs: 1000,
    calmCapMs: 100,
    throttleWindowMs: 1000,
    throttleShare: 0.2,
    throttleMinCount: 5,
    pauseMs: 1000,
    maxPauseMs: 5000,
    maxDebt: ratePerSecond,
    ...o,
  };
}

/** One tenant's bucket, as stored. */
export interface BucketState {
  tokens: number;
  updatedMs: number;
  /** No token is handed out before this time (back-pressure after 429s). */
  pausedUntilMs: number;
  /** Until then the bucket holds at most calmCapMs worth of tokens (after a 429: half the burst). */
  calmUntilMs: number;
  /** The current back-pressure window: requests and 429s counted since windowStartMs. */
  windowStartMs: number;
  windowRequests: number;
  windowThrottled: number;
}

export function fullBucket(cfg: BudgetConfig, nowMs: number): BucketState {
  return {
    tokens: cfg.burst,
    updatedMs: nowMs,
    pausedUntilMs: 0,
    calmUntilMs: 0,
    windowStartMs: nowMs,
    windowRequests: 0,
    windowThrottled: 0,
  };
}

/** What the bucket may hold at `nowMs`: the burst, or less while calm after a 429. */
function capacity(s: BucketState, cfg: BudgetConfig, nowMs: number): number {
  if (nowMs >= s.calmUntilMs) return cfg.burst;
  return Math.min(cfg.burst, Math.max(1, (cfg.ratePerSecond * cfg.calmCapMs) / 1000));
}

/** Tokens accrued up to `nowMs`; none while paused. A clock that went back accrues nothing. */
export function refill(s: BucketState, cfg: BudgetConfig, nowMs: number): BucketState {
  const from = Math.max(s.updatedMs, s.pausedUntilMs);
  const elapsed = Math.max(0, nowMs - from);
  const tokens = Math.min(capacity(s, cfg, nowMs), s.tokens + (elapsed * cfg.ratePerSecond) / 1000);
  return { ...s, tokens, updatedMs: Math.max(s.updatedMs, nowMs) };
}

/**
 * The back-pressure counts decay by half every throttleWindowMs (rather than starting from zero),
 * so the share of 429s is judged on about the last two windows — never on the first few requests
 * of a fresh window, where three scattered 429s would look like a third of all traffic.
 */
function rollWindow(s: BucketState, cfg: BudgetConfig, nowMs: number): BucketState {
  const k = Math.floor((nowMs - s.windowStartMs) / cfg.throttleWindowMs);
  if (k < 1) return s;
  const halve = (n: number) => (k >= 31 ? 0 : Math.floor(n / 2 ** k));
  return {
    ...s,
    windowStartMs: s.windowStartMs + k * cfg.throttleWindowMs,
    windowRequests: halve(s.windowRequests),
    windowThrottled: halve(s.windowThrottled),
  };
}

/** When the bucket will hold one whole token again (nowMs when it already does and is not paused). */
export function nextTokenAtMs(s: BucketState, cfg: BudgetConfig, nowMs: number): number {
  const start = Math.max(nowMs, s.pausedUntilMs);
  const r = refill(s, cfg, start);
  if (r.tokens >= 1) return start;
  return start + Math.ceil(((1 - r.tokens) * 1000) / cfg.ratePerSecond);
}

/** Takes up to `want` tokens now. */
export function take(
  s: BucketState,
  cfg: BudgetConfig,
  nowMs: number,
  want: number,
): { state: BucketState; granted: number; nextAtMs: number } {
  let r = rollWindow(refill(s, cfg, nowMs), cfg, nowMs);
  const granted = nowMs < r.pausedUntilMs ? 0 : Math.max(0, Math.min(want, Math.floor(r.tokens)));
  r = { ...r, tokens: r.tokens - granted, windowRequests: r.windowRequests + granted };
  return { state: r, granted, nextAtMs: nextTokenAtMs(r, cfg, nowMs) };
}

/**
 * Requests that went out without waiting (a reply within a user's turn: nobody makes a staff member
 * wait for a broadcast): debited now, the debt capped at `maxDebt`, so later sends wait for it.
 */
export function debit(s: BucketState, cfg: BudgetConfig, nowMs: number, n: number): BucketState {
  const r = rollWindow(refill(s, cfg, nowMs), cfg, nowMs);
  return { ...r, tokens: Math.max(-cfg.maxDebt, r.tokens - n), windowRequests: r.windowRequests + n };
}

/**
 * A 429 from the connector: the burst is gone at once (no more than the steady rate from here), and
 * when 429s make `throttleShare` of the window's requests the tenant pauses (see BudgetConfig).
 */
export function throttled(
  s: BucketState,
  cfg: BudgetConfig,
  nowMs: number,
  retryAfterMs: number | undefined,
): { state: BucketState; pausedUntilMs: number | undefined } {
  let r = rollWindow(refill(s, cfg, nowMs), cfg, nowMs);
  const calmUntilMs = Math.max(r.calmUntilMs, nowMs + cfg.calmMs);
  r = {
    ...r,
    calmUntilMs,
    tokens: Math.min(r.tokens, capacity({ ...r, calmUntilMs }, cfg, nowMs)),
    windowThrottled: r.windowThrottled + 1,
  };
  const threshold = Math.max(cfg.throttleMinCount, cfg.throttleShare * r.windowRequests);
  if (r.windowThrottled < threshold) return { state: r, pausedUntilMs: undefined };
  const pause = Math.min(Math.max(0, retryAfterMs ?? cfg.pauseMs), cfg.maxPauseMs);
  const until = Math.max(r.pausedUntilMs, nowMs + pause);
  // A new window after the pause: the next pause needs new evidence.
  return {
    state: { ...r, pausedUntilMs: until, windowStartMs: until, windowRequests: 0, windowThrottled: 0 },
    pausedUntilMs: until,
  };
}
