// システム障害 (12(5)①): staff → officer → 統括 → IT管理者 → officers of the affected sections.
import { z } from 'zod';
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
    text: {
      ja: '表示されたエラーメッセージや画面を記録（スクリーンショット等）してください。',
      en: 'Record the error messages or screens (e.g. screenshots).',
    },
    article: '12(5)①オ',
  },
  {
    text: {
      ja: '独自に再起動や復旧作業をせず、課情報セキュリティ責任者の指示を待ってください。',
      en: 'Do not restart or repair on your own; wait for your section officer.',
    },
    article: '12(5)①エ',
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
    help: {
      ja: '分かる範囲で課名を入力してください。IT管理者から各課の責任者に連絡されます（対策基準 12(5)①ウ）。',
      en: 'Section names as far as known; the IT administrator tells their officers (12(5)①ウ).',
    },
    article: '12(5)①ウ',
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
