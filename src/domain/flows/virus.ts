// ウイルス検知 (11(3)⑤⑥, 12(4)④, 12(5)②): disconnect first, keep the evidence, then report.
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

export const kind = 'virus' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: msg('flow.virus.unplug_lan_cable_turn_wi'),
    article: '11(3)⑤',
  },
  {
    text: msg('flow.virus.do_not_power_off_do'),
    article: '12(5)②ク',
  },
  {
    text: msg('flow.virus.do_not_move_usb_media'),
    article: '12(5)②ア',
  },
  {
    text: msg('flow.virus.report_goes_section_officer_administrator'),
    article: '10(6)③',
  },
];

const L = {
  assetNumber: msg('flow.virus.terminal_asset_number'),
  trigger: msg('flow.virus.what_raised_alert'),
  malwareName: msg('flow.virus.malware_name'),
  route: msg('flow.virus.suspected_route'),
  detectedAt: msg('flow.virus.when_detected'),
  disconnected: msg('flow.virus.disconnected_from_network'),
  details: msg('flow.virus.details'),
} satisfies Record<string, Localized>;

const form = defineForm({
  assetNumber: text(true, {
    label: L.assetNumber,
    maxLength: 50,
    placeholder: msg('flow.virus.number_label_e_g_pc'),
  }),
  trigger: choice(true, {
    label: L.trigger,
    choices: [
      { value: 'antivirus', label: msg('flow.virus.antivirus_alert') },
      { value: 'suspicious_behavior', label: msg('flow.virus.suspicious_behaviour') },
      { value: 'external_report', label: msg('flow.virus.report_from_outside') },
      { value: 'other', label: msg('flow.virus.other') },
    ],
  }),
  malwareName: text(false, {
    label: L.malwareName,
    maxLength: 200,
    placeholder: msg('flow.virus.if_shown_alert'),
  }),
  route: choice(true, {
    label: L.route,
    choices: [
      { value: 'mail_attachment', label: msg('flow.virus.e_mail_attachment') },
      { value: 'usb_medium', label: msg('flow.virus.usb_other_medium') },
      { value: 'web', label: msg('flow.virus.web_browsing_download') },
      { value: 'unknown', label: msg('flow.virus.unknown') },
    ],
    help: msg('flow.virus.section_officer_investigates_scope_route'),
    article: '11(3)⑥',
  }),
  detectedAt: datetime(true, { label: L.detectedAt, defaultNow: true }),
  disconnected: toggle({
    label: L.disconnected,
    help: msg('flow.virus.switch_once_lan_cable_out'),
    article: '11(3)⑤',
  }),
  details: textarea(false, {
    label: L.details,
    maxLength: 2000,
    placeholder: msg('flow.virus.messages_shown_what_did_just'),
  }),
});

export const fields = form.fields;
// Not disconnected is accepted on purpose: the report must get through; the evaluation flags it.
export const FormSchema = z.object(form.shape);
export type VirusReport = z.output<typeof FormSchema>;

function clockRules(v: VirusReport, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  notInFuture(errors, 'detectedAt', L.detectedAt, v.detectedAt, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<VirusReport> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
