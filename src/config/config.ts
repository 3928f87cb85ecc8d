// Environment configuration, parsed once at start-up. Fails fast with a message that names the
// variable and what is wrong, so an operator can fix the deployment without reading code.
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_RETENTION, isLedgerKind, LEDGER_KINDS, type RetentionYears } from '../domain/ledgers';
import { CASE_KINDS, type CaseKind } from '../domain/cases';
import { DEFAULT_CONTRACT_END_DUE_DAYS } from '../domain/contracts';
import { DEFAULT_PEOPLE_CHANGE_DUE_DAYS } from '../domain/people-change';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tenant of the demo directory and the local simulator config (fictional). */
export const DEMO_TENANT_ID = '8f3c2a1e-5b7d-4c9a-9e21-0a6b5c4d3e2f';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];

export type DatabaseConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

function parseDatabaseUrl(raw: string, ctx: z.RefinementCtx): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') {
      ctx.addIssue({
        code: 'custom',
        message: 'sqlite: needs a file path, e.g. sqlite:./data/security-desk.db',
      });
      return z.NEVER;
    }
    return { engine: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    // The scale-out engine (issue 11): a URL the pg driver parses (user, password, host, port, db).
    if (!URL.canParse(raw) || new URL(raw).hostname === '') {
      ctx.addIssue({
        code: 'custom',
        message: 'postgres:// needs a host, e.g. postgres://user@db.example:5432/securitydesk',
      });
      return z.NEVER;
    }
    return { engine: 'postgres', url: raw };
  }
  ctx.addIssue({
    code: 'custom',
    message: 'must start with sqlite: or postgres:// (e.g. sqlite:./data/security-desk.db)',
  });
  return z.NEVER;
}

function parseRetention(raw: string | undefined, ctx: z.RefinementCtx): RetentionYears {
  const years: Record<string, number> = { ...DEFAULT_RETENTION };
  for (const part of (raw ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const m = /^([a-z_]+)=(\d{1,3})$/.exec(part);
    if (!m || !isLedgerKind(m[1]) || Number(m[2]) < 1) {
      ctx.addIssue({
        code: 'custom',
        message: `"${part}": must be <ledger>=<years ≥ 1>, ledger one of ${LEDGER_KINDS.join(', ')} (台帳名=年数)`,
      });
      return z.NEVER;
    }
    years[m[1]] = Number(m[2]);
  }
  return years as RetentionYears;
}

/** Where files that belong with the database live: the SQLite file's folder, else ./data. */
function dataDirOf(db: DatabaseConfig): string {
  return db.engine === 'sqlite' && db.file !== ':memory:' ? path.dirname(db.file) : 'data';
}

const csvList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter((x) => x !== '');

// --- Outbound webhooks (WEBHOOKS) -------------------------------------------------------------
// Integration hooks on case events, e.g. a lost IC card stops the card in the access-control system
// at once (10(9)②). The list is JSON; each hook's HMAC secret lives in its own variable (secretEnv)
// so the list itself holds no secret and can be reviewed in the deployment definition.

const WEBHOOK_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
const EVENT_NAME = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
export const WEBHOOK_SECRET_MIN_LENGTH = 16;

/** An absolute http(s) URL without credentials (they would end up in logs and error messages). */
function checkHttpUrl(raw: string, ctx: z.core.$RefinementCtx, credentialsHint = ''): void {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an absolute http(s) URL' });
    return;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL' });
  if (u.username || u.password)
    ctx.addIssue({ code: 'custom', message: `must not contain credentials${credentialsHint}` });
}

const WebhookEntrySchema = z.strictObject({
  name: z.string().regex(WEBHOOK_NAME, 'must be lower-case letters, digits, ".", "_" or "-" (max 64)'),
  // Credentials in the URL would end up in logs and error messages; the HMAC secret authenticates.
  url: z.string().superRefine((raw, ctx) => checkHttpUrl(raw, ctx, ' (use secretEnv)')),
  // Deny by default: a hook receives only the events it names (no wildcard).
  events: z
    .array(z.string().regex(EVENT_NAME, 'must be an event name such as case.submitted'))
    .min(1, 'must name at least one event (e.g. ["case.submitted"])'),
  /** Omitted = every case kind. */
  kinds: z.array(z.enum(CASE_KINDS)).min(1).optional(),
  secretEnv: z.string().regex(ENV_NAME, 'must be the name of an environment variable (A-Z, 0-9, _)'),
});

const WebhookListSchema = z.array(WebhookEntrySchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((h, i) => {
    if (seen.has(h.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'is not unique' });
    seen.add(h.name);
  });
});

