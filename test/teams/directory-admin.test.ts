// Keeping the contact tree in Teams: 連絡網の取込 (file or paste → diff card → 取り込む / 中止),
// 連絡網の出力 (short-lived download links served by the bot), 連絡網の確認 — through the real bot.
// Tested as the IT管理者 and as outsiders: staff, another IT管理者, a neighbouring staged id.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { DirectoryStageRepo } from '../../src/storage/directory-stage-repo';
import { FILE_DOWNLOAD_INFO } from '../../src/teams/file-download';
import { DEMO, teamsActivity } from '../helpers/activities';
import { BotHarness, cardActions, cardInputs, type Reply } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { tempDbFile } from '../helpers/db';
import { DEMO_CSV, editCsv, newPerson } from '../helpers/demo-csv';
import { fileCase } from '../helpers/forms';

const OTHER_IT_ADMIN = '00000000-0000-4000-8000-000000000017'; // 清水 悠斗 (E1017)

/** A local stand-in for SharePoint's pre-authenticated download URL: serves what the test puts there. */
class FileServer {
  readonly files = new Map<string, Buffer>();
  readonly requests: string[] = [];
  private constructor(private readonly server: http.Server) {}
  static async start(): Promise<FileServer> {
    const holder: { self?: FileServer } = {};
    const server = http.createServer((req, res) => {
      const self = holder.self as FileServer;
      self.requests.push(req.url ?? '');
      const body = self.files.get(req.url ?? '');
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
      res.end(body);
    });
    holder.self = new FileServer(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    return holder.self;
  }
  url(p: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${p}`;
  }
  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

let h: BotHarness | undefined;
let files: FileServer | undefined;
afterEach(async () => {
  await h?.stop();
  await files?.stop();
  h = undefined;
  files = undefined;
});

async function start(opts: { clock?: ManualClock; csv?: string } = {}): Promise<BotHarness> {
  files = await FileServer.start();
  let env: Record<string, string> = {};
  if (opts.csv) {
    const f = path.join(path.dirname(tempDbFile()), 'directory.csv');
    fs.writeFileSync(f, opts.csv);
    env = { DIRECTORY_CSV: f };
  }
  h = await BotHarness.start({ ...(opts.clock ? { clock: opts.clock } : {}), env });
  return h;
}

/** Sends a file in the 1:1 chat as Teams does; returns the bot's replies to it. */
async function sendFile(b: BotHarness, from: string, name: string, downloadUrl: string): Promise<Reply[]> {
  const before = b.connector.received.length;
  const activity = teamsActivity({ from, serviceUrl: b.connector.url, text: '' });
  activity.attachments = [
    {
      contentType: FILE_DOWNLOAD_INFO,
      contentUrl: 'https://contoso.sharepoint.com/personal/x/Documents/' + name,
      name,
      content: { downloadUrl, uniqueId: 'f2b2c3d4', fileType: name.split('.').pop() },
    },
  ];
  expect(await b.post(activity)).toBe(200);
  return b.connector.received
    .slice(before)
    .filter((r) => r.conversationId === `a:personal-${from}` && r.activity.replyToId === activity.id)
    .map((r) => {
      const att = (r.activity.attachments as Array<{ content: Record<string, unknown> }> | undefined)?.[0];
      return {
        text: r.activity.text as string | undefined,
        card: att?.content,
        cardText: att ? JSON.stringify(att.content) : '',
        raw: r,
      };
    });
}

/** 佐藤 (E1002) hands 総務課 over to 鈴木 (E1003), 吉田 becomes deputy, one new hire. */
const HANDOVER = editCsv(DEMO_CSV, [
  { id: 'E1002', set: { 役割: '' } },
  { id: 'E1003', set: { 役割: '課責任者' } },
  { id: 'E1010', set: { 役割: '代理者' } },
  { add: newPerson(1040) },
]);

const audit = async (b: BotHarness, event: string) =>
  (await new AuditRepo(b.bot.db).list('directory')).filter((e) => e.event === event);
const officerOf210 = async (b: BotHarness) => (await new DirectoryRepo(b.bot.db).section('210'))?.officerId;
const cardOf = (r: { statusCode: number; value: unknown }) => {
  expect(r.statusCode).toBe(200);
  return JSON.stringify(r.value);
};

describe('連絡網の取込', () => {
  it('IT管理者 sends the CSV file: a diff card, nothing changed; 取り込む applies it, audited', async () => {
    const b = await start();
    files!.files.set('/handover.csv', Buffer.from(HANDOVER, 'utf8'));
    await b.say(DEMO.staff, 'こんにちは');
    const caseId = await fileCase(b, DEMO.staff, 'lost_ic_card'); // routed to 佐藤, 総務課's officer

    const [diff] = await sendFile(b, DEMO.itAdmin, 'handover.csv', files!.url('/handover.csv'));
    expect(diff?.cardText).toContain('連絡網の取込: 変更の確認');
    expect(diff?.cardText).toContain('変更: 追加 1 名、役割の変更 3 名');
    expect(diff?.cardText).toContain('追加: E1040 新規 1040・総務課（210）');
    expect(diff?.cardText).toContain('役割の変更: E1002 佐藤 健一・外れる役割【総務課（210）の課責任者】');
    // Who loses a role with open cases: highlighted, with the case id.
    expect(diff?.cardText).toContain('要注意: 役割を外れる人に対応中の案件があります');
    expect(diff?.cardText).toContain(
      `E1002 佐藤 健一: 総務課（210）の課責任者 を外れますが、対応中の案件 ${caseId} の担当・宛先です。`,
    );
    expect(JSON.stringify(diff?.card)).toMatch(/"style":"attention"/);
    // The buttons carry the staged id only.
    const buttons = cardActions(diff?.card).filter((a) => String(a.data.verb).startsWith('directory.'));
    const stagedId = (await new DirectoryStageRepo(b.bot.db).pendingIds())[0]!;
    expect(buttons).toEqual([
      { title: '取り込む', data: { verb: 'directory.import.apply', stagedId } },
      { title: '中止', data: { verb: 'directory.import.cancel', stagedId } },
    ]);
    expect(files!.requests).toEqual(['/handover.csv']);
    expect(await officerOf210(b)).toBe('E1002'); // nothing changed yet

    const applied = cardOf(await b.execute(DEMO.itAdmin, 'directory.import.apply', { stagedId }));
    expect(applied).toMatch(/に取り込みました。すぐに反映されています。/);
    expect(applied).not.toContain('directory.import.apply');
    expect(await officerOf210(b)).toBe('E1003');
    expect(await new DirectoryRepo(b.bot.db).countPeople()).toBe(35);
    expect((await audit(b, 'directory.import_staged'))[0]).toMatchObject({
      actor: 'E1006',
      article: '6ウ',
      data: { stagedId, rolesLostOnOpenCases: [{ personId: 'E1002', caseIds: [caseId] }] },
    });
    expect((await audit(b, 'directory.imported')).map((e) => [e.actor, e.data?.stagedId])).toEqual([
      ['system', undefined],
      ['E1006', stagedId],
    ]);
    // A second click (a replay) changes nothing and says why.
    expect(cardOf(await b.execute(DEMO.itAdmin, 'directory.import.apply', { stagedId }))).toContain(
      'この取込はすでに取り込み済みです。',
    );
  });

  it('refuses the 取り込む click replayed by staff, by another IT管理者, and with a neighbouring id — audited, nothing changed', async () => {
    const b = await start();
    files!.files.set('/handover.csv', Buffer.from(HANDOVER, 'utf8'));
    // 清水 stages first; 田中's later stage supersedes it: two neighbouring ids.
    await sendFile(b, OTHER_IT_ADMIN, 'handover.csv', files!.url('/handover.csv'));
    const older = (await new DirectoryStageRepo(b.bot.db).pendingIds())[0]!;
    await sendFile(b, DEMO.itAdmin, 'handover.csv', files!.url('/handover.csv'));
    const stagedId = (await new DirectoryStageRepo(b.bot.db).pendingIds())[0]!;
    expect(stagedId).toBe(older + 1);

    for (const [who, id] of [
      [DEMO.staff, stagedId],
      [DEMO.chief, stagedId],
      [OTHER_IT_ADMIN, stagedId],
      [DEMO.itAdmin, stagedId + 1],
      [DEMO.itAdmin, older],
    ] as const) {
      const refused = cardOf(await b.execute(who, 'directory.import.apply', { stagedId: id }));
      expect(refused).toContain('この取込は操作できません。');
      expect(refused).not.toContain('E1040');
    }
    // 清水's own, older import is superseded: he is told so, nothing changes.
    expect(cardOf(await b.execute(OTHER_IT_ADMIN, 'directory.import.apply', { stagedId: older }))).toContain(
      '新しい取込が確認待ちになったため、この取込は無効になりました。',
    );
    // Cancelling someone else's import is refused the same way.
    expect(cardOf(await b.execute(DEMO.staff, 'directory.import.cancel', { stagedId }))).toContain(
      'この取込は操作できません。',
    );
    // A payload that is not an id at all is not even parsed.
    for (const bad of ['DROP TABLE', 0, -1, 1.5])
      expect((await b.execute(DEMO.itAdmin, 'directory.import.apply', { stagedId: bad })).statusCode).toBe(
        400,
      );
    expect(await officerOf210(b)).toBe('E1002');
    expect((await new DirectoryStageRepo(b.bot.db).get(stagedId))?.status).toBe('pending');
    expect((await audit(b, 'directory.import_denied')).map((e) => [e.actor, e.data?.reason])).toEqual([
      ['E1001', 'not_it_admin'],
      ['E1005', 'not_it_admin'],
      ['E1017', 'not_yours'],
      ['E1006', 'not_found'],
      ['E1006', 'not_yours'],
      ['E1017', 'superseded'],
      ['E1001', 'not_it_admin'],
    ]);
    // The Action.Submit fallback of the same click is checked the same way.
    const [submitted] = await b.say(DEMO.staff, { verb: 'directory.import.apply', stagedId });
    expect(submitted?.cardText).toContain('この取込は操作できません。');
    expect((await audit(b, 'directory.import_denied')).at(-1)?.actor).toBe('E1001');
    expect(await officerOf210(b)).toBe('E1002');
    // The IT管理者 who staged it still can.
    expect(cardOf(await b.execute(DEMO.itAdmin, 'directory.import.apply', { stagedId }))).toContain(
      '取り込みました',
    );
  });

  it('paste on the card (prefilled with the directory in force) → diff → 中止 keeps everything, audited', async () => {
    const b = await start();
    const [card] = await b.say(DEMO.itAdmin, '連絡網の取込');
    expect(card?.cardText).toContain('現在の連絡網: 34 名・10 課');
    const prefilled = String(cardInputs(card?.card).csvText);
    expect(prefilled.startsWith('職員番号,氏名,氏名カナ,課コード')).toBe(true);
    expect(prefilled).toContain('E1002,佐藤 健一,サトウ ケンイチ,210,総務課,200,課長,課責任者');
    const edited = prefilled.replace('06-6630-3113', '06-6630-3199');
    const diff = cardOf(await b.execute(DEMO.itAdmin, 'directory.import.stage', { csvText: edited }));
    expect(diff).toContain('連絡先の変更: E1001 山田 花子・電話 06-6630-3113 → 06-6630-3199');
    const stagedId = (await new DirectoryStageRepo(b.bot.db).pendingIds())[0]!;
    expect(cardOf(await b.execute(DEMO.itAdmin, 'directory.import.cancel', { stagedId }))).toContain(
      'に中止しました。連絡網は変わっていません。',
    );
    expect((await new DirectoryRepo(b.bot.db).personById('E1001'))?.phone).toBe('06-6630-3113');
    expect((await audit(b, 'directory.import_cancelled')).map((e) => e.data?.stagedId)).toEqual([stagedId]);
    // Pasting what is in force: nothing to import.
    expect(cardOf(await b.execute(DEMO.itAdmin, 'directory.import.stage', { csvText: prefilled }))).toContain(
      '現在の連絡網と同じ内容です。',
    );
    // Too long to paste, or empty: told so, nothing staged.
    const huge = cardOf(
      await b.execute(DEMO.itAdmin, 'directory.import.stage', { csvText: 'x'.repeat(100_001) }),
    );
    expect(huge).toContain('貼り付けた CSV が長すぎます（100001 文字、上限 100000 文字）');
    expect(cardOf(await b.execute(DEMO.itAdmin, 'directory.import.stage', { csvText: ' ' }))).toContain(
      'CSV が空です。',
    );
    expect(await new DirectoryStageRepo(b.bot.db).pendingIds()).toEqual([]);
  });

  it('a file with problems: every one listed in Japanese with its line, nothing staged', async () => {
    const b = await start();
    const broken = DEMO_CSV.replace('00000000-0000-4000-8000-000000000001', 'xyz').replace(
      'k.sato@osaka-env.example.jp',
      'no-at-sign',
    );
    files!.files.set('/broken.csv', Buffer.from(broken, 'utf8'));
    const [card] = await sendFile(b, DEMO.itAdmin, 'broken.csv', files!.url('/broken.csv'));
    expect(card?.cardText).toContain('取り込めません');
    expect(card?.cardText).toContain(
      '次の 2 件を修正して、もう一度送ってください。連絡網は変わっていません。',
    );
    expect(card?.cardText).toContain('7行目: 「UPN」がメールアドレスの形式ではありません');
    expect(card?.cardText).toContain('9行目: 「aadObjectId」が GUID の形式ではありません');
    expect(await new DirectoryStageRepo(b.bot.db).pendingIds()).toEqual([]);
  });

  it('refuses a file from anyone but IT管理者 before downloading it; refuses non-CSV and oversized files', async () => {
    const b = await start();
    files!.files.set('/handover.csv', Buffer.from(HANDOVER, 'utf8'));
    const [refused] = await sendFile(b, DEMO.officer, 'handover.csv', files!.url('/handover.csv'));
    expect(refused?.text).toContain('ファイルは、IT管理者 が連絡網を取り込むときだけ受け付けます。');
    expect(files!.requests).toEqual([]);
    expect((await audit(b, 'directory.import_denied')).map((e) => [e.actor, e.data])).toEqual([
      ['E1002', { step: 'file', reason: 'not_it_admin' }],
    ]);

    const [notCsv] = await sendFile(b, DEMO.itAdmin, 'directory.xlsx', files!.url('/directory.xlsx'));
    expect(notCsv?.cardText).toContain('CSV ファイル（.csv）を送ってください。');
    expect(files!.requests).toEqual([]);

    files!.files.set('/big.csv', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41));
    const [big] = await sendFile(b, DEMO.itAdmin, 'big.csv', files!.url('/big.csv'));
    expect(big?.cardText).toContain('ファイルが大きすぎます（上限 5 MB）。');

    const [gone] = await sendFile(b, DEMO.itAdmin, 'gone.csv', files!.url('/gone.csv'));
    expect(gone?.cardText).toContain('ファイルを受け取れませんでした。');
    expect(await new DirectoryStageRepo(b.bot.db).pendingIds()).toEqual([]);
  });

  it('reads a CSV that Excel saved as Shift_JIS', async () => {
    const b = await start();
    const sjis = Buffer.from(encodeShiftJis(HANDOVER));
    files!.files.set('/sjis.csv', sjis);
    const [card] = await sendFile(b, DEMO.itAdmin, 'sjis.csv', files!.url('/sjis.csv'));
    expect(card?.cardText).toContain('追加: E1040 新規 1040・総務課（210）');
  });

  it('is not offered to staff: text commands are refused and audited', async () => {
    const b = await start();
    expect((await b.say(DEMO.officer, '連絡網の取込'))[0]?.text).toBe(
      '連絡網の取込は IT管理者 のみ行えます。',
    );
    expect((await audit(b, 'directory.import_denied')).map((e) => [e.actor, e.data?.step])).toEqual([
      ['E1002', 'open'],
    ]);
  });
});

/** Shift_JIS bytes of the demo text, via the reverse of Node's own decoder (kana, kanji, ASCII). */
function encodeShiftJis(text: string): number[] {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfc; hi++) {
    if (hi > 0x9f && hi < 0xe0) continue;
    for (let lo = 0x40; lo <= 0xfc; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no Shift_JIS for ${ch}`);
      out.push(...bytes);
    }
  }
  return out;
}

