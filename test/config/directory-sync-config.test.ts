import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, loadConfig } from '../../src/config/config';

const root = path.resolve(__dirname, '../..');
const APP = '11111111-2222-4333-8444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const OTHER = 'bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee';

describe('directory sync configuration (GRAPH_*, DEPARTMENT_MAP)', () => {
  it('is off without credentials and needs no TEAMS_CATALOG_APP_ID', () => {
    expect(loadConfig({}, root).directorySync).toEqual({
      graph: undefined,
      tenantId: DEMO_TENANT_ID,
      departmentMapFile: undefined,
    });
    const c = loadConfig(
      {
        GRAPH_CLIENT_ID: APP,
        GRAPH_CLIENT_SECRET: 's',
        GRAPH_BASE_URL: 'http://127.0.0.1:9/v1.0/',
        DEPARTMENT_MAP: 'infra/map.json',
      },
      root,
    );
    expect(c.directorySync).toEqual({
      graph: {
        baseUrl: 'http://127.0.0.1:9/v1.0',
        loginUrl: 'https://login.microsoftonline.com',
        clientId: APP,
        clientSecret: 's',
        tenantId: undefined,
      },
      tenantId: DEMO_TENANT_ID,
      departmentMapFile: path.join(root, 'infra/map.json'),
    });
    expect(c.delivery.graph).toBeUndefined();
  });

  it('uses the bot’s own registration and reads the app’s tenant, else the only allowed one', () => {
    const prod = {
      MICROSOFT_APP_ID: APP,
      MICROSOFT_APP_PASSWORD: 'pw ',
      ALLOWED_TENANT_IDS: `${TENANT},${OTHER}`,
    };
    const c = loadConfig(prod, root).directorySync;
    expect(c.graph).toMatchObject({
      clientId: APP,
      clientSecret: 'pw',
      baseUrl: 'https://graph.microsoft.com/v1.0',
    });
    expect(c.tenantId).toBeUndefined(); // two tenants: which one to read is not guessed
    expect(loadConfig({ ...prod, ALLOWED_TENANT_IDS: TENANT }, root).directorySync.tenantId).toBe(TENANT);
    expect(loadConfig({ ...prod, MICROSOFT_APP_TENANT_ID: OTHER }, root).directorySync.tenantId).toBe(OTHER);
  });
});
