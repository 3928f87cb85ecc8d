// 端末機・記録媒体の紛失・盗難 (10(6), 12(5)②): like the IC card flow, plus remote wipe (12(5)②ア).
import { z } from 'zod';
import { caseTitle, type Localized } from '../cases';
import {
  CLASS_CHOICES,
  choice,
  datetime,
  defineForm,
  notInFuture,
  runValidation,
  text,
  textarea,
  toggle,
  type FieldErrors,
  type GuidanceItem,
  type ValidationContext,
  type ValidationResult,
} from './form';

export const kind = 'device_lost' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: {
      ja: 'この報告は課情報セキュリティ責任者とIT管理者に通知されます。責任者はIT管理者と連携し、遠隔消去（リモートワイプ）などで被害の拡大を防ぎます。',
      en: 'This report goes to your section officer and the IT administrator; the officer contains the damage with them, e.g. by a remote wipe.',
    },
    // Containment of a breach (12(5)②ア). 10(4)③ is the remote-wipe check before using a mobile
    // terminal outside, not a step after a loss.
    article: '12(5)②ア',
  },
  {
    text: {
      ja: '盗難の場合は、課情報セキュリティ責任者が統括と協議のうえ警察に通報します。届出済みなら入力してください。',
      en: 'If stolen, the officer consults the chief and reports to the police; tell us if you already did.',
    },
    article: '12(5)②ウ',
  },
  {
    text: {
      ja: '見つかった場合も、指示があるまで使用・ネットワーク接続をしないでください。',
      en: 'If found, do not use or connect it until told to.',
    },
    article: '10(6)③',
  },
];

const L = {
  deviceKind: { ja: '種類', en: 'Device' },
  assetNumber: { ja: '資産番号・媒体の識別番号', en: 'Asset / medium number' },
  lossType: { ja: '紛失・盗難の別', en: 'Lost or stolen' },
  lostAt: { ja: '紛失・盗難に気付いた日時', en: 'When it happened' },
  place: { ja: '場所（推定）', en: 'Where (best guess)' },
  classification: { ja: '保存されていたデータの重要性分類', en: 'Classification of the data on it' },
  encrypted: { ja: '暗号化されている', en: 'Encrypted' },
  remoteWipePossible: { ja: '遠隔消去が可能', en: 'Remote wipe possible' },
  policeReported: { ja: '警察に届出済み', en: 'Reported to the police' },
  circumstances: { ja: '状況', en: 'Circumstances' },
} satisfies Record<string, Localized>;

const form = defineForm({
  deviceKind: choice(true, {
    label: L.deviceKind,
    choices: [
      { value: 'pc', label: { ja: 'パソコン', en: 'PC' } },
      { value: 'tablet', label: { ja: 'タブレット', en: 'Tablet' } },
      { value: 'smartphone', label: { ja: 'スマートフォン', en: 'Smartphone' } },
      { value: 'usb_memory', label: { ja: 'USBメモリ', en: 'USB memory' } },
      {
        value: 'other_medium',
        label: { ja: 'その他の記録媒体（DVD・外付けディスク等）', en: 'Other medium' },
      },
    ],
  }),
  assetNumber: text(false, { label: L.assetNumber, maxLength: 50 }),
  lossType: choice(true, {
    label: L.lossType,
    choices: [
      { value: 'lost', label: { ja: '紛失', en: 'Lost' } },
      { value: 'stolen', label: { ja: '盗難', en: 'Stolen' } },
    ],
  }),
  lostAt: datetime(true, { label: L.lostAt, defaultNow: true }),
  place: text(true, { label: L.place, maxLength: 200 }),
  classification: choice(true, {
    label: L.classification,
    choices: CLASS_CHOICES,
    help: {
      ja: '保存されていたデータのうち最も上位の分類を選んでください。',
      en: 'The highest class of the data it held.',
    },
    article: '8(3)①イ',
  }),
  encrypted: toggle({ label: L.encrypted }),
  remoteWipePossible: toggle({
    label: L.remoteWipePossible,
    help: {
      ja: '遠隔消去で被害の拡大を防げるかの確認です。',
      en: 'Whether a remote wipe can contain the damage.',
    },
    article: '12(5)②ア',
  }),
  policeReported: toggle({
    label: L.policeReported,
    help: { ja: '盗難の場合に回答してください。', en: 'Answer when stolen.' },
    article: '12(5)②ウ',
  }),
  circumstances: textarea(false, { label: L.circumstances, maxLength: 2000 }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape);
export type DeviceLostReport = z.output<typeof FormSchema>;

function clockRules(v: DeviceLostReport, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notInFuture(errors, 'lostAt', L.lostAt, v.lostAt, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<DeviceLostReport> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
