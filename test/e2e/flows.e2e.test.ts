// 山田 花子 (staff) goes through two guided flows in the personal chat, through the real Teams
// simulator and a real browser: she reports a lost IC card (form → errors → confirmation → case
// INC-…) and requests a take-out from the menu (form → confirmation → case REQ-…).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eHarness, WAIT_MS } from './harness';

/** `YYYY-MM-DD` of today + `offsetDays` in Japan time (the bot checks dates in JST). */
function jstDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` → `YYYY/MM/DD`, as the confirmation card shows dates. */
const shown = (date: string) => date.replace(/-/g, '/');

describe('guided flows in the personal chat (Agents Playground)', () => {
  const h = new E2eHarness();

  beforeAll(async () => {
    await h.start({ user: 'h.yamada' });
    await h.openPersonalChat();
  });

  afterAll(async () => {
    await h.stop();
  });

  const visible = async (card: ReturnType<E2eHarness['cards']>, text: string | RegExp) =>
    expect
      .poll(() => card.getByText(text).first().isVisible(), { timeout: WAIT_MS, message: String(text) })
      .toBe(true);

  describe('lost IC card (free text)', () => {
    const yesterday = jstDate(-1);
    const tomorrow = jstDate(1);

    it('answers 「ICカードをなくしました」 with the form card, guidance first', async () => {
      const form = await h.expectNewCard(() => h.send('ICカードをなくしました'), '確認へ進む');
      await visible(form, 'ICカード紛失');
      await visible(form, '必ず確認してください');
      await visible(form, 'この報告は課情報セキュリティ責任者へ直ちに通知されます。');
      await visible(form, '根拠: 対策基準 10(9)①エ');
      for (const title of ['確認へ進む', '下書きを破棄', 'メニュー']) {
        await expect
          .poll(() => form.getByRole('button', { name: title, exact: true }).isVisible())
          .toBe(true);
      }
      await h.screenshot('flows-01-ic-card-form', form);
    });

    it('shows Japanese errors when required fields are empty', async () => {
      const form = h.cards().last();
      await h.clickCardButton('確認へ進む', form);
      // The Playground's renderer checks isRequired itself and shows errorMessage without sending;
      // a client that sends anyway gets the same text from the bot's form. Either way: the newest card.
      const newest = h.cards().last();
      await visible(newest, '「紛失した場所（推定）」を入力してください。');
      await visible(newest, '「カードの種類」を選択してください。');
      await h.settle();
      await h.screenshot('flows-02-ic-card-required-errors', newest);
    });

    it('returns the form with the bot’s error and the answers kept for a lost time in the future', async () => {
      const form = h.cards().last();
      await h.chooseCardOption('カードの種類', '本人用', form);
      await h.fillCardDateTime('紛失に気付いた日時', tomorrow, '08:30', form);
      await h.fillCardInput('紛失した場所（推定）', '本庁舎3階 第2会議室', form);
      await h.fillCardInput('紛失の状況', '朝の会議後、首から下げていたストラップごと見当たらない。', form);
      const again = await h.expectNewCard(
        () => h.clickCardButton('確認へ進む', form),
        '「紛失に気付いた日時」に未来の日時は指定できません。',
      );
      await visible(again, '「紛失に気付いた日時」に未来の日時は指定できません。');
      expect(await (await h.cardControl('紛失した場所（推定）', again)).inputValue()).toBe(
        '本庁舎3階 第2会議室',
      );
      expect(await again.getByRole('radio', { name: '本人用', exact: true }).isChecked()).toBe(true);
      await h.settle();
      await h.screenshot('flows-03-ic-card-future-error', again);
    });

    it('shows the confirmation card with the answers', async () => {
      const form = h.cards().last();
      await h.fillCardDateTime('紛失に気付いた日時', yesterday, '08:30', form);
      const confirm = await h.expectNewCard(
        () => h.clickCardButton('確認へ進む', form),
        'ICカード紛失：送信内容の確認',
      );
      const text = await confirm.innerText();
      for (const s of ['本人用', `${shown(yesterday)} 08:30`, '本庁舎3階 第2会議室', '（未入力）']) {
        expect(text).toContain(s);
      }
      expect(text).toContain('朝の会議後、首から下げていたストラップごと見当たらない。');
      for (const title of ['送信する', '修正する', '破棄する']) {
        await expect
          .poll(() => confirm.getByRole('button', { name: title, exact: true }).isVisible())
          .toBe(true);
      }
      await h.settle();
      await h.screenshot('flows-04-ic-card-confirm');
    });

    it('sends the report and shows the case id INC-…', async () => {
      const created = await h.expectNewCard(() => h.clickCardButton('送信する'), '受付番号');
      await visible(created, /^INC-\d{4}-\d{4}$/);
      const caseId = await created
        .getByText(/^INC-\d{4}-\d{4}$/)
        .first()
        .innerText();
      expect(caseId).toMatch(/^INC-\d{4}-0001$/);
      expect(await created.innerText()).toContain('ICカード紛失の報告を受け付けました。');
      await h.settle();
      await h.screenshot('flows-05-ic-card-created');
    });
  });

  describe('take-out request (menu button)', () => {
    const start = jstDate(1);
    const end = jstDate(3);

    it('opens the take-out form from the menu', async () => {
      const menu = await h.expectNewCard(() => h.send('メニュー'), '情報セキュリティ窓口');
      const form = await h.expectNewCard(() => h.clickCardButton('持ち出し申請', menu), '確認へ進む');
      await visible(form, '持ち出し申請');
      await visible(form, '根拠: 対策基準 8(3)①オ');
      await h.settle();
      await h.screenshot('flows-06-takeout-form', form);
    });

    it('fills the form and shows the confirmation card', async () => {
      const form = h.cards().last();
      await h.chooseCardOption('持ち出すもの', 'データ（メール添付・外部送信を含む）', form);
      await h.fillCardInput('持ち出す情報資産の内容', '住民説明会資料（PDF 3件）', form);
      await h.chooseCardOption('重要性分類', 'Ⅱ（非公開・侵害時に重大な影響）', form);
      await h.fillCardInput('持ち出しの目的', '住民説明会での資料投影', form);
      await h.fillCardInput('持ち出し先', '〇〇市民センター', form);
      await h.pickCardDate('持ち出し日', start, form);
      await h.pickCardDate('返却予定日', end, form);
      await h.chooseCardOption('保護措置', '暗号化', form);
      const confirm = await h.expectNewCard(
        () => h.clickCardButton('確認へ進む', form),
        '持ち出し申請：送信内容の確認',
      );
      const text = await confirm.innerText();
      for (const s of [
        'データ（メール添付・外部送信を含む）',
        '住民説明会資料（PDF 3件）',
        'Ⅱ（非公開・侵害時に重大な影響）',
        '住民説明会での資料投影',
        '〇〇市民センター',
        shown(start),
        shown(end),
        '暗号化',
      ]) {
        expect(text).toContain(s);
      }
      await h.settle();
      await h.screenshot('flows-07-takeout-confirm');
    });

    it('sends the request and shows the case id REQ-…', async () => {
      const created = await h.expectNewCard(() => h.clickCardButton('送信する'), '受付番号');
      await visible(created, /^REQ-\d{4}-\d{4}$/);
      const caseId = await created
        .getByText(/^REQ-\d{4}-\d{4}$/)
        .first()
        .innerText();
      expect(caseId).toMatch(/^REQ-\d{4}-0001$/);
      await h.settle();
      await h.screenshot('flows-08-takeout-created');
    });
  });
});
