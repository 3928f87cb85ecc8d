// The status card and the non-responder list stay under Teams' 40 KB with a 300-section directory
// of 600 people (longest titles, choices and section names), paged deterministically, saying how
// many sections or people are not on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDirectory } from '../../src/services/directory-service';
import { saveBroadcastDraft, sendBroadcast } from '../../src/services/broadcast-service';
import { BroadcastRepo } from '../../src/storage/broadcast-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import type { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { renderNonRespondersCard, renderStatusCard } from '../../src/teams/broadcast/status-render';
import { CARD_BYTE_BUDGET, MESSAGE_BYTE_LIMIT, cardBytes } from '../../src/teams/card-size';
import { STATUS_SECTION_PAGE } from '../../src/teams/cards/broadcast-status';
import { NON_RESPONDER_PAGE } from '../../src/teams/cards/broadcast-nonresponders';
import { cardAttachment } from '../../src/teams/send';
import { HEADER, row } from '../helpers/directory-rows';
import { ManualClock } from '../helpers/clock';
import { openTempDb } from '../helpers/db';
import { LOCALES } from '../../src/teams/i18n';

const DEPARTMENTS = 19;
const SECTIONS_PER_DEPARTMENT = 15; // 1 + 19 + 19 × 15 = 305 sections in the directory
const LONG = '環境施設組合事業推進本部第一整備管理課施設保全計画担当'; // 27 characters, clipped on the card

/** 事務局 (統括, IT管理者) → 19 部 → 15 課 each, an officer and one member per 課. */
function bigDirectoryCsv(): { csv: string; sections: number; people: number } {
  const lines = [HEADER];
  let n = 0;
  const person = (o: Parameters<typeof row>[1]) => lines.push(row(++n, o));
  person({ 課コード: '100', 課名: '事務局', 上位課コード: '', 役割: '課責任者;統括' });
  person({ 課コード: '100', 課名: '事務局', 上位課コード: '', 役割: 'IT管理者' });
  let sections = 1;
  for (let d = 1; d <= DEPARTMENTS; d++) {
    const dept = `D${d}`;
    person({ 課コード: dept, 課名: `第${d}部`, 上位課コード: '100', 役割: '課責任者' });
    sections += 1;
    for (let s = 1; s <= SECTIONS_PER_DEPARTMENT; s++) {
      const code = `S${d}-${s}`;
      const name = `${LONG}${d}-${s}`;
      person({ 課コード: code, 課名: name, 上位課コード: dept, 役割: '課責任者' });
      person({ 課コード: code, 課名: name, 上位課コード: dept });
      sections += 1;
    }
  }
  return { csv: lines.join('\n'), sections, people: n };
}

let db: SqliteDatabase;
const clock = new ManualClock();
const IT = 'T2';
let id = '';
let dir: ReturnType<typeof bigDirectoryCsv>;

beforeAll(async () => {
  db = openTempDb();
  dir = bigDirectoryCsv();
  const imported = await importDirectory(db, dir.csv, { source: 'test', actor: 'system', clock });
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors.slice(0, 3)));
  const d = await saveBroadcastDraft(db, clock, {
    actorId: IT,
    content: {
      purpose: 'contact_tree',
      mode: 'real',
      severity: 'emergency',
      title: 'あ'.repeat(100),
      body: '本文',
      audience: { kind: 'everyone', officersOnly: false },
      answer: { kind: 'choice', choices: [0, 1, 2, 3].map((i) => ({ label: `${i}${'い'.repeat(39)}` })) },
      instructedBy: 'T1',
      remindAfterMinutes: null,
      caseId: null,
    },
  });
  if (!d.ok) throw new Error(d.reason);
  const s = await sendBroadcast(db, clock, { actorId: IT, broadcastId: d.broadcast.id, version: 1 });
  if (!s.ok) throw new Error(s.reason);
  id = s.broadcast.id;
  // Everyone delivered; every third person answered (the others stay non-responders).
  const outbox = new OutboxRepo(db);
  for (const i of await outbox.byBroadcast(id))
    if (i.message.type === 'broadcast')
      await outbox.markSent(i.id, clock.now().toISOString(), `a${i.id}`, 'c');
  const repo = new BroadcastRepo(db);
  const recipients = await repo.recipientStatuses(id);
  for (const [i, r] of recipients.entries())
    if (i % 3 === 0) await repo.recordAnswer(id, r.personId, `choice:${i % 4}`, clock.now().toISOString());
});
afterAll(async () => db.close());

const render = (page: number, locale: 'ja' | 'en' = 'ja') =>
  renderStatusCard(db, clock, { broadcastId: id, viewerId: IT, locale, via: 'test', page });

