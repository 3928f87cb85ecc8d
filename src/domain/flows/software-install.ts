// ソフトウェア導入・設定変更申請 (10(5)①②): the section officer's permission.
import { z } from 'zod';
import { caseTitle, type Localized } from '../cases';
import {
  addError,
  choice,
  defineForm,
  runValidation,
  text,
  textarea,
  toggle,
  type GuidanceItem,
  type ValidationContext,
  type ValidationResult,
} from './form';
import { msg } from '../../i18n';

export const kind = 'software_install' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: msg('flow.software_install.install_uninstall_change_settings_only'),
    article: '10(5)①',
  },
  {
    text: msg('flow.software_install.software_breaks_copyright_its_licence'),
    article: '10(5)②',
  },
  {
    text: msg('flow.software_install.security_settings_e_g_antivirus'),
    article: '10(4)⑦',
  },
];

const L = {
  softwareName: msg('flow.software_install.software'),
  version: msg('flow.software_install.version'),
  action: msg('flow.software_install.action'),
  assetNumber: msg('flow.software_install.terminal_asset_number'),
  purpose: msg('flow.software_install.purpose'),
  licenseConfirmed: msg('flow.software_install.licence_confirmed'),
} satisfies Record<string, Localized>;

const form = defineForm({
  softwareName: text(true, { label: L.softwareName, maxLength: 200 }),
  version: text(false, { label: L.version, maxLength: 50 }),
  action: choice(true, {
    label: L.action,
    choices: [
      { value: 'install', label: msg('flow.software_install.install') },
      { value: 'uninstall', label: msg('flow.software_install.uninstall') },
      { value: 'setting_change', label: msg('flow.software_install.setting_change') },
    ],
    article: '10(5)①',
  }),
  assetNumber: text(true, { label: L.assetNumber, maxLength: 50 }),
  purpose: textarea(true, { label: L.purpose, maxLength: 1000 }),
  licenseConfirmed: toggle({
    label: L.licenseConfirmed,
    help: msg('flow.software_install.required_install'),
    article: '10(5)②',
  }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape).superRefine((v, ctx) => {
  // Deny by default: unlicensed software may not be used at all (10(5)②), so such a request is not sent on.
  if (v.action === 'install' && !v.licenseConfirmed) {
    addError(ctx, 'licenseConfirmed', msg('flow.software_install.confirm_licence_permits_use_before'));
  }
});
export type SoftwareInstallRequest = z.output<typeof FormSchema>;

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<SoftwareInstallRequest> {
  return runValidation(FormSchema, raw, ctx);
}
