// 一斉通知 through the real bot: compose → preview → send, the recipients' cards and answers, a
// choice that opens a report, correct and recall — asserted on what the loopback connector got and
// what the database holds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { remindNow } from '../../src/services/broadcast-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { BroadcastRepo } from '../../src/storage/broadcast-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { DraftRepo } from '../../src/storage/draft-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import { BROADCAST_VERBS as V } from '../../src/teams/broadcast/verbs';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions, cardInputs, type Reply } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';

const aad = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const STAFF220 = aad(14); // 井上 拓也, 経理課: not in 総務課
const SOMU = [DEMO.officer, DEMO.deputy, DEMO.staff, aad(10), aad(11)]; // 総務課 (210): 5 people
const EVERYONE = 34;

/** The compose card's submit: every input as the client sends it. */
function compose(over: Record<string, string> = {}): Record<string, unknown> {
  return {
    verb: V.review,
    purpose: 'contact_tree',
    mode: 'drill',
    severity: 'emergency',
    title: '不審メールに注意',
    body: '件名「請求書」の添付ファイルを開かないでください。\n開いた方は報告してください。',
    audience: 'everyone',
    sections: '',
    includeSub: 'false',
    answerKind: 'choice',
    choice0: '該当なし',
    report0: 'none',
    choice1: '不明',
    report1: 'none',
    choice2: '不審なメールを開いた',
    report2: 'virus',
    choice3: '',
    report3: 'none',
    remind: 'default',
    instructedBy: '',
    ...over,
  };
}

const json = (v: unknown) => JSON.stringify(v);
const idOf = (text: string) => /BC-\d{4}-\d{4}/.exec(text)?.[0] ?? '';
const sendButton = (card: unknown) => cardActions(card).find((a) => a.data.verb === V.send)!.data;
/** The answer buttons (Action.Execute; their Action.Submit fallbacks are the same buttons). */
function answerVerbs(card: unknown): Array<{ title: string; data: Record<string, unknown> }> {
  const out: Array<{ title: string; data: Record<string, unknown> }> = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === V.answer)
      out.push({ title: String(o.title), data: o.data as Record<string, unknown> });
    Object.entries(o).forEach(([k, v]) => k !== 'fallback' && walk(v));
  };
  walk(card);
  return out;
}

/** Copies of broadcast `id` posted (not updated) into each chat: conversation id → cards. */
function postedCopies(h: BotHarness, id: string): Map<string, Reply[]> {
  const out = new Map<string, Reply[]>();
  for (const r of h.connector.received) {
    if (r.method !== 'POST') continue;
    const card = r.activity.attachments as Array<{ content: unknown }> | undefined;
    const text = json(card?.[0]?.content ?? '');
    if (!text.includes(`"broadcastId":"${id}"`) || !text.includes(V.copyRefresh)) continue;
    const list = out.get(r.conversationId) ?? [];
    list.push({
      text: undefined,
      card: card?.[0]?.content as Record<string, unknown>,
      cardText: text,
      raw: r,
    });
    out.set(r.conversationId, list);
  }
  return out;
}

async function events(h: BotHarness, subject?: string) {
  return new AuditRepo(h.bot.db).list(subject);
}

/** Composes and sends as `from`; returns the broadcast id once every recipient has their copy. */
async function send(
  h: BotHarness,
  from: string,
  over: Record<string, string>,
  recipients: number,
): Promise<string> {
  const [preview] = await h.say(from, compose(over));
  const data = sendButton(preview!.card);
  const res = await h.execute(from, V.send, data);
  const id = String(data.broadcastId);
  expect(json(res.value)).toContain(id);
  await h.connector.waitFor(() => postedCopies(h, id).size === recipients, 20_000);
  return id;
}

