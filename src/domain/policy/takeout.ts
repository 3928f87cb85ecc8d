// Take-out decision (8(3)①エオカ, 10(4)①③⑥). Deny by default: a request that breaks a mandatory rule
// is refused here with the article and never reaches an approver.
//
// Terminals and media need the section officer's permission to leave the office room (10(4)①),
// except when they stay in the same building under the person's own control and can be locked away
// at the destination (10(4)①ただし書). Such a carry is not a take-out of data out of the office
// (庁外), so 8(3)①エオ and 10(4)③ do not apply to it; data inside the office is still handled like
// data taken out (8(3)①ク), which is shown as a note.
import { OPERATING_RULE, type ArticleId, type Citation } from '../articles';
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
  /**
   * Terminal or medium only: carried within the same building under one's own control, with theft
   * prevention such as locking sure at the destination (10(4)①ただし書). Absent counts as no.
   */
  sameBuilding?: boolean;
}

export interface PolicyFinding {
  article: Citation;
  message: Localized;
}

export interface TakeoutEvaluation {
  decision: TakeoutDecision;
  violations: PolicyFinding[];
  requiredProtection: ProtectionRequirement;
  notes: PolicyFinding[];
  /** Every take-out is recorded; terminals and media in the section's take-out ledger (10(4)⑥). */
  ledger: 'takeout_ledger' | 'case_record';
  /** The articles that make the section officer's permission necessary; empty when none does. */
  permission: readonly ArticleId[];
  /** Why no permission is needed, when none is (the case is then filed as a record). */
  noPermissionBasis: readonly Citation[];
  articles: Citation[];
}

export function evaluateTakeout(value: TakeoutFacts): TakeoutEvaluation {
  const rule = takeoutRule(value.classification);
  const isDevice = value.itemKind !== 'data';
  // 10(4)①ただし書 applies to terminals and media only.
  const inBuilding = isDevice && value.sameBuilding === true;
  const violations: PolicyFinding[] = [];
  const notes: PolicyFinding[] = [];

  if (!inBuilding && rule.protectionRequired === 'mandatory' && value.protection === 'none') {
    violations.push({
      article: '8(3)①オ',
      message: {
        ja: '重要性分類Ⅱ以上の情報を庁外へ持ち出すときは、暗号化又はパスワード設定が必要です。',
        en: 'Class I/II information taken out of the office must be encrypted or password-protected.',
      },
    });
  }
  // Only terminals can be mobile terminals; the toggles are ignored for data and media. 10(4)③ is
  // about using the terminal outside the office (庁外), which a carry within the building is not.
  if (!inBuilding && value.itemKind === 'terminal' && value.mobileTerminal && !value.remoteWipeEnabled) {
    violations.push({
      article: '10(4)③',
      message: {
        ja: 'モバイル端末を庁外で使用するには、遠隔消去機能が有効であることが必要です。',
        en: 'A mobile terminal used outside the office must have remote wipe enabled.',
      },
    });
  }

  if (inBuilding) {
    notes.push({
      article: '10(4)①ただし書',
      message: {
        ja: '同一庁舎内で自己の管理下に置き、持ち出し先で施錠等の盗難防止措置を確実にできるため、課情報セキュリティ責任者の許可は不要です。',
        en: 'It stays in the same building under your control and can be locked away at the destination, so no permission from the section officer is needed.',
      },
    });
    notes.push({
      article: '10(4)①',
      message: {
        ja: '携行中は端末機のロック、ログオフ又はシャットダウンを行ってください。',
        en: 'While carrying it, lock, log off or shut down the terminal.',
      },
    });
    if (rule.protectionRequired === 'mandatory' && value.protection === 'none') {
      notes.push({
        article: '8(3)①ク',
        message: {
          ja: '庁内でも、データは庁外へ持ち出す場合に準じて取り扱ってください（重要性分類Ⅱ以上は暗号化又はパスワード設定）。',
          en: 'Inside the office too, handle the data as if it were taken out (class I/II: encryption or a password).',
        },
      });
    }
  } else {
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
          ja: '端末機・記録媒体を執務室以外に持ち出すには課情報セキュリティ責任者の許可が必要です。携行中はロック、ログオフ又はシャットダウンしてください。',
          en: 'Terminals and media need the section officer’s permission to leave the office room; lock, log off or shut down while carrying them.',
        },
      });
    } else if (!rule.permissionRequired) {
      notes.push({
        article: '8(3)①カ',
        message: {
          ja: 'このデータの持ち出しに課情報セキュリティ責任者の許可は不要です。',
          en: 'No permission from the section officer is needed for this data.',
        },
      });
    }
  }
  if (isDevice) {
    notes.push({
      article: '10(4)⑥',
      message: {
        ja: '持ち出しは課情報セキュリティ責任者の持ち出し記録に登録されます。',
        en: 'The take-out is entered in the section officer’s take-out record.',
      },
    });
  } else if (!rule.permissionRequired) {
    notes.push({
      article: OPERATING_RULE,
      message: {
        ja: '申請内容は記録として課情報セキュリティ責任者に通知されます。',
        en: 'The request is kept as a record and sent to the section officer for information.',
      },
    });
  }

  const permission: ArticleId[] = [];
  if (!inBuilding) {
    if (value.classification === 'I') permission.push('8(3)①エ');
    if (rule.permissionRequired) permission.push('8(3)①オ');
    if (isDevice) permission.push('10(4)①');
  }
  const noPermissionBasis: Citation[] =
    permission.length > 0 ? [] : inBuilding ? ['10(4)①ただし書', '10(4)⑥'] : ['8(3)①カ'];

  const decision: TakeoutDecision =
    violations.length > 0 ? 'refused' : permission.length > 0 ? 'needs_approval' : 'no_approval_needed';

  const recorded: readonly Citation[] = isDevice ? ['10(4)⑥'] : [];
  const articles = [
    ...new Set<Citation>([
      ...(inBuilding ? [] : rule.articles),
      ...permission,
      ...recorded,
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
    permission,
    noPermissionBasis,
    articles,
  };
}
