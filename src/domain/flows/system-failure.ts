// システム障害 (12(5)①): staff → officer → 統括 → IT管理者 → officers of the affected sections.
import { z } from 'zod';
import { OPERATING_RULE } from '../articles';
import { caseTitle, type Localized } from '../cases';
import {
  choice,
  datetime,
  defineForm,
  notInFuture,
  requiredWhen,
  runValidation,
  text,
  textarea,
  type FieldErrors,
  type GuidanceItem,
  type ValidationContext,
  type ValidationResult,
} from './form';
import { msg } from '../../i18n';

export const kind = 'system_failure' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: msg('flow.system_failure.goes_section_officer_who_checks'),
    article: '12(5)①イ',
  },
  {
    // Screenshots help the officer's investigation (12(5)①イ), but no article asks staff for them.
    text: msg('flow.system_failure.record_error_messages_screens_e'),
    article: OPERATING_RULE,
  },
  {
    // A failure is a security incident (2(4)); staff act as the officer instructs.
    text: msg('flow.system_failure.do_not_restart_repair_own'),
    article: '10(6)③',
  },
];

const L = {
  systemName: msg('flow.system_failure.system'),
  symptom: msg('flow.system_failure.symptom'),
  since: msg('flow.system_failure.since_when'),
  scope: msg('flow.system_failure.scope'),
  otherSections: msg('flow.system_failure.other_affected_sections'),
} satisfies Record<string, Localized>;

const form = defineForm({
  systemName: text(true, { label: L.systemName, maxLength: 200 }),
  symptom: textarea(true, {
    label: L.symptom,
    maxLength: 2000,
    placeholder: msg('flow.system_failure.e_g_cannot_log'),
  }),
  since: datetime(true, { label: L.since, defaultNow: true }),
  scope: choice(true, {
    label: L.scope,
    choices: [
      { value: 'own_section', label: msg('flow.system_failure.own_section_only') },
      { value: 'several_sections', label: msg('flow.system_failure.several_sections') },
      { value: 'all', label: msg('flow.system_failure.whole_organisation') },
      { value: 'unknown', label: msg('flow.system_failure.unknown') },
    ],
  }),
  otherSections: text(false, {
    label: L.otherSections,
    maxLength: 500,
    // What the bot does: the officers of the sections named here get the report at once. That is the
    // organisation's rule; 12(5)①ウ has 統括 and IT管理者 pass it on (the IT administrator's card says so).
    help: msg('flow.system_failure.section_names_far_known_officers'),
    article: OPERATING_RULE,
  }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape).superRefine((v, ctx) => {
  if (v.scope === 'several_sections' && v.otherSections === undefined) {
    requiredWhen(
      ctx,
      'otherSections',
      L.otherSections,
      msg('flow.system_failure.when_several_sections_affected'),
    );
  }
});
export type SystemFailureReport = z.output<typeof FormSchema>;

function clockRules(v: SystemFailureReport, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notInFuture(errors, 'since', L.since, v.since, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<SystemFailureReport> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
