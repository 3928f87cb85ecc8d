// Reading a case is authorized like acting on it, on every read path, through the real HTTP host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_KINDS } from '../../src/domain/cases';
import { isRoleFiledKind } from '../../src/domain/policy/network-requests';

import { CASE_ACTION_NAMES } from '../../src/domain/decisions';
import { AbsenceRepo } from '../../src/storage/absence-repo';
import { AuditRepo } from '../../src/storage/audit-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';
import { VALID } from '../domain/flows/fixtures';

const OUTSIDER = '00000000-0000-4000-8000-000000000014'; // 井上 拓也: staff of 経理課, no role
const OUTSIDER_ID = 'E1014';
const OTHER_OFFICER = '00000000-0000-4000-8000-000000000012'; // 渡辺 修: officer of 経理課
const STRANGER = '00000000-0000-4000-8000-0000000000ff'; // not in the directory

const UNAVAILABLE = 'この案件は表示できません';

/** What a case reveals: names, sections, kinds, states and every answer the reporter typed. */
const SECRETS = [
  '山田',
  '総務課',
  '佐藤',
  'ICカード',
  'ウイルス',
  'メール',
  '持ち出し',
  '受付済み',
  '承認',
  '却下',
  '対応中',
  ...CASE_KINDS.flatMap((k) =>
    Object.values(VALID[k]).filter((v) => v.length >= 4 && !/^(true|false|\d{4}-\d\d-\d\d.*)$/.test(v)),
  ),
];

const leaks = (text: string): string[] => SECRETS.filter((s) => text.includes(s));

async function deniedRows(h: BotHarness, actor: string): Promise<number> {
  return (await new AuditRepo(h.bot.db).list()).filter(
    (e) => e.actor === actor && e.event.endsWith('_denied'),
  ).length;
}

// 9(3)③ and 11(2)③ are filed by officers and IT管理者, and go to 統括 / IT管理者 (test/teams/permissions.test.ts).
const STAFF_KINDS = CASE_KINDS.filter((k) => !isRoleFiledKind(k));

