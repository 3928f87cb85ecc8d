// /healthz tells the operator whether the audit chain is being anchored (12(4)②): the latest anchor
// this process wrote, and a warning while anchoring fails (truncation would go unnoticed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BotHarness } from '../helpers/bot-harness';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function healthz(port: number): Promise<Record<string, unknown>> {
  return (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as Record<string, unknown>;
}

describe('/healthz audit anchoring', () => {
  it('reports the anchor written at start-up, and the file is there', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'secdesk-anchor-')), 'anchors');
    h = await BotHarness.start({ env: { AUDIT_ANCHOR_DIR: dir } });
    await expect
      .poll(
        async () => ((await healthz(h!.bot.port)).audit as { lastAnchor: unknown } | undefined)?.lastAnchor,
      )
      .toMatchObject({ file: expect.stringMatching(/^anchor-\d{12}\.json$/) as unknown });
    const body = await healthz(h.bot.port);
    const file = (body.audit as { lastAnchor: { file: string } }).lastAnchor.file;
    expect(fs.existsSync(path.join(dir, file))).toBe(true);
    expect(body.warnings).toBeUndefined();
  });

  it('warns while anchors cannot be written', async () => {
    const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'secdesk-anchor-')), 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    h = await BotHarness.start({ env: { AUDIT_ANCHOR_DIR: path.join(blocker, 'anchors') } });
    await expect.poll(async () => (await healthz(h!.bot.port)).warnings).toEqual(['audit_anchor_failed']);
    const body = await healthz(h.bot.port);
    expect(body.status).toBe('ok');
    expect((body.audit as { lastError?: string }).lastError).toMatch(/ENOTDIR|EEXIST|not a directory/i);
  });
});
