// `npm start`: the local demo. Starts the bot (anonymous local mode, loopback only) and the Agents
// Playground, then tells you where to open it and who you are.
//
//   npm start                      → bot on 3978 + Playground on 56150 as 山田 花子 (staff)
//   DEMO_USER=k.sato npm start     → a second Playground on 56151 as 佐藤 健一, using the running bot
//
// Ctrl-C stops what this process started.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  DEMO_PEOPLE,
  PlaygroundPortError,
  defaultPersonalChatId,
  findDemoPerson,
  killProcessGroup,
  startPlayground,
  writePlaygroundConfig,
  type PlaygroundHandle,
} from './playground';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DATA_DIR = path.join(REPO_ROOT, 'data');
const DEFAULT_USER = 'h.yamada';

class DemoError extends Error {}

const say = (text: string) => process.stdout.write(`${text}\n`);

function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) })).status === 200;
  } catch {
    return false;
  }
}

function parsePort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new DemoError(`${name} must be a port number`);
  return port;
}

async function startBot(port: number, onSpawn: (child: ChildProcess) => void): Promise<ChildProcess> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const logFile = path.join(DATA_DIR, 'bot.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, PORT: String(port) },
  });
  fs.closeSync(log);
  onSpawn(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
      throw new DemoError(
        `the bot stopped during start-up (ボットの起動に失敗しました). Log ${logFile}:\n${tail}`,
      );
    }
    if (await isHealthy(baseUrl)) return child;
    await new Promise((r) => setTimeout(r, 300));
  }
  await killProcessGroup(child);
  throw new DemoError(`the bot did not answer ${baseUrl}/healthz within 90 s; see ${logFile}`);
}

async function main(): Promise<void> {
  const wanted = process.env.DEMO_USER?.trim() || DEFAULT_USER;
  const person = findDemoPerson(wanted);
  if (!person) {
    throw new DemoError(
      `DEMO_USER=${wanted} is not a demo user. Use one of:\n` +
        DEMO_PEOPLE.map((p) => `  ${p.key.padEnd(12)} ${p.name} (${p.role})`).join('\n'),
    );
  }
  const isFirst = person.key === DEFAULT_USER;
  const botPort = parsePort('PORT', 3978);
  const playgroundPort = parsePort('PLAYGROUND_PORT', isFirst ? 56150 : 56151);
  const botBase = `http://127.0.0.1:${botPort}`;
  const botEndpoint = `${botBase}/api/messages`;

  let bot: ChildProcess | undefined;
  let playground: PlaygroundHandle | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('\nStopping… (停止しています…)');
    await playground?.stop();
    if (bot) await killProcessGroup(bot);
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  if (!(await portIsFree(playgroundPort))) {
    throw new DemoError(
      `port ${playgroundPort} is in use (ポート ${playgroundPort} は使用中です). ` +
        'Stop the other Playground, or set PLAYGROUND_PORT.',
    );
  }

  const configPath = path.join(DATA_DIR, `.m365agentsplayground.${person.key}.yml`);
  writePlaygroundConfig(configPath, {
    currentUserId: person.aadObjectId,
    personalChatId: defaultPersonalChatId(person),
    botEndpoint,
  });

  if (await portIsFree(botPort)) {
    say(`Starting the bot on ${botBase} … (ボットを起動しています)`);
    bot = await startBot(botPort, (child) => (bot = child));
    bot.once('exit', (code) => {
      if (stopping) return;
      say(`The bot stopped (code ${code}); see data/bot.log. (ボットが停止しました)`);
      void stopAll(1);
    });
  } else if (!isFirst && (await isHealthy(botBase))) {
    // A second person joins the bot started by the first `npm start`.
    say(`Using the bot already running on ${botBase} (起動中のボットを使います)`);
  } else {
    throw new DemoError(
      `port ${botPort} is in use (ポート ${botPort} は使用中です). ` +
        'Stop what uses it (another `npm start`?), or set PORT.',
    );
  }

  try {
    playground = await startPlayground({
      port: playgroundPort,
      configPath,
      botEndpoint,
      logFile: path.join(DATA_DIR, `playground-${playgroundPort}.log`),
    });
  } catch (err) {
    if (bot) await killProcessGroup(bot);
    if (err instanceof PlaygroundPortError) throw new DemoError(err.message);
    throw err;
  }
  playground.process.once('exit', (code) => {
    if (stopping) return;
    say(`The Playground stopped (code ${code}); see data/playground-${playgroundPort}.log.`);
    void stopAll(1);
  });

  const next = DEMO_PEOPLE.find((p) => p.key === 'k.sato') ?? DEMO_PEOPLE[1];
  say('');
  say('情報セキュリティ窓口 — ローカルデモ / local demo');
  say('');
  say(`  ブラウザで開いてください / Open in your browser:  ${playground.url}`);
  say(`  あなたは / You are:  ${person.name} <${person.upn}> — ${person.role}`);
  say(
    '  「Personal Chat」を選び「こんにちは」と送ってください / Select "Personal Chat" and send 「こんにちは」.',
  );
  say('');
  if (isFirst && next) {
    say(
      '  別の人として同時に使うには、別のターミナルで / To act as another person at the same time, in another terminal:',
    );
    say(`    DEMO_USER=${next.key} npm start     → http://localhost:56151 (${next.name})`);
    say(`  DEMO_USER: ${DEMO_PEOPLE.map((p) => p.key).join(', ')}`);
    say('');
  }
  say('  Ctrl-C で停止 / Ctrl-C to stop.');
}

main().catch((err: unknown) => {
  process.stderr.write(
    err instanceof DemoError
      ? `npm start: ${err.message}\n`
      : `npm start failed: ${(err as Error).stack ?? String(err)}\n`,
  );
  process.exit(1);
});
