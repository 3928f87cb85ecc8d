import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_VERBS } from '../../src/teams/card-actions';
import { CARD_HANDLERS } from '../../src/teams/app';
import { DEMO, teamsActivity } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';

describe('identity, references and welcome', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start();
  });
  afterAll(async () => h.stop());

  it('tells a person who is not in the directory to contact the IT administrator, and does nothing else', async () => {
    const stranger = '12345678-1234-4234-8234-123456789012';
    const replies = await h.say(stranger, 'ICカードをなくしました');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.cardText).toContain('IT管理者');
    expect(
      await h.bot.db.query('SELECT * FROM conversation_refs WHERE aad_object_id = ?', [stranger]),
    ).toEqual([]);
    expect(await h.bot.db.query('SELECT * FROM drafts')).toEqual([]);
  });

  it('welcomes once although install events repeat on every page load, and keeps the latest serviceUrl', async () => {
    const install = () =>
      h.post({
        ...teamsActivity({ from: DEMO.chief, serviceUrl: h.connector.url, type: 'installationUpdate' }),
        action: 'add',
      });
    expect(await install()).toBe(200);
    expect(await install()).toBe(200);
    const added = {
      ...teamsActivity({ from: DEMO.chief, serviceUrl: h.connector.url, type: 'conversationUpdate' }),
      membersAdded: [{ id: '28:00000000-0000-4000-8000-00000000b07d' }],
    };
    // The welcome is the turn's own reply: sent before the HTTP answer, so nothing to wait for.
    expect(await h.post(added)).toBe(200);
    const welcomes = h.inbox(DEMO.chief).filter((r) => r.cardText.includes('情報セキュリティ窓口'));
    expect(welcomes).toHaveLength(1);
    const ref = await h.bot.db.one<{ reference_json: string }>(
      'SELECT reference_json FROM conversation_refs WHERE aad_object_id = ?',
      [DEMO.chief],
    );
    expect(JSON.parse(ref!.reference_json).serviceUrl).toBe(h.connector.url);
  });

  it('answers text it does not recognise with the menu, never silence', async () => {
    const replies = await h.say(DEMO.staff, '今日の天気は？');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain('すみません、内容を読み取れませんでした');
    expect(replies[0]?.cardText).toContain('menu.select');
  });

  it('has exactly one route for every card verb, and no route without a card verb', () => {
    expect(Object.keys(CARD_HANDLERS).sort()).toEqual([...CARD_VERBS].sort());
  });
});
