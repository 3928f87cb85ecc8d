// User text shown on another person's card stays plain text. Hostile text — Markdown, a Teams
// mention tag, template syntax, very long words, newlines — goes into every free-text field of every
// flow and into every input of the case card, through the real bot; then every card and message the
// bot sent to anyone is inspected: the text may only be a TextRun's `text` (Teams renders no Markdown
// there) or an input's own value, never a TextBlock, a FactSet or a title; `${…}` is never evaluated;
// and a text message that quotes it is sent as plain text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_KINDS, isIncidentKind, type CaseKind } from '../../src/domain/cases';
import { isRoleFiledKind } from '../../src/domain/policy/network-requests';

import { FLOWS } from '../../src/domain/flows';
import { answerLimit } from '../../src/domain/flows/form';
import { incidentPlan } from '../../src/domain/policy/incident';
import { jsonBytes, MESSAGE_BYTE_LIMIT } from '../../src/teams/card-size';
import { VALID } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';

const LONG = '**x** [a](https://evil.example) # h <at>x</at> ${reporter} ';
const SHORT = '**x**[a](https://e.x)#h<at>x</at>${reporter}';
/** Substrings that mark hostile text wherever it ends up. */
const MARKERS = ['**x**', '(https://e', '<at>x</at>', '${reporter}'];

/** Hostile text of at most `max` characters: the markers, a newline and one very long word. */
function hostile(max: number, tag: string): string {
  const head = LONG.length + tag.length + 2 <= max ? `${LONG}${tag}` : SHORT;
  const word = 'W'.repeat(Math.max(0, Math.min(1500, max - head.length - 1)));
  return `${head}\n${word}`.slice(0, max);
}

function hostileAnswers(kind: CaseKind): Record<string, string> {
  const answers = { ...VALID[kind] };
  for (const f of FLOWS[kind].fields) {
    if (f.kind !== 'text' && f.kind !== 'textarea') continue;
    // E-mail fields keep their format check: hostile, but an address.
    answers[f.id] = /Address$/.test(f.id)
      ? `${f.id === 'intendedAddress' ? 'b' : ''}${SHORT}@evil.example`
      : hostile(answerLimit(f), `[${kind}.${f.id}]`);
  }
  return answers;
}

type Json = Record<string, unknown>;

/** Every string in the card that carries hostile text, with the object and key it sits in. */
function hostileStrings(
  node: unknown,
  parent: Json | null = null,
  key = '',
): Array<{ parent: Json | null; key: string; value: string }> {
  if (typeof node === 'string') {
    return MARKERS.some((m) => node.includes(m)) ? [{ parent, key, value: node }] : [];
  }
  if (Array.isArray(node)) return node.flatMap((n) => hostileStrings(n, parent, key));
  if (node && typeof node === 'object') {
    const o = node as Json;
    return Object.entries(o).flatMap(([k, v]) => hostileStrings(v, o, k));
  }
  return [];
}

/** Where user text may appear: a TextRun's text, or an input's own value. Nothing else. */
function placement(hit: { parent: Json | null; key: string }): string {
  const type = String(hit.parent?.type ?? '(no type)');
  if (type === 'TextRun' && hit.key === 'text') return 'ok';
  if (type === 'Input.Text' && hit.key === 'value') return 'ok';
  return `${type}.${hit.key}`;
}

/** Whether `tag` reached `aad` inside a TextRun of some card. */
function seen(h: BotHarness, aad: string, tag: string): boolean {
  return h
    .inbox(aad)
    .flatMap((r) => hostileStrings(r.card))
    .some((x) => x.parent?.type === 'TextRun' && x.value.includes(tag));
}

// 9(3)③ and 11(2)③ are filed by officers and IT管理者, and go to 統括 / IT管理者 (test/teams/permissions.test.ts).
const STAFF_KINDS = CASE_KINDS.filter((k) => !isRoleFiledKind(k));

