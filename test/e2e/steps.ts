// Steps shared by the e2e tests: a person's take-out request from the menu to its case id.
import { expect } from 'vitest';
import { WAIT_MS, type E2eHarness } from './harness';

type Card = ReturnType<E2eHarness['cards']>;

/** `YYYY-MM-DD` of today + `offsetDays` in Japan time (the bot checks dates in JST). */
export function jstDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` → `YYYY/MM/DD`, as the confirmation card shows dates. */
export const shown = (date: string) => date.replace(/-/g, '/');

/** Waits until `card` shows `text` (bounded by WAIT_MS). */
export async function expectVisible(card: Card, text: string | RegExp, timeoutMs = WAIT_MS): Promise<void> {
  await expect
    .poll(() => card.getByText(text).first().isVisible(), { timeout: timeoutMs, message: String(text) })
    .toBe(true);
}

/** The answers of a take-out request; `takeoutAnswers()` gives the usual sample. */
export interface TakeoutAnswers {
  item: string;
  content: string;
  classification: string;
  purpose: string;
  destination: string;
  start: string;
  end: string;
  protection: string;
}

/** A take-out of data from tomorrow to in three days (Japan time), encrypted. */
export function takeoutAnswers(overrides: Partial<TakeoutAnswers> = {}): TakeoutAnswers {
  return {
    item: 'データ（メール添付・外部送信を含む）',
    content: '住民説明会資料（PDF 3件）',
    classification: 'Ⅱ（非公開・侵害時に重大な影響）',
    purpose: '住民説明会での資料投影',
    destination: '〇〇市民センター',
    start: jstDate(1),
    end: jstDate(3),
    protection: '暗号化',
    ...overrides,
  };
}

/** What the confirmation card must show for `a`. */
export function takeoutConfirmTexts(a: TakeoutAnswers): string[] {
  return [
    a.item,
    a.content,
    a.classification,
    a.purpose,
    a.destination,
    shown(a.start),
    shown(a.end),
    a.protection,
  ];
}

/** 「メニュー」 → 「持ち出し申請」: returns the take-out form card. */
export async function openTakeoutForm(h: E2eHarness): Promise<Card> {
  const menu = await h.expectNewCard(() => h.send('メニュー'), '情報セキュリティ窓口');
  const form = await h.expectNewCard(() => h.clickCardButton('持ち出し申請', menu), '確認へ進む');
  await expectVisible(form, '持ち出し申請');
  return form;
}

/** Fills the take-out form and presses 「確認へ進む」: returns the confirmation card. */
export async function fillTakeoutForm(h: E2eHarness, form: Card, a: TakeoutAnswers): Promise<Card> {
  await h.chooseCardOption('持ち出すもの', a.item, form);
  await h.fillCardInput('持ち出す情報資産の内容', a.content, form);
  await h.chooseCardOption('重要性分類', a.classification, form);
  await h.fillCardInput('持ち出しの目的', a.purpose, form);
  await h.fillCardInput('持ち出し先', a.destination, form);
  await h.pickCardDate('持ち出し日', a.start, form);
  await h.pickCardDate('返却予定日', a.end, form);
  await h.chooseCardOption('保護措置', a.protection, form);
  return h.expectNewCard(() => h.clickCardButton('確認へ進む', form), '持ち出し申請：送信内容の確認');
}

/** Presses 「送信する」 on the newest card and returns the case id shown (`REQ-…`, `INC-…`). */
export async function submitAndReadCaseId(h: E2eHarness, prefix: 'REQ' | 'INC'): Promise<string> {
  const idPattern = new RegExp(`^${prefix}-\\d{4}-\\d{4}$`);
  const created = await h.expectNewCard(() => h.clickCardButton('送信する'), '受付番号');
  await expectVisible(created, idPattern);
  return created.getByText(idPattern).first().innerText();
}

/** The whole take-out request, menu to case id; returns `REQ-YYYY-NNNN`. */
export async function submitTakeoutRequest(
  h: E2eHarness,
  a: TakeoutAnswers = takeoutAnswers(),
): Promise<string> {
  const form = await openTakeoutForm(h);
  await fillTakeoutForm(h, form, a);
  return submitAndReadCaseId(h, 'REQ');
}
