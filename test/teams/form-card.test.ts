import { t, storedText } from '../../src/i18n';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCaseKind } from '../../src/domain/cases';
import type { FieldDef, GuidanceItem } from '../../src/domain/flows/form';
import { CardActionSchema } from '../../src/teams/card-actions';
import { FlowConfirmCardDataSchema, renderCard, type AdaptiveCardJson } from '../../src/teams/cards';
import {
  answerRows,
  answersFromSubmit,
  buildCaseCreatedCard,
  buildDraftResumeCard,
  buildFlowConfirmCard,
  buildFlowFormCard,
  buildMyCasesCard,
  displayValue,
  type FlowCardSource,
} from '../../src/teams/form-card';
import { LOCALES } from '../../src/teams/i18n';
import { JAPANESE, parseEvents } from '../helpers/adaptive-cards';

const FIXTURES_DIR = path.join(__dirname, '..', 'fixtures', 'cards');

type Json = Record<string, unknown>;

/** Every object in the card, depth first, in document order. */
function walk(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) for (const item of node) walk(item, out);
  else if (typeof node === 'object' && node !== null) {
    out.push(node as Json);
    for (const value of Object.values(node)) walk(value, out);
  }
  return out;
}

const inputsOf = (card: AdaptiveCardJson) =>
  walk(card.body).filter((n) => typeof n.type === 'string' && n.type.startsWith('Input.'));
const inputById = (card: AdaptiveCardJson, id: string) => {
  const found = inputsOf(card).filter((n) => n.id === id);
  expect(found, `input ${id}`).toHaveLength(1);
  return found[0] as Json;
};
const submitActions = (card: AdaptiveCardJson) => walk(card).filter((n) => n.type === 'Action.Submit');
const verbsOf = (card: AdaptiveCardJson) => submitActions(card).map((a) => (a.data as { verb: string }).verb);
const textsOf = (card: AdaptiveCardJson) =>
  walk(card.body)
    .map((n) => n.text)
    .filter((x): x is string => typeof x === 'string');

function expectValid(card: AdaptiveCardJson): void {
  const text = JSON.stringify(card);
  expect(text).not.toContain('${');
  expect(text).not.toContain('null');
  expect(parseEvents(card)).toEqual([]);
  expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(40 * 1024);
  for (const action of submitActions(card)) {
    expect(CardActionSchema.safeParse(action.data).success, JSON.stringify(action.data)).toBe(true);
  }
}

const L = (ja: string, en: string) => storedText({ ja, en });

/** One field of every kind. */
const FIELDS: FieldDef[] = [
  { id: 'subject', label: L('件名', 'Subject'), kind: 'text', required: true, maxLength: 50 },
  {
    id: 'details',
    label: L('詳細', 'Details'),
    kind: 'textarea',
    required: false,
    help: L('できるだけ詳しく。', 'As detailed as you can.'),
    article: '10(9)①エ',
  },
  {
    id: 'cardKind',
    label: L('カードの種類', 'Card type'),
    kind: 'choice',
    required: true,
    choices: [
      { value: 'own', label: L('本人用', 'Personal') },
      { value: 'shared', label: L('共用', 'Shared') },
    ],
  },
  {
    id: 'routes',
    label: L('感染経路', 'Routes'),
    kind: 'multichoice',
    required: false,
    choices: [
      { value: 'mail', label: L('メール添付', 'Mail attachment') },
      { value: 'usb', label: L('USBメモリ', 'USB memory') },
      { value: 'web', label: L('Webサイト', 'Website') },
    ],
  },
  { id: 'returnDate', label: L('返却予定日', 'Return date'), kind: 'date', required: true },
  { id: 'lostAt', label: L('紛失に気付いた日時', 'When it was lost'), kind: 'datetime', required: true },
  { id: 'people', label: L('人数', 'People'), kind: 'number', required: false, min: 0, max: 100000 },
  { id: 'disconnected', label: L('切り離した', 'Disconnected'), kind: 'toggle', required: false },
];

const GUIDANCE: GuidanceItem[] = [
  { text: L('今すぐLANケーブルを抜いてください。', 'Unplug the LAN cable now.'), article: '11(3)⑤' },
];

const FLOW: FlowCardSource = {
  kind: 'virus',
  title: L('ウイルス検知', 'Virus detected'),
  guidance: GUIDANCE,
  fields: FIELDS,
};

