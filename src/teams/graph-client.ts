// Microsoft Graph. GraphHttp (token, throttling) is shared with the directory sync's user reader
// (graph-users.ts). GraphClient has one job: installing this app in the personal scope of someone who never
// opened it, so the bot can post the card the standard says they must receive (proactive 1:1
// messages need the app installed for the user). Application permission
// TeamsAppInstallation.ReadWriteSelfForUser.All with admin consent; the app registration is the
// bot's own (manifest webApplicationInfo). Client-credentials token from the Microsoft identity
// platform, then:
//
//   POST {graph}/users/{id}/teamwork/installedApps            201 Created (no body) | 409 already installed
//        { "teamsApp@odata.bind": "{graph}/appCatalogs/teamsApps/{catalog app id}" }
//   GET  {graph}/users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{catalog app id}'
//        200 { "value": [ { "id": "<installation id>", "teamsApp": { "id": … } } ] }
//   GET  {graph}/users/{id}/teamwork/installedApps/{installation id}/chat
//        200 { "id": "19:…@unq.gbl.spaces", … }   the 1:1 chat between the user and the bot
//
// Throttling: Graph answers 429 (and 503/504 when busy) with Retry-After; each call is retried a
// bounded number of times, waiting Retry-After up to a cap (services/retry-policy.ts), then the
// error goes back to the outbox, which retries the message with its own backoff.
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { GraphConfig, GraphConnection } from '../config/config';
import type { Clock } from '../domain/clock';
import { nextRetry, parseRetryAfter, type RetryPolicy } from '../services/retry-policy';

export interface GraphClientOptions {
  timeoutMs: number;
  /** Retries of one call on 429/503/504 before the error is returned (bounded throttling). */
  throttle: RetryPolicy;
  /** Waits between attempts; tests inject one that records the wait and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source of the backoff (0 ≤ x < 1). */
  random?: () => number;
}

export const DEFAULT_GRAPH_OPTIONS: GraphClientOptions = {
  timeoutMs: 10_000,
  throttle: { maxAttempts: 4, baseMs: 1000, maxBackoffMs: 8000, maxRetryAfterMs: 30_000 },
};

/** A Graph or token call that failed; `status` undefined for network errors. */
export class GraphError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
    this.name = 'GraphError';
  }

  /** 401/403: no admin consent or wrong credentials; retrying the same call will not help soon. */
  get denied(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

const RETRYABLE = new Set([429, 503, 504]);

export type InstallOutcome = 'installed' | 'already_installed';

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The shared part of every Graph call: a client-credentials token per tenant (cached until a
 * minute before it expires, renewed once on a 401), and bounded retries on 429/503/504 honouring
 * Retry-After up to a cap, else exponential backoff with jitter (services/retry-policy.ts).
 */
export class GraphHttp {
  private readonly http: AxiosInstance;
  /** Access tokens per tenant, until shortly before they expire. */
  private readonly tokens = new Map<string, { token: string; expiresAtMs: number }>();
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    protected readonly cfg: GraphConnection,
    protected readonly clock: Clock,
    private readonly opts: GraphClientOptions = DEFAULT_GRAPH_OPTIONS,
  ) {
    // Statuses are classified here; redirects are not followed (a token must not travel elsewhere).
    this.http = axios.create({ timeout: opts.timeoutMs, maxRedirects: 0, validateStatus: () => true });
    this.sleep = opts.sleep ?? realSleep;
  }

  /**
   * One Graph call. `target` is a path under the base URL, or an absolute URL Graph handed out
   * (an `@odata.nextLink`), which must be on the base URL's origin: the bearer token goes nowhere else.
   */
  protected async call(
    tenantId: string,
    method: 'GET' | 'POST',
    target: string,
    body?: unknown,
  ): Promise<AxiosResponse> {
    const url = /^https?:\/\//i.test(target) ? target : `${this.cfg.baseUrl}${target}`;
    if (new URL(url).origin !== new URL(this.cfg.baseUrl).origin) {
      throw new GraphError(
        `graph ${method} refused: ${new URL(url).origin} is not Graph`,
        undefined,
        undefined,
        undefined,
      );
    }
    let refreshed = false;
    for (let attempt = 1; ;) {
      const token = await this.token(tenantId);
      let res: AxiosResponse;
      try {
        res = await this.http.request({
          method,
          url,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          ...(body ? { data: body } : {}),
        });
      } catch (err) {
        throw new GraphError(
          `graph ${method} failed: ${(err as { code?: string }).code ?? 'network error'}`,
          undefined,
          undefined,
          undefined,
        );
      }
      if (res.status === 401 && !refreshed) {
        // A token revoked or expired early: once more with a fresh one (not a throttling attempt).
        this.tokens.delete(tenantId);
        refreshed = true;
        continue;
      }
      if (!RETRYABLE.has(res.status)) return res;
      const retryAfterMs = parseRetryAfter(res.headers['retry-after'], this.clock.now().getTime());
      const decision = nextRetry(this.opts.throttle, attempt, retryAfterMs, this.opts.random);
      if (!decision.retry) return res;
      await this.sleep(decision.delayMs);
      attempt++;
    }
  }

  private async token(tenantId: string): Promise<string> {
    const tenant = this.cfg.tenantId ?? tenantId;
    const now = this.clock.now().getTime();
    const cached = this.tokens.get(tenantId);
    if (cached && cached.expiresAtMs > now) return cached.token;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.cfg.clientId,
      client_secret: this.cfg.clientSecret,
      scope: `${new URL(this.cfg.baseUrl).origin}/.default`,
    });
    let res: AxiosResponse;
    try {
      res = await this.http.post(
        `${this.cfg.loginUrl}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`,
        form.toString(),
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      );
    } catch (err) {
      throw new GraphError(
        `token request failed: ${(err as { code?: string }).code ?? 'network error'}`,
        undefined,
        undefined,
        undefined,
      );
    }
    const data = res.data as { access_token?: unknown; expires_in?: unknown; error?: unknown };
    if (res.status !== 200 || typeof data.access_token !== 'string') {
      // The identity platform's error is a code (invalid_client …); its description may echo ids.
      const code = typeof data.error === 'string' ? data.error : undefined;
      throw new GraphError(
        `token request answered ${res.status}${code ? ` ${code}` : ''}`,
        res.status,
        code,
        parseRetryAfter(res.headers['retry-after'], now),
      );
    }
    const seconds = Number(data.expires_in);
    // Renew a minute early so a token never expires in flight.
    const life = Number.isFinite(seconds) && seconds > 120 ? (seconds - 60) * 1000 : 60_000;
    this.tokens.set(tenantId, { token: data.access_token, expiresAtMs: now + life });
    return data.access_token;
  }

  protected errorOf(res: AxiosResponse, what: string): GraphError {
    const code = (res.data as { error?: { code?: unknown } } | undefined)?.error?.code;
    return new GraphError(
      `${what}: HTTP ${res.status}${typeof code === 'string' ? ` ${code}` : ''}`,
      res.status,
      typeof code === 'string' ? code : undefined,
      parseRetryAfter(res.headers['retry-after'], this.clock.now().getTime()),
    );
  }
}

