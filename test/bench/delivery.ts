// The delivery benchmark (issue 8): a 10,000-person broadcast through the real bot process against
// a loopback Bot Connector that enforces Teams' limits and injects faults (bench-connector.ts),
// while staff members talk to the bot; then the same with a kill -9 at about half and a restart.
//
//   npm run bench:delivery              (BENCH_AUDIENCE=10000, BENCH_RATE=120 requests/s: Teams' 50 scaled up)
//
// Prints: achieved rate ÷ allowed rate (every request counts, failed tries included), the share of
// requests over a limit, duplicates, losses, time from enqueue to first delivery, the p99 of a staff
// member's turn during the broadcast ÷ without it, peak RSS of the bot process; and for the crash
// run the requests in flight at the kill (the window of possible repeats) and the time to resume.
// Knobs: BENCH_AUDIENCE, BENCH_RATE, BENCH_CONCURRENCY, BENCH_CADENCE_MS, BENCH_BASELINE_TURNS,
// BENCH_ONLY=normal (skip the crash run). Diagnostics: BENCH_BOT_LOG=<file> (the bot's warnings),
// BENCH_DUMP=<prefix> (the connector's request log as JSON), BENCH_SQLSTAT=<file> (time per SQL
// statement), BENCH_PROF=<dir> (a CPU profile of the bot process).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutboxRepo, type OutboxItem } from '../../src/storage/outbox-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { teamsActivity } from '../helpers/activities';
import { broadcastText, generatedDirectory, storeReferences } from '../helpers/broadcast';
import { BenchConnector, type LoggedRequest } from './bench-connector';

const ROOT = path.join(__dirname, '..', '..');
const AUDIENCE = Number(process.env.BENCH_AUDIENCE ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 120);
/** Staff members who talk to the bot during the run (each one turn every STAFF × CADENCE ms). */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const STAFF = 30;
/**
 * One turn every CADENCE_MS. Each turn of the menu loads the whole directory (10,000 people: tens
 * of ms of synchronous SQLite work, with or without a broadcast), so the cadence stays at 2/s.
 */
const CADENCE_MS = Number(process.env.BENCH_CADENCE_MS ?? 500);
const BASELINE_TURNS = Number(process.env.BENCH_BASELINE_TURNS ?? 60);
/** Every 10th recipient has no stored conversation: the bot creates it (POST /v3/conversations). */
const withoutReference = (i: number) => i >= STAFF && i % 10 === 9;
/** About 1 %: they blocked the bot (403 MessageWritesBlocked). */
const isBlocked = (i: number) => i >= STAFF && i % 100 === 50;

interface BotChild {
  child: ChildProcess;
  port: number;
  readyAt: number;
  stderr: () => string;
}

