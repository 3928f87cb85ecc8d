import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, rowHash, sha256Hex } from '../../src/domain/audit-chain';
import { anchorNow, loadAnchorKey, readAnchors, type AnchorConfig } from '../../src/services/audit-anchor';
import { verifyAuditChain } from '../../src/services/audit-verify';
import { AuditRepo } from '../../src/storage/audit-repo';
import { MIGRATIONS } from '../../src/storage/migrations';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { ManualClock } from '../helpers/clock';
import { tempDbFile } from '../helpers/db';

let db: SqliteDatabase | undefined;
let raw: BetterSqlite3.Database | undefined;
afterEach(async () => {
  raw?.close();
  raw = undefined;
  await db?.close();
  db = undefined;
});

/** A chain of `n` events as the bot writes them: a take-out request, its approval by E1002, … */
async function chainOf(n: number, file = tempDbFile()): Promise<{ file: string; db: SqliteDatabase }> {
  const d = SqliteDatabase.open(file);
  const repo = new AuditRepo(d);
  for (let i = 1; i <= n; i += 1) {
    const approval = i % 3 === 2;
    await repo.append({
      at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      actor: approval ? 'E1002' : 'E1001',
      event: approval ? 'case.approved' : 'case.submitted',
      subject: `REQ-2026-${String(Math.ceil(i / 3)).padStart(4, '0')}`,
      article: approval ? '10(4)①' : ['10(4)①', '10(4)⑥'],
      data: approval
        ? { comment: '承認します', conditions: '暗号化すること' }
        : { answers: { destination: '本庁舎' } },
    });
  }
  return { file, db: d };
}

/** The attacker of the issue: plain SQL on the database file, triggers dropped first. */
function attacker(file: string): BetterSqlite3.Database {
  const a = new BetterSqlite3(file);
  for (const t of ['audit_log_no_update', 'audit_log_no_delete', 'audit_payloads_no_update'])
    a.exec(`DROP TRIGGER ${t}`);
  return a;
}