describe('an outsider walking case ids learns nothing, and every attempt is audited', () => {
  let h: BotHarness;
  const clock = new ManualClock();
  const filed: string[] = [];
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    for (const p of [...Object.values(DEMO), OUTSIDER, OTHER_OFFICER]) await h.say(p, 'こんにちは');
    for (const kind of STAFF_KINDS) filed.push(await fileCase(h, DEMO.staff, kind));
    // One decided case: a late click must not tell a stranger who decided and when.
    const takeout = filed[STAFF_KINDS.indexOf('takeout')]!;
    await h.execute(DEMO.officer, 'case.approve', { caseId: takeout });
  });
  afterAll(async () => h.stop());

  it('gets the same short card for every id, existing or not, on every path', async () => {
    const ids = ['INC', 'REQ'].flatMap((p) =>
      Array.from({ length: 8 }, (_, i) => `${p}-2026-${String(i + 1).padStart(4, '0')}`),
    );
    expect(ids.filter((id) => filed.includes(id))).toHaveLength(STAFF_KINDS.length); // walks over all of them
    const outboxBefore = (await new OutboxRepo(h.bot.db).all()).filter((o) => o.toAad === OUTSIDER).length;
    const answers = new Map<string, Set<string>>();
    const note = (path: string, text: string) => {
      const set = answers.get(path) ?? new Set<string>();
      set.add(text);
      answers.set(path, set);
    };
    let attempts = 0;
    const auditBefore = await deniedRows(h, OUTSIDER_ID);
    for (const caseId of ids) {
      const r = await h.execute(OUTSIDER, 'case.refresh', { caseId });
      note('invoke case.refresh', JSON.stringify(r));
      attempts += 1;
      for (const verb of CASE_ACTION_NAMES) {
        const a = await h.execute(OUTSIDER, verb, {
          caseId,
          comment: '承認します',
          closure_content: 'x',
          closure_cause: 'x',
          closure_damage: 'x',
          closure_scope: 'x',
        });
        note(`invoke ${verb}`, JSON.stringify(a));
        attempts += 1;
      }
      for (const verb of [
        'case.refresh',
        'case.approve',
        'case.acknowledge',
        'case.open',
        'case.cancel',
        'case.returned',
      ]) {
        const replies = await h.say(OUTSIDER, { verb, caseId, comment: 'ok' });
        note(`submit ${verb}`, JSON.stringify(replies.map((x) => [x.text ?? '', x.cardText])));
        attempts += 1;
      }
    }
    for (const [path, texts] of answers) {
      // One answer per path whatever the id: nothing distinguishes an existing case from a missing one.
      expect([...texts], path).toHaveLength(1);
      const text = [...texts][0]!;
      expect(leaks(text), path).toEqual([]);
      for (const id of filed) expect(text, path).not.toContain(id);
    }
    expect([...answers.get('invoke case.refresh')!][0]).toContain(UNAVAILABLE);
    // Every single attempt left exactly one refusal row, with the actor and the id asked for.
    expect((await deniedRows(h, OUTSIDER_ID)) - auditBefore).toBe(attempts);
    const rows = (await new AuditRepo(h.bot.db).list()).filter((e) => e.actor === OUTSIDER_ID);
    expect(new Set(rows.map((e) => e.subject))).toEqual(new Set(ids));
    // Nothing was posted to the outsider's chat on their behalf (no case card through the outbox).
    const outboxAfter = (await new OutboxRepo(h.bot.db).all()).filter((o) => o.toAad === OUTSIDER).length;
    expect(outboxAfter).toBe(outboxBefore);
  }, 60_000); // ~170 invokes through the real host: more than the default 20 s on a loaded machine

  it('lists none of the cases in the outsider’s 私の申請・報告 or 担当案件', async () => {
    const mine = await h.say(OUTSIDER, '私の申請・報告');
    const tasks = await h.say(OUTSIDER, '担当案件');
    for (const r of [...mine, ...tasks]) {
      for (const id of filed) expect(r.cardText + (r.text ?? '')).not.toContain(id);
      expect(leaks(r.cardText)).toEqual([]);
    }
  });

  it('audits a person outside the directory too, and answers 403', async () => {
    const before = (await new AuditRepo(h.bot.db).list()).length;
    const r = await h.execute(STRANGER, 'case.refresh', { caseId: filed[0]! });
    expect(r.statusCode).toBe(403);
    expect(leaks(JSON.stringify(r))).toEqual([]);
    await h.say(STRANGER, { verb: 'case.open', caseId: filed[1]! });
    const rows = (await new AuditRepo(h.bot.db).list()).slice(before);
    expect(rows).toEqual([
      expect.objectContaining({
        actor: `aad:${STRANGER}`,
        event: 'case.action_denied',
        subject: filed[0],
        data: expect.objectContaining({ reason: 'unknown_actor', action: 'case.refresh' }),
      }),
      expect.objectContaining({
        actor: `aad:${STRANGER}`,
        event: 'case.action_denied',
        subject: filed[1],
        data: expect.objectContaining({ reason: 'unknown_actor', action: 'case.open' }),
      }),
    ]);
  });
});

// Read paths × kinds of viewer. `shown` means the full case card (the reporter's name is on it);
// otherwise the short unavailable card / refusal, with nothing of the case.
type Viewer =
  | 'reporter'
  | 'assignee'
  | 'deputy_present'
  | 'deputy_away'
  | 'other_officer'
  | 'outsider'
  | 'chief'
  | 'it_admin';
