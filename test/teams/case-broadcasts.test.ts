// Broadcasts linked to a case and chained broadcasts, through the real bot: 統括's one click on a case
// card handed to IT管理者 (12(4)⑤, 12(5)②エ), the recurrence steps of a closed failure (12(5)③), the
// request for the same improvement (14(3)) and the relay of a revised standard (14(5) → 14(6)) —
// asserted on what the loopback connector got and what the database and the audit log hold.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { BroadcastRepo } from '../../src/storage/broadcast-repo';
import { BROADCAST_VERBS as V } from '../../src/teams/broadcast/verbs';
import { VALID } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';

const aad = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const KEIRI_OFFICER = aad(12); // 渡辺 修, 経理課 (220)
const KEIRI_STAFF = aad(14); // 井上 拓也, 経理課
const SHISETSU_OFFICER = aad(20); // 池田 浩二, 施設管理課 (310)
const SOMU = [DEMO.officer, DEMO.deputy, DEMO.staff, aad(10), aad(11)]; // 総務課 (210)
/** The ten sections' officers (infra/demo/directory.csv); 総務課's is 佐藤 (DEMO.officer). */
const OFFICERS = [
  DEMO.chief,
  DEMO.superior,
  DEMO.officer,
  aad(12),
  aad(16),
  aad(18),
  aad(20),
  aad(24),
  aad(28),
  aad(31),
];

const json = (v: unknown) => JSON.stringify(v);
const idOf = (text: string) => /BC-\d{4}-\d{4}/.exec(text)?.[0] ?? '';

async function caseCard(h: BotHarness, who: string, caseId: string): Promise<string> {
  const r = await h.execute(who, 'case.refresh', { caseId });
  return json(r.value);
}

function verbsOf(card: string): string[] {
  return cardActions(JSON.parse(card)).map((a) => String(a.data.verb));
}

/** Cards posted into a chat that hold `needle`. */
function posted(h: BotHarness, who: string, needle: string) {
  return h.inbox(who).filter((r) => r.raw.method === 'POST' && r.cardText.includes(needle));
}

/** Copies of broadcast `id` (the recipient's card, with its refresh) posted into chats. */
function copies(h: BotHarness, id: string): string[] {
  return h.connector.received
    .filter((r) => r.method === 'POST')
    .filter((r) => {
      const text = json(r.activity.attachments ?? '');
      return text.includes(`"broadcastId":"${id}"`) && text.includes(V.copyRefresh);
    })
    .map((r) => r.conversationId.replace('a:personal-', ''));
}

async function events(h: BotHarness, subject: string) {
  return (await new AuditRepo(h.bot.db).list(subject)).map((e) => ({
    event: e.event,
    actor: e.actor,
    article: e.article,
    reason: (e.data as { reason?: unknown } | undefined)?.reason,
  }));
}

/** A virus case reported by staff, handled by 佐藤 and reported to 統括 (12(4)④). */
async function reportedVirus(h: BotHarness): Promise<string> {
  const id = await fileCase(h, DEMO.staff, 'virus');
  await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
  await h.execute(DEMO.officer, 'case.report_chief', { caseId: id });
  return id;
}

/** Sends the prepared draft `id` from the preview `who` received; waits for `recipients` copies. */
async function sendPrepared(h: BotHarness, who: string, id: string, recipients: number): Promise<void> {
  await h.connector.waitFor(() => posted(h, who, `"broadcastId":"${id}"`).length > 0, 10_000);
  const preview = posted(h, who, `"broadcastId":"${id}"`)[0]!;
  const send = cardActions(preview.card).find((a) => a.data.verb === V.send)!.data;
  const res = await h.execute(who, V.send, send);
  expect(json(res.value)).toContain(id);
  await h.connector.waitFor(() => copies(h, id).length === recipients, 20_000);
}

