import { t, storedText } from '../../src/i18n';
// Size guard: no card the bot sends can exceed Teams' 40 KB message limit. Every card is rendered
// with the largest inputs the forms and the server allow, filled with the characters that weigh most
// (a kanji: 3 bytes in UTF-8; a double quote: escaped, 4 bytes in UTF-16), and measured both ways.
import { CardFactory } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { CASE_KINDS, isIncidentKind, type CaseKind } from '../../src/domain/cases';
import { actionAppliesTo, CASE_ACTION_NAMES } from '../../src/domain/decisions';
import { FLOWS } from '../../src/domain/flows';
import { answerLimit, limitAnswers, type FieldDef } from '../../src/domain/flows/form';
import { incidentPlan } from '../../src/domain/policy/incident';
import { CARD_BYTE_BUDGET, cardBytes, jsonBytes, MESSAGE_BYTE_LIMIT } from '../../src/teams/card-size';
import {
  buildMenuCard,
  buildUnknownUserCard,
  renderCard,
  type AdaptiveCardJson,
} from '../../src/teams/cards';
import { buildCaseCard, CASE_INPUT_MAX_LENGTH, type CaseCardInput } from '../../src/teams/case-card';
import {
  answerRows,
  buildCaseCreatedCard,
  buildDraftResumeCard,
  buildFlowConfirmCard,
  buildFlowFormCard,
  buildMyCasesCard,
} from '../../src/teams/form-card';
import { LOCALES, type Locale } from '../../src/teams/i18n';
import { ASSIGNED_LIST_MAX } from '../../src/teams/routes/assigned-routes';
import { cardAttachment } from '../../src/teams/send';
import { BOT_ID } from '../helpers/activities';

const FILLERS = ['漢', '"'] as const;
const AT = new Date('2026-04-10T03:00:00Z');

/** The activity around a card as the connector receives it, with long but realistic ids. */
function envelope(card: AdaptiveCardJson): Record<string, unknown> {
  const id = '1'.repeat(13);
  return {
    type: 'message',
    serviceUrl: 'https://smba.trafficmanager.net/jp/8f3c2a1e-5b7d-4c9a-9e21-0a6b5c4d3e2f/',
    channelId: 'msteams',
    from: { id: BOT_ID, name: '情報セキュリティ窓口' },
    recipient: { id: `29:${'a'.repeat(120)}`, aadObjectId: '00000000-0000-4000-8000-000000000001' },
    conversation: { id: `a:${'b'.repeat(200)}`, conversationType: 'personal', tenantId: 'x'.repeat(36) },
    replyToId: id,
    inputHint: 'acceptingInput',
    attachments: [CardFactory.adaptiveCard(card)],
  };
}

function expectFits(card: AdaptiveCardJson, what = ''): void {
  expect(cardBytes(card), what).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
  expect(jsonBytes(envelope(card))).toBeLessThanOrEqual(MESSAGE_BYTE_LIMIT);
  expect(() => cardAttachment(card)).not.toThrow();
}

/** The largest value each input can send: free text at its limit, every choice, a long number. */
function maxAnswer(field: FieldDef, filler: string): string {
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return filler.repeat(answerLimit(field));
    case 'choice':
      return [...(field.choices ?? [])].sort((a, b) => b.value.length - a.value.length)[0]?.value ?? '';
    case 'multichoice':
      return (field.choices ?? []).map((c) => c.value).join(',');
    case 'date':
      return '2026-04-10';
    case 'datetime':
      return '2026-04-10T11:45';
    case 'number':
      return String(field.max ?? 10_000_000);
    case 'toggle':
      return 'true';
  }
}

function maxAnswers(kind: CaseKind, filler: string): Record<string, string> {
  return Object.fromEntries(FLOWS[kind].fields.map((f) => [f.id, maxAnswer(f, filler)]));
}

/** Errors with the longest messages the validator gives: every text field over its limit. */
function maxErrors(kind: CaseKind, filler: string) {
  const flow = FLOWS[kind];
  const over = Object.fromEntries(
    flow.fields.map((f) => [
      f.id,
      f.kind === 'text' || f.kind === 'textarea' ? filler.repeat(answerLimit(f) * 50) : 'x'.repeat(5000),
    ]),
  );
  const v = flow.validate(over, { now: AT });
  expect(v.ok).toBe(false);
  return {
    over,
    errors: v.ok
      ? {}
      : { ...v.errors, _form: storedText({ ja: '送信内容を読み取れませんでした。', en: 'Unreadable.' }) },
  };
}