describe('一斉通知: compose, preview, send', () => {
  let h: BotHarness;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock();
    h = await BotHarness.start({ clock });
  });
  afterEach(async () => h.stop());

  it('IT管理者 sends a drill to everyone: the preview is the recipients’ card, each person gets one copy', async () => {
    const [form] = await h.say(DEMO.itAdmin, '一斉通知');
    expect(form!.cardText).toContain('一斉通知の作成');
    // Purposes with what each cites; the organisation's own notice as 運用ルール.
    expect(form!.cardText).toContain('緊急連絡網の運用・訓練（根拠: 対策基準 6ウ）');
    expect(form!.cardText).toContain('サイバー攻撃等の緊急時の全職員への周知（根拠: 対策基準 12(5)②エ）');
    expect(form!.cardText).toContain('その他のお知らせ（根拠: 運用ルール）');
    expect(cardInputs(form!.card)).toMatchObject({ mode: 'drill', severity: 'important', remind: 'default' });

    const [preview] = await h.say(DEMO.itAdmin, compose());
    const p = preview!.cardText;
    expect(p).toContain('送信前の確認');
    expect(p).toContain('【訓練】これは訓練の通知です。');
    expect(p).toContain('【訓練】不審メールに注意');
    expect(p).toContain(`送信先: 全職員（${EVERYONE}名）`);
    expect(p).toContain('総務課: 5名');
    expect(p).toContain('根拠: 対策基準 6ウ');
    expect(p).toContain('未回答者には 15分後に自動で再通知します。');
    // The buttons of the sample are drawn but inert: the only actions are 送信 and 修正.
    expect(answerVerbs(preview!.card)).toEqual([]);
    expect(p).toContain('"type":"Action.ToggleVisibility","title":"不審なメールを開いた"');
    expect(cardActions(preview!.card).map((a) => a.data.verb)).toEqual([V.send, V.send, V.edit]);
    const data = sendButton(preview!.card);
    const id = String(data.broadcastId);
    expect(data).toEqual({ verb: V.send, broadcastId: id, version: expect.any(Number) });

    const res = await h.execute(DEMO.itAdmin, V.send, data);
    expect(json(res.value)).toContain(`送信しました（${id}、${EVERYONE}名）`);
    // The sent card offers 訂正 / 取消 instead of 送信.
    expect(cardActions(res.value).map((a) => a.data.verb)).toEqual(
      expect.arrayContaining([V.correctOpen, V.recall]),
    );
    expect(cardActions(res.value).map((a) => a.data.verb)).not.toContain(V.send);

    await h.connector.waitFor(() => postedCopies(h, id).size === EVERYONE, 30_000);
    const copies = postedCopies(h, id);
    const rows = (await new OutboxRepo(h.bot.db).byBroadcast(id)).filter(
      (i) => i.message.type === 'broadcast',
    );
    expect(rows).toHaveLength(EVERYONE);
    for (const [conversationId, list] of copies) {
      expect(list, conversationId).toHaveLength(1);
      const card = list[0]!.card!;
      const who = conversationId.replace('a:personal-', '');
      // Teams refreshes the card for its recipient only.
      expect(json((card.refresh as { userIds: string[] }).userIds)).toContain(who);
      expect(answerVerbs(card).map((a) => a.title)).toEqual(['該当なし', '不明', '不審なメールを開いた']);
      expect(answerVerbs(card)[0]!.data).toEqual({ verb: V.answer, broadcastId: id, answer: '0' });
    }
    // The preview showed exactly this card: same body, but for the time it was sent and live buttons.
    const sample = (preview!.card!.body as Array<{ items?: unknown[]; style?: string }>).find(
      (b) => b.style === 'emphasis',
    )!.items!;
    const staffCard = copies.get(`a:personal-${DEMO.staff}`)![0]!.card!;
    const strip = (body: unknown) =>
      json(body)
        .replace(/"value":"\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}"|"value":"（送信時に記入）"/, '"value":"<sent>"')
        .replace(/\{"type":"ActionSet".*$/, '');
    expect(strip(staffCard.body)).toEqual(strip(sample));
    expect(json(staffCard.body)).toContain(
      '"type":"TextRun","text":"件名「請求書」の添付ファイルを開かないでください。\\n開いた方は報告してください。"',
    );
    expect((await events(h, id)).map((e) => e.event)).toEqual(['broadcast.draft_saved', 'broadcast.sent']);
  }, 60_000);

  it('本番 to all staff without 指示者 is refused on the form with the reason and every field kept; naming 統括 sends and tells 統括', async () => {
    const real = { purpose: 'cyber_emergency', mode: 'real', severity: 'emergency' };
    const [form] = await h.say(DEMO.itAdmin, compose(real));
    expect(form!.cardText).toContain('一斉通知の作成');
    expect(form!.cardText).toContain(
      '送信できません: 本番で全職員に送るときは、指示者（統括情報セキュリティ責任者）を選んでください。 根拠: 対策基準 12(5)②エ',
    );
    expect(cardActions(form!.card).map((a) => a.data.verb)).not.toContain(V.send);
    expect(cardInputs(form!.card)).toMatchObject({
      purpose: 'cyber_emergency',
      mode: 'real',
      severity: 'emergency',
      title: '不審メールに注意',
      choice2: '不審なメールを開いた',
      report2: 'virus',
      audience: 'everyone',
    });
    const id = idOf(form!.cardText);
    const denied = (await events(h, id)).filter((e) => e.event === 'broadcast.send_denied');
    expect(denied.map((e) => e.data)).toEqual([{ reason: 'instruction_required', step: 'preview' }]);

    const [preview] = await h.say(DEMO.itAdmin, compose({ ...real, instructedBy: 'E1005', broadcastId: id }));
    expect(preview!.cardText).toContain('【本番】これは訓練ではありません。');
    expect(preview!.cardText).toContain('"style":"attention"');
    expect(preview!.cardText).toContain('"title":"指示者","value":"高橋 誠（事務局）"');
    expect(preview!.cardText).toContain('送信と同時に 高橋 誠 に知らせます。');
    expect(cardActions(preview!.card).find((a) => a.data.verb === V.send)?.title).toBe('本番として送信');
    const res = await h.execute(DEMO.itAdmin, V.send, sendButton(preview!.card));
    expect(json(res.value)).toContain(`送信しました（${id}、${EVERYONE}名）`);
    await h.connector.waitFor(() =>
      h.inbox(DEMO.chief).some((r) => r.cardText.includes('本番の一斉通知が全職員に送信されました')),
    );
    const notice = h
      .inbox(DEMO.chief)
      .find((r) => r.cardText.includes('本番の一斉通知が全職員に送信されました'))!;
    expect(notice.cardText).toContain(
      `田中 美咲 が あなたの指示により、全職員（${EVERYONE}名、10課）に本番の一斉通知 ${id} を送信しました。`,
    );
    expect(notice.cardText).toContain('"type":"TextRun","text":"不審メールに注意"');
    expect(notice.cardText).toContain('根拠: 対策基準 12(5)②エ');
    expect((await new BroadcastRepo(h.bot.db).get(id))?.instructedBy).toBe('E1005');
  }, 60_000);

  it('a section officer is offered their own section and purposes only; anything beyond is refused', async () => {
    const [form] = await h.say(DEMO.officer, '一斉通知');
    const choices = (form!.card!.body as unknown[]).flatMap(function walk(
      n: unknown,
    ): Array<{ id: string; values: string[] }> {
      if (Array.isArray(n)) return n.flatMap(walk);
      if (!n || typeof n !== 'object') return [];
      const o = n as Record<string, unknown>;
      const here =
        o.type === 'Input.ChoiceSet'
          ? [{ id: String(o.id), values: (o.choices as Array<{ value: string }>).map((c) => c.value) }]
          : [];
      return [...here, ...Object.values(o).flatMap(walk)];
    });
    const of = (id: string) => choices.find((c) => c.id === id)?.values;
    expect(of('sections')).toEqual(['210']);
    expect(of('audience')).toEqual(['sections']);
    expect(of('purpose')).toEqual(['revision_staff', 'recurrence', 'awareness', 'general']);
    expect(of('instructedBy')).toBeUndefined(); // never needed for a section

    const beyond = await h.say(
      DEMO.officer,
      compose({ purpose: 'awareness', audience: 'sections', sections: '210,220' }),
    );
    expect(beyond[0]!.cardText).toContain('あなたが送信できない課が含まれています。');
    expect(answerVerbs(beyond[0]!.card)).toEqual([]);
    expect(cardActions(beyond[0]!.card).map((a) => a.data.verb)).not.toContain(V.send);
    const everyone = await h.say(DEMO.officer, compose({ purpose: 'general', audience: 'everyone' }));
    expect(everyone[0]!.cardText).toContain('この送信先は選べません。');

    const [preview] = await h.say(
      DEMO.officer,
      compose({
        purpose: 'awareness',
        audience: 'sections',
        sections: '210',
        broadcastId: idOf(everyone[0]!.cardText),
      }),
    );
    expect(preview!.cardText).toContain('送信先: 総務課（5名）');
    expect(preview!.cardText).toContain('根拠: 対策基準 10(2)②');
  });

  it('staff asking 一斉通知 are refused politely and the refusal is audited; the menu offers it to senders only', async () => {
    for (const text of ['一斉通知', '緊急連絡', '安否確認', '連絡網で通知']) {
      const [r] = await h.say(DEMO.staff, text);
      expect(r!.text).toContain('一斉通知を送信できるのは');
      expect(r!.card).toBeUndefined();
    }
    // A forged form submit makes no draft either.
    const [forged] = await h.say(DEMO.staff, compose());
    expect(forged!.text).toContain('一斉通知を送信できるのは');
    const denied = (await events(h, 'broadcast')).filter((e) => e.event === 'broadcast.compose_denied');
    expect(denied).toHaveLength(5);
    expect(denied.every((e) => e.actor === 'E1001')).toBe(true);
    expect(await new BroadcastRepo(h.bot.db).latestDraftBy('E1001')).toBeUndefined();

    const menuIntents = async (who: string) =>
      cardActions((await h.say(who, 'メニュー'))[0]!.card).map((a) => a.data.intent);
    expect(await menuIntents(DEMO.staff)).not.toContain('broadcast');
    expect(await menuIntents(DEMO.deputy)).not.toContain('broadcast');
    expect(await menuIntents(DEMO.officer)).toContain('broadcast');
    expect(await menuIntents(DEMO.itAdmin)).toContain('broadcast');
  });

  it('a validation error keeps every field; the draft survives a restart and offers 続きから / 破棄', async () => {
    const long = 'あ'.repeat(150);
    const [form] = await h.say(
      DEMO.itAdmin,
      compose({ title: long, body: '', choice1: '', choice2: '', mode: 'real', severity: 'notice' }),
    );
    const text = form!.cardText;
    expect(text).toContain(
      '「件名」は100文字以内で入力してください（入力: 150文字。先頭の100文字を残しています）。',
    );
    expect(text).toContain('「本文」を入力してください。');
    expect(text).toContain('選択肢を2〜4個入力してください。');
    expect(cardInputs(form!.card)).toMatchObject({
      title: 'あ'.repeat(100),
      body: '',
      mode: 'real',
      severity: 'notice',
      choice0: '該当なし',
      report2: 'virus',
      purpose: 'contact_tree',
    });
    const id = idOf(text);
    expect((await new BroadcastRepo(h.bot.db).get(id))?.title).toBe('あ'.repeat(100));

    await h.restart();
    const [resume] = await h.say(DEMO.itAdmin, '一斉通知');
    expect(resume!.cardText).toContain('書きかけの一斉通知があります');
    expect(resume!.cardText).toContain(`"text":"${'あ'.repeat(100)}"`);
    expect(cardActions(resume!.card).map((a) => [a.title, a.data.verb])).toEqual([
      ['続きから', V.edit],
      ['破棄', V.discard],
    ]);
    const [again] = await h.say(DEMO.itAdmin, { verb: V.edit, broadcastId: id });
    expect(cardInputs(again!.card)).toMatchObject({
      title: 'あ'.repeat(100),
      mode: 'real',
      severity: 'notice',
    });
    const [gone] = await h.say(DEMO.itAdmin, { verb: V.discard, broadcastId: id });
    expect(gone!.text).toBe('一斉通知の下書きを破棄しました。');
    expect((await new BroadcastRepo(h.bot.db).get(id))?.status).toBe('discarded');
    const [fresh] = await h.say(DEMO.itAdmin, '一斉通知');
    expect(fresh!.cardText).toContain('一斉通知の作成');
    expect(cardInputs(fresh!.card)).toMatchObject({ title: '', mode: 'drill' });
  });
});

