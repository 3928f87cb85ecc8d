// Following a broadcast through the real bot (HTTP host, outbox sender, SQLite file) against the
// loopback connector: the sender's live status card, its throttled updates, 「通知の状況」, the
// officer's scope with phones, 未回答者に再送 with its cooldown, the officer's notice, refusals.
import { afterEach, describe, expect, it } from 'vitest';
import type { BroadcastAnswer } from '../../src/domain/broadcast';
import {
  answerBroadcast,
  recallBroadcast,
  saveBroadcastDraft,
  sendBroadcast,
} from '../../src/services/broadcast-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import type { BroadcastContent } from '../../src/storage/broadcast-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions, type Reply } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { NOW } from '../domain/flows/fixtures';

const aad = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const IT = 'E1006';
const UNREACHABLE = aad(10); // 吉田 翔太, 総務課: the app is not installed for him
const FAILING = aad(15); // 木村 彩, 経理課: Teams refuses every post to her (400)

const content = (over: Partial<BroadcastContent> = {}): BroadcastContent => ({
  purpose: 'contact_tree',
  mode: 'drill',
  severity: 'emergency',
  title: '不審メールに注意',
  body: '件名「請求書」の添付ファイルを開かないでください。',
  audience: {
    kind: 'sections',
    sectionCodes: ['210', '220'],
    includeSubsections: false,
    officersOnly: false,
  },
  answer: {
    kind: 'choice',
    choices: [{ label: '該当なし' }, { label: '不審なメールを開いた', opensReport: 'virus' }],
  },
  instructedBy: null,
  remindAfterMinutes: 30,
  caseId: null,
  ...over,
});

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function setup() {
  const clock = new ManualClock();
  // The tests fire the reminder timers themselves (scheduler.tick()): no real-time poll between.
  h = await BotHarness.start({ clock, schedulerPollMs: 3_600_000 });
  for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
  h.connector.notInstalled.add(UNREACHABLE);
  h.connector.refuse = (r) =>
    r.method === 'POST' && r.conversationId === `a:personal-${FAILING}` ? 400 : undefined;
  const bot = h;
  const send = async (over: Partial<BroadcastContent> = {}) => {
    const d = await saveBroadcastDraft(bot.bot.db, clock, { actorId: IT, content: content(over) });
    if (!d.ok) throw new Error(d.reason);
    const s = await sendBroadcast(bot.bot.db, clock, {
      actorId: IT,
      broadcastId: d.broadcast.id,
      version: d.broadcast.version,
    });
    if (!s.ok) throw new Error(s.reason);
    await bot.bot.sender.settle();
    return s.broadcast.id;
  };
  const answer = async (personId: string, minutes: number, a: BroadcastAnswer, id = 'BC-2026-0001') => {
    clock.set(new Date(NOW.getTime() + minutes * 60_000).toISOString());
    const r = await answerBroadcast(bot.bot.db, clock, { actorId: personId, broadcastId: id, answer: a });
    if (!r.ok) throw new Error(r.reason);
  };
  return { h: bot, clock, send, answer };
}

/** The five answers of the main scenario (9 targeted in 総務課 210 and 経理課 220). */
async function answerFive(answer: Awaited<ReturnType<typeof setup>>['answer']) {
  await answer('E1001', 5, { kind: 'choice', index: 0 });
  await answer('E1002', 10, { kind: 'choice', index: 1 });
  await answer('E1003', 12, { kind: 'choice', index: 0 });
  await answer('E1012', 20, { kind: 'choice', index: 0 });
  await answer('E1013', 30, { kind: 'choice', index: 0 });
  // A changed answer: the latest counts in the breakdown, the first time in the milestones.
  await answer('E1002', 31, { kind: 'choice', index: 0 });
}

type Json = Record<string, unknown>;

/** Every [title, value] of the card's FactSets, in order. */
function facts(card: unknown): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Json;
      if (o.type === 'FactSet')
        for (const f of o.facts as Array<{ title: string; value: string }>) out.push([f.title, f.value]);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** Every text of TextBlocks and TextRuns, in order. */
