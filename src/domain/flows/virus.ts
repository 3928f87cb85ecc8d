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

export const kind = 'virus' as const;
export const title = caseTitle(kind);

export const guidance: readonly GuidanceItem[] = [
  {
    text: {
      ja: '今すぐ端末機のLANケーブルを抜き、Wi-Fiをオフにしてください。',
      en: 'Unplug the LAN cable and turn Wi-Fi off on the terminal now.',
    },
    article: '11(3)⑤',
  },
  {
    text: {
      ja: '電源は切らず、ファイルも削除しないでください（証拠保全）。',
      en: 'Do not power it off and do not delete any file (evidence).',
    },
    article: '12(5)②ク',
  },
  {
    text: {
      ja: 'USBメモリ等をほかの端末機に差し替えないでください（被害拡大の防止）。',
      en: 'Do not move USB media to other terminals (containment).',
    },
    article: '12(5)②ア',
  },
  {
    text: {
      ja: 'この報告は課情報セキュリティ責任者とIT管理者に通知されます。以後は責任者の指示に従ってください。',
      en: 'This report goes to your section officer and the IT administrator. Follow their instructions.',
    },
    article: '10(6)③',
  },
];

const L = {
  assetNumber: { ja: '端末機の資産番号', en: 'Terminal asset number' },
  trigger: { ja: '発見のきっかけ', en: 'What raised the alert' },
  malwareName: { ja: 'ウイルス名', en: 'Malware name' },
  route: { ja: '推定される感染経路', en: 'Suspected route' },
  detectedAt: { ja: '発見日時', en: 'When detected' },
  disconnected: { ja: 'ネットワークから切り離した', en: 'Disconnected from the network' },
  details: { ja: '状況', en: 'Details' },
} satisfies Record<string, Localized>;

const form = defineForm({
  assetNumber: text(true, {
    label: L.assetNumber,
    maxLength: 50,
    placeholder: {
      ja: '端末機のラベルの番号（例: PC-2023-0456）',
      en: 'Number on the label (e.g. PC-2023-0456)',
    },
  }),
  trigger: choice(true, {
    label: L.trigger,
    choices: [
      { value: 'antivirus', label: { ja: 'ウイルス対策ソフトの警告', en: 'Antivirus alert' } },
      { value: 'suspicious_behavior', label: { ja: '不審な挙動', en: 'Suspicious behaviour' } },
      { value: 'external_report', label: { ja: '外部からの通報', en: 'Report from outside' } },
      { value: 'other', label: { ja: 'その他', en: 'Other' } },
    ],
  }),
  malwareName: text(false, {
    label: L.malwareName,
    maxLength: 200,
    placeholder: { ja: '警告画面に表示されていれば（例: Trojan:Win32/…）', en: 'If shown in the alert' },
  }),
  route: choice(true, {
    label: L.route,
    choices: [
      { value: 'mail_attachment', label: { ja: 'メールの添付ファイル', en: 'E-mail attachment' } },
      { value: 'usb_medium', label: { ja: 'USBメモリ等の記録媒体', en: 'USB or other medium' } },
      { value: 'web', label: { ja: 'Webサイトの閲覧・ダウンロード', en: 'Web browsing / download' } },
      { value: 'unknown', label: { ja: '不明', en: 'Unknown' } },
    ],
    help: {
      ja: '影響範囲・感染経路は課情報セキュリティ責任者が調査します。',
      en: 'The section officer investigates scope and route.',
    },
    article: '11(3)⑥',
  }),
  detectedAt: datetime(true, { label: L.detectedAt, defaultNow: true }),
  disconnected: toggle({
    label: L.disconnected,
    help: {
      ja: 'LANケーブルを抜き、Wi-Fiをオフにしたらオンにしてください。',
      en: 'Switch on once the LAN cable is out and Wi-Fi is off.',
    },
    article: '11(3)⑤',
  }),
  details: textarea(false, {
    label: L.details,
    maxLength: 2000,
    placeholder: {
      ja: '表示されたメッセージ、直前に行った操作など',
      en: 'Messages shown, what you did just before',
    },
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
