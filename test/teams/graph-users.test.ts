import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../src/config/config';
import { GraphError, type GraphClientOptions } from '../../src/teams/graph-client';
import { GraphUserReader, USERS_PATH } from '../../src/teams/graph-users';
import { ManualClock } from '../helpers/clock';
import { demoDirectory } from '../helpers/demo-directory';
import { FakeGraph, fakeUsersFrom, type FakeGraphUser, type GraphRequest } from '../helpers/graph-server';

const CLIENT = { clientId: '5b649834-7412-4cce-9e69-176e95a394f5', clientSecret: 'test-client-secret' };
const SELECT =
  '$select=id,displayName,userPrincipalName,department,jobTitle,businessPhones,mobilePhone,employeeId,accountEnabled';

let graph: FakeGraph | undefined;
let other: http.Server | undefined;
afterEach(async () => {
  await graph?.stop();
  graph = undefined;
  if (other) await new Promise<void>((r) => other!.close(() => r()));
  other = undefined;
});

/** A reader whose waits are recorded and return at once; jitter fixed at the middle. */
async function start(users: FakeGraphUser[] = fakeUsersFrom(demoDirectory())) {
  graph = await FakeGraph.start('7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', CLIENT);
  graph.users = users;
  const waits: number[] = [];
  const clock = new ManualClock();
  const opts: GraphClientOptions = {
    timeoutMs: 2000,
    throttle: { maxAttempts: 4, baseMs: 1000, maxBackoffMs: 8000, maxRetryAfterMs: 30_000 },
    sleep: async (ms) => {
      waits.push(ms);
      clock.t = new Date(clock.t.getTime() + ms);
    },
    random: () => 0.5,
  };
  const reader = new GraphUserReader(
    { baseUrl: `${graph.url}/v1.0`, loginUrl: graph.url, ...CLIENT, tenantId: undefined },
    clock,
    opts,
  );
  return { g: graph, reader, waits };
}

const usersCalls = (g: FakeGraph) => g.requests.filter((r) => r.url.startsWith('/v1.0/users'));
const tokenCalls = (g: FakeGraph) => g.requests.filter((r) => r.url.includes('/oauth2/'));
const isUsers = (r: GraphRequest) => r.method === 'GET' && r.url.startsWith('/v1.0/users');
const throttled = (status: number, headers: Record<string, string> = {}) => ({
  match: isUsers,
  status,
  headers,
  body: {
    error: {
      code: status === 429 ? 'TooManyRequests' : 'serviceNotAvailable',
      message: 'The request has been throttled',
      innerError: { date: '2026-04-10T03:00:00', 'request-id': 'r1', 'client-request-id': 'c1' },
    },
  },
});

