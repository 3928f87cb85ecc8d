// 持ち出し申請 (8(3)①エオカ, 10(4)①③⑥, 10(4)①ただし書): the form; the decision is policy/takeout.ts.
import { z } from 'zod';
import { caseTitle, type Localized } from '../cases';
import {
  CLASS_CHOICES,
  choice,
  date,
  defineForm,
  endNotBeforeStart,
  notBeforeToday,
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

export const kind = 'takeout' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: msg('flow.takeout.class_i_ii_data_needs'),
    article: '8(3)①オ',
  },
  {
    text: msg('flow.takeout.class_i_data_needs_permission'),
    article: '8(3)①エ',
  },
  {
    text: msg('flow.takeout.terminals_media_need_permission_leave'),
    article: '10(4)①',
  },
  {
    text: msg('flow.takeout.no_permission_needed_when_stays'),
    article: '10(4)①ただし書',
  },
  {
    text: msg('flow.takeout.mobile_terminal_used_outside_must'),
    article: '10(4)③',
  },
];

const L = {
  itemKind: msg('flow.takeout.what'),
  description: msg('flow.takeout.description'),
  assetNumber: msg('flow.takeout.asset_medium_number'),
  classification: msg('flow.takeout.classification'),
  purpose: msg('flow.takeout.purpose'),
  destination: msg('flow.takeout.destination'),
  startDate: msg('flow.takeout.start_date'),
  returnDate: msg('flow.takeout.return_date'),
  protection: msg('flow.takeout.protection'),
  sameBuilding: msg('flow.takeout.stays_same_building_under_my'),
  mobileTerminal: msg('flow.takeout.mobile_terminal'),
  remoteWipeEnabled: msg('flow.takeout.remote_wipe_enabled'),
} satisfies Record<string, Localized>;

const form = defineForm({
  itemKind: choice(true, {
    label: L.itemKind,
    choices: [
      {
        value: 'data',
        label: msg('flow.takeout.data_incl_e_mail_attachment'),
      },
      {
        value: 'terminal',
        label: msg('flow.takeout.terminal_pc_tablet'),
      },
      { value: 'medium', label: msg('flow.takeout.medium_usb_memory_dvd') },
    ],
  }),
  description: text(true, {
    label: L.description,
    maxLength: 200,
    placeholder: msg('flow.takeout.e_g_briefing_slides_3'),
  }),
  assetNumber: text(false, {
    label: L.assetNumber,
    maxLength: 50,
    help: msg('flow.takeout.required_terminals_media_take_out'),
    article: '10(4)⑥',
  }),
  classification: choice(true, {
    label: L.classification,
    choices: CLASS_CHOICES,
    help: msg('flow.takeout.terminals_media_highest_class_data'),
    article: '8(3)①イ',
  }),
  purpose: textarea(true, { label: L.purpose, maxLength: 1000 }),
  destination: text(true, {
    label: L.destination,
    maxLength: 200,
    placeholder: msg('flow.takeout.e_g_city_hall_meeting'),
  }),
  sameBuilding: toggle({
    label: L.sameBuilding,
    relevantWhen: { field: 'itemKind', values: ['terminal', 'medium'] },
    help: msg('flow.takeout.then_no_permission_from_section'),
    article: '10(4)①ただし書',
  }),
  startDate: date(true, { label: L.startDate }),
  returnDate: date(true, { label: L.returnDate }),
  protection: choice(true, {
    label: L.protection,
    choices: [
      { value: 'encryption', label: msg('flow.takeout.encryption') },
      { value: 'password', label: msg('flow.takeout.password') },
      { value: 'none', label: msg('flow.takeout.none') },
    ],
    help: msg('flow.takeout.mandatory_class_i_ii_needed'),
    article: ['8(3)①オ', '8(3)①カ'],
  }),
  mobileTerminal: toggle({
    label: L.mobileTerminal,
    relevantWhen: { field: 'itemKind', values: ['terminal'] },
    help: msg('flow.takeout.terminals_only'),
  }),
  remoteWipeEnabled: toggle({
    label: L.remoteWipeEnabled,
    relevantWhen: { field: 'itemKind', values: ['terminal'] },
    help: msg('flow.takeout.required_mobile_terminal_used_outside'),
    article: '10(4)③',
  }),
});

export const fields = form.fields;

export const FormSchema = z.object(form.shape).superRefine((v, ctx) => {
  if (v.returnDate < v.startDate) endNotBeforeStart(ctx, 'returnDate', L.returnDate, L.startDate);
  if (v.itemKind !== 'data' && v.assetNumber === undefined) {
    requiredWhen(ctx, 'assetNumber', L.assetNumber, msg('flow.takeout.terminal_medium'));
  }
});
export type TakeoutRequest = z.output<typeof FormSchema>;
export type TakeoutItemKind = TakeoutRequest['itemKind'];
export type TakeoutProtection = TakeoutRequest['protection'];

// Permission comes before the take-out (10(4)①): a request cannot start in the past.
function clockRules(v: TakeoutRequest, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notBeforeToday(errors, 'startDate', L.startDate, v.startDate, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<TakeoutRequest> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
