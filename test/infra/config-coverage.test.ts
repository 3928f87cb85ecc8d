// The Azure template (infra/azure/main.bicep) against the bot's config schema (src/config/config.ts):
// every setting the schema needs in production is provided, no setting is unknown to it (typos),
// secrets come from Key Vault, and the deployment is single-tenant or a managed identity on two or
// more Node 20 instances. The required list is derived from the schema, not copied here, so a
// setting the schema starts to require fails this test until the template provides it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, EnvSchema, loadConfig, type Config } from '../../src/config/config';

const root = path.resolve(__dirname, '../..');
const BICEP_FILE = path.join(root, 'infra/azure/main.bicep');
const PARAMS_FILE = path.join(root, 'infra/azure/main.parameters.json');
const bicep = fs.readFileSync(BICEP_FILE, 'utf8');

/** App Service platform settings the template may set besides the bot's own variables. */
const PLATFORM_SETTINGS = new Set([
  'APPLICATIONINSIGHTS_CONNECTION_STRING', // Application Insights connection string
  'ApplicationInsightsAgent_EXTENSION_VERSION', // Linux auto-instrumentation agent (~3)
  'SCM_DO_BUILD_DURING_DEPLOYMENT', // build on zip deploy
]);

/** Settings holding secrets: only ever Key Vault references in the template. */
const SECRET_SETTINGS = ['DATABASE_URL', 'MICROSOFT_APP_PASSWORD', 'GRAPH_CLIENT_SECRET'];

/**
 * Values standing in for Bicep expressions (Key Vault references, resource properties) when the
 * settings are fed to the config schema. Only values; which settings exist comes from the template.
 */
const SAMPLE_VALUES: Record<string, string> = {
  DATABASE_URL:
    'postgres://secdeskadmin:s3cret%2Fpw@secdesk-pg-abc.postgres.database.azure.com:5432/securitydesk?sslmode=verify-full',
  MICROSOFT_APP_ID: '6a0c1b2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
  MICROSOFT_APP_TENANT_ID: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
  MICROSOFT_APP_PASSWORD: 'client-secret-from-key-vault',
  GRAPH_CLIENT_SECRET: 'graph-secret-from-key-vault',
  DIRECTORY_CSV: '/home/security-desk/directory.csv',
  AUDIT_ANCHOR_DIR: '/home/security-desk/audit-anchors',
  AUDIT_ANCHOR_KEY_FILE: '/home/security-desk/audit-anchor-key.pem',
  PUBLIC_BASE_URL: 'https://secdesk-web-abc.azurewebsites.net',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
};

// --- A small reader for the parts of the Bicep file this test needs ---------------------------

interface BicepParam {
  name: string;
  type: string;
  /** The default's source text, undefined when the parameter has none. */
  defaultExpr: string | undefined;
  allowed: string[] | undefined;
  secure: boolean;
}

function readParams(text: string): Map<string, BicepParam> {
  const params = new Map<string, BicepParam>();
  let decorators = '';
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const p = /^param (\w+) (\w+)(?: = (.+))?$/.exec(trimmed);
    if (p) {
      const allowed = /@allowed\(\[([\s\S]*?)\]\)/.exec(decorators);
      params.set(p[1]!, {
        name: p[1]!,
        type: p[2]!,
        defaultExpr: p[3],
        allowed: allowed
          ? [...allowed[1]!.matchAll(/'([^']*)'|(\d+)/g)].map((m) => m[1] ?? m[2]!)
          : undefined,
        secure: decorators.includes('@secure()'),
      });
      decorators = '';
    } else if (trimmed.startsWith('@') || (decorators !== '' && /^('[^']*'|\d+|\]\))$/.test(trimmed))) {
      decorators += `${trimmed}\n`;
    } else if (trimmed !== '' && !trimmed.startsWith('//')) {
      decorators = '';
    }
  }
  return params;
}

interface AppSetting {
  name: string;
  /** The value's Bicep source text. */
  expr: string;
}

/** `var <name>AppSettings = [ { name: '…' value: … } … ]` blocks, by variable name. */
function readAppSettingBlocks(text: string): Map<string, AppSetting[]> {
  const blocks = new Map<string, AppSetting[]>();
  for (const m of text.matchAll(/^var (\w+AppSettings) = \[\n([\s\S]*?)^\]/gm)) {
    const entries = [...m[2]!.matchAll(/name: '([^']+)'\n\s*value: (.+)/g)].map((e) => ({
      name: e[1]!,
      expr: e[2]!.trim(),
    }));
    blocks.set(m[1]!, entries);
  }
  return blocks;
}

/** The Bicep literal a simple expression stands for, else undefined. */
function literal(expr: string): string | number | boolean | undefined {
  const s = /^'([^'$]*)'$/.exec(expr);
  if (s) return s[1];
  if (/^\d+$/.test(expr)) return Number(expr);
  if (expr === 'true' || expr === 'false') return expr === 'true';
  return undefined;
}