const ANSWERS = {
  subject: '不審なメール',
  details: '',
  cardKind: 'shared',
  routes: 'mail,usb',
  returnDate: '2026-11-30',
  lostAt: '2026-11-26T09:05',
  people: '3',
  disconnected: 'true',
};

describe('buildFlowFormCard', () => {
  const errors = {
    lostAt: L('「紛失に気付いた日時」に未来の日時は指定できません。', 'Cannot be in the future.'),
    _form: L('送信内容を読み取れませんでした。', 'Could not read the submission.'),
  };
  const card = buildFlowFormCard('ja', FLOW, ANSWERS, errors, {
    draftSavedAt: new Date('2026-11-26T00:05:00Z'),
  });

  it('renders a valid card', () => {
    expectValid(card);
  });

  it('renders each kind as the right input', () => {
    const types = Object.fromEntries(inputsOf(card).map((n) => [n.id, n.type]));
    expect(types).toEqual({
      subject: 'Input.Text',
      details: 'Input.Text',
      cardKind: 'Input.ChoiceSet',
      routes: 'Input.ChoiceSet',
      returnDate: 'Input.Date',
      lostAt__date: 'Input.Date',
      lostAt__time: 'Input.Time',
      people: 'Input.Number',
      disconnected: 'Input.Toggle',
    });
    expect(inputById(card, 'details').isMultiline).toBe(true);
    expect(inputById(card, 'subject').isMultiline).toBeUndefined();
    expect(inputById(card, 'routes').isMultiSelect).toBe(true);
    expect(inputById(card, 'cardKind').isMultiSelect).toBeUndefined();
    expect(inputById(card, 'cardKind').choices).toEqual([
      { title: '本人用', value: 'own' },
      { title: '共用', value: 'shared' },
    ]);
    const toggle = inputById(card, 'disconnected');
    expect([toggle.title, toggle.valueOn, toggle.valueOff]).toEqual(['切り離した', 'true', 'false']);
  });

  it('keeps isRequired a boolean and maxLength a number after templating', () => {
    for (const input of inputsOf(card).filter((n) => n.type !== 'Input.Toggle')) {
      expect(typeof input.isRequired, String(input.id)).toBe('boolean');
    }
    expect(inputById(card, 'subject').isRequired).toBe(true);
    expect(inputById(card, 'details').isRequired).toBe(false);
    expect(inputById(card, 'lostAt__date').isRequired).toBe(true);
    expect(inputById(card, 'lostAt__time').isRequired).toBe(true);
    expect(inputById(card, 'subject').maxLength).toBe(50);
    // No limit → no property at all (not 0, not null).
    expect('maxLength' in inputById(card, 'details')).toBe(false);
  });

  it('prefills every value, splitting the datetime into its date and time inputs', () => {
    expect(inputById(card, 'subject').value).toBe('不審なメール');
    expect(inputById(card, 'cardKind').value).toBe('shared');
    expect(inputById(card, 'routes').value).toBe('mail,usb');
    expect(inputById(card, 'returnDate').value).toBe('2026-11-30');
    expect(inputById(card, 'lostAt__date').value).toBe('2026-11-26');
    expect(inputById(card, 'lostAt__time').value).toBe('09:05');
    expect(inputById(card, 'people').value).toBe(3);
    expect(inputById(card, 'disconnected').value).toBe('true');
  });

  it('marks required labels, sets client-side messages and cites articles in help', () => {
    expect(inputById(card, 'subject').label).toBe('件名（必須）');
    expect(inputById(card, 'details').label).toBe('詳細');
    expect(inputById(card, 'subject').errorMessage).toBe('「件名」を入力してください。');
    expect(inputById(card, 'cardKind').errorMessage).toBe('「カードの種類」を選択してください。');
    expect(textsOf(card)).toContain('できるだけ詳しく。 根拠: 対策基準 10(9)①エ');
  });

  it('shows a field error right under its input, in attention colour', () => {
    const fieldContainer = walk(card.body).find(
      (n) => n.type === 'Container' && walk(n.items).some((m) => m.id === 'lostAt__date'),
    ) as Json;
    const items = fieldContainer.items as Json[];
    expect(items[0]?.type).toBe('ColumnSet');
    expect(items[1]).toMatchObject({ type: 'TextBlock', color: 'Attention', text: t('ja', errors.lostAt) });
    // Only that field shows it.
    expect(textsOf(card).filter((s) => s === t('ja', errors.lostAt))).toHaveLength(1);
  });

  it('shows the guidance first, then the form error and the draft note, before any input', () => {
    const texts = textsOf(card);
    const order = [
      texts.indexOf('今すぐLANケーブルを抜いてください。'),
      texts.indexOf(t('ja', errors._form)),
      texts.indexOf('2026/11/26 09:05 に保存した下書きの内容を表示しています。'),
    ];
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const guidanceBox = card.body[1] as Json;
    expect(guidanceBox.style).toBe('attention');
    const json = JSON.stringify(card.body);
    expect(json.indexOf('根拠: 対策基準 11(3)⑤')).toBeLessThan(json.indexOf('"Input.'));
  });

  it('submits review with the inputs and discards / goes back without them', () => {
    expect(card.actions).toEqual([
      expect.objectContaining({ title: '確認へ進む', data: { verb: 'flow.review', kind: 'virus' } }),
      expect.objectContaining({
        title: '下書きを破棄',
        associatedInputs: 'none',
        data: { verb: 'draft.discard', kind: 'virus' },
      }),
      expect.objectContaining({ title: 'メニュー', associatedInputs: 'none', data: { verb: 'menu.show' } }),
    ]);
    expect((card.actions as Json[])[0]).not.toHaveProperty('associatedInputs');
  });

  it('renders an empty form without a draft note or errors', () => {
    const empty = buildFlowFormCard('ja', FLOW, {}, {});
    expectValid(empty);
    expect(inputById(empty, 'lostAt__date').value).toBe('');
    expect(inputById(empty, 'lostAt__time').value).toBe('');
    expect('value' in inputById(empty, 'people')).toBe(false);
    expect(inputById(empty, 'disconnected').value).toBe('false');
    expect(walk(empty.body).some((n) => n.color === 'Attention')).toBe(false);
    expect(JSON.stringify(empty)).not.toContain('下書き の内容');
  });

  it('keeps a half-typed datetime and drops values an input cannot hold', () => {
    const partial = buildFlowFormCard('ja', FLOW, { lostAt: 'T18:30', people: 'many' }, {});
    expectValid(partial);
    expect(inputById(partial, 'lostAt__date').value).toBe('');
    expect(inputById(partial, 'lostAt__time').value).toBe('18:30');
    expect('value' in inputById(partial, 'people')).toBe(false);
  });

  it('shows errors for unknown keys at the top so none is lost', () => {
    const c = buildFlowFormCard('ja', FLOW, {}, { somethingElse: L('別の問題', 'Another problem') });
    expect(textsOf(c)).toContain('別の問題');
  });

  it('refuses field ids that would overwrite the submit payload', () => {
    const bad: FlowCardSource = {
      ...FLOW,
      fields: [{ id: 'verb', label: L('a', 'a'), kind: 'text', required: false }],
    };
    expect(() => buildFlowFormCard('ja', bad, {}, {})).toThrow();
    const clash: FlowCardSource = {
      ...FLOW,
      fields: [
        { id: 'at', label: L('a', 'a'), kind: 'datetime', required: false },
        { id: 'at__date', label: L('b', 'b'), kind: 'text', required: false },
      ],
    };
    expect(() => buildFlowFormCard('ja', clash, {}, {})).toThrow();
  });

  it('renders English labels in English', () => {
    const en = buildFlowFormCard('en', FLOW, ANSWERS, errors);
    expectValid(en);
    expect(inputById(en, 'subject').label).toBe('Subject (required)');
    expect(inputById(en, 'lostAt__time').label).toBe('Time');
    expect(textsOf(en)).toContain('Cannot be in the future.');
    expect(textsOf(en)).toContain('Basis: Security Standard 11(3)⑤');
    const chrome = [
      ...submitActions(en).map((a) => a.title),
      ...inputsOf(en).flatMap((n) => [n.label, n.title, n.errorMessage]),
      ...walk(en.body).flatMap((n) => (Array.isArray(n.choices) ? n.choices.map((c: Json) => c.title) : [])),
    ].filter((x): x is string => typeof x === 'string');
    expect(chrome.length).toBeGreaterThan(10);
    for (const s of chrome) expect(s).not.toMatch(JAPANESE);
  });
});

