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
import { msg } from '../../i18n';

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
      message: msg('policy.takeout.class_i_ii_information_taken'),
    });
  }
  // Only terminals can be mobile terminals; the toggles are ignored for data and media. 10(4)③ is
  // about using the terminal outside the office (庁外), which a carry within the building is not.
  if (!inBuilding && value.itemKind === 'terminal' && value.mobileTerminal && !value.remoteWipeEnabled) {
    violations.push({
      article: '10(4)③',
      message: msg('policy.takeout.mobile_terminal_used_outside_office'),
    });
  }

  if (inBuilding) {
    notes.push({
      article: '10(4)①ただし書',
      message: msg('policy.takeout.stays_same_building_under_control'),
    });
    notes.push({
      article: '10(4)①',
      message: msg('policy.takeout.while_carrying_lock_log_off'),
    });
    if (rule.protectionRequired === 'mandatory' && value.protection === 'none') {
      notes.push({
        article: '8(3)①ク',
        message: msg('policy.takeout.inside_office_too_handle_data'),
      });
    }
  } else {
    if (value.classification === 'I') {
      notes.push({
        article: '8(3)①エ',
        message: msg('policy.takeout.class_i_data_needs_section'),
      });
    }
    if (rule.protectionRequired === 'as_needed' && value.protection === 'none') {
      notes.push({
        article: '8(3)①カ',
        message: msg('policy.takeout.class_iii_iv_data_should'),
      });
    }
    if (isDevice) {
      notes.push({
        article: '10(4)①',
        message: msg('policy.takeout.terminals_media_need_section_officer'),
      });
    } else if (!rule.permissionRequired) {
      notes.push({
        article: '8(3)①カ',
        message: msg('policy.takeout.no_permission_from_section_officer'),
      });
    }
  }
  if (isDevice) {
    notes.push({
      article: '10(4)⑥',
      message: msg('policy.takeout.take_out_entered_section_officer'),
    });
  } else if (!rule.permissionRequired) {
    notes.push({
      article: OPERATING_RULE,
      message: msg('policy.takeout.request_kept_record_sent_section'),
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
