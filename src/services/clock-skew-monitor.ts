import {
  clockReport,
  skewFromDateHeader,
  type ClockReport,
  type ClockSkewMeasurement,
} from '../domain/clock-skew';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';

/**
 * The latest clock-skew measurement of this process (12(4)③), for /healthz. One instance per bot,
 * made by the composition root; a skew beyond the threshold is logged as a warning when it starts
 * (and when the skew is back within it), not on every response.
 */
export class ClockSkewMonitor {
  private latest: ClockSkewMeasurement | undefined;
  private warned = false;

  constructor(private readonly deps: { clock: Clock; logger: Logger; thresholdMs: number }) {}

  get clock(): Clock {
    return this.deps.clock;
  }

  /** One response's Date header, read between `sentAtMs` and `receivedAtMs` (our clock). */
  record(dateHeader: string | undefined | null, sentAtMs: number, receivedAtMs: number, peer: string): void {
    const skewMs = skewFromDateHeader(dateHeader, sentAtMs, receivedAtMs);
    if (skewMs === null) return;
    this.latest = { skewMs, measuredAgainst: peer, at: new Date(receivedAtMs).toISOString() };
    const over = Math.abs(skewMs) > this.deps.thresholdMs;
    // Accurate time is 12(4)③: the log names the skew and the peer, the operator fixes NTP.
    if (over && !this.warned)
      this.deps.logger.warn(
        { skewMs, measuredAgainst: peer, thresholdMs: this.deps.thresholdMs },
        'clock skew beyond threshold: record times may be inaccurate',
      );
    else if (!over && this.warned)
      this.deps.logger.info({ skewMs, measuredAgainst: peer }, 'clock skew back within threshold');
    this.warned = over;
  }

  report(): ClockReport {
    return clockReport(this.latest, this.deps.thresholdMs);
  }
}