describe('連絡網の出力', () => {
  const linksOf = (r: Reply | undefined) =>
    (JSON.stringify(r?.card).match(/http:\/\/localhost:\d+\/exports\/[A-Za-z0-9_-]{43}/g) ?? []).map((u) =>
      u.replace('//localhost:', '//127.0.0.1:'),
    );

  it('gives the IT管理者 links that download CSV, XLSX and the phone tree, audited; they expire after 15 minutes', async () => {
    const clock = new ManualClock();
    const b = await start({ clock });
    const [card] = await b.say(DEMO.itAdmin, '連絡網の出力');
    expect(card?.cardText).toContain('ダウンロードのリンクは 15 分間（2026/04/10 12:15 まで）使えます。');
    const titles = JSON.stringify(card?.card).match(/"type":"Action.OpenUrl","title":"([^"]+)"/g);
    expect(titles).toHaveLength(3);
    const [csvUrl, xlsxUrl, treeUrl] = linksOf(card);

    const csv = await fetch(csvUrl!);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="directory-20260410.csv"; filename*=UTF-8''${encodeURIComponent('緊急連絡網_20260410.csv')}`,
    );
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toContain('E1002,佐藤 健一');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await fetch(xlsxUrl!)).arrayBuffer()) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['連絡網（課別）', '職員一覧']);
    const tree = new ExcelJS.Workbook();
    await tree.xlsx.load((await (await fetch(treeUrl!)).arrayBuffer()) as ArrayBuffer);
    expect(tree.worksheets[0]?.getCell('A1').value).toBe('緊急連絡網（課別）');

    expect((await audit(b, 'directory.exported')).map((e) => [e.actor, e.data?.kind, e.data?.via])).toEqual([
      ['E1006', 'directory_csv', 'link'],
      ['E1006', 'directory_xlsx', 'link'],
      ['E1006', 'phone_tree_xlsx', 'link'],
    ]);

    clock.advanceMinutes(16);
    const expired = await fetch(csvUrl!);
    expect(expired.status).toBe(404);
    expect(expired.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await expired.text()).toContain(
      'このダウンロードリンクは無効か、有効期限（15分）が切れています。',
    );
    expect((await audit(b, 'directory.export_denied')).map((e) => e.data)).toEqual([
      { step: 'download', reason: 'expired', kind: 'directory_csv' },
    ]);
  });

  it('answers 404 for unknown or malformed tokens and stops a link whose holder is no longer IT管理者', async () => {
    const b = await start();
    const base = `http://127.0.0.1:${b.bot.port}/exports/`;
    for (const p of ['A'.repeat(43), 'short', '..%2F..%2Fetc%2Fpasswd', '']) {
      const r = await fetch(base + p);
      expect(r.status, p).toBe(404);
      expect(await r.text()).toContain('リンクが無効です');
    }
    const [card] = await b.say(DEMO.itAdmin, '連絡網の出力');
    const [csvUrl] = linksOf(card);
    // 田中 is no IT管理者 any more in the directory now in force: the link is dead.
    const { stageDirectoryImport, applyStagedImport } =
      await import('../../src/services/directory-import-service');
    const staged = await stageDirectoryImport(
      b.bot.db,
      { now: () => new Date() },
      { csv: editCsv(DEMO_CSV, [{ id: 'E1006', set: { 役割: '' } }]) },
      { source: 'test', actor: { kind: 'cli' } },
    );
    if (!staged.ok || staged.unchanged) throw new Error('not staged');
    await applyStagedImport(b.bot.db, { now: () => new Date() }, staged.stagedId, { kind: 'cli' });
    expect((await fetch(csvUrl!)).status).toBe(404);
    expect((await audit(b, 'directory.export_denied')).map((e) => [e.actor, e.data?.reason])).toEqual([
      ['E1006', 'not_it_admin'],
    ]);
  });

  it('puts the links under PUBLIC_BASE_URL when it is set', async () => {
    files = await FileServer.start();
    h = await BotHarness.start({ env: { PUBLIC_BASE_URL: 'https://desk.example.jp/bot/' } });
    const [card] = await h.say(DEMO.itAdmin, '連絡網の出力');
    expect(
      JSON.stringify(card?.card).match(/https:\/\/desk\.example\.jp\/bot\/exports\/[A-Za-z0-9_-]{43}/g),
    ).toHaveLength(3);
  });

  it('refuses everyone but IT管理者 — 統括 too — and audits it; no token is made', async () => {
    const b = await start();
    for (const who of [DEMO.staff, DEMO.chief]) {
      expect((await b.say(who, '連絡網の出力'))[0]?.text).toBe('連絡網の出力は IT管理者 のみ行えます。');
    }
    expect((await audit(b, 'directory.export_denied')).map((e) => e.actor)).toEqual(['E1001', 'E1005']);
    expect(await b.bot.db.query('SELECT * FROM directory_export_links')).toEqual([]);
  });
});

