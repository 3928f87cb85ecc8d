// Several instances starting together on one shared folder create the anchor key once: every
// process ends up signing with the same key, and the file holds that key whole.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { loadAnchorKey, publicKeyFileOf } from '../../src/services/audit-anchor';

const ROOT = path.resolve(__dirname, '../..');

// Each child: says ready, waits for the go file, then loads (creating) the key and prints its id.
const CHILD = `
const fs = require('node:fs');
const { loadAnchorKey } = require('./src/services/audit-anchor');
const [keyFile, go] = process.argv.slice(-2);
console.log('ready');
while (!fs.existsSync(go)) {}
console.log('key ' + loadAnchorKey(keyFile, true).keyId);
`;

function child(keyFile: string, go: string) {
  const p = spawn(process.execPath, ['--import', 'tsx', '-e', CHILD, keyFile, go], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: p.stdout });
  const exited = new Promise<never>((_, fail) =>
    p.once('exit', (code) => fail(new Error(`child exited ${code}`))),
  );
  const ready = Promise.race([
    new Promise<void>((ok) => lines.on('line', (l) => l === 'ready' && ok())),
    exited,
  ]);
  const key = Promise.race([
    new Promise<string>((ok) => lines.on('line', (l) => l.startsWith('key ') && ok(l.slice(4)))),
    exited,
  ]);
  exited.catch(() => undefined);
  return { ready, key };
}

describe('the anchor key', () => {
  it('is created once when six processes start on an empty folder at the same moment', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secdesk-key-'));
    const keyFile = path.join(dir, 'keys', 'anchor.pem');
    const go = path.join(dir, 'go');
    const children = Array.from({ length: 6 }, () => child(keyFile, go));
    await Promise.all(children.map((c) => c.ready));
    fs.writeFileSync(go, '');
    const ids = await Promise.all(children.map((c) => c.key));
    const onDisk = loadAnchorKey(keyFile, false).keyId;
    expect(new Set(ids)).toEqual(new Set([onDisk]));
    expect(fs.existsSync(publicKeyFileOf(keyFile))).toBe(true);
    // Nothing of the processes' own key files is left behind.
    expect(fs.readdirSync(path.dirname(keyFile)).sort()).toEqual(
      [path.basename(keyFile), path.basename(publicKeyFileOf(keyFile))].sort(),
    );
  }, 120_000);
});