describe('flow modules render as forms', async () => {
  const dir = path.join(__dirname, '..', '..', 'src', 'domain', 'flows');
  const modules: FlowCardSource[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'form.ts' && f !== 'index.ts')) {
    const mod = (await import(path.join(dir, file))) as Partial<FlowCardSource>;
    if (isCaseKind(mod.kind) && mod.title && mod.guidance && mod.fields) modules.push(mod as FlowCardSource);
  }

  it('finds flow modules', () => {
    expect(modules.length).toBeGreaterThan(0);
  });

  it.each(LOCALES)('renders every flow in %s with one input per field (two for datetime)', (locale) => {
    for (const flow of modules) {
      const card = buildFlowFormCard(locale, flow, {}, {});
      expectValid(card);
      const ids = inputsOf(card).map((n) => n.id);
      expect(ids).toEqual(
        flow.fields.flatMap((f) => (f.kind === 'datetime' ? [`${f.id}__date`, `${f.id}__time`] : [f.id])),
      );
      expectValid(buildDraftResumeCard(locale, flow, new Date('2026-11-26T00:05:00Z')));
    }
  });
});

describe('answersFromSubmit', () => {
  it('keeps only known fields, stringifies values and combines the datetime', () => {
    const value = {
      verb: 'flow.review',
      kind: 'virus',
      subject: '件名',
      people: 12,
      disconnected: true,
      lostAt__date: '2026-11-26',
      lostAt__time: '09:05',
      injected: 'x',
      routes: ['mail'],
      __proto__polluted: 'y',
    };
    expect(answersFromSubmit(value, FIELDS)).toEqual({
      subject: '件名',
      people: '12',
      disconnected: 'true',
      lostAt: '2026-11-26T09:05',
    });
  });

  it('keeps half of a datetime rather than losing it', () => {
    expect(answersFromSubmit({ lostAt__date: '2026-11-26', lostAt__time: '' }, FIELDS)).toEqual({
      lostAt: '2026-11-26',
    });
    expect(answersFromSubmit({ lostAt__time: '09:05' }, FIELDS)).toEqual({ lostAt: 'T09:05' });
    expect(answersFromSubmit({ lostAt__date: '', lostAt__time: '' }, FIELDS)).toEqual({ lostAt: '' });
    expect(answersFromSubmit({ lostAt__date: '2026-11-26', lostAt__time: '09:05:00' }, FIELDS)).toEqual({
      lostAt: '2026-11-26T09:05',
    });
  });

  it('accepts an already combined datetime (a stored draft) when the pair is absent', () => {
    expect(answersFromSubmit({ lostAt: '2026-11-26T09:05' }, FIELDS)).toEqual({ lostAt: '2026-11-26T09:05' });
  });

  it('round-trips: what the card shows is what it sends back', () => {
    const card = buildFlowFormCard('ja', FLOW, ANSWERS, {});
    const submitted: Record<string, unknown> = { verb: 'flow.review', kind: 'virus' };
    for (const input of inputsOf(card)) submitted[input.id as string] = input.value ?? '';
    expect(answersFromSubmit(submitted, FIELDS)).toEqual(ANSWERS);
  });
});

