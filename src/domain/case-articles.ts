// What each step of a case cites, per kind: the one source that the state machine (decisions.ts), the
// evaluation and routing reasons, and the case card read, so the article shown above a button is the
// article the click records. Ids come from the article table (articles.ts).
import { OPERATING_RULE, type ArticleId, type Citation } from './articles';
import { isIncidentKind, type CaseKind, type IncidentKind, type Localized, type RequestKind } from './cases';
import { incidentPlan } from './policy/incident';
import { evaluateTakeout, type TakeoutFacts } from './policy/takeout';
import { msg } from '../i18n';

/**
 * 侵害事案 (12(5)②: 不正行為等による情報の漏えい、滅失、改ざん等): the incidents in which information
 * may leak or be lost. A system failure (障害, 12(5)①) is not one, and neither is a lost IC card: the
 * standard gives it its own procedure (10(9)①エ, ②, ③; PolicyMap flow 1 cites no 12(5)②), so its
 * report to 統括 and its closing record are the organisation's rule.
 */
export const BREACH_KINDS: readonly IncidentKind[] = [
  'virus',
  'misdirected_mail',
  'password_leak',
  'device_lost',
  'cyber_attack',
];

export function isBreachKind(kind: CaseKind): boolean {
  return (BREACH_KINDS as readonly string[]).includes(kind);
}

/** The article under which staff report the incident to the section officer. */
export const REPORT_TO_OFFICER_ARTICLE: Readonly<Record<IncidentKind, ArticleId>> = {
  lost_ic_card: '10(9)①エ',
  virus: '11(3)⑤',
  misdirected_mail: '10(6)①',
  password_leak: '10(8)②カ',
  device_lost: '10(6)①',
  system_failure: '12(5)①イ',
  cyber_attack: '12(5)②イ',
};

/** 対応開始: the officer's duty on receiving the report. */
export const ACKNOWLEDGE_ARTICLE: Readonly<Record<IncidentKind, ArticleId>> = {
  lost_ic_card: '10(9)②',
  virus: '11(3)⑥',
  misdirected_mail: '10(6)②',
  password_leak: '10(6)②',
  device_lost: '10(6)②',
  system_failure: '12(5)①イ',
  // 11(2)⑦: on finding the attack the officer cuts the connection and investigates.
  cyber_attack: '11(2)⑦',
};

/**
 * 統括へ報告: harm to the systems (12(4)④), a failure (12(5)①イ), a breach (12(5)②イ); for a lost IC
 * card no article asks it.
 */
export const REPORT_CHIEF_ARTICLE: Readonly<Record<IncidentKind, Citation>> = {
  lost_ic_card: OPERATING_RULE,
  virus: '12(4)④',
  misdirected_mail: '12(5)②イ',
  password_leak: '12(5)②イ',
  device_lost: '12(5)②イ',
  system_failure: '12(5)①イ',
  cyber_attack: '12(5)②イ',
};

/** 完了: the failure record (12(5)①オ), the breach record (12(5)②カ); a lost IC card's is our rule. */
export const CLOSE_ARTICLE: Readonly<Record<IncidentKind, Citation>> = {
  lost_ic_card: OPERATING_RULE,
  virus: '12(5)②カ',
  misdirected_mail: '12(5)②カ',
  password_leak: '12(5)②カ',
  device_lost: '12(5)②カ',
  system_failure: '12(5)①オ',
  cyber_attack: '12(5)②カ',
};

/**
 * Why 統括 hears of a closed incident: the officer reports a failure's cause and recovery to 統括
 * (12(5)①オ); for other incidents the notice is the organisation's practice.
 */
export function closeNoticeArticle(kind: IncidentKind): Citation {
  return kind === 'system_failure' ? '12(5)①オ' : OPERATING_RULE;
}

/**
 * The superior step of an escalation cites 12(5)②オ only where that article applies: a breach whose
 * addressee did not answer, when it is urgent. Every other escalation step (the deputy, 統括, IT管理者,
 * ordinary cases) is the organisation's rule.
 */