function startBot(env: Record<string, string>, connector: BenchConnector): Promise<BotChild> {
  const prof = process.env.BENCH_PROF ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', 'test/bench/bot-child.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: process.env.BENCH_BOT_LOG ? 'warn' : 'error',
      ...(process.env.BENCH_SQLSTAT ? { BENCH_SQLSTAT: process.env.BENCH_SQLSTAT } : {}),
      ...env,
    },
    stdio: ['ignore', process.env.BENCH_BOT_LOG ? 'pipe' : 'ignore', 'pipe', 'ipc'],
  });
  if (process.env.BENCH_BOT_LOG)
    child.stdout?.pipe(fs.createWriteStream(process.env.BENCH_BOT_LOG, { flags: 'a' }));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${stderr}`)), 180_000);
    child.once('exit', (code) => reject(new Error(`bot exited (${code}):\n${stderr}`)));
    child.on('message', (m: { type: string; port?: number }) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve({ child, port: m.port!, readyAt: connector.now(), stderr: () => stderr });
      }
    });
  });
}

interface LoopStats {
  eldP50: number;
  eldP99: number;
  eldMax: number;
  cpuShare: number;
}

/** The bot's event-loop delay and CPU share since the previous call. */
function loopStats(bot: BotChild): Promise<LoopStats> {
  return new Promise((resolve) => {
    const on = (m: { type: string } & LoopStats) => {
      if (m.type !== 'stats') return;
      bot.child.off('message', on);
      resolve(m);
    };
    bot.child.on('message', on);
    bot.child.send({ type: 'stats' });
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

/** Peak resident set size of a process (Linux VmHWM), in MiB. */
function peakRssMiB(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] as number) : NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Staff members' turns, open loop: one every CADENCE_MS, each timed until its reply arrives. */
class TurnDriver {
  private timer: NodeJS.Timeout | undefined;
  private pending: Array<Promise<void>> = [];
  private n = 0;
  latencies: number[] = [];
  failures = 0;

  constructor(
    private readonly connector: BenchConnector,
    private readonly staff: string[],
    private port: () => number | undefined,
  ) {}

  start(limit = Infinity): Promise<void> {
    return new Promise((done) => {
      let sent = 0;
      this.timer = setInterval(() => {
        if (sent >= limit) {
          this.stopTimer();
          void Promise.all(this.pending).then(() => done());
          return;
        }
        const port = this.port();
        if (port === undefined) return; // the bot is down (crash run)
        sent += 1;
        this.pending.push(this.turn(port, this.staff[this.n++ % this.staff.length] as string));
      }, CADENCE_MS);
      if (limit === Infinity) done();
    });
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async stop(): Promise<void> {
    this.stopTimer();
    await Promise.all(this.pending);
    this.pending = [];
  }

  reset(): void {
    this.latencies = [];
    this.failures = 0;
  }

  private async turn(port: number, from: string): Promise<void> {
    const activity = teamsActivity({ from, text: 'こんにちは', serviceUrl: this.connector.url });
    const start = this.connector.now();
    const reply = this.connector.replyTo(String(activity.id));
    try {
      const res = fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(15_000),
      }).then(
        (r) => r.text().then(() => r.status),
        () => 0, // the bot was killed meanwhile (crash run)
      );
      const at = await Promise.race([reply, sleep(15_000).then(() => undefined)]);
      const status = await res;
      if (at === undefined || status !== 200) this.failures += 1;
      else this.latencies.push(at - start);
    } catch {
      this.failures += 1;
    }
  }
}

interface RunResult {
  name: string;
  figures: Record<string, string | number>;
}

async function run(
  kill: boolean,
  baseline: { p99: number; loop: LoopStats } | undefined,
): Promise<RunResult & { baseline: { p99: number; loop: LoopStats } }> {
  const runId = kill ? 'crash' : 'normal';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `secdesk-bench-${runId}-`));
  const dbFile = path.join(dir, 'bot.db');
  const { csv, audience } = generatedDirectory(AUDIENCE);
  fs.writeFileSync(path.join(dir, 'directory.csv'), csv);
  const blocked = new Set(audience.filter((_, i) => isBlocked(i)));
  const connector = await BenchConnector.start({
    rate: RATE,
    blocked,
    fault429: 0.05,
    fault503: 0.01,
    seed: kill ? 2 : 1,
    latencyMs: 15,
    jitterMs: 20,
  });
  const setup = SqliteDatabase.open(dbFile);
  await storeReferences(
    setup,
    audience.filter((_, i) => !withoutReference(i)),
    connector.url,
    new Date().toISOString(),
  );
  await setup.close();
  const env = {
    DATABASE_URL: `sqlite:${dbFile}`,
    DIRECTORY_CSV: path.join(dir, 'directory.csv'),
    TEAMS_SERVICE_URL: connector.url,
    TEAMS_RATE_PER_SECOND: String(RATE),
    TEAMS_SEND_CONCURRENCY: String(CONCURRENCY),
    INSTANCE_ID: 'bench-1',
  };
  let bot: BotChild | undefined = await startBot(env, connector);
  let up = true;
  const staff = audience.slice(0, STAFF);
  const turns = new TurnDriver(connector, staff, () => (up ? bot?.port : undefined));
  // Warm up (JIT, connections), then the baseline without a broadcast.
  await turns.start(20);
  turns.reset();
  let without = baseline;
  if (without === undefined) {
    await loopStats(bot);
    await turns.start(BASELINE_TURNS);
    const loop = await loopStats(bot);
    without = { p99: quantile(turns.latencies, 0.99), loop };
    process.stdout.write(
      `baseline: ${turns.latencies.length} turns, p50 ${quantile(turns.latencies, 0.5).toFixed(1)} ms, p99 ${without.p99.toFixed(1)} ms; event-loop delay p99 ${loop.eldP99.toFixed(1)} ms\n`,
    );
    turns.reset();
  }
  const p99Without = without.p99;
  await loopStats(bot);

  // Per recipient: delivered (2xx post of the broadcast) or refused for good (403 blocked).
  const text = broadcastText(runId);
  const delivered = new Map<string, number>();
  const refused = new Set<string>();
  let finalCount = 0;
  let t99: number | undefined;
  connector.onRequest((r) => {
    if (r.kind !== 'send' || !r.text.endsWith(text)) return;
    const aad = r.conversationId.replace('a:personal-', '');
    if (r.outcome === 'ok') {
      if (!delivered.has(aad) && !refused.has(aad)) finalCount += 1;
      delivered.set(aad, (delivered.get(aad) ?? 0) + 1);
    } else if (r.outcome === 'blocked' && !refused.has(aad) && !delivered.has(aad)) {
      refused.add(aad);
      finalCount += 1;
    }
    if (t99 === undefined && finalCount >= 0.99 * AUDIENCE) t99 = r.t;
  });

  void turns.start();
  const progress = setInterval(() => {
    const t = connector.now();
    const recent = connector.log.filter((r) => r.t > t - 1000).length;
    process.stdout.write(
      `  ${runId}: ${(t / 1000).toFixed(0)} s, final ${finalCount}/${AUDIENCE}, ${recent} req in the last second, ${connector.log.length} in all\n`,
    );
  }, 5000);
  const enqueueSentAt = connector.now();
  bot.child.send({ type: 'broadcast', runId, recipients: audience });
  let killAt: number | undefined;
  let restartReadyAt: number | undefined;
  let inFlightAtKill: OutboxItem[] = [];
  let sentAtKill = new Set<string>();
  let rssFirst: number | undefined;
  if (kill) {
    while (delivered.size < AUDIENCE / 2) await sleep(5);
    rssFirst = peakRssMiB(bot.child.pid);
    up = false;
    bot.child.kill('SIGKILL');
    killAt = connector.now();
    await exited(bot.child);
    const db = SqliteDatabase.open(dbFile);
    const rows = await new OutboxRepo(db).all();
    await db.close();
    inFlightAtKill = rows.filter((o) => o.status === 'pending' && o.sendStartedAt !== null);
    sentAtKill = new Set(rows.filter((o) => o.status === 'sent').map((o) => o.toAad));
    bot = await startBot(env, connector);
    restartReadyAt = bot.readyAt;
    up = true;
  }
  while (finalCount < AUDIENCE) await sleep(20);
  // The last commits: wait until no row is pending any more.
  for (;;) {
    const db = SqliteDatabase.open(dbFile);
    const n = await new OutboxRepo(db).countByStatus();
    await db.close();
    if (!n.pending && !n.waiting) break;
    await sleep(200);
  }
  clearInterval(progress);
  await turns.stop();
  const loop = await loopStats(bot);
  const rss = peakRssMiB(bot.child.pid);
  bot.child.kill('SIGTERM');
  await exited(bot.child);
  await connector.stop();
  const db = SqliteDatabase.open(dbFile);
  const rows = await new OutboxRepo(db).all();
  await db.close();

  // Figures, from the connector's log (what Teams would have seen) and the database.
  const log = connector.log;
  if (process.env.BENCH_DUMP)
    fs.writeFileSync(`${process.env.BENCH_DUMP}.${runId}.json`, JSON.stringify(log));
  const isBroadcastTraffic = (r: LoggedRequest) =>
    r.kind === 'create' || (r.kind === 'send' && r.text.endsWith(text));
  const broadcastLog = log.filter(isBroadcastTraffic);
  const first = broadcastLog[0]!.t;
  const last = broadcastLog.at(-1)!.t;
  const resumeAt =
    killAt === undefined ? undefined : log.find((r) => r.t > killAt && isBroadcastTraffic(r))?.t;
  const down = killAt !== undefined && resumeAt !== undefined ? resumeAt - killAt : 0;
  const ratio = (from: number, to: number, minus = 0) =>
    log.filter((r) => r.t >= from && r.t <= to).length / ((RATE * (to - from - minus)) / 1000);
  const overLimit = log.filter((r) => r.outcome === 'limit-tenant' || r.outcome === 'limit-conversation');
  const okSends = broadcastLog.filter((r) => r.kind === 'send' && r.outcome === 'ok');
  const copies = new Map<string, LoggedRequest[]>();
  for (const r of okSends) {
    const aad = r.conversationId.replace('a:personal-', '');
    copies.set(aad, [...(copies.get(aad) ?? []), r]);
  }
  const duplicates = [...copies].filter(([, l]) => l.length > 1);
  const inFlight = new Set(inFlightAtKill.map((o) => o.toAad));
  const unexplained = duplicates.filter(
    ([aad, l]) => !inFlight.has(aad) || !/^（再送）/.test(l.at(-1)!.text),
  );
  const lost = audience.filter((aad) => !copies.has(aad) && !blocked.has(aad));
  const notFinal = rows.filter((o) => o.status !== 'sent' && o.status !== 'unreachable');
  const firstDelivery = okSends[0]!.t - enqueueSentAt;
  const during = turns.latencies;
  const p99During = quantile(during, 0.99);
  const fmt = (x: number, d = 3) => Number(x.toFixed(d));
  const figures: Record<string, string | number> = {
    recipients: AUDIENCE,
    'allowed rate (req/s)': RATE,
    'requests in all (every try, replies included)': log.length,
    'achieved ÷ allowed, first → last broadcast request': fmt(ratio(first, last, down)),
    'achieved ÷ allowed, until 99 % were final': fmt(
      ratio(first, t99 ?? last, t99 && killAt && t99 > killAt ? down : 0),
    ),
    'retry tail after 99 % final (s)': fmt((last - (t99 ?? last)) / 1000, 2),
    'share of requests over a limit': fmt(overLimit.length / log.length, 4),
    'requests over the tenant limit': overLimit.filter((r) => r.outcome === 'limit-tenant').length,
    'requests over a conversation limit': overLimit.filter((r) => r.outcome === 'limit-conversation').length,
    'injected faults (429 / 503)': `${log.filter((r) => r.outcome === 'fault-429').length} / ${log.filter((r) => r.outcome === 'fault-503').length}`,
    'conversations created': log.filter((r) => r.kind === 'create' && r.outcome === 'ok').length,
    'blocked (403) → status unreachable': `${refused.size} → ${rows.filter((o) => o.status === 'unreachable').length}`,
    duplicates: duplicates.length,
    'losses (no copy, not blocked)': lost.length,
    'rows not final': notFinal.length,
    'enqueue → first delivery (ms)': fmt(firstDelivery, 1),
    'broadcast duration (s)': fmt((last - first) / 1000, 1),
    'turns during the broadcast': during.length,
    'turn failures': turns.failures,
    'turn p50 during (ms)': fmt(quantile(during, 0.5), 1),
    'turn p99 during (ms)': fmt(p99During, 1),
    'turn p99 without broadcast (ms)': fmt(p99Without, 1),
    'turn p99 ratio during ÷ without': fmt(p99During / p99Without, 2),
    'event-loop delay p99 / max during (ms)': `${fmt(loop.eldP99, 1)} / ${fmt(loop.eldMax, 1)}`,
    'event-loop delay p99 without (ms)': fmt(without.loop.eldP99, 1),
    'CPU of the bot process during (share of one core)': fmt(loop.cpuShare, 2),
    'peak RSS of the bot process (MiB)': kill
      ? `${rssFirst ?? '?'} before the kill, ${rss ?? '?'} after`
      : (rss ?? '?'),
  };
  if (kill) {
    Object.assign(figures, {
      'delivered when killed': sentAtKill.size,
      'in flight at the kill (the window: rows sent, not committed)': inFlight.size,
      'of them repeated (the connector had the first copy)': duplicates.length,
      'repeats not in flight or not marked 「（再送）」': unexplained.length,
      'delivered before the kill and sent again': duplicates.filter(([aad]) => sentAtKill.has(aad)).length,
      'restart: ready → first request (ms)': fmt((resumeAt ?? NaN) - (restartReadyAt ?? NaN), 1),
      'kill → restart ready (s)': fmt(((restartReadyAt ?? NaN) - (killAt ?? NaN)) / 1000, 2),
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { name: kill ? 'kill -9 at ~50 % and restart' : 'broadcast', figures, baseline: without };
}

export async function benchDelivery(): Promise<void> {
  process.stdout.write(`delivery benchmark: ${AUDIENCE} recipients at ${RATE} requests/s\n`);
  const normal = await run(false, undefined);
  print(normal);
  if (process.env.BENCH_ONLY === 'normal') return;
  const crash = await run(true, normal.baseline);
  print(crash);
}

function print(r: RunResult): void {
  process.stdout.write(`\n== ${r.name} ==\n`);
  const width = Math.max(...Object.keys(r.figures).map((k) => k.length));
  for (const [k, v] of Object.entries(r.figures)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
}
