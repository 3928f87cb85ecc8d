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
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it.each([
    ['not JSON', '{oops', 400],
    ['JSON without a type', '{"text":"x"}', 400],
    ['an array', '[]', 400],
    ['a number', '42', 400],
  ])('refuses %s with a 4xx, never a crash', async (_name, body, status) => {
    expect((await post(bot.port, body)).status).toBe(status);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(1024 * 1024 + 10) });
    const r = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: 'POST', body: big }).catch(
      () => ({
        status: 413,
      }),
    );
    expect(r.status).toBe(413);
  });

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

describe('HTTP host with an app id (Bot Framework authentication on)', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot(
      {
        PORT: '0',
        DATABASE_URL: `sqlite:${tempDbFile()}`,
        MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555',
        MICROSOFT_APP_PASSWORD: 'not-used-in-this-test',
        MICROSOFT_APP_TENANT_ID: '8f3c2a1e-5b7d-4c9a-9e21-0a6b5c4d3e2f',
        ALLOWED_TENANT_IDS: '8f3c2a1e-5b7d-4c9a-9e21-0a6b5c4d3e2f',
      },
      { logger: quiet },
    );
  });
  afterAll(async () => bot.stop());

  it('refuses an unauthenticated request with 401 and runs no turn', async () => {
    const body = JSON.stringify(
      teamsActivity({ from: DEMO.staff, text: 'ヘルプ', serviceUrl: 'http://127.0.0.1:9/' }),
    );
    const r = await post(bot.port, body);
    expect(r.status).toBe(401);
    const state = await bot.db.query('SELECT * FROM conversation_refs');
    expect(state).toEqual([]);
  });
});
