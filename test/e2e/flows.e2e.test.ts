// 山田 花子 (staff) goes through two guided flows in the personal chat, through the real Teams
// simulator and a real browser: she reports a lost IC card (form → errors → confirmation → case
// INC-…) and requests a take-out from the menu (form → confirmation → case REQ-…).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eHarness } from './harness';
import {
  expectVisible as visible,
  fillTakeoutForm,
  jstDate,
  openTakeoutForm,
  shown,
  submitAndReadCaseId,
  takeoutAnswers,
  takeoutConfirmTexts,
} from './steps';

describe('guided flows in the personal chat (Agents Playground)', () => {
  const h = new E2eHarness();

  beforeAll(async () => {
    await h.start({ user: 'h.yamada' });
    await h.openPersonalChat();
  });

  afterAll(async () => {
    await h.stop();
  });

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
    const answers = takeoutAnswers();

    it('opens the take-out form from the menu', async () => {
      const form = await openTakeoutForm(h);
      await visible(form, '根拠: 対策基準 8(3)①オ');
      await h.settle();
      await h.screenshot('flows-06-takeout-form', form);
    });

    it('fills the form and shows the confirmation card', async () => {
      const confirm = await fillTakeoutForm(h, h.cards().last(), answers);
      const text = await confirm.innerText();
      for (const s of takeoutConfirmTexts(answers)) {
        expect(text).toContain(s);
      }
      await h.settle();
      await h.screenshot('flows-07-takeout-confirm');
    });

    it('sends the request and shows the case id REQ-…', async () => {
      const caseId = await submitAndReadCaseId(h, 'REQ');
      expect(caseId).toMatch(/^REQ-\d{4}-0001$/);
      await h.settle();
      await h.screenshot('flows-08-takeout-created');
    });
  });
});
