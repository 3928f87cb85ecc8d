import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { broadcastText, enqueueBroadcast, generatedDirectory, storeReferences } from '../helpers/broadcast';
import { FakeConnector, type ReceivedActivity } from '../helpers/connector';

const ROOT = path.join(__dirname, '..', '..');
const AUDIENCE = 200;
const RATE = 100;

interface BotProcess {
  child: ChildProcess;
  listeningAt: number;
  logs: Array<Record<string, unknown>>;
}

/** The real bot (src/main.ts) in a child process of its own, so it can be killed with SIGKILL. */
async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<BotProcess>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start: ${stderr}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`bot exited (${code}): ${stderr}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') {
          clearTimeout(timer);
          resolve({ child, listeningAt: Date.now(), logs });
        }
      } catch {
        // not a log line
      }
    });
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

let running: ChildProcess[] = [];
let connector: FakeConnector | undefined;
afterEach(async () => {
  for (const child of running) {
    child.kill('SIGKILL');
    await exited(child);
  }
  running = [];
  await connector?.stop();
  connector = undefined;
});

describe('kill -9 in the middle of a broadcast', () => {
  it('resumes at once after a restart: everyone gets it, repeats only for what was in flight, each marked 「（再送）」, every row sent', async () => {
    const c = (connector = await FakeConnector.start());
    // A remote connector's round trip: requests are in flight when the process dies.
    c.latencyMs = 40;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secdesk-crash-'));
    const dbFile = path.join(dir, 'bot.db');
    const { csv, audience } = generatedDirectory(AUDIENCE);
    fs.writeFileSync(path.join(dir, 'directory.csv'), csv);
    const at = new Date().toISOString();
    const setup = SqliteDatabase.open(dbFile);
    await storeReferences(setup, audience, c.url, at);
    expect(await enqueueBroadcast(setup, { runId: 'crash', recipients: audience, at })).toBe(AUDIENCE);
    await setup.close();
    const env = {
      DATABASE_URL: `sqlite:${dbFile}`,
      DIRECTORY_CSV: path.join(dir, 'directory.csv'),
      TEAMS_RATE_PER_SECOND: String(RATE),
    };
    const isBroadcast = (r: ReceivedActivity) =>
      r.method === 'POST' && String(r.activity.text ?? '').endsWith(broadcastText('crash'));

    const first = await startBotProcess(env);
    running.push(first.child);
    await c.waitFor((r) => r.filter(isBroadcast).length >= AUDIENCE / 2, 60_000);
    first.child.kill('SIGKILL');
    await exited(first.child);
    running = [];
    const receivedAtKill = c.received.filter(isBroadcast).length;

    // What the kill left: rows committed as sent, and the window — rows whose request had left.
    const db = SqliteDatabase.open(dbFile);
    const atKill = await new OutboxRepo(db).all();
    await db.close();
    const sentAtKill = new Set(atKill.filter((o) => o.status === 'sent').map((o) => o.toAad));
    const inFlight = new Set(
      atKill.filter((o) => o.sendStartedAt !== null && o.status === 'pending').map((o) => o.toAad),
    );
    expect(sentAtKill.size).toBeGreaterThan(AUDIENCE / 4);
    expect(sentAtKill.size).toBeLessThan(AUDIENCE);
    expect(inFlight.size).toBeGreaterThan(0); // the window is real …
    expect(inFlight.size).toBeLessThanOrEqual(32); // … and bounded by the concurrency

    const second = await startBotProcess(env);
    running.push(second.child);
    const posted = () => new Set(c.received.filter(isBroadcast).map((r) => r.conversationId));
    await c.waitFor((r) => r.filter(isBroadcast).length > receivedAtKill, 10_000);
    const resumedAfterMs = Date.now() - second.listeningAt;
    expect(resumedAfterMs).toBeLessThan(2000); // at once, not after the 60-second lease
    await c.waitFor(() => posted().size === AUDIENCE, 60_000);
    // Let the last commits land, then stop the bot and read what it recorded.
    await new Promise<void>((r) => {
      const t = setInterval(() => {
        const probe = SqliteDatabase.open(dbFile);
        void new OutboxRepo(probe).countByStatus().then(async (n) => {
          await probe.close();
          if ((n.sent ?? 0) === AUDIENCE) {
            clearInterval(t);
            r();
          }
        });
      }, 200);
    });
    second.child.kill('SIGTERM');
    await exited(second.child);
    running = [];
    expect(second.logs.find((l) => l.msg === 'outbox claims taken over')?.items).toBeGreaterThanOrEqual(
      inFlight.size,
    );

    const after = SqliteDatabase.open(dbFile);
    const rows = await new OutboxRepo(after).all();
    await after.close();
    // Every row sent, each to its recipient.
    expect(rows.filter((o) => o.status !== 'sent')).toEqual([]);
    expect(rows.every((o) => o.claimedBy === null)).toBe(true);

    const copies = new Map<string, ReceivedActivity[]>();
    for (const r of c.received.filter(isBroadcast)) {
      const aad = r.conversationId.replace('a:personal-', '');
      copies.set(aad, [...(copies.get(aad) ?? []), r]);
    }
    // Everyone got it.
    expect(audience.filter((aad) => !copies.has(aad))).toEqual([]);
    const repeated = [...copies].filter(([, list]) => list.length > 1);
    for (const [aad, list] of repeated) {
      // Only what was in flight at the kill is repeated, exactly once, and the repeat says so.
      expect(inFlight.has(aad), aad).toBe(true);
      expect(list).toHaveLength(2);
      expect(list[0]!.activity.text).toBe(broadcastText('crash'));
      expect(String(list[1]!.activity.text)).toMatch(/^（再送）/);
    }
    // Nobody recorded as delivered before the kill got it again.
    expect(repeated.filter(([aad]) => sentAtKill.has(aad))).toEqual([]);
    // Whatever was in flight carries the marker in the database too.
    expect(rows.filter((o) => inFlight.has(o.toAad) && !o.resend)).toEqual([]);
    expect(rows.filter((o) => !inFlight.has(o.toAad) && o.resend)).toEqual([]);
  }, 180_000);
});