function texts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Json;
      if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The buttons of the card body (not its refresh action, nor the Action.Submit fallbacks). */
function buttons(card: unknown): Array<{ title: string; data: Json }> {
  const out: Array<{ title: string; data: Json }> = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Json;
      if ((o.type === 'Action.Execute' || o.type === 'Action.Submit') && o.data)
        out.push({ title: String(o.title), data: o.data as Json });
      for (const [k, v] of Object.entries(o)) if (k !== 'fallback') walk(v);
    }
  };
  walk((card as Json | undefined)?.body);
  return out;
}

const isStatusCard = (r: Reply) => r.cardText.includes('"verb":"broadcast.status_refresh"');

async function execute(bot: BotHarness, from: string, verb: string, data: Json) {
  const r = await bot.execute(from, verb, data);
  expect(r.statusCode).toBe(200);
  return r.value as Json;
}

describe('the sender’s live status card', () => {
  it('shows the numbers from storage: delivery states, answers by choice, milestones, per-section rows', async () => {
    const { h, clock, send, answer } = await setup();
    const before = h.connector.received.length;
    const id = await send();
    expect(id).toBe('BC-2026-0001');
    // The status card is posted first, before the copies.
    const first = h.inbox(DEMO.itAdmin).filter(isStatusCard);
    expect(first).toHaveLength(1);
    expect(first[0]?.raw.method).toBe('POST');
    // 1 status card + 7 delivered copies; the status card is queued first (the sender sends
    // concurrently, so the order on the wire is not fixed — the outbox order is).
    const posts = h.connector.received.slice(before).filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(8);
    expect(posts).toContain(first[0]?.raw);
    const queued = await new OutboxRepo(h.bot.db).byBroadcast(id);
    expect(queued[0]?.message.type).toBe('broadcast.status');
    await answerFive(answer);

    const card = await execute(h, DEMO.itAdmin, 'broadcast.status_refresh', { broadcastId: id });
    expect(texts(card).slice(0, 2)).toEqual(['【訓練】', '不審メールに注意']);
    expect(texts(card)).toContain('BC-2026-0001・送信 2026/04/10 12:00・送信者 田中 美咲');
    expect(texts(card)).toContain('根拠: 対策基準 6ウ');
    expect(facts(card)).toEqual([
      ['対象', '9 人'],
      ['配信済み', '7 人'],
      ['未配信', '0 人'],
      ['失敗', '1 人'],
      ['連絡不可', '1 人'],
      ['回答済み', '5 人（55%）'],
      ['50% 回答', '30分'],
      ['75% 回答', '未到達'],
      ['100% 回答', '未到達'],
      // Hierarchy order (事務局 > 総務部 > 総務課, 経理課), indented by depth.
      [
        '\u3000\u3000総務課',
        '対象 5・配信 4・未配信 0・失敗 0・不可 1・回答 3（60%）・50/75/100%: 12分/未到達/未到達',
      ],
      [
        '\u3000\u3000経理課',
        '対象 4・配信 3・未配信 0・失敗 1・不可 0・回答 2（50%）・50/75/100%: 30分/未到達/未到達',
      ],
    ]);
    // Latest answers: 佐藤 changed to 該当なし.
    expect(texts(card)).toEqual(
      expect.arrayContaining(['該当なし', '\u30005 人', '不審なメールを開いた', '\u30000 人']),
    );
    expect(texts(card)).toContain('課別（1〜2 / 2 課）');
    expect(texts(card)).toContain('再送: 自動 0 回・手動 0 回（のべ 0 通・0 人）');
    expect(texts(card)).toContain('次回の自動再送: 2026/04/10 12:30');
    expect(texts(card)).toContain('2026/04/10 12:31:00 時点');
    // The viewer's own client refreshes it; the sender has every button.
    expect(card.refresh).toMatchObject({ userIds: [`29:${DEMO.itAdmin}`] });
    expect(buttons(card).map((b) => [b.title, b.data.verb])).toEqual([
      ['更新', 'broadcast.status_refresh'],
      ['未回答者に再送', 'broadcast.remind'],
      ['未回答者一覧', 'broadcast.nonresponders'],
      ['結果を出力', 'broadcast.export'],
      ['訂正', 'broadcast.correct_open'],
      ['取消', 'broadcast.recall'],
    ]);
    expect(buttons(card).every((b) => b.data.broadcastId === id)).toBe(true);

    // The automatic reminder fires from the scheduler: the card counts it and names the next one.
    clock.set('2026-04-10T03:30:00Z');
    expect(await h.bot.scheduler.tick()).toBe(1);
    const after = await execute(h, DEMO.itAdmin, 'broadcast.status_refresh', { broadcastId: id });
    // Delivered non-responders: 山本 (210) and 井上 (220); 吉田 and 木村 are to be phoned instead.
    expect(texts(after)).toContain('再送: 自動 1 回・手動 0 回（のべ 2 通・2 人）');
    expect(texts(after)).toContain('次回の自動再送: 2026/04/10 13:00');
  });

  it('is updated in place at most once per 10 s bucket, with the latest numbers', async () => {
    const { h, clock, send } = await setup();
    const id = await send();
    const posted = h.inbox(DEMO.itAdmin).find(isStatusCard);
    expect(posted).toBeDefined();
    const putsToCard = () =>
      h.updates(DEMO.itAdmin).filter((u) => u.raw.responseId === posted?.raw.responseId);
    const at = (s: number) => clock.set(new Date(NOW.getTime() + s * 1000).toISOString());
    for (const [who, s] of [
      ['E1001', 1],
      ['E1002', 3],
      ['E1003', 5],
    ] as const) {
      at(s);
      await answerBroadcast(h.bot.db, clock, {
        actorId: who,
        broadcastId: id,
        answer: { kind: 'choice', index: 0 },
      });
    }
    // The three answers (and the deliveries before them) wait as one update, due at the bucket's end.
    await h.bot.sender.settle();
    expect(putsToCard()).toHaveLength(0);
    const pending = (await new OutboxRepo(h.bot.db).byBroadcast(id)).filter(
      (i) => i.message.type === 'broadcast.status.update' && i.status === 'pending',
    );
    expect(pending.map((p) => p.nextAttemptAt)).toEqual(['2026-04-10T03:00:10.000Z']);

    at(10);
    await h.bot.sender.settle();
    expect(putsToCard()).toHaveLength(1);
    expect(facts(putsToCard()[0]?.card)).toContainEqual(['回答済み', '3 人（33%）']);

    // The next bucket: two answers, one more update.
    at(12);
    await answerBroadcast(h.bot.db, clock, {
      actorId: 'E1012',
      broadcastId: id,
      answer: { kind: 'choice', index: 1 },
    });
    at(15);
    await answerBroadcast(h.bot.db, clock, {
      actorId: 'E1013',
      broadcastId: id,
      answer: { kind: 'choice', index: 0 },
    });
    await h.bot.sender.settle();
    expect(putsToCard()).toHaveLength(1);
    at(20);
    await h.bot.sender.settle();
    expect(putsToCard()).toHaveLength(2);
    expect(facts(putsToCard()[1]?.card)).toContainEqual(['回答済み', '5 人（55%）']);
    expect(texts(putsToCard()[1]?.card)).toContain('2026/04/10 12:00:20 時点');
  });

  it('a recalled broadcast shows 取消済み and no buttons', async () => {
    const { h, clock, send } = await setup();
    const id = await send();
    const r = await recallBroadcast(h.bot.db, clock, { actorId: IT, broadcastId: id, version: 2 });
    expect(r.ok).toBe(true);
    clock.set('2026-04-10T03:00:10Z');
    await h.bot.sender.settle();
    const last = h.updates(DEMO.itAdmin).at(-1);
    expect(texts(last?.card)).toContain('取消済み');
    expect(texts(last?.card)).toContain('この通知は取り消されました（2026/04/10 12:00）。');
    expect(buttons(last?.card)).toEqual([]);
    const card = await execute(h, DEMO.itAdmin, 'broadcast.status_refresh', { broadcastId: id });
    expect(buttons(card)).toEqual([]);
    expect(texts(card)).toContain('【訓練】');
  });
});

