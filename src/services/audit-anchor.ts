// Anchors of the audit chain outside the database (12(4)②, issue 9): the chain head, signed with
// an Ed25519 key the database never sees, written as a file to a directory of the operator's
// choice and posted to 統括's chat. Truncating the tail, or rewriting history and recomputing every
// hash, is caught by comparing the chain with the latest anchor: the rows it vouches for must still
// be there with the same hash.
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../domain/audit-chain';
import { formatJst, type Clock } from '../domain/clock';
import { AUDIT_TRAIL_ARTICLES } from '../domain/ledgers';
import { msg } from '../i18n';
import { AuditRepo } from '../storage/audit-repo';
import { OutboxRepo } from '../storage/outbox-repo';
import type { Database } from '../storage/sql';
import { PeriodicTask } from './periodic';

export const ANCHOR_EVENT = 'audit.anchored';

export interface AnchorKey {
  privateKey?: KeyObject;
  publicKey: KeyObject;
  /** The first 16 hex digits of the sha256 of the public key (SPKI DER): names the key in anchors. */
  keyId: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  return crypto
    .createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function publicKeyFileOf(privateKeyFile: string): string {
  return privateKeyFile.replace(/(\.pem)?$/, '.pub.pem');
}

/**
 * The signing key (PKCS#8 PEM). When `create` and the file does not exist, a new key pair is made
 * (private key mode 0600) and its public half written beside it for auditors.
 */
export function loadAnchorKey(privateKeyFile: string, create: boolean): AnchorKey {
  if (!fs.existsSync(privateKeyFile)) {
    if (!create) throw new Error(`anchor key not found: ${privateKeyFile}`);
    createKeyOnce(privateKeyFile);
  }
  const privateKey = crypto.createPrivateKey(fs.readFileSync(privateKeyFile));
  const publicKey = crypto.createPublicKey(privateKey);
  const publicFile = publicKeyFileOf(privateKeyFile);
  if (!fs.existsSync(publicFile))
    fs.writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/**
 * Creates the key file unless another process does first: several instances starting together on
 * one shared folder must end with one key. The key is written whole to a file of this process and
 * linked into place (atomic, refused when the name exists), so nobody reads half a key; where the
 * file system has no hard links, an exclusive create does the same.
 */
function createKeyOnce(privateKeyFile: string): void {
  const pem = crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
  fs.mkdirSync(path.dirname(privateKeyFile), { recursive: true });
  const mine = `${privateKeyFile}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(mine, pem, { mode: 0o600 });
  try {
    fs.linkSync(mine, privateKeyFile);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') {
      try {
        fs.writeFileSync(privateKeyFile, pem, { mode: 0o600, flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

export function loadPublicKey(file: string): AnchorKey {
  const text = fs.readFileSync(file);
  let publicKey: KeyObject;
  try {
    publicKey = crypto.createPublicKey(text);
  } catch {
    publicKey = crypto.createPublicKey(crypto.createPrivateKey(text));
  }
  return { publicKey, keyId: keyIdOf(publicKey) };
}

const AnchorBodySchema = z.strictObject({
  version: z.literal(1),
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  keyId: z.string(),
  previous: z.strictObject({ seq: z.number().int().min(0), hash: z.string() }).nullable(),
});
const AnchorFileSchema = AnchorBodySchema.extend({ signature: z.string() });
export type AnchorBody = z.infer<typeof AnchorBodySchema>;

export interface ReadAnchor extends AnchorBody {
  file: string;
  /** Why the file cannot be trusted, if it cannot. */
  problem?: 'unreadable' | 'bad_signature' | 'unknown_key';
}

function anchorFileName(seq: number): string {
  return `anchor-${String(seq).padStart(12, '0')}.json`;
}

/** Writes the signed anchor atomically (temp file + rename); the name orders anchors by seq. */
export function writeAnchorFile(dir: string, key: AnchorKey, body: AnchorBody): string {
  if (!key.privateKey) throw new Error('the anchor key has no private part');
  const signature = crypto
    .sign(null, Buffer.from(canonicalJson(body), 'utf8'), key.privateKey)
    .toString('base64');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, anchorFileName(body.seq));
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ ...body, signature }, null, 2)}\n`);
  fs.renameSync(tmp, file);
  return file;
}

/** Every anchor file in `dir`, by seq, each checked against the public keys given. */
export function readAnchors(dir: string, keys: readonly AnchorKey[]): ReadAnchor[] {
  if (!fs.existsSync(dir)) return [];
  const out: ReadAnchor[] = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => /^anchor-\d+\.json$/.test(n))
    .sort()) {
    const file = path.join(dir, name);
    let parsed: z.infer<typeof AnchorFileSchema>;
    try {
      parsed = AnchorFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      out.push({
        version: 1,
        seq: -1,
        hash: '',
        at: '',
        keyId: '',
        previous: null,
        file,
        problem: 'unreadable',
      });
      continue;
    }
    const { signature, ...body } = parsed;
    const key = keys.find((k) => k.keyId === body.keyId);
    const ok =
      key !== undefined &&
      crypto.verify(
        null,
        Buffer.from(canonicalJson(body), 'utf8'),
        key.publicKey,
        Buffer.from(signature, 'base64'),
      );
    out.push({
      ...body,
      file,
      ...(key === undefined
        ? { problem: 'unknown_key' as const }
        : ok
          ? {}
          : { problem: 'bad_signature' as const }),
    });
  }
  return out.sort((a, b) => a.seq - b.seq);
}

