import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions, type Reply } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { TAKEOUT_VALUE, seedCase, takeout } from '../helpers/ledger-cases';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** 渡辺 修, officer of 経理課 (220): a neighbouring section. */
const OTHER_OFFICER = '00000000-0000-4000-8000-000000000012';

async function setup() {
  const clock = new ManualClock();
  clock.set('2026-04-20T03:00:00.000Z');
  h = await BotHarness.start({ clock });
  for (let i = 1; i <= 7; i++)
    await seedCase(h.bot.db, takeout(`REQ-2026-000${i}`, `2026-04-0${i}T01:00:00.000Z`));
  await seedCase(
    h.bot.db,
    takeout('REQ-2026-0020', '2026-04-05T02:00:00.000Z', { sectionCode: '220', reporterId: 'E1014' }),
  );
  return h;
}

const card = (replies: Reply[]) => {
  const r = replies.find((x) => x.card);
  if (!r) throw new Error(`no card in ${JSON.stringify(replies.map((x) => x.text))}`);
  return r;
};
const action = (r: Reply, verb: string, extra: Record<string, unknown> = {}) =>
  cardActions(r.card).find(
    (a) => a.data.verb === verb && Object.entries(extra).every(([k, v]) => a.data[k] === v),
  )?.data;
const shownIds = (r: Reply) => [...new Set(r.cardText.match(/REQ-2026-\d{4}/g) ?? [])];

