// Download links for a broadcast's results (「結果を出力」): the same short-lived bearer links as
// 連絡網の出力 (directory-export-links.ts, table directory_export_links, GET /exports/<token>), with
// the kind `broadcast:<id>:<format>:<locale>`. The link is made for one viewer; the download runs
// exportBroadcastResults for that viewer again (their scope as it is then, audited as
// `broadcast.exported`, a refusal as `broadcast.results_denied`).
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../domain/clock';
import { EXPORT_LINK_MINUTES } from '../domain/directory-exports';
import { LOCALES, type Locale } from '../i18n';
import { AuditRepo } from '../storage/audit-repo';
import { BroadcastRepo } from '../storage/broadcast-repo';
import { purposeCitation } from '../domain/broadcast';
import { ExportLinkRepo, type ExportLink } from '../storage/directory-stage-repo';
import type { Database } from '../storage/sql';
import {
  EXPORT_FORMATS,
  exportBroadcastResults,
  type BroadcastExportRequest,
  type ExportFormat,
} from './broadcast-export';
import type { ExportFile } from './directory-export';

const tokenSha = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A new link for `req.viewerId`; the caller has checked that they may export (offerBroadcastExport). */
export async function createBroadcastExportLink(
  db: Database,
  clock: Clock,
  req: BroadcastExportRequest,
): Promise<{ token: string; expiresAt: string }> {
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + EXPORT_LINK_MINUTES * 60_000).toISOString();
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    const links = new ExportLinkRepo(tx);
    await links.deleteExpired(now.toISOString());
    await links.insert({
      tokenSha256: tokenSha(token),
      kind: `broadcast:${req.broadcastId}:${req.format}:${req.locale ?? 'ja'}`,
      personId: req.viewerId,
      createdAt: now.toISOString(),
      expiresAt,
    });
    // A bearer link to personal data (who answered what) exists from now on: audited with it, like
    // 連絡網の出力's links (directory.export_links_created).
    const b = await new BroadcastRepo(tx).get(req.broadcastId);
    await new AuditRepo(tx).append({
      at: now.toISOString(),
      actor: req.viewerId,
      event: 'broadcast.export_link_created',
      subject: req.broadcastId,
      ...(b ? { article: purposeCitation(b.purpose) } : {}),
      data: { format: req.format, locale: req.locale ?? 'ja', expiresAt },
    });
  });
  return { token, expiresAt };
}

export function isBroadcastLink(link: ExportLink): boolean {
  return link.kind.startsWith('broadcast:');
}

/** The file behind a broadcast link (not expired: checked by the caller), or null when refused. */
export async function downloadBroadcastLink(
  db: Database,
  clock: Clock,
  link: ExportLink,
): Promise<ExportFile | null> {
  const m = /^broadcast:(BC-\d{4}-\d{4,}):([a-z]+):([a-z]+)$/.exec(link.kind);
  const format = m?.[2] as ExportFormat | undefined;
  const locale = m?.[3] as Locale | undefined;
  if (!m || !format || !EXPORT_FORMATS.includes(format) || !locale || !LOCALES.includes(locale)) return null;
  const r = await exportBroadcastResults(db, clock, {
    viewerId: link.personId,
    broadcastId: m[1] as string,
    format,
    locale,
    via: 'link',
  });
  if (!r.ok) return null;
  await new ExportLinkRepo(db).recordDownload(link.tokenSha256, clock.now().toISOString());
  return {
    fileName: r.filename,
    asciiFileName: r.filename.replace(/[^\x20-\x7e]/g, '_'),
    contentType: r.contentType,
    body: r.body,
  };
}
