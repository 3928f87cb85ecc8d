import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../src/config/config';
import { AuditRepo } from '../../src/storage/audit-repo';
import { ConversationRepo } from '../../src/storage/conversation-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import { GraphClient, GraphError } from '../../src/teams/graph-client';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';
import { FakeGraph, type GraphRequest } from '../helpers/graph-server';
import { fileCase } from '../helpers/forms';

const CATALOG_APP_ID = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const CLIENT = { clientId: '5b649834-7412-4cce-9e69-176e95a394f5', clientSecret: 'test-client-secret' };

let h: BotHarness | undefined;
let graph: FakeGraph | undefined;
afterEach(async () => {
  await h?.stop();
  await graph?.stop();
  h = undefined;
  graph = undefined;
});

async function start() {
  graph = await FakeGraph.start(CATALOG_APP_ID, CLIENT);
  const g = graph;
  h = await BotHarness.start({
    env: {
      TEAMS_CATALOG_APP_ID: CATALOG_APP_ID,
      GRAPH_BASE_URL: `${g.url}/v1.0`,
      GRAPH_LOGIN_URL: g.url,
      GRAPH_CLIENT_ID: CLIENT.clientId,
      GRAPH_CLIENT_SECRET: CLIENT.clientSecret,
    },
  });
  await h.say(DEMO.staff, 'こんにちは');
  h.connector.notInstalled.add(DEMO.officer); // Teams refuses the conversation: app not installed
  return { b: h, g };
}

const graphCalls = (g: FakeGraph) =>
  g.requests.map((r) => `${r.method} ${decodeURIComponent(r.url.replace(g.url, ''))}`);
const inChat = (b: BotHarness, chatId: string, caseId: string) =>
  b.connector.received.filter(
    (r) => r.conversationId === chatId && JSON.stringify(r.activity).includes(caseId),
  );