describe('「通知の状況」 and the officer’s scope', () => {
  it('a section officer sees only their own sections, non-responders with phones and delivery state', async () => {
    const { h, send, answer } = await setup();
    const id = await send();
    await answerFive(answer);

    const list = await h.say(DEMO.officer, '通知の状況');
    expect(texts(list[0]?.card)).toEqual(
      expect.arrayContaining([
        '【訓練】',
        '不審メールに注意',
        'BC-2026-0001・緊急・送信 2026/04/10 12:00・送信済み',
        '回答 3 / 5 人（60%）・配信 4 人（あなたの課のみ）',
      ]),
    );
    const open = cardActions(list[0]?.card).find((a) => a.title === '開く');
    expect(open?.data).toEqual({ verb: 'broadcast.open', broadcastId: id });

    const opened = await h.say(DEMO.officer, open!.data);
    const card = opened[0]?.card;
    expect(texts(card)).toContain(
      'あなたが課情報セキュリティ責任者である課（総務課）の結果のみ表示しています。',
    );
    expect(facts(card)).toContainEqual(['対象', '5 人']);
    expect(facts(card).filter(([title]) => title.includes('課'))).toEqual([
      [
        '\u3000\u3000総務課',
        '対象 5・配信 4・未配信 0・失敗 0・不可 1・回答 3（60%）・50/75/100%: 12分/未到達/未到達',
      ],
    ]);
    // An officer reminds their own section, but neither corrects nor recalls.
    expect(buttons(card).map((b) => b.data.verb)).toEqual([
      'broadcast.status_refresh',
      'broadcast.remind',
      'broadcast.nonresponders',
      'broadcast.export',
    ]);
    // The card posted in the turn is registered: the next update replaces it in place.
    const registered = (await new OutboxRepo(h.bot.db).byBroadcast(id)).filter(
      (i) => i.message.type === 'broadcast.status' && i.toAad === DEMO.officer,
    );
    expect(registered.map((i) => [i.status, i.activityId])).toEqual([['sent', opened[0]?.raw.responseId]]);

    const nr = await h.say(DEMO.officer, { verb: 'broadcast.nonresponders', broadcastId: id });
    const people = texts(nr[0]?.card);
    expect(people).toEqual(
      expect.arrayContaining([
        '2 人（1〜2 人目）',
        '吉田 翔太（総務課）',
        '内線 06-6630-3114・携帯 （なし）・連絡不可・再送 0 回',
        '山本 真由美（総務課）',
        '内線 06-6630-3115・携帯 （なし）・配信済み・再送 0 回',
      ]),
    );
    // 連絡不可 first: the one to phone.
    expect(people.indexOf('吉田 翔太（総務課）')).toBeLessThan(people.indexOf('山本 真由美（総務課）'));
    expect(nr[0]?.cardText).not.toContain('木村');
    expect(nr[0]?.cardText).not.toContain('井上');
  });

  it('「結果を出力」 gives short-lived links; the CSV behind one holds the officer’s own section only', async () => {
    const { h, send } = await setup();
    const id = await send();
    const r = await h.say(DEMO.officer, { verb: 'broadcast.export', broadcastId: id });
    const urls = [
      ...(r[0]?.cardText ?? '').matchAll(/http:\/\/localhost:\d+\/exports\/[A-Za-z0-9_-]{43}/g),
    ].map((m) => m[0]);
    expect(urls).toHaveLength(2);
    const files = await Promise.all(urls.map((u) => fetch(u)));
    expect(files.map((f) => f.status)).toEqual([200, 200]);
    const csv = files.find((f) => f.headers.get('content-type')?.includes('text/csv'));
    expect(files.some((f) => f.headers.get('content-type')?.includes('spreadsheetml'))).toBe(true);
    if (!csv) throw new Error('no CSV link');
    const lines = (await csv.text()).trim().split(/\r\n/);
    // Header + the five people of 総務課 (the officer's section), none of 経理課.
    expect(lines).toHaveLength(6);
    expect(lines.join('\n')).not.toContain('経理課');
    expect(
      (await new AuditRepo(h.bot.db).list(id)).filter((e) => e.event === 'broadcast.exported'),
    ).toHaveLength(2);
  });

  it('staff are refused 「通知の状況」, and the refusal is audited', async () => {
    const { h, send } = await setup();
    await send();
    const r = await h.say(DEMO.staff, '一斉通知の結果');
    expect(r[0]?.text).toBe(
      '一斉通知の結果を確認できるのは、送信者・統括情報セキュリティ責任者・IT管理者と、自分の課について課情報セキュリティ責任者です。',
    );
    const denied = (await new AuditRepo(h.bot.db).list('broadcasts')).filter(
      (e) => e.event === 'broadcast.results_denied',
    );
    expect(denied.map((e) => [e.actor, e.data?.via])).toEqual([['E1001', 'list']]);
    // The menu offers it to officers and IT管理者, not to staff.
    const staffMenu = await h.say(DEMO.staff, 'メニュー');
    expect(staffMenu[0]?.cardText).not.toContain('"intent":"broadcasts"');
    const officerMenu = await h.say(DEMO.officer, 'メニュー');
    expect(officerMenu[0]?.cardText).toContain('"intent":"broadcasts"');
  });

  it('an outsider replaying 開く / 更新 / 再送 / 一覧 / 出力 gets the same refusal for a real and a neighbouring id, each audited', async () => {
    const { h, send } = await setup();
    const real = await send();
    const neighbour = 'BC-2026-0002'; // does not exist
    const outsiders = [aad(14), DEMO.deputy]; // 井上 (staff of 220), 鈴木 (代理者, not an officer)
    const outboxBefore = (await h.bot.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM outbox'))[0]?.n;
    const auditBefore = (await new AuditRepo(h.bot.db).list()).length;
    let attempts = 0;
    for (const who of outsiders) {
      for (const verb of ['broadcast.status_refresh', 'broadcast.remind', 'broadcast.nonresponders']) {
        const answers = [];
        for (const id of [real, neighbour]) {
          answers.push(JSON.stringify(await execute(h, who, verb, { broadcastId: id })));
          attempts += 1;
        }
        expect(answers[0], `${who} ${verb}`).toBe(answers[1]);
        expect(answers[0]).toContain('この一斉通知の結果は表示できません');
        expect(answers[0]).not.toContain('不審メール');
      }
      for (const verb of [
        'broadcast.open',
        'broadcast.nonresponders',
        'broadcast.export',
        'broadcast.remind',
      ]) {
        const answers = [];
        for (const id of [real, neighbour]) {
          const r = await h.say(who, { verb, broadcastId: id });
          answers.push(r.map((x) => x.cardText + (x.text ?? '')).join('|'));
          attempts += 1;
        }
        expect(answers[0], `${who} ${verb}`).toBe(answers[1]);
        expect(answers[0]).toContain('この一斉通知の結果は表示できません');
      }
    }
    // One audit row per attempt, naming the id asked for; nothing queued for anyone.
    const audit = (await new AuditRepo(h.bot.db).list()).slice(auditBefore);
    const refusals = audit.filter(
      (e) => e.event === 'broadcast.results_denied' || e.event === 'broadcast.manage_denied',
    );
    expect(refusals).toHaveLength(attempts);
    expect(new Set(refusals.map((e) => e.subject))).toEqual(new Set([real, neighbour]));
    expect(refusals.every((e) => e.actor === 'E1014' || e.actor === 'E1003')).toBe(true);
    const outboxAfter = (await h.bot.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM outbox'))[0]?.n;
    expect(outboxAfter).toBe(outboxBefore);
  });
});

describe('未回答者に再送 and the officer’s notice', () => {
  it('reminds delivered non-responders in scope, tells each section’s officer, and keeps a cooldown', async () => {
    const { h, clock, send, answer } = await setup();
    const id = await send();
    await answerFive(answer);
    const reminders = async () =>
      (await new OutboxRepo(h.bot.db).byBroadcast(id))
        .filter((i) => i.message.type === 'broadcast' && i.message.reminder !== undefined)
        .map((i) => [i.toAad, i.message.type === 'broadcast' ? i.message.reminder : 0]);
    const notices = async () =>
      (await new OutboxRepo(h.bot.db).byBroadcast(id))
        .filter((i) => i.message.type === 'broadcast.notice')
        .map((i) => i.toAad);

    const card = await execute(h, DEMO.itAdmin, 'broadcast.remind', { broadcastId: id, view: 'status' });
    expect(texts(card)[0]).toBe(
      '未回答者 2 人に再送しました（課情報セキュリティ責任者 2 人に未回答者を通知）。',
    );
    expect(texts(card)).toContain('再送: 自動 0 回・手動 1 回（のべ 2 通・2 人）');
    expect(await reminders()).toEqual([
      [aad(11), 1],
      [aad(14), 1],
    ]);
    expect(await notices()).toEqual([DEMO.officer, aad(12)]);

    // Again at once: nobody (reminded less than 2 minutes ago), nothing queued.
    const again = await execute(h, DEMO.itAdmin, 'broadcast.remind', { broadcastId: id, view: 'status' });
    expect(texts(again)[0]).toBe(
      'いま再送できる未回答者はいません（配信済みの未回答者のうち、2 分以内に再送した人を除きます）。',
    );
    expect(await reminders()).toHaveLength(2);
    expect(await notices()).toHaveLength(2);

    // The officer of 経理課 is told who in their section has still not answered, with phones.
    await h.bot.sender.settle();
    const notice = h.inbox(aad(12)).find((r) => r.cardText.includes('未回答者がいます'));
    expect(notice).toBeDefined();
    const lines = texts(notice?.card);
    expect(lines).toEqual(
      expect.arrayContaining([
        '未回答者がいます（あなたの課）',
        '【訓練】',
        '不審メールに注意',
        'あなたが課情報セキュリティ責任者である課（経理課）の結果のみ表示しています。',
        '木村 彩（経理課）',
        '内線 06-6630-3124・携帯 （なし）・失敗・再送 0 回',
        '井上 拓也（経理課）',
        '内線 06-6630-3123・携帯 （なし）・配信済み・再送 1 回',
      ]),
    );
    expect(notice?.cardText).not.toContain('総務課');
    const remindButton = buttons(notice?.card).find((a) => a.data.verb === 'broadcast.remind');
    expect(remindButton?.data).toEqual({ verb: 'broadcast.remind', broadcastId: id, view: 'nonresponders' });

    // Three minutes later the officer re-sends from the notice: their own section only.
    clock.advanceMinutes(3);
    const fromNotice = await execute(h, aad(12), 'broadcast.remind', remindButton!.data);
    expect(texts(fromNotice)[0]).toBe(
      '未回答者 1 人に再送しました（課情報セキュリティ責任者 0 人に未回答者を通知）。',
    );
    expect(texts(fromNotice)).toContain('未回答者一覧');
    expect(await reminders()).toEqual([
      [aad(11), 1],
      [aad(14), 1],
      [aad(14), 2],
    ]);
    const audit = (await new AuditRepo(h.bot.db).list(id)).filter((e) => e.event === 'broadcast.reminded');
    expect(audit.map((e) => [e.actor, e.data?.reminded, e.data?.scope])).toEqual([
      [IT, 2, 'all'],
      [IT, 0, 'all'],
      ['E1012', 1, ['220']],
    ]);
  });
});
