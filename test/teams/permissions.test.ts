// The permissions of issue 10 (§Permissions): 9(3)③ wireless LAN, 11(2)②③ external connection and
// the refused security-setting change of 10(4)⑦, through the real HTTP host on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { TimerRepo } from '../../src/storage/timer-repo';
import { VALID } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase, submitValue } from '../helpers/forms';

const json = (v: unknown) => JSON.stringify(v);
const executeVerbs = (card: unknown) =>
  cardActions(card)
    .map((a) => a.data.verb as string)
    .filter((v) => v !== 'case.refresh');
/** 渡辺 修, officer of 経理課: an officer with no part in these cases. */
const OTHER_OFFICER = '00000000-0000-4000-8000-000000000012';
const STRANGER = '99999999-0000-4000-8000-000000000099';
const PAST_DATE_ERROR = '「整備予定日」に過去の日付は指定できません。';

const CONSULTATION = {
  record_consult_configuration: 'メーカー保守拠点からIPsec VPNで監視サーバのみに到達する構成',
  record_consult_security_level: 'ISMS認証取得済みの保守拠点、多要素認証あり',
  record_consult_risks: '保守端末経由のマルウェア侵入、VPNの常時接続による攻撃面の拡大',
  record_consult_measures: '保守時のみ接続を有効化、通信先とポートを限定、操作ログ取得を確認した',
};

async function events(h: BotHarness, subject: string) {
  return new AuditRepo(h.bot.db).list(subject);
}

