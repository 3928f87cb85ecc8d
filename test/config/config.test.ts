import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_TENANT_ID, loadConfig } from '../../src/config/config';

const root = path.resolve(__dirname, '../..');
const APP = '11111111-2222-4333-8444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env, root);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults to local mode on loopback with a SQLite file under ./data and the demo directory', () => {
    const c = loadConfig({}, root);
    expect(c.port).toBe(3978);
    expect(c.host).toBe('127.0.0.1');
    expect(c.localMode).toBe(true);
    expect(c.auth).toBeUndefined();
    expect(c.database).toEqual({ engine: 'sqlite', file: path.resolve('data/security-desk.db') });
    expect(c.directoryCsv).toBe(path.join(root, 'infra/demo/directory.csv'));
    expect(c.allowedTenantIds).toEqual([DEMO_TENANT_ID]);
  });

  it('names the variable and the problem', () => {
    expect(problems({ PORT: 'abc' })[0]).toMatch(/^PORT: /);
    expect(problems({ PORT: '70000' })[0]).toMatch(/^PORT: /);
    expect(problems({ DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL: must start with sqlite:/);
    expect(problems({ DATABASE_URL: 'postgres:///db' })[0]).toMatch(
      /^DATABASE_URL: postgres:\/\/ needs a host/,
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }, root).database).toEqual({
      engine: 'postgres',
      url: 'postgres://u@h:5432/db',
    });
    expect(problems({ MICROSOFT_APP_ID: 'not-a-guid' })[0]).toMatch(/^MICROSOFT_APP_ID: must be a GUID/);
    expect(problems({ ALLOWED_TENANT_IDS: 'x,y' })[0]).toMatch(/^ALLOWED_TENANT_IDS: /);
  });

  it('keeps audit anchors beside the SQLite file and reads retention per ledger', () => {
    const c = loadConfig({ DATABASE_URL: 'sqlite:/var/lib/secdesk/desk.db' }, root);
    expect(c.auditAnchor).toEqual({
      dir: '/var/lib/secdesk/audit-anchors',
      keyFile: '/var/lib/secdesk/audit-anchor-key.pem',
      intervalMinutes: 60,
      postHours: 24,
    });
    const r = loadConfig(
      { LEDGER_RETENTION_YEARS: 'takeout=3, incident=10', AUDIT_ANCHOR_DIR: '/mnt/worm' },
      root,
    );
    expect(r.retentionYears).toMatchObject({ takeout: 3, incident: 10, exception: 5, media_disposal: 5 });
    expect(r.auditAnchor.dir).toBe('/mnt/worm');
    expect(problems({ LEDGER_RETENTION_YEARS: 'takeout=0' })[0]).toMatch(
      /^LEDGER_RETENTION_YEARS: "takeout=0": must be/,
    );
    expect(problems({ LEDGER_RETENTION_YEARS: 'diary=5' })[0]).toMatch(/^LEDGER_RETENTION_YEARS: "diary=5"/);
    expect(problems({ AUDIT_ANCHOR_INTERVAL_MINUTES: '0' })[0]).toMatch(/^AUDIT_ANCHOR_INTERVAL_MINUTES: /);
    // The bot runs the daily purge itself unless the database owner does (infra/postgres/roles.sql).
    expect(c.retentionRun).toBe('in-process');
    expect(loadConfig({ LEDGER_RETENTION_RUN: 'external' }, root).retentionRun).toBe('external');
    expect(problems({ LEDGER_RETENTION_RUN: 'never' })[0]).toMatch(/^LEDGER_RETENTION_RUN: /);
  });

  it('refuses anonymous mode on a non-loopback address', () => {
    expect(problems({ HOST: '0.0.0.0' })).toEqual([
      expect.stringMatching(/^HOST: must be a loopback address/),
    ]);
  });

  it('requires a password and an explicit tenant allow-list once an app id is set', () => {
    const p = problems({ MICROSOFT_APP_ID: APP });
    expect(p).toContainEqual(expect.stringMatching(/^MICROSOFT_APP_PASSWORD: is required/));
    expect(p).toContainEqual(expect.stringMatching(/^ALLOWED_TENANT_IDS: is required/));
  });

  it('builds the authenticated configuration', () => {
    const c = loadConfig(
      {
        MICROSOFT_APP_ID: APP,
        MICROSOFT_APP_PASSWORD: 'secret',
        MICROSOFT_APP_TENANT_ID: TENANT.toUpperCase(),
        ALLOWED_TENANT_IDS: ` ${TENANT.toUpperCase()} , `,
        HOST: '0.0.0.0',
        DATABASE_URL: 'sqlite:/tmp/x/y.db',
      },
      root,
    );
    expect(c.localMode).toBe(false);
    expect(c.auth).toEqual({
      appId: APP,
      appPassword: 'secret',
      appTenantId: TENANT,
      appType: 'SingleTenant',
    });
    expect(c.allowedTenantIds).toEqual([TENANT]);
    expect(c.database).toEqual({ engine: 'sqlite', file: '/tmp/x/y.db' });
  });
});