const params = readParams(bicep);
const blocks = readAppSettingBlocks(bicep);
const parameterFile = JSON.parse(fs.readFileSync(PARAMS_FILE, 'utf8')) as {
  parameters: Record<string, { value?: unknown; reference?: unknown }>;
};

type Shape = 'SingleTenant' | 'UserAssignedMSI';

/** The settings the web app gets for one choice of bot authentication (see `appSettings: concat(…)`). */
function settingsFor(shape: Shape, withGraphSecret: boolean): AppSetting[] {
  return [
    ...(blocks.get('commonAppSettings') ?? []),
    ...(shape === 'SingleTenant' ? (blocks.get('singleTenantAppSettings') ?? []) : []),
    ...(withGraphSecret ? (blocks.get('graphSecretAppSettings') ?? []) : []),
  ];
}

/** The environment the app would see: literals, parameter values from the example file, samples. */
function envFor(shape: Shape, withGraphSecret = false): Record<string, string> {
  const paramValues: Record<string, unknown> = { botAuthType: shape };
  for (const [name, p] of params) {
    const given = parameterFile.parameters[name]?.value;
    if (name !== 'botAuthType')
      paramValues[name] = given ?? (p.defaultExpr !== undefined ? literal(p.defaultExpr) : undefined);
  }
  const env: Record<string, string> = {};
  for (const s of settingsFor(shape, withGraphSecret)) {
    const value =
      literal(s.expr) ??
      (/^\w+$/.test(s.expr) && params.has(s.expr) ? paramValues[s.expr] : undefined) ??
      SAMPLE_VALUES[s.name];
    if (value === undefined)
      throw new Error(`${s.name}: add a sample value for the expression ${s.expr} to SAMPLE_VALUES`);
    env[s.name] = String(value);
  }
  return env;
}

