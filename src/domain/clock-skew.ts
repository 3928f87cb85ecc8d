// How far the bot's clock is off (12(4)③: records carry accurate time). Measured against the HTTP
// `Date` header of a peer that keeps good time (the Bot Framework connector): pure arithmetic here,
// the measuring in teams/clock-skew.ts, the keeping in services/clock-skew-monitor.ts.

export interface ClockSkewMeasurement {
  /** Peer's clock minus ours, in ms: positive when our clock is behind. */
  skewMs: number;
  /** The peer measured against (an origin such as https://smba.trafficmanager.net). */
  measuredAgainst: string;
  /** UTC ISO-8601 (our clock) of the measurement. */
  at: string;
}

export type ClockReport =
  { skewMs: null } | (ClockSkewMeasurement & { thresholdMs: number; warning: boolean });

/**
 * The skew from one response: `Date` has whole seconds, so the peer's clock read somewhere in
 * [D, D + 1 s) while our request was out, between `sentAtMs` and `receivedAtMs`. The estimate is
 * D + 500 ms against the middle of the round trip: within ±(500 ms + half the round trip). Null when
 * the header is missing or unreadable.
 */
export function skewFromDateHeader(
  header: string | undefined | null,
  sentAtMs: number,
  receivedAtMs: number,
): number | null {
  if (!header) return null;
  const peer = Date.parse(header);
  if (!Number.isFinite(peer)) return null;
  return Math.round(peer + 500 - (sentAtMs + receivedAtMs) / 2);
}

export function clockReport(m: ClockSkewMeasurement | undefined, thresholdMs: number): ClockReport {
  if (!m) return { skewMs: null };
  return { ...m, thresholdMs, warning: Math.abs(m.skewMs) > thresholdMs };
}