const AAD: Record<Viewer, string> = {
  reporter: DEMO.staff,
  assignee: DEMO.officer,
  deputy_present: DEMO.deputy,
  deputy_away: DEMO.deputy,
  other_officer: OTHER_OFFICER,
  outsider: OUTSIDER,
  chief: DEMO.chief,
  it_admin: DEMO.itAdmin,
};
// takeout: the section officer's permission (10(4)①); virus: 統括 is told (12(4)④), IT管理者 advises (6イ).
const SHOWN: Record<'takeout' | 'virus', Record<Viewer, boolean>> = {
  takeout: {
    reporter: true,
    assignee: true,
    deputy_present: false,
    deputy_away: true,
    other_officer: false,
    outsider: false,
    chief: false,
    it_admin: false,
  },
  virus: {
    reporter: true,
    assignee: true,
    deputy_present: false,
    deputy_away: true,
    other_officer: false,
    outsider: false,
    chief: true,
    it_admin: true,
  },
};

describe.each(['takeout', 'virus'] as const)('read paths × viewers for a %s case', (kind) => {
  const viewers = Object.keys(AAD) as Viewer[];
  it.each(viewers)('%s', async (viewer) => {
    const clock = new ManualClock();
    const h = await BotHarness.start({ clock });
    try {
      for (const p of [...Object.values(DEMO), OUTSIDER, OTHER_OFFICER]) await h.say(p, 'こんにちは');
      const id = await fileCase(h, DEMO.staff, kind);
      if (viewer === 'deputy_away') {
        await new AbsenceRepo(h.bot.db).add({
          personId: 'E1002',
          from: new Date(clock.now().getTime() - 60_000).toISOString(),
          to: new Date(clock.now().getTime() + 86_400_000).toISOString(),
          at: clock.now().toISOString(),
        });
      }
      const aad = AAD[viewer];
      const shown = SHOWN[kind][viewer];
      const isCase = (text: string) => text.includes(id) && text.includes('山田 花子');
      const check = (path: string, text: string) => {
        if (shown) expect(isCase(text), path).toBe(true);
        else {
          expect(isCase(text), path).toBe(false);
          expect(leaks(text), path).toEqual([]);
        }
      };
      const denied0 = (await new AuditRepo(h.bot.db).list(id)).filter((e) =>
        e.event.endsWith('_denied'),
      ).length;
      // 1. refresh (Universal Actions) and its Action.Submit fallback.
      check('invoke refresh', JSON.stringify(await h.execute(aad, 'case.refresh', { caseId: id })));
      check(
        'submit refresh',
        (await h.say(aad, { verb: 'case.refresh', caseId: id })).map((r) => r.cardText).join(),
      );
      // 2. a refused click: 承認 with no right to decide (a reporter's own case, anyone's else's).
      if (viewer !== 'assignee' && viewer !== 'deputy_away') {
        const verb = kind === 'takeout' ? 'case.approve' : 'case.close';
        check('refused click', JSON.stringify(await h.execute(aad, verb, { caseId: id })));
      }
      // 3. 開く: the card comes through the outbox only for those who may see it.
      const cardsBefore = h.inbox(aad).filter((r) => isCase(r.cardText)).length;
      const opened = await h.say(aad, { verb: 'case.open', caseId: id });
      if (shown) {
        expect(opened[0]?.text).toContain(`${id} のカードを表示します。`);
        await h.connector.waitFor(() => h.inbox(aad).filter((r) => isCase(r.cardText)).length > cardsBefore);
      } else {
        expect(opened[0]?.text).toContain('この案件を表示する権限がありません。');
        expect(leaks(opened[0]?.text ?? '')).toEqual([]);
      }
      // 4. a late click, after the case moved on: who decided is told only to those who may see.
      const decide =
        kind === 'takeout'
          ? await h.execute(DEMO.officer, 'case.approve', { caseId: id })
          : await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
      expect(decide.statusCode).toBe(200);
      const late = JSON.stringify(
        await h.execute(aad, kind === 'takeout' ? 'case.approve' : 'case.acknowledge', { caseId: id }),
      );
      check('late click', late);
      if (shown) expect(late).toContain('佐藤 健一');
      else expect(late).toContain(UNAVAILABLE);
      // 5. 私の申請・報告 and 担当案件 list it only for the reporter / those who may act.
      const mine = (await h.say(aad, '私の申請・報告')).map((r) => r.cardText).join();
      expect(mine.includes(id)).toBe(viewer === 'reporter');
      const denied1 = (await new AuditRepo(h.bot.db).list(id)).filter((e) =>
        e.event.endsWith('_denied'),
      ).length;
      // Every refused read or click above left its row; a permitted one left none.
      const refusedReads = shown ? 0 : 5; // refresh ×2, refused click, open, late click
      const refusedClicks = viewer !== 'assignee' && viewer !== 'deputy_away' && shown ? 1 : 0;
      const lateRefusal = shown ? 1 : 0; // "already decided", to those who may know it
      expect(denied1 - denied0).toBe(refusedReads + refusedClicks + lateRefusal);
    } finally {
      await h.stop();
    }
  });
});

