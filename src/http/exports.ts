// GET /exports/<token>: the download behind a 連絡網の出力 link (services/directory-export-links.ts).
// Unknown, malformed or expired tokens get the same short 404 page (saying nothing about which), and
// nothing here can take the process down: a failure is a 500 page, logged with ids only.
import type http from 'node:http';
import { t } from '../i18n';
import type { Logger } from '../logger';
import type { DownloadResult } from '../services/directory-export-links';

export type ExportDownloader = (token: string) => Promise<DownloadResult>;

const SAFETY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(
  res: http.ServerResponse,
  status: number,
  titleKey: 'export.page.notFound' | 'export.page.error',
): void {
  const body =
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(t('ja', `${titleKey}.title`))}</title></head>` +
    `<body><h1>${escapeHtml(t('ja', `${titleKey}.title`))}</h1><p>${escapeHtml(t('ja', `${titleKey}.text`))}</p>` +
    `<p lang="en">${escapeHtml(t('en', `${titleKey}.text`))}</p></body></html>`;
  res.writeHead(status, {
    ...SAFETY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'content-security-policy': "default-src 'none'",
  });
  res.end(body);
}

/** RFC 6266 / 5987: an ASCII fallback name and the UTF-8 (Japanese) one. */
function contentDisposition(fileName: string, ascii: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function serveExport(
  res: http.ServerResponse,
  token: string,
  download: ExportDownloader | undefined,
  logger: Logger,
): Promise<void> {
  let result: DownloadResult;
  try {
    result = download ? await download(token) : { ok: false };
  } catch (err) {
    logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'export failed');
    page(res, 500, 'export.page.error');
    return;
  }
  if (!result.ok) {
    // The token itself is a secret: never logged.
    logger.warn('export link refused (unknown, malformed or expired)');
    page(res, 404, 'export.page.notFound');
    return;
  }
  const f = result.file;
  res.writeHead(200, {
    ...SAFETY_HEADERS,
    'content-type': f.contentType,
    'content-length': f.body.length,
    'content-disposition': contentDisposition(f.fileName, f.asciiFileName),
  });
  res.end(f.body);
}
