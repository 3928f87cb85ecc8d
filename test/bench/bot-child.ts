// The bot process of the delivery benchmark: the real composition root (startBot, as src/main.ts
// runs it) plus two commands from the benchmark over IPC: "broadcast" — standing in for an IT
// administrator's confirm click: the rows are enqueued in one transaction (test/helpers/broadcast.ts)
// and the sender is kicked, as the broadcast service will do — and "stats": the event loop's delay
// and the CPU used since the last "stats" (event-loop health: SQLite calls are synchronous).
// BENCH_SQLSTAT=<file> also writes the time spent per SQL statement to that file every 2 s.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { startBot } from '../../src/main';
import { enqueueBroadcast } from '../helpers/broadcast';

type Command = { type: 'broadcast'; runId: string; recipients: string[] } | { type: 'stats' };

/** Time per SQL text, by wrapping better-sqlite3's statement methods (diagnostics only). */
function recordSql(file: string): void {
  const probe = new BetterSqlite3(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  const stats = new Map<string, { n: number; ms: number }>();
  for (const m of ['all', 'get', 'run']) {
    const orig = proto[m] as (...a: unknown[]) => unknown;
    proto[m] = function (this: { source: string }, ...a: unknown[]) {
      const t = performance.now();
      try {
        return orig.apply(this, a);
      } finally {
        const k = this.source.replace(/\s+/g, ' ').slice(0, 140);
        const s = stats.get(k) ?? { n: 0, ms: 0 };
        s.n += 1;
        s.ms += performance.now() - t;
        stats.set(k, s);
      }
    };
  }
  setInterval(() => {
    const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30);
    fs.writeFileSync(file, rows.map(([k, s]) => `${s.ms.toFixed(0)} ms  ${s.n}×  ${k}`).join('\n') + '\n');
  }, 2000).unref();
}

async function main(): Promise<void> {
  if (process.env.BENCH_SQLSTAT) recordSql(process.env.BENCH_SQLSTAT);
  const bot = await startBot(process.env);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let cpu = process.cpuUsage();
  let since = performance.now();
  process.on('message', (m: Command) => {
    if (m.type === 'stats') {
      const used = process.cpuUsage(cpu);
      process.send?.({
        type: 'stats',
        eldP50: loop.percentile(50) / 1e6,
        eldP99: loop.percentile(99) / 1e6,
        eldMax: loop.max / 1e6,
        cpuShare: (used.user + used.system) / 1000 / (performance.now() - since),
      });
      loop.reset();
      cpu = process.cpuUsage();
      since = performance.now();
      return;
    }
    void (async () => {
      const n = await enqueueBroadcast(bot.db, {
        runId: m.runId,
        recipients: m.recipients,
        at: new Date().toISOString(),
      });
      bot.sender.kick();
      process.send?.({ type: 'enqueued', count: n });
    })();
  });
  process.send?.({ type: 'ready', port: bot.port });
  process.on('SIGTERM', () => void bot.stop().then(() => process.exit(0)));
}

main().catch((err: unknown) => {
  process.stderr.write(`bench bot failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