describe('displayValue', () => {
  const field = (id: string) => FIELDS.find((f) => f.id === id) as FieldDef;

  it('shows what people read, not what the card sends', () => {
    expect(displayValue('ja', field('cardKind'), 'shared')).toBe('共用');
    expect(displayValue('en', field('cardKind'), 'shared')).toBe('Shared');
    expect(displayValue('ja', field('routes'), 'mail,usb')).toBe('メール添付、USBメモリ');
    expect(displayValue('ja', field('disconnected'), 'true')).toBe('はい');
    expect(displayValue('ja', field('disconnected'), 'false')).toBe('いいえ');
    expect(displayValue('ja', field('disconnected'), undefined)).toBe('いいえ');
    expect(displayValue('en', field('disconnected'), 'true')).toBe('Yes');
    expect(displayValue('ja', field('lostAt'), '2026-11-26T09:05')).toBe('2026/11/26 09:05');
    expect(displayValue('ja', field('returnDate'), '2026-11-30')).toBe('2026/11/30');
    expect(displayValue('ja', field('details'), '')).toBe('（未入力）');
    expect(displayValue('ja', field('subject'), '件名')).toBe('件名');
  });

  it('builds confirmation rows in field order', () => {
    expect(answerRows('ja', FIELDS, ANSWERS).map((r) => r.label)).toEqual(
      FIELDS.map((f) => t('ja', f.label)),
    );
  });
});

