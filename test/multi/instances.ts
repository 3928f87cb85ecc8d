// Several bot processes on one database (issue 11): each is the real bot (src/main.ts) in a child
// process of its own, with its own INSTANCE_ID and port, all sharing DATABASE_URL and talking to
// one loopback connector.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { teamsActivity } from '../helpers/activities';
import type { FakeConnector, ReceivedActivity } from '../helpers/connector';

export const ROOT = path.join(__dirname, '..', '..');

export interface BotInstance {
  name: string;
  child: ChildProcess;
  port: number;
  logs: Array<Record<string, unknown>>;
  stderr: () => string;
}

/** Starts src/main.ts with `env` (plus PATH); resolves once it logs that it listens. */
export function startInstance(name: string, env: Record<string, string>): Promise<BotInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', INSTANCE_ID: name, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<BotInstance>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${stderr}`)), 120_000);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}): ${stderr}`)));
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
        resolve({ name, child, port: Number(entry.port), logs, stderr: () => stderr });
      }
    });
  });
}

export const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

export async function stopInstance(bot: BotInstance): Promise<void> {
  bot.child.kill('SIGTERM');
  await exited(bot.child);
}

/** Posts a message (text or card submit) to one instance; returns the replies of that turn. */
export async function say(
  bot: BotInstance,
  connector: FakeConnector,
  from: string,
  input: string | Record<string, unknown>,
): Promise<ReceivedActivity[]> {
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
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${bot.name} answered HTTP ${res.status}: ${text}`);
  return connector.received.filter((r) => r.activity.replyToId === activity.id);
}

/** Clicks an Action.Execute button on one instance; returns the invoke response body. */
export async function execute(
  bot: BotInstance,
  connector: FakeConnector,
  from: string,
  verb: string,
  data: Record<string, unknown>,
): Promise<{ statusCode: number; type: string; value: unknown }> {
  const activity = teamsActivity({
    from,
    serviceUrl: connector.url,
    type: 'invoke',
    value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
  });
  activity.name = 'adaptiveCard/action';
  const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${bot.name} answered HTTP ${res.status}: ${text}`);
  return JSON.parse(text) as { statusCode: number; type: string; value: unknown };
}

/** Outbox ids an instance logged as sent ('outbox sent', LOG_LEVEL=debug). */
export function sentIds(bot: BotInstance): number[] {
  return bot.logs.filter((l) => l.msg === 'outbox sent').map((l) => Number(l.outboxId));
}

/** The largest number of timestamps within any window of `windowMs` (sliding). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] as number) - (sorted[lo] as number) >= windowMs) lo += 1;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** Polls `check` until it returns true (bounded). */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
