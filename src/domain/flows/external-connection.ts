// 外部ネットワーク接続の承認申請 (11(2)②③): the section officer who runs a system asks to connect it to
// an external network. First the IT管理者 records the consultation of 11(2)② (configuration,
// security level, risks, sufficient measures confirmed), then 統括 approves (11(2)③).
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

export const kind = 'external_connection' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  { text: msg('permissions.external.guidance_consult_it_admin'), article: '11(2)②' },
  { text: msg('permissions.external.guidance_chief_approval'), article: '11(2)③' },
];

const L = {
  system: msg('permissions.external.system'),
  network: msg('permissions.external.network'),
  purpose: msg('permissions.external.purpose'),
  configuration: msg('permissions.external.configuration'),
  securityLevel: msg('permissions.external.security_level'),
  risks: msg('permissions.external.risks'),
  measures: msg('permissions.external.measures'),
  connectDate: msg('permissions.external.connect_date'),
} satisfies Record<string, Localized>;

const form = defineForm({
  system: text(true, { label: L.system, maxLength: 200 }),
  network: text(true, {
    label: L.network,
    maxLength: 200,
    placeholder: msg('permissions.external.network_placeholder'),
  }),
  purpose: textarea(true, { label: L.purpose, maxLength: 500 }),
  // The three things 11(2)② names to examine, and the measures to be confirmed.
  configuration: textarea(true, { label: L.configuration, maxLength: 1000, article: '11(2)②' }),
  securityLevel: textarea(true, { label: L.securityLevel, maxLength: 1000, article: '11(2)②' }),
  risks: textarea(true, { label: L.risks, maxLength: 1000, article: '11(2)②' }),
  measures: textarea(true, { label: L.measures, maxLength: 1000, article: '11(2)②' }),
  connectDate: date(true, { label: L.connectDate }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape);
export type ExternalConnectionRequest = z.output<typeof FormSchema>;

function clockRules(v: ExternalConnectionRequest, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  // Approval comes before the connection (11(2)③).
  notBeforeToday(errors, 'connectDate', L.connectDate, v.connectDate, ctx.now);
  return errors;
}

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<ExternalConnectionRequest> {
  return runValidation(FormSchema, raw, ctx, clockRules);
}
