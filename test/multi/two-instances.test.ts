// Two bot processes on one PostgreSQL database (issue 11): the real bot (src/main.ts) twice, with
// distinct INSTANCE_ID and PORT, the same DATABASE_URL and one loopback connector. What must hold:
// outbox rows are claimed once, timers fire once, racing approvals through different instances make
// one decision, concurrent turns keep the form drafts, the tenant's rate budget is shared, and the
// audit chain stays one chain.
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnchorKey } from '../../src/services/audit-anchor';
import { AuditRepo } from '../../src/storage/audit-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { DraftRepo } from '../../src/storage/draft-repo';
import { OutboxRepo, isUpdateMessage } from '../../src/storage/outbox-repo';
import { PgDatabase } from '../../src/storage/postgres/pg-database';
import { BROADCAST_VERBS as V } from '../../src/teams/broadcast/verbs';
import { DEMO } from '../helpers/activities';
import { storeReferences } from '../helpers/broadcast';
import { FakeConnector, type ReceivedActivity } from '../helpers/connector';
import { row } from '../helpers/directory-rows';
import { submitValue } from '../helpers/forms';
import { TEST_POSTGRES_URL, tempPgDatabase } from '../helpers/pg';
import { VALID } from '../domain/flows/fixtures';
import {
  execute,
  maxInWindow,
  ROOT,
  say,
  sentIds,
  startInstance,
  stopInstance,
  until,
  type BotInstance,
} from './instances';

/** Generated staff beside the 34 demo people: a broadcast to everyone is a few hundred sends. */
const GENERATED = 120;
/** The tenant's budget for the whole app (TEAMS_RATE_PER_SECOND): low, so both instances hit it. */
const RATE = 12;
/** The bucket's burst (domain/rate-limit.ts budgetConfig: a fifth of a second's worth). */
const BURST = Math.ceil(RATE / 5);

const json = (v: unknown): string => JSON.stringify(v) ?? '';
const jstDate = (offsetDays: number) =>
  new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The compose card's submit (一斉通知 to everyone, a drill with the default reminder). */
function compose(): Record<string, unknown> {
  return {
    verb: V.review,
    purpose: 'contact_tree',
    mode: 'drill',
    severity: 'emergency',
    title: '複数インスタンス訓練',
    body: '二つのプロセスから送られても一人一通です。',
    audience: 'everyone',
    sections: '',
    includeSub: 'false',
    answerKind: 'choice',
    choice0: '確認した',
    report0: 'none',
    choice1: 'まだ',
    report1: 'none',
    choice2: '',
    report2: 'none',
    choice3: '',
    report3: 'none',
    remind: 'default',
    instructedBy: '',
  };
}

const takeout = (over: Record<string, string> = {}) => ({
  ...VALID.takeout,
  startDate: jstDate(1),
  returnDate: jstDate(2),
  ...over,
});

function actionsOf(card: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if ((o.type === 'Action.Execute' || o.type === 'Action.Submit') && o.data) out.push(o.data as never);
    Object.entries(o).forEach(([k, v]) => k !== 'fallback' && walk(v));
  };
  walk(card);
  return out;
}

const cardOf = (r: ReceivedActivity | undefined) =>
  (r?.activity.attachments as Array<{ content: unknown }> | undefined)?.[0]?.content;

/** 山田 花子 (DEMO.staff) in the demo directory. */
const STAFF_ID = 'E1001';

/** Figures and diagnostics on the test's output. */
const report = (line: string) => process.stdout.write(`${line}\n`);

const ALREADY = /すでに承認済み|すでに却下|ほかの方が同時に操作しました/;

