import { storedText } from '../../src/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../src/config/config';
import { AuditRepo } from '../../src/storage/audit-repo';
import { ConversationRepo } from '../../src/storage/conversation-repo';
import { OutboxRepo, PRIORITY } from '../../src/storage/outbox-repo';
import { TenantRepo } from '../../src/storage/tenant-repo';
import { DEFAULT_SENDER_OPTIONS } from '../../src/teams/sender';
import { BOT_ID, DEMO } from '../helpers/activities';
import { BotHarness, cardActions } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const createdFor = (b: BotHarness, aad: string) =>
  b.connector.created.filter((c) => (c.members as Array<{ id: string }>)[0]?.id === aad);
const routedCards = (b: BotHarness, aad: string, caseId: string) =>
  b.inbox(aad).filter((r) => r.raw.method === 'POST' && r.cardText.includes(caseId));

describe('reaching a person who never opened the bot', () => {
  it('creates the 1:1 conversation from their aadObjectId and tenant on the service URL learned from the tenant, stores it and uses it again', async () => {
    h = await BotHarness.start();
    const b = h;
    await b.say(DEMO.staff, 'こんにちは'); // the only activity: the officer has never chatted
    expect(await new TenantRepo(b.bot.db).get(DEMO_TENANT_ID)).toMatchObject({
      serviceUrl: b.connector.url,
      botId: BOT_ID,
    });
    const id = await fileCase(b, DEMO.staff, 'lost_ic_card');
    await b.connector.waitFor(() => routedCards(b, DEMO.officer, id).length === 1);

    const [create] = createdFor(b, DEMO.officer);
    expect(create).toMatchObject({
      isGroup: false,
      bot: { id: BOT_ID },
      members: [{ id: DEMO.officer }],
      channelData: { tenant: { id: DEMO_TENANT_ID } },
      tenantId: DEMO_TENANT_ID,
    });
    const ref = await new ConversationRepo(b.bot.db).get(DEMO.officer);
    expect(ref).toMatchObject({ conversationId: `a:personal-${DEMO.officer}`, tenantId: DEMO_TENANT_ID });
    expect(ref?.reference).toMatchObject({
      serviceUrl: b.connector.url,
      conversation: { tenantId: DEMO_TENANT_ID },
    });
    const audit = (await new AuditRepo(b.bot.db).list('E1002')).filter(
      (e) => e.event === 'conversation.created',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.data).toMatchObject({ via: 'connector', conversationId: `a:personal-${DEMO.officer}` });
    // The card is the officer's, with his buttons.
    expect(cardActions(routedCards(b, DEMO.officer, id)[0]?.card).map((a) => a.data.verb)).toContain(
      'case.acknowledge',
    );

    // A later case uses the stored reference: no second createConversation.
    const second = await fileCase(b, DEMO.staff, 'virus');
    await b.connector.waitFor(() => routedCards(b, DEMO.officer, second).length === 1);
    await b.bot.sender.settle();
    expect(createdFor(b, DEMO.officer)).toHaveLength(1);
  });

  it('uses the configured TEAMS_SERVICE_URL when no activity of the tenant was ever seen', async () => {
    h = await BotHarness.start({ env: (c) => ({ TEAMS_SERVICE_URL: c.url }) });
    const b = h;
    expect(await new TenantRepo(b.bot.db).all()).toEqual([]);
    await new OutboxRepo(b.bot.db).enqueue({
      dedupeKey: 'first-contact',
      toAad: DEMO.chief,
      priority: PRIORITY.high,
      message: { type: 'text', text: storedText({ ja: '初めての通知', en: 'first notice' }) },
      at: new Date().toISOString(),
    });
    b.bot.sender.kick();
    await b.connector.waitFor(() => b.inbox(DEMO.chief).some((r) => r.text === '初めての通知'));
    expect(createdFor(b, DEMO.chief)).toHaveLength(1);
    expect(createdFor(b, DEMO.chief)[0]).toMatchObject({ channelData: { tenant: { id: DEMO_TENANT_ID } } });
  });

  it('without a service URL (no activity, none configured) the message waits instead of dying', async () => {
    h = await BotHarness.start();
    const b = h;
    await new OutboxRepo(b.bot.db).enqueue({
      dedupeKey: 'no-url',
      toAad: DEMO.chief,
      priority: PRIORITY.high,
      message: { type: 'text', text: storedText({ ja: '待つ通知', en: 'waiting notice' }) },
      at: new Date().toISOString(),
    });
    await b.bot.sender.settle();
    const [o] = await new OutboxRepo(b.bot.db).all();
    expect(o).toMatchObject({ status: 'waiting', attempts: 0 });
    expect(o?.lastError).toMatch(/no service URL/);
    expect(b.connector.created).toEqual([]);
    // The first activity of the tenant teaches the URL and releases every waiting message.
    await b.say(DEMO.staff, 'こんにちは');
    await b.connector.waitFor(() => b.inbox(DEMO.chief).some((r) => r.text === '待つ通知'));
    const released = (await new AuditRepo(b.bot.db).list(`tenant:${DEMO_TENANT_ID}`)).map((e) => e.event);
    expect(released).toEqual(['delivery.released']);
  });
});

