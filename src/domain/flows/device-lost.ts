// 端末機・記録媒体の紛失・盗難 (10(6), 12(5)②): like the IC card flow, plus remote wipe (12(5)②ア).
import { z } from 'zod';
import { caseTitle, type Localized } from '../cases';
import {
  CLASS_CHOICES,
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

export const kind = 'device_lost' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: msg('flow.device_lost.report_goes_section_officer_administrator'),
    // Containment of a breach (12(5)②ア). 10(4)③ is the remote-wipe check before using a mobile
    // terminal outside, not a step after a loss.
    article: '12(5)②ア',
  },
  {
    text: msg('flow.device_lost.if_stolen_officer_consults_chief'),
    article: '12(5)②ウ',
  },
  {
    text: msg('flow.device_lost.if_found_do_not_use'),
    article: '10(6)③',
  },
];

const L = {
  deviceKind: msg('flow.device_lost.device'),
  assetNumber: msg('flow.device_lost.asset_medium_number'),
  lossType: msg('flow.device_lost.lost_stolen'),
  lostAt: msg('flow.device_lost.when_happened'),
  place: msg('flow.device_lost.where_best_guess'),
  classification: msg('flow.device_lost.classification_data'),
  encrypted: msg('flow.device_lost.encrypted'),
  remoteWipePossible: msg('flow.device_lost.remote_wipe_possible'),
  policeReported: msg('flow.device_lost.reported_police'),
  circumstances: msg('flow.device_lost.circumstances'),
} satisfies Record<string, Localized>;

const form = defineForm({
  deviceKind: choice(true, {
    label: L.deviceKind,
    choices: [
      { value: 'pc', label: msg('flow.device_lost.pc') },
      { value: 'tablet', label: msg('flow.device_lost.tablet') },
      { value: 'smartphone', label: msg('flow.device_lost.smartphone') },
      { value: 'usb_memory', label: msg('flow.device_lost.usb_memory') },
      {
        value: 'other_medium',
        label: msg('flow.device_lost.other_medium'),
      },
    ],
  }),
  assetNumber: text(false, { label: L.assetNumber, maxLength: 50 }),
  lossType: choice(true, {
    label: L.lossType,
    choices: [
      { value: 'lost', label: msg('flow.device_lost.lost') },
      { value: 'stolen', label: msg('flow.device_lost.stolen') },
    ],
  }),
  lostAt: datetime(true, { label: L.lostAt, defaultNow: true }),
  place: text(true, { label: L.place, maxLength: 200 }),
  classification: choice(true, {
    label: L.classification,
    choices: CLASS_CHOICES,
    help: msg('flow.device_lost.highest_class_data_held'),
    article: '8(3)①イ',
  }),
  encrypted: toggle({ label: L.encrypted }),
  remoteWipePossible: toggle({
    label: L.remoteWipePossible,
    help: msg('flow.device_lost.whether_remote_wipe_can_contain'),
    article: '12(5)②ア',
  }),
  policeReported: toggle({
    label: L.policeReported,
    help: msg('flow.device_lost.answer_when_stolen'),
    article: '12(5)②ウ',
  }),
  circumstances: textarea(false, { label: L.circumstances, maxLength: 2000 }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape);
export type DeviceLostReport = z.output<typeof FormSchema>;

function clockRules(v: DeviceLostReport, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notInFuture(errors, 'lostAt', L.lostAt, v.lostAt, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<DeviceLostReport> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
