// Records, two people, one bot: 山田 花子 (staff, 総務課) on page A, 佐藤 健一 (課情報セキュリティ責任者,
// 総務課) on page B.
// - Ledger: 山田's take-out request is approved by 佐藤; his 「台帳」 card shows it in the take-out
//   ledger (持ち出し記録簿) as 持出中; the card's CSV and Excel exports give download links whose
//   files hold the case; 山田 asking for 「台帳」 is refused and the refusal is in the audit trail.
// - Media disposal with permission (8(3)②オ): 山田 asks to dispose of a medium, 佐藤 permits it on
//   the card that reaches him, 山田 records the processing (日時・担当者・処理内容) on the card that
//   reaches her; the record is 'done' and the audit trail has the three steps in order.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eHarness, SCREENSHOT_DIR, WAIT_MS } from './harness';
import { expectVisible, jstDate, submitTakeoutRequest } from './steps';

const YAMADA_AAD = '00000000-0000-4000-8000-000000000001';
const SATO_AAD = '00000000-0000-4000-8000-000000000002';
const LEDGER_TITLE = '台帳：持ち出し記録簿';
const LEDGER_DENIED =
  '台帳を閲覧できるのは、課情報セキュリティ責任者（代理者を含む）、統括情報セキュリティ責任者、IT管理者です。';
const ASSET = '旧庶務用USBメモリ（会議録音データ）';
const MEDIA_ID = 'USB-0042';
const OPERATOR = '山田 花子（立会い: 佐藤 健一）';
const DETAILS = '消去ソフトで全領域を上書きし、読み出せないことを確かめたうえで破砕した';

type Card = ReturnType<E2eHarness['cards']>;

/** `HH:mm` of now in Japan time. */
const jstTime = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(11, 16);

