import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { SqlBotStorage, ETagConflictError } from '../../src/storage/bot-state-storage';
import { ConversationRepo } from '../../src/storage/conversation-repo';
import { AuditRepo } from '../../src/storage/audit-repo';
import { MIGRATIONS } from '../../src/storage/migrations';
import { openTempDb, tempDbFile } from '../helpers/db';

let db: SqliteDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('SqliteDatabase', () => {
  it('runs numbered migrations once, with WAL and foreign keys on', async () => {
    const file = tempDbFile();
    db = SqliteDatabase.open(file);
    await db.close();
    db = SqliteDatabase.open(file);
    const applied = await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    // Every migration once, in ascending id order. (Ids are handed out per branch, so a branch may
    // hold a gap until the others are merged; the lead checks 1…n without gaps after the merge.)
    const ids = MIGRATIONS.map((m) => m.id);
    expect(applied.map((r) => r.id)).toEqual(ids);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await db.one<{ journal_mode: string }>('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.one<{ foreign_keys: number }>('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await db.ping()).toBe(true);
  });

  it('rolls a failed transaction back completely', async () => {
    db = openTempDb();
    await expect(
      db.transaction(async (tx) => {
        await new AuditRepo(tx).append({
          at: '2026-01-01T00:00:00.000Z',
          actor: 'a',
          event: 'x.y',
          subject: 's',
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await new AuditRepo(db).list()).toEqual([]);
  });

  it('keeps concurrent transactions apart (no statement slips into another transaction)', async () => {
    db = openTempDb();
    const d = db;
    const slow = d.transaction(async (tx) => {
      await new AuditRepo(tx).append({ at: 't', actor: 'a', event: 'e.1', subject: 's' });
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('rollback me');
    });
    const other = d.execute(
      "INSERT INTO audit_log (at, actor, event, subject, data) VALUES ('t','b','e.2','s','{}')",
    );
    await expect(slow).rejects.toThrow('rollback me');
    await other;
    expect((await new AuditRepo(d).list()).map((e) => e.event)).toEqual(['e.2']);
  });

  it('refuses rows that break a foreign key', async () => {
    db = openTempDb();
    await expect(
      db.execute(
        "INSERT INTO people (id, aad_object_id, upn, name, kana, section_code, title, phone, mobile, is_chief_officer, is_it_admin) VALUES ('E1','a','u','n','k','NOPE','','','',0,0)",
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});

describe('SqlBotStorage (teams-ai turn state)', () => {
  it('persists across a reopen of the database file', async () => {
    const file = tempDbFile();
    db = SqliteDatabase.open(file);
    await new SqlBotStorage(db).write({ 'conv/1': { draft: { step: 2 } } });
    await db.close();
    db = SqliteDatabase.open(file);
    const items = await new SqlBotStorage(db).read(['conv/1', 'missing']);
    expect(items['conv/1']).toMatchObject({ draft: { step: 2 } });
    expect(typeof items['conv/1']?.eTag).toBe('string');
    expect(items.missing).toBeUndefined();
  });

  it('rejects a write with a stale eTag and accepts * and the current eTag', async () => {
    db = openTempDb();
    const s = new SqlBotStorage(db);
    await s.write({ k: { v: 1 } });
    const first = (await s.read(['k'])).k as { eTag: string };
    await s.write({ k: { v: 2, eTag: first.eTag } });
    await expect(s.write({ k: { v: 3, eTag: first.eTag } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await s.read(['k'])).k).toMatchObject({ v: 2 });
    await s.write({ k: { v: 4, eTag: '*' } });
    expect((await s.read(['k'])).k).toMatchObject({ v: 4 });
    await s.delete(['k']);
    expect(await s.read(['k'])).toEqual({});
  });
});

describe('ConversationRepo', () => {
  it('upserts references (serviceUrl refresh) and claims the welcome only once', async () => {
    db = openTempDb();
    const repo = new ConversationRepo(db);
    const base = { aadObjectId: 'AAA', tenantId: 't', conversationId: 'c1' };
    await repo.upsert({ ...base, reference: { serviceUrl: 'http://a' }, at: '2026-01-01T00:00:00.000Z' });
    await repo.upsert({ ...base, reference: { serviceUrl: 'http://b' }, at: '2026-01-02T00:00:00.000Z' });
    const got = await repo.get('aaa');
    expect(got).toMatchObject({
      reference: { serviceUrl: 'http://b' },
      installedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
    const claims = await Promise.all([repo.markWelcomed('aaa', 'x'), repo.markWelcomed('aaa', 'y')]);
    expect(claims.sort()).toEqual([false, true]);
  });
});
