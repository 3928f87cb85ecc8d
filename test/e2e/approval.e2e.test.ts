// Two people, one bot: 山田 花子 (staff) requests a take-out on page A; the case card reaches 佐藤 健一
// (課情報セキュリティ責任者) proactively on page B, in his own Playground; he decides there
// (Action.Execute), his card is updated in place and the result reaches 山田 on page A.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eHarness, SCREENSHOT_DIR, WAIT_MS, formatTraffic } from './harness';
import { expectVisible, submitTakeoutRequest } from './steps';

const SATO = '佐藤 健一';
const YAMADA_AAD = '00000000-0000-4000-8000-000000000001';
const CONDITION = '暗号化のうえ持ち出すこと';
const REJECT_REASON = '重要性分類Ⅱの資料は庁外の端末で投影できないため';

describe('approval across two people (two Agents Playgrounds, one bot)', () => {
  const staff = new E2eHarness(); // page A: 山田 花子
  const approver = new E2eHarness(); // page B: 佐藤 健一

  beforeAll(async () => {
    await staff.start({ user: 'h.yamada', recordTraffic: true });
    await approver.start({ user: 'k.sato', reuseBot: staff.bot, recordTraffic: true });
    // The approver's page first: the bot can only reach him once it has his conversation
    // reference, and the Playground shows only what arrives while the page is open.
    await approver.openPersonalChat();
    await approver.expectNewCard(() => approver.send('こんにちは'), '情報セキュリティ窓口');
    await staff.openPersonalChat();
  });

  afterAll(async () => {
    // What crossed the wire and what the Playground said about it, for a failure's diagnosis.
    try {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      fs.writeFileSync(
        path.join(SCREENSHOT_DIR, 'approval-traffic.log'),
        [
          '# notes',
          ...notes,
          '# page A (h.yamada) → bot',
          formatTraffic(staff.traffic),
          '# page B (k.sato) → bot',
          formatTraffic(approver.traffic),
          '# Playground warnings on page B',
          ...(await playgroundWarnings(approver)),
          '# invoke responses to page B',
          ...approver.traffic.filter((e) => e.activity?.type === 'invoke').map((e) => e.response ?? ''),
          '# bot log',
          staff.bot?.output() ?? '',
        ].join('\n'),
      );
    } catch {
      // Diagnostics only.
    }
    // The second harness only borrows the bot; the first one stops it.
    await approver.stop();
    await staff.stop();
  });

  /** Outbox rows of plain notifications to `aad` about `caseId` (read from the bot's SQLite file). */
  const notificationsTo = (aad: string, caseId: string): number => {
    const db = new Database(staff.bot!.dbFile, { readonly: true, fileMustExist: true });
    try {
      const row = db
        .prepare(
          "SELECT COUNT(*) AS n FROM outbox WHERE to_aad = ? AND case_id = ? AND json_extract(message_json, '$.type') = 'text'",
        )
        .get(aad, caseId) as { n: number };
      return row.n;
    } finally {
      db.close();
    }
  };

  /** The newest copy of the case card for `caseId` on page B. */
  const caseCard = (caseId: string) => approver.cards().filter({ hasText: caseId }).last();
  const button = (card: ReturnType<typeof caseCard>, title: string) =>
    card.getByRole('button', { name: title, exact: true });

  const notes: string[] = [];
  /** Timings and observations: printed, and kept for the traffic log. */
  const note = (msg: string) => {
    notes.push(msg);
    process.stdout.write(`${msg}\n`);
  };

  /** Warnings the Playground shows in its log panel (e.g. about features it does not support). */
  async function playgroundWarnings(h: E2eHarness): Promise<string[]> {
    const items = h.page.getByText(/Warning:/).locator('xpath=..');
    const texts: string[] = [];
    for (const item of await items.all().catch(() => [])) {
      const title = await item.getAttribute('title').catch(() => null);
      texts.push(`${(await item.textContent().catch(() => '')) ?? ''}${title ? ` [title: ${title}]` : ''}`);
    }
    return texts;
  }

  /** Invokes page B sent since `since` (Action.Execute arrives as `adaptiveCard/action`). */
  const invokesSince = (since: number) =>
    approver.traffic.filter((e) => e.at >= since && e.activity?.type === 'invoke');

  describe('approve with a condition', () => {
    let caseId = '';
    let submittedAt = 0;

    it('山田 submits a take-out request on page A', async () => {
      caseId = await submitTakeoutRequest(staff);
      submittedAt = Date.now();
      expect(caseId).toMatch(/^REQ-\d{4}-0001$/);
      await staff.settle();
      await staff.screenshot('approval-01-A-request-created');
    });

    it('the case card reaches 佐藤 on page B, with 承認 and 却下', async () => {
      const card = caseCard(caseId);
      await card.waitFor({ state: 'visible', timeout: WAIT_MS });
      note(`case card on page B at most ${Date.now() - submittedAt} ms after page A showed ${caseId}`);
      await expectVisible(card, '持ち出し申請');
      await expectVisible(card, '受付済み');
      await expect.poll(() => button(card, '承認').isVisible()).toBe(true);
      await expect.poll(() => button(card, '却下').isVisible()).toBe(true);
      await approver.settle();
      await approver.screenshot('approval-02-B-case-card', card);
    });

    it('佐藤 approves with a condition; his card shows 承認 without buttons', async () => {
      const card = caseCard(caseId);
      await approver.fillCardInput('条件（任意）', CONDITION, card);
      const clicked = Date.now();
      await approver.clickCardButton('承認', card);
      const updated = caseCard(caseId);
      await expectVisible(updated, 'この案件は承認されています。これ以上の操作はできません。');
      note(`card updated on page B after ${Date.now() - clicked} ms`);
      // Replaced in place: still one copy of the card in the chat.
      expect(await approver.cards().filter({ hasText: caseId }).count()).toBe(1);
      await expectVisible(updated, new RegExp(`${SATO}: 持ち出し申請を承認しました（条件: ${CONDITION}）`));
      await expect.poll(() => button(updated, '承認').count()).toBe(0);
      await expect.poll(() => button(updated, '却下').count()).toBe(0);
      const invokes = invokesSince(clicked);
      note(`page B → bot after the click:\n${formatTraffic(approver.traffic, clicked)}`);
      expect(invokes.map((e) => [e.activity?.name, e.activity?.verb, e.status])).toContainEqual([
        'adaptiveCard/action',
        'case.approve',
        200,
      ]);
      await approver.settle();
      await approver.screenshot('approval-03-B-card-approved', updated);
      await approver.screenshot('approval-03b-B-chat');
    });

    it('山田 sees the decision on page A', async () => {
      const started = Date.now();
      expect(notificationsTo(YAMADA_AAD, caseId)).toBe(1);
      const text = await staff.waitForBotText(`${caseId}: ${SATO} さんにより`);
      note(`result on page A after ${Date.now() - started} ms`);
      expect(await text.innerText()).toContain(`持ち出し申請を承認しました（条件: ${CONDITION}）`);
      // Class II data taken out: the permission of 8(3)①オ (not 10(4)①, which is for terminals and media).
      expect(await text.innerText()).toContain('対策基準 8(3)①オ');
      await staff.screenshot('approval-04-A-result');
    });
  });

  describe('reject: a comment is required', () => {
    let caseId = '';

    it('山田 submits a second request', async () => {
      caseId = await submitTakeoutRequest(staff);
      expect(caseId).toMatch(/^REQ-\d{4}-0002$/);
    });

    it('却下 without a comment returns the card with a Japanese notice; the case stays open', async () => {
      const card = caseCard(caseId);
      await card.waitFor({ state: 'visible', timeout: WAIT_MS });
      await expect.poll(() => button(card, '却下').isVisible()).toBe(true);
      const clicked = Date.now();
      await approver.clickCardButton('却下', card);
      const again = caseCard(caseId);
      await expectVisible(again, '却下の理由を入力してください。');
      await expectVisible(again, '受付済み');
      await expect.poll(() => button(again, '却下').isVisible()).toBe(true);
      await expect.poll(() => button(again, '承認').isVisible()).toBe(true);
      expect(invokesSince(clicked).map((e) => [e.activity?.verb, e.status])).toContainEqual([
        'case.reject',
        200,
      ]);
      expect(await approver.cards().filter({ hasText: caseId }).count()).toBe(1);
      await approver.settle();
      await approver.screenshot('approval-05-B-reject-needs-comment', again);
      // Nothing was sent to 山田: a notification would have been written to the outbox in the
      // click's own transaction, before the invoke answered — so the database tells for certain,
      // where waiting on page A could only tell "not yet". The next step is the positive control.
      expect(notificationsTo(YAMADA_AAD, caseId)).toBe(0);
      expect(await staff.page.getByText(`${caseId}: `).count()).toBe(0);
    });

    it('却下 with a comment rejects; 山田 sees 却下 with the reason', async () => {
      const card = caseCard(caseId);
      await approver.fillCardInput('コメント（却下の場合は必須）', REJECT_REASON, card);
      await approver.clickCardButton('却下', card);
      const updated = caseCard(caseId);
      await expectVisible(updated, 'この案件は却下されています。これ以上の操作はできません。');
      await expect.poll(() => button(updated, '却下').count()).toBe(0);
      await expectVisible(
        updated,
        new RegExp(`${SATO}: 持ち出し申請を却下しました（理由: ${REJECT_REASON}）`),
      );
      await approver.settle();
      await approver.screenshot('approval-06-B-card-rejected', updated);
      note(`Playground warnings on page B:\n${(await playgroundWarnings(approver)).join('\n')}`);
      expect(notificationsTo(YAMADA_AAD, caseId)).toBe(1);
      const text = await staff.waitForBotText(`${caseId}: ${SATO} さんにより`);
      expect(await text.innerText()).toContain(`持ち出し申請を却下しました（理由: ${REJECT_REASON}）`);
      await staff.screenshot('approval-07-A-rejected');
    });
  });
});