function parseWebhooks(raw: string | undefined, ctx: z.RefinementCtx): z.output<typeof WebhookListSchema> {
  if (raw === undefined || raw.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON array of hooks (invalid JSON)' });
    return z.NEVER;
  }
  const r = WebhookListSchema.safeParse(json);
  if (!r.success) {
    for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
    return z.NEVER;
  }
  return r.data;
}

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  return LOOPBACK_HOSTS.includes(host);
}

// --- end of outbound webhooks helpers --------------------------------------------------------

// --- Delivery (reaching people, crash recovery) -----------------------------------------------

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s?.trim() ? s.trim() : undefined));

/** An absolute http(s) URL without credentials, or undefined when unset. */
const optionalHttpUrl = optionalText.superRefine((raw, ctx) => {
  if (raw !== undefined) checkHttpUrl(raw, ctx);
});

/**
 * The default instance id: this host and the data folder, so it is the same after a restart (the
 * restarted process takes over its own claims at once) and differs between hosts sharing a
 * database. Two processes on one host with one data folder must each set INSTANCE_ID.
 */
export function defaultInstanceId(database: DatabaseConfig, hostname = os.hostname()): string {
  const where = database.engine === 'sqlite' ? path.dirname(database.file) : new URL(database.url).host;
  const digest = createHash('sha256').update(where).digest('hex').slice(0, 12);
  return `${hostname
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .slice(0, 60)}:${digest}`;
}

/**
 * The instance id on Azure App Service. All instances of a web app share its app settings, so
 * INSTANCE_ID cannot differ per instance there, and a container's host name may change on restart.
 * The platform's WEBSITE_INSTANCE_ID names the VM instance the app runs on: a different one per
 * instance, the same after a restart on it — what an instance id needs. Undefined elsewhere.
 */
