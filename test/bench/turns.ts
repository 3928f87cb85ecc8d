// The turn benchmark (issue 11): the desk bot against a bare botbuilder echo bot, both run as child
// processes in local mode, in the same run and interleaved, with their replies captured by one
// loopback connector (this process).
//
//   npm run bench:turns      SQLite; also PostgreSQL when BENCH_POSTGRES_URL or TEST_POSTGRES_URL is set
//
// Set-up (measured too): a 10,000-person contact CSV imported through the real command-line path
// (src/cli/directory.ts, target < 2 s), then 100,000 audit rows appended to the same hash chain in
// one transaction (the canonical form of AuditRepo.append, continuing from the chain head); then the
// bot starts on that database (start-up time: spawn → listening; RSS at ready, target < 200 MB).
//
// Load: CONVERSATIONS (50) people, each in its own 1:1 chat, send turns one after another (closed
// loop) in a realistic cycle: 「メニュー」 (menu card), a menu button (flow start: the form card), the
// filled form submitted (Action.Submit → message with `value`, as the bot's forms use: confirmation
// card, a draft stored), 「私の案件」 (the person's cases). The echo bot gets the same activities.
// A round is every conversation doing TURNS_PER_ROUND turns; rounds alternate bot, echo, echo, bot,
// … (ABBA, so drift in the machine's load falls on both), after one warm-up round of each.
//
// Latency of a turn: from just before the HTTP POST to /api/messages until both the HTTP response
// has been read and the turn's reply (a POST to …/activities/{the turn's id}) has reached the
// connector — the same definition for both bots. Throughput: turns of a round ÷ the round's wall time.
// The bot's tenant rate budget (TEAMS_RATE_PER_SECOND) is raised so that Teams' 50 requests/s do not
// cap a benchmark of the turn path itself (replies never wait for it anyway: teams/reply-budget.ts).
//
// Knobs: BENCH_CONVERSATIONS, BENCH_TURNS_PER_ROUND, BENCH_ROUNDS (per bot), BENCH_PEOPLE,
// BENCH_AUDIT_ROWS, BENCH_ENGINES=sqlite,postgres, BENCH_PROF=<dir> (CPU profile of the desk bot).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { CaseKind } from '../../src/domain/cases';
import { canonicalJson, rowHash, sha256Hex } from '../../src/domain/audit-chain';
import { PgDatabase } from '../../src/storage/postgres/pg-database';
import type { Database, SqlValue } from '../../src/storage/sql';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { VALID } from '../domain/flows/fixtures';
import { teamsActivity } from '../helpers/activities';
import { generatedDirectory } from '../helpers/broadcast';
import { submitValue } from '../helpers/forms';

const ROOT = path.join(__dirname, '..', '..');
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 50);
const TURNS_PER_ROUND = Number(process.env.BENCH_TURNS_PER_ROUND ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const AUDIT_ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 100_000);
const KIND: CaseKind = 'takeout';

const TARGETS = { p99: 1.5, p50: 2, throughput: 0.5, importMs: 2000, rssMiB: 200 };

type Engine = 'sqlite' | 'postgres';

// ---------------------------------------------------------------------------------------------
// The loopback connector: answers every post as the Bot Connector does and notes when the reply to
// each turn arrived.

class TurnConnector {
  private readonly server: http.Server;
  private readonly waiting = new Map<string, (t: number) => void>();
  private readonly arrived = new Map<string, number>();
  /** Bodies of the replies to these activity ids are kept (the sanity check). */
  readonly kept = new Map<string, string>();
  replies = 0;