function tryLoad(env: Record<string, string>): Config | string[] {
  try {
    return loadConfig(env, root);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

/** What "production" means for this template: authenticated, PostgreSQL, reachable, real directory. */
function isProductionShape(c: Config | string[]): boolean {
  return (
    !Array.isArray(c) &&
    !c.localMode &&
    c.database.engine === 'postgres' &&
    c.host === '0.0.0.0' &&
    c.directoryCsv !== path.join(root, 'infra/demo/directory.csv')
  );
}

const schemaKeys = Object.keys(EnvSchema.shape);

describe('Azure template against the config schema', () => {
  it('reads the app settings and parameters of the template', () => {
    expect([...blocks.keys()].sort()).toEqual([
      'commonAppSettings',
      'graphSecretAppSettings',
      'singleTenantAppSettings',
    ]);
    // The web app uses exactly these blocks.
    expect(bicep).toMatch(
      /appSettings: concat\(\s*commonAppSettings,\s*isMsi \? \[\] : singleTenantAppSettings,\s*empty\(graphClientSecret\) \? \[\] : graphSecretAppSettings\s*\)/,
    );
    expect(settingsFor('SingleTenant', false).length).toBeGreaterThan(10);
    expect(params.get('postgresAdminPassword')).toMatchObject({ secure: true, defaultExpr: undefined });
  });

  it('sets no name the schema does not know (typos), and none that must differ per instance', () => {
    const names = settingsFor('SingleTenant', true).map((s) => s.name);
    expect(names.filter((n) => !schemaKeys.includes(n) && !PLATFORM_SETTINGS.has(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    // One INSTANCE_ID for every instance would make them take over each other's claims; PORT is
    // App Service's; WEBSITE_* are read-only platform variables.
    for (const forbidden of ['INSTANCE_ID', 'PORT', 'WEBSITE_INSTANCE_ID', 'WEBSITE_SITE_NAME'])
      expect(names).not.toContain(forbidden);
  });

  it('provides every setting the schema requires without a default', () => {
    const required = schemaKeys.filter(
      (k) =>
        !(EnvSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[k]!.safeParse(
          undefined,
        ).success,
    );
    const names = new Set(settingsFor('UserAssignedMSI', false).map((s) => s.name));
    expect(required.filter((k) => !names.has(k))).toEqual([]);
  });

  for (const shape of ['SingleTenant', 'UserAssignedMSI'] as const) {
    it(`gives a valid production configuration with ${shape}, and each setting it needs is there`, () => {
      const env = envFor(shape);
      const config = tryLoad(env);
      expect(config).not.toBeInstanceOf(Array);
      expect(isProductionShape(config)).toBe(true);
      const c = config as Config;
      expect(c.auth?.appType).toBe(shape);
      expect(c.auth?.appPassword !== undefined).toBe(shape === 'SingleTenant');
      expect(c.allowedTenantIds.length).toBeGreaterThan(0);
      // Derived from the schema: the settings without which this is no longer a valid production
      // configuration. Each must be in the template (it is, since the full set passed above), and
      // the list must name at least what the schema's own rules say.
      const needed = Object.keys(env).filter((k) => {
        const rest = { ...env };
        delete rest[k];
        return !isProductionShape(tryLoad(rest));
      });
      expect(needed).toEqual(
        expect.arrayContaining([
          'HOST',
          'DATABASE_URL',
          'MICROSOFT_APP_ID',
          'MICROSOFT_APP_TENANT_ID',
          'ALLOWED_TENANT_IDS',
          'DIRECTORY_CSV',
          ...(shape === 'SingleTenant' ? ['MICROSOFT_APP_PASSWORD'] : []),
        ]),
      );
    });
  }

  it('stays valid with Graph installation through a separate app registration', () => {
    const env = {
      ...envFor('UserAssignedMSI', true),
      TEAMS_CATALOG_APP_ID: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    };
    expect(tryLoad({ ...env, GRAPH_CLIENT_ID: '2b3c4d5e-6f70-4182-9a3b-4c5d6e7f8091' })).not.toBeInstanceOf(
      Array,
    );
    // Without the separate registration's id the schema refuses: the template's parameter is needed.
    expect(tryLoad(env)).toEqual([expect.stringMatching(/^GRAPH_CLIENT_ID: is required/)]);
  });

  it('takes every secret from Key Vault, never as a literal or a parameter', () => {
    const all = [...blocks.values()].flat();
    for (const name of SECRET_SETTINGS) {
      const s = all.find((x) => x.name === name);
      expect(s, name).toBeDefined();
      expect(s!.expr, name).toMatch(/^'\$\{kvRef\}[\w${}.-]+\/\)'$/);
    }
    expect(bicep).toMatch(
      /var kvRef = '@Microsoft\.KeyVault\(SecretUri=\$\{keyVault\.properties\.vaultUri\}secrets\/'/,
    );
    expect(bicep).toMatch(/enableRbacAuthorization: true/);
    // TLS with the server certificate verified (pg treats sslmode=require as verify-full anyway).
    expect(bicep).toMatch(/:5432\/\$\{postgresDatabaseName\}\?sslmode=verify-full'/);
  });
});

describe('Azure template: bot, App Service and PostgreSQL', () => {
  it('never deploys a multi-tenant bot', () => {
    expect(bicep).not.toMatch(/MultiTenant/i);
    expect(params.get('botAuthType')?.allowed).toEqual(['SingleTenant', 'UserAssignedMSI']);
    expect(bicep).toMatch(/msaAppType: botAuthType\n/);
    expect(bicep).toMatch(/name: 'MsTeamsChannel'[\s\S]*?isEnabled: true/);
  });

  it('runs Node 20 on Linux, two or more instances by default, health-checked at /healthz', () => {
    expect([...bicep.matchAll(/linuxFxVersion: '([^']+)'/g)].map((m) => m[1])).toEqual(['NODE|20-lts']);
    const capacity = params.get('instanceCount');
    expect(Number(capacity?.defaultExpr)).toBeGreaterThanOrEqual(2);
    expect(bicep).toMatch(/capacity: instanceCount\n/);
    expect(bicep).toMatch(/alwaysOn: true\n/);
    expect(bicep).toMatch(/healthCheckPath: '\/healthz'\n/);
    expect(bicep).toMatch(/reserved: true\n/);
    // The start command runs what `npm run build` produces (tsc → dist/src/main.js).
    expect(bicep).toMatch(/appCommandLine: 'node dist\/src\/main\.js'\n/);
    expect(fs.existsSync(path.join(root, 'src/main.ts'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'))).toMatchObject({
      compilerOptions: { outDir: 'dist', rootDir: '.' },
    });
  });

  it('uses PostgreSQL 15 or 16 with TLS required', () => {
    expect(params.get('postgresVersion')?.allowed).toEqual(['15', '16']);
    expect(bicep).toMatch(/name: 'require_secure_transport'\n\s*properties: \{\n\s*value: 'on'/);
  });
});

describe('main.parameters.json', () => {
  it('gives every parameter without a default, names only parameters of the template, within @allowed', () => {
    const given = Object.keys(parameterFile.parameters);
    const withoutDefault = [...params.values()].filter((p) => p.defaultExpr === undefined).map((p) => p.name);
    expect(withoutDefault.length).toBeGreaterThan(0);
    expect(withoutDefault.filter((n) => !given.includes(n))).toEqual([]);
    expect(given.filter((n) => !params.has(n))).toEqual([]);
    for (const [name, entry] of Object.entries(parameterFile.parameters)) {
      const p = params.get(name)!;
      if (p.allowed && entry.value !== undefined) expect(p.allowed, name).toContain(String(entry.value));
      // Secrets are Key Vault references in the file, never values.
      if (p.secure) expect(entry.value, name).toBeUndefined();
      if (p.type === 'int' && entry.value !== undefined) expect(typeof entry.value, name).toBe('number');
    }
  });
});