export function appServiceInstanceId(
  siteName: string | undefined,
  websiteInstanceId: string | undefined,
): string | undefined {
  const vm = (websiteInstanceId ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 32);
  if (vm === '') return undefined;
  const site = (siteName ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .slice(0, 60);
  return `${site || 'appservice'}:${vm}`;
}

// --- end of delivery helpers -------------------------------------------------------------------

/** The bot's app id as a client-credentials client id: not a managed identity's (no secret). */
function botAppClientId(env: { MICROSOFT_APP_ID?: string; MICROSOFT_APP_TYPE?: string }): string | undefined {
  return env.MICROSOFT_APP_TYPE === 'UserAssignedMSI' ? undefined : env.MICROSOFT_APP_ID;
}

/**
 * Every environment variable the bot reads (besides the webhook secrets named in WEBHOOKS).
 * Exported for test/infra/config-coverage.test.ts, which checks the Azure templates against it.
 */
export const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z.string().default('sqlite:./data/security-desk.db').transform(parseDatabaseUrl),
    MICROSOFT_APP_ID: z
      .string()
      .optional()
      .transform((s) => (s?.trim() ? s.trim() : undefined))
      .refine((s) => s === undefined || GUID.test(s), 'must be a GUID (the bot registration app id)'),
    MICROSOFT_APP_PASSWORD: z.string().optional(),
    MICROSOFT_APP_TENANT_ID: z
      .string()
      .optional()
      .transform((s) => (s?.trim() ? s.trim().toLowerCase() : undefined))
      .refine((s) => s === undefined || GUID.test(s), 'must be a GUID (the Entra tenant id)'),
    MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).optional(),
    ALLOWED_TENANT_IDS: z
      .string()
      .optional()
      .transform((s) => (s === undefined ? undefined : csvList(s)))
      .refine(
        (list) => list === undefined || list.every((t) => GUID.test(t)),
        'must be a comma-separated list of tenant GUIDs',
      ),
    DIRECTORY_CSV: z.string().optional(),
    // Acknowledgement deadlines by severity before escalation (運用ルール), e.g. "critical=15,high=30,normal=480".
    ESCALATION_MINUTES: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined || s.trim() === '') return undefined;
        const out: Partial<Record<'critical' | 'high' | 'normal', number>> = {};
        for (const part of s.split(',')) {
          const m = /^\s*(critical|high|normal)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
          if (!m || Number(m[2]) <= 0) {
            ctx.addIssue({
              code: 'custom',
              message: `"${part.trim()}" is not severity=minutes (critical|high|normal, minutes > 0)`,
            });
            return z.NEVER;
          }
          out[m[1] as 'critical' | 'high' | 'normal'] = Number(m[2]);
        }
        return out;
      }),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Outbound webhooks (see WebhookConfig).
    WEBHOOKS: z.string().optional().transform(parseWebhooks),
    // Delivery (see DeliveryConfig).
    INSTANCE_ID: optionalText.refine(
      (s) => s === undefined || /^[A-Za-z0-9._:-]{1,100}$/.test(s),
      'must be 1–100 letters, digits, ".", "_", ":" or "-"',
    ),
    // Set by Azure App Service on every instance (not an app setting): see appServiceInstanceId.
    WEBSITE_INSTANCE_ID: optionalText,
    WEBSITE_SITE_NAME: optionalText,
    TEAMS_SERVICE_URL: optionalHttpUrl,
    TEAMS_CATALOG_APP_ID: optionalText.refine(
      (s) => s === undefined || GUID.test(s),
      'must be a GUID (the app id in the organisation catalog, teamsApp.id in Microsoft Graph)',
    ),
    GRAPH_BASE_URL: optionalHttpUrl,
    GRAPH_LOGIN_URL: optionalHttpUrl,
    GRAPH_CLIENT_ID: optionalText.refine(
      (s) => s === undefined || GUID.test(s),
      'must be a GUID (the Entra app registration id)',
    ),
    GRAPH_CLIENT_SECRET: optionalText,
    // Directory sync from Microsoft Graph (npm run directory -- sync-graph): department → 課コード.
    DEPARTMENT_MAP: optionalText,
    // Where people reach this bot's HTTP server (download links of 連絡網の出力).
    PUBLIC_BASE_URL: optionalHttpUrl,
    // Teams' documented limit per app per tenant: 50 requests per second (older docs: 30).
    TEAMS_RATE_PER_SECOND: z.coerce
      .number()
      .positive('must be a number of requests per second above 0')
      .max(10_000, 'must be at most 10000')
      .default(50),
    TEAMS_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(32),
    // Audit chain anchors (12(4)②): where the signed heads go (put it outside the database host),
    // the Ed25519 signing key, how often the head is anchored and how often 統括 is sent it.
    AUDIT_ANCHOR_DIR: optionalText,
    AUDIT_ANCHOR_KEY_FILE: optionalText,
    AUDIT_ANCHOR_INTERVAL_MINUTES: z.coerce
      .number()
      .int('must be a whole number of minutes')
      .min(1, 'must be at least 1 minute')
      .max(1440, 'must be at most 1440 minutes (a day)')
      .default(60),
    AUDIT_ANCHOR_POST_HOURS: z.coerce
      .number()
      .min(0, 'must be 0 (every anchor) or more hours')
      .max(720, 'must be at most 720 hours')
      .default(24),
    // Retention per ledger in years (運用ルール), e.g. "takeout=5,incident=10"; unset ledgers keep 5.
    LEDGER_RETENTION_YEARS: z.string().optional().transform(parseRetention),
    // 12(4)③ (accurate time): a clock further off than this from the Bot Framework connector's is
    // reported by /healthz as a warning.
    CLOCK_SKEW_WARN_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    // The duty calendar (定期業務, services/duty-service.ts sweepDuties): 'off' opens no periodic
    // duties (event duties still open); for tests and installations that start it later.
    DUTY_CALENDAR: z.enum(['on', 'off']).default('on'),
    LEDGER_RETENTION_RUN: z.enum(['in-process', 'external']).default('in-process'),
    // Days from a directory import to the due date of the duties of people moved or removed
    // (return devices 10(4)④, revise access 11(1)①, IC card 10(9)③): the deadline is 運用ルール.
    PEOPLE_CHANGE_DUE_DAYS: z.coerce
      .number()
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(365, 'must be at most 365 days')
      .default(DEFAULT_PEOPLE_CHANGE_DUE_DAYS),
    // Days from the end of a contract's work to the due date of confirming its workers' IDs and
    // passwords removed (12(1)③ケ says 速やかに; the number of days is 運用ルール).
    CONTRACT_END_DUE_DAYS: z.coerce
      .number()
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(90, 'must be at most 90 days')
      .default(DEFAULT_CONTRACT_END_DUE_DAYS),
  })
  .superRefine((env, ctx) => {
    // Outbound webhooks: in production (MICROSOFT_APP_ID set) the payload and its signature travel
    // encrypted, except to a receiver on this machine.
    if (env.MICROSOFT_APP_ID) {
      env.WEBHOOKS.forEach((h, i) => {
        if (new URL(h.url).protocol !== 'https:' && !isLoopbackUrl(h.url))
          ctx.addIssue({
            code: 'custom',
            path: ['WEBHOOKS', i, 'url'],
            message: 'must be https when MICROSOFT_APP_ID is set (http only to a loopback host)',
          });
      });
    }
    // Delivery: in production Teams and Graph are reached over https only (loopback excepted).
    if (env.MICROSOFT_APP_ID) {
      for (const key of [
        'TEAMS_SERVICE_URL',
        'GRAPH_BASE_URL',
        'GRAPH_LOGIN_URL',
        'PUBLIC_BASE_URL',
      ] as const) {
        const url = env[key];
        if (url !== undefined && new URL(url).protocol !== 'https:' && !isLoopbackUrl(url))
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'must be https when MICROSOFT_APP_ID is set (http only to a loopback host)',
          });
      }
    }
    // Installing the app through Graph needs client credentials: the bot's own by default. A
    // managed identity has no secret to pair with, so under UserAssignedMSI they are a separate
    // app registration's (botAppClientId).
    if (env.TEAMS_CATALOG_APP_ID) {
      if (!(env.GRAPH_CLIENT_ID ?? botAppClientId(env)))
        ctx.addIssue({
          code: 'custom',
          path: ['GRAPH_CLIENT_ID'],
          message:
            env.MICROSOFT_APP_TYPE === 'UserAssignedMSI'
              ? 'is required with TEAMS_CATALOG_APP_ID when MICROSOFT_APP_TYPE is UserAssignedMSI (the app registration whose secret is GRAPH_CLIENT_SECRET)'
              : 'is required with TEAMS_CATALOG_APP_ID when MICROSOFT_APP_ID is unset',
        });
      if (!(env.GRAPH_CLIENT_SECRET ?? env.MICROSOFT_APP_PASSWORD?.trim()))
        ctx.addIssue({
          code: 'custom',
          path: ['GRAPH_CLIENT_SECRET'],
          message:
            'is required with TEAMS_CATALOG_APP_ID when MICROSOFT_APP_PASSWORD is unset (the client secret of the app registration)',
        });
    }
    if (env.MICROSOFT_APP_ID) {
      if (env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !env.MICROSOFT_APP_PASSWORD) {
        ctx.addIssue({
          code: 'custom',
          path: ['MICROSOFT_APP_PASSWORD'],
          message: 'is required when MICROSOFT_APP_ID is set',
        });
      }
      // botbuilder's ConfigurationServiceClientCredentialFactory asserts the same at the first
      // request; saying it here stops the start with the variable's name instead.
      if (
        (env.MICROSOFT_APP_TYPE === 'SingleTenant' || env.MICROSOFT_APP_TYPE === 'UserAssignedMSI') &&
        !env.MICROSOFT_APP_TENANT_ID
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['MICROSOFT_APP_TENANT_ID'],
          message: `is required when MICROSOFT_APP_TYPE is ${env.MICROSOFT_APP_TYPE}`,
        });
      }
      if (env.MICROSOFT_APP_TYPE === 'UserAssignedMSI' && env.MICROSOFT_APP_PASSWORD?.trim()) {
        ctx.addIssue({
          code: 'custom',
          path: ['MICROSOFT_APP_PASSWORD'],
          message:
            'must be unset when MICROSOFT_APP_TYPE is UserAssignedMSI (the managed identity has no password; MICROSOFT_APP_ID is its client id)',
        });
      }
      if (!env.ALLOWED_TENANT_IDS || env.ALLOWED_TENANT_IDS.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['ALLOWED_TENANT_IDS'],
          message: 'is required when MICROSOFT_APP_ID is set (deny by default: list the tenants to serve)',
        });
      }
    } else if (!LOOPBACK_HOSTS.includes(env.HOST)) {
      // Local mode is anonymous: it must never be reachable from outside this machine.
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message:
          'must be a loopback address (127.0.0.1, localhost, ::1) when MICROSOFT_APP_ID is unset (anonymous local mode)',
      });
    }
  });

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Undefined in local (anonymous) mode. */
  auth:
    | {
        appId: string;
        appPassword: string | undefined;
        appTenantId: string | undefined;
        appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
      }
    | undefined;
  allowedTenantIds: string[];
  directoryCsv: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  localMode: boolean;
  /** A measured clock skew beyond this is a /healthz warning (CLOCK_SKEW_WARN_SECONDS, 12(4)③). */
  clockSkewWarnMs: number;
  /** Overrides of the per-kind acknowledgement deadlines, by severity. */
  escalationMinutes: Partial<Record<'critical' | 'high' | 'normal', number>>;
  /** Outbound webhooks on case events, secrets resolved (empty = none). */
  webhooks: WebhookConfig[];
  delivery: DeliveryConfig;
  directorySync: DirectorySyncConfig;
  /**
   * Base URL of the bot's own HTTP server as people's browsers reach it (export download links), no
   * trailing slash. Undefined = unset: in local mode the bot uses http://localhost:<port>; in
   * production the download links are not offered.
   */
  publicBaseUrl: string | undefined;
  /** Anchors of the audit chain outside the database (services/audit-anchor.ts). */
  auditAnchor: { dir: string; keyFile: string; intervalMinutes: number; postHours: number };
  /** Years each ledger's finished rows keep their personal data (services/retention-service.ts). */
  retentionYears: RetentionYears;
  /**
   * Who runs the daily retention purge (LEDGER_RETENTION_RUN): the bot itself, or `npm run retention`
   * as the database owner when the bot's role may not delete audit payloads (infra/postgres/roles.sql).
   */
  retentionRun: 'in-process' | 'external';
  /** Whether the duty calendar opens periodic duties (DUTY_CALENDAR, default on). */
  dutyCalendar: boolean;
  /** Days from a directory import to the due date of the people-change duties (運用ルール). */
  peopleChangeDueDays: number;
  /** Days from a contract's end to the due date of its ID-removal duty (運用ルール). */
  contractEndDueDays: number;
}