  private constructor() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const t = performance.now();
        const m = /\/v3\/conversations\/([^/?]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
        const to = m?.[2] ? decodeURIComponent(m[2]) : undefined;
        if (to !== undefined && req.method === 'POST') {
          this.replies += 1;
          if (this.kept.get(to) === '') this.kept.set(to, Buffer.concat(chunks).toString('utf8'));
          const w = this.waiting.get(to);
          if (w) {
            this.waiting.delete(to);
            w(t);
          } else if (!this.arrived.has(to)) this.arrived.set(to, t);
        }
        res.writeHead(m ? 200 : 201, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ id: `act-${this.replies}-${randomBytes(4).toString('hex')}` }));
      });
    });
    this.server.keepAliveTimeout = 30_000;
  }

  static async start(): Promise<TurnConnector> {
    const c = new TurnConnector();
    await new Promise<void>((r) => c.server.listen(0, '127.0.0.1', () => r()));
    return c;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** The time the first reply to activity `id` arrived (already, or when it does). */
  replyTo(id: string): Promise<number> {
    const t = this.arrived.get(id);
    if (t !== undefined) {
      this.arrived.delete(id);
      return Promise.resolve(t);
    }
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  forget(id: string): void {
    this.waiting.delete(id);
    this.arrived.delete(id);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

// ---------------------------------------------------------------------------------------------
// Child processes.

interface Child {
  child: ChildProcess;
  port: number;
  startupMs: number;
  stderr: () => string;
}

function spawnChild(script: string, env: Record<string, string>, prof = false): Promise<Child> {
  const profArgs =
    prof && process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
  const t0 = performance.now();
  const child = spawn(process.execPath, [...profArgs, '--import', 'tsx', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${stderr}`)), 180_000);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}):\n${stderr}`)));
    child.on('message', (m: { type: string; port?: number }) => {
      if (m.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ child, port: m.port!, startupMs: performance.now() - t0, stderr: () => stderr });
    });
  });
}

interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/** The bot's own view of its memory (turns-bot-child.ts), in MiB. */
function memoryOf(c: Child): Promise<Memory> {
  return new Promise((resolve) => {
    const on = (m: { type: string } & Memory) => {
      if (m.type !== 'memory') return;
      c.child.off('message', on);
      const mib = (x: number) => Math.round(x / 1048576);
      resolve({
        rss: mib(m.rss),
        heapUsed: mib(m.heapUsed),
        heapTotal: mib(m.heapTotal),
        external: mib(m.external),
        arrayBuffers: mib(m.arrayBuffers),
      });
    };
    c.child.on('message', on);
    c.child.send({ type: 'memory' });
  });
}

async function stopChild(c: Child): Promise<void> {
  if (c.child.exitCode !== null || c.child.signalCode !== null) return;
  const exited = new Promise<void>((r) => c.child.once('exit', () => r()));
  c.child.kill('SIGTERM');
  await exited;
}

/** Resident set size now and at its peak (Linux VmRSS / VmHWM), in MiB. */
function rssMiB(pid: number | undefined): { now: number; peak: number } {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(s)?.[1] ?? NaN);
    return { now: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return { now: NaN, peak: NaN };
  }
}

// ---------------------------------------------------------------------------------------------
// Data set-up.