describe('the audit chain', () => {
  it('chains every row to the one before it, with the hash the documented canonical form gives', async () => {
    ({ db } = await chainOf(3));
    const rows = await new AuditRepo(db).pageForVerify(0, 10);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prevHash).toBe('0'.repeat(64));
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    // Recomputed here from the README's definition, not through the code under test's helpers.
    const r = rows[1]!;
    const data = '{"comment":"承認します","conditions":"暗号化すること"}';
    expect(r.data).toBe(data);
    const payloadHash = sha256Hex(data);
    const expected = sha256Hex(
      JSON.stringify([
        'sdaudit-v1',
        2,
        r.at,
        'E1002',
        'case.approved',
        'REQ-2026-0001',
        '10(4)①',
        payloadHash,
        r.prevHash,
      ]),
    );
    expect(r.hash).toBe(expected);
    expect(rowHash(r)).toBe(expected);
    expect(await new AuditRepo(db).head()).toEqual({ seq: 3, hash: rows[2]!.hash });
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true, rows: 3, lastSeq: 3 });
  });

  it('sorts object keys at every depth (canonical JSON)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('is refused UPDATE and DELETE by the database itself', async () => {
    const c = await chainOf(3);
    db = c.db;
    raw = new BetterSqlite3(c.file);
    expect(() => raw!.exec("UPDATE audit_log SET actor = 'E9999' WHERE id = 2")).toThrow(/append-only/);
    expect(() => raw!.exec('DELETE FROM audit_log WHERE id = 3')).toThrow(/append-only/);
    expect(() => raw!.exec("UPDATE audit_payloads SET data = '{}' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => raw!.exec('DELETE FROM audit_payloads WHERE seq = 2')).toThrow(/recorded purge/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('names the row whose approval was credited to someone else (UPDATE)', async () => {
    const c = await chainOf(9);
    db = c.db;
    raw = attacker(c.file);
    raw.exec("UPDATE audit_log SET actor = 'E1003' WHERE id = 5");
    const report = await verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.break).toMatchObject({
      kind: 'hash_mismatch',
      seq: 5,
      row: { actor: 'E1003', event: 'case.approved' },
    });
  });

  it('names the row whose details were rewritten (payload UPDATE)', async () => {
    const c = await chainOf(9);
    db = c.db;
    raw = attacker(c.file);
    raw.exec(`UPDATE audit_payloads SET data = '{"comment":"承認します"}' WHERE seq = 8`);
    expect((await verifyAuditChain(db)).break).toMatchObject({ kind: 'payload_mismatch', seq: 8 });
  });

  it('names the deleted row (DELETE in the middle)', async () => {
    const c = await chainOf(9);
    db = c.db;
    raw = attacker(c.file);
    raw.exec('DELETE FROM audit_log WHERE id = 4');
    expect((await verifyAuditChain(db)).break).toMatchObject({
      kind: 'missing_row',
      seq: 4,
      detail: { found: 5 },
    });
  });

  it('names a forged row inserted after the last one, however its hashes were made', async () => {
    const c = await chainOf(6);
    db = c.db;
    raw = attacker(c.file);
    const last = raw.prepare('SELECT hash FROM audit_log WHERE id = 6').get() as { hash: string };
    // Correctly linked and hashed by the attacker, but the head row was not moved.
    const header = {
      seq: 7,
      at: '2026-11-01T00:07:00.000Z',
      actor: 'E1002',
      event: 'case.approved',
      subject: 'REQ-2026-0009',
      article: '10(4)①',
      payloadHash: sha256Hex('{}'),
      prevHash: last.hash,
    };
    raw
      .prepare(
        'INSERT INTO audit_log (id, at, actor, event, subject, article, payload_hash, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)',
      )
      .run(
        7,
        header.at,
        header.actor,
        header.event,
        header.subject,
        header.article,
        header.payloadHash,
        header.prevHash,
        rowHash(header),
      );
    raw.prepare('INSERT INTO audit_payloads (seq, data) VALUES (7, ?)').run('{}');
    expect((await verifyAuditChain(db)).break).toMatchObject({ kind: 'head_mismatch', seq: 7 });
    // A forger who does not know the hash: caught at the row itself.
    raw
      .prepare(
        "INSERT INTO audit_log (id, at, actor, event, subject, article, payload_hash, prev_hash, hash) VALUES (8,'2026-11-01T00:08:00.000Z','E1002','case.approved','REQ-2026-0010',NULL,'x','y','z')",
      )
      .run();
    expect((await verifyAuditChain(db)).break).toMatchObject({ kind: 'prev_hash_mismatch', seq: 8 });
  });

  it('walks a chain longer than one page', async () => {
    ({ db } = await chainOf(23));
    expect(await verifyAuditChain(db, { pageSize: 5 })).toMatchObject({ ok: true, rows: 23 });
  });
});

