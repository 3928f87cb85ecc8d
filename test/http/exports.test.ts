// GET /exports/<token> on the HTTP host itself: a failing export is a short 500 page, never a crash;
// no downloader (or an unknown token) is a 404 page; other methods are not routed here.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/http/server';
import { createLogger } from '../../src/logger';
import type { ExportDownloader } from '../../src/http/exports';
import { openTempDb } from '../helpers/db';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(exportDownloads?: ExportDownloader): Promise<string> {
  const db = openTempDb();
  const server = createHttpServer({
    adapter: { processInbound: () => Promise.reject(new Error('not used')) },
    logic: async () => undefined,
    db,
    logger: createLogger('silent'),
    allowedTenantIds: [],
    ...(exportDownloads ? { exportDownloads } : {}),
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  close = async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await db.close();
  };
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('GET /exports/<token>', () => {
  it('serves the file with its names, no-store and nosniff', async () => {
    const base = await serve(async (token) =>
      token === 'ok'
        ? {
            ok: true,
            file: {
              fileName: '緊急連絡網_20261126.csv',
              asciiFileName: 'directory-20261126.csv',
              contentType: 'text/csv; charset=utf-8',
              body: Buffer.from('\uFEFFa,b\r\n'),
            },
          }
        : { ok: false },
    );
    const r = await fetch(`${base}/exports/ok`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('content-disposition')).toContain("filename*=UTF-8''%E7%B7%8A");
    expect(Buffer.from(await r.arrayBuffer()).toString('utf8')).toBe('\uFEFFa,b\r\n');
    const missing = await fetch(`${base}/exports/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(await missing.text()).toContain('<h1>リンクが無効です</h1>');
  });

  it('answers a failing export with a 500 page and keeps serving', async () => {
    const base = await serve(() => Promise.reject(new Error('disk full')));
    const r = await fetch(`${base}/exports/x`);
    expect(r.status).toBe(500);
    expect(await r.text()).toContain('ダウンロードできません');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('is 404 without a downloader, and not routed for other methods', async () => {
    const base = await serve();
    expect((await fetch(`${base}/exports/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${base}/exports/x`, { method: 'POST', body: '' })).status).toBe(404);
  });
});