describe('permissions still missing (issue 10)', () => {
  let h: BotHarness;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock();
    h = await BotHarness.start({ clock });
    for (const p of [...Object.values(DEMO), OTHER_OFFICER]) await h.say(p, 'こんにちは');
  });
  afterEach(async () => h.stop());

  it('9(3)③ wireless LAN: an IT管理者 asks, the request goes to 統括 with the article, and only 統括 permits', async () => {
    const started = await h.say(DEMO.itAdmin, '無線LANを設置したい');
    expect(started[0]?.cardText).toContain('有線が適さない理由');
    expect(started[0]?.cardText).toContain('9(3)③');
    const id = await fileCase(h, DEMO.itAdmin, 'wireless_lan');
    const c = await new CaseRepo(h.bot.db).get(id);
    expect(c).toMatchObject({ kind: 'wireless_lan', status: 'submitted', assigneeId: 'E1005' });
    expect(c?.state.stage).toBe('approve');
    await h.connector.waitFor(() => h.inbox(DEMO.chief).some((r) => r.cardText.includes(id)));
    const posted = h.inbox(DEMO.chief).find((r) => r.cardText.includes(id))!;
    expect(executeVerbs(posted.card)).toEqual(expect.arrayContaining(['case.approve', 'case.reject']));
    expect(posted.cardText).toContain('9(3)③');
    // Not the section officer of her section, nor the requester herself.
    for (const who of [DEMO.officer, DEMO.itAdmin]) {
      const res = await h.execute(who, 'case.approve', { caseId: id });
      expect(executeVerbs(res.value)).toEqual([]);
    }
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('submitted');
    const ok = await h.execute(DEMO.chief, 'case.approve', { caseId: id, conditions: 'WPA3で運用すること' });
    expect(json(ok.value)).toContain('承認');
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('approved');
    const approved = (await events(h, id)).find((e) => e.event === 'case.approved');
    expect(approved?.article).toBe('9(3)③');
    expect(approved?.actor).toBe('E1005');
    await h.connector.waitFor(() =>
      h.inbox(DEMO.itAdmin).some((r) => (r.text ?? '').includes(id) && (r.text ?? '').includes('9(3)③')),
    );
  });

  it('9(3)③ wireless LAN: staff are told who asks for it (運用ルール) and what 9(3)③ requires; the attempt is audited and no form is sent', async () => {
    const replies = await h.say(DEMO.staff, '無線LANを設置したい');
    expect(replies).toHaveLength(1);
    const lines = (replies[0]?.card as { body: { text?: string }[] }).body.map((b) => b.text ?? '');
    // Who may ask is the organisation's reading: the article names no requester.
    const who = lines.findIndex((l) => l.includes('課情報セキュリティ責任者またはIT管理者'));
    expect(who).toBeGreaterThan(0);
    expect(lines[who + 1]).toBe('根拠: 運用ルール');
    // 9(3)③ is cited for what it says: 統括's permission.
    const rests = lines.findIndex((l) => l.includes('統括情報セキュリティ責任者の許可を得て'));
    expect(rests).toBeGreaterThan(who);
    expect(lines[rests + 1]).toBe('根拠: 対策基準 9(3)③');
    expect(replies[0]?.cardText).not.toContain('flow.review');
    const refused = (await events(h, 'E1001')).filter((e) => e.event === 'flow.filer_refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      actor: 'E1001',
      article: 'operating_rule',
      data: { kind: 'wireless_lan' },
    });
    // A card sent anyway (an old form) is refused on the server too: no case is created.
    const review = await h.say(DEMO.staff, submitValue('wireless_lan', VALID.wireless_lan));
    expect(review[0]?.cardText).toContain('9(3)③');
    const submit = await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'wireless_lan' });
    expect(submit.map((r) => r.text ?? '').join()).toMatch(/送信できません|受け付け/);
    expect(await new CaseRepo(h.bot.db).listByReporter('E1001')).toEqual([]);
  });

  it('9(3)③ wireless LAN form: Japanese errors name the missing reason, and the draft survives a restart', async () => {
    const answers = { ...VALID.wireless_lan, wiredUnsuitable: '', startDate: '2026-04-01' };
    const r = await h.say(DEMO.officer, submitValue('wireless_lan', answers));
    expect(r[0]?.cardText).toContain('有線が適さない理由');
    expect(r[0]?.cardText).toMatch(/入力してください/);
    expect(r[0]?.cardText).toContain(VALID.wireless_lan.network);
    // Permission comes first (9(3)③): a start date already past is refused.
    const past = await h.say(
      DEMO.officer,
      submitValue('wireless_lan', { ...VALID.wireless_lan, startDate: '2026-04-01' }),
    );
    expect(past[0]?.cardText).toContain(PAST_DATE_ERROR);
    await h.restart();
    const again = await h.say(DEMO.officer, '無線LAN');
    expect(again[0]?.cardText).toContain('draft.resume');
    const resumed = await h.say(DEMO.officer, { verb: 'draft.resume', kind: 'wireless_lan' });
    expect(resumed[0]?.cardText).toContain(VALID.wireless_lan.network);
  });

  it('11(2)②③ external connection: the IT管理者 records the consultation first, then 統括 approves; 統括 cannot approve before', async () => {
    const id = await fileCase(h, DEMO.officer, 'external_connection');
    let c = await new CaseRepo(h.bot.db).get(id);
    expect(c).toMatchObject({ status: 'submitted', assigneeId: 'E1006' });
    expect(c?.state.stage).toBe('consult');
    // Routed to the IT管理者 with the consultation inputs and its article, and chased by a deadline.
    await h.connector.waitFor(() => h.inbox(DEMO.itAdmin).some((r) => r.cardText.includes(id)));
    const adminCard = h.inbox(DEMO.itAdmin).find((r) => r.cardText.includes(id))!;
    expect(executeVerbs(adminCard.card)).toEqual(expect.arrayContaining(['case.consult', 'case.reject']));
    expect(executeVerbs(adminCard.card)).not.toContain('case.approve');
    expect(adminCard.cardText).toContain('11(2)②');
    const firstDeadline = (await new TimerRepo(h.bot.db).byCase(id)).filter((t) => t.kind === 'ack_deadline');
    expect(firstDeadline.length).toBeGreaterThan(0);

    // 統括 cannot approve before the IT管理者's step.
    const early = await h.execute(DEMO.chief, 'case.approve', { caseId: id });
    expect(json(early.value)).toContain('IT管理者の協議がまだです');
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('submitted');

    // Every part of the consultation is required.
    const partial = await h.execute(DEMO.itAdmin, 'case.consult', {
      caseId: id,
      ...CONSULTATION,
      record_consult_risks: ' ',
    });
    expect(json(partial.value)).toContain('リスクの検討結果');
    expect(json(partial.value)).toContain(CONSULTATION.record_consult_measures);
    expect((await new CaseRepo(h.bot.db).get(id))?.state.stage).toBe('consult');

    const consulted = await h.execute(DEMO.itAdmin, 'case.consult', { caseId: id, ...CONSULTATION });
    expect(json(consulted.value)).toContain('統括情報セキュリティ責任者の承認へ進めました');
    c = await new CaseRepo(h.bot.db).get(id);
    expect(c).toMatchObject({ status: 'endorsed', assigneeId: 'E1005' });
    expect(c?.state.stage).toBe('approve');
    expect((c?.state.records as Record<string, string>).consult_measures).toBe(
      CONSULTATION.record_consult_measures,
    );
    const consultedRow = (await events(h, id)).find((e) => e.event === 'case.consulted');
    expect(consultedRow).toMatchObject({ actor: 'E1006', article: '11(2)②' });
    expect(consultedRow?.data).toMatchObject({
      from: { status: 'submitted', stage: 'consult', assigneeId: 'E1006' },
      to: { status: 'endorsed', stage: 'approve', assigneeId: 'E1005' },
    });
    // The next step has its own deadline, and 統括 gets the card with the consultation on it.
    const deadlines = (await new TimerRepo(h.bot.db).byCase(id)).filter((t) => t.kind === 'ack_deadline');
    expect(deadlines.length).toBeGreaterThan(firstDeadline.length);
    await h.connector.waitFor(() =>
      h.inbox(DEMO.chief).some((r) => r.cardText.includes(id) && r.cardText.includes('case.approve')),
    );
    const chiefCard = h
      .inbox(DEMO.chief)
      .find((r) => r.cardText.includes(id) && r.cardText.includes('case.approve'))!;
    expect(chiefCard.cardText).toContain(CONSULTATION.record_consult_measures);
    expect(chiefCard.cardText).toContain('11(2)③');

    // The IT管理者 who consulted does not approve too; 統括 does.
    const self = await h.execute(DEMO.itAdmin, 'case.approve', { caseId: id });
    expect(executeVerbs(self.value)).toEqual([]);
    await h.execute(DEMO.chief, 'case.approve', { caseId: id });
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('approved');
    const rows = await events(h, id);
    expect(rows.filter((e) => !e.event.endsWith('_denied')).map((e) => e.event)).toEqual(
      expect.arrayContaining(['case.submitted', 'case.consulted', 'case.approved']),
    );
    expect(rows.find((e) => e.event === 'case.approved')?.article).toBe('11(2)③');
  });

  it('11(2)② external connection: an unanswered consultation escalates, and an IT管理者 who cannot confirm the measures returns it with the article', async () => {
    const id = await fileCase(h, DEMO.officer, 'external_connection');
    clock.advanceMinutes(481);
    expect(await h.bot.scheduler.tick()).toBe(1);
    const escalated = (await events(h, id)).filter((e) => e.event === 'case.escalated');
    expect(escalated).toHaveLength(1);
    const refused = await h.execute(DEMO.itAdmin, 'case.reject', {
      caseId: id,
      comment: '接続先のログ取得が未確認',
    });
    expect(json(refused.value)).toContain('接続先のログ取得が未確認');
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('rejected');
    expect((await events(h, id)).find((e) => e.event === 'case.rejected')?.article).toBe('11(2)②');
  });

  it('11(2)③ external connection: staff cannot file it; they are told the section officer does (audited)', async () => {
    const replies = await h.say(DEMO.staff, '外部ネットワークに接続したい');
    expect(replies[0]?.cardText).toContain('11(2)③');
    expect(replies[0]?.cardText).toContain('課情報セキュリティ責任者');
    const refused = (await events(h, 'E1001')).filter((e) => e.event === 'flow.filer_refused');
    expect(refused[0]).toMatchObject({ article: '11(2)③', data: { kind: 'external_connection' } });
  });

  it('9(3)③ / 11(2)③ outsiders: replaying the decision card as the requester, another officer, a stranger or with a neighbouring case id changes nothing', async () => {
    const id = await fileCase(h, DEMO.officer, 'external_connection');
    await h.execute(DEMO.itAdmin, 'case.consult', { caseId: id, ...CONSULTATION });
    const neighbour = await fileCase(h, DEMO.itAdmin, 'wireless_lan');
    const denialsBefore = (await events(h, id)).filter((e) => e.event === 'case.action_denied').length;
    // The requester and another section's officer: refused, no buttons.
    for (const who of [DEMO.officer, OTHER_OFFICER]) {
      const res = await h.execute(who, 'case.approve', { caseId: id });
      expect(executeVerbs(res.value)).toEqual([]);
    }
    // Another officer learns nothing of the case (not even its title).
    const other = await h.execute(OTHER_OFFICER, 'case.approve', { caseId: id });
    expect(json(other.value)).not.toContain('外部ネットワーク接続');
    // A stranger outside the directory: nothing is sent back about the case.
    const before = h.connector.received.length;
    await h.post({
      ...(await import('../helpers/activities')).teamsActivity({
        from: STRANGER,
        serviceUrl: h.connector.url,
        type: 'invoke',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'case.approve',
            data: { verb: 'case.approve', caseId: id },
          },
        },
      }),
      name: 'adaptiveCard/action',
    });
    expect(h.connector.received.length).toBe(before);
    // The requester of the neighbouring case replays this card's verb on her own id and on the next id.
    const ownRequest = await h.execute(DEMO.itAdmin, 'case.approve', { caseId: neighbour });
    expect(executeVerbs(ownRequest.value)).toEqual([]);
    const next = neighbour.replace(/\d{4}$/, (n) => String(Number(n) + 1).padStart(4, '0'));
    const missing = await h.execute(DEMO.chief, 'case.approve', { caseId: next });
    expect(json(missing.value)).not.toContain(next.slice(0, 3) + '-');
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('endorsed');
    expect((await new CaseRepo(h.bot.db).get(neighbour))?.status).toBe('submitted');
    const denials = (await events(h, id)).filter((e) => e.event === 'case.action_denied');
    expect(denials.length - denialsBefore).toBe(4);
    expect((await events(h, next)).map((e) => e.event)).toEqual(['case.action_denied']);
  });

  it('10(4)⑦ security settings: staff asking to change them is refused at once with the article, offered an exception (12(6)①), and the attempt is audited', async () => {
    const replies = await h.say(DEMO.staff, 'ウイルス対策ソフトを無効にしたい');
    expect(replies).toHaveLength(1);
    const card = replies[0]!;
    expect(card.cardText).toContain('10(4)⑦');
    expect(card.cardText).toContain('12(6)①');
    expect(card.cardText).not.toContain('10(5)①');
    expect(cardActions(card.card)).toEqual([
      { title: '例外措置を申請する', data: { verb: 'menu.select', intent: 'exception' } },
    ]);
    const rows = (await events(h, 'E1001')).filter((e) => e.event === 'security_setting.refused');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'E1001', article: '10(4)⑦', data: { via: 'text' } });
    // No case was opened for it.
    expect(await new CaseRepo(h.bot.db).get('REQ-2026-0001')).toBeUndefined();
    // The offered way starts the exception form (through the officer, 12(6)①).
    const exception = await h.say(DEMO.staff, { verb: 'menu.select', intent: 'exception' });
    expect(exception[0]?.cardText).toContain('12(6)①');
    expect(exception[0]?.cardText).toContain('flow.review');
    for (const text of ['ファイアウォールを無効にしてほしい', 'セキュリティ設定を変更したい']) {
      const r = await h.say(DEMO.officer, text);
      expect(r[0]?.cardText).toContain('10(4)⑦');
    }
    expect((await events(h, 'E1002')).filter((e) => e.event === 'security_setting.refused')).toHaveLength(2);
  });
});