if (!TEST_POSTGRES_URL) {
  describe('two bot instances on one PostgreSQL database', () => {
    it.skip('needs TEST_POSTGRES_URL (a PostgreSQL server; .ci/run starts one)', () => undefined);
  });
} else {
  describe('two bot instances on one PostgreSQL database', () => {
    let connector: FakeConnector;
    let drop: () => Promise<void> = async () => undefined;
    let dir = '';
    let db: PgDatabase | undefined;
    let a: BotInstance | undefined;
    let b: BotInstance | undefined;
    let env: Record<string, string>;
    const stopped: BotInstance[] = [];
    let everyone: string[];

    beforeAll(async () => {
      connector = await FakeConnector.start();
      // A remote connector's round trip, so both instances have requests in flight at once.
      connector.latencyMs = 20;
      // Sockets stay open between the phases: with Node's default 5 s keep-alive the server may
      // close one just as a sender reuses it (ECONNRESET, an ambiguous failure and a marked resend
      // that has nothing to do with two instances).
      (connector as unknown as { server: http.Server }).server.keepAliveTimeout = 120_000;
      const temp = await tempPgDatabase();
      drop = temp.drop;
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secdesk-multi-'));
      const demo = fs.readFileSync(path.join(ROOT, 'infra/demo/directory.csv'), 'utf8').trimEnd();
      const generated = Array.from({ length: GENERATED }, (_, i) =>
        row(100 + i, { 上位課コード: '200', 電話: `06-6631-${String(100 + i).padStart(5, '0')}` }),
      );
      fs.writeFileSync(path.join(dir, 'directory.csv'), [demo, ...generated].join('\n') + '\n');
      everyone = [demo, ...generated]
        .join('\n')
        .split('\n')
        .slice(1)
        .map((l) => /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(l)![0]);
      // One signing key for the audit anchors of the database, provisioned before the instances
      // start (in Azure it comes from Key Vault), and one anchor folder for both.
      const keyFile = path.join(dir, 'anchor-key.pem');
      loadAnchorKey(keyFile, true);
      env = {
        DATABASE_URL: temp.url,
        DIRECTORY_CSV: path.join(dir, 'directory.csv'),
        TEAMS_RATE_PER_SECOND: String(RATE),
        AUDIT_ANCHOR_DIR: path.join(dir, 'anchors'),
        AUDIT_ANCHOR_KEY_FILE: keyFile,
        // 'outbox sent' lines name the outbox id each instance delivered.
        LOG_LEVEL: 'debug',
      };
      db = await PgDatabase.open(temp.url, { max: 2 });
      // Everyone has chatted with the bot before (their 1:1 conversation is known).
      await storeReferences(db, everyone, connector.url, new Date().toISOString());
      // Both start at once, as App Service starts its instances: each migrates (serialised by an
      // advisory lock) and loads the same directory file.
      [a, b] = await Promise.all([startInstance('multi-a', env), startInstance('multi-b', env)]);
    }, 150_000);

    afterAll(async () => {
      // Warnings and errors of both processes, for whoever reads a failure.
      for (const bot of [a, b, ...stopped])
        for (const l of bot?.logs.filter((x) => Number(x.level) >= 40) ?? [])
          report(`${bot!.name}: ${json(l).slice(0, 400)}`);
      await Promise.all([a, b].map((x) => (x ? stopInstance(x) : undefined)));
      await db?.close();
      await connector?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      // MULTI_KEEP_DB=1 keeps the database for a look after a failure (its name is in pg_database).
      if (!process.env.MULTI_KEEP_DB) await drop();
    });

    it('keeps every guarantee across two processes: claims, timers, decisions, drafts, budget, audit chain', async () => {
      const A = a!;
      const B = b!;
      const c = connector;
      const pg = db!;

      // --- Racing approvals through different instances -----------------------------------
      const fileTakeout = async (via: BotInstance): Promise<string> => {
        await say(via, c, DEMO.staff, submitValue('takeout', takeout()));
        const [created] = await say(via, c, DEMO.staff, { verb: 'flow.submit', kind: 'takeout' });
        const id = /REQ-\d{4}-\d{4}/.exec(json(created?.activity))?.[0];
        if (!id) throw new Error(`no case created: ${json(created?.activity)}`);
        await c.waitFor((r) =>
          r.some((x) => x.conversationId === `a:personal-${DEMO.officer}` && json(x.activity).includes(id)),
        );
        return id;
      };
      const decisions = async (id: string) =>
        (await new AuditRepo(pg).list(id)).filter(
          (e) => e.event === 'case.approved' || e.event === 'case.rejected',
        );

      // The same click reaches A and B at the same moment.
      const same = await fileTakeout(A);
      const sameClicks = await Promise.all([
        execute(A, c, DEMO.officer, 'case.approve', { caseId: same }),
        execute(B, c, DEMO.officer, 'case.approve', { caseId: same }),
      ]);
      expect(sameClicks.map((r) => r.statusCode)).toEqual([200, 200]);
      expect(
        sameClicks.filter((r) => ALREADY.test(json(r.value))),
        json(sameClicks),
      ).toHaveLength(1);
      expect((await decisions(same)).map((e) => e.event)).toEqual(['case.approved']);
      expect((await new CaseRepo(pg).get(same))?.status).toBe('approved');

      // Approve on A against reject on B.
      const opposed = await fileTakeout(B);
      const opposedClicks = await Promise.all([
        execute(A, c, DEMO.officer, 'case.approve', { caseId: opposed }),
        execute(B, c, DEMO.officer, 'case.reject', { caseId: opposed, comment: '不可' }),
      ]);
      expect(opposedClicks.map((r) => r.statusCode)).toEqual([200, 200]);
      const losers = opposedClicks.filter((r) => ALREADY.test(json(r.value)));
      expect(losers, json(opposedClicks)).toHaveLength(1);
      const decided = await decisions(opposed);
      expect(decided).toHaveLength(1);
      const status = (await new CaseRepo(pg).get(opposed))?.status;
      expect(status).toBe(decided[0]!.event === 'case.approved' ? 'approved' : 'rejected');
      // The loser was the other click.
      expect(losers[0]).toBe(opposedClicks[decided[0]!.event === 'case.approved' ? 1 : 0]);

      // --- Two turns of one conversation at once, on A and on B -----------------------------
      // The bot keeps no teams-ai turn state (no route changes a scope, so TurnState.save writes
      // nothing): a form lives in its draft row, written by each review in one upsert. Two forms
      // reviewed at once on two instances: both drafts are kept, and both turns answer normally.
      const [onA, onB] = await Promise.all([
        say(A, c, DEMO.staff, submitValue('lost_ic_card', VALID.lost_ic_card)),
        say(B, c, DEMO.staff, submitValue('takeout', takeout({ purpose: '同時に入力した持出し' }))),
      ]);
      // Each turn answers with its review card (a proactive message to the same chat may carry the
      // turn's activity id as replyToId too, so the replies are picked by what they are).
      const reviews = (replies: ReceivedActivity[]) =>
        replies.filter((r) => actionsOf(cardOf(r)).some((d) => d.verb === 'flow.submit'));
      const failed = (replies: ReceivedActivity[]) =>
        replies.filter((r) => json(r.activity).includes('申し訳'));
      for (const replies of [onA, onB]) {
        expect(reviews(replies)).toHaveLength(1);
        expect(failed(replies)).toEqual([]);
      }
      const drafts = new DraftRepo(pg);
      expect((await drafts.get(STAFF_ID, 'lost_ic_card'))?.answers).toMatchObject({
        place: VALID.lost_ic_card.place,
      });
      expect((await drafts.get(STAFF_ID, 'takeout'))?.answers).toMatchObject({
        purpose: '同時に入力した持出し',
      });
      // The same form reviewed on both at once: one of the two submissions is kept whole.
      const both = await Promise.all([
        say(A, c, DEMO.staff, submitValue('takeout', takeout({ purpose: '案A', destination: '会場A' }))),
        say(B, c, DEMO.staff, submitValue('takeout', takeout({ purpose: '案B', destination: '会場B' }))),
      ]);
      expect(both.map((r) => reviews(r).length)).toEqual([1, 1]);
      expect(both.flatMap(failed)).toEqual([]);
      const kept = (await drafts.get(STAFF_ID, 'takeout'))!.answers;
      expect([
        { purpose: '案A', destination: '会場A' },
        { purpose: '案B', destination: '会場B' },
      ]).toContainEqual({ purpose: kept.purpose, destination: kept.destination });
      expect(await pg.one<{ n: number }>('SELECT COUNT(*) AS n FROM bot_state')).toEqual({ n: 0 });

      // The incident whose acknowledgement deadline fires below (filed through B).
      const [filed] = await say(B, c, DEMO.staff, { verb: 'flow.submit', kind: 'lost_ic_card' });
      const incident = /INC-\d{4}-\d{4}/.exec(json(filed?.activity))?.[0];
      expect(incident, json(filed?.activity)).toBeDefined();

      // --- A broadcast to everyone, started through A: every copy claimed and sent once ------
      const [preview] = await say(A, c, DEMO.itAdmin, compose());
      const send = actionsOf(cardOf(preview)).find((d) => d.verb === V.send);
      expect(send, json(preview?.activity)).toBeDefined();
      const broadcastId = String(send!.broadcastId);
      const sent = await execute(A, c, DEMO.itAdmin, V.send, send!);
      expect(json(sent.value)).toContain(`送信しました（${broadcastId}、${everyone.length}名）`);
      const copiesOf = (id: string) =>
        c.received.filter(
          (r) =>
            r.method === 'POST' &&
            json(cardOf(r)).includes(`"broadcastId":"${id}"`) &&
            json(cardOf(r)).includes(V.copyRefresh),
        );
      await c.waitFor(
        () => new Set(copiesOf(broadcastId).map((r) => r.conversationId)).size === everyone.length,
        60_000,
      );
      const perChat = new Map<string, number>();
      for (const r of copiesOf(broadcastId))
        perChat.set(r.conversationId, (perChat.get(r.conversationId) ?? 0) + 1);
      expect([...perChat.values()].filter((n) => n !== 1)).toEqual([]);
      expect(everyone.filter((aad) => !perChat.has(`a:personal-${aad}`))).toEqual([]);

      // --- Due timers with both schedulers polling: each fires once --------------------------
      const now = new Date().toISOString();
      const madeDueAt = Date.now();
      const due = await pg.execute(
        `UPDATE timers SET due_at = ? WHERE status = 'pending' AND
           ((kind = 'broadcast_reminder' AND dedupe_key = ?) OR (kind = 'ack_deadline' AND case_id = ?))`,
        [now, `bcr:${broadcastId}:1`, incident!],
      );
      expect(due.changes).toBe(2);
      // The reminder: a second copy (a new post) to everyone who has not answered — everyone.
      await c.waitFor(() => copiesOf(broadcastId).length >= 2 * everyone.length, 60_000);
      // The escalation: the deputy (鈴木 一郎) gets the incident's card.
      const deputyCards = () =>
        c.received.filter(
          (r) =>
            r.method === 'POST' &&
            r.conversationId === `a:personal-${DEMO.deputy}` &&
            json(r.activity).includes(incident!),
        );
      await c.waitFor(() => deputyCards().length >= 1, 30_000);
      // Both schedulers poll every 5 s: count once each has ticked at least twice since the timers
      // became due (delivering the reminders at the budget usually took longer already).
      await until(async () => Date.now() - madeDueAt > 11_000, 15_000, 'two ticks of each scheduler');
      const reminders = new Map<string, number>();
      for (const r of copiesOf(broadcastId))
        reminders.set(r.conversationId, (reminders.get(r.conversationId) ?? 0) + 1);
      expect([...reminders.values()].filter((n) => n !== 2)).toEqual([]);
      expect(deputyCards()).toHaveLength(1);
      const audit = new AuditRepo(pg);
      expect((await audit.list(broadcastId)).filter((e) => e.event === 'broadcast.reminded')).toHaveLength(1);
      expect((await audit.list(incident!)).filter((e) => e.event === 'case.escalated')).toHaveLength(1);
      const fired = await pg.query<{ dedupe_key: string; status: string }>(
        `SELECT dedupe_key, status FROM timers WHERE dedupe_key = ? OR (kind = 'ack_deadline' AND case_id = ? AND due_at = ?)`,
        [`bcr:${broadcastId}:1`, incident!, now],
      );
      expect(fired.map((t) => t.status)).toEqual(['done', 'done']);

      // --- The rate budget is the tenant's, not each instance's ------------------------------
      // Grants, as both instances recorded them in the shared table (the exact token times): a
      // token bucket lets through at most its burst plus a second's worth in any second.
      const first = copiesOf(broadcastId)[0]!.receivedAt;
      const grants = (
        await pg.query<{ at_ms: number }>('SELECT at_ms FROM rate_sends WHERE at_ms >= ? ORDER BY at_ms', [
          first - 5000,
        ])
      ).map((r) => Number(r.at_ms));
      const grantPeak = maxInWindow(grants, 1000);
      // Arrivals at the connector: the same, give or take each request's own time on the way.
      const arrivals = c.received.filter((r) => r.receivedAt >= first).map((r) => r.receivedAt);
      const peak = maxInWindow(arrivals, 1000);
      const peak5 = maxInWindow(arrivals, 5000);
      const spanS = (arrivals.at(-1)! - first) / 1000;
      const mean = (arrivals.length - BURST) / spanS;
      report(
        `rate: budget ${RATE}/s (burst ${BURST}); grants: ${grants.length}, peak ${grantPeak} in 1 s; ` +
          `connector: ${arrivals.length} requests in ${spanS.toFixed(1)} s, mean ${mean.toFixed(1)}/s, ` +
          `peak ${peak} in 1 s, ${peak5} in 5 s`,
      );
      expect(grantPeak).toBeLessThanOrEqual(RATE + BURST);
      expect(peak5).toBeLessThanOrEqual(5 * RATE + BURST);
      expect(peak).toBeLessThan(1.5 * RATE);
      expect(mean).toBeLessThanOrEqual(RATE * 1.05);

      // --- Nothing lost, nothing twice ------------------------------------------------------
      const outbox = new OutboxRepo(pg);
      await until(
        async () => {
          const n = await outbox.countByStatus();
          return (n.pending ?? 0) === 0 && (n.waiting ?? 0) === 0;
        },
        30_000,
        'the outbox drained',
      );
      const rows = await outbox.all();
      expect(rows.filter((o) => o.status !== 'sent')).toEqual([]);
      // No attempt failed in a way that leaves it open whether Teams got it (no 「（再送）」).
      expect(rows.filter((o) => o.resend || o.attempts !== 1).map((o) => o.dedupeKey)).toEqual([]);
      // Every row posted once: the connector holds exactly one copy of what each row posted, in
      // its conversation (a second instance sending the same row would post the same activity).
      const posted = new Map<string, number>();
      const keyOf = (r: ReceivedActivity) =>
        `${r.conversationId} ${json(r.activity.attachments ?? r.activity.text)}`;
      for (const r of c.received)
        if (r.method === 'POST') posted.set(keyOf(r), (posted.get(keyOf(r)) ?? 0) + 1);
      const byResponse = new Map(c.received.filter((r) => r.method === 'POST').map((r) => [r.responseId, r]));
      const posts = rows.filter((o) => !isUpdateMessage(o.message));
      expect(new Set(posts.map((o) => o.activityId)).size).toBe(posts.length);
      const copies = posts.map((o) => {
        const r = byResponse.get(o.activityId ?? '');
        return { row: o.dedupeKey, copies: r ? posted.get(keyOf(r)) : 0 };
      });
      expect(copies.filter((x) => x.copies !== 1)).toEqual([]);
      // Which instance delivered what: disjoint, together everything, both took a share.
      const byA = sentIds(A);
      const byB = sentIds(B);
      report(`delivered by multi-a: ${byA.length}, by multi-b: ${byB.length} (of ${rows.length})`);
      expect(byA.filter((id) => byB.includes(id))).toEqual([]);
      expect(new Set([...byA, ...byB])).toEqual(new Set(rows.map((o) => o.id)));
      expect(byA.length).toBeGreaterThan(0);
      expect(byB.length).toBeGreaterThan(0);
      for (const bot of [A, B])
        expect(bot.logs.filter((l) => l.msg === 'turn failed' || Number(l.level) >= 50)).toEqual([]);

      // --- One audit chain ------------------------------------------------------------------
      await Promise.all([stopInstance(A), stopInstance(B)]);
      stopped.push(A, B);
      a = b = undefined;
      const seqs = (await pg.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id')).map((r) =>
        Number(r.id),
      );
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const events = await audit.list();
      // Written through A (the broadcast) and through B (the incident).
      expect(events.find((e) => e.event === 'broadcast.sent' && e.subject === broadcastId)).toBeDefined();
      expect(events.find((e) => e.event === 'case.submitted' && e.subject === incident)).toBeDefined();
      const verify = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/audit.ts', 'verify', '--json'],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', ...env },
          encoding: 'utf8',
        },
      );
      expect(verify.status, verify.stderr).toBe(0);
      const verified = JSON.parse(verify.stdout) as { ok: boolean; rows: number; lastSeq: number };
      expect(verified).toMatchObject({ ok: true, rows: seqs.length, lastSeq: seqs.length });
    }, 240_000);
  });
}
