// A staff member (山田 花子) opens the personal chat, gets the menu, picks a request and reports a
// lost IC card in free text — through the real Teams simulator and a real browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eHarness, WAIT_MS } from './harness';

describe('menu in the personal chat (Agents Playground)', () => {
  const h = new E2eHarness();

  beforeAll(async () => {
    await h.start({ user: 'h.yamada' });
    await h.openPersonalChat();
  });

  afterAll(async () => {
    await h.stop();
  });

  it('answers こんにちは with the menu card', async () => {
    const menu = await h.expectNewCard(() => h.send('こんにちは'), '情報セキュリティ窓口');
    await expect
      .poll(() => menu.getByText('情報セキュリティ窓口').first().isVisible(), { timeout: WAIT_MS })
      .toBe(true);
    await expect
      .poll(() => menu.getByRole('button', { name: 'ICカード紛失', exact: true }).isVisible(), {
        timeout: WAIT_MS,
      })
      .toBe(true);
    await h.screenshot('01-menu');
  });

  it('answers the 持ち出し申請 button with its flow card', async () => {
    const menu = h.cards().filter({ hasText: '情報セキュリティ窓口' }).last();
    const card = await h.expectNewCard(() => h.clickCardButton('持ち出し申請', menu), '持ち出し申請');
    expect(await card.innerText()).toContain('持ち出し申請');
    await h.screenshot('02-takeout');
  });

  it('recognises 「ICカードをなくしました」 as the IC card flow', async () => {
    const card = await h.expectNewCard(() => h.send('ICカードをなくしました'), 'ICカード紛失');
    expect(await card.innerText()).toContain('ICカード紛失');
    await h.screenshot('03-ic-card');
  });
});
