// Download links for a ledger export from the ledger card (and the monthly summary): the same
// short-lived bearer links as 連絡網の出力 (directory-export-links.ts, table directory_export_links,
// GET /exports/<token>), with the kind `ledger:<kind>:<from>:<to>:<format>:<locale>`. The link is made
// for one reader after their reading is authorized; the download authorizes them again against the
// directory then in force (a reader who lost the role gets nothing) and audits the export.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../domain/clock';
import { EXPORT_LINK_MINUTES } from '../domain/directory-exports';
import { isLedgerKind, type LedgerKind } from '../domain/ledgers';
import { LOCALES, type Locale } from '../i18n';
import { ExportLinkRepo, type ExportLink } from '../storage/directory-stage-repo';
import type { Database } from '../storage/sql';
import type { ExportFile } from './directory-export';
import {
  bufferSink,
  exportLedger,
  LEDGER_EXPORT_FORMATS,
  type CitationRenderer,
  type LedgerExportFormat,
} from './ledger-export';
import { authorizeLedgerRead, type LedgerAccess, type LedgerRegistry } from './ledgers';

const tokenSha = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface LedgerLinkRequest {
  personId: string;
  kind: LedgerKind;
  from: string;
  to: string;
  format: LedgerExportFormat;
  locale: Locale;
}

/** What the download endpoint needs to serve ledger links. */
export interface LedgerLinkDeps {
  registry: LedgerRegistry;
  cite: CitationRenderer;
}

/**
 * Checks that the person may read this ledger now (a refusal is audited), then — with `makeLink` —
 * makes a link valid EXPORT_LINK_MINUTES.
 */
export async function createLedgerExportLink(
  db: Database,
  clock: Clock,
  registry: LedgerRegistry,
  req: LedgerLinkRequest,
  opts: { makeLink: boolean } = { makeLink: true },
): Promise<{ ok: true; token: string | null; expiresAt: string } | Extract<LedgerAccess, { ok: false }>> {
  const access = await authorizeLedgerRead(db, clock, registry, {
    personId: req.personId,
    kind: req.kind,
    period: { from: req.from, to: req.to },
    via: 'card',
  });
  if (!access.ok) return access;
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + EXPORT_LINK_MINUTES * 60_000).toISOString();
  if (!opts.makeLink) return { ok: true, token: null, expiresAt };
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    const links = new ExportLinkRepo(tx);
    await links.deleteExpired(now.toISOString());
    await links.insert({
      tokenSha256: tokenSha(token),
      kind: `ledger:${req.kind}:${req.from}:${req.to}:${req.format}:${req.locale}`,
      personId: req.personId,
      createdAt: now.toISOString(),
      expiresAt,
    });
  });
  return { ok: true, token, expiresAt };
}

export function isLedgerLink(link: ExportLink): boolean {
  return link.kind.startsWith('ledger:');
}

const LINK_RE = /^ledger:([a-z_]+):(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2}):([a-z]+):([a-z]+)$/;

/** The file behind a ledger link (not expired: checked by the caller), or null when refused. */
export async function downloadLedgerLink(
  db: Database,
  clock: Clock,
  link: ExportLink,
  deps: LedgerLinkDeps,
): Promise<ExportFile | null> {
  const m = LINK_RE.exec(link.kind);
  const [kind, from, to, format, locale] = [m?.[1], m?.[2], m?.[3], m?.[4], m?.[5]];
  if (
    !isLedgerKind(kind) ||
    !from ||
    !to ||
    !(LEDGER_EXPORT_FORMATS as readonly string[]).includes(format ?? '') ||
    !(LOCALES as readonly string[]).includes(locale ?? '')
  )
    return null;
  const { sink, body } = bufferSink();
  const r = await exportLedger(
    db,
    clock,
    deps.registry,
    {
      actor: link.personId,
      kind,
      from,
      to,
      format: format as LedgerExportFormat,
      locale: locale as Locale,
      via: 'link',
    },
    sink,
    deps.cite,
  );
  if (!r.ok) return null;
  await new ExportLinkRepo(db).recordDownload(link.tokenSha256, clock.now().toISOString());
  return {
    fileName: r.file.fileName,
    asciiFileName: r.file.asciiFileName,
    contentType: r.file.contentType,
    body: body(),
  };
}
