// Take-out decision (8(3)①エオカ, 10(4)①③⑥). Deny by default: a request that breaks a mandatory rule
// is refused here with the article and never reaches an approver.
import type { Localized } from '../cases';
import { takeoutRule, type DataClass, type ProtectionRequirement } from './classification';

export type TakeoutItemKind = 'data' | 'terminal' | 'medium';
export type TakeoutProtection = 'encryption' | 'password' | 'none';
export type TakeoutDecision = 'needs_approval' | 'refused' | 'no_approval_needed';

/** The facts the decision needs; the take-out form's value satisfies this. */
export interface TakeoutFacts {
  itemKind: TakeoutItemKind;
  classification: DataClass;
  protection: TakeoutProtection;
  mobileTerminal: boolean;
  remoteWipeEnabled: boolean;
}

export interface PolicyFinding {
  article: string;
  message: Localized;
}

export interface TakeoutEvaluation {
  decision: TakeoutDecision;
  violations: PolicyFinding[];
  requiredProtection: ProtectionRequirement;
  notes: PolicyFinding[];
  /** Every take-out is recorded; terminals and media in the section's take-out ledger (10(4)⑥). */
  ledger: 'takeout_ledger' | 'case_record';
  articles: string[];
}

export function evaluateTakeout(value: TakeoutFacts): TakeoutEvaluation {
  const rule = takeoutRule(value.classification);
  const isDevice = value.itemKind !== 'data';
  const violations: PolicyFinding[] = [];
  const notes: PolicyFinding[] = [];

  if (rule.protectionRequired === 'mandatory' && value.protection === 'none') {
    violations.push({
      article: '8(3)①オ',
      message: {
        ja: '重要性分類Ⅱ以上の情報を庁外へ持ち出すときは、暗号化又はパスワード設定が必要です。',
        en: 'Class I/II information taken out of the office must be encrypted or password-protected.',
      },
    });
  }
  // Only terminals can be mobile terminals; the toggles are ignored for data and media.
  if (value.itemKind === 'terminal' && value.mobileTerminal && !value.remoteWipeEnabled) {
    violations.push({
      article: '10(4)③',
      message: {
        ja: 'モバイル端末を庁外で使用するには、遠隔消去機能が有効であることが必要です。',
        en: 'A mobile terminal used outside the office must have remote wipe enabled.',
      },
    });
  }

  if (value.classification === 'I') {
    notes.push({
      article: '8(3)①エ',
      message: {
        ja: '重要性分類Ⅰのデータは、複製・出力にも課情報セキュリティ責任者の許可が必要です。',
        en: 'Class I data needs the section officer’s permission even to copy or output it.',
      },
    });
  }
  if (rule.protectionRequired === 'as_needed' && value.protection === 'none') {
    notes.push({
      article: '8(3)①カ',
      message: {
        ja: '重要性分類Ⅲ・Ⅳのデータも、必要に応じて暗号化又はパスワード設定を行ってください。',
        en: 'Class III/IV data should also be encrypted or password-protected where appropriate.',
      },
    });
  }
  if (isDevice) {
    notes.push({
      article: '10(4)①',
      message: {
        ja: '端末機・記録媒体の持ち出しには課情報セキュリティ責任者の許可が必要です。携行中はロック、ログオフ又はシャットダウンしてください。',
        en: 'Terminals and media need the section officer’s permission; lock, log off or shut down while carrying them.',
      },
    });
    notes.push({
      article: '10(4)⑥',
      message: {
        ja: '持ち出しは課情報セキュリティ責任者の持ち出し記録に登録されます。',
        en: 'The take-out is entered in the section officer’s take-out record.',
      },
    });
  } else if (!rule.permissionRequired) {
    notes.push({
      article: '8(3)①カ',
      message: {
        ja: 'このデータの持ち出しに許可は不要ですが、申請内容は記録されます。',
        en: 'No permission is needed for this data, but the request is recorded.',
      },
    });
  }

  const decision: TakeoutDecision =
    violations.length > 0
      ? 'refused'
      : rule.permissionRequired || isDevice // terminals and media: always (10(4)①)
        ? 'needs_approval'
        : 'no_approval_needed';

  const articles = [
    ...new Set([
      ...rule.articles,
      ...(isDevice ? ['10(4)①', '10(4)⑥'] : []),
      ...violations.map((v) => v.article),
      ...notes.map((n) => n.article),
    ]),
  ];

  return {
    decision,
    violations,
    requiredProtection: rule.protectionRequired,
    notes,
    ledger: isDevice ? 'takeout_ledger' : 'case_record',
    articles,
  };
}