describe('anchors outside the database', () => {
  function anchorConfig(): AnchorConfig {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secdesk-anchors-'));
    return {
      dir: path.join(dir, 'anchors'),
      keyFile: path.join(dir, 'key.pem'),
      intervalMinutes: 60,
      postHours: 24,
    };
  }

  it('signs the head, posts it to 統括 at most once per period, and skips an unchanged chain', async () => {
    const c = await chainOf(4);
    db = c.db;
    await db.execute(
      "INSERT INTO sections (code, name, parent_code, officer_id, deputy_id, superior_id) VALUES ('S1','総務課',NULL,NULL,NULL,NULL)",
    );
    await db.execute(
      "INSERT INTO people (id, aad_object_id, upn, name, kana, section_code, title, phone, mobile, is_chief_officer, is_it_admin) VALUES ('E1','aad-chief','c@x','統括 太郎','とうかつ','S1','','','',1,0)",
    );
    const cfg = anchorConfig();
    const key = loadAnchorKey(cfg.keyFile, true);
    const clock = new ManualClock();
    clock.set('2026-12-01T00:00:00.000Z');
    const first = await anchorNow(db, clock, cfg, key);
    expect(first).toMatchObject({ seq: 4, posted: 1 });
    const anchors = readAnchors(cfg.dir, [key]);
    expect(anchors).toHaveLength(1);
    expect(anchors[0]).toMatchObject({
      seq: 4,
      hash: (await new AuditRepo(db).pageForVerify(3, 1))[0]!.hash,
    });
    expect(anchors[0]!.problem).toBeUndefined();
    const posts = await db.query<{ to_aad: string; message_json: string }>(
      'SELECT to_aad, message_json FROM outbox',
    );
    expect(posts).toHaveLength(1);
    expect(posts[0]!.to_aad).toBe('aad-chief');
    expect(JSON.parse(posts[0]!.message_json)).toMatchObject({
      type: 'text',
      text: { key: 'audit.anchor_posted', params: { seq: 4 } },
    });
    // Nothing new but the anchor's own row: no second anchor.
    expect(await anchorNow(db, clock, cfg, key)).toBeNull();
    await new AuditRepo(db).append({
      at: '2026-12-01T00:10:00.000Z',
      actor: 'E1',
      event: 'x.y',
      subject: 's',
    });
    clock.advanceMinutes(60);
    expect(await anchorNow(db, clock, cfg, key)).toMatchObject({ seq: 6, posted: 0 });
    expect(await verifyAuditChain(db, { anchorDir: cfg.dir, keys: [key] })).toMatchObject({
      ok: true,
      anchors: { matched: 2, latest: { seq: 6 } },
      unanchored: 1,
    });
  });

  it('catches a truncated tail that the head row was made to agree with', async () => {
    const c = await chainOf(8);
    db = c.db;
    const cfg = anchorConfig();
    const key = loadAnchorKey(cfg.keyFile, true);
    await anchorNow(db, new ManualClock(), cfg, key);
    raw = attacker(c.file);
    const keep = raw.prepare('SELECT hash FROM audit_log WHERE id = 6').get() as { hash: string };
    raw.exec('DELETE FROM audit_log WHERE id > 6');
    raw.prepare('UPDATE audit_head SET seq = 6, hash = ?').run(keep.hash);
    expect((await verifyAuditChain(db)).ok).toBe(true); // without the anchors, the cut is invisible
    const report = await verifyAuditChain(db, { anchorDir: cfg.dir, keys: [key] });
    expect(report.ok).toBe(false);
    expect(report.break).toMatchObject({ kind: 'truncated', seq: 7, detail: { anchorSeq: 8 } });
  });

  it('catches history rewritten with every hash recomputed, and a forged anchor file', async () => {
    const c = await chainOf(6);
    db = c.db;
    const cfg = anchorConfig();
    const key = loadAnchorKey(cfg.keyFile, true);
    await anchorNow(db, new ManualClock(), cfg, key);
    raw = attacker(c.file);
    // Rewrite row 2's actor and re-hash everything after it, head included.
    const rows = raw
      .prepare('SELECT l.*, p.data FROM audit_log l JOIN audit_payloads p ON p.seq = l.id ORDER BY id')
      .all() as Array<Record<string, string | number | null>>;
    let prev = rows[0]!.hash as string;
    for (const r of rows.slice(1)) {
      const h = {
        seq: Number(r.id),
        at: String(r.at),
        actor: r.id === 2 ? 'E1003' : String(r.actor),
        event: String(r.event),
        subject: String(r.subject),
        article: r.article === null ? null : String(r.article),
        payloadHash: String(r.payload_hash),
        prevHash: prev,
      };
      prev = rowHash(h);
      raw
        .prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?')
        .run(h.actor, h.prevHash, prev, h.seq);
    }
    raw.prepare('UPDATE audit_head SET hash = ?').run(prev);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    expect((await verifyAuditChain(db, { anchorDir: cfg.dir, keys: [key] })).break).toMatchObject({
      kind: 'anchor_mismatch',
      seq: 6,
    });
    // Rewriting the anchor file too is caught by its signature.
    const file = readAnchors(cfg.dir, [key])[0]!.file;
    const body = JSON.parse(fs.readFileSync(file, 'utf8')) as { hash: string };
    fs.writeFileSync(file, JSON.stringify({ ...body, hash: prev }));
    const report = await verifyAuditChain(db, { anchorDir: cfg.dir, keys: [key] });
    expect(report.ok).toBe(false);
    expect(report.anchors.problems).toEqual([{ file, problem: 'bad_signature' }]);
  });
});