describe('broadcasts from a case (12(4)⑤, 12(5)②エ)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start({ clock: new ManualClock() });
    for (const p of [...Object.values(DEMO), ...OFFICERS, KEIRI_STAFF]) await h.say(p, 'こんにちは');
  });
  afterEach(async () => h.stop());

  it('12(4)⑤: 統括 has the other officers informed through IT管理者 with one click; the case card shows the answer rate', async () => {
    const id = await fileCase(h, DEMO.staff, 'virus');
    await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
    // Before the officer's report to 統括 there is nothing for 統括 to pass on.
    expect(verbsOf(await caseCard(h, DEMO.chief, id))).not.toContain(V.caseOfficers);
    await h.execute(DEMO.officer, 'case.report_chief', { caseId: id });

    const chiefCard = await caseCard(h, DEMO.chief, id);
    expect(chiefCard).toContain('他の課情報セキュリティ責任者へ周知');
    expect(chiefCard).toContain('根拠: 対策基準 12(4)⑤');
    expect(verbsOf(chiefCard)).toContain(V.caseOfficers);
    // Only 統括 gets the button: not the officer who reported it, nor IT管理者.
    expect(verbsOf(await caseCard(h, DEMO.officer, id))).not.toContain(V.caseOfficers);

    const clicked = json((await h.execute(DEMO.chief, V.caseOfficers, { caseId: id })).value);
    expect(clicked).toContain('IT管理者 田中 美咲 さんに送信を依頼しました');
    const bcId = idOf(clicked);
    const b = (await new BroadcastRepo(h.bot.db).get(bcId))!;
    expect(b).toMatchObject({
      status: 'draft',
      purpose: 'officer_alert',
      mode: 'real',
      caseId: id,
      createdBy: 'E1006', // 田中 美咲, IT管理者: the article's "IT管理者を通じ"
      instructedBy: 'E1005', // 高橋 誠, 統括
      answer: { kind: 'ack' },
    });
    expect(b.audience).toMatchObject({ kind: 'sections', officersOnly: true });
    expect((b.audience as { sectionCodes: readonly string[] }).sectionCodes).not.toContain('210');
    // Ids and titles only: nothing the reporter typed (asset number, malware name) is in the text.
    expect(b.body).toContain(id);
    expect(b.body).toContain('ウイルス');
    expect(`${b.title}${b.body}`).not.toContain(VALID.virus.assetNumber!);
    expect(`${b.title}${b.body}`).not.toContain(VALID.virus.malwareName!);

    // The draft is IT管理者's: 統括 or the reporting officer replaying 送信 with its id is refused.
    for (const who of [DEMO.chief, DEMO.officer])
      await h.execute(who, V.send, { broadcastId: bcId, version: b.version });
    expect((await new BroadcastRepo(h.bot.db).get(bcId))!.status).toBe('draft');
    expect(
      (await events(h, bcId))
        .filter((e) => e.event === 'broadcast.send_denied')
        .map((e) => [e.actor, e.reason]),
    ).toEqual([
      ['E1005', 'not_found'],
      ['E1002', 'not_found'],
    ]);

    // IT管理者 gets the preview with 送信; one click sends it to the other nine officers.
    await sendPrepared(h, DEMO.itAdmin, bcId, 9);
    expect(copies(h, bcId).sort()).toEqual(OFFICERS.filter((o) => o !== DEMO.officer).sort());
    await h.execute(KEIRI_OFFICER, V.answer, { broadcastId: bcId, answer: 'ack' });
    const after = await caseCard(h, DEMO.chief, id);
    expect(after).toContain(`一斉通知 ${bcId}`);
    expect(after).toContain('回答 1/9（11%）');
    // Sent: the button is gone, a second click prepares nothing new.
    expect(verbsOf(after)).not.toContain(V.caseOfficers);
    const again = json((await h.execute(DEMO.chief, V.caseOfficers, { caseId: id })).value);
    expect(again).toContain(`この案件の一斉通知 ${bcId} はすでに準備されています`);
    expect((await new BroadcastRepo(h.bot.db).byCase(id)).length).toBe(1);

    expect(await events(h, id)).toContainEqual({
      event: 'case.broadcast_prepared',
      actor: 'E1005',
      article: '12(4)⑤',
      reason: undefined,
    });
    expect((await events(h, bcId)).map((e) => [e.event, e.article])).toEqual(
      expect.arrayContaining([
        ['broadcast.case_prepared', '12(4)⑤'],
        ['broadcast.sent', '12(4)⑤'],
      ]),
    );
  });

  it('12(4)⑤: a staff member, an officer of another section and a neighbouring case id are refused and audited', async () => {
    const id = await reportedVirus(h);
    // Staff (the reporter) sees the case but may not start the broadcast.
    const staff = json((await h.execute(DEMO.staff, V.caseOfficers, { caseId: id })).value);
    expect(staff).toContain('この操作はできません: 統括情報セキュリティ責任者が行います');
    // An officer of another section may not even see the case.
    const other = json((await h.execute(KEIRI_OFFICER, V.caseOfficers, { caseId: id })).value);
    expect(other).toContain('この案件は表示できません');
    expect(other).not.toContain('ウイルス');
    // The officer who reported it is not 統括 either.
    await h.execute(DEMO.officer, V.caseAllStaff, { caseId: id });
    // A neighbouring id that does not exist: the same short card as a case one may not see.
    const next = id.replace(/\d{4}$/, (n) => String(Number(n) + 1).padStart(4, '0'));
    const missing = json((await h.execute(DEMO.chief, V.caseOfficers, { caseId: next })).value);
    expect(missing).toContain('この案件は表示できません');

    expect(await new BroadcastRepo(h.bot.db).byCase(id)).toEqual([]);
    const denied = (await events(h, id)).filter((e) => e.event === 'case.broadcast_denied');
    expect(denied).toEqual([
      { event: 'case.broadcast_denied', actor: 'E1001', article: '12(4)⑤', reason: 'not_chief' },
      { event: 'case.broadcast_denied', actor: 'E1012', article: '12(4)⑤', reason: 'not_chief' },
      { event: 'case.broadcast_denied', actor: 'E1002', article: '12(5)②エ', reason: 'not_chief' },
    ]);
    expect(await events(h, next)).toContainEqual({
      event: 'case.broadcast_denied',
      actor: 'E1005',
      article: '12(4)⑤',
      reason: 'not_found',
    });
  });

  it('12(5)②エ: a cyber-attack emergency goes to all staff through IT管理者, on 統括’s instruction; a failure does not qualify', async () => {
    const id = await reportedVirus(h);
    const chiefCard = await caseCard(h, DEMO.chief, id);
    expect(chiefCard).toContain('根拠: 対策基準 12(5)②エ');
    const clicked = json((await h.execute(DEMO.chief, V.caseAllStaff, { caseId: id })).value);
    const bcId = idOf(clicked);
    const b = (await new BroadcastRepo(h.bot.db).get(bcId))!;
    expect(b).toMatchObject({
      purpose: 'cyber_emergency',
      severity: 'emergency',
      audience: { kind: 'everyone', officersOnly: false },
      caseId: id,
      createdBy: 'E1006',
      instructedBy: 'E1005',
    });
    await h.connector.waitFor(() => posted(h, DEMO.itAdmin, `"broadcastId":"${bcId}"`).length > 0, 10_000);
    const preview = posted(h, DEMO.itAdmin, `"broadcastId":"${bcId}"`)[0]!.cardText;
    expect(preview).toContain('高橋 誠 さんの指示で、案件から一斉通知');
    expect(preview).toContain('送信先: 全職員（34名）');
    expect(preview).toContain('根拠: 対策基準 12(5)②エ');

    // A system failure is no breach by a cyber attack: no button, and a replayed click is refused.
    const failure = await fileCase(h, DEMO.staff, 'system_failure');
    await h.execute(DEMO.officer, 'case.acknowledge', { caseId: failure });
    await h.execute(DEMO.officer, 'case.report_chief', { caseId: failure });
    const failureCard = await caseCard(h, DEMO.chief, failure);
    expect(verbsOf(failureCard)).not.toContain(V.caseAllStaff);
    expect(verbsOf(failureCard)).toContain(V.caseOfficers);
    await h.execute(DEMO.chief, V.caseAllStaff, { caseId: failure });
    expect((await events(h, failure)).filter((e) => e.event === 'case.broadcast_denied')).toEqual([
      { event: 'case.broadcast_denied', actor: 'E1005', article: '12(5)②エ', reason: 'kind_not_eligible' },
    ]);
  });
});

