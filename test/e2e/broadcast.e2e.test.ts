// A drill over the contact tree, two people, one bot: 田中 美咲 (IT管理者) composes a 訓練 broadcast
// on page A, previews it and sends it; 山田 花子 (staff) gets the card on page B and answers
// 「確認しました」; the sender's live status card on page A shows the answer (updated in place,
// throttled to one update per 10 s).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eHarness, SCREENSHOT_DIR, WAIT_MS } from './harness';
import { expectVisible } from './steps';

const TITLE = '連絡網訓練：不審メールの確認';
const BODY = '本日の訓練です。このメッセージを読んだら「確認しました」を押してください。';
const YAMADA_AAD = '00000000-0000-4000-8000-000000000001';

describe('emergency broadcast drill (two Agents Playgrounds, one bot)', () => {
  const admin = new E2eHarness(); // page A: 田中 美咲, IT管理者
  const staff = new E2eHarness(); // page B: 山田 花子, 総務課

  beforeAll(async () => {
    await admin.start({ user: 'm.tanaka' });
    await staff.start({ user: 'h.yamada', reuseBot: admin.bot });
    // The recipient's page first: the Playground shows only what arrives while the page is open,
    // and the bot learns her conversation from her first message.
    await staff.openPersonalChat();
    await staff.expectNewCard(() => staff.send('こんにちは'), '情報セキュリティ窓口');
    await admin.openPersonalChat();
  });

  afterAll(async () => {
    try {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      fs.writeFileSync(path.join(SCREENSHOT_DIR, 'broadcast-bot.log'), admin.bot?.output() ?? '');
    } catch {
      // Diagnostics only.
    }
    await staff.stop();
    await admin.stop();
  });

  /** The recipient's answer rows in the bot's SQLite file. */
  const answersOf = (aad: string): Array<{ first_answer: string | null; latest_answer: string | null }> => {
    const db = new Database(admin.bot!.dbFile, { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare('SELECT first_answer, latest_answer FROM broadcast_recipients WHERE aad_object_id = ?')
        .all(aad) as Array<{ first_answer: string | null; latest_answer: string | null }>;
    } finally {
      db.close();
    }
  };

  it('IT管理者 sends a 訓練 alert, staff acknowledge it on their own page, the status card shows it', async () => {
    // Compose: purpose, title, body; 訓練 is the default, the answer is 「確認しました」.
    const form = await admin.expectNewCard(() => admin.send('一斉通知'), '一斉通知の作成');
    const purpose = await admin.cardControl('目的', form);
    const radio = purpose.getByRole('radio', { name: /緊急連絡網の運用・訓練/ });
    if ((await radio.count()) > 0) await radio.first().check();
    else
      await purpose.selectOption({
        label: (
          await purpose.locator('option', { hasText: '緊急連絡網の運用・訓練' }).first().innerText()
        ).trim(),
      });
    await admin.fillCardInput('件名', TITLE, form);
    await admin.fillCardInput('本文', BODY, form);
    await admin.screenshot('broadcast-1-compose', form);

    // Preview: the card exactly as recipients get it, marked as a drill.
    const preview = await admin.expectNewCard(
      () => admin.clickCardButton('確認へ進む', form),
      '送信前の確認',
    );
    await expectVisible(preview, TITLE);
    await expectVisible(preview, /【訓練】/);
    await admin.screenshot('broadcast-2-preview', preview);

    // Send: the live status card reaches the sender, the copy reaches 山田 on page B.
    await admin.clickCardButton('送信', preview);
    const copy = staff.cards().filter({ hasText: TITLE }).last();
    await expectVisible(copy, BODY);
    await expectVisible(copy, /【訓練】/);
    await staff.screenshot('broadcast-3-recipient', copy);
    const status = admin.cards().filter({ hasText: TITLE }).filter({ hasText: '回答済み' }).last();
    await expectVisible(status, '回答済み');

    // 山田 answers on her own page: her card says so at once, the answer is stored once.
    await staff.clickCardButton('確認しました', copy);
    await expectVisible(staff.cards().filter({ hasText: TITLE }).last(), /あなたの回答: 確認しました/);
    await expect
      .poll(() => answersOf(YAMADA_AAD), { timeout: WAIT_MS })
      .toEqual([{ first_answer: 'ack', latest_answer: 'ack' }]);
    await staff.screenshot('broadcast-4-answered', staff.cards().filter({ hasText: TITLE }).last());

    // The sender's status card is updated in place (within one 10 s throttle bucket): 総務課 shows
    // one answer, and the total counts it.
    const updated = admin.cards().filter({ hasText: TITLE }).filter({ hasText: '回答済み' }).last();
    await expectVisible(updated, /総務課/, WAIT_MS);
    await expect
      .poll(async () => /回答 1（\d+%）/.test(await updated.innerText()), {
        timeout: WAIT_MS,
        message: 'status card shows the answer',
      })
      .toBe(true);
    await admin.screenshot('broadcast-5-status', updated);
  });
});
