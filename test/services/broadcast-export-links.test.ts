import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBroadcastExportLink } from '../../src/services/broadcast-export-links';
import { saveBroadcastDraft, sendBroadcast } from '../../src/services/broadcast-service';
import { downloadExport } from '../../src/services/directory-export-links';
import { importDirectory } from '../../src/services/directory-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { ManualClock } from '../helpers/clock';
import { openTempDb } from '../helpers/db';

const DEMO_CSV = fs.readFileSync(path.resolve(__dirname, '../../infra/demo/directory.csv'), 'utf8');
let db: SqliteDatabase;
let clock: ManualClock;
let id: string;

beforeEach(async () => {
  db = openTempDb();
  clock = new ManualClock();
  await importDirectory(db, DEMO_CSV, { source: 'demo', actor: 'system', clock });
  const d = await saveBroadcastDraft(db, clock, {
    actorId: 'E1006',
    content: {
      purpose: 'contact_tree',
      mode: 'drill',
      severity: 'important',
      title: '訓練',
      body: '確認してください',
      audience: { kind: 'everyone', officersOnly: false },
      answer: { kind: 'ack' },
      instructedBy: null,
      remindAfterMinutes: null,
      caseId: null,
    },
  });
  if (!d.ok) throw new Error(d.reason);
  const s = await sendBroadcast(db, clock, {
    actorId: 'E1006',
    broadcastId: d.broadcast.id,
    version: d.broadcast.version,
  });
  if (!s.ok) throw new Error(s.reason);
  id = s.broadcast.id;
});
afterEach(async () => db.close());

describe('download links for a broadcast’s results', () => {
  it('the sender downloads the CSV (BOM, every recipient) through the link; it expires', async () => {
    const link = await createBroadcastExportLink(db, clock, {
      viewerId: 'E1006',
      broadcastId: id,
      format: 'csv',
      locale: 'ja',
    });
    const r = await downloadExport(db, clock, link.token);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.contentType).toContain('text/csv');
    expect(r.file.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(r.file.body.toString('utf8').trim().split(/\r\n/)).toHaveLength(1 + 34);
    expect((await new AuditRepo(db).list(id)).filter((e) => e.event === 'broadcast.exported').length).toBe(1);
    clock.advanceMinutes(16);
    expect(await downloadExport(db, clock, link.token)).toEqual({ ok: false });
  });

  it('an officer’s link gives their own section only; a staff member’s link gives nothing (audited)', async () => {
    const officer = await createBroadcastExportLink(db, clock, {
      viewerId: 'E1002',
      broadcastId: id,
      format: 'csv',
      locale: 'ja',
    });
    const r = await downloadExport(db, clock, officer.token);
    expect(r.ok && r.file.body.toString('utf8').trim().split(/\r\n/)).toHaveLength(1 + 5);
    const staff = await createBroadcastExportLink(db, clock, {
      viewerId: 'E1001',
      broadcastId: id,
      format: 'xlsx',
      locale: 'ja',
    });
    expect(await downloadExport(db, clock, staff.token)).toEqual({ ok: false });
    expect(
      (await new AuditRepo(db).list(id))
        .filter((e) => e.event === 'broadcast.results_denied')
        .map((e) => e.actor),
    ).toEqual(['E1001']);
  });
});