/** Installing this app for a person and finding the 1:1 chat (see the top of this file). */
export class GraphClient extends GraphHttp {
  constructor(
    private readonly app: GraphConfig,
    clock: Clock,
    opts: GraphClientOptions = DEFAULT_GRAPH_OPTIONS,
  ) {
    super(app, clock, opts);
  }

  /** Installs the app for the user; 409 means it already was. */
  async installForUser(tenantId: string, userId: string): Promise<InstallOutcome> {
    const res = await this.call(
      tenantId,
      'POST',
      `/users/${encodeURIComponent(userId)}/teamwork/installedApps`,
      {
        'teamsApp@odata.bind': `${this.app.baseUrl}/appCatalogs/teamsApps/${this.app.catalogAppId}`,
      },
    );
    if (res.status === 201 || (res.status >= 200 && res.status < 300)) return 'installed';
    if (res.status === 409) return 'already_installed';
    throw this.errorOf(res, 'install app for user');
  }

  /** The id of the 1:1 chat between the user and this app; undefined when it is not installed. */
  async personalChatId(tenantId: string, userId: string): Promise<string | undefined> {
    const user = encodeURIComponent(userId);
    const filter = encodeURIComponent(`teamsApp/id eq '${this.app.catalogAppId}'`);
    const list = await this.call(
      tenantId,
      'GET',
      `/users/${user}/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`,
    );
    if (list.status !== 200) throw this.errorOf(list, 'list apps installed for user');
    const value = (list.data as { value?: Array<{ id?: unknown; teamsApp?: { id?: unknown } }> }).value ?? [];
    // The filter should leave only this app; check it anyway rather than trust the peer.
    const install = value.find(
      (v) => typeof v.id === 'string' && String(v.teamsApp?.id ?? '').toLowerCase() === this.app.catalogAppId,
    );
    if (!install) return undefined;
    const chat = await this.call(
      tenantId,
      'GET',
      `/users/${user}/teamwork/installedApps/${encodeURIComponent(install.id as string)}/chat`,
    );
    if (chat.status !== 200) throw this.errorOf(chat, 'get chat between user and app');
    const id = (chat.data as { id?: unknown }).id;
    return typeof id === 'string' && id !== '' ? id : undefined;
  }
}
