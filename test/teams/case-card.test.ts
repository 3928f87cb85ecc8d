import { storedText } from '../../src/i18n';
import { describe, expect, it } from 'vitest';
import type * as AdaptiveCardsModule from 'adaptivecards';
import { CARD_VERBS, CASE_ACTION_VERBS, CardActionSchema } from '../../src/teams/card-actions';
import {
  buildCaseCard,
  CASE_CARD_BYTE_BUDGET,
  cardBytes,
  type CaseCardInput,
} from '../../src/teams/case-card';
import type { AdaptiveCardJson } from '../../src/teams/cards';
import { AC, JAPANESE, parseEvents } from '../helpers/adaptive-cards';

const MAX_CARD_BYTES = 40 * 1024;

type Json = Record<string, unknown>;

/** Every object in the card with the given `type`, in document order. */
function findByType(node: unknown, type: string, found: Json[] = []): Json[] {
  if (Array.isArray(node)) {
    for (const item of node) findByType(item, type, found);
  } else if (typeof node === 'object' && node !== null) {
    const obj = node as Json;
    if (obj.type === type) found.push(obj);
    for (const value of Object.values(obj)) findByType(value, type, found);
  }
  return found;
}

/** Action.Execute buttons of the body (the refresh action is not a button). */
function buttons(card: AdaptiveCardJson): Json[] {
  return findByType(card.body, 'Action.Execute');
}

function inputs(card: AdaptiveCardJson): Json[] {
  return findByType(card.body, 'Input.Text');
}

/**
 * Parses the card as a client without Universal Actions would (Action.Execute unknown), so the
 * parser must take each action's `fallback`; returns the actions it ended up with.
 */
function actionsWithoutExecute(card: AdaptiveCardJson): { type: string; title: string; data: unknown }[] {
  const registry = new AC.CardObjectRegistry<AdaptiveCardsModule.Action>();
  AC.GlobalRegistry.populateWithDefaultActions(registry);
  registry.unregister('Action.Execute');
  const ctx = new AC.SerializationContext();
  ctx.setActionRegistry(registry);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const unique = [...new Set(parsed.getAllActions())];
  return unique.map((a) => ({
    type: a.getJsonTypeName(),
    title: a.title ?? '',
    data: (a as AdaptiveCardsModule.SubmitAction).data,
  }));
}

