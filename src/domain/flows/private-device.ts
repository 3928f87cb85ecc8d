// 私物端末・外部サービスの業務利用申請 (10(3), 10(4)②): prohibited unless the section officer permits.
import { z } from 'zod';
import { caseTitle, type Localized } from '../cases';
import {
  choice,
  date,
  defineForm,
  endNotBeforeStart,
  notBeforeToday,
  runValidation,
  text,
  textarea,
  type FieldErrors,
  type GuidanceItem,
  type ValidationContext,
  type ValidationResult,
} from './form';

export const kind = 'private_device' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: {
      ja: '貸与されたもの以外の端末機・記録媒体は業務に使えません。災害対応など業務上必要な場合に限り、課情報セキュリティ責任者が許可します。',
      en: 'Only issued terminals and media may be used for work, unless the section officer permits it (e.g. disaster response).',
    },
    article: '10(4)②',
  },
  {
    text: {
      ja: 'フリーメールやオンラインストレージ等のサービスは、課情報セキュリティ責任者が業務上必要と判断した場合を除き使用できません。',
      en: 'Free mail and online storage may be used only when the section officer judges it necessary.',
    },
    article: '10(3)',
  },
];

const L = {
  deviceKind: { ja: '種類', en: 'Kind' },
  name: { ja: '名称・製品名', en: 'Name' },
  purpose: { ja: '利用目的', en: 'Purpose' },
  reasonCategory: { ja: '必要とする事情', en: 'Reason' },
  justification: { ja: '業務上必要な理由', en: 'Why it is needed' },
  periodStart: { ja: '利用開始日', en: 'Start date' },
  periodEnd: { ja: '利用終了日', en: 'End date' },
} satisfies Record<string, Localized>;

const form = defineForm({
  deviceKind: choice(true, {
    label: L.deviceKind,
    choices: [
      { value: 'private_terminal', label: { ja: '私物の端末機', en: 'Private terminal' } },
      { value: 'private_medium', label: { ja: '私物の記録媒体', en: 'Private medium' } },
      {
        value: 'external_service',
        label: {
          ja: '外部サービス（フリーメール・オンラインストレージ等）',
          en: 'External service (free mail, online storage…)',
        },
      },
    ],
  }),
  name: text(true, {
    label: L.name,
    maxLength: 200,
    placeholder: { ja: '例: 個人所有のノートPC、〇〇ストレージ', en: 'e.g. own laptop, a storage service' },
  }),
  purpose: textarea(true, { label: L.purpose, maxLength: 1000 }),
  reasonCategory: choice(true, {
    label: L.reasonCategory,
    choices: [
      { value: 'disaster_response', label: { ja: '災害対応', en: 'Disaster response' } },
      { value: 'other_business_need', label: { ja: 'その他の業務上の必要', en: 'Other business need' } },
    ],
    article: '10(4)②',
  }),
  justification: textarea(true, {
    label: L.justification,
    maxLength: 2000,
    help: {
      ja: '貸与品では対応できない理由を書いてください。業務上の必要性は課情報セキュリティ責任者が判断します。',
      en: 'Why issued equipment cannot do it; the section officer judges the need.',
    },
    article: '10(3)',
  }),
  periodStart: date(true, { label: L.periodStart }),
  periodEnd: date(true, { label: L.periodEnd }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape).superRefine((v, ctx) => {
  if (v.periodEnd < v.periodStart) endNotBeforeStart(ctx, 'periodEnd', L.periodEnd, L.periodStart);
});
export type PrivateDeviceRequest = z.output<typeof FormSchema>;

function clockRules(v: PrivateDeviceRequest, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notBeforeToday(errors, 'periodStart', L.periodStart, v.periodStart, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<PrivateDeviceRequest> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
