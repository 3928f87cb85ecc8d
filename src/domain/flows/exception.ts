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

export const kind = 'exception' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: {
      ja: '例外措置は、合理的な理由がある場合に統括情報セキュリティ責任者の許可を受けて行うものです。課情報セキュリティ責任者を経由して申請します。',
      en: 'An exception needs a sound reason and the chief security officer’s permission, through your section officer.',
    },
    article: '12(6)①',
  },
  {
    text: {
      ja: '緊急を要し避けられない場合に限り、課情報セキュリティ責任者は許可前に実施できます。その場合は事後直ちに統括へ報告します。',
      en: 'Only when urgent and unavoidable may the section officer act before permission, reporting to the chief at once.',
    },
    article: '12(6)②',
  },
];

const L = {
  provision: { ja: '遵守が困難な規定', en: 'Provision that cannot be kept' },
  reason: { ja: '理由', en: 'Reason' },
  alternative: { ja: '代替措置', en: 'Alternative measure' },
  scope: { ja: '対象範囲', en: 'Scope' },
  periodStart: { ja: '適用開始日', en: 'Start date' },
  periodEnd: { ja: '適用終了日', en: 'End date' },
  urgent: { ja: '緊急（許可前に実施し、事後報告する）', en: 'Urgent (act first, report afterwards)' },
} satisfies Record<string, Localized>;

const form = defineForm({
  provision: text(true, {
    label: L.provision,
    maxLength: 200,
    placeholder: { ja: '例: 対策基準 10(4)③（遠隔消去機能）', en: 'e.g. 10(4)③ (remote wipe)' },
  }),
  reason: textarea(true, {
    label: L.reason,
    maxLength: 2000,
    help: {
      ja: '遵守が困難な状況と、行政事務の遂行に必要な理由を書いてください。',
      en: 'Why the rule cannot be kept and why the work requires it.',
    },
    article: '12(6)①',
  }),
  alternative: textarea(true, {
    label: L.alternative,
    maxLength: 2000,
    placeholder: {
      ja: '例: 持ち出し中は常時携帯し、使用後は直ちに返却する',
      en: 'e.g. carried at all times',
    },
  }),
  scope: textarea(true, {
    label: L.scope,
    maxLength: 1000,
    placeholder: { ja: '対象のシステム・端末機・職員など', en: 'Systems, terminals, staff concerned' },
  }),
  periodStart: date(true, { label: L.periodStart }),
  periodEnd: date(true, { label: L.periodEnd }),
  urgent: toggle({
    label: L.urgent,
    help: {
      ja: '緊急時は課情報セキュリティ責任者が先に実施し、統括へ事後直ちに報告します。',
      en: 'The section officer acts first and reports to the chief at once afterwards.',
    },
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
