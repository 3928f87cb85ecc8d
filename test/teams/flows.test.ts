import { t } from '../../src/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_KINDS } from '../../src/domain/cases';
import { isRoleFiledKind } from '../../src/domain/policy/network-requests';

import { FLOWS } from '../../src/domain/flows';
import { AuditRepo } from '../../src/storage/audit-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { DraftRepo } from '../../src/storage/draft-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import { NOW, VALID } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions, cardInputs, type Reply } from '../helpers/bot-harness';
import { basis } from '../../src/teams/citation';
import { submitValue } from '../helpers/forms';

const clock = { now: () => new Date(NOW) };

function only(replies: Reply[]): Reply {
  expect(replies).toHaveLength(1);
  return replies[0] as Reply;
}

const verbs = (r: Reply) => cardActions(r.card).map((a) => a.data.verb);

// 9(3)③ and 11(2)③ are filed by officers and IT管理者, and go to 統括 / IT管理者 (test/teams/permissions.test.ts).
const STAFF_KINDS = CASE_KINDS.filter((k) => !isRoleFiledKind(k));

describe('staff flows, turn by turn through the real bot', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    // The officer, 統括 and IT administrators have chatted with the bot: their references exist.
    for (const p of [DEMO.officer, DEMO.chief, DEMO.itAdmin, DEMO.superior]) await h.say(p, 'ヘルプ');
  });
  afterAll(async () => h.stop());

  it.each(STAFF_KINDS)(
    '%s: guidance first, invalid answers come back with an error, then a case is created and routed',
    async (kind) => {
      const flow = FLOWS[kind];
      const form = only(await h.say(DEMO.staff, { verb: 'menu.select', intent: kind }));
      expect(form.cardText).toContain(t('ja', flow.title));
      // Urgent guidance comes before any question.
      const firstGuidance = flow.guidance[0];
      if (firstGuidance) {
        expect(form.cardText.indexOf(t('ja', firstGuidance.text))).toBeGreaterThan(-1);
        expect(form.cardText.indexOf(t('ja', firstGuidance.text))).toBeLessThan(
          form.cardText.indexOf('"Input.'),
        );
        expect(form.cardText).toContain(basis('ja', firstGuidance.article));
      }
      expect(verbs(form)).toContain('flow.review');

      // One required text answer missing: the same form returns with a Japanese error, answers kept.
      const required = flow.fields.find((f) => f.required && (f.kind === 'text' || f.kind === 'textarea'));
      expect(required).toBeDefined();
      const broken = { ...VALID[kind], [required!.id]: '' };
      const again = only(await h.say(DEMO.staff, submitValue(kind, broken)));
      expect(verbs(again)).toContain('flow.review');
      expect(again.cardText).toMatch(/入力してください|必須/);
      const kept = cardInputs(again.card);
      const other = flow.fields.find(
        (f) => f.kind === 'text' && f.id !== required!.id && (VALID[kind][f.id] ?? '') !== '',
      );
      if (other) expect(kept[other.id]).toBe(VALID[kind][other.id]);
      const draft = await new DraftRepo(h.bot.db).get('E1001', kind);
      expect(draft?.answers[required!.id]).toBe('');
      expect(Object.keys(draft?.errors ?? {})).toContain(required!.id);

      // Valid answers: a confirmation card, then the case.
      const confirm = only(await h.say(DEMO.staff, submitValue(kind, VALID[kind])));
      expect(verbs(confirm)).toEqual(expect.arrayContaining(['flow.submit', 'flow.edit', 'draft.discard']));
      expect(confirm.cardText).toContain('佐藤 健一');
      const created = only(await h.say(DEMO.staff, { verb: 'flow.submit', kind }));
      const caseId = /(INC|REQ)-2026-\d{4}/.exec(created.cardText)?.[0];
      expect(caseId).toBeDefined();
      const stored = await new CaseRepo(h.bot.db).get(caseId!);
      expect(stored).toMatchObject({
        kind,
        status: 'submitted',
        reporterId: 'E1001',
        assigneeId: 'E1002',
        sectionCode: '210',
      });
      expect((await new AuditRepo(h.bot.db).list(caseId)).map((e) => e.event)).toEqual(['case.submitted']);
      expect(await new DraftRepo(h.bot.db).get('E1001', kind)).toBeUndefined();
      // The officer of the reporter's section gets the routed card in their personal chat.
      await h.connector.waitFor(() => h.inbox(DEMO.officer).some((r) => r.cardText.includes(caseId!)));
    },
  );

  it('routes a virus report to the officer, IT administrators and 統括 with the reason for each', async () => {
    await h.say(DEMO.staff, { verb: 'menu.select', intent: 'virus' });
    await h.say(DEMO.staff, submitValue('virus', VALID.virus));
    const created = only(await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'virus' }));
    const caseId = /INC-2026-\d{4}/.exec(created.cardText)![0];
    const recipients = await new CaseRepo(h.bot.db).recipients(caseId);
    expect(recipients.map((r) => r.personId).sort()).toEqual(['E1002', 'E1005', 'E1006', 'E1017']);
    await h.connector.waitFor(() => h.inbox(DEMO.itAdmin).some((r) => r.cardText.includes(caseId)));
    const toIt = h.inbox(DEMO.itAdmin).find((r) => r.cardText.includes(caseId))!;
    expect(toIt.cardText).toContain('根拠: 対策基準');
    const outbox = await new OutboxRepo(h.bot.db).byCase(caseId);
    expect(outbox.every((o) => o.priority === 1)).toBe(true); // critical
  });

  it('sends an officer’s own report to their superior, not to themselves', async () => {
    await h.say(DEMO.officer, { verb: 'menu.select', intent: 'lost_ic_card' });
    await h.say(DEMO.officer, submitValue('lost_ic_card', VALID.lost_ic_card));
    const created = only(await h.say(DEMO.officer, { verb: 'flow.submit', kind: 'lost_ic_card' }));
    const caseId = /INC-2026-\d{4}/.exec(created.cardText)![0];
    expect((await new CaseRepo(h.bot.db).get(caseId))?.assigneeId).toBe('E1004');
    await h.connector.waitFor(() => h.inbox(DEMO.superior).some((r) => r.cardText.includes(caseId)));
  });

  it('refuses a class II take-out without encryption with the article, and never creates a case', async () => {
    const before = (await h.bot.db.query('SELECT id FROM cases')).length;
    const bad = {
      ...VALID.takeout,
      itemKind: 'data',
      classification: 'II',
      protection: 'none',
      assetNumber: '',
      mobileTerminal: 'false',
      remoteWipeEnabled: 'false',
    };
    const confirm = only(await h.say(DEMO.staff, submitValue('takeout', bad)));
    expect(confirm.cardText).toContain('8(3)①オ');
    expect(verbs(confirm)).not.toContain('flow.submit');
    const replies = await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'takeout' });
    expect(replies[0]?.text).toContain('送信できません');
    expect((await h.bot.db.query('SELECT id FROM cases')).length).toBe(before);
    await h.say(DEMO.staff, { verb: 'draft.discard', kind: 'takeout' });
  });

  it('creates one case for a double click on 送信', async () => {
    await h.say(DEMO.staff, submitValue('software_install', VALID.software_install));
    const [a, b] = await Promise.all([
      h.say(DEMO.staff, { verb: 'flow.submit', kind: 'software_install' }),
      h.say(DEMO.staff, { verb: 'flow.submit', kind: 'software_install' }),
    ]);
    const ids = [...a, ...b].map((r) => /REQ-2026-\d{4}/.exec(r.cardText)?.[0]).filter(Boolean);
    expect(ids).toHaveLength(1);
    expect([...a, ...b].some((r) => (r.text ?? '').includes('送信済み'))).toBe(true);
  });

  it('recognises free text and answers in English for an English Teams client', async () => {
    const ja = only(await h.say(DEMO.staff, 'ICカードをなくしました'));
    expect(ja.cardText).toContain('ICカード紛失');
    const en = only(await h.say(DEMO.deputy, { verb: 'menu.select', intent: 'takeout' }, 'en-US'));
    expect(en.cardText).toContain('Take-out request');
    expect(en.cardText).not.toContain('持ち出し申請');
  });

  it('lists my cases, lets the reporter cancel a pending request, and tells the officer', async () => {
    await h.say(DEMO.staff, submitValue('private_device', VALID.private_device));
    const created = only(await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'private_device' }));
    const caseId = /REQ-2026-\d{4}/.exec(created.cardText)![0];
    const mine = only(await h.say(DEMO.staff, { verb: 'cases.mine' }));
    expect(mine.cardText).toContain(caseId);
    expect(
      cardActions(mine.card).some((a) => a.data.verb === 'case.cancel' && a.data.caseId === caseId),
    ).toBe(true);
    // Someone else cannot cancel it.
    const denied = await h.say(DEMO.deputy, { verb: 'case.cancel', caseId });
    expect(denied[0]?.text).toContain('ご自身の申請以外は取り消せません');
    expect((await new CaseRepo(h.bot.db).get(caseId))?.status).toBe('submitted');
    // The officer has the card (posted, so it can be replaced after the withdrawal).
    await h.connector.waitFor(() => h.inbox(DEMO.officer).some((r) => r.cardText.includes(caseId)));
    // …and its outbox row is marked sent with the posted activity id (committed after the POST).
    await expect
      .poll(async () =>
        (await new OutboxRepo(h.bot.db).byCase(caseId)).some((o) => o.status === 'sent' && o.activityId),
      )
      .toBe(true);
    const done = only(await h.say(DEMO.staff, { verb: 'case.cancel', caseId }));
    expect(done.text).toContain(`${caseId} を取り消しました`);
    expect((await new CaseRepo(h.bot.db).get(caseId))?.status).toBe('cancelled');
    await h.connector.waitFor(() =>
      h
        .inbox(DEMO.officer)
        .some((r) => (r.text ?? '').includes(`${caseId} は申請者により取り下げられました`)),
    );
    // The officer's posted card is replaced: no approve button survives on a withdrawn request.
    await h.connector.waitFor(() => h.updates(DEMO.officer).some((r) => r.cardText.includes(caseId)));
    const last = h
      .updates(DEMO.officer)
      .filter((r) => r.cardText.includes(caseId))
      .at(-1)!;
    expect(verbs(last)).not.toContain('case.approve');
    // An incident report cannot be withdrawn by the reporter.
    const inc = (await new CaseRepo(h.bot.db).listByReporter('E1001')).find(
      (c) => c.category === 'incident',
    )!;
    const no = await h.say(DEMO.staff, { verb: 'case.cancel', caseId: inc.id });
    expect(no[0]?.text).toContain('取り消せない');
  });

  it('refuses a card payload that does not parse, in Japanese', async () => {
    const r = await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'nonsense' });
    expect(r[0]?.text).toContain('このボタンは古いか、正しくありません');
  });
});

describe('drafts survive a restart', () => {
  it('keeps a half-filled form and offers 続きから / 破棄 after the bot restarts', async () => {
    const h = await BotHarness.start({ clock });
    try {
      const partial = { ...VALID.takeout, purpose: '' };
      await h.say(DEMO.staff, submitValue('takeout', partial));
      await h.restart();
      const resume = only(await h.say(DEMO.staff, '持ち出し申請'));
      expect(verbs(resume)).toEqual(expect.arrayContaining(['draft.resume', 'draft.discard']));
      const form = only(await h.say(DEMO.staff, { verb: 'draft.resume', kind: 'takeout' }));
      expect(cardInputs(form.card).destination).toBe(VALID.takeout.destination);
      const gone = await h.say(DEMO.staff, { verb: 'draft.discard', kind: 'takeout' });
      expect(gone[0]?.text).toContain('下書きを破棄しました');
      expect(await new DraftRepo(h.bot.db).get('E1001', 'takeout')).toBeUndefined();
    } finally {
      await h.stop();
    }
  });
});