/** Appends `rows` events to the audit chain after its head, in one transaction (AuditRepo.append's form). */
async function appendAuditRows(db: Database, rows: number): Promise<void> {
  await db.transaction(async (tx) => {
    const head = await tx.one<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
    if (!head) throw new Error('audit_head missing');
    let seq = Number(head.seq);
    let prev = head.hash;
    const start = Date.UTC(2026, 0, 1);
    const BATCH = 500;
    for (let done = 0; done < rows;) {
      const n = Math.min(BATCH, rows - done);
      const logParams: SqlValue[] = [];
      const payloadParams: SqlValue[] = [];
      for (let i = 0; i < n; i++) {
        seq += 1;
        const at = new Date(start + seq * 1000).toISOString();
        const data = canonicalJson({
          summary: { key: 'caseView.event', params: { event: 'case.record' } },
          records: { scope: `端末 ${seq % 97} 台`, route: '添付ファイル' },
        });
        const h = {
          seq,
          at,
          actor: `E${1000 + (seq % 500)}`,
          event: seq % 5 === 0 ? 'case.approved' : 'case.recorded',
          subject: `INC-2025-${String(1 + (seq % 9999)).padStart(4, '0')}`,
          article: '12(5)②カ',
          payloadHash: sha256Hex(data),
          prevHash: prev,
        };
        const hash = rowHash(h);
        logParams.push(seq, h.at, h.actor, h.event, h.subject, h.article, h.payloadHash, prev, hash);
        payloadParams.push(seq, data);
        prev = hash;
      }
      await tx.execute(
        `INSERT INTO audit_log (id, at, actor, event, subject, article, payload_hash, prev_hash, hash) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        logParams,
      );
      await tx.execute(
        `INSERT INTO audit_payloads (seq, data) VALUES ${Array(n).fill('(?, ?)').join(', ')}`,
        payloadParams,
      );
      done += n;
    }
    await tx.execute('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [seq, prev]);
  });
}

interface Store {
  engine: Engine;
  databaseUrl: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function createStore(engine: Engine, dir: string): Promise<Store> {
  if (engine === 'sqlite') {
    const file = path.join(dir, 'bot.db');
    return {
      engine,
      databaseUrl: `sqlite:${file}`,
      open: async () => SqliteDatabase.open(file),
      drop: async () => undefined,
    };
  }
  const adminUrl = (process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL) as string;
  const name = `secdesk_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    engine,
    databaseUrl: url,
    open: () => PgDatabase.open(url, { max: 2 }),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

function importCsv(
  databaseUrl: string,
  csvFile: string,
): Promise<{ code: number; ms: number; cpuMs: number; printed: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/turns-import-child.ts', csvFile], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('message', (m: { type: string; code: number; ms: number; cpuMs: number; printed: string }) => {
      if (m.type === 'imported') resolve(m);
    });
    child.once('exit', (code) =>
      reject(new Error(`import child exited (${code}) without a result:\n${stderr}`)),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Load.

/** The takeout form's valid answers, dated from today (JST) so that the bot's real clock accepts them. */
function takeoutAnswers(): Record<string, string> {
  const day = (plus: number) =>
    new Date(Date.now() + 9 * 3_600_000 + plus * 86_400_000).toISOString().slice(0, 10);
  return { ...VALID[KIND], startDate: day(1), returnDate: day(2) };
}

/** The activity of turn `n` of a conversation (the cycle of four). */
function turnActivity(from: string, n: number, serviceUrl: string): Record<string, unknown> {
  switch (n % 4) {
    case 0:
      return teamsActivity({ from, text: 'メニュー', serviceUrl });
    case 1:
      return teamsActivity({ from, value: { verb: 'menu.select', intent: KIND }, serviceUrl });
    case 2:
      return teamsActivity({ from, value: submitValue(KIND, takeoutAnswers()), serviceUrl });
    default:
      return teamsActivity({ from, text: '私の案件', serviceUrl });
  }
}

interface RoundResult {
  latencies: number[];
  wallMs: number;
  failures: number;
}

/** What the desk bot's reply to each step of the cycle must contain (else the figures mean nothing). */
const EXPECTED_REPLY = ['"menu.select"', '"flow.review"', '"flow.submit"', '私の申請'];

/** One cycle by one person, replies checked. */
async function sanityCycle(port: number, connector: TurnConnector, from: string): Promise<void> {
  for (let n = 0; n < 4; n++) {
    const activity = turnActivity(from, n, connector.url);
    const id = String(activity.id);
    connector.kept.set(id, '');
    const reply = connector.replyTo(id);
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    await res.text();
    await reply;
    const body = connector.kept.get(id) ?? '';
    connector.kept.delete(id);
    if (res.status !== 200 || !body.includes(EXPECTED_REPLY[n] as string))
      throw new Error(
        `sanity: step ${n} answered ${res.status} without ${EXPECTED_REPLY[n]}:\n${body.slice(0, 2000)}`,
      );
  }
}

async function round(
  port: number,
  connector: TurnConnector,
  people: readonly string[],
  turnOffset: number,
): Promise<RoundResult> {
  const latencies: number[] = [];
  let failures = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: people.length });
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/messages',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.end(body);
    });
  const t0 = performance.now();
  await Promise.all(
    people.map(async (from) => {
      for (let i = 0; i < TURNS_PER_ROUND; i++) {
        const activity = turnActivity(from, turnOffset + i, connector.url);
        const id = String(activity.id);
        const body = JSON.stringify(activity);
        const start = performance.now();
        const reply = connector.replyTo(id);
        try {
          const status = await post(body);
          const respondedAt = performance.now();
          const repliedAt = await Promise.race([
            reply,
            new Promise<undefined>((r) => setTimeout(() => r(undefined), 30_000).unref()),
          ]);
          if (status !== 200 || repliedAt === undefined) {
            failures += 1;
            connector.forget(id);
          } else latencies.push(Math.max(respondedAt, repliedAt) - start);
        } catch {
          failures += 1;
          connector.forget(id);
        }
      }
    }),
  );
  const wallMs = performance.now() - t0;
  agent.destroy();
  return { latencies, wallMs, failures };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] as number) : NaN;
};