export interface AnchorConfig {
  dir: string;
  keyFile: string;
  /** How often the head is anchored (when the chain moved). */
  intervalMinutes: number;
  /** 統括 is sent the anchor in chat at most this often. */
  postHours: number;
}

export interface AnchorResult {
  seq: number;
  hash: string;
  file: string;
  posted: number;
}

/**
 * Anchors the current head if the chain moved since the last anchor (the row recording the last
 * anchor does not count as movement). Appends 'audit.anchored' and, when the last post to 統括 is
 * older than `postHours`, queues the anchor to every 統括 in the same transaction.
 */
export async function anchorNow(
  db: Database,
  clock: Clock,
  cfg: AnchorConfig,
  key: AnchorKey,
  actor = 'system',
  /** False: write and record the anchor, but leave the chat post to a later run (start-up). */
  mayPost = true,
): Promise<AnchorResult | null> {
  const repo = new AuditRepo(db);
  const head = await repo.head();
  const anchors = readAnchors(cfg.dir, [key]).filter((a) => !a.problem);
  const last = anchors.at(-1);
  if (
    last &&
    (head.seq === last.seq || (head.seq === last.seq + 1 && (await lastEventIs(db, head.seq, ANCHOR_EVENT))))
  )
    return null;
  if (head.seq === 0) return null;
  const now = clock.now();
  const body: AnchorBody = {
    version: 1,
    seq: head.seq,
    hash: head.hash,
    at: now.toISOString(),
    keyId: key.keyId,
    previous: last ? { seq: last.seq, hash: last.hash } : null,
  };
  // The file first: an anchor the database does not know of is harmless; a recorded anchor without
  // its file would be a claim nobody can check.
  const file = writeAnchorFile(cfg.dir, key, body);
  return db.transaction(async (tx) => {
    const lastPost = await tx.one<{ at: string }>(
      `SELECT at FROM audit_log WHERE event = ? AND subject = 'audit:posted' ORDER BY id DESC LIMIT 1`,
      [ANCHOR_EVENT],
    );
    const due =
      mayPost && (!lastPost || now.getTime() - Date.parse(lastPost.at) >= cfg.postHours * 3_600_000);
    let posted = 0;
    if (due) {
      const chiefs = await tx.query<{ aad_object_id: string }>(
        'SELECT aad_object_id FROM people WHERE is_chief_officer = 1 ORDER BY id',
      );
      const outbox = new OutboxRepo(tx);
      for (const c of chiefs) {
        const queued = await outbox.enqueue({
          dedupeKey: `audit.anchor:${body.seq}:${c.aad_object_id}`,
          toAad: c.aad_object_id,
          priority: 5,
          message: {
            type: 'text',
            text: msg('audit.anchor_posted', {
              seq: body.seq,
              hash: body.hash,
              at: `${formatJst(now, true)} JST`,
              keyId: key.keyId,
            }),
            article: AUDIT_TRAIL_ARTICLES,
          },
          at: body.at,
        });
        if (queued) posted += 1;
      }
    }
    await new AuditRepo(tx).append({
      at: body.at,
      actor,
      event: ANCHOR_EVENT,
      subject: due ? 'audit:posted' : 'audit',
      article: AUDIT_TRAIL_ARTICLES,
      data: { seq: body.seq, hash: body.hash, file: path.basename(file), keyId: key.keyId, postedTo: posted },
    });
    return { seq: body.seq, hash: body.hash, file, posted };
  });
}

async function lastEventIs(db: Database, seq: number, event: string): Promise<boolean> {
  const r = await db.one<{ event: string }>('SELECT event FROM audit_log WHERE id = ?', [seq]);
  return r?.event === event;
}

/** What /healthz says of anchoring: the latest anchor written by this process, the last failure. */
export interface AnchorReport {
  lastAnchor: { seq: number; at: string; file: string } | null;
  /** Set while the latest attempt failed (cleared by the next success). */
  lastError?: string;
}

/** Anchors on an interval while the bot runs (and once at start); every run is idempotent. */
export class AuditAnchorer extends PeriodicTask {
  private last: AnchorReport = { lastAnchor: null };

  constructor(deps: {
    db: Database;
    clock: Clock;
    cfg: AnchorConfig;
    key: AnchorKey;
    onError: (err: Error) => void;
    onAnchored?: (r: AnchorResult) => void;
  }) {
    super(
      deps.cfg.intervalMinutes * 60_000,
      async (atStart) => {
        // At start-up the head is anchored at once (a restart after tampering is caught from here
        // on); 統括 is sent anchors from the first interval on, not on every restart.
        const r = await anchorNow(deps.db, deps.clock, deps.cfg, deps.key, 'system', !atStart);
        if (r) {
          this.last = {
            lastAnchor: { seq: r.seq, at: deps.clock.now().toISOString(), file: path.basename(r.file) },
          };
          deps.onAnchored?.(r);
        } else if (this.last.lastError) this.last = { lastAnchor: this.last.lastAnchor };
      },
      (err) => {
        this.last = { ...this.last, lastError: err.message };
        deps.onError(err);
      },
    );
  }

  report(): AnchorReport {
    return this.last;
  }
}
