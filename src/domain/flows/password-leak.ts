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
import { msg } from '../../i18n';

export const kind = 'password_leak' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: msg('flow.password_leak.change_password_now'),
    article: '10(8)②カ',
  },
  {
    text: msg('flow.password_leak.temporary_password_guidance'),
    article: '10(8)①',
  },
  {
    text: msg('flow.password_leak.password_may_not_shared_between'),
    article: '10(8)②エ',
  },
  {
    text: msg('flow.password_leak.never_answer_requests_password_phone'),
    article: '10(8)②イ',
  },
];

const L = {
  system: msg('flow.password_leak.system'),
  accountId: msg('flow.password_leak.user_id'),
  leakRoute: msg('flow.password_leak.how_may_have_leaked'),
  details: msg('flow.password_leak.details'),
  noticedAt: msg('flow.password_leak.when_noticed'),
  alreadyChanged: msg('flow.password_leak.password_already_changed'),
  temporaryPassword: msg('flow.password_leak.temporary_password'),
  changedAfterLogin: msg('flow.password_leak.changed_after_login'),
} satisfies Record<string, Localized>;

const form = defineForm({
  system: text(true, {
    label: L.system,
    maxLength: 200,
    placeholder: msg('flow.password_leak.e_g_accounting_system_groupware'),
  }),
  accountId: text(false, {
    label: L.accountId,
    maxLength: 100,
    help: msg('flow.password_leak.never_type_password_itself'),
  }),
  leakRoute: choice(true, {
    label: L.leakRoute,
    choices: [
      {
        value: 'phishing',
        label: msg('flow.password_leak.entered_fake_site_phishing_mail'),
      },
      { value: 'seen_by_others', label: msg('flow.password_leak.seen_told_someone') },
      { value: 'note_lost', label: msg('flow.password_leak.lost_written_note') },
      {
        value: 'suspicious_login',
        label: msg('flow.password_leak.unknown_sign_noticed'),
      },
      { value: 'other', label: msg('flow.password_leak.other') },
    ],
  }),
  details: textarea(false, { label: L.details, maxLength: 2000 }),
  noticedAt: datetime(true, { label: L.noticedAt, defaultNow: true }),
  alreadyChanged: toggle({ label: L.alreadyChanged, article: '10(8)②カ' }),
  // 10(8)①: a first-time user's password is a temporary one the officer issued, to be changed at once
  // after logging in. The answers are kept on the case and the guidance follows from them.
  temporaryPassword: toggle({
    label: L.temporaryPassword,
    help: msg('flow.password_leak.temporary_password_help'),
    article: '10(8)①',
  }),
  changedAfterLogin: toggle({
    label: L.changedAfterLogin,
    article: '10(8)①',
    relevantWhen: { field: 'temporaryPassword', values: ['true'] },
  }),
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
