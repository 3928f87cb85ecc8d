// 不正アクセス・サイバー攻撃 (11(2)⑦, 12(5)②): an attack on a system by unauthorised access, distinct
// from a virus found on one PC (11(3)⑤⑥). Cut the connection and keep the records first, then report.
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

export const kind = 'cyber_attack' as const;
export const title = caseTitle(kind);

/** Shown before any question: the immediate instructions. */
export const guidance: readonly GuidanceItem[] = [
  { text: msg('flow.cyber_attack.cut_connection_now'), article: '11(2)⑦' },
  { text: msg('flow.cyber_attack.keep_logs_and_records'), article: '12(5)②ク' },
  { text: msg('flow.cyber_attack.report_goes_to'), article: '12(5)②イ' },
];

const L = {
  system: msg('flow.cyber_attack.system'),
  observed: msg('flow.cyber_attack.observed'),
  details: msg('flow.cyber_attack.details'),
  seenAt: msg('flow.cyber_attack.seen_at'),
  connectionCut: msg('flow.cyber_attack.connection_cut'),
  personalData: msg('flow.cyber_attack.personal_data'),
  damageContinues: msg('flow.cyber_attack.damage_continues'),
} satisfies Record<string, Localized>;

const form = defineForm({
  system: text(true, {
    label: L.system,
    maxLength: 200,
    placeholder: msg('flow.cyber_attack.system_placeholder'),
  }),
  observed: choice(true, {
    label: L.observed,
    choices: [
      { value: 'unauthorised_login', label: msg('flow.cyber_attack.observed.unauthorised_login') },
      { value: 'tampering', label: msg('flow.cyber_attack.observed.tampering') },
      { value: 'service_down', label: msg('flow.cyber_attack.observed.service_down') },
      { value: 'data_exfiltration', label: msg('flow.cyber_attack.observed.data_exfiltration') },
      { value: 'external_notice', label: msg('flow.cyber_attack.observed.external_notice') },
      { value: 'other', label: msg('flow.cyber_attack.observed.other') },
    ],
  }),
  details: textarea(false, {
    label: L.details,
    maxLength: 2000,
    placeholder: msg('flow.cyber_attack.details_placeholder'),
  }),
  seenAt: datetime(true, { label: L.seenAt, defaultNow: true }),
  connectionCut: toggle({
    label: L.connectionCut,
    help: msg('flow.cyber_attack.connection_cut_help'),
    article: '11(2)⑦',
  }),
  personalData: choice(true, {
    label: L.personalData,
    choices: [
      { value: 'yes', label: msg('flow.cyber_attack.personal_data.yes') },
      { value: 'no', label: msg('flow.cyber_attack.personal_data.no') },
      { value: 'unknown', label: msg('flow.cyber_attack.personal_data.unknown') },
    ],
    article: '12(5)②イ',
  }),
  damageContinues: toggle({ label: L.damageContinues, article: '12(5)②キ' }),
});

export const fields = form.fields;
// Not cut off is accepted on purpose: the report must get through; the evaluation flags it.
export const FormSchema = z.object(form.shape);
export type CyberAttackReport = z.output<typeof FormSchema>;

function clockRules(v: CyberAttackReport, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notInFuture(errors, 'seenAt', L.seenAt, v.seenAt, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<CyberAttackReport> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
