// 持ち出し申請 (8(3)①エオカ, 10(4)①③⑥, 10(4)①ただし書): the form; the decision is policy/takeout.ts.
import { z } from 'zod';
import { caseTitle, type Localized } from '../cases';
import {
  CLASS_CHOICES,
  choice,
  date,
  defineForm,
  endNotBeforeStart,
  notBeforeToday,
  requiredWhen,
  runValidation,
  text,
  textarea,
  toggle,
  type FieldErrors,
  type GuidanceItem,
  type ValidationContext,
  type ValidationResult,
} from './form';

export const kind = 'takeout' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: {
      ja: '重要性分類Ⅰ・Ⅱのデータを持ち出すには、課情報セキュリティ責任者の許可と、暗号化又はパスワード設定が必要です。',
      en: 'Class I/II data needs your section officer’s permission and encryption or a password.',
    },
    article: '8(3)①オ',
  },
  {
    text: {
      ja: '重要性分類Ⅰのデータは、複製・出力（記録媒体への保存を含む）にも許可が必要です。',
      en: 'Class I data needs permission even to copy or output it (including saving to media).',
    },
    article: '8(3)①エ',
  },
  {
    text: {
      ja: '端末機・記録媒体を執務室以外に持ち出すには許可が必要です。携行中はロック、ログオフ又はシャットダウンしてください。',
      en: 'Terminals and media need permission to leave the office room. Lock, log off or shut down while carrying them.',
    },
    article: '10(4)①',
  },
  {
    text: {
      ja: 'ただし、同一庁舎内で常時携帯するなど自己の管理下に置き、持ち出し先の会議室等で施錠等の盗難防止措置を確実にできる場合は、許可は不要です。',
      en: 'No permission is needed when it stays in the same building under your control and can be locked away at the destination (e.g. a meeting room).',
    },
    article: '10(4)①ただし書',
  },
  {
    text: {
      ja: 'モバイル端末を庁外で使う場合は、遠隔消去機能が有効であることを確認してください。',
      en: 'A mobile terminal used outside must have remote wipe enabled.',
    },
    article: '10(4)③',
  },
];

const L = {
  itemKind: { ja: '持ち出すもの', en: 'What' },
  description: { ja: '持ち出す情報資産の内容', en: 'Description' },
  assetNumber: { ja: '資産番号・媒体の識別番号', en: 'Asset / medium number' },
  classification: { ja: '重要性分類', en: 'Classification' },
  purpose: { ja: '持ち出しの目的', en: 'Purpose' },
  destination: { ja: '持ち出し先', en: 'Destination' },
  startDate: { ja: '持ち出し日', en: 'Start date' },
  returnDate: { ja: '返却予定日', en: 'Return date' },
  protection: { ja: '保護措置', en: 'Protection' },
  sameBuilding: {
    ja: '同一庁舎内で常時携帯するなど自己の管理下に置き、持ち出し先（会議室等）で施錠等の盗難防止措置を確実にできる',
    en: 'Stays in the same building under my control, and can be locked away at the destination (e.g. meeting room)',
  },
  mobileTerminal: { ja: 'モバイル端末（ノートPC・タブレット・スマートフォン）', en: 'Mobile terminal' },
  remoteWipeEnabled: { ja: '遠隔消去機能が有効', en: 'Remote wipe enabled' },
} satisfies Record<string, Localized>;

const form = defineForm({
  itemKind: choice(true, {
    label: L.itemKind,
    choices: [
      {
        value: 'data',
        label: { ja: 'データ（メール添付・外部送信を含む）', en: 'Data (incl. e-mail attachment)' },
      },
      {
        value: 'terminal',
        label: { ja: '端末機（パソコン・タブレット等）', en: 'Terminal (PC, tablet, …)' },
      },
      { value: 'medium', label: { ja: '記録媒体（USBメモリ・DVD等）', en: 'Medium (USB memory, DVD, …)' } },
    ],
  }),
  description: text(true, {
    label: L.description,
    maxLength: 200,
    placeholder: { ja: '例: 〇〇説明会資料（PDF 3件）', en: 'e.g. briefing slides (3 PDFs)' },
  }),
  assetNumber: text(false, {
    label: L.assetNumber,
    maxLength: 50,
    help: {
      ja: '端末機・記録媒体の場合は必須です（持ち出し記録）。',
      en: 'Required for terminals and media (take-out record).',
    },
    article: '10(4)⑥',
  }),
  classification: choice(true, {
    label: L.classification,
    choices: CLASS_CHOICES,
    help: {
      ja: '端末機・記録媒体は、保存されているデータのうち最も上位の分類を選んでください。',
      en: 'For terminals and media, the highest class of the data they hold.',
    },
    article: '8(3)①イ',
  }),
  purpose: textarea(true, { label: L.purpose, maxLength: 1000 }),
  destination: text(true, {
    label: L.destination,
    maxLength: 200,
    placeholder: { ja: '例: 〇〇市役所 会議室', en: 'e.g. city hall meeting room' },
  }),
  sameBuilding: toggle({
    label: L.sameBuilding,
    relevantWhen: { field: 'itemKind', values: ['terminal', 'medium'] },
    help: {
      ja: 'この場合、課情報セキュリティ責任者の許可は不要です（持ち出しは記録されます）。',
      en: 'Then no permission from the section officer is needed (the take-out is recorded).',
    },
    article: '10(4)①ただし書',
  }),
  startDate: date(true, { label: L.startDate }),
  returnDate: date(true, { label: L.returnDate }),
  protection: choice(true, {
    label: L.protection,
    choices: [
      { value: 'encryption', label: { ja: '暗号化', en: 'Encryption' } },
      { value: 'password', label: { ja: 'パスワード設定', en: 'Password' } },
      { value: 'none', label: { ja: 'なし', en: 'None' } },
    ],
    help: {
      ja: '重要性分類Ⅰ・Ⅱは必須、Ⅲ・Ⅳは必要に応じて行います。',
      en: 'Mandatory for class I/II, as needed for III/IV.',
    },
    article: ['8(3)①オ', '8(3)①カ'],
  }),
  mobileTerminal: toggle({
    label: L.mobileTerminal,
    relevantWhen: { field: 'itemKind', values: ['terminal'] },
    help: { ja: '端末機の場合のみ回答してください。', en: 'Terminals only.' },
  }),
  remoteWipeEnabled: toggle({
    label: L.remoteWipeEnabled,
    relevantWhen: { field: 'itemKind', values: ['terminal'] },
    help: {
      ja: 'モバイル端末を庁外で使う場合は必須です。',
      en: 'Required for a mobile terminal used outside.',
    },
    article: '10(4)③',
  }),
});

export const fields = form.fields;

export const FormSchema = z.object(form.shape).superRefine((v, ctx) => {
  if (v.returnDate < v.startDate) endNotBeforeStart(ctx, 'returnDate', L.returnDate, L.startDate);
  if (v.itemKind !== 'data' && v.assetNumber === undefined) {
    requiredWhen(ctx, 'assetNumber', L.assetNumber, {
      ja: '端末機・記録媒体の場合',
      en: 'For a terminal or medium',
    });
  }
});
export type TakeoutRequest = z.output<typeof FormSchema>;
export type TakeoutItemKind = TakeoutRequest['itemKind'];
export type TakeoutProtection = TakeoutRequest['protection'];

// Permission comes before the take-out (10(4)①): a request cannot start in the past.
function clockRules(v: TakeoutRequest, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notBeforeToday(errors, 'startDate', L.startDate, v.startDate, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<TakeoutRequest> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
