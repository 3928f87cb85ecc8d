import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appServiceInstanceId, ConfigError, loadConfig } from '../../src/config/config';

const root = path.resolve(__dirname, '../..');
const APP = '11111111-2222-4333-8444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const PROD = { MICROSOFT_APP_ID: APP, ALLOWED_TENANT_IDS: TENANT, HOST: '0.0.0.0' };

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env, root);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('configuration for Azure (issue 11)', () => {
  it('accepts a user-assigned managed identity: client id and tenant, no password', () => {
    const c = loadConfig(
      { ...PROD, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT },
      root,
    );
    expect(c.auth).toEqual({
      appId: APP,
      appPassword: undefined,
      appTenantId: TENANT,
      appType: 'UserAssignedMSI',
    });
    expect(c.localMode).toBe(false);
  });

  it('refuses what botbuilder would refuse at the first request, naming the variable', () => {
    expect(problems({ ...PROD, MICROSOFT_APP_TYPE: 'UserAssignedMSI' })).toEqual([
      'MICROSOFT_APP_TENANT_ID: is required when MICROSOFT_APP_TYPE is UserAssignedMSI',
    ]);
    expect(
      problems({
        ...PROD,
        MICROSOFT_APP_TYPE: 'UserAssignedMSI',
        MICROSOFT_APP_TENANT_ID: TENANT,
        MICROSOFT_APP_PASSWORD: 'secret',
      }),
    ).toEqual([
      expect.stringMatching(
        /^MICROSOFT_APP_PASSWORD: must be unset when MICROSOFT_APP_TYPE is UserAssignedMSI/,
      ),
    ]);
    expect(problems({ ...PROD, MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_PASSWORD: 'pw' })).toEqual([
      'MICROSOFT_APP_TENANT_ID: is required when MICROSOFT_APP_TYPE is SingleTenant',
    ]);
    expect(
      problems({
        ...PROD,
        MICROSOFT_APP_TYPE: 'SingleTenant',
        MICROSOFT_APP_PASSWORD: 'pw',
        MICROSOFT_APP_TENANT_ID: TENANT,
      }),
    ).toEqual([]);
  });

  it('takes the instance id from App Service: one per VM instance, the same after a restart', () => {
    const vmA = 'A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90';
    const vmB = 'ffee' + vmA.slice(4);
    const env = { DATABASE_URL: 'postgres://u@db.example:5432/desk', WEBSITE_SITE_NAME: 'SecDesk-Web' };
    const a = loadConfig({ ...env, WEBSITE_INSTANCE_ID: vmA }, root).delivery.instanceId;
    expect(a).toBe('secdesk-web:a1b2c3d4e5f60718293a4b5c6d7e8f90');
    expect(loadConfig({ ...env, WEBSITE_INSTANCE_ID: vmA }, root).delivery.instanceId).toBe(a);
    expect(loadConfig({ ...env, WEBSITE_INSTANCE_ID: vmB }, root).delivery.instanceId).not.toBe(a);
    // An explicit INSTANCE_ID still wins; without App Service the host-name default applies.
    expect(
      loadConfig({ ...env, WEBSITE_INSTANCE_ID: vmA, INSTANCE_ID: 'desk-1' }, root).delivery.instanceId,
    ).toBe('desk-1');
    expect(loadConfig(env, root).delivery.instanceId).not.toMatch(/^secdesk-web:/);
    expect(appServiceInstanceId(undefined, vmA)).toBe('appservice:a1b2c3d4e5f60718293a4b5c6d7e8f90');
    expect(appServiceInstanceId('x', ' - ')).toBeUndefined();
    expect(loadConfig({ ...env, INSTANCE_ID: a }, root).delivery.instanceId).toBe(a); // a valid INSTANCE_ID
  });
});

describe('Microsoft Graph under a managed identity', () => {
  it('does not pair the identity’s client id with another registration’s secret', () => {
    const msi = {
      ...PROD,
      MICROSOFT_APP_TYPE: 'UserAssignedMSI',
      MICROSOFT_APP_TENANT_ID: TENANT,
      TEAMS_CATALOG_APP_ID: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      GRAPH_CLIENT_SECRET: 'graph-secret',
    };
    expect(problems(msi)).toEqual([
      expect.stringMatching(
        /^GRAPH_CLIENT_ID: is required with TEAMS_CATALOG_APP_ID when MICROSOFT_APP_TYPE is UserAssignedMSI/,
      ),
    ]);
    const GRAPH_APP = '2b3c4d5e-6f70-4182-9a3b-4c5d6e7f8091';
    const c = loadConfig({ ...msi, GRAPH_CLIENT_ID: GRAPH_APP }, root);
    expect(c.delivery.graph).toMatchObject({
      clientId: GRAPH_APP,
      clientSecret: 'graph-secret',
      tenantId: TENANT,
    });
    // No Graph credentials at all for the directory sync: the identity alone cannot call it here.
    const bare: NodeJS.ProcessEnv = { ...msi };
    delete bare.TEAMS_CATALOG_APP_ID;
    delete bare.GRAPH_CLIENT_SECRET;
    expect(loadConfig(bare, root).directorySync.graph).toBeUndefined();
  });
});