describe('recurrence prevention (12(5)③)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start({ clock: new ManualClock() });
    for (const p of [...Object.values(DEMO), ...SOMU, KEIRI_OFFICER, aad(17)]) await h.say(p, 'こんにちは');
  });
  afterEach(async () => h.stop());

  async function closedFailure(): Promise<string> {
    const id = await fileCase(h, DEMO.staff, 'system_failure');
    await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
    await h.execute(DEMO.officer, 'case.record', {
      caseId: id,
      record_status_scope: '財務会計システムにログインできない（全課）',
      record_cause: '認証サーバの証明書期限切れ',
      record_recovery: '証明書を更新',
    });
    await h.execute(DEMO.officer, 'case.report_chief', { caseId: id });
    await h.execute(DEMO.officer, 'case.close', {
      caseId: id,
      closure_content: 'ログイン不可',
      closure_cause: '証明書期限切れ',
      closure_damage: 'なし',
      closure_scope: '全課',
    });
    return id;
  }

  it('12(5)③: the officer records analysis and measures, IT管理者 confirms the 協議, 統括 is told, the officer tells their staff with one click', async () => {
    const id = await closedFailure();
    const officerCard = await caseCard(h, DEMO.officer, id);
    expect(officerCard).toContain('再発防止: 原因・リスクを分析し、改善対策を記録してください');
    expect(officerCard).toContain('根拠: 対策基準 12(5)③');
    expect(verbsOf(officerCard)).toContain(V.recurrenceRecord);
    // Telling staff before the 協議 is refused.
    await h.execute(DEMO.officer, V.recurrenceNotify, { caseId: id });

    const recorded = json(
      (
        await h.execute(DEMO.officer, V.recurrenceRecord, {
          caseId: id,
          recurrence_analysis: '証明書の期限を誰も管理していなかった',
          recurrence_measures: '証明書の期限を台帳で管理し、30日前に更新する',
        })
      ).value,
    );
    expect(recorded).toContain('再発防止策を記録しました');
    expect(recorded).toContain('証明書の期限を台帳で管理し、30日前に更新する');

    // Each IT管理者 gets the case card with 協議済みを確認.
    await h.connector.waitFor(() => posted(h, DEMO.itAdmin, '協議済みを確認').length > 0, 10_000);
    const adminCard = await caseCard(h, DEMO.itAdmin, id);
    expect(verbsOf(adminCard)).toContain(V.recurrenceAgree);
    expect(adminCard).toContain('未確認');
    const agreed = json((await h.execute(DEMO.itAdmin, V.recurrenceAgree, { caseId: id })).value);
    expect(agreed).toContain('再発防止策を統括情報セキュリティ責任者へ報告しました');
    expect(agreed).toContain('確認済み（田中 美咲');
    // The report reaches 統括: the case card with the measures.
    await h.connector.waitFor(
      () => posted(h, DEMO.chief, '証明書の期限を台帳で管理し、30日前に更新する').length > 0,
      10_000,
    );

    // One click: the notice to 総務課, linked to the case, prefilled with the measures.
    const before = h.inbox(DEMO.officer).length;
    await h.execute(DEMO.officer, V.recurrenceNotify, { caseId: id });
    const preview = h
      .inbox(DEMO.officer)
      .slice(before)
      .find((r) => r.cardText.includes(V.send))!;
    expect(preview.cardText).toContain('30日前に更新する');
    expect(preview.cardText).toContain('根拠: 対策基準 12(5)③');
    const send = cardActions(preview.card).find((a) => a.data.verb === V.send)!.data;
    const bcId = String(send.broadcastId);
    await h.execute(DEMO.officer, V.send, send);
    await h.connector.waitFor(() => copies(h, bcId).length === SOMU.length, 20_000);
    expect(copies(h, bcId).sort()).toEqual([...SOMU].sort());
    expect(await new BroadcastRepo(h.bot.db).get(bcId)).toMatchObject({ caseId: id, purpose: 'recurrence' });
    expect(await caseCard(h, DEMO.officer, id)).toContain(`一斉通知 ${bcId}`);

    expect((await events(h, id)).map((e) => [e.event, e.article, e.reason])).toEqual(
      expect.arrayContaining([
        ['case.recurrence_denied', '12(5)③', 'not_agreed'],
        ['case.recurrence_recorded', '12(5)③', undefined],
        ['case.recurrence_agreed', '12(5)③', undefined],
        ['case.recurrence_reported', '12(5)③', undefined],
        ['case.recurrence_notice_prepared', '12(5)③', undefined],
      ]),
    );
  });

  it('12(5)③: staff, an officer of another section, the officer confirming their own 協議 and an open case are refused and audited', async () => {
    const open = await fileCase(h, DEMO.staff, 'system_failure');
    await h.execute(DEMO.officer, V.recurrenceRecord, {
      caseId: open,
      recurrence_analysis: 'a',
      recurrence_measures: 'b',
    });
    const id = await closedFailure();
    await h.execute(DEMO.staff, V.recurrenceRecord, {
      caseId: id,
      recurrence_analysis: 'a',
      recurrence_measures: 'b',
    });
    await h.execute(KEIRI_OFFICER, V.recurrenceRecord, {
      caseId: id,
      recurrence_analysis: 'a',
      recurrence_measures: 'b',
    });
    // IT管理者 before anything was recorded; the officer confirming their own measures.
    await h.execute(DEMO.itAdmin, V.recurrenceAgree, { caseId: id });
    await h.execute(DEMO.officer, V.recurrenceRecord, {
      caseId: id,
      recurrence_analysis: '分析',
      recurrence_measures: '対策',
    });
    await h.execute(DEMO.officer, V.recurrenceAgree, { caseId: id });
    // A compose of a 12(5)③ notice without its case is refused at the preview.
    const [refusal] = await h.say(DEMO.officer, {
      verb: V.review,
      purpose: 'recurrence',
      mode: 'real',
      severity: 'important',
      title: '対処方法',
      body: '本文',
      audience: 'sections',
      sections: '210',
      includeSub: 'false',
      answerKind: 'ack',
      remind: 'default',
      instructedBy: '',
    });
    expect(refusal!.cardText).toContain('IT管理者と協議した再発防止策のある自課の案件から送ります');

    expect(
      (await events(h, open)).filter((e) => e.event === 'case.recurrence_denied').map((e) => e.reason),
    ).toEqual(['not_closed']);
    expect(
      (await events(h, id))
        .filter((e) => e.event === 'case.recurrence_denied')
        .map((e) => [e.actor, e.reason]),
    ).toEqual([
      ['E1001', 'not_officer'],
      ['E1012', 'not_officer'],
      ['E1006', 'not_recorded'],
      ['E1002', 'not_it_admin'],
    ]);
  });
});

