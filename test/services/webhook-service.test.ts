import { t } from '../../src/i18n';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookConfig } from '../../src/config/config';
import { routeCase } from '../../src/domain/routing';
import { createLogger } from '../../src/logger';
import { submitCase } from '../../src/services/case-service';
import { actOnCase } from '../../src/services/decision-service';
import { importDirectory } from '../../src/services/directory-service';
import {
  buildWebhookPayload,
  enqueueWebhooks,
  signWebhook,
  verifySignature,
  WebhookDispatcher,
  webhookFailureText,
  webhookStatusForCase,
  type WebhookDispatcherOptions,
  type WebhookEvent,
  type WebhookPayload,
} from '../../src/services/webhook-service';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { DraftRepo } from '../../src/storage/draft-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { WebhookRepo } from '../../src/storage/webhook-repo';
import { openTempDb } from '../helpers/db';

const SECRET = 'test-secret-0123456789abcdef';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real receiver on loopback; answers from a script, then 200. */
class Receiver {
  readonly requests: Received[] = [];
  readonly script: Array<{ status: number; headers?: Record<string, string> }> = [];
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = this.script.shift() ?? { status: 200 };
      res.writeHead(next.status, { 'content-type': 'text/plain', ...next.headers });
      res.end('ok');
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/ic-card`;
  }
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

class FakeClock {
  t = Date.now();
  now = () => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

const OPTS: WebhookDispatcherOptions = {
  pollMs: 20,
  batch: 20,
  timeoutMs: 2000,
  leaseMs: 30_000,
  maxAttempts: 6,
  backoffMs: 1000,
  maxBackoffMs: 8000,
  maxRetryAfterMs: 60_000,
};

let db: SqliteDatabase;
let rx: Receiver;
let clock: FakeClock;
let logs: Array<Record<string, unknown>>;

beforeEach(async () => {
  db = openTempDb();
  rx = new Receiver();
  await rx.start();
  clock = new FakeClock();
  logs = [];
});
afterEach(async () => {
  await rx.close();
  await db.close();
});

const hook = (over: Partial<WebhookConfig> = {}): WebhookConfig => ({
  name: 'access-control',
  url: rx.url,
  events: ['case.submitted'],
  kinds: ['lost_ic_card'],
  secretEnv: 'WEBHOOK_SECRET_ACCESS_CONTROL',
  secret: SECRET,
  ...over,
});

function dispatcher(
  hooks: WebhookConfig[] = [hook()],
  opts: Partial<WebhookDispatcherOptions> = {},
  instanceId?: string,
) {
  const logger = createLogger('trace', {
    write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>),
  });
  return new WebhookDispatcher(
    { db, clock, logger, hooks, random: () => 0.5, ...(instanceId ? { instanceId } : {}) },
    { ...OPTS, ...opts },
  );
}

const lostCard = (over: Partial<WebhookEvent> = {}): WebhookEvent => ({
  event: 'case.submitted',
  caseId: 'INC-2026-0001',
  kind: 'lost_ic_card',
  at: clock.now().toISOString(),
  data: {
    version: 1,
    status: 'submitted',
    severity: 'critical',
    sectionCode: '100',
    reporterName: '山田 太郎',
    form: {
      answers: {
        cardKind: 'own',
        cardNumber: '0012345',
        place: '本庁舎3階',
        circumstances: '山田が鞄ごと紛失',
      },
      value: {
        cardKind: 'own',
        cardNumber: ' 0012345 ',
        lostAt: '2026-01-05T00:00:00.000Z',
        place: '本庁舎3階',
        circumstances: '山田が鞄ごと紛失',
      },
    },
  },
  ...over,
});

async function enqueue(hooks: WebhookConfig[], e: WebhookEvent): Promise<number> {
  return db.transaction((tx) => enqueueWebhooks(tx, hooks, e));
}

const only = async () => {
  const all = await new WebhookRepo(db).all();
  expect(all).toHaveLength(1);
  return all[0]!;
};

describe('enqueueWebhooks', () => {
  it('enqueues one delivery per hook whose event and kind filters match, once per state', async () => {
    const hooks = [
      hook(),
      hook({ name: 'siem', events: ['case.closed', 'case.submitted'], kinds: undefined }),
      hook({ name: 'virus-only', kinds: ['virus'] }),
      hook({ name: 'closed-only', events: ['case.closed'] }),
    ];
    expect(await enqueue(hooks, lostCard())).toBe(2);
    // A replay of the same state change (same version) notifies nobody twice.
    expect(await enqueue(hooks, lostCard({ at: new Date(clock.t + 5).toISOString() }))).toBe(0);
    expect(await enqueue(hooks, lostCard({ event: 'case.closed', data: { version: 4 } }))).toBe(2);
    expect(await enqueue(hooks, lostCard({ kind: 'virus', caseId: 'INC-2026-0002' }))).toBe(2);
    const all = await new WebhookRepo(db).all();
    expect(all.map((d) => [d.hook, d.event, d.caseId, d.dedupeKey])).toEqual([
      ['access-control', 'case.submitted', 'INC-2026-0001', 'access-control:case.submitted:INC-2026-0001:1'],
      ['siem', 'case.submitted', 'INC-2026-0001', 'siem:case.submitted:INC-2026-0001:1'],
      ['siem', 'case.closed', 'INC-2026-0001', 'siem:case.closed:INC-2026-0001:4'],
      ['closed-only', 'case.closed', 'INC-2026-0001', 'closed-only:case.closed:INC-2026-0001:4'],
      ['siem', 'case.submitted', 'INC-2026-0002', 'siem:case.submitted:INC-2026-0002:1'],
      ['virus-only', 'case.submitted', 'INC-2026-0002', 'virus-only:case.submitted:INC-2026-0002:1'],
    ]);
    expect(all.every((d) => d.status === 'pending' && d.attempts === 0)).toBe(true);
  });

  it('uses the event time as discriminator when there is no version', async () => {
    await enqueue([hook()], lostCard({ data: {} }));
    expect((await only()).dedupeKey).toBe(
      `access-control:case.submitted:INC-2026-0001:${clock.now().toISOString()}`,
    );
  });

  it('commits with the state change or not at all', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueWebhooks(tx, [hook()], lostCard());
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await new WebhookRepo(db).all()).toEqual([]);
  });

  it('carries ids and the card only: no names, no free text, no person ids', async () => {
    await enqueue([hook()], lostCard());
    const d = await only();
    const p = JSON.parse(d.payloadJson) as WebhookPayload;
    expect(p).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      event: 'case.submitted',
      occurredAt: clock.now().toISOString(),
      case: {
        id: 'INC-2026-0001',
        kind: 'lost_ic_card',
        status: 'submitted',
        severity: 'critical',
        sectionCode: '100',
        version: 1,
        cardKind: 'own',
        cardNumber: '0012345',
      },
      source: 'security-desk',
    });
    for (const leak of ['山田', '本庁舎', '鞄', 'lostAt', 'answers'])
      expect(d.payloadJson).not.toContain(leak);
  });

  it('drops a card number that is not a number-like code, and fields of other kinds', () => {
    const free = buildWebhookPayload('x', lostCard({ data: { form: { cardNumber: '不明（机の上?）' } } }));
    expect(free.case).toEqual({ id: 'INC-2026-0001', kind: 'lost_ic_card' });
    const virus = buildWebhookPayload('x', lostCard({ kind: 'virus', data: { form: { cardNumber: '1' } } }));
    expect(virus.case).toEqual({ id: 'INC-2026-0001', kind: 'virus' });
  });
});

describe('verifySignature', () => {
  it('accepts the signature of the exact body and rejects anything else', () => {
    const ts = Math.floor(Date.now() / 1000);
    const sig = signWebhook(SECRET, ts, '{"a":1}');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, ts, '{"a":1}', sig)).toBe(true);
    expect(verifySignature(SECRET, String(ts), Buffer.from('{"a":1}'), sig)).toBe(true);
    expect(verifySignature('wrong-secret-0123456789', ts, '{"a":1}', sig)).toBe(false);
    expect(verifySignature(SECRET, ts, '{"a":2}', sig)).toBe(false);
    expect(verifySignature(SECRET, ts + 1, '{"a":1}', sig)).toBe(false);
    expect(verifySignature(SECRET, ts, '{"a":1}', undefined)).toBe(false);
    expect(verifySignature(SECRET, ts, '{"a":1}', 'sha256=00')).toBe(false);
    expect(verifySignature(SECRET, 'abc', '{"a":1}', sig)).toBe(false);
  });

  it('rejects a stale timestamp (replay) unless told not to check', () => {
    const ts = Math.floor(Date.now() / 1000) - 3600;
    const sig = signWebhook(SECRET, ts, 'b');
    expect(verifySignature(SECRET, ts, 'b', sig)).toBe(false);
    expect(verifySignature(SECRET, ts, 'b', sig, { toleranceSeconds: 7200 })).toBe(true);
    expect(verifySignature(SECRET, ts, 'b', sig, { now: ts + 10 })).toBe(true);
  });
});

describe('WebhookDispatcher', () => {
  it('POSTs the stored payload, signed, and records the delivery', async () => {
    await enqueue([hook()], lostCard());
    expect(await dispatcher().drain()).toBe(1);
    expect(rx.requests).toHaveLength(1);
    const [r] = rx.requests;
    const d = await only();
    const payload = JSON.parse(d.payloadJson) as WebhookPayload;
    expect(r!.body).toBe(d.payloadJson);
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.headers['x-securitydesk-event']).toBe('case.submitted');
    expect(r!.headers['x-securitydesk-delivery']).toBe(payload.id);
    const ts = r!.headers['x-securitydesk-timestamp'] as string;
    expect(ts).toBe(String(Math.floor(clock.t / 1000)));
    const sig = r!.headers['x-securitydesk-signature'] as string;
    expect(verifySignature(SECRET, ts, r!.body, sig)).toBe(true);
    // Independently of our helper: HMAC-SHA256 of "<timestamp>.<raw body>", hex.
    expect(sig).toBe(`sha256=${createHmac('sha256', SECRET).update(`${ts}.${r!.body}`).digest('hex')}`);
    expect(verifySignature('another-secret-0123456789', ts, r!.body, sig)).toBe(false);
    expect(d).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200, lastError: null });
    expect(d.deliveredAt).toBe(clock.now().toISOString());
    // Nothing left to do.
    expect(await dispatcher().drain()).toBe(0);
    expect(rx.requests).toHaveLength(1);
  });

  it('retries a 503 with backoff and delivers once, with the same delivery id', async () => {
    rx.script.push({ status: 503 });
    await enqueue([hook()], lostCard());
    const w = dispatcher();
    expect(await w.drain()).toBe(0);
    let d = await only();
    // attempt 1: exp = 1000 ms, equal jitter with random 0.5 → 500 + 250.
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 503, lastError: 'HTTP 503' });
    expect(d.nextAttemptAt).toBe(new Date(clock.t + 750).toISOString());
    expect(await w.drain()).toBe(0);
    expect(rx.requests).toHaveLength(1);
    clock.advance(750);
    expect(await w.drain()).toBe(1);
    expect(await w.drain()).toBe(0);
    d = await only();
    expect(d).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200, lastError: null });
    expect(rx.requests).toHaveLength(2);
    const ids = rx.requests.map((r) => r.headers['x-securitydesk-delivery']);
    expect(ids[0]).toBe(ids[1]);
    expect(rx.requests.map((r) => r.body)).toEqual([d.payloadJson, d.payloadJson]);
  });

  it('fails a 400 at once, logs it with ids only, and reports it for the case card', async () => {
    rx.script.push({ status: 400 });
    await enqueue([hook()], lostCard());
    expect(await dispatcher().drain()).toBe(0);
    clock.advance(60 * 60_000);
    expect(await dispatcher().drain()).toBe(0);
    expect(rx.requests).toHaveLength(1);
    expect(await only()).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatus: 400,
      lastError: 'HTTP 400',
    });
    const failed = logs.filter((l) => l.msg === 'webhook delivery failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      hook: 'access-control',
      caseId: 'INC-2026-0001',
      status: 400,
      attempts: 1,
    });
    expect(JSON.stringify(logs)).not.toMatch(/山田|本庁舎|0012345|test-secret/);
    const status = await webhookStatusForCase(db, 'INC-2026-0001');
    expect(status).toEqual([
      {
        hook: 'access-control',
        event: 'case.submitted',
        status: 'failed',
        attempts: 1,
        lastError: 'HTTP 400',
        lastStatus: 400,
      },
    ]);
  });

  it('honours Retry-After seconds on 429', async () => {
    rx.script.push({ status: 429, headers: { 'retry-after': '7' } });
    await enqueue([hook()], lostCard());
    const w = dispatcher();
    await w.drain();
    expect((await only()).nextAttemptAt).toBe(new Date(clock.t + 7000).toISOString());
    clock.advance(6999);
    expect(await w.drain()).toBe(0);
    expect(rx.requests).toHaveLength(1);
    clock.advance(1);
    expect(await w.drain()).toBe(1);
    expect(rx.requests).toHaveLength(2);
  });

  it('caps a huge Retry-After', async () => {
    rx.script.push({ status: 503, headers: { 'retry-after': '86400' } });
    await enqueue([hook()], lostCard());
    await dispatcher().drain();
    expect((await only()).nextAttemptAt).toBe(new Date(clock.t + OPTS.maxRetryAfterMs).toISOString());
  });

  it('retries network errors; gives up after 6 attempts and says so', async () => {
    const down = new Receiver();
    await down.start();
    const downUrl = down.url;
    await down.close();
    await enqueue([hook({ url: downUrl })], lostCard());
    const w = dispatcher([hook({ url: downUrl })]);
    await w.drain();
    expect(await only()).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'network: ECONNREFUSED',
      lastStatus: null,
    });
    for (let i = 0; i < 10; i += 1) {
      clock.advance(OPTS.maxBackoffMs);
      await w.drain();
    }
    const d = await only();
    expect(d).toMatchObject({ status: 'failed', attempts: 6, lastError: 'network: ECONNREFUSED' });
    expect(logs.filter((l) => l.msg === 'webhook retry scheduled')).toHaveLength(5);
    expect(logs.filter((l) => l.msg === 'webhook delivery failed')).toHaveLength(1);
    const [s] = await webhookStatusForCase(db, 'INC-2026-0001');
    const text = webhookFailureText(s!)!;
    expect([t('ja', text), t('en', text)]).toEqual([
      '連携先 access-control への通知に失敗しました（6回）',
      'Notifying access-control failed (6 attempts)',
    ]);
  });

  it('treats 408 and 5xx as transient, other 4xx and 3xx as permanent', async () => {
    rx.script.push({ status: 408 }, { status: 500 }, { status: 302, headers: { location: rx.url } });
    await enqueue([hook()], lostCard());
    const w = dispatcher();
    for (let i = 0; i < 3; i += 1) {
      await w.drain();
      clock.advance(OPTS.maxBackoffMs);
    }
    expect(rx.requests).toHaveLength(3);
    expect(await only()).toMatchObject({ status: 'failed', attempts: 3, lastStatus: 302 });
  });

  it('retries a delivery whose worker crashed mid-call once the lease expires', async () => {
    await enqueue([hook()], lostCard());
    const repo = new WebhookRepo(db);
    const before = await only();
    // A worker claims the delivery and dies before recording anything.
    expect(
      await repo.claim(before.id, before.nextAttemptAt, new Date(clock.t + OPTS.leaseMs).toISOString()),
    ).toBe(true);
    const w = dispatcher();
    expect(await w.drain()).toBe(0);
    clock.advance(OPTS.leaseMs - 1);
    expect(await w.drain()).toBe(0);
    expect(rx.requests).toHaveLength(0);
    clock.advance(1);
    expect(await w.drain()).toBe(1);
    expect(rx.requests).toHaveLength(1);
    expect(await only()).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('takes over its own interrupted delivery at once after a restart, not another instance’s', async () => {
    await enqueue([hook()], lostCard());
    await enqueue([hook()], lostCard({ caseId: 'INC-2026-0002' }));
    const repo = new WebhookRepo(db);
    const [mine, theirs] = await repo.all();
    const lease = new Date(clock.t + OPTS.leaseMs).toISOString();
    // This instance (host-a) and another (host-b) each claimed one, then host-a died mid-call.
    expect(await repo.claim(mine!.id, mine!.nextAttemptAt, lease, 'host-a')).toBe(true);
    expect(await repo.claim(theirs!.id, theirs!.nextAttemptAt, lease, 'host-b')).toBe(true);
    const restarted = dispatcher([hook()], {}, 'host-a');
    expect(await restarted.recover()).toBe(1);
    // Delivered at once, without waiting out the lease; the other instance's claim is left alone.
    expect(await restarted.drain()).toBe(1);
    expect(rx.requests).toHaveLength(1);
    const after = await repo.all();
    expect(after.map((d) => d.status)).toEqual(['delivered', 'pending']);
    expect(after[0]).toMatchObject({ attempts: 2 });
  });

  it('does not start a 7th attempt after the 6th was interrupted', async () => {
    await enqueue([hook()], lostCard());
    const d = await only();
    await db.execute('UPDATE webhook_deliveries SET attempts = 6 WHERE id = ?', [d.id]);
    expect(await dispatcher().drain()).toBe(0);
    expect(rx.requests).toHaveLength(0);
    expect(await only()).toMatchObject({
      status: 'failed',
      attempts: 6,
      lastError: 'interrupted; no attempts left',
    });
  });

  it('lets exactly one of two racing workers deliver', async () => {
    await enqueue([hook()], lostCard());
    const [a, b] = await Promise.all([dispatcher().drain(), dispatcher().drain()]);
    expect(a + b).toBe(1);
    expect(rx.requests).toHaveLength(1);
  });

  it('fails a delivery whose hook was removed from the configuration', async () => {
    await enqueue([hook({ name: 'old' })], lostCard());
    await dispatcher([hook()]).drain();
    expect(rx.requests).toHaveLength(0);
    expect(await only()).toMatchObject({ status: 'failed', lastError: 'hook not configured' });
  });

  it('delivers on its own once started, and stops', async () => {
    const w = dispatcher();
    w.start();
    try {
      await enqueue([hook()], lostCard());
      w.kick();
      for (let i = 0; i < 100 && rx.requests.length === 0; i += 1)
        await new Promise((r) => setTimeout(r, 10));
      expect(rx.requests).toHaveLength(1);
    } finally {
      await w.stop();
    }
  });
});

describe('wiring into the case services', () => {
  it('submitCase and actOnCase enqueue matching webhooks in their transaction', async () => {
    const csv = fs.readFileSync(path.resolve(__dirname, '../../infra/demo/directory.csv'), 'utf8');
    const imported = await importDirectory(db, csv, { source: 'test', actor: 'test', clock });
    expect(imported.ok).toBe(true);
    const dir = await new DirectoryRepo(db).load();
    const reporter = dir.people.find((p) => p.id === 'E1008')!;
    const route = routeCase(dir, reporter.id, 'lost_ic_card');
    if (!route.ok) throw new Error(route.error);
    await new DraftRepo(db).save({
      personId: reporter.id,
      kind: 'lost_ic_card',
      answers: {},
      errors: {},
      updatedAt: clock.now().toISOString(),
    });
    const hooks = [hook(), hook({ name: 'siem', events: ['case.acknowledged'], kinds: undefined })];
    const created = await submitCase(db, clock, {
      reporter,
      kind: 'lost_ic_card',
      form: {
        answers: { cardKind: 'shared', circumstances: '会議室に置き忘れ' },
        value: { cardKind: 'shared', circumstances: '会議室に置き忘れ', place: '会議室' },
      },
      evaluation: {},
      severity: 'critical',
      ackMinutes: 15,
      route,
      webhooks: hooks,
    });
    expect(created).not.toBeNull();
    const caseId = created!.caseId;
    let all = await new WebhookRepo(db).byCase(caseId);
    expect(all.map((d) => [d.hook, d.event])).toEqual([['access-control', 'case.submitted']]);
    expect((JSON.parse(all[0]!.payloadJson) as WebhookPayload).case).toEqual({
      id: caseId,
      kind: 'lost_ic_card',
      status: 'submitted',
      severity: 'critical',
      sectionCode: reporter.sectionCode,
      version: 1,
      cardKind: 'shared',
    });

    const assignee = (await new DirectoryRepo(db).personById(route.assignee))!;
    const acted = await actOnCase(db, clock, {
      caseId,
      actorAadObjectId: assignee.aadObjectId,
      action: { name: 'case.acknowledge' },
      ackMinutes: () => 30,
      webhooks: hooks,
    });
    expect(acted.ok).toBe(true);
    all = await new WebhookRepo(db).byCase(caseId);
    expect(all.map((d) => [d.hook, d.event, d.dedupeKey])).toEqual([
      ['access-control', 'case.submitted', `access-control:case.submitted:${caseId}:1`],
      ['siem', 'case.acknowledged', `siem:case.acknowledged:${caseId}:2`],
    ]);
    expect(all.map((d) => d.payloadJson).join()).not.toContain('会議室');

    await dispatcher(hooks).drain();
    expect(rx.requests.map((r) => r.headers['x-securitydesk-event'])).toEqual([
      'case.submitted',
      'case.acknowledged',
    ]);
  });
});