export function superiorEscalationArticle(kind: CaseKind, urgent: boolean): Citation {
  return isBreachKind(kind) && urgent ? '12(5)②オ' : OPERATING_RULE;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The take-out facts in a stored form value, or null when they are not all there. */
export function takeoutFactsOf(value: unknown): TakeoutFacts | null {
  const v = record(value);
  const itemKind = v.itemKind;
  const classification = v.classification;
  const protection = v.protection;
  if (itemKind !== 'data' && itemKind !== 'terminal' && itemKind !== 'medium') return null;
  if (
    classification !== 'I' &&
    classification !== 'II' &&
    classification !== 'III' &&
    classification !== 'IV'
  )
    return null;
  if (protection !== 'encryption' && protection !== 'password' && protection !== 'none') return null;
  return {
    itemKind,
    classification,
    protection,
    mobileTerminal: v.mobileTerminal === true,
    remoteWipeEnabled: v.remoteWipeEnabled === true,
    sameBuilding: v.sameBuilding === true,
  };
}

/**
 * The articles under which the section officer decides a request, from its form value: a take-out by
 * what is taken (8(3)①エオ for data, 10(4)① for terminals and media), a private device or medium
 * (10(4)②) apart from an external service such as free mail or online storage (10(3)). An exception
 * is 12(6)① (its urgent stage 12(6)② is the state machine's). A value that cannot be read cites every
 * article the kind may rest on, never a wrong single one.
 */
export function permissionArticles(kind: RequestKind, value: unknown): readonly ArticleId[] {
  switch (kind) {
    case 'takeout': {
      const facts = takeoutFactsOf(value);
      return facts ? evaluateTakeout(facts).permission : ['8(3)①エ', '8(3)①オ', '10(4)①'];
    }
    case 'private_device': {
      const k = record(value).deviceKind;
      if (k === 'external_service') return ['10(3)'];
      if (k === 'private_terminal' || k === 'private_medium') return ['10(4)②'];
      return ['10(3)', '10(4)②'];
    }
    case 'software_install':
      return ['10(5)①'];
    case 'exception':
      return ['12(6)①'];
    case 'wireless_lan':
      return ['9(3)③'];
    case 'external_connection':
      return ['11(2)③'];
    // A record of what the officer did (10(9)③), subject to nobody's permission.
    case 'ic_card_renewal':
      return [];
  }
}

/**
 * What a decision on a request rests on: permissionArticles, or — when no article makes the request
 * subject to permission — the organisation's practice.
 */
export function decisionArticles(kind: RequestKind, value: unknown): readonly Citation[] {
  const list = permissionArticles(kind, value);
  return list.length > 0 ? list : [OPERATING_RULE];
}

/** Why the section officer receives the case (the reason on their card). */
export function officerReceivesArticles(kind: CaseKind, value: unknown): readonly Citation[] {
  if (isIncidentKind(kind)) return [REPORT_TO_OFFICER_ARTICLE[kind]];
  if (kind === 'takeout') {
    const facts = takeoutFactsOf(value);
    const e = facts ? evaluateTakeout(facts) : null;
    if (e && e.permission.length === 0) return e.noPermissionBasis;
  }
  if (kind === 'exception' && record(value).urgent === true) return ['12(6)②'];
  if (kind === 'ic_card_renewal') return ['10(9)③'];
  return permissionArticles(kind, value);
}

/** Something the standard (or the organisation's rule) asks of the handler, with its citation. */
export interface Duty {
  text: Localized;
  article: Citation | readonly Citation[];
}

/** What the handler of a case must do: the incident's records, or the request's decision and record. */
export function caseDuties(kind: CaseKind, value: unknown): Duty[] {
  if (isIncidentKind(kind))
    return incidentPlan(kind).officerRecords.map((r) => ({ text: r.label, article: r.article }));
  switch (kind) {
    case 'takeout': {
      const facts = takeoutFactsOf(value);
      const permission = permissionArticles(kind, value);
      const duties: Duty[] = [];
      if (permission.length > 0) {
        duties.push({
          text: msg('caseArticles.decide_whether_take_out_may'),
          article: permission,
        });
      }
      if (!facts || facts.itemKind !== 'data') {
        duties.push({
          text: msg('caseArticles.record_terminals_media_taken_out'),
          article: '10(4)⑥',
        });
      }
      return duties;
    }
    case 'exception':
      return record(value).urgent === true
        ? [
            {
              text: msg('caseArticles.judge_whether_urgent_unavoidable_if'),
              article: '12(6)②',
            },
          ]
        : [
            {
              text: msg('caseArticles.check_reason_alternative_measure'),
              article: '12(6)①',
            },
          ];
    case 'software_install':
      return [
        {
          text: msg('caseArticles.decide_software_change'),
          article: '10(5)①',
        },
      ];
    case 'private_device':
      return [
        {
          text: msg('caseArticles.judge_whether_needed_work'),
          article: permissionArticles(kind, value),
        },
      ];
    case 'wireless_lan':
      return [{ text: msg('permissions.wireless.duty'), article: '9(3)③' }];
    case 'external_connection':
      return [
        { text: msg('permissions.external.duty_consult'), article: '11(2)②' },
        { text: msg('permissions.external.duty_approve'), article: '11(2)③' },
      ];
    case 'ic_card_renewal':
      return [{ text: msg('permissions.renewal.duty'), article: '10(9)③' }];
  }
}
