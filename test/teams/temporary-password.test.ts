import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseRepo } from '../../src/storage/case-repo';
import { VALID } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';

describe('temporary passwords in the password flow (10(8)①)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start({ clock: new ManualClock() });
    for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
  });
  afterEach(async () => h.stop());

  it('10(8)①: the form asks about a temporary password; the answer is kept on the case and the guidance cites 10(8)①', async () => {
    const [form] = await h.say(DEMO.staff, 'パスワード流出');
    expect(form?.cardText).toContain('責任者から発行された仮のパスワードのことである');
    expect(form?.cardText).toContain(
      '仮のパスワードは、ログインしたら直ちに自分のパスワードに変更してください。',
    );
    expect(form?.cardText).toContain('10(8)①');
    const id = await fileCase(h, DEMO.staff, 'password_leak', {
      ...VALID.password_leak,
      temporaryPassword: 'true',
      changedAfterLogin: 'false',
    });
    const c = await new CaseRepo(h.bot.db).get(id);
    expect(c?.form.value).toMatchObject({ temporaryPassword: true, changedAfterLogin: false });
    expect(c?.evaluation).toMatchObject({
      temporaryPassword: { temporaryPassword: true, changedAfterLogin: false },
    });
    await h.connector.waitFor(() => h.inbox(DEMO.officer).some((r) => r.cardText.includes(id)));
    const card = h.inbox(DEMO.officer).find((r) => r.cardText.includes(id))?.cardText ?? '';
    expect(card).toContain('仮のパスワードがまだ変更されていません');
    expect(card).toContain('10(8)①');
  });
});