describe('officers asked for the same improvement (14(3)) and a revised standard relayed (14(5) → 14(6))', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start({ clock: new ManualClock() });
    for (const p of [...Object.values(DEMO), ...OFFICERS, ...SOMU, KEIRI_STAFF]) await h.say(p, 'こんにちは');
  });
  afterEach(async () => h.stop());

  const compose = (over: Record<string, string>) => ({
    verb: V.review,
    mode: 'real',
    severity: 'important',
    title: 'タイトル',
    body: '本文',
    includeSub: 'false',
    answerKind: 'none',
    remind: 'default',
    instructedBy: '',
    ...over,
  });

  it('14(3): 統括 asks chosen officers for the same improvement; each answers 「対応済」; 統括 sees who has not', async () => {
    const [preview] = await h.say(
      DEMO.chief,
      compose({
        purpose: 'improvement',
        title: '検査指摘: 共有フォルダのアクセス権',
        body: '総務課の検査で、退職者のアクセス権が残っていました。各課でも確認し、改善してください。',
        audience: 'officers',
        sections: '220,310',
      }),
    );
    expect(preview!.cardText).toContain('根拠: 対策基準 14(3)');
    const send = cardActions(preview!.card).find((a) => a.data.verb === V.send)!.data;
    const bcId = String(send.broadcastId);
    // The answer is fixed to the acknowledgement, shown as 「対応済」.
    expect((await new BroadcastRepo(h.bot.db).get(bcId))!.answer).toEqual({ kind: 'ack' });
    await h.execute(DEMO.chief, V.send, send);
    await h.connector.waitFor(() => copies(h, bcId).length === 2, 20_000);
    expect(copies(h, bcId).sort()).toEqual([KEIRI_OFFICER, SHISETSU_OFFICER].sort());
    const copy = posted(h, KEIRI_OFFICER, `"broadcastId":"${bcId}"`)[0]!;
    expect(copy.cardText).toContain('"title":"対応済"');
    const answered = json(
      (await h.execute(KEIRI_OFFICER, V.answer, { broadcastId: bcId, answer: 'ack' })).value,
    );
    expect(answered).toContain('対応済');

    const before = h.inbox(DEMO.chief).length;
    await h.say(DEMO.chief, { verb: 'broadcast.nonresponders', broadcastId: bcId });
    const list = h
      .inbox(DEMO.chief)
      .slice(before)
      .map((r) => r.cardText)
      .join('');
    expect(list).toContain('池田 浩二');
    expect(list).not.toContain('渡辺 修');
    const rows = await new BroadcastRepo(h.bot.db).recipientStatuses(bcId);
    expect(rows.map((r) => [r.personId, r.firstAnswer])).toEqual(
      expect.arrayContaining([
        ['E1012', 'ack'],
        ['E1020', null],
      ]),
    );
    // Only 統括 asks (14(3)): an officer composing it is refused.
    const [refused] = await h.say(
      DEMO.officer,
      compose({ purpose: 'improvement', audience: 'officers', sections: '220' }),
    );
    expect(refused!.cardText).not.toContain(V.send);
  });

  it('14(5)(6): each officer who acknowledges gets a prefilled relay to their staff, chained to the parent; 統括 sees who relayed it and the staff rate', async () => {
    const [preview] = await h.say(
      DEMO.chief,
      compose({
        purpose: 'revision_officers',
        title: '対策基準の改定（第3版）',
        body: '10(4) の持ち出しの規定を改定しました。',
        audience: 'officers',
        sections: '',
        answerKind: 'none',
      }),
    );
    const send = cardActions(preview!.card).find((a) => a.data.verb === V.send)!.data;
    const parentId = String(send.broadcastId);
    // 14(5) asks for acknowledgement whatever the form said.
    expect((await new BroadcastRepo(h.bot.db).get(parentId))!.answer).toEqual({ kind: 'ack' });
    await h.execute(DEMO.chief, V.send, send);
    await h.connector.waitFor(() => copies(h, parentId).length === OFFICERS.length, 20_000);

    // A relay to staff without the parent is refused, even for their own section.
    const [direct] = await h.say(
      DEMO.officer,
      compose({ purpose: 'revision_staff', audience: 'sections', sections: '210', answerKind: 'ack' }),
    );
    expect(direct!.cardText).toContain('統括情報セキュリティ責任者から受けた改定の周知から送ります');

    await h.execute(DEMO.officer, V.answer, { broadcastId: parentId, answer: 'ack' });
    const relay = (await new BroadcastRepo(h.bot.db).children(parentId))[0]!;
    expect(relay).toMatchObject({
      purpose: 'revision_staff',
      status: 'draft',
      createdBy: 'E1002',
      parentId,
      answer: { kind: 'ack' },
      audience: { kind: 'sections', sectionCodes: ['210'], officersOnly: false },
    });
    expect(relay.body).toContain('10(4) の持ち出しの規定を改定しました。');
    await sendPrepared(h, DEMO.officer, relay.id, SOMU.length);
    expect(posted(h, DEMO.officer, `"broadcastId":"${relay.id}"`)[0]!.cardText).toContain(
      '根拠: 対策基準 14(6)',
    );
    await h.execute(DEMO.staff, V.answer, { broadcastId: relay.id, answer: 'ack' });
    // Acknowledging twice prepares no second relay.
    await h.execute(DEMO.officer, V.answer, { broadcastId: parentId, answer: 'ack' });
    expect((await new BroadcastRepo(h.bot.db).children(parentId)).length).toBe(1);

    // 統括's status card offers the relay view; it lists each section.
    await h.connector.waitFor(() => posted(h, DEMO.chief, V.relayStatus).length > 0, 10_000);
    const button = cardActions(posted(h, DEMO.chief, V.relayStatus)[0]!.card).find(
      (a) => a.data.verb === V.relayStatus,
    )!;
    expect(button).toMatchObject({ title: '各課への周知の状況', data: { broadcastId: parentId } });
    const before = h.inbox(DEMO.chief).length;
    await h.say(DEMO.chief, button.data);
    const view = h
      .inbox(DEMO.chief)
      .slice(before)
      .map((r) => r.cardText)
      .join('');
    expect(view).toContain(`総務課（佐藤 健一）: 確認済み / 職員へ周知 ${relay.id}（確認 1/5、20%）`);
    expect(view).toContain('経理課（渡辺 修）: 未確認 / 職員へ未周知');
    expect(view).toContain('根拠: 対策基準 14(5)・14(6)');

    // Another section's officer replaying 送信 of 佐藤's relay, and staff acknowledging the 14(5)
    // broadcast they never received, are refused: no relay for either.
    await h.execute(KEIRI_OFFICER, V.send, { broadcastId: relay.id, version: 99 });
    await h.execute(DEMO.staff, V.answer, { broadcastId: parentId, answer: 'ack' });
    expect((await new BroadcastRepo(h.bot.db).children(parentId)).map((b) => b.createdBy)).toEqual(['E1002']);
    expect(
      (await new AuditRepo(h.bot.db).list(relay.id))
        .filter((e) => e.event === 'broadcast.send_denied')
        .map((e) => e.actor),
    ).toEqual(['E1012']);
    expect(
      (await new AuditRepo(h.bot.db).list(parentId))
        .filter((e) => e.event === 'broadcast.answer_denied')
        .map((e) => [e.actor, (e.data as { reason: string }).reason]),
    ).toEqual([['E1001', 'not_recipient']]);

    // Staff and an officer may not see the relay view, nor anyone a neighbouring id; refused and audited.
    await h.say(DEMO.staff, { verb: V.relayStatus, broadcastId: parentId });
    await h.say(KEIRI_OFFICER, { verb: V.relayStatus, broadcastId: parentId });
    const next = parentId.replace(/\d{4}$/, '0099');
    await h.say(DEMO.chief, { verb: V.relayStatus, broadcastId: next });
    expect(
      (await new AuditRepo(h.bot.db).list(next)).map((e) => [
        e.event,
        e.actor,
        (e.data as { reason: string }).reason,
      ]),
    ).toEqual([['broadcast.results_denied', 'E1005', 'not_found']]);
    const denied = (await new AuditRepo(h.bot.db).list(parentId)).filter(
      (e) => e.event === 'broadcast.results_denied',
    );
    expect(denied.map((e) => [e.actor, e.article])).toEqual([
      ['E1001', '14(6)'],
      ['E1012', '14(6)'],
    ]);
    expect((await new AuditRepo(h.bot.db).list(relay.id)).map((e) => [e.event, e.article])).toEqual(
      expect.arrayContaining([
        ['broadcast.relay_prepared', '14(6)'],
        ['broadcast.sent', '14(6)'],
      ]),
    );
  });
});