const longText = (filler: string, n = CASE_INPUT_MAX_LENGTH) => filler.repeat(n);

function caseInput(kind: CaseKind, filler: string): CaseCardInput {
  const plan = isIncidentKind(kind) ? incidentPlan(kind) : undefined;
  const records = (plan?.officerRecords ?? []).map((r) => ({
    id: r.id,
    label: r.label,
    article: r.article,
    value: longText(filler),
  }));
  const outcome = [
    ...records.map((r) => ({ label: `【記録】${t('ja', r.label)}`, value: r.value })),
    ...['内容', '原因', '確認された被害', '影響範囲'].map((l) => ({
      label: `【記録】${l}`,
      value: longText(filler),
    })),
    { label: '【判断】条件', value: longText(filler) },
    { label: '【判断】コメント', value: longText(filler) },
  ];
  return {
    caseId: kind === 'takeout' ? 'REQ-2026-9999' : 'INC-2026-9999',
    kind,
    severity: 'critical',
    status: 'acknowledged',
    reporter: { name: '長谷川 理恵子', section: '情報システム担当' },
    submittedAt: AT,
    ackDueAt: AT,
    reasons: Array.from({ length: 5 }, () => ({
      text: storedText({ ja: '上席者（報告者が課情報セキュリティ責任者本人のため）', en: 'Superior' }),
      article: '12(5)②オ',
    })),
    rows: [
      ...answerRows('ja', FLOWS[kind].fields, limitAnswers(FLOWS[kind].fields, maxAnswers(kind, filler))),
      ...outcome,
    ],
    findings: Array.from({ length: 8 }, () => ({
      message: storedText({
        ja: '電源は切らず、ファイルも削除しないでください（証拠保全）。',
        en: 'Keep the evidence.',
      }),
      article: '12(5)②ク',
      level: 'warning' as const,
    })),
    duties: (plan?.officerRecords ?? []).map((r) => ({ text: r.label, article: r.article })),
    // Every decision quotes what was typed: 100 steps, each with a comment at the limit.
    history: Array.from({ length: 100 }, (_, i) => ({
      at: new Date(AT.getTime() + i * 60_000),
      actor: '長谷川 理恵子',
      text: storedText({
        ja: `持ち出し申請を承認しました（条件: ${longText(filler)}） 「${longText(filler)}」`,
        en: `approved (conditions: ${longText(filler)})`,
      }),
      article: '10(4)①',
    })),
    allowedVerbs: CASE_ACTION_NAMES.filter((v) => actionAppliesTo(v, kind)),
    records,
    // Teams user ids are about 90 characters; Teams honours 60.
    refreshUserIds: Array.from({ length: 60 }, (_, i) => `29:1${String(i).padStart(86, 'u')}`),
    notice: storedText({
      ja: `持ち出し申請を承認しました（条件: ${longText(filler)}）を記録しました。`,
      en: `Recorded: ${longText(filler)}`,
    }),
    showReadOnlyNote: false,
    prefill: {
      comment: longText(filler),
      conditions: longText(filler),
      records: Object.fromEntries(records.map((r) => [r.id, longText(filler)])),
      closure: {
        content: longText(filler),
        cause: longText(filler),
        damage: longText(filler),
        scope: longText(filler),
      },
    },
  };
}

