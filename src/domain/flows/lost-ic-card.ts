// ICカード紛失 (10(9)①エ, ②, ③): staff report at once; the section officer stops the card.
import { z } from 'zod';
import { caseTitle, type Localized } from '../cases';
import {
  choice,
  datetime,
  defineForm,
  notInFuture,
  runValidation,
  text,
  textarea,
  type FieldErrors,
  type GuidanceItem,
  type ValidationContext,
  type ValidationResult,
} from './form';

export const kind = 'lost_ic_card' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: {
      ja: 'この報告は課情報セキュリティ責任者へ直ちに通知されます。以後は責任者の指示に従ってください。',
      en: 'This report goes to your section security officer at once. Follow their instructions from now on.',
    },
    article: '10(9)①エ',
  },
  {
    text: {
      ja: '責任者がこのカードによるアクセスを停止します。見つかっても、指示があるまで使用しないでください。',
      en: 'The officer will stop access with this card. If you find it, do not use it until told to.',
    },
    article: '10(9)②',
  },
  {
    text: {
      ja: 'カードを再発行する場合、見つかった旧カードは回収し、破砕して廃棄します。',
      en: 'If the card is reissued, the old card is collected and destroyed if found.',
    },
    article: '10(9)③',
  },
];

const L = {
  cardKind: { ja: 'カードの種類', en: 'Card type' },
  cardNumber: { ja: 'カード番号', en: 'Card number' },
  lostAt: { ja: '紛失に気付いた日時', en: 'When it was lost' },
  place: { ja: '紛失した場所（推定）', en: 'Where it was lost (best guess)' },
  circumstances: { ja: '紛失の状況', en: 'Circumstances' },
} satisfies Record<string, Localized>;

const form = defineForm({
  cardKind: choice(true, {
    label: L.cardKind,
    choices: [
      { value: 'own', label: { ja: '本人用', en: 'Personal' } },
      { value: 'shared', label: { ja: '共用', en: 'Shared' } },
    ],
    // 10(9)①イ only says who may use a shared card; the help says no more than that.
    help: {
      ja: '共用ICカード（利用者として登録された人だけが使うカード）の場合は「共用」を選んでください。',
      en: 'Choose "Shared" for a shared IC card (one used only by its registered users).',
    },
    article: '10(9)①イ',
  }),
  cardNumber: text(false, {
    label: L.cardNumber,
    maxLength: 50,
    placeholder: { ja: '分かる場合のみ（例: 0012345）', en: 'If known (e.g. 0012345)' },
  }),
  lostAt: datetime(true, {
    label: L.lostAt,
    defaultNow: true,
    help: { ja: '日本時間で入力してください。', en: 'Japan time.' },
  }),
  place: text(true, {
    label: L.place,
    maxLength: 200,
    placeholder: { ja: '例: 本庁舎3階会議室、通勤途中の電車内', en: 'e.g. meeting room 3F, commuter train' },
  }),
  circumstances: textarea(true, {
    label: L.circumstances,
    maxLength: 2000,
    placeholder: {
      ja: '最後に使った時刻・場所、探した場所、ストラップ等に付けていたか など',
      en: 'Last use, where you searched, whether it was on a lanyard, etc.',
    },
    help: {
      ja: '課情報セキュリティ責任者への報告内容になります。',
      en: 'This is the report to your section officer.',
    },
    article: '10(9)①エ',
  }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape);
export type LostIcCardReport = z.output<typeof FormSchema>;

function clockRules(v: LostIcCardReport, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notInFuture(errors, 'lostAt', L.lostAt, v.lostAt, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<LostIcCardReport> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
