// A 100,000-character answer, through the real bot: the form comes back small with a message saying
// the limit and the length, the draft holds no more than the limits allow, nothing else typed is
// lost — not after an error, not after a restart — and nothing cut is sent without being seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOWS } from '../../src/domain/flows';
import { answerLimit } from '../../src/domain/flows/form';
import { jsonBytes, MESSAGE_BYTE_LIMIT } from '../../src/teams/card-size';
import { NOW, VALID } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions, cardInputs, type Reply } from '../helpers/bot-harness';
import { submitValue } from '../helpers/forms';

const clock = { now: () => new Date(NOW) };
const HUGE = 'あ'.repeat(100_000);
const MESSAGE =
  '「紛失の状況」は2000文字以内で入力してください（入力: 100000文字。先頭の2000文字を残しています）。';

function only(replies: Reply[]): Reply {
  expect(replies).toHaveLength(1);
  return replies[0] as Reply;
}

/** Every Input.Text of the card with its maxLength. */
function maxLengths(card: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'Input.Text' && typeof o.id === 'string') out[o.id] = o.maxLength;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

async function draftRow(h: BotHarness) {
  const rows = await h.bot.db.query<{ answers_json: string; errors_json: string }>(
    "SELECT answers_json, errors_json FROM drafts WHERE person_id = 'E1001' AND kind = 'lost_ic_card'",
  );
  return rows[0];
}

describe('input limits, turn by turn', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    await h.say(DEMO.officer, 'ヘルプ');
  });
  afterAll(async () => h.stop());

  it('answers a 100k-character answer with the form under 40 KB, the limit and the length shown', async () => {
    await h.say(DEMO.staff, { verb: 'menu.select', intent: 'lost_ic_card' });
    const form = only(
      await h.say(DEMO.staff, submitValue('lost_ic_card', { ...VALID.lost_ic_card, circumstances: HUGE })),
    );
    expect(jsonBytes(form.raw.activity)).toBeLessThanOrEqual(MESSAGE_BYTE_LIMIT);
    expect(cardActions(form.card).map((a) => a.data.verb)).toContain('flow.review');
    // The message is right under the field, after its input.
    const at = form.cardText.indexOf('"id":"circumstances"');
    expect(at).toBeGreaterThan(-1);
    expect(form.cardText.indexOf(MESSAGE)).toBeGreaterThan(at);
    // The first 2000 characters stay in the input; every other answer is as typed.
    const inputs = cardInputs(form.card);
    expect(inputs.circumstances).toBe('あ'.repeat(2000));
    expect(inputs.place).toBe(VALID.lost_ic_card.place);
    expect(inputs.cardKind).toBe(VALID.lost_ic_card.cardKind);
    expect(inputs.lostAt__date).toBe('2026-04-10');
    expect(inputs.lostAt__time).toBe('08:30');
    // The form itself enforces each text field's limit.
    for (const f of FLOWS.lost_ic_card.fields.filter((x) => x.kind === 'text' || x.kind === 'textarea')) {
      expect(maxLengths(form.card)[f.id]).toBe(answerLimit(f));
    }
    // The draft holds the limit, not the 100k.
    const row = await draftRow(h);
    expect(Buffer.byteLength(row?.answers_json ?? '')).toBeLessThan(8 * 1024);
    expect((JSON.parse(row!.answers_json) as Record<string, string>).circumstances).toHaveLength(2000);
    expect(JSON.parse(row!.errors_json)).toHaveProperty('circumstances');
  });

  it('sends nothing that was cut, even from an older confirmation card', async () => {
    const replies = await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'lost_ic_card' });
    expect(only(replies).cardText).toContain(MESSAGE);
    expect(await h.bot.db.query('SELECT id FROM cases')).toEqual([]);
  });

  it('keeps the form, its answers and its message over a restart', async () => {
    await h.restart();
    const resume = only(await h.say(DEMO.staff, { verb: 'menu.select', intent: 'lost_ic_card' }));
    expect(cardActions(resume.card).map((a) => a.data.verb)).toContain('draft.resume');
    const form = only(await h.say(DEMO.staff, { verb: 'draft.resume', kind: 'lost_ic_card' }));
    expect(form.cardText).toContain(MESSAGE);
    expect(cardInputs(form.card).place).toBe(VALID.lost_ic_card.place);
    expect(cardInputs(form.card).circumstances).toBe('あ'.repeat(2000));
  });

  it('submits once the person sends what fits, storing no more than the limits', async () => {
    const confirm = only(
      await h.say(
        DEMO.staff,
        submitValue('lost_ic_card', { ...VALID.lost_ic_card, circumstances: 'あ'.repeat(2000) }),
      ),
    );
    expect(cardActions(confirm.card).map((a) => a.data.verb)).toContain('flow.submit');
    const created = only(await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'lost_ic_card' }));
    const caseId = /INC-2026-\d{4}/.exec(created.cardText)?.[0];
    expect(caseId).toBeDefined();
    const rows = await h.bot.db.query<{ form_json: string }>('SELECT form_json FROM cases WHERE id = ?', [
      caseId ?? '',
    ]);
    expect(Buffer.byteLength(rows[0]?.form_json ?? '')).toBeLessThan(16 * 1024);
    // The officer's card, with the 2000 characters, fits Teams' limit too.
    await h.connector.waitFor(() => h.inbox(DEMO.officer).some((r) => r.cardText.includes(caseId!)));
    const routed = h.inbox(DEMO.officer).find((r) => r.cardText.includes(caseId!))!;
    expect(jsonBytes(routed.raw.activity)).toBeLessThanOrEqual(MESSAGE_BYTE_LIMIT);
  });

  it('bounds what any other input stores, whatever the client sends', async () => {
    const junk = 'x'.repeat(100_000);
    const form = only(
      await h.say(DEMO.staff, {
        ...submitValue('lost_ic_card', VALID.lost_ic_card),
        cardKind: junk,
        lostAt__date: junk,
        lostAt__time: junk,
      }),
    );
    expect(jsonBytes(form.raw.activity)).toBeLessThanOrEqual(MESSAGE_BYTE_LIMIT);
    expect(form.cardText).toContain('「カードの種類」の選択肢が正しくありません。');
    const row = await draftRow(h);
    expect(Buffer.byteLength(row?.answers_json ?? '')).toBeLessThan(8 * 1024);
  });
});

describe('an over-long input on the approver’s case card', () => {
  it('is refused with the limit and the length, the text kept cut to the limit, the case unchanged', async () => {
    const h = await BotHarness.start({ clock });
    try {
      for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
      await h.say(DEMO.staff, submitValue('takeout', VALID.takeout));
      const created = only(await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'takeout' }));
      const id = /REQ-\d{4}-\d{4}/.exec(created.cardText)![0];
      const long = '条'.repeat(3000);
      const r = await h.execute(DEMO.officer, 'case.approve', {
        caseId: id,
        conditions: long,
        comment: 'ok',
      });
      const text = JSON.stringify(r.value);
      expect(text).toContain(
        '入力は2000文字以内にしてください（入力: 3000文字）。先頭の2000文字を残しています。',
      );
      expect(cardInputs(r.value)).toMatchObject({ conditions: '条'.repeat(2000), comment: 'ok' });
      const c = await h.bot.db.query<{ status: string }>('SELECT status FROM cases WHERE id = ?', [id]);
      expect(c[0]?.status).toBe('submitted');
      expect(jsonBytes(r.value)).toBeLessThan(MESSAGE_BYTE_LIMIT);
    } finally {
      await h.stop();
    }
  });
});