describe('連絡網の確認', () => {
  it('shows IT管理者 and 統括 who cannot be reached and why, who has no phone, sections without officer or deputy', async () => {
    const csv = editCsv(DEMO_CSV, [
      { id: 'E1034', set: { 電話: '', 携帯: '' } },
      { id: 'E1013', set: { 役割: '' } }, // 経理課 loses its deputy
    ]);
    const b = await start({ csv, clock: new ManualClock() });
    for (const p of [DEMO.staff, DEMO.itAdmin, DEMO.chief]) await b.say(p, 'こんにちは');
    b.connector.notInstalled.add(DEMO.officer);
    await fileCase(b, DEMO.staff, 'lost_ic_card');
    // The reporter is told whom to phone once the card for 佐藤 waits.
    await b.connector.waitFor(() =>
      b.inbox(DEMO.staff).some((r) => (r.text ?? '').includes('届けられませんでした')),
    );
    for (const viewer of [DEMO.itAdmin, DEMO.chief]) {
      const [card] = await b.say(viewer, '連絡網の確認');
      const text = card?.cardText ?? '';
      expect(text).toContain('Teams で届けられない人（送信待ち 1 名）');
      expect(text).toContain('総務課 佐藤 健一・電話 06-6630-3111・携帯 090-0000-1002・待機中');
      // 34 people, 3 chatted (staff, IT管理者, 統括), 佐藤 is waiting: 30 without a conversation.
      expect(text).toContain('Teams の会話がまだない人（30 名）');
      expect(text).toContain('初めて送るときに会話を作成します');
      expect(text).toContain('東淀工場 近藤 さくら（E1034）');
      expect(text).toContain('電話番号がない人（1 名）');
      expect(text).toContain('課責任者がいない課（0）');
      expect(text).toContain('代理者がいない課（2）');
      expect(text).toContain('220 経理課');
      expect(text).toContain('230 情報システム担当');
    }
    for (const who of [DEMO.staff, DEMO.officer]) {
      expect((await b.say(who, '連絡網の確認'))[0]?.text).toBe(
        '連絡網の確認は IT管理者 と 統括情報セキュリティ責任者 のみ行えます。',
      );
    }
    expect((await audit(b, 'directory.check_denied')).map((e) => e.actor)).toEqual(['E1001', 'E1002']);
  });

  it('puts the buttons on the menu by role: import and export for IT管理者, the check also for 統括', async () => {
    const b = await start();
    const intents = async (aad: string) =>
      cardActions((await b.say(aad, 'メニュー'))[0]?.card)
        .map((a) => String(a.data.intent))
        .filter((i) => i.startsWith('directory_'));
    expect(await intents(DEMO.itAdmin)).toEqual(['directory_import', 'directory_export', 'directory_check']);
    expect(await intents(DEMO.chief)).toEqual(['directory_check']);
    expect(await intents(DEMO.officer)).toEqual([]);
    expect(await intents(DEMO.staff)).toEqual([]);
  });
});