describe('installing the app through Microsoft Graph for someone it is not installed for', () => {
  it('takes a client-credentials token, installs the app, finds the 1:1 chat and posts the card there', async () => {
    const { b, g } = await start();
    const id = await fileCase(b, DEMO.staff, 'lost_ic_card');
    const chatId = g.chatIdOf(DEMO.officer);
    await b.connector.waitFor(() => inChat(b, chatId, id).length === 1);

    expect(graphCalls(g)).toEqual([
      `POST /${DEMO_TENANT_ID}/oauth2/v2.0/token`,
      `POST /v1.0/users/${DEMO.officer}/teamwork/installedApps`,
      `GET /v1.0/users/${DEMO.officer}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${CATALOG_APP_ID}'`,
      `GET /v1.0/users/${DEMO.officer}/teamwork/installedApps/${g.installIdOf(DEMO.officer)}/chat`,
    ]);
    const [token, install, ...reads] = g.requests as [GraphRequest, GraphRequest, ...GraphRequest[]];
    expect(Object.fromEntries(new URLSearchParams(token.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
      scope: `${g.url}/.default`,
    });
    expect(JSON.parse(install.body)).toEqual({
      'teamsApp@odata.bind': `${g.url}/v1.0/appCatalogs/teamsApps/${CATALOG_APP_ID}`,
    });
    for (const r of [install, ...reads]) expect(r.headers.authorization).toBe(`Bearer ${g.token}`);

    const ref = await new ConversationRepo(b.bot.db).get(DEMO.officer);
    expect(ref?.conversationId).toBe(chatId);
    const events = (await new AuditRepo(b.bot.db).list('E1002')).map((e) => [
      e.event,
      e.data?.outcome ?? e.data?.via,
    ]);
    expect(events).toEqual([
      ['teams.app_installed', 'installed'],
      ['conversation.created', 'graph'],
    ]);
    // Delivered: the reporter is not told to phone anyone.
    await b.bot.sender.settle();
    expect(b.inbox(DEMO.staff).some((r) => (r.text ?? '').includes('届けられませんでした'))).toBe(false);
  });

  it('treats 409 as already installed and still finds the chat', async () => {
    const { b, g } = await start();
    g.installed.add(DEMO.officer); // installed (e.g. by policy) although Teams' roster lags behind
    const id = await fileCase(b, DEMO.staff, 'virus');
    await b.connector.waitFor(() => inChat(b, g.chatIdOf(DEMO.officer), id).length === 1);
    const installed = (await new AuditRepo(b.bot.db).list('E1002')).find(
      (e) => e.event === 'teams.app_installed',
    );
    expect(installed?.data?.outcome).toBe('already_installed');
  });

  it('without admin consent the message waits and the reporter is told whom to phone', async () => {
    const { b, g } = await start();
    g.script.push({
      match: (r) => r.method === 'POST' && r.url.includes('/teamwork/installedApps'),
      status: 403,
      body: { error: { code: 'Forbidden', message: 'Missing role permissions on the request.' } },
    });
    const id = await fileCase(b, DEMO.staff, 'lost_ic_card');
    await b.connector.waitFor(() =>
      b.inbox(DEMO.staff).some((r) => (r.text ?? '').includes('届けられませんでした')),
    );
    const routed = (await new OutboxRepo(b.bot.db).byCase(id)).find((o) => o.toAad === DEMO.officer);
    expect(routed?.status).toBe('waiting');
    expect(routed?.lastError).toMatch(/Graph installation refused: install app for user: HTTP 403 Forbidden/);
  });
});

describe('GraphClient against the local Graph server', () => {
  const cfg = (g: FakeGraph) => ({
    catalogAppId: CATALOG_APP_ID,
    baseUrl: `${g.url}/v1.0`,
    loginUrl: g.url,
    ...CLIENT,
    tenantId: undefined,
  });
  const clock = { now: () => new Date() };
  const fast = {
    timeoutMs: 2000,
    throttle: { maxAttempts: 3, baseMs: 5, maxBackoffMs: 10, maxRetryAfterMs: 20 },
  };
  const isInstall = (r: GraphRequest) => r.method === 'POST' && r.url.includes('/teamwork/installedApps');

  it('honours 429 Retry-After up to its cap, a bounded number of times, and reuses its token', async () => {
    graph = await FakeGraph.start(CATALOG_APP_ID, CLIENT);
    const g = graph;
    for (let i = 0; i < 2; i++)
      g.script.push({
        match: isInstall,
        status: 429,
        headers: { 'retry-after': '100000' },
        body: { error: { code: 'TooManyRequests' } },
      });
    const client = new GraphClient(cfg(g), clock, fast);
    const started = Date.now();
    expect(await client.installForUser(DEMO_TENANT_ID, DEMO.officer)).toBe('installed');
    expect(Date.now() - started).toBeLessThan(2000); // 100000 s asked, 20 ms honoured
    expect(g.requests.filter(isInstall)).toHaveLength(3);
    expect(await client.personalChatId(DEMO_TENANT_ID, DEMO.officer)).toBe(g.chatIdOf(DEMO.officer));
    expect(g.requests.filter((r) => r.url.includes('/oauth2/'))).toHaveLength(1);
  });

  it('gives the throttling error back after the last attempt', async () => {
    graph = await FakeGraph.start(CATALOG_APP_ID, CLIENT);
    const g = graph;
    for (let i = 0; i < 5; i++)
      g.script.push({
        match: isInstall,
        status: 429,
        headers: { 'retry-after': '1' },
        body: { error: { code: 'TooManyRequests' } },
      });
    const client = new GraphClient(cfg(g), clock, fast);
    const err = await client.installForUser(DEMO_TENANT_ID, DEMO.officer).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).status).toBe(429);
    expect(g.requests.filter(isInstall)).toHaveLength(3);
  });

  it('reports a refused token as denied, without the identity platform’s description', async () => {
    graph = await FakeGraph.start(CATALOG_APP_ID, CLIENT);
    const client = new GraphClient({ ...cfg(graph), clientSecret: 'wrong' }, clock, fast);
    const err = (await client
      .installForUser(DEMO_TENANT_ID, DEMO.officer)
      .catch((e: unknown) => e)) as GraphError;
    expect(err.denied).toBe(true);
    expect(err.message).toBe('token request answered 401 invalid_client');
  });

  it('takes a fresh token once when Graph rejects the cached one', async () => {
    graph = await FakeGraph.start(CATALOG_APP_ID, CLIENT);
    const g = graph;
    g.script.push({ match: isInstall, status: 401, body: { error: { code: 'InvalidAuthenticationToken' } } });
    const client = new GraphClient(cfg(g), clock, fast);
    expect(await client.installForUser(DEMO_TENANT_ID, DEMO.officer)).toBe('installed');
    expect(g.requests.filter((r) => r.url.includes('/oauth2/'))).toHaveLength(2);
  });

  it('finds no chat for a user the app is not installed for', async () => {
    graph = await FakeGraph.start(CATALOG_APP_ID, CLIENT);
    expect(
      await new GraphClient(cfg(graph), clock, fast).personalChatId(DEMO_TENANT_ID, DEMO.deputy),
    ).toBeUndefined();
  });
});