/**
 * Proposing the directory from Microsoft Graph users (GRAPH_*, DEPARTMENT_MAP). Optional: it runs
 * only when the IT管理者 asks for it on the command line, so missing credentials are reported then.
 */
export interface DirectorySyncConfig {
  /** Undefined when no client id/secret is configured (GRAPH_CLIENT_* or MICROSOFT_APP_*). */
  graph: GraphConnection | undefined;
  /** The tenant whose users are read: MICROSOFT_APP_TENANT_ID, else the only ALLOWED_TENANT_IDS entry. */
  tenantId: string | undefined;
  /** Absolute path of the department → 課コード file (JSON or CSV); undefined = by section name only. */
  departmentMapFile: string | undefined;
}

/**
 * How proactive messages reach people (INSTANCE_ID, TEAMS_SERVICE_URL, TEAMS_CATALOG_APP_ID, GRAPH_*,
 * TEAMS_RATE_PER_SECOND, TEAMS_SEND_CONCURRENCY).
 */
export interface DeliveryConfig {
  /** Recorded on every outbox claim; a restart with the same id takes over its claims at once. */
  instanceId: string;
  /** Service URL to create conversations on until one is learned from the tenant's activities. */
  serviceUrl: string | undefined;
  /** Installing the app for a person through Microsoft Graph; undefined = disabled. */
  graph: GraphConfig | undefined;
  /**
   * The rate budget of each tenant, for the whole app (every process on the database shares it):
   * requests per second, TEAMS_RATE_PER_SECOND (Teams documents 50; older docs 30).
   */
  ratePerSecond: number;
  /** Requests in flight at most in this process (TEAMS_SEND_CONCURRENCY). */
  concurrency: number;
}

