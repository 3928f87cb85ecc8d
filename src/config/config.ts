// Environment configuration, parsed once at start-up. Fails fast with a message that names the
// variable and what is wrong, so an operator can fix the deployment without reading code.
import path from 'node:path';
import { z } from 'zod';

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
    // PostgreSQL is the scale-out engine (roadmap [6/6]); until its adapter lands, refuse clearly
    // rather than start on the wrong database.
    ctx.addIssue({
      code: 'custom',
      message: 'PostgreSQL is not supported yet in this version; use sqlite:<file> (PostgreSQL は未対応です)',
    });
    return z.NEVER;
  }
  ctx.addIssue({ code: 'custom', message: 'must start with sqlite: (e.g. sqlite:./data/security-desk.db)' });
  return z.NEVER;
}

const csvList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter((x) => x !== '');

const EnvSchema = z
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
    // Acknowledgement deadlines by severity before escalation (12(5)②オ), e.g. "critical=15,high=30,normal=480".
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
  })
  .superRefine((env, ctx) => {
    if (env.MICROSOFT_APP_ID) {
      if (env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !env.MICROSOFT_APP_PASSWORD) {
        ctx.addIssue({
          code: 'custom',
          path: ['MICROSOFT_APP_PASSWORD'],
          message: 'is required when MICROSOFT_APP_ID is set',
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
  /** Overrides of the per-kind acknowledgement deadlines, by severity. */
  escalationMinutes: Partial<Record<'critical' | 'high' | 'normal', number>>;
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
  const auth = e.MICROSOFT_APP_ID
    ? {
        appId: e.MICROSOFT_APP_ID,
        appPassword: e.MICROSOFT_APP_PASSWORD,
        appTenantId: e.MICROSOFT_APP_TENANT_ID,
        appType: e.MICROSOFT_APP_TYPE ?? (e.MICROSOFT_APP_TENANT_ID ? 'SingleTenant' : 'MultiTenant'),
      }
    : undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL,
    auth,
    allowedTenantIds: e.ALLOWED_TENANT_IDS ?? (auth ? [] : [DEMO_TENANT_ID]),
    directoryCsv: path.resolve(repoRoot, e.DIRECTORY_CSV ?? 'infra/demo/directory.csv'),
    logLevel: e.LOG_LEVEL,
    localMode: auth === undefined,
    escalationMinutes: e.ESCALATION_MINUTES ?? {},
  };
}
