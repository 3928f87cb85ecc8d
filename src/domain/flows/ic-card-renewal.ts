// ICカード更新の記録 (10(9)③): when an IC card is renewed, the section officer collects the old card
// and destroys it (physically, e.g. crushed) so that its credentials cannot be restored, then records
// it here. A record, not a permission: it is filed closed and listed in the renewal record (ledger).
import { z } from 'zod';
import { caseTitle, type Localized } from '../cases';
import {
  addError,
  choice,
  datetime,
  defineForm,
  notInFuture,
  runValidation,
  text,
  toggle,
  type FieldErrors,
  type GuidanceItem,
  type ValidationContext,
  type ValidationResult,
} from './form';
import { msg } from '../../i18n';

export const kind = 'ic_card_renewal' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  { text: msg('permissions.renewal.guidance'), article: '10(9)③' },
];

const L = {
  cardNumber: msg('permissions.renewal.card_number'),
  collectedFrom: msg('permissions.renewal.collected_from'),
  collectedAt: msg('permissions.renewal.collected_at'),
  destroyedAt: msg('permissions.renewal.destroyed_at'),
  method: msg('permissions.renewal.method'),
  methodDetail: msg('permissions.renewal.method_detail'),
  unrecoverable: msg('permissions.renewal.unrecoverable'),
  destroyedBy: msg('permissions.renewal.destroyed_by'),
  newCardNumber: msg('permissions.renewal.new_card_number'),
} satisfies Record<string, Localized>;

const form = defineForm({
  cardNumber: text(true, { label: L.cardNumber, maxLength: 50 }),
  collectedFrom: text(true, { label: L.collectedFrom, maxLength: 100 }),
  collectedAt: datetime(true, { label: L.collectedAt, defaultNow: true }),
  destroyedAt: datetime(true, { label: L.destroyedAt, defaultNow: true }),
  method: choice(true, {
    label: L.method,
    choices: [
      { value: 'crushed', label: msg('permissions.renewal.method_crushed') },
      { value: 'shredded', label: msg('permissions.renewal.method_shredded') },
      { value: 'other', label: msg('permissions.renewal.method_other') },
    ],
    article: '10(9)③',
  }),
  methodDetail: text(false, {
    label: L.methodDetail,
    maxLength: 200,
    relevantWhen: { field: 'method', values: ['other'] },
  }),
  unrecoverable: toggle({ label: L.unrecoverable, article: '10(9)③' }),
  destroyedBy: text(true, { label: L.destroyedBy, maxLength: 100 }),
  newCardNumber: text(false, { label: L.newCardNumber, maxLength: 50 }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape).superRefine((v, ctx) => {
  if (v.method === 'other' && (v.methodDetail ?? '') === '')
    addError(ctx, 'methodDetail', msg('permissions.renewal.method_detail_required'));
  // 10(9)③: the card is discarded only once its credentials cannot be restored.
  if (!v.unrecoverable) addError(ctx, 'unrecoverable', msg('permissions.renewal.unrecoverable_required'));
  if (v.destroyedAt.getTime() < v.collectedAt.getTime())
    addError(ctx, 'destroyedAt', msg('permissions.renewal.destroyed_before_collected'));
});
export type IcCardRenewalRecord = z.output<typeof FormSchema>;

function clockRules(v: IcCardRenewalRecord, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  // A record of what was done: neither step can lie in the future.
  notInFuture(errors, 'collectedAt', L.collectedAt, v.collectedAt, ctx.now);
  notInFuture(errors, 'destroyedAt', L.destroyedAt, v.destroyedAt, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<IcCardRenewalRecord> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