describe('user text stays plain text on every card the bot sends', () => {
  let h: BotHarness;
  const clock = new ManualClock();
  const invokeCards: unknown[] = [];
  const cases: Partial<Record<CaseKind, string>> = {};
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');

    // Staff files every flow with hostile text in every free-text field.
    for (const kind of STAFF_KINDS) {
      await h.say(DEMO.staff, { verb: 'menu.select', intent: kind });
      cases[kind] = await fileCase(h, DEMO.staff, kind, hostileAnswers(kind));
    }
    const act = async (who: string, verb: string, data: Json) => {
      const r = await h.execute(who, verb, data);
      expect(r.statusCode).toBe(200);
      invokeCards.push(r.value);
    };
    // The officer records, reports and closes every incident with hostile text in every input.
    for (const kind of CASE_KINDS.filter(isIncidentKind)) {
      const caseId = cases[kind]!;
      await act(DEMO.officer, 'case.acknowledge', { caseId });
      const records = Object.fromEntries(
        incidentPlan(kind).officerRecords.map((r) => [`record_${r.id}`, hostile(2000, `[record.${r.id}]`)]),
      );
      await act(DEMO.officer, 'case.record', { caseId, ...records });
      await act(DEMO.officer, 'case.report_chief', { caseId });
      await act(DEMO.officer, 'case.close', {
        caseId,
        closure_content: hostile(2000, '[closure.content]'),
        closure_cause: hostile(2000, '[closure.cause]'),
        closure_damage: hostile(2000, '[closure.damage]'),
        closure_scope: hostile(2000, '[closure.scope]'),
      });
    }
    // Requests: approved with conditions and a comment, rejected with a reason, forwarded with a note.
    await act(DEMO.officer, 'case.approve', {
      caseId: cases.takeout!,
      comment: hostile(2000, '[approve.comment]'),
      conditions: hostile(2000, '[approve.conditions]'),
    });
    await act(DEMO.officer, 'case.reject', {
      caseId: cases.software_install!,
      comment: hostile(2000, '[reject]'),
    });
    await act(DEMO.officer, 'case.endorse', {
      caseId: cases.exception!,
      comment: hostile(2000, '[endorse]'),
    });
    await act(DEMO.officer, 'case.refresh', { caseId: cases.private_device! });
    // The chief officer views the forwarded exception; the reporter and the officer list their cases.
    await act(DEMO.chief, 'case.refresh', { caseId: cases.exception! });
    await h.say(DEMO.staff, { verb: 'cases.mine' });
    await h.say(DEMO.officer, { verb: 'menu.select', intent: 'my_tasks' });
    await h.say(DEMO.chief, { verb: 'menu.select', intent: 'my_tasks' });
    // A day after the take-out's return date: the reminder notice (10(4)⑥).
    clock.set('2026-04-12T00:30:00Z');
    await h.bot.scheduler.tick();
    await h.connector.waitFor(() => h.inbox(DEMO.staff).some((r) => r.cardText.includes('返却の確認')));
    // The others' copies are updated through the outbox: wait for the last changes to arrive.
    await h.connector.waitFor(
      () => seen(h, DEMO.chief, '[closure.cause]') && seen(h, DEMO.itAdmin, '[closure.scope]'),
    );
  });
  afterAll(async () => h.stop());

  it('puts hostile text only in TextRuns and input values, on every card sent to anyone', () => {
    const cards = [
      ...h.connector.received.flatMap((r) =>
        ((r.activity.attachments as Array<{ content: unknown }> | undefined) ?? []).map((a) => a.content),
      ),
      ...invokeCards,
    ];
    expect(cards.length).toBeGreaterThan(40);
    const wrong = cards
      .flatMap((c) => hostileStrings(c))
      .map((hit) => ({ where: placement(hit), value: hit.value.slice(0, 60) }))
      .filter((x) => x.where !== 'ok');
    expect(wrong).toEqual([]);
  });

  it('shows every free-text answer of every flow to the officer, as a TextRun, with ${…} unevaluated', () => {
    for (const kind of STAFF_KINDS) {
      const routed = h.inbox(DEMO.officer).find((r) => r.cardText.includes(cases[kind]!));
      expect(routed, kind).toBeDefined();
      const runs = hostileStrings(routed!.card)
        .filter((x) => placement(x) === 'ok' && x.parent?.type === 'TextRun')
        .map((x) => x.value);
      for (const f of FLOWS[kind].fields.filter((x) => x.kind === 'text' || x.kind === 'textarea')) {
        const typed = hostileAnswers(kind)[f.id]!;
        // Rows show the answer whole (or its beginning, when the card is shortened).
        expect(
          runs.some((v) => v.startsWith(typed.slice(0, 40))),
          `${kind}.${f.id}`,
        ).toBe(true);
      }
      expect(runs.join('\n')).toContain('${reporter}');
    }
  });

  it('shows records, closing notes, conditions and reasons to the others as TextRuns', () => {
    // 統括 received the virus report: its updated card carries the officer's records and closure.
    expect(seen(h, DEMO.chief, '[record.scope]')).toBe(true);
    expect(seen(h, DEMO.chief, '[closure.cause]')).toBe(true);
    // The IT administrator too.
    expect(seen(h, DEMO.itAdmin, '[record.removal]')).toBe(true);
    // 統括 sees the officer's note on the forwarded exception in its history.
    expect(invokeCards.flatMap((c) => hostileStrings(c)).some((x) => x.value.includes('[endorse]'))).toBe(
      true,
    );
  });

  it('sends a decision quoting what the approver typed as plain text, never Markdown', () => {
    const quoting = h
      .inbox(DEMO.staff)
      .filter((r) => typeof r.text === 'string' && MARKERS.some((m) => r.text!.includes(m)));
    expect(quoting.map((r) => r.text).join('\n')).toContain('[approve.conditions]');
    expect(quoting.map((r) => r.text).join('\n')).toContain('[reject]');
    for (const r of quoting) expect(r.raw.activity.textFormat).toBe('plain');
  });

  it('sends nothing over 40 KB', () => {
    for (const r of h.connector.received)
      expect(jsonBytes(r.activity)).toBeLessThanOrEqual(MESSAGE_BYTE_LIMIT);
    for (const c of invokeCards) expect(jsonBytes(c)).toBeLessThanOrEqual(MESSAGE_BYTE_LIMIT);
  });
});
