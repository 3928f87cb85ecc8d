// Periodic duties (定期業務), two people, one bot: 佐藤 健一 (課情報セキュリティ責任者, 総務課 210) on
// page B, 山田 花子 (staff, 総務課) on page A.
// - The bot runs with DUTY_CALENDAR on. Before its first sweep, 佐藤 sets the cycle of 総務課's backup
//   duty (12(3)③) to a date due today or tomorrow with `npm run duties -- set-cycle` (the calendar
//   opens a one-off 14 days ahead), so the sweep at start-up opens it whatever the date of the run.
// - 佐藤's reminder card waits in the outbox until the bot has his conversation reference, then
//   reaches him; 「今月の定期業務」 lists the duty as 未実施 and 開く opens it. He presses 記録する with
//   nothing chosen (the renderer's 「結果」 error, nothing sent), then with 指摘事項あり but no
//   findings (the bot's error next to 所見・指摘事項, the answers kept), then correctly: the duty is
//   'done' with the result, the audit trail has `duty.completed` citing 12(3)③. 記録する on the old
//   reminder card afterwards is refused as already recorded (`duty.action_denied`).
// - 山田 typing 「今月の定期業務」 is refused, with exactly one `duty.view_denied` row.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eHarness, SCREENSHOT_DIR, WAIT_MS, startBotProcess, type BotProcess } from './harness';
import { expectVisible, jstDate } from './steps';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const YAMADA_AAD = '00000000-0000-4000-8000-000000000001';
const SATO_AAD = '00000000-0000-4000-8000-000000000002';
const SATO_STAFF_NO = 'E1002';
const KIND = 'バックアップの取得';
const MONTH_DENIED =
  '定期業務を表示できるのは 課情報セキュリティ責任者・代理者 と 統括情報セキュリティ責任者 のみです。';
const RESULT_ERROR = '「結果」を選択してください。';
const FINDINGS_ERROR = '「指摘事項あり」のときは所見・指摘事項を書いてください。';
const ATTACHMENTS = 'https://share.example.jp/soumu/backup-2026.xlsx';
const FINDINGS = '共有フォルダのバックアップ1件が失敗していたため、再取得して復元できることを確かめた';

type Card = ReturnType<E2eHarness['cards']>;

/** Japan time now. */
const jstNow = () => new Date(Date.now() + 9 * 3_600_000);
/**
 * The one-off due date: today (JST) while its 17:00 deadline is more than an hour away, else
 * tomorrow. (After 16:00 JST on the last day of a month the duty falls in the next month and
 * 「今月の定期業務」 would not list it: that hour is the one time this test cannot run.)
 */
const DUE_DATE = jstNow().getUTCHours() < 16 ? jstDate(0) : jstDate(1);

