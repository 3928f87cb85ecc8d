// A loopback HTTP server that behaves like the Bot Framework connector for what the bot does in a
// broadcast: POST /v3/conversations (create a 1:1 conversation, 201 { id }), POST
// /v3/conversations/{id}/activities (a proactive post), POST /v3/conversations/{id}/activities/{id}
// (a reply in a turn) and PUT …/activities/{id} (an update). It enforces the limits the bot must
// keep and injects the faults a real tenant sees, and records every request for the figures.
//
// Limits (Microsoft Learn, "Optimize your bot with rate limiting in Teams"): per tenant `rate`
// requests per second for all requests of the app — modelled as a token bucket of capacity rate/2
// (half a second's worth of burst) — and per conversation 7/1 s, 8/2 s, 60/30 s, 1800/h (exact
// sliding windows). A request beyond a limit is answered 429, every other one with Retry-After: 1
// and the others without, and still counts (failed tries count against the budget, as at Teams).
// Faults, from a seeded generator so runs compare: ≈5 % 429 (half with Retry-After: 1), 1 % 503,
// and 403 MessageWritesBlocked (the documented body) for the recipients in `blocked`. Replies in
// turns get no injected faults (they would only make the staff member's turn fail, which is not
// what is measured), but they do count against the limits.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONVERSATION_LIMITS } from '../../src/domain/rate-limit';
import { MESSAGE_WRITES_BLOCKED } from '../helpers/connector';

export type RequestKind = 'create' | 'send' | 'reply' | 'update';
export type Outcome = 'ok' | 'limit-tenant' | 'limit-conversation' | 'fault-429' | 'fault-503' | 'blocked';

export interface LoggedRequest {
  /** ms since the connector started (performance clock). */
  t: number;
  kind: RequestKind;
  conversationId: string;
  outcome: Outcome;
  text: string;
  /** For a reply: the activity it answers. */
  replyToId: string | undefined;
}

export interface BenchConnectorOptions {
  rate: number;
  /** aadObjectIds whose posts are refused with 403 MessageWritesBlocked. */
  blocked: ReadonlySet<string>;
  fault429: number;
  fault503: number;
  seed: number;
  /** Answer after this many ms (+ up to jitterMs), as a remote service would. */
  latencyMs: number;
  jitterMs: number;
}

/** mulberry32: a small seeded generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class BenchConnector {
  readonly log: LoggedRequest[] = [];
  private readonly server: http.Server;
  private readonly t0 = performance.now();
  private tokens: number;
  private tokensAt: number;
  private readonly sends = new Map<string, number[]>();
  private readonly random: () => number;
  private limitAnswers = 0;
  private readonly replyWaiters = new Map<string, (t: number) => void>();
  /** Ids of the staff members' activities: a post to one of them is a reply in a turn. */
  private readonly turnIds = new Set<string>();
  private readonly listeners: Array<(r: LoggedRequest) => void> = [];

  private constructor(private readonly o: BenchConnectorOptions) {
    this.tokens = o.rate / 2;
    this.tokensAt = 0;
    this.random = rng(o.seed);
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
  }

  static async start(o: BenchConnectorOptions): Promise<BenchConnector> {
    const c = new BenchConnector(o);
    await new Promise<void>((r) => c.server.listen(0, '127.0.0.1', () => r()));
    return c;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  now(): number {
    return performance.now() - this.t0;
  }

  /** Resolves with the connector time at which the (first) reply to `activityId` arrived. */
  replyTo(activityId: string): Promise<number> {
    this.turnIds.add(activityId);
    return new Promise((resolve) => this.replyWaiters.set(activityId, resolve));
  }

  onRequest(fn: (r: LoggedRequest) => void): void {
    this.listeners.push(fn);
  }

  /** The tenant's limit: a token bucket of `rate`/s holding half a second's worth. */
  private tenantAllows(t: number): boolean {
    const cap = this.o.rate / 2;
    this.tokens = Math.min(cap, this.tokens + ((t - this.tokensAt) * this.o.rate) / 1000);
    this.tokensAt = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private conversationAllows(conversationId: string, t: number): boolean {
    const list = (this.sends.get(conversationId) ?? []).filter((x) => x > t - 3_600_000);
    const ok = CONVERSATION_LIMITS.every((l) => list.filter((x) => x > t - l.windowMs).length < l.max);
    list.push(t); // a refused request still happened
    this.sends.set(conversationId, list);
    return ok;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const t = this.now();
      const url = req.url ?? '';
      const body = chunks.length
        ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
        : {};
      let kind: RequestKind;
      let conversationId: string;
      let replyToId: string | undefined;
      const m = /\/v3\/conversations\/([^/?]+)\/activities(?:\/([^/?]+))?/.exec(url);
      if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(url)) {
        kind = 'create';
        const member = String((body.members as Array<{ id?: string }> | undefined)?.[0]?.id ?? '');
        conversationId = `a:personal-${member.toLowerCase()}`;
      } else if (m) {
        conversationId = decodeURIComponent(m[1] ?? '');
        // botbuilder posts a proactive message as a "reply" to its continuation event, so only a
        // reply to one of the staff members' activities is a reply in a turn.
        const to = m[2] ? decodeURIComponent(m[2]) : undefined;
        if (req.method === 'PUT') kind = 'update';
        else if (to !== undefined && this.turnIds.has(to)) {
          kind = 'reply';
          replyToId = to;
        } else kind = 'send';
      } else {
        res.writeHead(404);
        res.end();
        return;
      }
      let outcome: Outcome = 'ok';
      const tenantOk = this.tenantAllows(t);
      const conversationOk = this.conversationAllows(conversationId, t);
      if (!tenantOk) outcome = 'limit-tenant';
      else if (!conversationOk) outcome = 'limit-conversation';
      else if (kind === 'send' && this.o.blocked.has(conversationId.replace('a:personal-', '')))
        outcome = 'blocked';
      else if (kind === 'send' || kind === 'create') {
        const x = this.random();
        if (x < this.o.fault429) outcome = 'fault-429';
        else if (x < this.o.fault429 + this.o.fault503) outcome = 'fault-503';
      }
      const entry: LoggedRequest = {
        t,
        kind,
        conversationId,
        outcome,
        text: typeof body.text === 'string' ? body.text : '',
        replyToId,
      };
      this.log.push(entry);
      for (const l of this.listeners) l(entry);
      if (replyToId) {
        this.replyWaiters.get(replyToId)?.(t);
        this.replyWaiters.delete(replyToId);
      }
      const answer = () => {
        const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
          res.end(JSON.stringify(payload));
        };
        switch (outcome) {
          case 'limit-tenant':
          case 'limit-conversation':
            this.limitAnswers += 1;
            json(
              429,
              { error: { code: 'Throttled', message: 'Too many requests' } },
              this.limitAnswers % 2 === 0 ? { 'retry-after': '1' } : {},
            );
            return;
          case 'fault-429':
            json(
              429,
              { error: { code: 'Throttled', message: 'Too many requests' } },
              this.random() < 0.5 ? { 'retry-after': '1' } : {},
            );
            return;
          case 'fault-503':
            json(503, { error: { code: 'ServiceUnavailable', message: 'try again' } });
            return;
          case 'blocked':
            json(403, MESSAGE_WRITES_BLOCKED);
            return;
          case 'ok':
            if (kind === 'create') json(201, { id: conversationId });
            else json(200, { id: replyToId ?? `act-${this.log.length}` });
        }
      };
      setTimeout(answer, this.o.latencyMs + this.random() * this.o.jitterMs);
    });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
