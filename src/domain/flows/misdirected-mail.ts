// メール誤送信 (10(6), 12(5)②; 8(3)①キ is the rule about checking the address before sending):
// ask the recipient to delete (運用ルール), keep the evidence, assess a personal-data leak.
import { z } from 'zod';
import { OPERATING_RULE } from '../articles';
import { caseTitle, type Localized } from '../cases';
import {
  CLASS_CHOICES,
  addError,
  choice,
  datetime,
  defineForm,
  emailCheck,
  integer,
  notInFuture,
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

export const kind = 'misdirected_mail' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    // The organisation's rule: 8(3)①キ says nothing about the clean-up after a slip.
    text: {
      ja: '誤って送った相手に連絡し、メール（添付ファイルを含む）の削除を依頼してください。削除した旨の返信ももらってください。同じ内容は再送しないでください。',
      en: 'Contact the wrong recipient and ask them to delete the mail and attachments, and to confirm by reply. Do not resend.',
    },
    article: OPERATING_RULE,
  },
  {
    text: {
      ja: '正しい宛先への送付など、以後は課情報セキュリティ責任者の指示に従ってください。',
      en: 'From now on, including sending to the right address, follow your section officer’s instructions.',
    },
    article: '10(6)③',
  },
  {
    text: {
      ja: '送信済みメールは削除せず、そのまま残してください（証拠保全）。',
      en: 'Keep the sent mail; do not delete it (evidence).',
    },
    article: '12(5)②ク',
  },
  {
    text: {
      ja: '今後、メールでデータを送るときは送信先のアドレスを十分に確認し、必要に応じて受領確認を行ってください。',
      en: 'When you send data by e-mail, check the address carefully and confirm receipt where needed.',
    },
    article: '8(3)①キ',
  },
];

const L = {
  sentAt: { ja: '送信日時', en: 'When sent' },
  wrongAddress: { ja: '誤送信先のメールアドレス', en: 'Wrong address' },
  recipientScope: { ja: '誤送信先の区分', en: 'Wrong address is' },
  intendedAddress: { ja: '本来の送信先のメールアドレス', en: 'Intended address' },
  classification: { ja: '送信した情報の重要性分類', en: 'Classification of what was sent' },
  summary: { ja: '件名・内容の概要', en: 'Subject and summary' },
  personalInfo: { ja: '個人情報を含む', en: 'Contains personal information' },
  affectedPersons: { ja: '個人情報の本人の人数', en: 'Number of persons affected' },
  sensitivePersonalInfo: { ja: '要配慮個人情報を含む', en: 'Contains sensitive personal information' },
  propertyDamageRisk: {
    ja: '財産的被害のおそれがある（口座番号・クレジットカード番号等）',
    en: 'Risk of financial loss (bank or card data)',
  },
  wrongfulPurpose: { ja: '不正の目的によるおそれがある', en: 'Wrongful purpose suspected' },
  attachment: { ja: '添付ファイル', en: 'Attachment' },
  deletionRequested: { ja: '誤送信先に削除を依頼した', en: 'Deletion requested from the recipient' },
} satisfies Record<string, Localized>;

const form = defineForm({
  sentAt: datetime(true, { label: L.sentAt, defaultNow: true }),
  wrongAddress: text(true, {
    label: L.wrongAddress,
    maxLength: 254,
    check: emailCheck(L.wrongAddress),
    placeholder: { ja: '例: tanaka@example.co.jp', en: 'e.g. tanaka@example.co.jp' },
  }),
  recipientScope: choice(true, {
    label: L.recipientScope,
    choices: [
      { value: 'internal', label: { ja: '組合内（職員）', en: 'Internal (staff)' } },
      { value: 'external', label: { ja: '組合外', en: 'External' } },
    ],
  }),
  intendedAddress: text(true, {
    label: L.intendedAddress,
    maxLength: 254,
    check: emailCheck(L.intendedAddress),
  }),
  classification: choice(true, {
    label: L.classification,
    choices: CLASS_CHOICES,
    help: {
      ja: '複数の情報を含む場合は最も上位の分類を選んでください。',
      en: 'If several, choose the highest class.',
    },
    article: '8(3)①イ',
  }),
  summary: textarea(false, { label: L.summary, maxLength: 2000 }),
  personalInfo: toggle({
    label: L.personalInfo,
    help: {
      ja: '個人情報を含む場合は個人データ漏えいの可能性として統括情報セキュリティ責任者に報告されます。',
      en: 'Personal information makes this a possible personal-data leak reported to the chief officer.',
    },
  }),
  affectedPersons: integer(false, {
    label: L.affectedPersons,
    min: 1,
    max: 10_000_000,
    help: {
      ja: '個人情報を含む場合は必須です。100人を超えると個人情報保護委員会への報告対象になります。',
      en: 'Required with personal information. Over 100 persons must be reported to the Commission.',
    },
  }),
  sensitivePersonalInfo: toggle({
    label: L.sensitivePersonalInfo,
    help: {
      ja: '病歴、犯罪の経歴、人種、信条、社会的身分など。',
      en: 'Medical history, criminal record, race, creed, social status, etc.',
    },
    article: '個人情報保護法2条3項',
  }),
  propertyDamageRisk: toggle({ label: L.propertyDamageRisk }),
  wrongfulPurpose: toggle({ label: L.wrongfulPurpose }),
  attachment: choice(true, {
    label: L.attachment,
    choices: [
      { value: 'encrypted', label: { ja: 'あり（暗号化・パスワード設定済み）', en: 'Yes, encrypted' } },
      { value: 'not_encrypted', label: { ja: 'あり（暗号化なし）', en: 'Yes, not encrypted' } },
      { value: 'none', label: { ja: 'なし', en: 'No attachment' } },
    ],
  }),
  deletionRequested: toggle({ label: L.deletionRequested, article: OPERATING_RULE }),
});

export const fields = form.fields;

export const FormSchema = z.object(form.shape).superRefine((v, ctx) => {
  if (v.personalInfo && v.affectedPersons === undefined) {
    requiredWhen(ctx, 'affectedPersons', L.affectedPersons, {
      ja: '個人情報を含む場合',
      en: 'When personal information is included',
    });
  }
  // Sensitive data, card data and wrongful purpose are all about personal information (APPI rules 43):
  // answering them "yes" without personal information is a contradiction to resolve, not to guess.
  if (!v.personalInfo && (v.sensitivePersonalInfo || v.propertyDamageRisk || v.wrongfulPurpose)) {
    addError(ctx, 'personalInfo', {
      ja: '要配慮個人情報・財産的被害・不正の目的に該当する場合は「個人情報を含む」をオンにしてください。',
      en: 'Switch on "Contains personal information" when sensitive data, financial risk or wrongful purpose apply.',
    });
  }
  if (v.wrongAddress.toLowerCase() === v.intendedAddress.toLowerCase()) {
    addError(ctx, 'wrongAddress', {
      ja: '誤送信先と本来の送信先が同じです。',
      en: 'The wrong address is the same as the intended one.',
    });
  }
});
export type MisdirectedMailReport = z.output<typeof FormSchema>;

function clockRules(v: MisdirectedMailReport, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notInFuture(errors, 'sentAt', L.sentAt, v.sentAt, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<MisdirectedMailReport> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