describe('periodic duties (定期業務): reminder, completion on the card, refusal (two Playgrounds, one bot)', () => {
  const officer = new E2eHarness(); // page B: 佐藤 健一
  const staff = new E2eHarness(); // page A: 山田 花子
  let tmpDir = '';
  let bot: BotProcess | undefined;
  let dutyId = '';
  /** The last audit row before the first 記録する. */
  let auditBefore = 0;

  beforeAll(async () => {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'security-desk-e2e-duties-'));
    // A first start with the calendar off loads the directory into the fresh database; the cycle is
    // then set from the command line as 佐藤, before the calendar's first sweep.
    const first = await startBotProcess({ tmpDir });
    await first.stop();
    const { stdout } = await promisify(execFile)(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      ['src/cli/duties.ts', 'set-cycle', 'backup', '210', `once:${DUE_DATE}`, '--as', SATO_STAFF_NO],
      { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: `sqlite:${first.dbFile}` } },
    );
    expect(stdout).toContain(`設定しました（運用ルール） / set: backup 210 once:${DUE_DATE}`);
    bot = await startBotProcess({ tmpDir, env: { DUTY_CALENDAR: 'on' } });
    await officer.start({ user: 'k.sato', reuseBot: bot });
    await staff.start({ user: 'h.yamada', reuseBot: bot });
  });

  afterAll(async () => {
    try {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const outbox = bot
        ? query<Record<string, unknown>>(
            'SELECT id, to_aad, status, attempts, last_error, message_json FROM outbox ORDER BY id',
          )
        : [];
      fs.writeFileSync(
        path.join(SCREENSHOT_DIR, 'duties-bot.log'),
        ['# outbox', ...outbox.map((r) => JSON.stringify(r)), '# bot log', bot?.output() ?? ''].join('\n'),
      );
    } catch {
      // Diagnostics only.
    }
    await staff.stop();
    await officer.stop();
    await bot?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  });

  /** A read-only query on the bot's SQLite file. */
  function query<T>(sql: string, ...params: unknown[]): T[] {
    const db = new Database(bot!.dbFile, { readonly: true, fileMustExist: true });
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
  const radio = (h: E2eHarness, card: Card, label: string, option: string) =>
    h.cardControl(label, card).then((g) => g.getByRole('radio', { name: option, exact: true }));

  it("the sweep at start-up opened 総務課's backup duty for the period set, audited with 12(3)③", () => {
    const rows = query<{ id: string; status: string; due_at: string; period_key: string }>(
      "SELECT id, status, due_at, period_key FROM duty_instances WHERE kind = 'backup' AND section_code = '210'",
    );
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.status).toBe('open');
    expect(row?.period_key).toBe(DUE_DATE);
    // Due at 17:00 JST of that day (運用ルール), stored in UTC.
    expect(row?.due_at).toBe(new Date(`${DUE_DATE}T17:00:00+09:00`).toISOString());
    dutyId = row?.id ?? '';
    expect(dutyId).toMatch(/^DTY-\d{4}-\d{4}$/);
    const opened = auditRows("l.event = 'duty.opened' AND l.subject = ?", dutyId);
    expect(opened.map((r) => [r.actor, r.article])).toEqual([['scheduler', '12(3)③']]);
    expect(JSON.parse(opened[0]?.data ?? '{}')).toMatchObject({
      kind: 'backup',
      sectionCode: '210',
      remindedTo: [personId(SATO_AAD)],
      roles: ['section_officer'],
    });
  });

  it('佐藤 opens his chat: the reminder card that waited for him arrives, citing 12(3)③', async () => {
    await officer.openPersonalChat();
    await officer.send('こんにちは');
    const card = officer
      .cards()
      .filter({ hasText: `定期業務 ${dutyId}: ${KIND}` })
      .last();
    await card.waitFor({ state: 'visible', timeout: WAIT_MS });
    await expectVisible(card, '定期業務の時期です。期限までに実施し、このカードで結果を記録してください。');
    await expectVisible(card, /12\(3\)③/);
    await expectVisible(card, '210 総務課');
    await expectVisible(card, '未実施');
    await expectVisible(card, `${DUE_DATE.replaceAll('-', '/')} 17:00`);
    await expect
      .poll(() => card.getByRole('button', { name: '記録する', exact: true }).isVisible())
      .toBe(true);
    await officer.settle();
    await officer.screenshot('duties-01-B-reminder', card);
    // One reminder for him, sent once his reference was stored.
    const reminders = () =>
      query<{ status: string }>(
        "SELECT status FROM outbox WHERE message_json LIKE '%duty.card%' AND message_json LIKE ? AND to_aad = ?",
        `%"dutyId":"${dutyId}"%`,
        SATO_AAD,
      );
    await expect.poll(() => reminders(), { timeout: WAIT_MS }).toEqual([{ status: 'sent' }]);
  });

  it('佐藤 types 「今月の定期業務」: the duty is listed as 未実施, and 開く opens its card', async () => {
    const [y, m] = jstDate(0).split('-');
    const month = await officer.expectNewCard(
      () => officer.send('今月の定期業務'),
      `今月の定期業務（${y}年${Number(m)}月）`,
    );
    await expectVisible(month, `${KIND}（210 総務課）`);
    await expectVisible(month, new RegExp(`^${dutyId}・期限 .*・未実施$`));
    await officer.screenshot('duties-02-B-month', month);
    const open = month
      .getByText(new RegExp(`^${dutyId}・`))
      .locator('xpath=following::button[normalize-space()="開く"][1]');
    const card = await officer.expectNewCard(() => open.click(), `定期業務 ${dutyId}: ${KIND}`);
    await expectVisible(card, '所見・指摘事項');
  });

  it('記録する without a 結果: the renderer shows the Japanese error, nothing reaches the bot', async () => {
    const card = officer.cards().last();
    auditBefore = query<{ n: number }>('SELECT COALESCE(MAX(id), 0) AS n FROM audit_log')[0]?.n ?? 0;
    await officer.fillCardInput('添付資料（URL・ファイル名）', ATTACHMENTS, card);
    const cardsBefore = await officer.cards().count();
    await officer.clickCardButton('記録する', card);
    await expectVisible(card, RESULT_ERROR);
    await officer.settle();
    await officer.screenshot('duties-03-B-result-missing', card);
    expect(await officer.cards().count()).toBe(cardsBefore);
    expect(await (await officer.cardControl('添付資料（URL・ファイル名）', card)).inputValue()).toBe(
      ATTACHMENTS,
    );
  });

  it("指摘事項あり without findings: the bot's error next to 所見・指摘事項, the answers kept", async () => {
    const card = officer.cards().last();
    await (await radio(officer, card, '結果', '指摘事項あり')).check();
    const again = await officer.expectNewCard(
      () => officer.clickCardButton('記録する', card),
      '入力内容を確認してください（下書きは保存しました）。',
    );
    await expectVisible(again, `定期業務 ${dutyId}: ${KIND}`);
    // The error is the TextBlock right after the findings input.
    const findings = await officer.cardControl('所見・指摘事項', again);
    await expect
      .poll(() =>
        findings
          .locator('xpath=following::*[normalize-space()][1]')
          .innerText()
          .then((s) => s.trim()),
      )
      .toBe(FINDINGS_ERROR);
    expect(await (await radio(officer, again, '結果', '指摘事項あり')).isChecked()).toBe(true);
    expect(await (await officer.cardControl('添付資料（URL・ファイル名）', again)).inputValue()).toBe(
      ATTACHMENTS,
    );
    await officer.settle();
    await officer.screenshot('duties-04-B-findings-missing', again);
    // The click without a 結果 sent nothing: since then the bot recorded this one draft only.
    expect(auditRows('l.id > ?', auditBefore).map((r) => [r.event, r.actor, r.subject, r.article])).toEqual([
      ['duty.draft_saved', personId(SATO_AAD), dutyId, '12(3)③'],
    ]);
    // Still open; the draft holds what was typed.
    expect(query<{ status: string }>('SELECT status FROM duty_instances WHERE id = ?', dutyId)).toEqual([
      { status: 'open' },
    ]);
    const [draft] = query<{ answers_json: string; errors_json: string }>(
      'SELECT answers_json, errors_json FROM duty_drafts WHERE duty_id = ? AND person_id = ?',
      dutyId,
      personId(SATO_AAD),
    );
    expect(JSON.parse(draft?.answers_json ?? '{}')).toMatchObject({
      result: 'issues_found',
      attachments: ATTACHMENTS,
    });
    expect(Object.keys(JSON.parse(draft?.errors_json ?? '{}'))).toEqual(['findings']);
  });

  it('佐藤 writes the findings and records it: the page says so and the duty is done', async () => {
    const card = officer.cards().last();
    await officer.fillCardInput('所見・指摘事項', FINDINGS, card);
    await officer.clickCardButton('記録する', card);
    await officer.waitForBotText(`${dutyId} の実施を記録しました。`);
    await officer.screenshot('duties-05-B-recorded');
    const [row] = query<{ status: string; result_json: string; completed_by: string; completed_at: string }>(
      'SELECT status, result_json, completed_by, completed_at FROM duty_instances WHERE id = ?',
      dutyId,
    );
    expect(row?.status).toBe('done');
    expect(row?.completed_by).toBe(personId(SATO_AAD));
    expect(row?.completed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(JSON.parse(row?.result_json ?? '{}')).toEqual({
      result: 'issues_found',
      findings: FINDINGS,
      attachments: ATTACHMENTS,
      reportedToChief: 'false',
      completedByName: '佐藤 健一',
    });
    expect(query('SELECT * FROM duty_drafts WHERE duty_id = ?', dutyId)).toEqual([]);
    const completed = auditRows("l.event = 'duty.completed' AND l.subject = ?", dutyId);
    expect(completed.map((r) => [r.actor, r.article])).toEqual([[personId(SATO_AAD), '12(3)③']]);
    expect(JSON.parse(completed[0]?.data ?? '{}')).toMatchObject({
      kind: 'backup',
      sectionCode: '210',
      result: 'issues_found',
      before: { status: 'open' },
      after: { status: 'done' },
      reportedToChief: false,
    });
    // Backups are not reported to 統括 (only 13(1), 9(1)④, 12(1)③キ and a flagged 14(1) are).
    expect(auditRows("l.event = 'duty.reported_to_chief' AND l.subject = ?", dutyId)).toEqual([]);
  });

  it('記録する again on the old reminder card is refused (すでに記録済み), audited, the record unchanged', async () => {
    const reminder = officer
      .cards()
      .filter({ hasText: '定期業務の時期です。期限までに実施し、このカードで結果を記録してください。' })
      .first();
    await (await radio(officer, reminder, '結果', '問題なし')).check();
    const since = query<{ n: number }>('SELECT COALESCE(MAX(id), 0) AS n FROM audit_log')[0]?.n ?? 0;
    await officer.clickCardButton('記録する', reminder);
    await officer.waitForBotText('その定期業務はすでに記録済みです。');
    await officer.screenshot('duties-06-B-stale-card-refused');
    const denied = auditRows('l.id > ?', since);
    expect(denied.map((r) => [r.event, r.actor, r.subject, r.article])).toEqual([
      ['duty.action_denied', personId(SATO_AAD), dutyId, '12(3)③'],
    ]);
    expect(JSON.parse(denied[0]?.data ?? '{}')).toEqual({ action: 'complete', reason: 'not_open' });
    const [row] = query<{ status: string; result_json: string }>(
      'SELECT status, result_json FROM duty_instances WHERE id = ?',
      dutyId,
    );
    expect(row?.status).toBe('done');
    expect(JSON.parse(row?.result_json ?? '{}')).toMatchObject({
      result: 'issues_found',
      findings: FINDINGS,
    });
  });

  it('「今月の定期業務」 now shows the duty as 実施済', async () => {
    const [y, m] = jstDate(0).split('-');
    const month = await officer.expectNewCard(
      () => officer.send('今月の定期業務'),
      `今月の定期業務（${y}年${Number(m)}月）`,
    );
    await expectVisible(month, new RegExp(`^${dutyId}・期限 .*・実施済$`));
    await officer.screenshot('duties-07-B-month-done', month);
  });

  it('山田 (staff) typing 「今月の定期業務」 is refused, with one duty.view_denied row', async () => {
    await staff.openPersonalChat();
    const since = query<{ n: number }>('SELECT COALESCE(MAX(id), 0) AS n FROM audit_log')[0]?.n ?? 0;
    await staff.send('今月の定期業務');
    await staff.waitForBotText(MONTH_DENIED);
    expect(await staff.cards().filter({ hasText: '今月の定期業務（' }).count()).toBe(0);
    await staff.screenshot('duties-08-A-refused');
    await expect
      .poll(() => auditRows("l.event = 'duty.view_denied' AND l.id > ?", since).length, { timeout: WAIT_MS })
      .toBe(1);
    await staff.settle();
    const denied = auditRows("l.event = 'duty.view_denied' AND l.id > ?", since);
    expect(denied).toHaveLength(1);
    expect(denied[0]?.actor).toBe(personId(YAMADA_AAD));
    expect(denied[0]?.subject).toBe(`duties:${jstDate(0).slice(0, 7)}`);
    expect(JSON.parse(denied[0]?.data ?? '{}')).toMatchObject({
      via: 'month',
      reason: 'not_officer_or_chief',
    });
  });
});
