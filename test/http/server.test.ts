import { createHmac } from 'node:crypto';
import http from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/main';
import { createLogger } from '../../src/logger';
import { cardTexts, FakeConnector } from '../helpers/connector';
import { DEMO, teamsActivity } from '../helpers/activities';
import { tempDbFile } from '../helpers/db';

const quiet = createLogger('silent');

async function post(port: number, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe('HTTP host, local (anonymous) mode', () => {
  let bot: RunningBot;
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await FakeConnector.start();
    bot = await startBot({ PORT: '0', DATABASE_URL: `sqlite:${tempDbFile()}` }, { logger: quiet });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('answers /healthz when the database is reachable', async () => {
    const res = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', clock: { skewMs: null }, audit: {} });
  });

  it.each([
    ['not JSON', '{oops', 400],
    ['JSON without a type', '{"text":"x"}', 400],
    ['an array', '[]', 400],
    ['a number', '42', 400],
  ])('refuses %s with a 4xx, never a crash', async (_name, body, status) => {
    expect((await post(bot.port, body)).status).toBe(status);
  });

  it('answers a 2 MiB upload with a 413 the client reads, and keeps serving', async () => {
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(2 * 1024 * 1024) });
    // fetch (undici), as a Node client would.
    const r = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(r.status).toBe(413);
    expect(r.headers.get('connection')).toBe('close');
    expect(await r.json()).toEqual({ error: 'body too large (limit 1 MiB)' });
    // A plain HTTP/1.1 client streaming the body in chunks, without a declared length.
    const viaHttp = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: bot.port, path: '/api/messages', method: 'POST' },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'y');
      for (let i = 0; i < 32; i++) req.write(chunk);
      req.end();
    });
    expect(viaHttp.status).toBe(413);
    expect(viaHttp.body).toContain('body too large');
    // The server is unharmed.
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
  });

  it('refuses an oversize body announced with Expect: 100-continue before it is sent', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: bot.port,
        path: '/api/messages',
        method: 'POST',
        headers: { 'content-length': String(2 * 1024 * 1024), expect: '100-continue' },
      });
      req.on('continue', () => reject(new Error('the server asked for the body')));
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    expect(status).toBe(413);
  });

  it.each(['composeExtension/query', 'foo/bar', 'task/fetch', 'signin/verifyState'])(
    'answers the unknown invoke %s with a clear 400, never 501 or 500',
    async (name) => {
      const activity = teamsActivity({
        from: DEMO.staff,
        type: 'invoke',
        serviceUrl: connector.url,
        value: {},
      });
      activity.name = name;
      const r = await post(bot.port, JSON.stringify(activity));
      expect(r.status).toBe(400);
      expect(JSON.parse(r.text)).toEqual({
        code: 'BadRequest',
        message: 'This bot does not handle this invoke.',
      });
    },
  );

  it('refuses activities from a tenant that is not allowed, and with no tenant at all', async () => {
    const other = teamsActivity({
      from: DEMO.staff,
      text: 'ヘルプ',
      serviceUrl: connector.url,
      tenantId: '99999999-9999-4999-8999-999999999999',
    });
    expect((await post(bot.port, JSON.stringify(other))).status).toBe(403);
    const none = teamsActivity({ from: DEMO.staff, text: 'ヘルプ', serviceUrl: connector.url });
    delete none.channelData;
    (none.conversation as Record<string, unknown>).tenantId = undefined;
    expect((await post(bot.port, JSON.stringify(none))).status).toBe(403);
    expect(connector.received).toHaveLength(0);
  });

  it('answers 404 and 405 for other paths and methods', async () => {
    expect((await fetch(`http://127.0.0.1:${bot.port}/nope`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${bot.port}/api/messages`)).status).toBe(405);
  });

  it('replies to a known person through the connector with the Japanese menu card', async () => {
    const r = await post(
      bot.port,
      JSON.stringify(teamsActivity({ from: DEMO.staff, text: 'ヘルプ', serviceUrl: connector.url })),
    );
    expect(r.status).toBe(200);
    const got = await connector.waitFor((x) => x.length >= 1);
    expect(cardTexts(got).join()).toContain('情報セキュリティ窓口');
    expect(got[0]?.conversationId).toBe(`a:personal-${DEMO.staff}`);
  });
});

/** A token shaped like the Bot Framework's (RS256 header, its issuer), signed with nothing it trusts. */
function foreignToken(appId: string): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = b64({ alg: 'RS256', typ: 'JWT', kid: 'not-a-bot-framework-key' });
  const now = Math.floor(Date.now() / 1000);
  const body = b64({ iss: 'https://api.botframework.com', aud: appId, nbf: now - 60, exp: now + 600 });
  const sig = createHmac('sha256', 'attacker').update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

describe('HTTP host with an app id (Bot Framework authentication on)', () => {
  const APP_ID = '11111111-2222-4333-8444-555555555555';
  const TENANT = '8f3c2a1e-5b7d-4c9a-9e21-0a6b5c4d3e2f';
  let bot: RunningBot;
  const logLines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(
          ...chunk
            .toString('utf8')
            .split('\n')
            .filter((l) => l !== ''),
        );
        done();
      },
    });
    bot = await startBot(
      {
        PORT: '0',
        DATABASE_URL: `sqlite:${tempDbFile()}`,
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'not-used-in-this-test',
        MICROSOFT_APP_TENANT_ID: TENANT,
        ALLOWED_TENANT_IDS: TENANT,
      },
      { logger: createLogger('info', sink) },
    );
  });
  afterAll(async () => bot.stop());

  const activity = () =>
    JSON.stringify(
      teamsActivity({
        from: DEMO.staff,
        text: 'ヘルプ',
        serviceUrl: 'http://127.0.0.1:9/',
        tenantId: TENANT,
      }),
    );

  it('refuses an unauthenticated request with 401 and runs no turn', async () => {
    const r = await post(bot.port, activity());
    expect(r.status).toBe(401);
    expect(JSON.parse(r.text)).toEqual({ error: 'unauthorized' });
    const state = await bot.db.query('SELECT * FROM conversation_refs');
    expect(state).toEqual([]);
  });

  it.each([
    ['a malformed bearer token', 'Bearer garbage'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    // Validating it means fetching the Bot Framework's signing keys, which fails here (no network)
    // or finds no such key: either way an upstream error that botbuilder answers with 500 and its text.
    ['a token the Bot Framework never signed', `Bearer ${foreignToken(APP_ID)}`],
  ])('refuses %s with 401 and a generic body, logging ids only', async (_name, authorization) => {
    const before = logLines.length;
    const body = activity();
    const id = (JSON.parse(body) as { id: string }).id;
    const r = await post(bot.port, body, { authorization });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.text)).toEqual({ error: 'unauthorized' });
    const logged = logLines.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    const refusal = logged.find((l) => l.msg === 'authentication failed: refused');
    expect(refusal).toMatchObject({ activityId: id, tenantId: TENANT });
    expect(typeof refusal?.err).toBe('string');
    // Neither the answer nor the log carries the upstream text or the token.
    for (const text of [r.text, ...logLines.slice(before)]) {
      expect(text).not.toMatch(/botframework\.com|ENOTFOUND|No valid identity|Signing Key|getaddrinfo/i);
      expect(text).not.toContain(authorization.slice(7, 40));
    }
    expect(await bot.db.query('SELECT * FROM conversation_refs')).toEqual([]);
  });

  it('still checks the tenant first: another tenant gets 403 whatever the token', async () => {
    const other = teamsActivity({
      from: DEMO.staff,
      text: 'ヘルプ',
      serviceUrl: 'http://127.0.0.1:9/',
      tenantId: '99999999-9999-4999-8999-999999999999',
    });
    expect((await post(bot.port, JSON.stringify(other), { authorization: 'Bearer garbage' })).status).toBe(
      403,
    );
  });
});