describe('while a person cannot be reached', () => {
  it('holds their card, tells the reporter at once whom to phone — once per person and case — lists them for IT管理者, and delivers when they open the chat', async () => {
    const clock = new ManualClock();
    h = await BotHarness.start({ clock });
    const b = h;
    for (const p of [DEMO.staff, DEMO.itAdmin, DEMO.chief]) await b.say(p, 'こんにちは');
    b.connector.notInstalled.add(DEMO.officer); // the app is not installed for 佐藤; no Graph
    const id = await fileCase(b, DEMO.staff, 'lost_ic_card');

    // The reporter is told in her chat: who, and by which phones (directory 電話 / 携帯).
    const notices = () => b.inbox(DEMO.staff).filter((r) => (r.text ?? '').includes('届けられませんでした'));
    await b.connector.waitFor(() => notices().length === 1);
    const text = notices()[0]!.text!;
    expect(text).toContain(id);
    expect(text).toContain('総務課 佐藤 健一 さん');
    expect(text).toContain('電話 06-6630-3111');
    expect(text).toContain('携帯 090-0000-1002');
    const rows = await new OutboxRepo(b.bot.db).byCase(id);
    const routed = rows.find((o) => o.dedupeKey === `case.routed:${id}:E1002`)!;
    expect(routed).toMatchObject({ status: 'waiting', attempts: 0 });

    // Re-checks, and a second message for the same case, do not tell her again.
    await new OutboxRepo(b.bot.db).enqueue({
      dedupeKey: `extra:${id}`,
      toAad: DEMO.officer,
      priority: PRIORITY.critical,
      message: { type: 'text', text: storedText({ ja: `${id} 追加の連絡`, en: `${id} more` }) },
      caseId: id,
      at: clock.now().toISOString(),
    });
    for (let i = 0; i < 3; i++) {
      clock.advanceMinutes(DEFAULT_SENDER_OPTIONS.recheckMs / 60_000 + 1);
      await b.bot.sender.settle();
    }
    expect(notices()).toHaveLength(1);
    // A second case for the same unreachable officer is a new reason to phone: one more notice.
    const second = await fileCase(b, DEMO.staff, 'virus');
    await b.connector.waitFor(() => notices().length === 2);
    await b.bot.sender.settle();
    expect(notices()[1]?.text).toContain(second);
    expect(notices()).toHaveLength(2);
    const audit = (await new AuditRepo(b.bot.db).list('E1002')).filter(
      (e) => e.event === 'delivery.unreachable',
    );
    expect(audit.map((e) => e.data?.caseId)).toEqual([id, id, second]);
    expect(audit[0]?.data).toMatchObject({ notified: 'E1001', type: 'case.routed' });

    // IT管理者 (and 統括) see who is unreachable, with phones, how many wait and since when.
    for (const viewer of [DEMO.itAdmin, DEMO.chief]) {
      const list = (await b.say(viewer, '連絡不可'))[0]!;
      expect(list.cardText).toContain('連絡不可一覧');
      expect(list.cardText).toContain('総務課 佐藤 健一');
      expect(list.cardText).toContain('06-6630-3111');
      expect(list.cardText).toContain('090-0000-1002');
      expect(list.cardText).toContain('待機中 3 件・2026/04/10 12:00 から');
    }
    // Anyone else is refused, and the refusal is audited.
    const refused = await b.say(DEMO.staff, '未到達一覧');
    expect(refused[0]?.text).toContain('IT管理者 と 統括情報セキュリティ責任者 のみ');
    expect(refused[0]?.cardText).toBe('');
    const denied = (await new AuditRepo(b.bot.db).list('directory')).filter(
      (e) => e.event === 'directory.unreachable_denied',
    );
    expect(denied.map((e) => e.actor)).toEqual(['E1001']);

    // 佐藤 opens the chat: everything waiting for him arrives at once, nothing is dead.
    await b.say(DEMO.officer, 'こんにちは');
    await b.connector.waitFor(
      () =>
        routedCards(b, DEMO.officer, id).length === 1 && routedCards(b, DEMO.officer, second).length === 1,
    );
    await b.connector.waitFor(() => b.inbox(DEMO.officer).some((r) => r.text === `${id} 追加の連絡`));
    await b.bot.sender.settle();
    const after = await new OutboxRepo(b.bot.db).all();
    expect(after.filter((o) => o.toAad === DEMO.officer).map((o) => o.status)).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
    expect(after.some((o) => o.status === 'dead')).toBe(false);
    expect((await b.say(DEMO.itAdmin, '連絡不可'))[0]?.cardText).toContain(
      '届けられずに待っているメッセージはありません。',
    );
  });

  it('shows 連絡不可一覧 on the menu of IT管理者 and 統括 only', async () => {
    h = await BotHarness.start();
    const intents = async (aad: string) =>
      cardActions((await h!.say(aad, 'メニュー'))[0]?.card).map((a) => a.data.intent);
    expect(await intents(DEMO.itAdmin)).toContain('unreachable');
    expect(await intents(DEMO.chief)).toContain('unreachable');
    expect(await intents(DEMO.officer)).not.toContain('unreachable');
    expect(await intents(DEMO.staff)).not.toContain('unreachable');
  });
});