function expectValid(card: AdaptiveCardJson): void {
  const text = JSON.stringify(card);
  expect(text).not.toContain('${');
  expect(parseEvents(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  // What the bot receives from each button, as Execute (verb + data) and as the Submit fallback.
  for (const action of [...findByType(card, 'Action.Execute'), ...findByType(card, 'Action.Submit')]) {
    const payload = { ...(action.data as Json), ...(action.verb ? { verb: action.verb } : {}) };
    expect(CardActionSchema.safeParse(payload).success, JSON.stringify(payload)).toBe(true);
  }
}

const at = (iso: string) => new Date(iso);

function takeoutInput(overrides: Partial<CaseCardInput> = {}): CaseCardInput {
  return {
    caseId: 'REQ-2026-0007',
    kind: 'takeout',
    severity: 'normal',
    status: 'submitted',
    reporter: { name: '山田 花子', section: '総務課' },
    submittedAt: at('2026-11-26T00:05:00Z'),
    ackDueAt: at('2026-11-26T08:05:00Z'),
    reasons: [
      {
        text: storedText({ ja: '所属課の課情報セキュリティ責任者', en: 'Security officer of the section' }),
        article: '10(4)①',
      },
    ],
    rows: [
      { label: '持ち出すもの', value: 'ノートPC（資産番号 PC-0123）' },
      { label: '重要性分類', value: 'Ⅱ' },
    ],
    findings: [
      {
        message: storedText({ ja: '暗号化が必要です。', en: 'Encryption is required.' }),
        article: '8(3)①オ',
        level: 'warning',
      },
    ],
    duties: [
      {
        text: storedText({ ja: '持ち出しを記録する', en: 'Record the take-out' }),
        article: '10(4)⑥',
      },
    ],
    history: [
      {
        at: at('2026-11-26T00:05:00Z'),
        actor: '山田 花子',
        text: storedText({ ja: '申請', en: 'Submitted' }),
        article: '10(4)①',
      },
    ],
    allowedVerbs: ['case.approve', 'case.reject'],
    records: [],
    refreshUserIds: ['29:officer', '29:deputy'],
    showReadOnlyNote: true,
    ...overrides,
  };
}

function virusInput(overrides: Partial<CaseCardInput> = {}): CaseCardInput {
  return {
    caseId: 'INC-2026-0012',
    kind: 'virus',
    severity: 'critical',
    status: 'acknowledged',
    reporter: { name: '山田 花子', section: '総務課' },
    submittedAt: at('2026-11-26T00:05:00Z'),
    rows: [{ label: '資産番号', value: 'PC-0123' }],
    findings: [],
    duties: [],
    history: [
      {
        at: at('2026-11-26T00:05:00Z'),
        actor: '山田 花子',
        text: storedText({ ja: '報告', en: 'Reported' }),
        article: '10(6)①',
      },
      {
        at: at('2026-11-26T00:12:00Z'),
        actor: '佐藤 健一',
        text: storedText({ ja: '対応開始', en: 'Started handling' }),
      },
      {
        at: at('2026-11-26T01:30:00Z'),
        actor: '佐藤 健一',
        text: storedText({ ja: '記録を保存', en: 'Saved the record' }),
        article: '11(3)⑥',
      },
    ],
    allowedVerbs: ['case.record', 'case.report_chief', 'case.close'],
    records: [
      {
        id: 'scope',
        label: storedText({ ja: '感染範囲', en: 'Scope of infection' }),
        article: '11(3)⑥',
        value: 'PC-0123 のみ',
      },
      { id: 'route', label: storedText({ ja: '感染経路', en: 'Route' }), article: '11(3)⑥', value: '' },
    ],
    refreshUserIds: ['29:officer'],
    showReadOnlyNote: false,
    ...overrides,
  };
}

describe('case actions', () => {
  it('lists the nine acting verbs, all routed by the card union', () => {
    expect(CASE_ACTION_VERBS).toHaveLength(9);
    expect(CASE_ACTION_VERBS).not.toContain('case.refresh');
    for (const verb of [...CASE_ACTION_VERBS, 'case.refresh']) expect(CARD_VERBS).toContain(verb);
  });

  it('keeps the typed inputs of form actions and refuses a bad case id', () => {
    const parsed = CardActionSchema.parse({
      verb: 'case.reject',
      caseId: 'REQ-2026-0007',
      comment: '理由',
    });
    expect(parsed).toEqual({ verb: 'case.reject', caseId: 'REQ-2026-0007', comment: '理由' });
    expect(CardActionSchema.safeParse({ verb: 'case.approve', caseId: 'REQ-26-7' }).success).toBe(false);
    expect(CardActionSchema.safeParse({ verb: 'case.acknowledge' }).success).toBe(false);
  });
});

describe('buildCaseCard', () => {
  it('gives the approver of a take-out approve and reject as Universal Actions with fallbacks', () => {
    const card = buildCaseCard('ja', takeoutInput());
    expectValid(card);

    const execs = buttons(card);
    expect(execs.map((b) => [b.verb, b.title])).toEqual([
      ['case.approve', '承認'],
      ['case.reject', '却下'],
    ]);
    for (const b of execs) {
      expect(b.data).toEqual({ verb: b.verb, caseId: 'REQ-2026-0007' });
      expect(b.associatedInputs).toBe('auto');
      expect(b.fallback).toEqual({
        type: 'Action.Submit',
        title: b.title,
        style: b.style,
        associatedInputs: 'auto',
        data: { verb: b.verb, caseId: 'REQ-2026-0007' },
      });
    }

    expect(inputs(card).map((i) => [i.id, i.label])).toEqual([
      ['comment', 'コメント（却下の場合は必須）'],
      ['conditions', '条件（任意）'],
    ]);
    expect(inputs(card)[1]?.placeholder).toBe('例: 暗号化のうえ持ち出すこと');
    // Approving needs no comment: nothing may block it on the client.
    for (const input of inputs(card)) expect(input.isRequired).toBeUndefined();

    expect(card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'case.refresh',
        data: { verb: 'case.refresh', caseId: 'REQ-2026-0007' },
      },
      userIds: ['29:officer', '29:deputy'],
    });

    const text = JSON.stringify(card);
    expect(text).toContain('根拠: 対策基準 10(4)①');
    expect(text).toContain('総務課 山田 花子 さんから 持ち出し申請');
    expect(text).toContain('受付済み');
    expect(text).toContain('対応開始の期限: 2026/11/26 17:05');
  });

  it('falls back to Action.Submit with the same payload on a client without Action.Execute', () => {
    const card = buildCaseCard('ja', takeoutInput());
    const actions = actionsWithoutExecute(card);
    expect(actions).toEqual([
      { type: 'Action.Submit', title: '承認', data: { verb: 'case.approve', caseId: 'REQ-2026-0007' } },
      { type: 'Action.Submit', title: '却下', data: { verb: 'case.reject', caseId: 'REQ-2026-0007' } },
    ]);
    for (const a of actions) expect(CardActionSchema.safeParse(a.data).success).toBe(true);
  });

  it('gives a read-only viewer no Action.Execute except the refresh', () => {
    const card = buildCaseCard('ja', takeoutInput({ allowedVerbs: [] }));
    expectValid(card);
    const all = findByType(card, 'Action.Execute');
    expect(all.map((a) => a.verb)).toEqual(['case.refresh']);
    expect(findByType(card, 'Action.Submit')).toEqual([]);
    expect(inputs(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('この案件に対して操作できるのは担当者のみです。');

    const quiet = buildCaseCard('ja', takeoutInput({ allowedVerbs: [], showReadOnlyNote: false }));
    expect(JSON.stringify(quiet)).not.toContain('操作できるのは担当者のみ');
  });

  it('shows no actions on a final case, whatever the caller allows, and says why', () => {
    const card = buildCaseCard(
      'ja',
      takeoutInput({
        status: 'approved',
        notice: storedText({
          ja: 'この案件はすでに 佐藤 健一 さんが承認しています。',
          en: 'Kenichi Sato has already approved this case.',
        }),
      }),
    );
    expectValid(card);
    expect(buttons(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('この案件は承認されています。');
    expect(text).toContain('この案件はすでに 佐藤 健一 さんが承認しています。');
    expect(text).not.toContain('対応開始の期限');
    // The notice is the first thing on the card, in the attention colour.
    const first = card.body[0] as Json;
    expect(JSON.stringify(first)).toContain('すでに 佐藤 健一 さんが承認');
    expect(first.style).toBe('attention');
  });

  it('omits refresh when nobody is listed and keeps at most 60 user ids', () => {
    expect(buildCaseCard('ja', takeoutInput({ refreshUserIds: [] })).refresh).toBeUndefined();
    const many = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    const card = buildCaseCard('ja', takeoutInput({ refreshUserIds: many }));
    expect((card.refresh as { userIds: string[] }).userIds).toEqual(many.slice(0, 60));
  });

  it('shows an acknowledged incident its record inputs prefilled, the chief report and the closing form', () => {
    const card = buildCaseCard('ja', virusInput());
    expectValid(card);
    expect(inputs(card).map((i) => [i.id, i.value])).toEqual([
      ['record_scope', 'PC-0123 のみ'],
      ['record_route', ''],
      ['closure_content', ''],
      ['closure_cause', ''],
      ['closure_damage', ''],
      ['closure_scope', ''],
    ]);
    for (const input of inputs(card)) expect(input.isMultiline).toBe(true);
    expect(inputs(card)[0]?.label).toBe('感染範囲（対策基準 11(3)⑥）');
    expect(
      inputs(card)
        .slice(2)
        .map((i) => i.label),
    ).toEqual(['内容', '原因', '確認された被害', '影響範囲']);

    expect(buttons(card).map((b) => [b.verb, b.title, b.associatedInputs])).toEqual([
      ['case.record', '記録を保存', 'auto'],
      ['case.report_chief', '統括へ報告', 'none'],
      ['case.close', '記録して完了', 'auto'],
    ]);
    const text = JSON.stringify(card);
    expect(text).toContain('根拠: 対策基準 12(4)④');
    expect(text).toContain('根拠: 対策基準 12(5)②カ');
    expect(text).toContain('対応中');
  });

  it('offers 対応開始 without inputs to the officer of a new incident', () => {
    const card = buildCaseCard(
      'ja',
      virusInput({ status: 'submitted', allowedVerbs: ['case.acknowledge'], records: [] }),
    );
    expectValid(card);
    expect(buttons(card).map((b) => [b.verb, b.title, b.associatedInputs])).toEqual([
      ['case.acknowledge', '対応開始', 'none'],
    ]);
    expect(inputs(card)).toEqual([]);
  });

  it('replaces approve with endorse at the officer stage of an exception', () => {
    const base = takeoutInput({
      caseId: 'REQ-2026-0020',
      kind: 'exception',
      allowedVerbs: ['case.endorse', 'case.reject'],
    });
    const forward = buildCaseCard('ja', base);
    expectValid(forward);
    expect(buttons(forward).map((b) => [b.verb, b.title])).toEqual([
      ['case.endorse', '確認して統括へ進達'],
      ['case.reject', '却下'],
    ]);
    expect(inputs(forward).map((i) => i.id)).toEqual(['comment']);
    expect(JSON.stringify(forward)).toContain('根拠: 対策基準 12(6)①');

    const urgent = buildCaseCard('ja', { ...base, endorseLabelKind: 'urgent' });
    expect(buttons(urgent)[0]?.title).toBe('緊急実施を決定（統括へ事後報告）');
    expect(JSON.stringify(urgent)).toContain('根拠: 対策基準 12(6)②');
  });

  it('lets 統括 acknowledge an urgent exception’s after-the-fact report', () => {
    const card = buildCaseCard(
      'ja',
      takeoutInput({ kind: 'exception', status: 'endorsed', allowedVerbs: ['case.ack_post_report'] }),
    );
    expectValid(card);
    expect(buttons(card).map((b) => [b.verb, b.title, b.associatedInputs])).toEqual([
      ['case.ack_post_report', '事後報告を確認', 'none'],
    ]);
    expect(JSON.stringify(card)).toContain('根拠: 対策基準 12(6)②');
  });

  it('lists the history oldest first with Japan times, actors and articles', () => {
    const card = buildCaseCard('ja', virusInput());
    const lines = findByType(card.body, 'RichTextBlock')
      .map((b) => (b.inlines as { text: string }[]).map((i) => i.text).join(''))
      .filter((l) => /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} /.test(l));
    expect(lines).toEqual([
      '2026/11/26 09:05 山田 花子: 報告（対策基準 10(6)①）',
      '2026/11/26 09:12 佐藤 健一: 対応開始',
      '2026/11/26 10:30 佐藤 健一: 記録を保存（対策基準 11(3)⑥）',
    ]);
  });

  it('renders English for an English client', () => {
    const card = buildCaseCard('en', {
      ...virusInput(),
      reporter: { name: 'Hanako Yamada', section: 'General Affairs' },
      rows: [{ label: 'Asset number', value: 'PC-0123' }],
      duties: [{ text: storedText({ ja: '感染範囲を記録する', en: 'Record the scope' }), article: '11(3)⑥' }],
      findings: [
        {
          message: storedText({ ja: '電源を切らない', en: 'Keep it powered on' }),
          article: '12(5)②ク',
          level: 'warning',
        },
      ],
      reasons: [{ text: storedText({ ja: '課責任者', en: 'Section officer' }), article: '10(6)①' }],
      ackDueAt: at('2026-11-26T00:20:00Z'),
      history: [
        {
          at: at('2026-11-26T00:12:00Z'),
          actor: 'Kenichi Sato',
          text: storedText({ ja: '対応開始', en: 'Started handling' }),
        },
      ],
      records: [
        {
          id: 'scope',
          label: storedText({ ja: '感染範囲', en: 'Scope of infection' }),
          article: '11(3)⑥',
          value: '',
        },
      ],
    });
    expectValid(card);
    const visible = [
      ...buttons(card).map((b) => String(b.title)),
      ...inputs(card).map((i) => String(i.label)),
      ...findByType(card.body, 'TextBlock').map((b) => String(b.text)),
    ];
    expect(visible.length).toBeGreaterThan(15);
    for (const text of visible) expect(text.replace(/\d+\(\d+\)[①-⑳ア-ン]*/g, '')).not.toMatch(JAPANESE);
    const text = JSON.stringify(card);
    expect(text).toContain('Started handling');
    expect(text).toContain('Save record');
    expect(text).toContain('In progress');
  });

  it('stays under 40 KB with 30 history entries and 20 long rows, shortening what it must', () => {
    const long = 'あ'.repeat(3000);
    const history = Array.from({ length: 30 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 10, 26, 0, i)),
      actor: `担当者 ${i}`,
      text: storedText({ ja: `経過 ${i} ${'い'.repeat(300)}`, en: `Step ${i}` }),
      article: '12(5)②カ' as const,
    }));
    const card = buildCaseCard(
      'ja',
      virusInput({
        rows: Array.from({ length: 20 }, (_, i) => ({ label: `項目 ${i}`, value: long })),
        history,
        findings: Array.from({ length: 5 }, () => ({
          message: storedText({ ja: '確認してください。', en: 'Check this.' }),
          article: '12(5)②ク',
          level: 'warning' as const,
        })),
      }),
    );
    expectValid(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(CASE_CARD_BYTE_BUDGET);
    const text = JSON.stringify(card);
    expect(text).toContain('…（以下省略）');
    expect(text).not.toContain(long);
    // The newest step is always shown.
    expect(text).toContain('担当者 29: 経過 29');
    // Prefilled records are never shortened.
    expect(inputs(card)[0]?.value).toBe('PC-0123 のみ');
  });

  it('keeps a small card whole', () => {
    const card = buildCaseCard('ja', virusInput());
    expect(JSON.stringify(card)).not.toContain('以下省略');
    expect(JSON.stringify(card)).not.toContain('省略しています');
  });

  it('shows the case number and the status once, in the header', () => {
    const card = buildCaseCard('ja', takeoutInput());
    const visible = [
      ...findByType(card.body, 'TextBlock').map((b) => String(b.text)),
      ...findByType(card.body, 'FactSet').flatMap((f) =>
        (f.facts as { title: string; value: string }[]).flatMap((x) => [x.title, x.value]),
      ),
    ];
    expect(visible.filter((v) => v.includes('REQ-2026-0007'))).toEqual(['REQ-2026-0007']);
    expect(visible.filter((v) => v === '受付済み')).toHaveLength(1);
    expect(visible).not.toContain('受付番号');
    expect(visible).not.toContain('状態');
    expect(visible).toContain('送信日時');
  });

  it('puts back what the approver typed after a refused click', () => {
    const card = buildCaseCard(
      'ja',
      takeoutInput({
        notice: storedText({ ja: '却下の理由を入力してください。', en: 'Enter the reason for rejecting.' }),
        prefill: { comment: '', conditions: '暗号化のうえ持ち出すこと' },
      }),
    );
    expectValid(card);
    expect(inputs(card).map((i) => [i.id, i.value])).toEqual([
      ['comment', ''],
      ['conditions', '暗号化のうえ持ち出すこと'],
    ]);
    // Without prefill (a plain view or after a success) the inputs start empty.
    expect(inputs(buildCaseCard('ja', takeoutInput())).map((i) => i.value)).toEqual(['', '']);
  });

  it('puts back typed records and closing notes over the stored ones, ignoring unknown ids', () => {
    const card = buildCaseCard(
      'ja',
      virusInput({
        prefill: {
          // Cleared by the officer: what he typed wins over the stored 'PC-0123 のみ'.
          records: { scope: '', route: 'メールの添付ファイル', unknown: 'x', constructor: 'y' },
          closure: { content: '駆除済み', damage: 'なし' },
        },
      }),
    );
    expectValid(card);
    expect(inputs(card).map((i) => [i.id, i.value])).toEqual([
      ['record_scope', ''],
      ['record_route', 'メールの添付ファイル'],
      ['closure_content', '駆除済み'],
      ['closure_cause', ''],
      ['closure_damage', 'なし'],
      ['closure_scope', ''],
    ]);
    // A record id that only exists on Object.prototype is not read from it.
    const plain = buildCaseCard(
      'ja',
      virusInput({
        records: [
          {
            id: 'constructor',
            label: storedText({ ja: '記録', en: 'Record' }),
            article: '11(3)⑥',
            value: '',
          },
        ],
        prefill: { records: {} },
      }),
    );
    expect(inputs(plain)[0]?.value).toBe('');
  });

  it('drops the typed text rather than fail when it alone would break the size budget', () => {
    const long = 'う'.repeat(2000);
    const card = buildCaseCard(
      'ja',
      virusInput({
        prefill: {
          records: { scope: long, route: long },
          closure: { content: long, cause: long, damage: long, scope: long },
        },
      }),
    );
    expectValid(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(CASE_CARD_BYTE_BUDGET);
    expect(inputs(card).map((i) => i.value)).toEqual(['PC-0123 のみ', '', '', '', '', '']);
  });

  it('refuses an invalid case id or record id', () => {
    expect(() => buildCaseCard('ja', takeoutInput({ caseId: 'X-1' }))).toThrow();
    expect(() =>
      buildCaseCard(
        'ja',
        virusInput({
          records: [{ id: 'bad id', label: storedText({ ja: 'x', en: 'x' }), article: '11(3)⑥', value: '' }],
        }),
      ),
    ).toThrow();
  });
});