/** Where and as whom the app calls Microsoft Graph (client credentials). */
export interface GraphConnection {
  /** e.g. https://graph.microsoft.com/v1.0 (no trailing slash). */
  baseUrl: string;
  /** e.g. https://login.microsoftonline.com (no trailing slash). */
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  /** Token tenant; undefined = the recipient's tenant. */
  tenantId: string | undefined;
}

export interface GraphConfig extends GraphConnection {
  /** teamsApp.id of the app in the organisation's catalog (not the manifest id). */
  catalogAppId: string;
}

/** One outbound webhook (WEBHOOKS), with its HMAC secret read from the variable named by secretEnv. */
export interface WebhookConfig {
  name: string;
  url: string;
  /** Audit event names that trigger it, e.g. 'case.submitted'. */
  events: string[];
  /** Case kinds that trigger it; undefined = every kind. */
  kinds?: CaseKind[];
  secretEnv: string;
  secret: string;
}

/** Reads each hook's secret from its variable; every problem names the variable. */
function resolveWebhookSecrets(
  list: z.output<typeof WebhookListSchema>,
  env: NodeJS.ProcessEnv,
): WebhookConfig[] {
  const problems: string[] = [];
  const out = list.map((h) => {
    const secret = env[h.secretEnv] ?? '';
    if (secret.length < WEBHOOK_SECRET_MIN_LENGTH) {
      problems.push(
        `${h.secretEnv}: ${secret === '' ? 'is required' : `must be at least ${WEBHOOK_SECRET_MIN_LENGTH} characters`} (the HMAC secret of webhook "${h.name}" in WEBHOOKS)`,
      );
    }
    return { ...h, secret };
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return out;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (設定エラー):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv, repoRoot: string): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const graphConnection: GraphConnection = {
    baseUrl: (e.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, ''),
    loginUrl: (e.GRAPH_LOGIN_URL ?? 'https://login.microsoftonline.com').replace(/\/+$/, ''),
    clientId: (e.GRAPH_CLIENT_ID ?? botAppClientId(e)) as string,
    clientSecret: (e.GRAPH_CLIENT_SECRET ?? e.MICROSOFT_APP_PASSWORD?.trim()) as string,
    tenantId: e.MICROSOFT_APP_TENANT_ID,
  };
  const auth = e.MICROSOFT_APP_ID
    ? {
        appId: e.MICROSOFT_APP_ID,
        appPassword: e.MICROSOFT_APP_PASSWORD,
        appTenantId: e.MICROSOFT_APP_TENANT_ID,
        appType: e.MICROSOFT_APP_TYPE ?? (e.MICROSOFT_APP_TENANT_ID ? 'SingleTenant' : 'MultiTenant'),
      }
    : undefined;
  const allowedTenantIds = e.ALLOWED_TENANT_IDS ?? (auth ? [] : [DEMO_TENANT_ID]);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL,
    auth,
    allowedTenantIds,
    directoryCsv: path.resolve(repoRoot, e.DIRECTORY_CSV ?? 'infra/demo/directory.csv'),
    logLevel: e.LOG_LEVEL,
    localMode: auth === undefined,
    clockSkewWarnMs: e.CLOCK_SKEW_WARN_SECONDS * 1000,
    escalationMinutes: e.ESCALATION_MINUTES ?? {},
    webhooks: resolveWebhookSecrets(e.WEBHOOKS, env),
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    retentionYears: e.LEDGER_RETENTION_YEARS,
    retentionRun: e.LEDGER_RETENTION_RUN,
    dutyCalendar: e.DUTY_CALENDAR === 'on',
    peopleChangeDueDays: e.PEOPLE_CHANGE_DUE_DAYS,
    contractEndDueDays: e.CONTRACT_END_DUE_DAYS,
    auditAnchor: {
      // By default beside the SQLite file (one set of anchors per database); in production point
      // AUDIT_ANCHOR_DIR at storage the database host cannot rewrite.
      dir: path.resolve(
        repoRoot,
        e.AUDIT_ANCHOR_DIR ?? path.join(dataDirOf(e.DATABASE_URL), 'audit-anchors'),
      ),
      keyFile: path.resolve(
        repoRoot,
        e.AUDIT_ANCHOR_KEY_FILE ?? path.join(dataDirOf(e.DATABASE_URL), 'audit-anchor-key.pem'),
      ),
      intervalMinutes: e.AUDIT_ANCHOR_INTERVAL_MINUTES,
      postHours: e.AUDIT_ANCHOR_POST_HOURS,
    },
    delivery: {
      instanceId:
        e.INSTANCE_ID ??
        appServiceInstanceId(e.WEBSITE_SITE_NAME, e.WEBSITE_INSTANCE_ID) ??
        defaultInstanceId(e.DATABASE_URL),
      serviceUrl: e.TEAMS_SERVICE_URL,
      ratePerSecond: e.TEAMS_RATE_PER_SECOND,
      concurrency: e.TEAMS_SEND_CONCURRENCY,
      graph: e.TEAMS_CATALOG_APP_ID
        ? { ...graphConnection, catalogAppId: e.TEAMS_CATALOG_APP_ID.toLowerCase() }
        : undefined,
    },
    directorySync: {
      graph: graphConnection.clientId && graphConnection.clientSecret ? graphConnection : undefined,
      tenantId:
        e.MICROSOFT_APP_TENANT_ID ?? (allowedTenantIds.length === 1 ? allowedTenantIds[0] : undefined),
      departmentMapFile: e.DEPARTMENT_MAP ? path.resolve(repoRoot, e.DEPARTMENT_MAP) : undefined,
    },
  };
}