describe('10(9)③ IC card renewal record', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start({ clock: new ManualClock() });
    for (const p of [...Object.values(DEMO), OTHER_OFFICER]) await h.say(p, 'こんにちは');
  });
  afterEach(async () => h.stop());

  it('10(9)③: the officer records the old card collected and destroyed; the audit row holds before and after, and the renewal ledger lists it for the officer and 統括 only', async () => {
    const form = await h.say(DEMO.officer, 'ICカードを更新したので旧カードを回収しました');
    expect(form[0]?.cardText).toContain('更新前のカード番号');
    expect(form[0]?.cardText).toContain('10(9)③');
    // Not destroyed beyond recovery yet: refused in Japanese, answers kept.
    const notYet = await h.say(
      DEMO.officer,
      submitValue('ic_card_renewal', { ...VALID.ic_card_renewal, unrecoverable: 'false' }),
    );
    expect(notYet[0]?.cardText).toContain('認証情報を復元できない状態にしてから廃棄してください');
    expect(notYet[0]?.cardText).toContain(VALID.ic_card_renewal.cardNumber);

    const id = await fileCase(h, DEMO.officer, 'ic_card_renewal');
    const c = await new CaseRepo(h.bot.db).get(id);
    expect(c).toMatchObject({ kind: 'ic_card_renewal', status: 'closed', assigneeId: null });
    const submitted = (await events(h, id)).find((e) => e.event === 'case.submitted');
    expect(submitted).toMatchObject({ actor: 'E1002', article: '10(9)③' });
    expect(submitted?.data).toMatchObject({
      recordOnly: true,
      before: { cardNumber: 'IC-0012345', state: 'in_use', heldBy: '山田 花子' },
      after: {
        cardNumber: 'IC-0012345',
        state: 'destroyed',
        collectedAt: '2026-04-10T00:00:00.000Z',
        destroyedAt: '2026-04-10T01:30:00.000Z',
        method: 'crushed',
        destroyedBy: '佐藤 健一',
        newCardNumber: 'IC-0023456',
      },
    });

    for (const reader of [DEMO.officer, DEMO.chief]) {
      const ledger = await h.say(reader, { verb: 'ledger.show', kind: 'ic_card_renewal' });
      const text = ledger.map((r) => r.cardText).join();
      expect(text, reader).toContain('ICカード更新記録');
      expect(text, reader).toContain(id);
      expect(text, reader).toContain('IC-0012345');
      expect(text, reader).toContain('物理的に破砕');
      expect(text, reader).toContain('10(9)③');
    }
    // Another section's officer reads their own sections only; staff read no ledger.
    const other = await h.say(OTHER_OFFICER, { verb: 'ledger.show', kind: 'ic_card_renewal' });
    expect(other.map((r) => r.cardText + (r.text ?? '')).join()).not.toContain(id);
    const staff = await h.say(DEMO.staff, { verb: 'ledger.show', kind: 'ic_card_renewal' });
    expect(staff.map((r) => r.cardText + (r.text ?? '')).join()).not.toContain(id);
  });

  it('10(9)③: staff cannot file the renewal record; they are told the officer does it (audited)', async () => {
    const replies = await h.say(DEMO.staff, 'ICカード更新');
    expect(replies[0]?.cardText).toContain('課情報セキュリティ責任者が行い、記録します');
    expect(replies[0]?.cardText).toContain('10(9)③');
    const refused = (await events(h, 'E1001')).filter((e) => e.event === 'flow.filer_refused');
    expect(refused[0]).toMatchObject({ article: '10(9)③', data: { kind: 'ic_card_renewal' } });
    // A lost card is still a loss report (10(9)①エ), not a renewal.
    const lost = await h.say(DEMO.staff, 'ICカードをなくしました');
    expect(lost[0]?.cardText).toContain('10(9)①エ');
  });
});
