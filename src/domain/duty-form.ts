// Completing a duty (定期業務): what the owner records on the card — the result, the findings, the
// attachments as text or links and, for the self-inspection (14(1) second sentence), whether the
// standard needs revising, which is then reported to 統括. Pure: the fields and their validation.
import { z } from 'zod';
import { msg } from '../i18n';
import type { Localized } from './cases';
import { DUTY_DEFINITIONS, type DutyKind } from './duties';
import {
  addError,
  choice,
  defineForm,
  runValidation,
  textarea,
  toggle,
  type FieldDef,
  type ValidationResult,
} from './flows/form';

export const DUTY_RESULTS = ['no_issue', 'issues_found'] as const;
export type DutyResult = (typeof DUTY_RESULTS)[number];

export const DUTY_LABELS = {
  result: msg('duty.field.result'),
  findings: msg('duty.field.findings'),
  attachments: msg('duty.field.attachments'),
  revisionNeeded: msg('duty.field.revision_needed'),
} as const satisfies Record<string, Localized>;

export const DUTY_RESULT_LABELS: Readonly<Record<DutyResult, Localized>> = {
  no_issue: msg('duty.result.no_issue'),
  issues_found: msg('duty.result.issues_found'),
};

const base = defineForm({
  result: choice(true, {
    label: DUTY_LABELS.result,
    choices: DUTY_RESULTS.map((value) => ({ value, label: DUTY_RESULT_LABELS[value] })),
  }),
  findings: textarea(false, {
    label: DUTY_LABELS.findings,
    maxLength: 2000,
    placeholder: msg('duty.placeholder.findings'),
  }),
  attachments: textarea(false, {
    label: DUTY_LABELS.attachments,
    maxLength: 2000,
    placeholder: msg('duty.placeholder.attachments'),
    help: msg('duty.help.attachments'),
  }),
});

// 14(1) second sentence: "対策基準を改定する要を認めるとき" the officer reports it to 統括.
const revision = defineForm({
  revisionNeeded: toggle({ label: DUTY_LABELS.revisionNeeded, article: '14(1)' }),
});

/** The completion form's fields for a duty of this kind. */
export function dutyFormFields(kind: DutyKind): FieldDef[] {
  return DUTY_DEFINITIONS[kind].reportsToChief === 'if_flagged'
    ? [...base.fields, ...revision.fields]
    : [...base.fields];
}

const DutyCompletionSchema = z.object({ ...base.shape, ...revision.shape }).superRefine((v, ctx) => {
  // Findings are what an inspection that found something must say.
  if (v.result === 'issues_found' && !v.findings)
    addError(ctx, 'findings', msg('duty.error.findings_required'), v.findings);
  if (v.revisionNeeded && !v.findings)
    addError(ctx, 'findings', msg('duty.error.revision_findings'), v.findings);
});
export type DutyCompletion = z.output<typeof DutyCompletionSchema>;

/** Validates what was typed; the revision flag only counts for the kinds that have it. */
export function validateDutyCompletion(
  kind: DutyKind,
  answers: Readonly<Record<string, string>>,
  now: Date,
): ValidationResult<DutyCompletion> {
  const raw =
    DUTY_DEFINITIONS[kind].reportsToChief === 'if_flagged' ? answers : { ...answers, revisionNeeded: '' };
  return runValidation(DutyCompletionSchema, raw, { now });
}

/** Whether completing it reports to 統括: always for 13(1), 9(1)④, 12(1)③キ; 14(1) when flagged. */
export function reportsToChief(kind: DutyKind, c: Pick<DutyCompletion, 'revisionNeeded'>): boolean {
  const r = DUTY_DEFINITIONS[kind].reportsToChief;
  return r === 'always' || (r === 'if_flagged' && c.revisionNeeded);
}
