import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config';

const root = path.resolve(__dirname, '../..');
const PROD = {
  MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555',
  MICROSOFT_APP_PASSWORD: 'pw',
  ALLOWED_TENANT_IDS: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
};

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env, root);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('PUBLIC_BASE_URL (download links of 連絡網の出力)', () => {
  it('is optional, an http(s) URL without credentials, kept without a trailing slash', () => {
    expect(loadConfig({}, root).publicBaseUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://localhost:3978/' }, root).publicBaseUrl).toBe(
      'http://localhost:3978',
    );
    expect(problems({ PUBLIC_BASE_URL: 'desk.example.jp' })[0]).toMatch(
      /^PUBLIC_BASE_URL: must be an absolute/,
    );
    expect(problems({ PUBLIC_BASE_URL: 'ftp://desk.example.jp' })[0]).toMatch(
      /^PUBLIC_BASE_URL: must be an http/,
    );
    expect(problems({ PUBLIC_BASE_URL: 'https://u:p@desk.example.jp' })[0]).toMatch(/credentials/);
  });

  it('must be https in production (loopback excepted)', () => {
    expect(problems({ ...PROD, PUBLIC_BASE_URL: 'http://desk.example.jp' })).toEqual([
      'PUBLIC_BASE_URL: must be https when MICROSOFT_APP_ID is set (http only to a loopback host)',
    ]);
    expect(loadConfig({ ...PROD, PUBLIC_BASE_URL: 'https://desk.example.jp/bot' }, root).publicBaseUrl).toBe(
      'https://desk.example.jp/bot',
    );
  });
});
