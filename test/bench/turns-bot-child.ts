// The desk bot process of the turn benchmark (turns.ts): the real composition root (startBot, as
// src/main.ts runs it) that also reports its memory (process.memoryUsage) when asked over IPC, so
// that an RSS figure can be read next to the heap it holds.
import { startBot } from '../../src/main';

async function main(): Promise<void> {
  const bot = await startBot(process.env);
  process.on('message', (m: { type: string }) => {
    if (m.type === 'memory') process.send?.({ type: 'memory', ...process.memoryUsage() });
  });
  process.send?.({ type: 'ready', port: bot.port });
  process.on('SIGTERM', () => void bot.stop().then(() => process.exit(0)));
}

main().catch((err: unknown) => {
  process.stderr.write(`bench bot failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