interface Figures {
  p50: number;
  p99: number;
  throughput: number;
  turns: number;
  failures: number;
}

function summarise(rounds: RoundResult[]): Figures {
  const all = rounds.flatMap((r) => r.latencies);
  const turns = all.length;
  const wall = rounds.reduce((s, r) => s + r.wallMs, 0);
  return {
    p50: quantile(all, 0.5),
    p99: quantile(all, 0.99),
    throughput: (turns / wall) * 1000,
    turns,
    failures: rounds.reduce((s, r) => s + r.failures, 0),
  };
}

// ---------------------------------------------------------------------------------------------

async function runEngine(engine: Engine): Promise<void> {
  process.stdout.write(`\n== turns on ${engine} ==\n`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `secdesk-bench-turns-${engine}-`));
  const store = await createStore(engine, dir);
  const connector = await TurnConnector.start();
  let bot: Child | undefined;
  let echo: Child | undefined;
  try {
    const { csv, audience } = generatedDirectory(PEOPLE);
    const csvFile = path.join(dir, 'directory.csv');
    fs.writeFileSync(csvFile, csv);
    // The schema first (a fresh database), so the import's time is the import's.
    await (await store.open()).close();
    const imported = await importCsv(store.databaseUrl, csvFile);
    if (imported.code !== 0) throw new Error(`import failed (${imported.code}):\n${imported.printed}`);
    const tAudit = performance.now();
    {
      const db = await store.open();
      await appendAuditRows(db, AUDIT_ROWS);
      await db.close();
    }
    const auditMs = performance.now() - tAudit;

    const env = {
      DATABASE_URL: store.databaseUrl,
      DIRECTORY_CSV: csvFile,
      TEAMS_SERVICE_URL: connector.url,
      TEAMS_RATE_PER_SECOND: '10000',
      INSTANCE_ID: 'bench-turns',
    };
    bot = await spawnChild('test/bench/turns-bot-child.ts', env, true);
    const rssReady = rssMiB(bot.child.pid);
    const memReady = await memoryOf(bot);
    echo = await spawnChild('test/bench/echo-bot-child.ts', {});
    const rssEcho = rssMiB(echo.child.pid);

    const people = audience.slice(0, CONVERSATIONS);
    await sanityCycle(bot.port, connector, audience[CONVERSATIONS] as string);
    let offset = 0;
    const targets = { bot, echo } as const;
    const results: Record<'bot' | 'echo', RoundResult[]> = { bot: [], echo: [] };
    // Warm-up: one round each, not counted.
    for (const name of ['bot', 'echo'] as const) {
      const r = await round(targets[name].port, connector, people, offset);
      if (r.failures > 0) throw new Error(`${name}: ${r.failures} failed turns in the warm-up`);
    }
    offset += TURNS_PER_ROUND;
    const order: Array<'bot' | 'echo'> = [];
    for (let i = 0; i < ROUNDS; i++)
      order.push(...(i % 2 === 0 ? (['bot', 'echo'] as const) : (['echo', 'bot'] as const)));
    for (const name of order) {
      results[name].push(await round(targets[name].port, connector, people, offset));
      if (name === 'echo') offset += TURNS_PER_ROUND;
    }
    const rssAfter = rssMiB(bot.child.pid);
    const memAfter = await memoryOf(bot);
    const b = summarise(results.bot);
    const e = summarise(results.echo);
    const pm = (x: number, target: number, lower: boolean) =>
      `${x.toFixed(2)}  (target ${lower ? '≤' : '≥'} ${target}: ${(lower ? x <= target : x >= target) ? 'PASS' : 'MISS'})`;
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const lines: Array<[string, string]> = [
      ['directory', `${PEOPLE + 5} people`],
      [
        'CSV import (cli import --yes)',
        `${imported.ms.toFixed(0)} ms wall, ${imported.cpuMs.toFixed(0)} ms CPU  (target < ${TARGETS.importMs} ms: ${imported.ms < TARGETS.importMs ? 'PASS' : 'MISS'})`,
      ],
      [`audit rows appended (${AUDIT_ROWS})`, `${auditMs.toFixed(0)} ms`],
      [
        'bot start-up (spawn → listening)',
        `${bot.startupMs.toFixed(0)} ms (echo bot: ${echo.startupMs.toFixed(0)} ms)`,
      ],
      [
        'bot RSS at ready',
        `${rssReady.now} MiB  (target < ${TARGETS.rssMiB}: ${rssReady.now < TARGETS.rssMiB ? 'PASS' : 'MISS'}; echo bot ${rssEcho.now} MiB)`,
      ],
      [
        'bot heap used / total, external (ready → after)',
        `${memReady.heapUsed} / ${memReady.heapTotal}, ${memReady.external} MiB → ${memAfter.heapUsed} / ${memAfter.heapTotal}, ${memAfter.external} MiB`,
      ],
      [
        'bot RSS after the load / peak',
        `${rssAfter.now} / ${rssAfter.peak} MiB  (peak < ${TARGETS.rssMiB}: ${rssAfter.peak < TARGETS.rssMiB ? 'PASS' : 'MISS'})`,
      ],
      [
        'load',
        `${CONVERSATIONS} conversations × ${TURNS_PER_ROUND} turns × ${ROUNDS} rounds per bot, interleaved ABBA`,
      ],
      [
        'bot  p50 / p99 / throughput',
        `${ms(b.p50)} / ${ms(b.p99)} / ${b.throughput.toFixed(0)} turns/s  (${b.turns} turns, ${b.failures} failed)`,
      ],
      [
        'echo p50 / p99 / throughput',
        `${ms(e.p50)} / ${ms(e.p99)} / ${e.throughput.toFixed(0)} turns/s  (${e.turns} turns, ${e.failures} failed)`,
      ],
      ['p99 bot ÷ echo', pm(b.p99 / e.p99, TARGETS.p99, true)],
      ['p50 bot ÷ echo', pm(b.p50 / e.p50, TARGETS.p50, true)],
      ['throughput bot ÷ echo', pm(b.throughput / e.throughput, TARGETS.throughput, false)],
    ];
    const per = results.bot.map((r) => (r.latencies.length / r.wallMs) * 1000);
    const perEcho = results.echo.map((r) => (r.latencies.length / r.wallMs) * 1000);
    lines.push([
      'per round turns/s bot | echo',
      `${per.map((x) => x.toFixed(0)).join(' ')} | ${perEcho.map((x) => x.toFixed(0)).join(' ')}`,
    ]);
    const width = Math.max(...lines.map(([k]) => k.length));
    for (const [k, v] of lines) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  } finally {
    if (bot) await stopChild(bot);
    if (echo) await stopChild(echo);
    await connector.stop();
    await store.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchTurns(): Promise<void> {
  const url = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
  const engines = (process.env.BENCH_ENGINES?.split(',') ??
    (url ? ['sqlite', 'postgres'] : ['sqlite'])) as Engine[];
  if (engines.includes('postgres') && !url)
    throw new Error('postgres needs BENCH_POSTGRES_URL or TEST_POSTGRES_URL');
  for (const engine of engines) await runEngine(engine);
}
