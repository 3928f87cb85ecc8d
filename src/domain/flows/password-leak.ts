// パスワード流出の可能性 (10(8)②カ): report to the section officer and change the password.
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
  toggle,
  type FieldErrors,
  type GuidanceItem,
  type ValidationContext,
  type ValidationResult,
} from './form';

export const kind = 'password_leak' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: { ja: '今すぐパスワードを変更してください。', en: 'Change the password now.' },
    article: '10(8)②カ',
  },
  {
    text: {
      ja: '異なるシステムの間でパスワードを共有してはいけません。同じパスワードをほかのシステムでも使っている場合は、そちらも変更してください。',
      en: 'A password may not be shared between systems: if you use the same one elsewhere, change it there too.',
    },
    article: '10(8)②エ',
  },
  {
    text: {
      ja: 'パスワードの照会には電話・メールを問わず一切応じないでください。',
      en: 'Never answer requests for your password, by phone or e-mail.',
    },
    article: '10(8)②イ',
  },
];

const L = {
  system: { ja: 'システム名', en: 'System' },
  accountId: { ja: 'ユーザID', en: 'User ID' },
  leakRoute: { ja: '流出の可能性がある経緯', en: 'How it may have leaked' },
  details: { ja: '詳しい状況', en: 'Details' },
  noticedAt: { ja: '気付いた日時', en: 'When noticed' },
  alreadyChanged: { ja: 'パスワードは変更済み', en: 'Password already changed' },
} satisfies Record<string, Localized>;

const form = defineForm({
  system: text(true, {
    label: L.system,
    maxLength: 200,
    placeholder: { ja: '例: 財務会計システム、グループウェア', en: 'e.g. accounting system, groupware' },
  }),
  accountId: text(false, {
    label: L.accountId,
    maxLength: 100,
    help: { ja: 'パスワード自体は入力しないでください。', en: 'Never type the password itself.' },
  }),
  leakRoute: choice(true, {
    label: L.leakRoute,
    choices: [
      {
        value: 'phishing',
        label: { ja: '偽サイト・不審メールで入力した', en: 'Entered on a fake site / phishing mail' },
      },
      { value: 'seen_by_others', label: { ja: '他人に見られた・教えた', en: 'Seen by or told to someone' } },
      { value: 'note_lost', label: { ja: 'メモ等を紛失した', en: 'Lost a written note' } },
      {
        value: 'suspicious_login',
        label: { ja: '身に覚えのないログインがあった', en: 'Unknown sign-in noticed' },
      },
      { value: 'other', label: { ja: 'その他', en: 'Other' } },
    ],
  }),
  details: textarea(false, { label: L.details, maxLength: 2000 }),
  noticedAt: datetime(true, { label: L.noticedAt, defaultNow: true }),
  alreadyChanged: toggle({ label: L.alreadyChanged, article: '10(8)②カ' }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape);
export type PasswordLeakReport = z.output<typeof FormSchema>;

function clockRules(v: PasswordLeakReport, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notInFuture(errors, 'noticedAt', L.noticedAt, v.noticedAt, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<PasswordLeakReport> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