describe('notice links and withdrawals replayed by someone else', () => {
  it('refuses 返却しました and 取り下げ on someone else’s request, audited, telling nothing', async () => {
    const h = await BotHarness.start({ clock: new ManualClock() });
    try {
      for (const p of [...Object.values(DEMO), OUTSIDER]) await h.say(p, 'こんにちは');
      const id = await fileCase(h, DEMO.staff, 'takeout');
      const cancel = await h.say(OUTSIDER, { verb: 'case.cancel', caseId: id });
      const missing = await h.say(OUTSIDER, { verb: 'case.cancel', caseId: 'REQ-2026-0999' });
      expect(cancel[0]?.text).toBe(missing[0]?.text);
      await h.execute(DEMO.officer, 'case.approve', { caseId: id });
      const returned = await h.say(OUTSIDER, { verb: 'case.returned', caseId: id });
      expect(leaks(returned.map((r) => r.text ?? '').join())).toEqual([]);
      const rows = (await new AuditRepo(h.bot.db).list()).filter((e) => e.actor === OUTSIDER_ID);
      expect(rows.map((e) => [e.event, e.subject, (e.data as { action?: string }).action])).toEqual([
        ['case.action_denied', id, 'case.cancel'],
        ['case.action_denied', 'REQ-2026-0999', 'case.cancel'],
        ['case.action_denied', id, 'case.returned'],
      ]);
      // The request is untouched.
      const opens = cardActions((await h.say(DEMO.staff, '私の申請・報告'))[0]?.card);
      expect(opens.length).toBeGreaterThan(0);
    } finally {
      await h.stop();
    }
  });
});

describe('escalation opens the case to the people it reaches, and only to them', () => {
  it('lets the deputy and then the superior read a take-out once it is escalated to them', async () => {
    const clock = new ManualClock();
    const h = await BotHarness.start({ clock });
    try {
      for (const p of [...Object.values(DEMO), OUTSIDER]) await h.say(p, 'こんにちは');
      const id = await fileCase(h, DEMO.staff, 'takeout'); // normal: 480 minutes
      const reads = async (aad: string) =>
        JSON.stringify(await h.execute(aad, 'case.refresh', { caseId: id })).includes('山田 花子');
      expect([await reads(DEMO.deputy), await reads(DEMO.superior)]).toEqual([false, false]);
      clock.advanceMinutes(481);
      expect(await h.bot.scheduler.tick()).toBe(1); // → 代理者
      expect([await reads(DEMO.deputy), await reads(DEMO.superior)]).toEqual([true, false]);
      clock.advanceMinutes(481);
      expect(await h.bot.scheduler.tick()).toBe(1); // → 上席者
      expect([await reads(DEMO.deputy), await reads(DEMO.superior), await reads(OUTSIDER)]).toEqual([
        true,
        true,
        false,
      ]);
    } finally {
      await h.stop();
    }
  });
});