describe.each(FILLERS)('every card stays under 40 KB with maximal input of %s', (filler) => {
  describe.each(LOCALES)('%s', (locale: Locale) => {
    it.each(CASE_KINDS)('%s: the form, with every answer at its limit and every error shown', (kind) => {
      const flow = FLOWS[kind];
      expectFits(buildFlowFormCard(locale, flow, maxAnswers(kind, filler), {}));
      // A 50-times-too-long answer in every field comes back cut, with its message.
      const { over, errors } = maxErrors(kind, filler);
      const contact = {
        text: `今すぐ ${'長'.repeat(40)}（06-6630-3111）へ電話してください。`,
        basis: '根拠: 運用ルール',
      };
      expectFits(
        buildFlowFormCard(locale, flow, limitAnswers(flow.fields, over), errors, {
          draftSavedAt: AT,
          contact,
        }),
      );
      expectFits(buildDraftResumeCard(locale, flow, AT, { contact }));
    });

    it.each(CASE_KINDS)('%s: the confirmation and the receipt', (kind) => {
      const flow = FLOWS[kind];
      // More than any flow's evaluation gives (misdirected mail with every leak condition: 5).
      const findings = Array.from({ length: 6 }, () => ({
        message: storedText({
          ja: '個人情報保護委員会への報告対象: 要配慮個人情報が含まれる',
          en: 'Reportable',
        }),
        article: '12(5)②イ' as const,
        level: 'warning' as const,
      }));
      // The assignee, a deputy, every 統括 and IT管理者 of a larger organisation.
      const recipients = Array.from({ length: 8 }, () => ({
        name: '長谷川 理恵子',
        role: storedText({
          ja: '統括情報セキュリティ責任者・IT管理者',
          en: 'Chief officer, IT administrator',
        }),
      }));
      expectFits(
        buildFlowConfirmCard(locale, {
          kind,
          title: flow.title,
          rows: answerRows(locale, flow.fields, limitAnswers(flow.fields, maxAnswers(kind, filler))),
          findings,
          refused: false,
          recipients,
        }),
      );
      expectFits(
        buildCaseCreatedCard(locale, {
          caseId: 'INC-2026-9999',
          kind,
          status: 'submitted',
          submittedAt: AT,
          nextSteps: findings.map((f) => ({ text: f.message, article: f.article })),
          recipients,
        }),
      );
    });

    it.each(CASE_KINDS)(
      '%s: the case card, with every record, comment and history entry at its limit',
      (kind) => {
        expectFits(buildCaseCard(locale, caseInput(kind, filler)));
        expectFits(buildCaseCard(locale, { ...caseInput(kind, filler), prefill: undefined }));
      },
    );

    it('the lists, notices and the other cards', () => {
      expectFits(
        buildMyCasesCard(locale, {
          cases: Array.from({ length: 20 }, (_, i) => ({
            caseId: `REQ-2026-${String(1000 + i)}`,
            kind: CASE_KINDS[i % CASE_KINDS.length] as CaseKind,
            status: 'submitted' as const,
            submittedAt: AT,
            canCancel: true,
          })),
          drafts: CASE_KINDS.map((kind) => ({ kind, updatedAt: AT })),
        }),
      );
      expectFits(
        renderCard('assigned-cases', {
          title: '担当案件',
          intro: 'あなたが対応・判断できる未完了の案件です（期限の近い順）。',
          empty: '',
          items: Array.from({ length: ASSIGNED_LIST_MAX }, (_, i) => ({
            caseId: `INC-2026-${String(1000 + i)}`,
            title: '私物端末・外部サービス利用申請',
            headline: '情報システム担当 長谷川 理恵子 さんから',
            statusLine: '進達済み（統括の判断待ち）・送信日時 2026/11/26 09:05',
            dueText: '対応開始の期限 2026/11/26 09:20（超過）',
            dueColor: 'Attention' as const,
            openLabel: '開く',
          })),
          menuLabel: 'メニュー',
        }),
      );
      expectFits(
        renderCard('notice', {
          title: 'REQ-2026-9999 個人情報漏えいの報告期限',
          text: '長谷川 理恵子 さんの持ち出し（返却予定日 2026/04/11）の返却が報告されていません。'.repeat(5),
          basis: '根拠: 対策基準 10(4)⑥',
          buttons: [{ title: '返却しました', verb: 'case.returned', caseId: 'REQ-2026-9999' }],
        }),
      );
      expectFits(buildMenuCard(locale, '長谷川 理恵子', { officer: true }));
      expectFits(buildUnknownUserCard(locale));
    });
  });
});

describe('the runtime guard', () => {
  it('refuses to send a card over the budget, naming its size only', () => {
    const huge = renderCard('notice', { title: 'T', text: '漢'.repeat(20_000), basis: '', buttons: [] });
    expect(() => cardAttachment(huge)).toThrow(/bytes, over the \d+ byte budget/);
    expect(() => cardAttachment(huge)).not.toThrow(/漢/);
  });

  it('counts UTF-16 as Teams does: ASCII weighs two bytes a character', () => {
    expect(jsonBytes('a'.repeat(100))).toBe(204);
    expect(jsonBytes('漢'.repeat(100))).toBe(302);
  });
});
