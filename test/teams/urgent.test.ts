// Faster for the hurried, the top and the new: an urgent report starts at "now" and names whom to
// phone, with the number; 統括 at the top of the organisation can report and request like anyone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_KINDS, INCIDENT_KINDS } from '../../src/domain/cases';
import { OPERATING_RULE } from '../../src/domain/articles';
import { CaseRepo } from '../../src/storage/case-repo';
import { NOW, VALID } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions, cardInputs, type Reply } from '../helpers/bot-harness';
import { fileCase, submitValue } from '../helpers/forms';

const clock = { now: () => new Date(NOW.getTime() + 47 * 60_000 + 30_000) }; // 2026-04-10 12:47:30 JST
const NAKAMURA = '00000000-0000-4000-8000-000000000007'; // 中村 洋子, 代理者 of 事務局

function only(replies: Reply[]): Reply {
  expect(replies).toHaveLength(1);
  return replies[0] as Reply;
}

/** The texts of the urgent guidance block (the attention container at the top of the form). */
function guidance(card: unknown): string[] {
  const body = (card as { body: Array<Record<string, unknown>> }).body;
  const block = body.find((b) => b.type === 'Container' && b.style === 'attention');
  return JSON.stringify(block ?? {})
    .match(/"text":"([^"]*)"/g)!
    .map((m) => JSON.parse(m.slice(7)) as string);
}

