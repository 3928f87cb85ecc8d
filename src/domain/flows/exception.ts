// 例外措置申請 (12(6)①②): normal requests are forwarded by the section officer and approved by 統括;
// urgent ones are carried out first and reported to 統括 at once afterwards (事後報告).
import { z } from 'zod';
import { caseTitle, type Localized } from '../cases';
import {
  date,
  defineForm,
  endNotBeforeStart,
  notBeforeToday,
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

export const kind = 'exception' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: msg('flow.exception.exception_needs_sound_reason_chief'),
    article: '12(6)①',
  },
  {
    text: msg('flow.exception.only_when_urgent_unavoidable_may'),
    article: '12(6)②',
  },
];

const L = {
  provision: msg('flow.exception.provision_cannot_kept'),
  reason: msg('flow.exception.reason'),
  alternative: msg('flow.exception.alternative_measure'),
  scope: msg('flow.exception.scope'),
  periodStart: msg('flow.exception.start_date'),
  periodEnd: msg('flow.exception.end_date'),
  urgent: msg('flow.exception.urgent_act_first_report_afterwards'),
} satisfies Record<string, Localized>;

const form = defineForm({
  provision: text(true, {
    label: L.provision,
    maxLength: 200,
    placeholder: msg('flow.exception.e_g_10_4_remote'),
  }),
  reason: textarea(true, {
    label: L.reason,
    maxLength: 2000,
    help: msg('flow.exception.why_rule_cannot_kept_why'),
    article: '12(6)①',
  }),
  alternative: textarea(true, {
    label: L.alternative,
    maxLength: 2000,
    placeholder: msg('flow.exception.e_g_carried_all_times'),
  }),
  scope: textarea(true, {
    label: L.scope,
    maxLength: 1000,
    placeholder: msg('flow.exception.systems_terminals_staff_concerned'),
  }),
  periodStart: date(true, { label: L.periodStart }),
  periodEnd: date(true, { label: L.periodEnd }),
  urgent: toggle({
    label: L.urgent,
    help: msg('flow.exception.section_officer_acts_first_reports'),
    article: '12(6)②',
  }),
});

export const fields = form.fields;

export const FormSchema = z.object(form.shape).superRefine((v, ctx) => {
  if (v.periodEnd < v.periodStart) endNotBeforeStart(ctx, 'periodEnd', L.periodEnd, L.periodStart);
});
export type ExceptionRequest = z.output<typeof FormSchema>;

function clockRules(v: ExceptionRequest, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  // A normal exception needs permission first (12(6)①), so it cannot start in the past; an urgent one
  // may already be in force (12(6)②). Neither may have ended already.
  if (!v.urgent) notBeforeToday(errors, 'periodStart', L.periodStart, v.periodStart, ctx.now);
  notBeforeToday(errors, 'periodEnd', L.periodEnd, v.periodEnd, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<ExceptionRequest> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