describe('一斉通知: answers, reports, correction and recall', () => {
  let h: BotHarness;
  let clock: ManualClock;
  let id: string;
  beforeEach(async () => {
    clock = new ManualClock();
    h = await BotHarness.start({ clock });
    id = await send(h, DEMO.itAdmin, { audience: 'sections', sections: '210' }, SOMU.length);
  });
  afterEach(async () => h.stop());

  it('a recipient answers and changes it: first and latest kept with times, the card updates', async () => {
    const first = await h.execute(DEMO.staff, V.answer, { broadcastId: id, answer: '0' });
    expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(json(first.value)).toContain('あなたの回答: 該当なし（04/10 12:00）');
    expect(json(first.value)).toContain('回答を変更するときは、もう一度選んでください。');
    expect(answerVerbs(first.value)).toHaveLength(3);
    clock.advanceMinutes(3);
    const second = await h.execute(DEMO.staff, V.answer, { broadcastId: id, answer: '1' });
    expect(json(second.value)).toContain('あなたの回答: 不明（04/10 12:03）');
    const r = await new BroadcastRepo(h.bot.db).recipient(id, 'E1001');
    expect(r).toMatchObject({ firstAnswer: 'choice:0', latestAnswer: 'choice:1' });
    expect(Date.parse(r!.latestAnsweredAt!) - Date.parse(r!.firstAnsweredAt!)).toBe(3 * 60_000);
    // The same answer again is recorded once.
    await h.execute(DEMO.staff, V.answer, { broadcastId: id, answer: '1' });
    expect((await new BroadcastRepo(h.bot.db).answers(id)).map((a) => a.answer)).toEqual([
      'choice:0',
      'choice:1',
    ]);
    // The delivered copy is replaced in place (PUT of the posted activity).
    const posted = postedCopies(h, id).get(`a:personal-${DEMO.staff}`)![0]!;
    await h.connector.waitFor(() =>
      h.updates(DEMO.staff).some((u) => u.cardText.includes('不明（04/10 12:03）')),
    );
    const put = h.updates(DEMO.staff).find((u) => u.cardText.includes('不明（04/10 12:03）'))!;
    expect(put.raw.path).toMatch(new RegExp(`/activities/${posted.raw.responseId}$`));
    // Refresh (Teams opening the card) shows the same, from storage.
    const refreshed = await h.execute(DEMO.staff, V.copyRefresh, { broadcastId: id });
    expect(json(refreshed.value)).toContain('あなたの回答: 不明（04/10 12:03）');
  });

  it('the Action.Submit fallback answers alike; a reminder copy says 再通知 and offers the buttons again', async () => {
    const [card] = await h.say(DEMO.deputy, { verb: V.answer, broadcastId: id, answer: '1' });
    expect(card!.cardText).toContain('あなたの回答: 不明（04/10 12:00）');
    expect(await new BroadcastRepo(h.bot.db).recipient(id, 'E1003')).toMatchObject({
      latestAnswer: 'choice:1',
    });
    const r = await remindNow(h.bot.db, clock, { actorId: 'E1006', broadcastId: id });
    expect(r).toMatchObject({ ok: true, reminded: SOMU.length - 1 });
    h.bot.sender.kick();
    await h.connector.waitFor(() => (postedCopies(h, id).get(`a:personal-${DEMO.staff}`) ?? []).length === 2);
    const reminder = postedCopies(h, id).get(`a:personal-${DEMO.staff}`)![1]!;
    expect(reminder.cardText).toContain('再通知（1回目）: まだ回答がありません。回答してください。');
    expect(answerVerbs(reminder.card).map((a) => a.title)).toEqual([
      '該当なし',
      '不明',
      '不審なメールを開いた',
    ]);
    // The one who answered is not reminded: their chat has the first copy and the reply to the click.
    const deputyPosts = postedCopies(h, id).get(`a:personal-${DEMO.deputy}`)!;
    expect(deputyPosts.filter((p) => p.raw.responseId !== card!.raw.responseId)).toHaveLength(1);
  });

  it('someone else’s click on this or a neighbouring id gets one identical refusal, audited, and nothing is recorded', async () => {
    const neighbour = id.replace(/\d{4}$/, (n) => String(Number(n) + 1).padStart(4, '0'));
    const notMine = await h.execute(STAFF220, V.answer, { broadcastId: id, answer: '0' });
    const missing = await h.execute(STAFF220, V.answer, { broadcastId: neighbour, answer: '0' });
    expect(notMine).toEqual(missing);
    expect(json(notMine.value)).toContain('この通知は表示できません。');
    expect(json(notMine.value)).not.toContain('不審メール');
    const refresh = await h.execute(STAFF220, V.copyRefresh, { broadcastId: id });
    expect(json(refresh.value)).toBe(json(notMine.value));
    expect(await new BroadcastRepo(h.bot.db).answers(id)).toEqual([]);
    expect(await new BroadcastRepo(h.bot.db).recipient(id, 'E1014')).toBeUndefined();
    const denied = (await events(h)).filter((e) => e.actor === 'E1014').map((e) => [e.event, e.subject]);
    expect(denied).toEqual([
      ['broadcast.answer_denied', id],
      ['broadcast.answer_denied', neighbour],
      ['broadcast.view_denied', id],
    ]);
    // A bad answer index from a recipient is refused too and records nothing.
    await h.execute(DEMO.staff, V.answer, { broadcastId: id, answer: '3' });
    expect(await new BroadcastRepo(h.bot.db).answers(id)).toEqual([]);
  });

  it('「不審なメールを開いた」 starts the virus flow; the case carries the broadcast and shows it', async () => {
    const before = h.connector.received.length;
    const res = await h.execute(DEMO.staff, V.answer, { broadcastId: id, answer: '2' });
    expect(json(res.value)).toContain('あなたの回答: 不審なメールを開いた');
    await h.connector.waitFor((all) =>
      all.slice(before).some((r) => json(r.activity).includes('"verb":"flow.review","kind":"virus"')),
    );
    const chat = h.connector.received
      .slice(before)
      .filter((r) => r.conversationId === `a:personal-${DEMO.staff}`);
    expect(
      chat.some((r) =>
        String(r.activity.text ?? '').includes(
          `一斉通知 ${id} への回答から「ウイルス検知」の報告を始めます。`,
        ),
      ),
    ).toBe(true);
    expect((await new DraftRepo(h.bot.db).get('E1001', 'virus'))?.origin).toEqual({ broadcastId: id });

    const caseId = await fileCase(h, DEMO.staff, 'virus');
    const c = await new CaseRepo(h.bot.db).get(caseId);
    expect(c?.origin).toEqual({ broadcastId: id });
    const submitted = (await events(h, caseId)).find((e) => e.event === 'case.submitted');
    expect(submitted?.data).toMatchObject({ origin: { broadcastId: id } });
    expect((await events(h, id)).find((e) => e.event === 'broadcast.answered')?.data).toMatchObject({
      answer: 'choice:2',
      opensReport: 'virus',
    });
    await h.connector.waitFor(() => h.inbox(DEMO.officer).some((r) => r.cardText.includes(caseId)));
    const caseCard = h.inbox(DEMO.officer).find((r) => r.cardText.includes(caseId))!;
    expect(caseCard.cardText).toContain(`"title":"きっかけ","value":"一斉通知 ${id} への回答から"`);
  });

  it('a correction rewrites every delivered copy in place; a recall too, leaving no buttons; others are refused', async () => {
    const opened = await h.execute(DEMO.itAdmin, V.correctOpen, { broadcastId: id });
    expect(opened).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: '訂正フォームを送りました。',
    });
    await h.connector.waitFor(() => h.inbox(DEMO.itAdmin).some((r) => r.cardText.includes(V.correctSubmit)));
    const form = h.inbox(DEMO.itAdmin).find((r) => r.cardText.includes(V.correctSubmit))!;
    expect(cardInputs(form.card)).toMatchObject({ title: '不審メールに注意' });
    const submit = cardActions(form.card).find((a) => a.data.verb === V.correctSubmit)!.data;

    // Not the sender, 統括 or IT管理者: refused (audited), the form is never sent.
    const other = await h.execute(DEMO.officer, V.correctOpen, { broadcastId: id });
    expect(other.value).toContain('訂正・取消できるのは');
    const forged = await h.execute(DEMO.officer, V.correctSubmit, { ...submit, title: '偽', body: '偽' });
    expect(json(forged.value)).toContain('訂正・取消できるのは');
    expect((await events(h, id)).filter((e) => e.event === 'broadcast.manage_denied')).toHaveLength(2);

    clock.advanceMinutes(7);
    const done = await h.execute(DEMO.itAdmin, V.correctSubmit, {
      ...submit,
      title: '不審メールに注意（件名訂正）',
      body: '件名「ご請求書」の添付ファイルを開かないでください。',
    });
    expect(json(done.value)).toContain(`訂正しました（第2版）。配信済みの ${SOMU.length} 件を書き換えます。`);
    for (const who of SOMU) {
      const posted = postedCopies(h, id).get(`a:personal-${who}`)![0]!;
      await h.connector.waitFor(() =>
        h.updates(who).some((u) => u.cardText.includes('訂正（第2版, 12:07）')),
      );
      const put = h.updates(who).find((u) => u.cardText.includes('訂正（第2版, 12:07）'))!;
      expect(put.raw.path).toMatch(new RegExp(`/activities/${posted.raw.responseId}$`));
      expect(put.cardText).toContain('【訓練】不審メールに注意（件名訂正）');
      expect(put.cardText).toContain('件名「ご請求書」の添付ファイル');
    }

    const ask = await h.execute(DEMO.itAdmin, V.recall, { broadcastId: id });
    expect(ask.value).toBe('取消の確認を送りました。');
    await h.connector.waitFor(() => h.inbox(DEMO.itAdmin).some((r) => r.cardText.includes(V.recallConfirm)));
    const confirm = h.inbox(DEMO.itAdmin).find((r) => r.cardText.includes(V.recallConfirm))!;
    expect(confirm.cardText).toContain('"title":"配信済み","value":"5"');
    const recalled = await h.execute(
      DEMO.itAdmin,
      V.recallConfirm,
      cardActions(confirm.card).find((a) => a.data.verb === V.recallConfirm)!.data,
    );
    expect(json(recalled.value)).toContain(`取り消しました。配信済み ${SOMU.length} 件を書き換え`);
    expect((await new BroadcastRepo(h.bot.db).get(id))?.status).toBe('recalled');
    for (const who of SOMU) {
      await h.connector.waitFor(() =>
        h.updates(who).some((u) => u.cardText.includes('この通知は取り消されました')),
      );
      const put = h.updates(who).find((u) => u.cardText.includes('この通知は取り消されました'))!;
      expect(answerVerbs(put.card)).toEqual([]);
      expect(put.cardText).toContain('"strikethrough":true');
    }
    // A late answer is refused; the card says so and still has no buttons.
    const late = await h.execute(DEMO.staff, V.answer, { broadcastId: id, answer: '0' });
    expect(json(late.value)).toContain('この通知は取り消されました');
    expect(answerVerbs(late.value)).toEqual([]);
  }, 60_000);
});