describe('urgent reports: now, and whom to phone', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    for (const p of [...Object.values(DEMO), NAKAMURA]) await h.say(p, 'こんにちは');
  });
  afterAll(async () => h.stop());

  it.each(
    // Incidents only: requests have no "when" that starts at now.
    [...INCIDENT_KINDS],
  )('%s: the "when" starts at now in Japan time, and the officer is named with the phone', async (kind) => {
    const form = only(await h.say(DEMO.staff, { verb: 'menu.select', intent: kind }));
    const inputs = cardInputs(form.card);
    const dt = Object.keys(inputs).find((k) => k.endsWith('__date'))!;
    expect(inputs[dt]).toBe('2026-04-10');
    expect(inputs[dt.replace('__date', '__time')]).toBe('12:47');
    const lines = guidance(form.card);
    expect(lines).toContain('今すぐ 佐藤 健一（06-6630-3111）へ電話してください。');
    expect(lines[lines.indexOf('今すぐ 佐藤 健一（06-6630-3111）へ電話してください。') + 1]).toBe(
      '根拠: 対策基準 10(6)①',
    );
  });

  it('the menu, too, names whom to phone in an emergency, with the number', async () => {
    const menu = only(await h.say(DEMO.staff, 'ヘルプ'));
    expect(menu.cardText).toContain('緊急時は電話でも 佐藤 健一（06-6630-3111）へ連絡してください。');
    expect(menu.cardText).not.toContain('緊急時は電話でも課情報セキュリティ責任者へ連絡してください。');
    // The officer himself is told to call his superior.
    expect(only(await h.say(DEMO.officer, 'メニュー')).cardText).toContain(
      '緊急時は電話でも 伊藤 直樹（06-6630-3101）へ連絡してください。',
    );
  });

  it('a request has no such line and no time to default', async () => {
    const form = only(await h.say(DEMO.staff, { verb: 'menu.select', intent: 'takeout' }));
    expect(form.cardText).not.toContain('へ電話してください');
    expect(form.cardText).not.toContain('12:47');
  });

  it('can be sent at once with the time as given; a draft keeps what the person typed', async () => {
    const form = only(await h.say(DEMO.staff, { verb: 'menu.select', intent: 'virus' }));
    const inputs = cardInputs(form.card);
    // Send the card back as shown, with only the required answers filled in.
    const confirm = only(
      await h.say(DEMO.staff, {
        ...inputs,
        verb: 'flow.review',
        kind: 'virus',
        assetNumber: 'PC-2023-0456',
        trigger: 'antivirus',
        route: 'unknown',
      }),
    );
    expect(cardActions(confirm.card).map((a) => a.data.verb)).toContain('flow.submit');
    expect(confirm.cardText).toContain('2026/04/10 12:47');
    // Typed time, then back to the form: the draft's time, not now.
    await h.say(DEMO.staff, submitValue('virus', { ...VALID.virus, detectedAt: '2026-04-10T09:05' }));
    const edit = only(await h.say(DEMO.staff, { verb: 'flow.edit', kind: 'virus' }));
    expect(cardInputs(edit.card)).toMatchObject({
      detectedAt__date: '2026-04-10',
      detectedAt__time: '09:05',
    });
    const resume = only(await h.say(DEMO.staff, { verb: 'menu.select', intent: 'virus' }));
    expect(guidance(resume.card)).toContain('今すぐ 佐藤 健一（06-6630-3111）へ電話してください。');
    await h.say(DEMO.staff, { verb: 'draft.discard', kind: 'virus' });
  });

  it('names the deputy while the officer is away, as the organisation’s rule', async () => {
    await h.say(DEMO.officer, { verb: 'absence.set', from: '2026-04-10', to: '2026-04-11' });
    const form = only(await h.say(DEMO.staff, { verb: 'menu.select', intent: 'device_lost' }));
    const lines = guidance(form.card);
    const call =
      '今すぐ 鈴木 一郎（06-6630-3112）へ電話してください。 佐藤 健一 さんが不在のため、代理者の 鈴木 一郎 さんです。';
    expect(lines).toContain(call);
    expect(lines[lines.indexOf(call) + 1]).toBe('根拠: 運用ルール');
    await h.say(DEMO.officer, { verb: 'absence.clear' });
    expect(
      guidance(only(await h.say(DEMO.staff, { verb: 'menu.select', intent: 'device_lost' })).card),
    ).toContain('今すぐ 佐藤 健一（06-6630-3111）へ電話してください。');
  });

  it('the officer himself is told to call his superior', async () => {
    const form = only(await h.say(DEMO.officer, { verb: 'menu.select', intent: 'password_leak' }));
    expect(guidance(form.card)).toContain('今すぐ 伊藤 直樹（06-6630-3101）へ電話してください。');
  });

  it('in English for an English client', async () => {
    const form = only(await h.say(DEMO.staff, { verb: 'menu.select', intent: 'lost_ic_card' }, 'en-US'));
    expect(guidance(form.card)).toContain('Call 佐藤 健一 (06-6630-3111) now.');
  });

  it('高橋 誠 (統括, officer of the top-level 事務局) files every flow: each goes to 中村 洋子, never to himself', async () => {
    const virusForm = only(await h.say(DEMO.chief, { verb: 'menu.select', intent: 'virus' }));
    expect(guidance(virusForm.card)).toContain('今すぐ 中村 洋子（06-6630-3002）へ電話してください。');
    expect(virusForm.cardText).toContain('根拠: 運用ルール');
    const confirm = only(await h.say(DEMO.chief, submitValue('takeout', VALID.takeout)));
    expect(confirm.cardText).not.toContain('見つかりません');
    expect(confirm.cardText).toContain('中村 洋子');
    const ids: string[] = [];
    // 11(2)②: his external connection goes to an IT管理者 first; 10(9)③: a renewal is a record with
    // nobody to act (test/teams/permissions.test.ts).
    for (const kind of CASE_KINDS.filter((k) => k !== 'external_connection' && k !== 'ic_card_renewal')) {
      const id = await fileCase(h, DEMO.chief, kind);
      ids.push(id);
      const c = await new CaseRepo(h.bot.db).get(id);
      expect(c?.assigneeId, kind).toBe('E1007');
      const recipients = await new CaseRepo(h.bot.db).recipients(id);
      expect(recipients.map((r) => r.personId)).not.toContain('E1005');
      expect(recipients.find((r) => r.personId === 'E1007')?.reasons.map((r) => r.article)).toEqual([
        OPERATING_RULE,
      ]);
    }
    // 中村 receives the card, saying why — as the organisation's rule, never as an article.
    await h.connector.waitFor(() =>
      ids.every((id) => h.inbox(NAKAMURA).some((r) => r.cardText.includes(id))),
    );
    const card = h.inbox(NAKAMURA).find((r) => r.cardText.includes(ids[1]!))!;
    expect(card.cardText).toContain('（根拠: 運用ルール）');
    expect(card.cardText).not.toContain('対策基準 運用ルール');
  });

  it('an exception filed by the only 統括 can be decided by the person it is routed to (運用ルール)', async () => {
    const id = await fileCase(h, DEMO.chief, 'exception');
    expect(await new CaseRepo(h.bot.db).get(id)).toMatchObject({ assigneeId: 'E1007' });
    // Nobody else: not 高橋 himself, not the IT administrator.
    for (const who of [DEMO.chief, DEMO.itAdmin]) {
      await h.execute(who, 'case.approve', { caseId: id });
      expect((await new CaseRepo(h.bot.db).get(id))?.status, who).not.toBe('approved');
    }
    const r = await h.execute(NAKAMURA, 'case.approve', { caseId: id, comment: '代替措置を確認' });
    expect(r.statusCode).toBe(200);
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('approved');
  });
});

describe('when the directory has no phone number for the officer', () => {
  let h: BotHarness;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-dir-'));
    const csv = fs
      .readFileSync(path.resolve(__dirname, '../../infra/demo/directory.csv'), 'utf8')
      .replace('06-6630-3111,090-0000-1002', ',');
    const file = path.join(dir, 'directory.csv');
    fs.writeFileSync(file, csv);
    h = await BotHarness.start({ clock, env: { DIRECTORY_CSV: file } });
  });
  afterAll(async () => {
    await h.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says whom to contact and that no number is registered', async () => {
    const form = only(await h.say(DEMO.staff, { verb: 'menu.select', intent: 'lost_ic_card' }));
    const lines = guidance(form.card);
    expect(lines).toContain(
      '今すぐ 佐藤 健一 さんへ連絡してください（緊急連絡網に電話番号が登録されていません）。',
    );
    expect(form.cardText).not.toContain('06-6630-3111');
  });
});
