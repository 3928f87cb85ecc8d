// 無線LAN整備の許可申請 (9(3)③): a network may be built wireless only for a sound reason why a wired
// one does not suit, with the permission of 統括, who decides. The article names no requester: that a
// section officer or an IT管理者 (who build networks) files it is 運用ルール (policy/network-requests.ts).
import { z } from 'zod';
import { caseTitle, type Localized } from '../cases';
import {
  date,
  defineForm,
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

export const kind = 'wireless_lan' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  { text: msg('permissions.wireless.guidance_reason_and_chief'), article: '9(3)③' },
];

const L = {
  network: msg('permissions.wireless.network'),
  place: msg('permissions.wireless.place'),
  purpose: msg('permissions.wireless.purpose'),
  wiredUnsuitable: msg('permissions.wireless.wired_unsuitable'),
  measures: msg('permissions.wireless.measures'),
  startDate: msg('permissions.wireless.start_date'),
} satisfies Record<string, Localized>;

const form = defineForm({
  network: text(true, {
    label: L.network,
    maxLength: 200,
    placeholder: msg('permissions.wireless.network_placeholder'),
  }),
  place: text(true, { label: L.place, maxLength: 200 }),
  purpose: textarea(true, { label: L.purpose, maxLength: 1000 }),
  // What 9(3)③ asks: the sound reason why a wired network does not suit.
  wiredUnsuitable: textarea(true, {
    label: L.wiredUnsuitable,
    maxLength: 2000,
    help: msg('permissions.wireless.wired_unsuitable_help'),
    article: '9(3)③',
  }),
  measures: textarea(false, {
    label: L.measures,
    maxLength: 2000,
    placeholder: msg('permissions.wireless.measures_placeholder'),
  }),
  startDate: date(true, { label: L.startDate }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape);
export type WirelessLanRequest = z.output<typeof FormSchema>;

function clockRules(v: WirelessLanRequest, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  // Permission comes first (9(3)③): the wireless network cannot have been built already.
  notBeforeToday(errors, 'startDate', L.startDate, v.startDate, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<WirelessLanRequest> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
