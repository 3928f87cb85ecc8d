// システム障害 (12(5)①): staff → officer → 統括 → IT管理者 → officers of the affected sections.
import { z } from 'zod';
import { OPERATING_RULE } from '../articles';
import { caseTitle, type Localized } from '../cases';
import {
  choice,
  datetime,
  defineForm,
  notInFuture,
  requiredWhen,
  runValidation,
  text,
  textarea,
  type FieldErrors,
  type GuidanceItem,
  type ValidationContext,
  type ValidationResult,
} from './form';

export const kind = 'system_failure' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: {
      ja: 'この報告は課情報セキュリティ責任者に届き、責任者が影響範囲を調べて統括へ報告します。',
      en: 'This goes to your section officer, who checks the impact and reports to the chief.',
    },
    article: '12(5)①イ',
  },
  {
    // Screenshots help the officer's investigation (12(5)①イ), but no article asks staff for them.
    text: {
      ja: '表示されたエラーメッセージや画面を記録（スクリーンショット等）してください。',
      en: 'Record the error messages or screens (e.g. screenshots).',
    },
    article: OPERATING_RULE,
  },
  {
    // A failure is a security incident (2(4)); staff act as the officer instructs.
    text: {
      ja: '独自に再起動や復旧作業をせず、課情報セキュリティ責任者の指示に従ってください。',
      en: 'Do not restart or repair on your own; follow your section officer’s instructions.',
    },
    article: '10(6)③',
  },
];

const L = {
  systemName: { ja: 'システム名', en: 'System' },
  symptom: { ja: '症状', en: 'Symptom' },
  since: { ja: '発生日時', en: 'Since when' },
  scope: { ja: '影響範囲', en: 'Scope' },
  otherSections: { ja: '影響を受けているほかの課', en: 'Other affected sections' },
} satisfies Record<string, Localized>;

const form = defineForm({
  systemName: text(true, { label: L.systemName, maxLength: 200 }),
  symptom: textarea(true, {
    label: L.symptom,
    maxLength: 2000,
    placeholder: {
      ja: '例: ログインできない、画面が表示されない、処理が終わらない',
      en: 'e.g. cannot log in',
    },
  }),
  since: datetime(true, { label: L.since, defaultNow: true }),
  scope: choice(true, {
    label: L.scope,
    choices: [
      { value: 'own_section', label: { ja: '自課のみ', en: 'Own section only' } },
      { value: 'several_sections', label: { ja: '複数の課', en: 'Several sections' } },
      { value: 'all', label: { ja: '組合全体', en: 'Whole organisation' } },
      { value: 'unknown', label: { ja: '不明', en: 'Unknown' } },
    ],
  }),
  otherSections: text(false, {
    label: L.otherSections,
    maxLength: 500,
    // What the bot does: the officers of the sections named here get the report at once. That is the
    // organisation's rule; 12(5)①ウ has 統括 and IT管理者 pass it on (the IT administrator's card says so).
    help: {
      ja: '分かる範囲で課名を入力してください。入力された課の課情報セキュリティ責任者にも、この報告が直ちに通知されます。',
      en: 'Section names as far as known; the officers of those sections are told at once.',
    },
    article: OPERATING_RULE,
  }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape).superRefine((v, ctx) => {
  if (v.scope === 'several_sections' && v.otherSections === undefined) {
    requiredWhen(ctx, 'otherSections', L.otherSections, {
      ja: '影響範囲が複数の課の場合',
      en: 'When several sections are affected',
    });
  }
});
export type SystemFailureReport = z.output<typeof FormSchema>;

function clockRules(v: SystemFailureReport, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notInFuture(errors, 'since', L.since, v.since, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<SystemFailureReport> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