describe('一斉通知 in English', () => {
  it('composes in English for an English client and renders the copy in the recipient’s language', async () => {
    const h = await BotHarness.start({ clock: new ManualClock() });
    try {
      await h.say(DEMO.staff, 'hello', 'en-US');
      const [form] = await h.say(DEMO.itAdmin, 'broadcast', 'en-US');
      expect(form!.cardText).toContain('Compose a broadcast');
      expect(form!.cardText).toContain(
        'Running the emergency contact tree, drills (Basis: Security Standard 6ウ)',
      );
      const [preview] = await h.say(
        DEMO.itAdmin,
        compose({ audience: 'sections', sections: '210' }),
        'en-US',
      );
      expect(preview!.cardText).toContain('Check before sending');
      expect(preview!.cardText).toContain('Audience: 総務課 (5 people)');
      await h.execute(DEMO.itAdmin, V.send, sendButton(preview!.card));
      const id = String(sendButton(preview!.card).broadcastId);
      await h.connector.waitFor(() => postedCopies(h, id).size === SOMU.length, 20_000);
      const staffCopy = postedCopies(h, id).get(`a:personal-${DEMO.staff}`)![0]!;
      expect(staffCopy.cardText).toContain('[DRILL] 不審メールに注意');
      expect(staffCopy.cardText).toContain('Please answer.');
      const officerCopy = postedCopies(h, id).get(`a:personal-${DEMO.officer}`)![0]!;
      expect(officerCopy.cardText).toContain('【訓練】不審メールに注意');
    } finally {
      await h.stop();
    }
  });
});
