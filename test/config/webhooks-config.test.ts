import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config';

const root = path.resolve(__dirname, '../..');
const APP = '11111111-2222-4333-8444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const SECRET = 'x'.repeat(32);
const PROD = { MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: 'pw', ALLOWED_TENANT_IDS: TENANT };

const hook = (over: Record<string, unknown> = {}) => ({
  name: 'access-control',
  url: 'http://127.0.0.1:8080/hooks/ic-card',
  events: ['case.submitted'],
  kinds: ['lost_ic_card'],
  secretEnv: 'WEBHOOK_SECRET_ACCESS_CONTROL',
  ...over,
});

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env, root);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('WEBHOOKS', () => {
  it('is empty when unset or blank', () => {
    expect(loadConfig({}, root).webhooks).toEqual([]);
    expect(loadConfig({ WEBHOOKS: '  ' }, root).webhooks).toEqual([]);
    expect(loadConfig({ WEBHOOKS: '[]' }, root).webhooks).toEqual([]);
  });

  it('parses the hooks and resolves each secret from the variable it names', () => {
    const c = loadConfig(
      {
        WEBHOOKS: JSON.stringify([hook(), hook({ name: 'siem', events: ['case.closed'], kinds: undefined })]),
        WEBHOOK_SECRET_ACCESS_CONTROL: SECRET,
      },
      root,
    );
    expect(c.webhooks).toEqual([
      {
        name: 'access-control',
        url: 'http://127.0.0.1:8080/hooks/ic-card',
        events: ['case.submitted'],
        kinds: ['lost_ic_card'],
        secretEnv: 'WEBHOOK_SECRET_ACCESS_CONTROL',
        secret: SECRET,
      },
      {
        name: 'siem',
        url: 'http://127.0.0.1:8080/hooks/ic-card',
        events: ['case.closed'],
        secretEnv: 'WEBHOOK_SECRET_ACCESS_CONTROL',
        secret: SECRET,
      },
    ]);
  });

  it('fails fast naming the secret variable when it is missing or short', () => {
    expect(problems({ WEBHOOKS: JSON.stringify([hook()]) })).toEqual([
      expect.stringMatching(/^WEBHOOK_SECRET_ACCESS_CONTROL: is required .*"access-control"/),
    ]);
    expect(problems({ WEBHOOKS: JSON.stringify([hook()]), WEBHOOK_SECRET_ACCESS_CONTROL: 'short' })).toEqual([
      expect.stringMatching(/^WEBHOOK_SECRET_ACCESS_CONTROL: must be at least 16 characters/),
    ]);
  });

  it('names WEBHOOKS and the entry for malformed lists', () => {
    expect(problems({ WEBHOOKS: '{not json' })).toEqual([expect.stringMatching(/^WEBHOOKS: .*JSON/)]);
    expect(problems({ WEBHOOKS: '{}' })[0]).toMatch(/^WEBHOOKS: /);
    expect(problems({ WEBHOOKS: JSON.stringify([hook({ url: 'ftp://h/x' })]) })).toEqual([
      expect.stringMatching(/^WEBHOOKS\.0\.url: must be an http\(s\) URL/),
    ]);
    expect(problems({ WEBHOOKS: JSON.stringify([hook({ url: 'not a url' })]) })[0]).toMatch(
      /^WEBHOOKS\.0\.url: /,
    );
    expect(problems({ WEBHOOKS: JSON.stringify([hook({ url: 'https://u:p@h/x' })]) })[0]).toMatch(
      /^WEBHOOKS\.0\.url: must not contain credentials/,
    );
    expect(problems({ WEBHOOKS: JSON.stringify([hook({ events: [] })]) })[0]).toMatch(
      /^WEBHOOKS\.0\.events: /,
    );
    expect(problems({ WEBHOOKS: JSON.stringify([hook({ kinds: ['nope'] })]) })[0]).toMatch(
      /^WEBHOOKS\.0\.kinds\.0: /,
    );
    expect(problems({ WEBHOOKS: JSON.stringify([hook({ secretEnv: 'lower-case' })]) })[0]).toMatch(
      /^WEBHOOKS\.0\.secretEnv: /,
    );
    expect(problems({ WEBHOOKS: JSON.stringify([hook({ secret: SECRET })]) })[0]).toMatch(/^WEBHOOKS\.0: /);
    expect(problems({ WEBHOOKS: JSON.stringify([hook(), hook()]) })[0]).toMatch(
      /^WEBHOOKS\.1\.name: is not unique/,
    );
  });

  it('requires https in production unless the receiver is on this machine', () => {
    const env = { ...PROD, WEBHOOK_SECRET_ACCESS_CONTROL: SECRET };
    expect(
      problems({ ...env, WEBHOOKS: JSON.stringify([hook({ url: 'http://acs.example.jp/h' })]) }),
    ).toEqual([expect.stringMatching(/^WEBHOOKS\.0\.url: must be https when MICROSOFT_APP_ID is set/)]);
    for (const url of [
      'https://acs.example.jp/h',
      'http://127.0.0.1:8080/h',
      'http://localhost/h',
      'http://[::1]:9/h',
    ]) {
      expect(loadConfig({ ...env, WEBHOOKS: JSON.stringify([hook({ url })]) }, root).webhooks[0]?.url).toBe(
        url,
      );
    }
    // Local mode may call a plain-http receiver anywhere (test rigs).
    expect(
      loadConfig(
        {
          WEBHOOKS: JSON.stringify([hook({ url: 'http://acs.example.jp/h' })]),
          WEBHOOK_SECRET_ACCESS_CONTROL: SECRET,
        },
        root,
      ).webhooks,
    ).toHaveLength(1);
  });

  it('reports a bad URL once, not a crash, in production', () => {
    expect(problems({ ...PROD, WEBHOOKS: JSON.stringify([hook({ url: 'nope' })]) })).toEqual([
      expect.stringMatching(/^WEBHOOKS\.0\.url: /),
    ]);
  });
});
