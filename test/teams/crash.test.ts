import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultInstanceId } from '../../src/config/config';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { DEMO, teamsActivity } from '../helpers/activities';
import { FakeConnector, type ReceivedActivity } from '../helpers/connector';
import { tempDbFile } from '../helpers/db';
import { submitValue } from '../helpers/forms';
import { VALID } from '../domain/flows/fixtures';

const ROOT = path.join(__dirname, '..', '..');

interface BotProcess {
  child: ChildProcess;
  port: number;
  /** When the process logged that it listens (the sender starts right after recovering claims). */
  listeningAt: number;
  logs: Array<Record<string, unknown>>;
}

/** The real bot (src/main.ts) in a child process of its own, so it can be killed with SIGKILL. */
async function startBotProcess(dbFile: string): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<BotProcess>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start: ${stderr}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`bot exited (${code}): ${stderr}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry.msg === 'listening') {
        clearTimeout(timer);
        resolve({ child, port: Number(entry.port), listeningAt: Date.now(), logs });
      }
    });
  });
}

async function say(bot: BotProcess, connector: FakeConnector, from: string, input: string | object) {
  const activity = teamsActivity({
    from,
    serviceUrl: connector.url,
    ...(typeof input === 'string' ? { text: input } : { value: input }),
  });
  const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await res.text();
  expect(res.status).toBe(200);
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

let running: ChildProcess[] = [];
let connector: FakeConnector | undefined;
afterEach(async () => {
  for (const child of running) {
    child.kill('SIGTERM');
    await exited(child);
  }
  running = [];
  await connector?.stop();
  connector = undefined;
});

describe('a crash while a routed card is in flight', () => {
  it('after kill -9 and a restart on the same database: resumed within two seconds, exactly one repeat, marked 「（再送）」', async () => {
    const c = (connector = await FakeConnector.start());
    const dbFile = tempDbFile();
    const first = await startBotProcess(dbFile);
    running.push(first.child);
    await say(first, c, DEMO.officer, 'こんにちは');
    await say(first, c, DEMO.staff, 'こんにちは');

    // The routed card reaches the connector (Teams shows it) but its answer never comes back.
    const isRouted = (r: ReceivedActivity) =>
      r.method === 'POST' &&
      r.conversationId === `a:personal-${DEMO.officer}` &&
      /INC-\d{4}-\d{4}/.test(JSON.stringify(r.activity));
    c.hold = isRouted;
    await say(first, c, DEMO.staff, submitValue('lost_ic_card', VALID.lost_ic_card));
    await say(first, c, DEMO.staff, { verb: 'flow.submit', kind: 'lost_ic_card' });
    await c.waitFor((r) => r.some(isRouted), 15_000);
    first.child.kill('SIGKILL');
    await exited(first.child);
    c.hold = undefined;

    // What the crash left: the claim of this instance, with the request gone out.
    const db = SqliteDatabase.open(dbFile);
    const [row] = (await new OutboxRepo(db).all()).filter((o) => o.dedupeKey.startsWith('case.routed:'));
    await db.close();
    expect(row).toMatchObject({
      status: 'pending',
      claimedBy: defaultInstanceId({ engine: 'sqlite', file: dbFile }),
    });
    expect(row?.sendStartedAt).not.toBeNull();
    const caseId = row!.caseId!;

    const second = await startBotProcess(dbFile);
    running.push(second.child);
    await c.waitFor((r) => r.filter(isRouted).length === 2, 10_000);
    const resumedAfterMs = Date.now() - second.listeningAt;
    expect(resumedAfterMs).toBeLessThan(2000); // not the 60-second lease

    const posts = c.received.filter(isRouted);
    expect(posts).toHaveLength(2); // the documented window: one repeat per crash in flight
    expect(JSON.stringify(posts[0]?.activity)).toContain(caseId);
    expect(posts[0]?.activity.text).toBeUndefined();
    expect(JSON.stringify(posts[1]?.activity)).toContain(caseId);
    expect(String(posts[1]?.activity.text)).toMatch(/^（再送）送信中に処理が中断したため/);
    expect(second.logs.find((l) => l.msg === 'outbox claims taken over')).toMatchObject({ items: 1 });

    second.child.kill('SIGTERM');
    await exited(second.child);
    running = [];
    const after = SqliteDatabase.open(dbFile);
    const done = (await new OutboxRepo(after).all()).find((o) => o.id === row!.id);
    await after.close();
    expect(done).toMatchObject({ status: 'sent', resend: true, attempts: 2, claimedBy: null });
  }, 90_000);
});