describe('「台帳」 card', () => {
  it('shows the officer their own section, newest first, cited, in JST, with paging both ways', async () => {
    const h = await setup();
    const first = card(await h.say(DEMO.officer, '台帳'));
    expect(first.cardText).toContain('持ち出し記録簿');
    expect(first.cardText).toContain('対策基準 10(4)⑥');
    expect(first.cardText).toContain('210 総務課');
    expect(first.cardText).toContain('2026/04/07 10:00'); // 01:00 UTC shown in JST
    expect(shownIds(first)).toEqual([
      'REQ-2026-0007',
      'REQ-2026-0006',
      'REQ-2026-0005',
      'REQ-2026-0004',
      'REQ-2026-0003',
    ]);
    expect(action(first, 'ledger.page', { dir: 'prev' })).toBeUndefined();
    const next = action(first, 'ledger.page', { dir: 'next' })!;
    expect(next).toEqual({
      verb: 'ledger.page',
      kind: 'takeout',
      from: '2026-01-21',
      to: '2026-04-20',
      dir: 'next',
      at: '2026-04-03T01:00:00.000Z',
      key: 'REQ-2026-0003',
    });
    const second = card(await h.say(DEMO.officer, next));
    expect(shownIds(second)).toEqual(['REQ-2026-0002', 'REQ-2026-0001']);
    expect(action(second, 'ledger.page', { dir: 'next' })).toBeUndefined();
    const back = card(await h.say(DEMO.officer, action(second, 'ledger.page', { dir: 'prev' })!));
    expect(shownIds(back)).toEqual([
      'REQ-2026-0007',
      'REQ-2026-0006',
      'REQ-2026-0005',
      'REQ-2026-0004',
      'REQ-2026-0003',
    ]);
    // The export buttons carry the shared data shape.
    expect(action(first, 'ledger.export', { format: 'csv' })).toEqual({
      verb: 'ledger.export',
      kind: 'takeout',
      from: '2026-01-21',
      to: '2026-04-20',
      format: 'csv',
    });
  });

  it('shows each take-out row with its 状況 (out, returned, overdue) before the other fields', async () => {
    const clock = new ManualClock();
    clock.set('2026-04-20T03:00:00.000Z'); // 2026-04-20 12:00 JST
    h = await BotHarness.start({ clock });
    await seedCase(h.bot.db, takeout('REQ-2026-0001', '2026-04-01T01:00:00.000Z')); // due 04-11
    await seedCase(
      h.bot.db,
      takeout('REQ-2026-0002', '2026-04-02T01:00:00.000Z', {
        value: { ...TAKEOUT_VALUE, returnDate: '2026-04-25' },
      }),
    );
    await seedCase(
      h.bot.db,
      takeout('REQ-2026-0003', '2026-04-03T01:00:00.000Z', {
        state: {
          decision: { by: 'E1002', outcome: 'approved', comment: '', conditions: '' },
          returnedAt: '2026-04-11T08:00:00.000Z',
          returnedConfirmedBy: 'E1002',
        },
      }),
    );
    const r = card(await h.say(DEMO.officer, '台帳'));
    // Each row is a Container: its head (id and time), then one RichTextBlock per field.
    type Node = { type?: string; text?: string; items?: Node[]; inlines?: Node[] };
    const rows = ((r.card as { body: Node[] }).body ?? []).filter((n) => n.type === 'Container');
    const statusOf = (id: string) => {
      const row = rows.find((c) => c.items?.[0]?.text?.startsWith(`${id}\u3000`));
      const first = row?.items?.[1]?.inlines?.map((i) => i.text).join('');
      return first;
    };
    expect(rows).toHaveLength(3);
    expect(statusOf('REQ-2026-0003')).toBe('状況：返却済');
    expect(statusOf('REQ-2026-0002')).toBe('状況：持出中');
    expect(statusOf('REQ-2026-0001')).toBe('状況：返却期限超過');
  });

  it('filters by kind and JST period; 統括 sees every section', async () => {
    const h = await setup();
    const r = card(
      await h.say(DEMO.chief, { verb: 'ledger.show', kind: 'takeout', from: '2026-04-05', to: '2026-04-05' }),
    );
    expect(shownIds(r)).toEqual(['REQ-2026-0020', 'REQ-2026-0005']);
    expect(r.cardText).toContain('全課');
    const ex = card(await h.say(DEMO.officer, { verb: 'ledger.show', kind: 'exception', from: '', to: '' }));
    expect(ex.cardText).toContain('例外措置台帳');
    expect(ex.cardText).toContain('この期間の記録はありません');
    const bad = await h.say(DEMO.officer, {
      verb: 'ledger.show',
      kind: 'takeout',
      from: '2026-04-09',
      to: '2026-04-01',
    });
    expect(bad[0]?.text).toContain('期間の指定が正しくありません');
  });

  it('refuses staff and answers a replayed card from a neighbouring officer with their own section only; refusals audited', async () => {
    const h = await setup();
    const first = card(await h.say(DEMO.officer, '台帳'));
    const next = action(first, 'ledger.page', { dir: 'next' })!;
    const exportCsv = action(first, 'ledger.export', { format: 'csv' })!;
    for (const replay of ['台帳', next, exportCsv]) {
      const denied = await h.say(DEMO.staff, replay);
      expect(denied.map((x) => x.text).join('')).toContain('台帳を閲覧できるのは');
      expect(denied.some((x) => x.card && /REQ-2026/.test(x.cardText))).toBe(false);
    }
    const other = card(await h.say(OTHER_OFFICER, next));
    expect(shownIds(other)).toEqual([]);
    const otherFirst = card(await h.say(OTHER_OFFICER, { verb: 'ledger.show', kind: 'takeout' }));
    expect(shownIds(otherFirst)).toEqual(['REQ-2026-0020']);
    const denied = (await new AuditRepo(h.bot.db).list('ledger:takeout')).filter(
      (e) => e.event === 'ledger.view_denied',
    );
    expect(denied).toHaveLength(3);
    expect(denied.every((e) => e.actor === 'E1001' && e.data?.reason === 'no_ledger_role')).toBe(true);
  });

  it('answers ledger.export with a download link; the download re-checks the reader and is audited', async () => {
    const h = await setup();
    const replies = await h.say(DEMO.officer, {
      verb: 'ledger.export',
      kind: 'takeout',
      from: '2026-04-01',
      to: '2026-04-30',
      format: 'csv',
    });
    const text = replies.map((x) => x.text ?? '').join('\n');
    const url = /\((http:\/\/[^)]+\/exports\/[A-Za-z0-9_-]{43})\)/.exec(text)?.[1];
    expect(url, text).toBeDefined();
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = body.subarray(3).toString('utf8');
    expect(csv).toContain('REQ-2026-0007');
    expect(csv).not.toContain('REQ-2026-0020');
    const exported = (await new AuditRepo(h.bot.db).list('ledger:takeout')).filter(
      (e) => e.event === 'ledger.exported',
    );
    expect(exported.map((e) => [e.actor, e.data?.via, e.data?.rows])).toEqual([['E1002', 'link', 7]]);
  });
});