describe('buildFlowConfirmCard', () => {
  const base = {
    kind: 'takeout' as const,
    title: L('持ち出し申請', 'Take-out request'),
    rows: [{ label: '重要性分類', value: 'Ⅱ' }],
    recipients: [{ name: '佐藤 健一', role: L('課情報セキュリティ責任者', 'Section security officer') }],
  };
  const refusal = {
    message: L(
      '重要性分類Ⅱのデータは暗号化又はパスワード設定が必要です。',
      'Class II data must be encrypted.',
    ),
    article: '8(3)①オ' as const,
    level: 'refusal' as const,
  };
  const note = {
    message: L('台帳に記録されます。', 'It is recorded.'),
    article: '10(4)⑥' as const,
    level: 'info' as const,
  };

  it('offers submit, edit and discard when not refused, none of them sending inputs', () => {
    const card = buildFlowConfirmCard('ja', { ...base, findings: [note], refused: false });
    expectValid(card);
    expect(verbsOf(card)).toEqual(['flow.submit', 'flow.edit', 'draft.discard']);
    for (const a of submitActions(card)) expect(a.associatedInputs).toBe('none');
    expect(textsOf(card)).toContain('佐藤 健一');
  });

  it('has no submit action when refused, and says why with the article', () => {
    const card = buildFlowConfirmCard('ja', { ...base, findings: [refusal, note], refused: true });
    expectValid(card);
    expect(verbsOf(card)).toEqual(['flow.edit', 'draft.discard']);
    const box = walk(card.body).find((n) => n.style === 'attention') as Json;
    const boxTexts = walk(box.items).map((n) => n.text);
    expect(boxTexts).toContain('この申請は送信できません');
    expect(boxTexts).toContain(t('ja', refusal.message));
    expect(boxTexts).toContain('根拠: 対策基準 8(3)①オ');
    // Nothing is sent, so no recipients are listed.
    expect(textsOf(card)).not.toContain('佐藤 健一');
  });

  it('rejects a refusal finding without refused, and refused without a reason', () => {
    expect(() => buildFlowConfirmCard('ja', { ...base, findings: [refusal], refused: false })).toThrow();
    expect(() => buildFlowConfirmCard('ja', { ...base, findings: [note], refused: true })).toThrow();
    const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'flow-confirm.json'), 'utf8')) as Json;
    expect(FlowConfirmCardDataSchema.safeParse({ ...fixture, refused: true }).success).toBe(false);
  });

  it('shows typed values as plain text runs (no Markdown from user input)', () => {
    const card = buildFlowConfirmCard('ja', {
      ...base,
      rows: [{ label: '内容', value: '[ここをクリック](https://evil.example)' }],
      findings: [],
      refused: false,
    });
    const run = walk(card.body).find((n) => n.type === 'TextRun') as Json;
    expect(run.text).toBe('[ここをクリック](https://evil.example)');
  });

  it('renders English labels in English', () => {
    const card = buildFlowConfirmCard('en', { ...base, findings: [refusal], refused: true });
    expectValid(card);
    expect(submitActions(card).map((a) => a.title)).toEqual(['Edit', 'Discard']);
    expect(textsOf(card)).toContain('This request cannot be sent');
    expect(textsOf(card)).toContain('Basis: Security Standard 8(3)①オ');
  });
});

describe('buildDraftResumeCard', () => {
  it('says when the draft was saved, in Japan time, after the urgent guidance', () => {
    const card = buildDraftResumeCard('ja', FLOW, new Date('2026-11-26T00:05:00Z'));
    expectValid(card);
    const texts = textsOf(card);
    const message = texts.find((s) =>
      s.startsWith('書きかけのウイルス検知があります（保存: 2026/11/26 09:05）'),
    );
    expect(message).toBeDefined();
    expect(texts.indexOf('今すぐLANケーブルを抜いてください。')).toBeLessThan(
      texts.indexOf(message as string),
    );
    expect(submitActions(card).map((a) => a.data)).toEqual([
      { verb: 'draft.resume', kind: 'virus' },
      { verb: 'draft.discard', kind: 'virus' },
    ]);
  });
});

