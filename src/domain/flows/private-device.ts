// 私物端末・外部サービスの業務利用申請 (10(3), 10(4)②): prohibited unless the section officer permits.
import { z } from 'zod';
import { caseTitle, type Localized } from '../cases';
import {
  choice,
  date,
  defineForm,
  endNotBeforeStart,
  notBeforeToday,
  runValidation,
  text,
  textarea,
  type FieldErrors,
  type GuidanceItem,
  type ValidationContext,
  type ValidationResult,
} from './form';
import { msg } from '../../i18n';

export const kind = 'private_device' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: msg('flow.private_device.only_issued_terminals_media_may'),
    article: '10(4)②',
  },
  {
    text: msg('flow.private_device.free_mail_online_storage_may'),
    article: '10(3)',
  },
];

const L = {
  deviceKind: msg('flow.private_device.kind'),
  name: msg('flow.private_device.name'),
  purpose: msg('flow.private_device.purpose'),
  reasonCategory: msg('flow.private_device.reason'),
  justification: msg('flow.private_device.why_needed'),
  periodStart: msg('flow.private_device.start_date'),
  periodEnd: msg('flow.private_device.end_date'),
} satisfies Record<string, Localized>;

const form = defineForm({
  deviceKind: choice(true, {
    label: L.deviceKind,
    choices: [
      { value: 'private_terminal', label: msg('flow.private_device.private_terminal') },
      { value: 'private_medium', label: msg('flow.private_device.private_medium') },
      {
        value: 'external_service',
        label: msg('flow.private_device.external_service_free_mail_online'),
      },
    ],
  }),
  name: text(true, {
    label: L.name,
    maxLength: 200,
    placeholder: msg('flow.private_device.e_g_own_laptop_storage'),
  }),
  purpose: textarea(true, { label: L.purpose, maxLength: 1000 }),
  reasonCategory: choice(true, {
    label: L.reasonCategory,
    choices: [
      { value: 'disaster_response', label: msg('flow.private_device.disaster_response') },
      { value: 'other_business_need', label: msg('flow.private_device.other_business_need') },
    ],
    article: '10(4)②',
  }),
  justification: textarea(true, {
    label: L.justification,
    maxLength: 2000,
    help: msg('flow.private_device.why_issued_equipment_cannot_do'),
    article: '10(3)',
  }),
  periodStart: date(true, { label: L.periodStart }),
  periodEnd: date(true, { label: L.periodEnd }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape).superRefine((v, ctx) => {
  if (v.periodEnd < v.periodStart) endNotBeforeStart(ctx, 'periodEnd', L.periodEnd, L.periodStart);
});
export type PrivateDeviceRequest = z.output<typeof FormSchema>;

function clockRules(v: PrivateDeviceRequest, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notBeforeToday(errors, 'periodStart', L.periodStart, v.periodStart, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<PrivateDeviceRequest> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
