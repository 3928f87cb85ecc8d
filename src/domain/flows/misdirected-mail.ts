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
import { msg } from '../../i18n';

export const kind = 'misdirected_mail' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    // The organisation's rule: 8(3)①キ says nothing about the clean-up after a slip.
    text: msg('flow.misdirected_mail.contact_wrong_recipient_ask_them'),
    article: OPERATING_RULE,
  },
  {
    text: msg('flow.misdirected_mail.from_now_including_sending_right'),
    article: '10(6)③',
  },
  {
    text: msg('flow.misdirected_mail.keep_sent_mail_do_not'),
    article: '12(5)②ク',
  },
  {
    text: msg('flow.misdirected_mail.when_send_data_e_mail'),
    article: '8(3)①キ',
  },
];

const L = {
  sentAt: msg('flow.misdirected_mail.when_sent'),
  wrongAddress: msg('flow.misdirected_mail.wrong_address'),
  recipientScope: msg('flow.misdirected_mail.wrong_address_2'),
  intendedAddress: msg('flow.misdirected_mail.intended_address'),
  classification: msg('flow.misdirected_mail.classification_what_was_sent'),
  summary: msg('flow.misdirected_mail.subject_summary'),
  personalInfo: msg('flow.misdirected_mail.contains_personal_information'),
  affectedPersons: msg('flow.misdirected_mail.number_persons_affected'),
  sensitivePersonalInfo: msg('flow.misdirected_mail.contains_sensitive_personal_information'),
  propertyDamageRisk: msg('flow.misdirected_mail.risk_financial_loss_bank_card'),
  wrongfulPurpose: msg('flow.misdirected_mail.wrongful_purpose_suspected'),
  attachment: msg('flow.misdirected_mail.attachment'),
  deletionRequested: msg('flow.misdirected_mail.deletion_requested_from_recipient'),
} satisfies Record<string, Localized>;

const form = defineForm({
  sentAt: datetime(true, { label: L.sentAt, defaultNow: true }),
  wrongAddress: text(true, {
    label: L.wrongAddress,
    maxLength: 254,
    check: emailCheck(L.wrongAddress),
    placeholder: msg('flow.misdirected_mail.e_g_tanaka_example_co'),
  }),
  recipientScope: choice(true, {
    label: L.recipientScope,
    choices: [
      { value: 'internal', label: msg('flow.misdirected_mail.internal_staff') },
      { value: 'external', label: msg('flow.misdirected_mail.external') },
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
    help: msg('flow.misdirected_mail.if_several_choose_highest_class'),
    article: '8(3)①イ',
  }),
  summary: textarea(false, { label: L.summary, maxLength: 2000 }),
  personalInfo: toggle({
    label: L.personalInfo,
    help: msg('flow.misdirected_mail.personal_information_makes_possible_personal'),
  }),
  affectedPersons: integer(false, {
    label: L.affectedPersons,
    min: 1,
    max: 10_000_000,
    help: msg('flow.misdirected_mail.required_personal_information_over_100'),
  }),
  sensitivePersonalInfo: toggle({
    label: L.sensitivePersonalInfo,
    help: msg('flow.misdirected_mail.medical_history_criminal_record_race'),
    article: '個人情報保護法2条3項',
  }),
  propertyDamageRisk: toggle({ label: L.propertyDamageRisk }),
  wrongfulPurpose: toggle({ label: L.wrongfulPurpose }),
  attachment: choice(true, {
    label: L.attachment,
    choices: [
      { value: 'encrypted', label: msg('flow.misdirected_mail.yes_encrypted') },
      { value: 'not_encrypted', label: msg('flow.misdirected_mail.yes_not_encrypted') },
      { value: 'none', label: msg('flow.misdirected_mail.no_attachment') },
    ],
  }),
  deletionRequested: toggle({ label: L.deletionRequested, article: OPERATING_RULE }),
});

export const fields = form.fields;

export const FormSchema = z.object(form.shape).superRefine((v, ctx) => {
  if (v.personalInfo && v.affectedPersons === undefined) {
    requiredWhen(
      ctx,
      'affectedPersons',
      L.affectedPersons,
      msg('flow.misdirected_mail.when_personal_information_included'),
    );
  }
  // Sensitive data, card data and wrongful purpose are all about personal information (APPI rules 43):
  // answering them "yes" without personal information is a contradiction to resolve, not to guess.
  if (!v.personalInfo && (v.sensitivePersonalInfo || v.propertyDamageRisk || v.wrongfulPurpose)) {
    addError(ctx, 'personalInfo', msg('flow.misdirected_mail.switch_contains_personal_information_when'));
  }
  if (v.wrongAddress.toLowerCase() === v.intendedAddress.toLowerCase()) {
    addError(ctx, 'wrongAddress', msg('flow.misdirected_mail.wrong_address_same_intended_one'));
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
