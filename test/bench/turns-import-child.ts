// A child of the turn benchmark (turns.ts): imports a contact CSV through the real command-line
// path (`npm run directory -- import <file> --yes`, src/cli/directory.ts) on DATABASE_URL and
// reports the time of that call alone (the modules are loaded before the clock starts; Node's and
// tsx's own start-up are not part of an import). The CLI's own output is dropped.
import { runDirectoryCli } from '../../src/cli/directory';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: turns-import-child.ts <file.csv>');
  const write = process.stdout.write.bind(process.stdout);
  let printed = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const code = await runDirectoryCli(['import', file, '--yes'], process.env);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write = write;
  const result = { type: 'imported', code, ms, cpuMs, printed: code === 0 ? '' : printed };
  // Without IPC (run by hand, e.g. under --cpu-prof): the result on stdout.
  if (!process.send) process.stdout.write(`${JSON.stringify(result)}\n`);
  else await new Promise<void>((resolve) => process.send?.(result, () => resolve()));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
