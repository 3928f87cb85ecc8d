import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { GuidanceRepo } from '../../src/storage/guidance-repo';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';

const COLLEAGUE = '00000000-0000-4000-8000-000000000010'; // 吉田 翔太, 総務課 staff
const OTHER_OFFICER = '00000000-0000-4000-8000-000000000012'; // 渡辺 修, 経理課 課責任者
const STRANGER = '99999999-0000-4000-8000-000000000099';

const FORM = {
  verb: 'guidance.record',
  memberId: 'E1001',
  rule: 'パスワードを付箋に書いてモニターに貼付（10(8)②）',
  guidance: '付箋を廃棄し、パスワードを直ちに変更すること',
  improveBy: '2026-04-17',
};

describe('guidance to a member who broke the policy, then suspension of rights (13(3))', () => {
  let h: BotHarness;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock(); // 2026-04-10 12:00 JST
    h = await BotHarness.start({ clock });
    for (const p of [...Object.values(DEMO), COLLEAGUE, OTHER_OFFICER]) await h.say(p, 'こんにちは');
  });
  afterEach(async () => h.stop());

  const audit = (subject: string) => new AuditRepo(h.bot.db).list(subject);
  const texts = (aad: string) => h.inbox(aad).map((r) => r.text ?? '');

  async function guide(): Promise<number> {
    const replies = await h.say(DEMO.officer, FORM);
    expect(replies[0]?.text).toContain('山田 花子 さんへの指導を記録し');
    const [g] = await new GuidanceRepo(h.bot.db).list({ sections: null });
    if (!g) throw new Error('no guidance stored');
    return g.id;
  }

  it('13(3): the officer records guidance for a member of their section; the member is told, with the article', async () => {
    const [form] = await h.say(DEMO.officer, '指導記録');
    expect(form?.cardText).toContain('山田 花子（総務課）');
    expect(form?.cardText).not.toContain('E1002'); // never the officer themself
    const id = await guide();
    const g = await new GuidanceRepo(h.bot.db).get(id);
    expect(g).toMatchObject({ memberId: 'E1001', officerId: 'E1002', sectionCode: '210', status: 'guided' });
    const events = await audit(`GD-${id}`);
    expect(events.map((e) => [e.event, e.article])).toEqual([['guidance.recorded', '13(3)']]);
    await h.connector.waitFor(() => texts(DEMO.staff).some((t) => t.includes('付箋を廃棄し')));
    const told = texts(DEMO.staff).find((t) => t.includes('付箋を廃棄し')) ?? '';
    expect(told).toContain('改善の期限：2026-04-17');
    expect(told).toContain('13(3)');
  });

  it('13(3): on the date the officer is asked; not improved → the suspension (which systems, from when) is recorded and the member told', async () => {
    const id = await guide();
    clock.set('2026-04-16T23:59:00Z');
    expect(await h.bot.scheduler.tick()).toBe(0);
    clock.set('2026-04-17T00:00:00Z'); // 09:00 JST on the date
    expect(await h.bot.scheduler.tick()).toBe(1);
    await h.connector.waitFor(() => h.inbox(DEMO.officer).some((r) => r.cardText.includes('改善の確認')));
    const card = h.inbox(DEMO.officer).find((r) => r.cardText.includes('改善の確認'))!;
    expect(cardActions(card.card).map((a) => a.data)).toEqual([
      { verb: 'guidance.improved', guidanceId: String(id) },
      { verb: 'guidance.suspend', guidanceId: String(id) },
    ]);
    const done = await h.say(DEMO.officer, {
      verb: 'guidance.suspend',
      guidanceId: String(id),
      suspensionKind: 'suspend',
      systems: '財務会計システム',
      from: '2026-04-18',
    });
    expect(done[0]?.text).toContain('使用する権利の停止・剥奪を記録し');
    const g = await new GuidanceRepo(h.bot.db).get(id);
    expect(g?.status).toBe('suspended');
    expect(g?.suspension).toEqual({
      kind: 'suspend',
      systems: '財務会計システム',
      from: '2026-04-18',
      by: 'E1002',
    });
    const events = await audit(`GD-${id}`);
    expect(events.at(-1)).toMatchObject({
      event: 'guidance.rights_suspended',
      article: '13(3)',
      actor: 'E1002',
    });
    await h.connector.waitFor(() => texts(DEMO.staff).some((t) => t.includes('使用する権利が停止されます')));
    // A second answer changes nothing.
    const again = await h.say(DEMO.officer, { verb: 'guidance.improved', guidanceId: String(id) });
    expect(again[0]?.text).toContain('すでに記録されています');
    expect((await new GuidanceRepo(h.bot.db).get(id))?.status).toBe('suspended');
  });

  it('13(3): improved closes the entry and tells the member', async () => {
    const id = await guide();
    const r = await h.say(DEMO.officer, { verb: 'guidance.improved', guidanceId: String(id) });
    expect(r[0]?.text).toContain('改善を記録し');
    expect((await new GuidanceRepo(h.bot.db).get(id))?.status).toBe('improved');
    expect((await audit(`GD-${id}`)).at(-1)).toMatchObject({ event: 'guidance.improved', article: '13(3)' });
  });

  it('13(3): visible to 統括 (list), the officer and the member (own only); nobody else', async () => {
    const id = await guide();
    const line = `GD-${id}`;
    const seen = async (aad: string) => (await h.say(aad, '指導記録')).map((r) => r.text ?? '').join('\n');
    expect(await seen(DEMO.chief)).toContain(line);
    expect(await seen(DEMO.officer)).toContain(line);
    expect(await seen(DEMO.staff)).toContain(line);
    for (const other of [COLLEAGUE, OTHER_OFFICER, DEMO.itAdmin, DEMO.superior]) {
      const text = await seen(other);
      expect(text).not.toContain(line);
      expect(text).not.toContain('付箋');
    }
  });

  it('13(3): replays by the member, another section’s officer, a stranger and on a neighbouring id are refused and audited', async () => {
    const id = await guide();
    const improved = (gid: number) => ({ verb: 'guidance.improved', guidanceId: String(gid) });
    const own = await h.say(DEMO.staff, improved(id));
    expect(own[0]?.text).toContain('表示・操作できません');
    const other = await h.say(OTHER_OFFICER, improved(id));
    expect(other[0]?.text).toContain('表示・操作できません');
    const next = await h.say(DEMO.officer, improved(id + 1));
    expect(next[0]?.text).toContain('表示・操作できません');
    await h.say(STRANGER, improved(id));
    expect((await new GuidanceRepo(h.bot.db).get(id))?.status).toBe('guided');
    const denied = (await audit(`GD-${id}`)).filter((e) => e.event === 'guidance.action_denied');
    expect(denied.map((e) => [e.actor, e.data?.reason])).toEqual([
      ['E1001', 'own_record'],
      ['E1012', 'not_officer_of_member'],
    ]);
    expect((await audit(`GD-${id + 1}`)).map((e) => [e.actor, e.data?.reason])).toEqual([
      ['E1002', 'not_found'],
    ]);
    // The stranger is refused by the identity guard, which audits the attempt with the verb.
    const all = await new AuditRepo(h.bot.db).list('directory');
    expect(all.some((e) => e.actor === `aad:${STRANGER}` && e.data?.action === 'guidance.improved')).toBe(
      true,
    );
    // Another section's officer cannot record guidance about this member either.
    const foreign = await h.say(OTHER_OFFICER, FORM);
    expect(foreign[0]?.text).toContain('この職員への指導は記録できません');
    expect((await new GuidanceRepo(h.bot.db).list({ sections: null })).length).toBe(1);
    expect((await audit('person:E1001')).map((e) => [e.actor, e.event, e.data?.reason])).toEqual([
      ['E1012', 'guidance.action_denied', 'not_officer_of_member'],
    ]);
  });
});