const factsOf = (card: object) =>
  [...JSON.stringify(card).matchAll(/"title":"([^"]*)","value":"([^"]*)"/g)].map((m) => [m[1], m[2]]);

describe('a 300-section directory', () => {
  it('has the sections and people it is meant to have', () => {
    expect(dir.sections).toBe(305);
    expect(dir.people).toBe(2 + DEPARTMENTS + DEPARTMENTS * SECTIONS_PER_DEPARTMENT * 2);
  });

  it.each(LOCALES)(
    'pages the status card under the budget in %s: the pages cover every section once',
    async (locale) => {
      const heading =
        locale === 'ja' ? /課別（(\d+)〜(\d+) \/ 305 課）/ : /By section \((\d+)–(\d+) of 305\)/;
      let next = 1;
      for (let page = 0; next <= 305; page++) {
        const { shown, card } = await render(page, locale);
        expect(shown).toBe(true);
        expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
        expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(MESSAGE_BYTE_LIMIT);
        expect(() => cardAttachment(card)).not.toThrow();
        const m = heading.exec(JSON.stringify(card));
        const [from, to] = [Number(m?.[1]), Number(m?.[2])];
        expect(from).toBe(next);
        const rows = factsOf(card).filter(([, v]) => v?.includes(locale === 'ja' ? '対象 ' : ' targeted'));
        expect(rows).toHaveLength(to - from + 1);
        expect(rows.length).toBeGreaterThanOrEqual(40);
        expect(JSON.stringify(card)).toContain(
          locale === 'ja'
            ? `ほか ${305 - rows.length} 課はこのページにありません`
            : `${305 - rows.length} more sections`,
        );
        next = to + 1;
      }
      expect(next).toBe(306);
    },
  );

  it('shows 80 sections a page in Japanese, in hierarchy order, names clipped', async () => {
    const first = (await render(0)).card;
    const rows = factsOf(first).filter(([, v]) => v?.includes('対象 '));
    expect(rows).toHaveLength(STATUS_SECTION_PAGE);
    expect(JSON.stringify(first)).toContain('課別（1〜80 / 305 課）');
    expect(JSON.stringify(first)).toContain('ほか 225 課はこのページにありません');
    // 事務局, then 第1部 and its 課 (clipped to 24 characters), then the next 部 (codes D1, D10, …).
    expect(rows.slice(0, 3).map(([t]) => t)).toEqual([
      '事務局',
      '\u3000第1部',
      `\u3000\u3000${LONG.slice(0, 23)}…`,
    ]);
    expect(rows[17]?.[0]).toBe('\u3000第10部');
  });

  it('the last page holds the rest, a page beyond it is the last page, and the same data gives the same card', async () => {
    const last = JSON.stringify((await render(3)).card);
    expect(last).toContain('課別（241〜305 / 305 課）');
    expect(last).toContain('ほか 240 課はこのページにありません');
    expect(last).toContain('"title":"前へ"');
    expect(last).not.toContain('"title":"次へ"');
    expect(JSON.stringify((await render(99)).card).replace(/"page":99/g, '"page":3')).toBe(last);
    expect(JSON.stringify((await render(1)).card)).toBe(JSON.stringify((await render(1)).card));
    const first = JSON.stringify((await render(0)).card);
    expect(first).not.toContain('"title":"前へ"');
    expect(first).toContain(
      '"data":{"verb":"broadcast.status_refresh","broadcastId":"BC-2026-0001","page":1}',
    );
  });

  it('pages the non-responder list under the budget too', async () => {
    const nonResponders = Math.floor((dir.people * 2) / 3);
    const { card } = await renderNonRespondersCard(db, clock, {
      broadcastId: id,
      viewerId: IT,
      locale: 'ja',
      via: 'test',
    });
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
    const text = JSON.stringify(card);
    expect(text).toContain(`${nonResponders} 人（1〜${NON_RESPONDER_PAGE} 人目）`);
    expect((text.match(/・配信済み・再送 0 回/g) ?? []).length).toBe(NON_RESPONDER_PAGE);
    const lastPage = Math.ceil(nonResponders / NON_RESPONDER_PAGE) - 1;
    const last = await renderNonRespondersCard(db, clock, {
      broadcastId: id,
      viewerId: IT,
      locale: 'en',
      via: 'test',
      page: lastPage,
    });
    expect(cardBytes(last.card)).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
    expect(JSON.stringify(last.card)).toContain(
      `${nonResponders} people (${lastPage * NON_RESPONDER_PAGE + 1}–${nonResponders})`,
    );
  });
});
