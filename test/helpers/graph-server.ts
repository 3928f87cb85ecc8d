import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Directory } from '../../src/domain/directory';

export interface GraphRequest {
  method: string;
  /** Path and query as sent (percent-encoded). */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A user as the fake directory keeps it (Graph's user resource; unset properties are null). */
export interface FakeGraphUser {
  id: string;
  displayName: string | null;
  userPrincipalName: string;
  department: string | null;
  jobTitle: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  employeeId: string | null;
  accountEnabled: boolean;
  /** The manager's object id; none when unset. */
  managerId?: string;
}

/** Properties GET /users returns without $select (Graph's documented default set, those we keep). */
const DEFAULT_USER_PROPERTIES = [
  'id',
  'displayName',
  'userPrincipalName',
  'jobTitle',
  'businessPhones',
  'mobilePhone',
];

/**
 * A loopback stand-in for the Microsoft identity platform's token endpoint and the Microsoft Graph
 * calls the bot makes to install itself for a user, answering in their documented JSON:
 *   POST /{tenant}/oauth2/v2.0/token               → 200 { token_type, expires_in, access_token }
 *   POST /v1.0/users/{id}/teamwork/installedApps   → 201 (no body) | 409 { error: { code: 'Conflict' } }
 *   GET  /v1.0/users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '…'
 *                                                  → 200 { value: [ { id, teamsApp: { id, externalId, displayName } } ] }
 *   GET  /v1.0/users/{id}/teamwork/installedApps/{installId}/chat → 200 { id: '19:…@unq.gbl.spaces', chatType }
 *   GET  /v1.0/users?$select=…&$expand=manager($select=id)&$top=n[&$skiptoken=…]
 *                                                  → 200 { @odata.context, @odata.nextLink?, value: [ { …selected, manager? } ] }
 *        (the directory sync). Only the selected properties come back, unset ones as null; `manager`
 *        only with $expand and only for a user who has one; $top must be 1–999 (else 400, as Graph);
 *        with $expand a page holds at most 100 users whatever $top says (Graph's known issue);
 *        `pageSize` makes pages smaller still, to test paging with a few users.
 * Anything without the bearer token it issued gets 401. Scripted answers (`script`) come first.
 */
export class FakeGraph {
  readonly requests: GraphRequest[] = [];
  /** Users the app is installed for (aadObjectId, lower case). */
  readonly installed = new Set<string>();
  /** Answers to use first, in order, for requests matching `match` (e.g. a 429 with Retry-After). */
  readonly script: Array<{
    match: (r: GraphRequest) => boolean;
    status: number;
    headers?: Record<string, string>;
    body?: unknown;
  }> = [];
  /** Called when an install succeeds (e.g. to tell the fake connector). */
  onInstall: ((userId: string) => void) | undefined;
  /** The tenant's users, in Graph's order. */
  users: FakeGraphUser[] = [];
  /** Server-side page size for GET /users (below $top and Graph's 100 with $expand). */
  pageSize: number | undefined;
  readonly token = 'fake-graph-token-1';
  private server: http.Server;

  constructor(
    readonly catalogAppId: string,
    private readonly opts: { clientId: string; clientSecret: string },
  ) {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  static async start(
    catalogAppId: string,
    opts: { clientId: string; clientSecret: string },
  ): Promise<FakeGraph> {
    const g = new FakeGraph(catalogAppId, opts);
    await new Promise<void>((r) => g.server.listen(0, '127.0.0.1', () => r()));
    return g;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  chatIdOf(userId: string): string {
    return `19:${userId}_bot@unq.gbl.spaces`;
  }

  installIdOf(userId: string): string {
    return Buffer.from(`${userId}##${this.catalogAppId}`).toString('base64url');
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: GraphRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(r);
      const json = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        });
        res.end(body !== undefined ? JSON.stringify(body) : undefined);
      };
      const scripted = this.script.findIndex((s) => s.match(r));
      if (scripted >= 0) {
        const [s] = this.script.splice(scripted, 1);
        return json(s!.status, s!.body, s!.headers);
      }
      const path = decodeURIComponent(r.url.split('?')[0] ?? '');
      const query = new URLSearchParams(r.url.split('?')[1] ?? '');
      if (r.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) {
        const form = new URLSearchParams(r.body);
        if (
          form.get('client_id') !== this.opts.clientId ||
          form.get('client_secret') !== this.opts.clientSecret
        )
          return json(401, {
            error: 'invalid_client',
            error_description: 'AADSTS7000215: Invalid client secret provided.',
          });
        return json(200, {
          token_type: 'Bearer',
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: this.token,
        });
      }
      if (r.headers.authorization !== `Bearer ${this.token}`)
        return json(401, {
          error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' },
        });
      if (path === '/v1.0/users' && r.method === 'GET') return this.listUsers(query, json);
      let m = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path);
      if (m && r.method === 'POST') {
        const user = m[1]!.toLowerCase();
        const bind = (JSON.parse(r.body || '{}') as Record<string, unknown>)['teamsApp@odata.bind'];
        if (bind !== `${this.url}/v1.0/appCatalogs/teamsApps/${this.catalogAppId}`)
          return json(404, { error: { code: 'NotFound', message: 'The app was not found in the catalog.' } });
        if (this.installed.has(user))
          return json(409, { error: { code: 'Conflict', message: 'App is already installed.' } });
        this.installed.add(user);
        this.onInstall?.(user);
        return json(201);
      }
      if (m && r.method === 'GET') {
        const user = m[1]!.toLowerCase();
        const filter = query.get('$filter');
        const value = this.installed.has(user)
          ? [
              {
                id: this.installIdOf(user),
                teamsApp: {
                  id: this.catalogAppId,
                  externalId: 'manifest-id',
                  displayName: '情報セキュリティ窓口',
                },
              },
            ]
          : [];
        if (filter !== null && filter !== `teamsApp/id eq '${this.catalogAppId}'`)
          return json(200, { value: [] });
        return json(200, {
          '@odata.context': `${this.url}/v1.0/$metadata#users('${user}')/teamwork/installedApps`,
          value,
        });
      }
      m = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)\/chat$/.exec(path);
      if (m && r.method === 'GET') {
        const user = m[1]!.toLowerCase();
        if (!this.installed.has(user) || m[2] !== this.installIdOf(user))
          return json(404, { error: { code: 'NotFound', message: 'Installation not found.' } });
        return json(200, {
          '@odata.context': `${this.url}/v1.0/$metadata#chats/$entity`,
          id: this.chatIdOf(user),
          topic: null,
          chatType: 'oneOnOne',
        });
      }
      return json(404, { error: { code: 'NotFound', message: 'Resource not found.' } });
    });
  }

  private listUsers(
    query: URLSearchParams,
    json: (status: number, body?: unknown, headers?: Record<string, string>) => void,
  ): void {
    const top = query.has('$top') ? Number(query.get('$top')) : 100;
    if (!Number.isInteger(top) || top < 1 || top > 999)
      return json(400, {
        error: {
          code: 'Request_UnsupportedQuery',
          message: `Invalid page size specified: '${query.get('$top')}'. Must be between 1 and 999 inclusive.`,
        },
      });
    const expand = query.get('$expand');
    if (expand !== null && expand !== 'manager' && expand !== 'manager($select=id)')
      return json(400, { error: { code: 'Request_BadRequest', message: `Unsupported $expand: ${expand}` } });
    const select = query.get('$select')?.split(',') ?? DEFAULT_USER_PROPERTIES;
    let start = 0;
    const skiptoken = query.get('$skiptoken');
    if (skiptoken !== null) {
      start = Number(
        Buffer.from(skiptoken, 'base64url')
          .toString('utf8')
          .replace(/^skip:/, ''),
      );
      if (!Number.isInteger(start) || start < 0)
        return json(400, { error: { code: 'Request_BadRequest', message: 'Invalid skip token.' } });
    }
    const size = Math.min(top, expand !== null ? 100 : 999, this.pageSize ?? 999);
    const page = this.users.slice(start, start + size).map((u) => {
      const out: Record<string, unknown> = {};
      for (const p of select) out[p] = p in u ? (u as unknown as Record<string, unknown>)[p] : null;
      if (expand !== null && u.managerId)
        out.manager = { '@odata.type': '#microsoft.graph.user', id: u.managerId };
      return out;
    });
    const rest = new URLSearchParams(query);
    rest.set('$skiptoken', Buffer.from(`skip:${start + size}`).toString('base64url'));
    const nextLink =
      start + size < this.users.length
        ? `${this.url}/v1.0/users?${[...rest].map(([k, v]) => `${k}=${v}`).join('&')}`
        : undefined;
    return json(200, {
      '@odata.context': `${this.url}/v1.0/$metadata#users(${select.join(',')})`,
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      value: page,
    });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/**
 * The Graph users a tenant matching `dir` would have: department = 課名, employeeId = 職員番号,
 * manager = the section's 課責任者, and for the 課責任者 the section's 上席者 (else the parent
 * section's 課責任者).
 */
export function fakeUsersFrom(dir: Directory): FakeGraphUser[] {
  const sections = new Map(dir.sections.map((s) => [s.code, s]));
  const people = new Map(dir.people.map((p) => [p.id, p]));
  return dir.people.map((p) => {
    const s = sections.get(p.sectionCode)!;
    const parent = s.parentCode ? sections.get(s.parentCode) : undefined;
    const managerId = s.officerId !== p.id ? s.officerId : (s.superiorId ?? parent?.officerId ?? null);
    const manager = managerId && managerId !== p.id ? people.get(managerId) : undefined;
    return {
      id: p.aadObjectId,
      displayName: p.name,
      userPrincipalName: p.upn,
      department: s.name,
      jobTitle: p.title || null,
      businessPhones: p.phone ? [p.phone] : [],
      mobilePhone: p.mobile || null,
      employeeId: p.id,
      accountEnabled: true,
      ...(manager ? { managerId: manager.aadObjectId } : {}),
    };
  });
}
