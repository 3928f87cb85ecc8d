import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { NOW, VALID } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions, cardInputs } from '../helpers/bot-harness';

const clock = { now: () => new Date(NOW) }; // 2026-04-10 12:00 JST

describe('不在 (out of office) and delegation to the deputy', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
  });
  afterAll(async () => h.stop());

  it('shows the card, refuses bad dates in Japanese keeping them, and forwards open cases to the deputy', async () => {
    // A take-out waiting for the officer before he goes away.
    await h.say(DEMO.staff, { verb: 'flow.review', kind: 'takeout', ...VALID.takeout });
    const created = await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'takeout' });
    const id = /REQ-\d{4}-\d{4}/.exec(created[0]?.cardText ?? '')![0];

    const card = (await h.say(DEMO.officer, '不在'))[0]!;
    expect(card.cardText).toContain('不在設定');
    expect(cardActions(card.card).map((a) => a.data.verb)).toEqual([
      'absence.set',
      'absence.clear',
      'menu.show',
    ]);

    const bad = (
      await h.say(DEMO.officer, { verb: 'absence.set', from: '2026-04-12', to: '2026-04-11' })
    )[0]!;
    expect(bad.cardText).toContain('終了日は開始日以降の日付にしてください。');
    expect(cardInputs(bad.card)).toEqual({ from: '2026-04-12', to: '2026-04-11' });
    expect(
      (await h.say(DEMO.officer, { verb: 'absence.set', from: '2026-04-01', to: '2026-04-09' }))[0]?.cardText,
    ).toContain('終了日が過去の日付です。');

    const ok = (await h.say(DEMO.officer, { verb: 'absence.set', from: '2026-04-10', to: '2026-04-12' }))[0]!;
    expect(ok.text).toContain(
      '不在を設定しました（2026/04/10 00:00 〜 2026/04/12 23:59）。代理者: 鈴木 一郎',
    );
    expect(ok.text).toContain('1 件を代理者に回付しました');
    await h.connector.waitFor(() => h.inbox(DEMO.deputy).some((r) => r.cardText.includes(id)));
    const deputyCard = h.inbox(DEMO.deputy).find((r) => r.cardText.includes(id))!;
    expect(cardActions(deputyCard.card).map((a) => a.data.verb)).toContain('case.approve');
    await h.execute(DEMO.deputy, 'case.approve', { caseId: id });
    expect((await new CaseRepo(h.bot.db).get(id))?.state.decision).toMatchObject({
      by: 'E1003',
      outcome: 'approved',
    });
    expect((await new AuditRepo(h.bot.db).list('E1002')).map((e) => e.event)).toEqual(['absence.set']);

    // Back at work: the deputy may no longer act for him.
    const cleared = (await h.say(DEMO.officer, { verb: 'absence.clear' }))[0]!;
    expect(cleared.text).toContain('不在を解除しました。');
    await h.say(DEMO.staff, { verb: 'flow.review', kind: 'takeout', ...VALID.takeout });
    const next = await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'takeout' });
    const id2 = /REQ-\d{4}-\d{4}/.exec(next[0]?.cardText ?? '')![0];
    const denied = await h.execute(DEMO.deputy, 'case.approve', { caseId: id2 });
    expect(JSON.stringify(denied.value)).toMatch(/できません/);
  });
});
