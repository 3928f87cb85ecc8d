import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { DEMO, teamsActivity } from '../helpers/activities';
import { BotHarness, cardActions, cardInputs } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';

const json = (v: unknown) => JSON.stringify(v);
const OTHER_OFFICER = '00000000-0000-4000-8000-000000000012'; // 渡辺 修, 経理課 課責任者
const STRANGER = '99999999-0000-4000-8000-000000000099';

describe('cyber attack (不正アクセス・サイバー攻撃, 11(2)⑦, 12(5)②)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start({ clock: new ManualClock() });
    for (const p of [...Object.values(DEMO), OTHER_OFFICER]) await h.say(p, 'こんにちは');
  });
  afterEach(async () => h.stop());

  async function records(id: string): Promise<Record<string, string>> {
    return ((await new CaseRepo(h.bot.db).get(id))?.state.records ?? {}) as Record<string, string>;
  }

  async function audit(id: string) {
    return new AuditRepo(h.bot.db).list(id);
  }

  it('11(2)⑦ 12(5)②ク: the form gives the immediate instructions (cut off, keep records) before the questions', async () => {
    const [reply] = await h.say(DEMO.staff, 'サイバー攻撃を受けています');
    const card = reply?.cardText ?? '';
    expect(card).toContain('不正アクセス・サイバー攻撃');
    const cut = card.indexOf('ネットワーク接続を直ちに遮断してください');
    const keep = card.indexOf('攻撃の記録は消さずに残してください');
    const firstQuestion = card.indexOf('攻撃を受けたシステム・機器');
    expect(cut).toBeGreaterThan(-1);
    expect(keep).toBeGreaterThan(cut);
    expect(firstQuestion).toBeGreaterThan(keep);
    expect(card).toContain('11(2)⑦');
    expect(card).toContain('12(5)②ク');
  });

  it('12(5)②イ: the section officer, 統括 and the IT administrator get the case at once, with the warnings', async () => {
    const id = await fileCase(h, DEMO.staff, 'cyber_attack');
    expect(id).toMatch(/^INC-/);
    for (const who of [DEMO.officer, DEMO.chief, DEMO.itAdmin])
      await h.connector.waitFor(() => h.inbox(who).some((r) => r.cardText.includes(id)));
    const c = await new CaseRepo(h.bot.db).get(id);
    expect(c?.kind).toBe('cyber_attack');
    expect(c?.severity).toBe('critical');
    // Personal data not ruled out: a possible leak (12(5)②イ), so the case cannot close without 統括.
    expect(c?.state.possibleLeak).toBe(true);
    const recipients = await new CaseRepo(h.bot.db).recipients(id);
    const chief = recipients.find((r) => r.personId === 'E1005');
    const admin = recipients.find((r) => r.personId === 'E1006');
    expect(chief?.reasons.map((r) => r.article)).toContain('12(5)②イ');
    expect(admin?.reasons.map((r) => r.article)).toContain('12(5)②イ');
    const officerCard = h.inbox(DEMO.officer).find((r) => r.cardText.includes(id))?.cardText ?? '';
    expect(officerCard).toContain('まだ接続されています');
    expect(officerCard).toContain('攻撃が続いています');
  });

  it('11(2)⑦ 12(5)②キウ: the officer records each step with its article; stop after consulting IT管理者 or as urgent; police after 統括', async () => {
    const id = await fileCase(h, DEMO.staff, 'cyber_attack');
    await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });

    const first = await h.execute(DEMO.officer, 'case.record', {
      caseId: id,
      record_connection_cut: '10:40 ルータでWebサーバを切り離した',
      record_investigation: '改ざんはトップページのみ。侵入経路はCMSの脆弱性の疑い',
      record_attack_records: 'アクセスログ・改ざんファイルを外部媒体に保存',
    });
    expect(first.statusCode).toBe(200);
    let events = await audit(id);
    const recorded = events.filter((e) => e.event === 'case.recorded');
    expect(recorded.at(-1)?.article).toBe('11(2)⑦');
    expect(recorded.at(-1)?.data?.as).toBe('assignee');

    // A stop "after consulting" before any consultation is refused, and the refusal audited.
    const early = await h.execute(DEMO.officer, 'case.record', { caseId: id, record_system_stopped: '停止' });
    expect(json(early.value)).toContain('先にIT管理者との協議を記録してください');
    events = await audit(id);
    expect(events.at(-1)).toMatchObject({ event: 'case.action_denied', data: { reason: 'invalid_input' } });
    expect((await records(id)).system_stopped).toBeUndefined();

    // The IT administrator records the consultation (12(5)②キ gives them that step) …
    await h.execute(DEMO.itAdmin, 'case.record', {
      caseId: id,
      record_it_admin_consulted: 'Webサーバ停止で合意（田中）',
    });
    // … and the officer then stops the system.
    await h.execute(DEMO.officer, 'case.record', { caseId: id, record_system_stopped: '11:05 停止' });
    events = await audit(id);
    const stop = events.filter((e) => e.event === 'case.recorded').at(-1);
    expect(stop?.article).toBe('12(5)②キ');
    expect(stop?.actor).toBe('E1002');

    // Police: only after the consultation with 統括, which 統括 may record (12(5)②ウ).
    const noConsult = await h.execute(DEMO.officer, 'case.record', {
      caseId: id,
      record_police_report: '通報',
    });
    expect(json(noConsult.value)).toContain('統括との協議を記録してから');
    await h.execute(DEMO.chief, 'case.record', { caseId: id, record_chief_consulted: '通報する方針で合意' });
    await h.execute(DEMO.officer, 'case.record', {
      caseId: id,
      record_police_report: '府警サイバー犯罪対策課に通報（受理番号 123）',
    });
    events = await audit(id);
    const police = events.filter((e) => e.event === 'case.recorded').at(-1);
    // A possible personal-data leak is a serious incident: 11(2)⑦'s second sentence applies too.
    expect(police?.article).toEqual(['12(5)②ウ', '11(2)⑦']);

    // Close: the report to 統括 (12(5)②イ) and the breach record (12(5)②カ).
    await h.execute(DEMO.officer, 'case.report_chief', { caseId: id });
    const closed = await h.execute(DEMO.officer, 'case.close', {
      caseId: id,
      closure_content: 'ホームページ改ざん',
      closure_cause: 'CMSの脆弱性',
      closure_damage: '改ざん1ページ',
      closure_scope: 'Webサーバのみ',
    });
    expect(closed.statusCode).toBe(200);
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('closed');
  });

  it('12(5)②キ ただし書: an urgent stop before consulting is recorded as such', async () => {
    const id = await fileCase(h, DEMO.staff, 'cyber_attack');
    await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
    await h.execute(DEMO.officer, 'case.record', {
      caseId: id,
      record_system_stopped_urgent: '情報流出が続くため10:45に協議前に停止',
    });
    const r = await records(id);
    expect(r.system_stopped_urgent).toBe('情報流出が続くため10:45に協議前に停止');
    expect(r.system_stopped).toBeUndefined();
    const e = (await audit(id)).filter((x) => x.event === 'case.recorded').at(-1);
    expect(e?.article).toBe('12(5)②キ');
    expect(e?.data?.records).toEqual({
      system_stopped_urgent: { before: null, after: '情報流出が続くため10:45に協議前に停止' },
    });
  });

  it('11(2)⑦: 統括 and IT管理者 record only their consultation; their cards offer only that input', async () => {
    const id = await fileCase(h, DEMO.staff, 'cyber_attack');
    await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
    const chiefTry = await h.execute(DEMO.chief, 'case.record', {
      caseId: id,
      record_connection_cut: '遮断',
    });
    expect(json(chiefTry.value)).toContain('課情報セキュリティ責任者（またはその代理）が行います');
    const adminTry = await h.execute(DEMO.itAdmin, 'case.record', {
      caseId: id,
      record_police_report: '通報',
    });
    expect(json(adminTry.value)).toContain('課情報セキュリティ責任者（またはその代理）が行います');
    const denied = (await audit(id)).filter((e) => e.event === 'case.action_denied');
    expect(denied.map((e) => [e.actor, e.data?.reason])).toEqual([
      ['E1005', 'step_not_granted'],
      ['E1006', 'step_not_granted'],
    ]);
    const c = await new CaseRepo(h.bot.db).get(id);
    expect(c?.state.records).toEqual({});
    const chiefCard = await h.execute(DEMO.chief, 'case.refresh', { caseId: id });
    expect(Object.keys(cardInputs(chiefCard.value)).filter((k) => k.startsWith('record_'))).toEqual([
      'record_chief_consulted',
    ]);
    const adminCard = await h.execute(DEMO.itAdmin, 'case.refresh', { caseId: id });
    expect(Object.keys(cardInputs(adminCard.value)).filter((k) => k.startsWith('record_'))).toEqual([
      'record_it_admin_consulted',
    ]);
    const officerCard = await h.execute(DEMO.officer, 'case.refresh', { caseId: id });
    expect(Object.keys(cardInputs(officerCard.value)).filter((k) => k.startsWith('record_'))).toHaveLength(8);
  });

  it('11(2)⑦: replays by the reporter, another section’s officer, a stranger and on a neighbouring id are refused and audited', async () => {
    const id = await fileCase(h, DEMO.staff, 'cyber_attack');
    await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
    const data = { caseId: id, record_connection_cut: '遮断した' };
    const own = await h.execute(DEMO.staff, 'case.record', data);
    expect(cardActions(own.value).filter((a) => a.data.verb === 'case.record')).toEqual([]);
    const other = await h.execute(OTHER_OFFICER, 'case.record', data);
    expect(json(other.value)).not.toContain('組合ホームページ');
    const neighbour = id.replace(/\d{4}$/, (n) => String(Number(n) + 1).padStart(4, '0'));
    const next = await h.execute(DEMO.officer, 'case.record', { ...data, caseId: neighbour });
    expect(json(next.value)).not.toContain('組合ホームページ');
    const before = h.connector.received.length;
    const status = await h.post({
      ...teamsActivity({
        from: STRANGER,
        serviceUrl: h.connector.url,
        type: 'invoke',
        value: {
          action: { type: 'Action.Execute', verb: 'case.record', data: { verb: 'case.record', ...data } },
        },
      }),
      name: 'adaptiveCard/action',
    });
    expect(status).toBe(200);
    expect(h.connector.received.length).toBe(before);
    expect((await new CaseRepo(h.bot.db).get(id))?.state.records).toEqual({});
    const denied = (await audit(id)).filter((e) => e.event === 'case.action_denied');
    expect(denied.map((e) => e.data?.reason)).toEqual(['own_case', 'no_need_to_know', 'unknown_actor']);
    const neighbourDenied = (await audit(neighbour)).filter((e) => e.event === 'case.action_denied');
    expect(neighbourDenied.map((e) => [e.actor, e.data?.reason])).toEqual([['E1002', 'not_found']]);
  });

  it('the keyword 不正アクセス starts this flow, not the password one; with a password it stays the password flow', async () => {
    const [a] = await h.say(DEMO.staff, 'サーバに不正アクセスがありました');
    expect(a?.cardText).toContain('不正アクセス・サイバー攻撃');
    const [b] = await h.say(DEMO.staff, 'パスワードが漏れて不正アクセスされた');
    expect(b?.cardText).not.toContain('不正アクセス・サイバー攻撃');
  });
});