describe('buildCaseCreatedCard', () => {
  const input = {
    caseId: 'INC-2026-0001',
    kind: 'lost_ic_card' as const,
    status: 'submitted' as const,
    submittedAt: new Date('2026-11-26T00:05:00Z'),
    nextSteps: [
      { text: L('責任者がカードを停止します。', 'The officer stops the card.'), article: '10(9)②' as const },
      { text: L('状況は「私の申請・報告」で確認できます。', 'See "My requests and reports".') },
    ],
    recipients: [{ name: '佐藤 健一', role: L('課情報セキュリティ責任者', 'Section security officer') }],
  };

  it('confirms receipt with the case number, time, recipients and articles', () => {
    const card = buildCaseCreatedCard('ja', input);
    expectValid(card);
    const json = JSON.stringify(card);
    for (const s of [
      'ICカード紛失の報告を受け付けました。',
      'INC-2026-0001',
      '2026/11/26 09:05',
      '受付済み',
      '佐藤 健一',
    ]) {
      expect(json).toContain(s);
    }
    expect(json).toContain('根拠: 対策基準 10(9)①エ・10(9)②・10(9)③');
    expect(verbsOf(card)).toEqual(['cases.mine', 'menu.show']);
  });

  it('words a request as a request, and English in English', () => {
    const card = buildCaseCreatedCard('ja', { ...input, caseId: 'REQ-2026-0002', kind: 'takeout' });
    expect(JSON.stringify(card)).toContain('持ち出し申請を受け付けました。');
    const en = buildCaseCreatedCard('en', input);
    expectValid(en);
    expect(textsOf(en)).toContain('Your report "Lost IC card" has been received.');
    for (const a of submitActions(en)) expect(String(a.title)).not.toMatch(JAPANESE);
  });
});

describe('buildMyCasesCard', () => {
  const input = {
    cases: [
      {
        caseId: 'REQ-2026-0012',
        kind: 'takeout' as const,
        status: 'submitted' as const,
        submittedAt: new Date('2026-11-26T00:05:00Z'),
        canCancel: true,
      },
      {
        caseId: 'INC-2026-0001',
        kind: 'lost_ic_card' as const,
        status: 'closed' as const,
        submittedAt: new Date('2026-11-20T08:42:00Z'),
        canCancel: false,
      },
    ],
    drafts: [{ kind: 'exception' as const, updatedAt: new Date('2026-11-25T07:10:00Z') }],
  };

  it('offers cancel only for cancellable cases, and resume for drafts', () => {
    const card = buildMyCasesCard('ja', input);
    expectValid(card);
    const payloads = submitActions(card).map((a) => a.data);
    expect(payloads).toEqual([
      { verb: 'case.cancel', caseId: 'REQ-2026-0012' },
      { verb: 'draft.resume', kind: 'exception' },
      { verb: 'menu.show' },
    ]);
    const texts = textsOf(card);
    expect(texts).toContain('REQ-2026-0012 · 受付済み · 2026/11/26 09:05');
    expect(texts).toContain('INC-2026-0001 · 完了 · 2026/11/20 17:42');
    expect(texts).toContain('保存: 2026/11/25 16:10');
    expect(texts).not.toContain('申請・報告はまだありません。');
  });

  it('says so when there is nothing', () => {
    const card = buildMyCasesCard('ja', { cases: [], drafts: [] });
    expectValid(card);
    expect(textsOf(card)).toContain('申請・報告はまだありません。');
    expect(textsOf(card)).not.toContain('書きかけの下書き');
    expect(verbsOf(card)).toEqual(['menu.show']);
  });

  it('renders English', () => {
    const card = buildMyCasesCard('en', input);
    expectValid(card);
    expect(submitActions(card).map((a) => a.title)).toEqual(['Cancel', 'Continue', 'Menu']);
    expect(textsOf(card)).toContain('Take-out request');
  });
});

describe('templating keeps types', () => {
  it('expands "${required}" to a boolean and "${...}" numbers to numbers', () => {
    const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'flow-form.json'), 'utf8')) as never;
    const card = renderCard('flow-form', fixture);
    const inputs = inputsOf(card);
    expect(inputs.find((n) => n.id === 'cardKind')?.isRequired).toBe(true);
    expect(inputs.find((n) => n.id === 'cardNumber')?.isRequired).toBe(false);
    expect(inputs.find((n) => n.id === 'cardNumber')?.maxLength).toBe(50);
  });
});

describe('answerRows relevance', () => {
  it('leaves out terminal-only questions for a data take-out, keeps them for a terminal', async () => {
    const { FLOWS } = await import('../../src/domain/flows');
    const { answerRows } = await import('../../src/teams/form-card');
    const labels = (itemKind: string) =>
      answerRows('ja', FLOWS.takeout.fields, {
        itemKind,
        mobileTerminal: 'false',
        remoteWipeEnabled: 'false',
      }).map((r) => r.label);
    expect(labels('data').some((l) => l.includes('遠隔消去'))).toBe(false);
    expect(labels('terminal').some((l) => l.includes('遠隔消去'))).toBe(true);
  });
});