describe('retention purge of payloads', () => {
  it('removes old payloads through a recorded purge and the chain still verifies', async () => {
    const c = await chainOf(6);
    db = c.db;
    await new AuditRepo(db).purgePayloads([1, 2, 3], {
      at: '2026-12-01T00:00:00.000Z',
      actor: 'system',
      cutoff: '2026-11-01T00:04:00.000Z',
      reason: 'retention',
    });
    const events = await new AuditRepo(db).list();
    expect(events.slice(0, 3).every((e) => e.purged === true && Object.keys(e.data ?? {}).length === 0)).toBe(
      true,
    );
    expect(events[3]!.purged).toBeUndefined();
    expect(events.at(-1)).toMatchObject({ event: 'audit.payloads_purged', data: { count: 3 } });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 7 });
  });

  it('catches a payload removed without a purge, or a purge that hides more than it declares', async () => {
    const c = await chainOf(6);
    db = c.db;
    raw = new BetterSqlite3(c.file);
    raw.exec('DROP TRIGGER audit_payloads_purge_only');
    raw.exec('DELETE FROM audit_payloads WHERE seq = 2');
    expect((await verifyAuditChain(db)).break).toMatchObject({ kind: 'payload_missing', seq: 2 });
    raw.exec(
      'INSERT INTO audit_payloads (seq, data) SELECT 2, \'{"comment":"承認します","conditions":"暗号化すること"}\'',
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);
    await new AuditRepo(db).purgePayloads([1], {
      at: '2026-12-01T00:00:00.000Z',
      actor: 'system',
      cutoff: '2026-11-01T00:02:00.000Z',
      reason: 'retention',
    });
    // Claim row 4's payload was part of that purge too.
    raw.exec('DROP TRIGGER audit_purge_marks_no_update');
    raw.exec('INSERT INTO audit_purge_marks (seq, purge_seq) VALUES (4, 7)');
    raw.exec('DELETE FROM audit_payloads WHERE seq = 4');
    expect((await verifyAuditChain(db)).break).toMatchObject({ kind: 'purge_mismatch', seq: 7 });
  });
});

describe('migration 12', () => {
  it('chains the rows written before it, in their order', async () => {
    const file = tempDbFile();
    const before = SqliteDatabase.open(
      file,
      MIGRATIONS.filter((m) => m.id < 12),
    );
    await before.execute(
      "INSERT INTO audit_log (at, actor, event, subject, article, data) VALUES ('2026-01-01T00:00:00.000Z','E1','case.submitted','INC-2026-0001','12(5)②','{\"b\":1,\"a\":2}')",
    );
    await before.execute(
      "INSERT INTO audit_log (at, actor, event, subject, article, data) VALUES ('2026-01-01T00:01:00.000Z','E2','case.acknowledged','INC-2026-0001',NULL,'{}')",
    );
    await before.close();
    db = SqliteDatabase.open(file);
    const events = await new AuditRepo(db).list();
    expect(events.map((e) => [e.seq, e.event, e.data])).toEqual([
      [1, 'case.submitted', { a: 2, b: 1 }],
      [2, 'case.acknowledged', {}],
    ]);
    await new AuditRepo(db).append({
      at: '2026-01-02T00:00:00.000Z',
      actor: 'E1',
      event: 'x.y',
      subject: 's',
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 3 });
  });
});
