// Download links for 連絡網の出力: a random token (256 bits, only its sha256 stored) for the IT管理者
// who asked, valid EXPORT_LINK_MINUTES. Served by the bot's HTTP server at GET /exports/<token>.
// A browser request carries no Teams identity, so the link is a bearer capability: it is bound to
// the IT管理者 it was made for in that it stops working the moment they are no longer IT管理者 in
// the directory in force, it expires quickly, and every download is audited under their name.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../domain/clock';
import { CARD_EXPORT_KINDS, EXPORT_LINK_MINUTES, type ExportKind } from '../domain/directory-exports';
import { AuditRepo } from '../storage/audit-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { ExportLinkRepo } from '../storage/directory-stage-repo';
import type { Database, SqlClient } from '../storage/sql';
import { downloadBroadcastLink, isBroadcastLink } from './broadcast-export-links';
import { exportFile, type ExportFile } from './directory-export';
import { downloadLedgerLink, isLedgerLink, type LedgerLinkDeps } from './ledger-export-links';

/** 32 random bytes, base64url: what a link carries. Anything else is not looked up. */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

const tokenSha = (token: string): string => createHash('sha256').update(token).digest('hex');

export type CreateLinksResult =
  { ok: false } | { ok: true; expiresAt: string; links: Array<{ kind: ExportKind; token: string }> };

async function deny(
  sql: SqlClient,
  clock: Clock,
  actor: string,
  data: Record<string, unknown>,
): Promise<void> {
  await new AuditRepo(sql).append({
    at: clock.now().toISOString(),
    actor,
    event: 'directory.export_denied',
    subject: 'directory',
    article: '6ウ',
    data,
  });
}

/**
 * New links for every kind the card offers; IT管理者 only (deny by default, audited). With
 * `makeLinks: false` (no base URL to put them under) only the check runs and no token is made.
 */
export async function createExportLinks(
  db: Database,
  clock: Clock,
  aadObjectId: string,
  opts: { makeLinks: boolean } = { makeLinks: true },
): Promise<CreateLinksResult> {
  return db.transaction(async (tx): Promise<CreateLinksResult> => {
    const person = await new DirectoryRepo(tx).personByAadObjectId(aadObjectId);
    if (!person?.isItAdmin) {
      await deny(tx, clock, person?.id ?? `aad:${aadObjectId.toLowerCase()}`, {
        step: 'link',
        reason: 'not_it_admin',
      });
      return { ok: false };
    }
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + EXPORT_LINK_MINUTES * 60_000).toISOString();
    if (!opts.makeLinks) return { ok: true, expiresAt, links: [] };
    const links = new ExportLinkRepo(tx);
    await links.deleteExpired(now.toISOString());
    const out: Array<{ kind: ExportKind; token: string }> = [];
    for (const kind of CARD_EXPORT_KINDS) {
      const token = randomBytes(32).toString('base64url');
      await links.insert({
        tokenSha256: tokenSha(token),
        kind,
        personId: person.id,
        createdAt: now.toISOString(),
        expiresAt,
      });
      out.push({ kind, token });
    }
    await new AuditRepo(tx).append({
      at: now.toISOString(),
      actor: person.id,
      event: 'directory.export_links_created',
      subject: 'directory',
      article: '6ウ',
      data: { kinds: out.map((l) => l.kind), expiresAt },
    });
    return { ok: true, expiresAt, links: out };
  });
}

export type DownloadResult = { ok: true; file: ExportFile } | { ok: false };

/**
 * The file behind a link, generated from the directory in force, audited as `directory.exported`.
 * An unknown token is refused without an audit row (anyone on the network could fill the log with
 * guesses; it is logged by the caller), an expired link or one whose IT管理者 lost the role with one.
 */
export async function downloadExport(
  db: Database,
  clock: Clock,
  token: string,
  ledgers?: LedgerLinkDeps,
): Promise<DownloadResult> {
  if (!TOKEN_RE.test(token)) return { ok: false };
  const sha = tokenSha(token);
  const link = await new ExportLinkRepo(db).get(sha);
  if (!link) return { ok: false };
  const now = clock.now();
  if (new Date(link.expiresAt).getTime() <= now.getTime()) {
    await deny(db, clock, link.personId, { step: 'download', reason: 'expired', kind: link.kind });
    return { ok: false };
  }
  if (isBroadcastLink(link)) {
    const file = await downloadBroadcastLink(db, clock, link);
    return file ? { ok: true, file } : { ok: false };
  }
  if (isLedgerLink(link)) {
    const file = ledgers ? await downloadLedgerLink(db, clock, link, ledgers) : null;
    return file ? { ok: true, file } : { ok: false };
  }
  const kind = link.kind as ExportKind;
  const dirRepo = new DirectoryRepo(db);
  const holder = await dirRepo.personById(link.personId);
  if (!holder?.isItAdmin) {
    await deny(db, clock, link.personId, { step: 'download', reason: 'not_it_admin', kind: link.kind });
    return { ok: false };
  }
  const dir = await dirRepo.load();
  const file = await exportFile(kind, dir, now);
  await db.transaction(async (tx) => {
    await new ExportLinkRepo(tx).recordDownload(sha, now.toISOString());
    await new AuditRepo(tx).append({
      at: now.toISOString(),
      actor: holder.id,
      event: 'directory.exported',
      subject: 'directory',
      article: '6ウ',
      data: {
        kind: link.kind,
        via: 'link',
        people: dir.people.length,
        sections: dir.sections.length,
        bytes: file.body.length,
      },
    });
  });
  return { ok: true, file };
}

/** An export written by the command line (the operator holds the database): audited the same way. */
export async function exportForCli(db: Database, clock: Clock, kind: ExportKind): Promise<ExportFile | null> {
  const dir = await new DirectoryRepo(db).load();
  if (dir.people.length === 0) return null;
  const now = clock.now();
  const file = await exportFile(kind, dir, now);
  await new AuditRepo(db).append({
    at: now.toISOString(),
    actor: 'admin-cli',
    event: 'directory.exported',
    subject: 'directory',
    article: '6ウ',
    data: {
      kind,
      via: 'cli',
      people: dir.people.length,
      sections: dir.sections.length,
      bytes: file.body.length,
    },
  });
  return file;
}