describe('reading every user from Microsoft Graph', () => {
  it('asks for the documented query and follows @odata.nextLink over 3 pages with one token', async () => {
    const { g, reader } = await start();
    g.pageSize = 12;
    const users = await reader.listUsers(DEMO_TENANT_ID);

    expect(users).toHaveLength(34);
    expect(users.map((u) => u.employeeId)).toEqual(demoDirectory().people.map((p) => p.id));
    const calls = usersCalls(g).map((r) => r.url);
    expect(calls).toHaveLength(3);
    expect(decodeURIComponent(calls[0]!)).toBe(`/v1.0/users?${SELECT}&$expand=manager($select=id)&$top=999`);
    expect(USERS_PATH).toBe(`/users?${SELECT}&$expand=manager($select=id)&$top=999`);
    for (const next of calls.slice(1)) {
      expect(next).toMatch(/&\$skiptoken=[A-Za-z0-9_-]+$/);
      expect(next.startsWith(calls[0]!)).toBe(true); // the nextLink as given, query kept
    }
    expect(tokenCalls(g)).toHaveLength(1);
    for (const r of usersCalls(g)) expect(r.headers.authorization).toBe(`Bearer ${g.token}`);
    // Graph's nulls and the expanded manager, normalised.
    expect(users.find((u) => u.employeeId === 'E1001')).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      displayName: '山田 花子',
      userPrincipalName: 'h.yamada@osaka-env.example.jp',
      department: '総務課',
      jobTitle: '主事',
      businessPhones: ['06-6630-3113'],
      mobilePhone: '',
      employeeId: 'E1001',
      accountEnabled: true,
      managerId: '00000000-0000-4000-8000-000000000002',
    });
    expect(users.find((u) => u.employeeId === 'E1005')?.managerId).toBeNull();
  });

  it('gets every user when Graph caps $expand pages at 100 whatever $top says', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({
      ...fakeUsersFrom(demoDirectory())[0]!,
      id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
    }));
    const { g, reader } = await start(many);
    expect(await reader.listUsers(DEMO_TENANT_ID)).toHaveLength(250);
    expect(usersCalls(g)).toHaveLength(3);
  });

  it('honours 429 Retry-After (through the injected sleep), also in the middle of paging', async () => {
    const { g, reader, waits } = await start();
    g.pageSize = 20;
    g.script.push(throttled(429, { 'retry-after': '7' }));
    g.script.push({
      ...throttled(429, { 'retry-after': '3' }),
      match: (r) => isUsers(r) && r.url.includes('$skiptoken'),
    });
    expect(await reader.listUsers(DEMO_TENANT_ID)).toHaveLength(34);
    expect(waits).toEqual([7000, 3000]);
    expect(usersCalls(g)).toHaveLength(4);
    expect(tokenCalls(g)).toHaveLength(1);
  });

  it('caps a huge Retry-After, and accepts it as an HTTP date', async () => {
    const { g, reader, waits } = await start();
    g.script.push(throttled(429, { 'retry-after': '100000' }));
    g.script.push(throttled(429, { 'retry-after': 'Fri, 10 Apr 2026 03:00:45 GMT' })); // ManualClock: 03:00:30 after the first wait
    await reader.listUsers(DEMO_TENANT_ID);
    expect(waits).toEqual([30_000, 15_000]);
  });

  it('backs off exponentially with jitter when 429 has no Retry-After', async () => {
    const { g, reader, waits } = await start();
    g.script.push(throttled(429), throttled(429));
    expect(await reader.listUsers(DEMO_TENANT_ID)).toHaveLength(34);
    expect(waits).toEqual([750, 1500]); // base 1 s then 2 s, jitter in the upper half (0.5 → 75 %)
  });

  it('retries 503 with Retry-After and 504 with backoff', async () => {
    const { g, reader, waits } = await start();
    g.script.push(throttled(503, { 'retry-after': '2' }), throttled(504));
    expect(await reader.listUsers(DEMO_TENANT_ID)).toHaveLength(34);
    expect(waits).toEqual([2000, 1500]);
  });

  it('gives up after the bounded attempts with the throttling error', async () => {
    const { g, reader, waits } = await start();
    for (let i = 0; i < 6; i++) g.script.push(throttled(429, { 'retry-after': '1' }));
    const err = (await reader.listUsers(DEMO_TENANT_ID).catch((e: unknown) => e)) as GraphError;
    expect(err).toBeInstanceOf(GraphError);
    expect(err.status).toBe(429);
    expect(err.message).toBe('list users (page 1): HTTP 429 TooManyRequests: The request has been throttled');
    expect(usersCalls(g)).toHaveLength(4);
    expect(waits).toEqual([1000, 1000, 1000]);
  });

  it('takes a fresh token once on 401, and fails as denied on a second 401', async () => {
    const { g, reader } = await start();
    const expired = {
      match: isUsers,
      status: 401,
      body: {
        error: {
          code: 'InvalidAuthenticationToken',
          message: 'Lifetime validation failed, the token is expired.',
        },
      },
    };
    g.script.push(expired);
    expect(await reader.listUsers(DEMO_TENANT_ID)).toHaveLength(34);
    expect(tokenCalls(g)).toHaveLength(2);

    g.script.push(expired, expired);
    const err = (await reader.listUsers(DEMO_TENANT_ID).catch((e: unknown) => e)) as GraphError;
    expect(err.denied).toBe(true);
    expect(err.message).toMatch(/^list users \(page 1\): HTTP 401 InvalidAuthenticationToken/);
    expect(tokenCalls(g)).toHaveLength(3);
  });

  it('fails clearly on Graph’s error object (no permission) and on a page that is not a collection', async () => {
    const { g, reader } = await start();
    g.script.push({
      match: isUsers,
      status: 403,
      body: {
        error: {
          code: 'Authorization_RequestDenied',
          message: 'Insufficient privileges to complete the operation.',
          innerError: { date: '2026-04-10T03:00:00', 'request-id': 'r2', 'client-request-id': 'c2' },
        },
      },
    });
    const err = (await reader.listUsers(DEMO_TENANT_ID).catch((e: unknown) => e)) as GraphError;
    expect(err).toBeInstanceOf(GraphError);
    expect(err.denied).toBe(true);
    expect(err.code).toBe('Authorization_RequestDenied');
    expect(err.message).toBe(
      'list users (page 1): HTTP 403 Authorization_RequestDenied: Insufficient privileges to complete the operation.',
    );

    g.script.push({ match: isUsers, status: 200, body: { value: 'nope' } });
    await expect(reader.listUsers(DEMO_TENANT_ID)).rejects.toThrow('list users (page 1): not a collection');
    g.script.push({ match: isUsers, status: 200, body: { value: [{ displayName: 'no id' }] } });
    await expect(reader.listUsers(DEMO_TENANT_ID)).rejects.toThrow(
      'list users (page 1): user 1 is malformed',
    );
  });

  it('never sends its token to a nextLink outside Graph, nor follows a nextLink in a loop', async () => {
    const seen: string[] = [];
    other = http.createServer((req, res) => {
      seen.push(String(req.headers.authorization));
      res.end('{}');
    });
    await new Promise<void>((r) => other!.listen(0, '127.0.0.1', () => r()));
    const elsewhere = `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1.0/users?$skiptoken=x`;
    const { g, reader } = await start();
    g.script.push({ match: isUsers, status: 200, body: { value: [], '@odata.nextLink': elsewhere } });
    await expect(reader.listUsers(DEMO_TENANT_ID)).rejects.toThrow(/is not Graph/);
    expect(seen).toEqual([]);

    const self = `${g.url}/v1.0/users?$skiptoken=same`;
    for (let i = 0; i < 2; i++)
      g.script.push({
        match: (r) => isUsers(r) && (i === 0 || r.url.includes('same')),
        status: 200,
        body: { value: [], '@odata.nextLink': self },
      });
    await expect(reader.listUsers(DEMO_TENANT_ID)).rejects.toThrow('list users: the pages do not end');
  });
});
