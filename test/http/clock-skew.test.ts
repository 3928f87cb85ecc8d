import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { clockReport, skewFromDateHeader } from '../../src/domain/clock-skew';
import { msg } from '../../src/i18n';
import { createLogger } from '../../src/logger';
import { ClockSkewMonitor } from '../../src/services/clock-skew-monitor';
import { OutboxRepo, PRIORITY } from '../../src/storage/outbox-repo';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function healthz(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('clock skew arithmetic (12(4)③)', () => {
  it('compares the whole-second Date with the middle of the round trip', () => {
    const sent = Date.parse('2026-12-01T00:00:00.000Z');
    // Peer says 00:02:00 (some time in [00:02:00, 00:02:01)) while we were at 00:00:00.100.
    expect(skewFromDateHeader('Tue, 01 Dec 2026 00:02:00 GMT', sent, sent + 200)).toBe(120_400);
    expect(skewFromDateHeader('Tue, 01 Dec 2026 00:00:00 GMT', sent + 500, sent + 500)).toBe(0);
    expect(skewFromDateHeader(undefined, sent, sent)).toBeNull();
    expect(skewFromDateHeader('not a date', sent, sent)).toBeNull();
  });

  it('warns beyond the threshold either way, and reports nothing unmeasured', () => {
    const m = { skewMs: -61_000, measuredAgainst: 'http://x', at: '2026-12-01T00:00:00.000Z' };
    expect(clockReport(m, 60_000)).toMatchObject({ skewMs: -61_000, warning: true, thresholdMs: 60_000 });
    expect(clockReport({ ...m, skewMs: 59_000 }, 60_000)).toMatchObject({ warning: false });
    expect(clockReport(undefined, 60_000)).toEqual({ skewMs: null });
  });

  it('logs a warning once when the skew goes beyond the threshold, and when it is back', () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString('utf8').split('\n').filter(Boolean))
          lines.push(JSON.parse(l) as Record<string, unknown>);
        done();
      },
    });
    const now = Date.parse('2026-12-01T00:00:00.000Z');
    const monitor = new ClockSkewMonitor({
      clock: { now: () => new Date(now) },
      logger: createLogger('info', sink),
      thresholdMs: 60_000,
    });
    const ahead = new Date(now + 90_000).toUTCString();
    monitor.record(ahead, now, now, 'http://peer');
    monitor.record(ahead, now, now, 'http://peer');
    monitor.record(new Date(now).toUTCString(), now, now, 'http://peer');
    expect(lines.map((l) => [l.level, l.msg, l.skewMs])).toEqual([
      [40, 'clock skew beyond threshold: record times may be inaccurate', 90_500],
      [30, 'clock skew back within threshold', 500],
    ]);
  });
});

describe('/healthz clock (12(4)③)', () => {
  it('reports no skew before anything was measured', async () => {
    h = await BotHarness.start();
    const r = await healthz(h.bot.port);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', clock: { skewMs: null } });
    expect(r.body.warnings).toBeUndefined();
  });

  it("measures against the connector's Date header: a clock 2 minutes off is a warning, status still 200", async () => {
    h = await BotHarness.start();
    h.connector.dateHeader = () => new Date(Date.now() + 120_000).toUTCString();
    await h.say(DEMO.staff, 'ヘルプ');
    const r = await healthz(h.bot.port);
    expect(r.status).toBe(200);
    const clock = r.body.clock as Record<string, unknown>;
    expect(clock).toMatchObject({
      measuredAgainst: h.connector.url.replace(/\/$/, ''),
      thresholdMs: 60_000,
      warning: true,
    });
    expect(Math.abs(Number(clock.skewMs) - 120_000)).toBeLessThan(2_000);
    expect(Date.parse(String(clock.at))).toBeGreaterThan(Date.now() - 60_000);
    expect(r.body.warnings).toEqual(['clock_skew']);
    expect(r.body.status).toBe('ok');

    // The latest measurement counts: back in step, no warning.
    h.connector.dateHeader = undefined;
    await h.say(DEMO.staff, 'ヘルプ');
    const again = await healthz(h.bot.port);
    expect(again.body.warnings).toBeUndefined();
    expect(Math.abs(Number((again.body.clock as Record<string, unknown>).skewMs))).toBeLessThan(2_000);
  });

  it('measures proactive sends too, and takes the threshold from CLOCK_SKEW_WARN_SECONDS', async () => {
    h = await BotHarness.start({ env: { CLOCK_SKEW_WARN_SECONDS: '600' } });
    await h.say(DEMO.chief, 'ヘルプ'); // the chat exists; measured in step
    expect(
      Math.abs(Number(((await healthz(h.bot.port)).body.clock as { skewMs: number }).skewMs)),
    ).toBeLessThan(2_000);
    h.connector.dateHeader = () => new Date(Date.now() - 120_000).toUTCString();
    await new OutboxRepo(h.bot.db).enqueue({
      dedupeKey: 'skew-test',
      toAad: DEMO.chief,
      priority: PRIORITY.normal,
      message: { type: 'text', text: msg('compliance.menu') },
      at: new Date().toISOString(),
    });
    await h.bot.sender.settle();
    expect(h.inbox(DEMO.chief).some((r) => r.text === 'メニュー')).toBe(true);
    const clock = (await healthz(h.bot.port)).body.clock as Record<string, unknown>;
    expect(clock).toMatchObject({ thresholdMs: 600_000, warning: false });
    expect(Math.abs(Number(clock.skewMs) + 120_000)).toBeLessThan(2_000);
  });
});
