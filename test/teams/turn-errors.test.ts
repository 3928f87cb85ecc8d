// A turn that fails is answered, never left to botbuilder's defaults: the user gets an apology,
// a card click gets an error the client can show (not 501 "not implemented").
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { turnHandler } from '../../src/teams/app';
import type { BotDeps } from '../../src/teams/deps';

const failingApp = { run: async () => Promise.reject(new Error('boom')) } as never;
const deps = { logger: createLogger('silent') } as unknown as BotDeps;

describe('a turn that throws', () => {
  it('answers a card click (invoke) with 200 and an error body saying to try again', async () => {
    const adapter = new TestAdapter(turnHandler(failingApp, deps));
    await adapter.processActivity({
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      locale: 'ja-JP',
      value: { action: { type: 'Action.Execute', verb: 'case.refresh', data: {} } },
    } as Partial<Activity>);
    const sent = adapter.activeQueue.find((a) => a.type === 'invokeResponse');
    expect(sent?.value).toEqual({
      status: 200,
      body: {
        statusCode: 500,
        type: 'application/vnd.microsoft.error',
        value: { code: 'InternalError', message: expect.stringContaining('エラーが発生しました') },
      },
    });
  });

  it('answers a message with the apology in Japanese', async () => {
    const adapter = new TestAdapter(turnHandler(failingApp, deps));
    await adapter.send({ type: 'message', text: 'x', locale: 'ja-JP' } as Partial<Activity>);
    expect(adapter.activeQueue.map((a) => a.text)).toEqual([expect.stringContaining('エラーが発生しました')]);
  });
});