describe('records: ledgers and media disposal (two Agents Playgrounds, one bot)', () => {
  const staff = new E2eHarness(); // page A: 山田 花子
  const officer = new E2eHarness(); // page B: 佐藤 健一

  beforeAll(async () => {
    await staff.start({ user: 'h.yamada' });
    await officer.start({ user: 'k.sato', reuseBot: staff.bot });
    // The officer's page first: the bot reaches him only once it has his conversation reference.
    await officer.openPersonalChat();
    await officer.expectNewCard(() => officer.send('こんにちは'), '情報セキュリティ窓口');
    await staff.openPersonalChat();
  });

  afterAll(async () => {
    try {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const outbox = query<Record<string, unknown>>(
        'SELECT id, to_aad, status, attempts, last_error, message_json FROM outbox ORDER BY id',
      );
      fs.writeFileSync(
        path.join(SCREENSHOT_DIR, 'records-bot.log'),
        ['# outbox', ...outbox.map((r) => JSON.stringify(r)), '# bot log', staff.bot?.output() ?? ''].join(
          '\n',
        ),
      );
    } catch {
      // Diagnostics only.
    }
    await officer.stop();
    await staff.stop();
  });

  /** A read-only query on the bot's SQLite file. */
  function query<T>(sql: string, ...params: unknown[]): T[] {
    const db = new Database(staff.bot!.dbFile, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const personId = (aad: string): string =>
    query<{ id: string }>('SELECT id FROM people WHERE aad_object_id = ?', aad)[0]?.id ?? `(no ${aad})`;
  interface AuditRow {
    event: string;
    actor: string;
    subject: string;
    article: string | null;
    data: string;
  }
  const auditRows = (where: string, ...params: unknown[]): AuditRow[] =>
    query<AuditRow>(
      `SELECT l.event, l.actor, l.subject, l.article, p.data FROM audit_log l
       JOIN audit_payloads p ON p.seq = l.id WHERE ${where} ORDER BY l.id`,
      ...params,
    );

  /** Selects `option` of the choice set labelled `label`, expanded (radios) or compact (a combobox). */
  async function choose(h: E2eHarness, label: string, option: string, card: Card): Promise<void> {
    const control = await h.cardControl(label, card);
    const radio = control.getByRole('radio', { name: option, exact: true });
    if ((await radio.count()) > 0) return void (await radio.check());
    // A compact choice set is a Fluent combobox: open it and click the option in its listbox.
    await control.click();
    await h.page.getByRole('option', { name: option, exact: true }).click();
    await expect.poll(() => control.inputValue(), { timeout: WAIT_MS }).toBe(option);
  }

  /** Presses an export button on the ledger card and returns the download link the bot sent. */
  async function exportLink(card: Card, button: string, format: 'CSV' | 'XLSX'): Promise<string> {
    const links = officer.page.getByRole('link', { name: 'ダウンロード', exact: true });
    const before = await links.count();
    await officer.clickCardButton(button, card);
    await officer.waitForBotText(
      `持ち出し記録簿（${jstDate(-89).replaceAll('-', '/')} 〜 ${jstDate(0).replaceAll('-', '/')}、${format}）`,
    );
    await expect.poll(() => links.count(), { timeout: WAIT_MS }).toBe(before + 1);
    const href = await links.nth(before).getAttribute('href');
    expect(href).toMatch(/^http:\/\/localhost:\d+\/exports\/[\w-]+$/);
    return href as string;
  }

  describe('take-out ledger (台帳)', () => {
    let caseId = '';
    let ledger: Card;

    it('山田 requests a take-out, 佐藤 approves it on his page', async () => {
      caseId = await submitTakeoutRequest(staff);
      const card = officer.cards().filter({ hasText: caseId }).last();
      await card.waitFor({ state: 'visible', timeout: WAIT_MS });
      await expect.poll(() => card.getByRole('button', { name: '承認', exact: true }).isVisible()).toBe(true);
      await officer.clickCardButton('承認', card);
      await expectVisible(
        officer.cards().filter({ hasText: caseId }).last(),
        'この案件は承認されています。これ以上の操作はできません。',
      );
    });

    it('佐藤 types 「台帳」: the take-out ledger shows the case as 持出中', async () => {
      ledger = await officer.expectNewCard(() => officer.send('台帳'), LEDGER_TITLE);
      await expectVisible(ledger, new RegExp(`^${caseId}\u3000\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}`));
      await expectVisible(ledger, /（1 件）/);
      await expectVisible(ledger, /^対象：.*総務課/);
      await expectVisible(ledger, '持出中');
      await expectVisible(ledger, '山田 花子');
      await officer.settle();
      await officer.screenshot('records-01-B-ledger', ledger);
    });

    it('佐藤 exports the ledger as CSV from the card; the file has the BOM, the header and the case', async () => {
      const href = await exportLink(ledger, 'CSVで出力', 'CSV');
      await officer.screenshot('records-02-B-export-link');
      const res = await fetch(href);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').split('\r\n');
      expect(lines[0]).toMatch(/^案件番号,申請日時,申請者,所属課,持ち出すもの,/);
      expect(lines[0]?.endsWith(',状況')).toBe(true);
      const row = lines.find((l) => l.startsWith(`${caseId},`));
      expect(row).toBeDefined();
      expect(row).toContain('山田 花子');
      expect(row).toContain('〇〇市民センター');
      expect(row?.endsWith(',持出中')).toBe(true);
      // The download is audited as an export by 佐藤.
      const exported = auditRows("l.event = 'ledger.exported'");
      expect(exported.map((r) => [r.actor, JSON.parse(r.data).format])).toContainEqual([
        personId(SATO_AAD),
        'csv',
      ]);
    });

    it('佐藤 exports the ledger as Excel; the workbook has the Japanese header and the case', async () => {
      const href = await exportLink(ledger, 'Excelで出力', 'XLSX');
      const res = await fetch(href);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws).toBeDefined();
      const rows: string[][] = [];
      ws?.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      expect(rows[0]?.[0]).toContain('持ち出し記録簿');
      expect(rows[1]?.slice(0, 3)).toEqual(['案件番号', '申請日時', '申請者']);
      const row = rows.find((r) => r[0] === caseId);
      expect(row).toBeDefined();
      expect(row?.at(-1)).toBe('持出中');
    });

    it('山田 (staff) typing 「台帳」 is refused, and the refusal is audited', async () => {
      const since = query<{ n: number }>('SELECT COALESCE(MAX(id), 0) AS n FROM audit_log')[0]?.n ?? 0;
      await staff.send('台帳');
      await staff.waitForBotText(LEDGER_DENIED);
      expect(await staff.cards().filter({ hasText: LEDGER_TITLE }).count()).toBe(0);
      await staff.screenshot('records-03-A-ledger-refused');
      await expect
        .poll(() => auditRows("l.event = 'ledger.view_denied' AND l.id > ?", since).length, {
          timeout: WAIT_MS,
        })
        .toBe(1);
      const [denied] = auditRows("l.event = 'ledger.view_denied' AND l.id > ?", since);
      expect(denied?.actor).toBe(personId(YAMADA_AAD));
      expect(denied?.subject).toBe('ledger:takeout');
      expect(JSON.parse(denied?.data ?? '{}')).toMatchObject({ kind: 'takeout', via: 'card' });
    });
  });

  describe('media disposal with permission (8(3)②オ)', () => {
    let recordId = '';

    it('山田 asks to dispose of a medium: the request form, then 許可待ち', async () => {
      const menu = await staff.expectNewCard(() => staff.send('媒体の廃棄'), '記録媒体等の管理');
      const form = await staff.expectNewCard(
        () => staff.clickCardButton('情報資産の廃棄の申請', menu),
        '廃棄する情報資産',
      );
      await staff.fillCardInput('廃棄する情報資産', ASSET, form);
      await choose(staff, '媒体の種別', 'USBメモリ', form);
      await staff.fillCardInput('媒体の識別番号', MEDIA_ID, form);
      await choose(staff, '重要性分類', 'Ⅱ（非公開・侵害時に重大な影響）', form);
      await staff.fillCardInput('廃棄の理由', '保存期間が満了したため', form);
      await staff.screenshot('records-04-A-disposal-request', form);
      const done = await staff.expectNewCard(
        () => staff.clickCardButton('記録する', form),
        'として廃棄の許可を申請しました。',
      );
      const id = /MED-\d{4}-\d{4}/.exec(await done.innerText())?.[0];
      expect(id).toBeDefined();
      recordId = id as string;
      expect(query<{ status: string }>('SELECT status FROM media_records WHERE id = ?', recordId)).toEqual([
        { status: 'requested' },
      ]);
    });

    it('the permission card reaches 佐藤; he clicks 許可', async () => {
      const card = officer
        .cards()
        .filter({ hasText: `情報資産の廃棄 ${recordId}` })
        .last();
      await card.waitFor({ state: 'visible', timeout: WAIT_MS });
      await expectVisible(card, '状態: 許可待ち');
      await expectVisible(card, ASSET);
      await expectVisible(card, MEDIA_ID);
      await expect.poll(() => card.getByRole('button', { name: '許可', exact: true }).isVisible()).toBe(true);
      await officer.settle();
      await officer.screenshot('records-05-B-permission-card', card);
      await officer.clickCardButton('許可', card);
      await officer.waitForBotText(`${recordId} の廃棄を許可しました。申請者に伝えます。`);
      expect(query<{ status: string }>('SELECT status FROM media_records WHERE id = ?', recordId)).toEqual([
        { status: 'permitted' },
      ]);
    });

    it('山田 gets the card to record the processing and records 日時・担当者・処理内容', async () => {
      const card = staff
        .cards()
        .filter({ hasText: `情報資産の廃棄 ${recordId}` })
        .last();
      await card.waitFor({ state: 'visible', timeout: WAIT_MS });
      await expectVisible(card, '状態: 許可済み（処理待ち）');
      await staff.screenshot('records-06-A-permitted', card);
      const form = await staff.expectNewCard(
        () => staff.clickCardButton('廃棄の処理の記録', card),
        '処理内容',
      );
      await expectVisible(form, recordId);
      await staff.fillCardDateTime('処理の日時', jstDate(0), jstTime(), form);
      await staff.fillCardInput('担当者', OPERATOR, form);
      await choose(staff, '消去の方法', '専用ソフトによる上書き消去', form);
      await staff.fillCardInput('処理内容', DETAILS, form);
      await staff.screenshot('records-07-A-disposal-record', form);
      const done = await staff.expectNewCard(
        () => staff.clickCardButton('記録する', form),
        `${recordId} の廃棄の処理を記録しました。`,
      );
      await staff.screenshot('records-08-A-recorded', done);
    });

    it('the record is done, with what was typed, and the audit trail has the steps in order', () => {
      const [row] = query<{ status: string; data_json: string; created_by: string }>(
        'SELECT status, data_json, created_by FROM media_records WHERE id = ?',
        recordId,
      );
      expect(row?.status).toBe('done');
      expect(row?.created_by).toBe(personId(YAMADA_AAD));
      const data = JSON.parse(row?.data_json ?? '{}') as Record<string, string>;
      expect(data).toMatchObject({
        assetName: ASSET,
        mediaId: MEDIA_ID,
        operator: OPERATOR,
        method: 'overwrite',
        details: DETAILS,
        decision: 'permitted',
        decidedBy: personId(SATO_AAD),
      });
      // 日時 is stored in UTC, not before the minute of the permission (the form has minutes only).
      const decidedMinute = Math.floor(new Date(data.decidedAt ?? '').getTime() / 60_000) * 60_000;
      expect(data.doneAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
      expect(new Date(data.doneAt ?? '').getTime()).toBeGreaterThanOrEqual(decidedMinute);
      const trail = auditRows('l.subject = ?', recordId).map((r) => [r.event, r.actor, r.article]);
      expect(trail).toEqual([
        ['media.disposal_requested', personId(YAMADA_AAD), '8(3)②オ'],
        ['media.disposal_permitted', personId(SATO_AAD), '8(3)②オ'],
        ['media.disposal_recorded', personId(YAMADA_AAD), '8(3)②オ'],
      ]);
    });
  });
});
