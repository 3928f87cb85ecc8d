import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultInstanceId, loadConfig } from '../../src/config/config';

const root = path.resolve(__dirname, '../..');
const APP = '11111111-2222-4333-8444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const CATALOG = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const PROD = { MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: 'pw', ALLOWED_TENANT_IDS: TENANT };

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env, root);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('delivery configuration', () => {
  it('derives a stable instance id from the host and the data folder, the same after a restart', () => {
    const a = loadConfig({ DATABASE_URL: 'sqlite:/srv/desk/data/desk.db' }, root).delivery.instanceId;
    expect(loadConfig({ DATABASE_URL: 'sqlite:/srv/desk/data/desk.db' }, root).delivery.instanceId).toBe(a);
    expect(a.startsWith(`${os.hostname().toLowerCase().slice(0, 20)}`)).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'sqlite:/srv/other/desk.db' }, root).delivery.instanceId).not.toBe(a);
    expect(defaultInstanceId({ engine: 'sqlite', file: '/srv/desk/data/desk.db' }, 'host-a')).not.toBe(
      defaultInstanceId({ engine: 'sqlite', file: '/srv/desk/data/desk.db' }, 'host-b'),
    );
    expect(loadConfig({ INSTANCE_ID: 'desk-1' }, root).delivery.instanceId).toBe('desk-1');
    expect(problems({ INSTANCE_ID: 'has space' })[0]).toMatch(/^INSTANCE_ID: /);
  });

  it('takes TEAMS_SERVICE_URL as an http(s) URL, https only in production unless loopback', () => {
    expect(loadConfig({}, root).delivery.serviceUrl).toBeUndefined();
    expect(loadConfig({ TEAMS_SERVICE_URL: 'http://127.0.0.1:5000/' }, root).delivery.serviceUrl).toBe(
      'http://127.0.0.1:5000/',
    );
    expect(problems({ TEAMS_SERVICE_URL: 'smba' })[0]).toMatch(/^TEAMS_SERVICE_URL: must be an absolute/);
    expect(problems({ ...PROD, TEAMS_SERVICE_URL: 'http://smba.trafficmanager.net/jp/' })).toEqual([
      'TEAMS_SERVICE_URL: must be https when MICROSOFT_APP_ID is set (http only to a loopback host)',
    ]);
    expect(problems({ ...PROD, TEAMS_SERVICE_URL: 'https://smba.trafficmanager.net/jp/' })).toEqual([]);
  });

  it('leaves Graph installation off unless the catalog app id is set, then uses the bot’s credentials', () => {
    expect(loadConfig(PROD, root).delivery.graph).toBeUndefined();
    expect(loadConfig({ ...PROD, TEAMS_CATALOG_APP_ID: CATALOG }, root).delivery.graph).toEqual({
      catalogAppId: CATALOG,
      baseUrl: 'https://graph.microsoft.com/v1.0',
      loginUrl: 'https://login.microsoftonline.com',
      clientId: APP,
      clientSecret: 'pw',
      tenantId: undefined,
    });
    expect(
      loadConfig(
        {
          TEAMS_CATALOG_APP_ID: CATALOG,
          GRAPH_BASE_URL: 'http://127.0.0.1:9/v1.0/',
          GRAPH_LOGIN_URL: 'http://127.0.0.1:9',
          GRAPH_CLIENT_ID: APP,
          GRAPH_CLIENT_SECRET: 's',
        },
        root,
      ).delivery.graph,
    ).toMatchObject({
      baseUrl: 'http://127.0.0.1:9/v1.0',
      loginUrl: 'http://127.0.0.1:9',
      clientSecret: 's',
    });
  });

  it('refuses Graph installation without credentials or with a bad catalog id', () => {
    expect(problems({ TEAMS_CATALOG_APP_ID: CATALOG })).toEqual([
      'GRAPH_CLIENT_ID: is required with TEAMS_CATALOG_APP_ID when MICROSOFT_APP_ID is unset',
      'GRAPH_CLIENT_SECRET: is required with TEAMS_CATALOG_APP_ID when MICROSOFT_APP_PASSWORD is unset (the client secret of the app registration)',
    ]);
    expect(problems({ TEAMS_CATALOG_APP_ID: 'my-app' })[0]).toMatch(/^TEAMS_CATALOG_APP_ID: must be a GUID/);
    expect(
      problems({ ...PROD, TEAMS_CATALOG_APP_ID: CATALOG, GRAPH_BASE_URL: 'http://graph.example/v1.0' }),
    ).toEqual(['GRAPH_BASE_URL: must be https when MICROSOFT_APP_ID is set (http only to a loopback host)']);
  });
});
