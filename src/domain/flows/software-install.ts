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

export const kind = 'software_install' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: {
      ja: 'ソフトウェアのインストール・アンインストール・設定変更は、課情報セキュリティ責任者の許可を得てから行ってください。',
      en: 'Install, uninstall or change settings only after your section officer permits it.',
    },
    article: '10(5)①',
  },
  {
    text: {
      ja: '著作権法や使用許諾契約（ライセンス）に違反するソフトウェアは使用できません。',
      en: 'Software that breaks copyright or its licence may not be used.',
    },
    article: '10(5)②',
  },
  {
    text: {
      ja: 'ウイルス対策などセキュリティ機能の設定は変更できません。',
      en: 'Security settings (e.g. antivirus) may not be changed.',
    },
    article: '10(4)⑦',
  },
];

const L = {
  softwareName: { ja: 'ソフトウェア名', en: 'Software' },
  version: { ja: 'バージョン', en: 'Version' },
  action: { ja: '作業の種類', en: 'Action' },
  assetNumber: { ja: '端末機の資産番号', en: 'Terminal asset number' },
  purpose: { ja: '目的', en: 'Purpose' },
  licenseConfirmed: { ja: '使用許諾（ライセンス）を確認した', en: 'Licence confirmed' },
} satisfies Record<string, Localized>;

const form = defineForm({
  softwareName: text(true, { label: L.softwareName, maxLength: 200 }),
  version: text(false, { label: L.version, maxLength: 50 }),
  action: choice(true, {
    label: L.action,
    choices: [
      { value: 'install', label: { ja: 'インストール', en: 'Install' } },
      { value: 'uninstall', label: { ja: 'アンインストール', en: 'Uninstall' } },
      { value: 'setting_change', label: { ja: '設定変更', en: 'Setting change' } },
    ],
    article: '10(5)①',
  }),
  assetNumber: text(true, { label: L.assetNumber, maxLength: 50 }),
  purpose: textarea(true, { label: L.purpose, maxLength: 1000 }),
  licenseConfirmed: toggle({
    label: L.licenseConfirmed,
    help: {
      ja: 'インストールの場合は確認が必要です。',
      en: 'Required for an install.',
    },
    article: '10(5)②',
  }),
});

export const fields = form.fields;
export const FormSchema = z.object(form.shape).superRefine((v, ctx) => {
  // Deny by default: unlicensed software may not be used at all (10(5)②), so such a request is not sent on.
  if (v.action === 'install' && !v.licenseConfirmed) {
    addError(ctx, 'licenseConfirmed', {
      ja: 'インストールするには、使用許諾（ライセンス）に違反しないことを確認してください。',
      en: 'Confirm the licence permits this use before installing.',
    });
  }
});
export type SoftwareInstallRequest = z.output<typeof FormSchema>;

export function validate(raw: unknown, ctx: ValidationContext): ValidationResult<SoftwareInstallRequest> {
  return runValidation(FormSchema, raw, ctx);
}
