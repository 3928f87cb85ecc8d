// Possible personal-data leak from a misdirected e-mail (12(5)②).
// For a public body (行政機関等; a 一部事務組合 is one), the duty to report to the Personal Information
// Protection Commission and to notify the persons comes from 個人情報保護法 68条 and its rules
// (施行規則 43条: the reportable cases; 44条: preliminary report "promptly", final within 30 days,
// 60 days when the leak may be for a wrongful purpose).
import { OPERATING_RULE, type Citation, type LawId } from '../articles';
import {
  ACK_MINUTES_BY_SEVERITY,
  MISDIRECTED_MAIL_WITHOUT_PERSONAL_DATA,
  type Localized,
  type Severity,
} from '../cases';
import type { DataClass } from './classification';
import { addDays, endOfJstDay, jstDateOf } from './jst';
import { msg } from '../../i18n';

/** More than this many persons makes a leak reportable (施行規則 43条4号). */
export const REPORTABLE_PERSONS_THRESHOLD = 100;
/** "速やかに" is read as about 3–5 days; the bot tracks the outer bound. */
export const PRELIMINARY_REPORT_DAYS = 5;
export const FINAL_REPORT_DAYS = 30;
export const FINAL_REPORT_DAYS_WRONGFUL = 60;

export interface MisdirectedMailFacts {
  recipientScope: 'internal' | 'external';
  classification: DataClass;
  personalInfo: boolean;
  affectedPersons?: number | undefined;
  sensitivePersonalInfo: boolean;
  propertyDamageRisk: boolean;
  wrongfulPurpose: boolean;
  attachment: 'encrypted' | 'not_encrypted' | 'none';
  deletionRequested: boolean;
}

export type ReportReasonCode = 'over_100_persons' | 'sensitive' | 'property_damage' | 'wrongful_purpose';

export interface ReportReason {
  code: ReportReasonCode;
  article: LawId;
  text: Localized;
}

export interface LeakAssessment {
  possibleLeak: boolean;
  mustReportToCommission: boolean;
  reasons: ReportReason[];
  /** Set when the report is due; each is the end (23:59:59.999 JST) of the last day. */
  deadlines: { preliminary: Date; final: Date } | null;
  notifyPersons: boolean;
  notifyChief: boolean;
  severity: Severity;
  ackMinutes: number;
  notes: Array<{ article: Citation; text: Localized }>;
  articles: Citation[];
}

const REASONS: Readonly<Record<ReportReasonCode, Omit<ReportReason, 'code'>>> = {
  sensitive: {
    article: '個人情報保護法施行規則43条1号',
    text: msg('policy.data_leak.contains_sensitive_personal_information'),
  },
  property_damage: {
    article: '個人情報保護法施行規則43条2号',
    text: msg('policy.data_leak.misuse_could_cause_financial_loss'),
  },
  wrongful_purpose: {
    article: '個人情報保護法施行規則43条3号',
    text: msg('policy.data_leak.may_have_been_done_wrongful'),
  },
  over_100_persons: {
    article: '個人情報保護法施行規則43条4号',
    text: msg('policy.data_leak.more_than_100_persons_affected'),
  },
};

export function assessMisdirectedMail(value: MisdirectedMailFacts, reportedAt: Date): LeakAssessment {
  const possibleLeak = value.personalInfo;
  const codes: ReportReasonCode[] = [];
  if (possibleLeak) {
    if (value.sensitivePersonalInfo) codes.push('sensitive');
    if (value.propertyDamageRisk) codes.push('property_damage');
    if (value.wrongfulPurpose) codes.push('wrongful_purpose');
    if ((value.affectedPersons ?? 0) > REPORTABLE_PERSONS_THRESHOLD) codes.push('over_100_persons');
  }
  const reasons = codes.map((code) => ({ code, ...REASONS[code] }));
  const mustReportToCommission = reasons.length > 0;

  let deadlines: LeakAssessment['deadlines'] = null;
  if (mustReportToCommission) {
    // Days are counted from the day after the organisation learned of it (初日不算入), so the
    // deadline is the end of the Nth day in Japan.
    const day = jstDateOf(reportedAt);
    const finalDays = value.wrongfulPurpose ? FINAL_REPORT_DAYS_WRONGFUL : FINAL_REPORT_DAYS;
    deadlines = {
      preliminary: endOfJstDay(addDays(day, PRELIMINARY_REPORT_DAYS)),
      final: endOfJstDay(addDays(day, finalDays)),
    };
  }

  // External recipients raise severity: the data has left the organisation.
  const external = value.recipientScope === 'external';
  const severity: Severity = possibleLeak
    ? external
      ? 'critical'
      : 'high'
    : external && (value.classification === 'I' || value.classification === 'II')
      ? 'high'
      : 'normal';

  const notes: LeakAssessment['notes'] = [];
  if (!value.deletionRequested) {
    // The organisation's rule: 8(3)①キ is about checking the address before sending.
    notes.push({
      article: OPERATING_RULE,
      text: msg('policy.data_leak.ask_recipient_delete_mail_now'),
    });
  }
  if (possibleLeak && !external) {
    notes.push({
      article: '12(5)②カ',
      text: msg('policy.data_leak.internal_recipient_section_officer_investigates'),
    });
  }
  if (
    possibleLeak &&
    value.attachment === 'not_encrypted' &&
    value.classification !== 'III' &&
    value.classification !== 'IV'
  ) {
    // 8(3)①オ is about data sent out of the office (an e-mail attachment is a take-out, 8(3)①エ);
    // inside the office, data is handled as if taken out (8(3)①ク).
    notes.push({
      article: external ? '8(3)①オ' : '8(3)①ク',
      text: msg('policy.data_leak.class_i_ii_data_was'),
    });
  }

  const articles: Citation[] = ['12(5)②カ'];
  if (possibleLeak) articles.push('12(5)②イ');
  if (mustReportToCommission) articles.push('個人情報保護法68条1項', '個人情報保護法68条2項');

  return {
    possibleLeak,
    mustReportToCommission,
    reasons,
    deadlines,
    // The persons must be notified when the leak is reportable (68条2項), unless that is difficult.
    notifyPersons: mustReportToCommission,
    notifyChief: possibleLeak,
    severity,
    // A misdirected mail is never left for a whole working day, even without personal data.
    ackMinutes:
      severity === 'normal'
        ? MISDIRECTED_MAIL_WITHOUT_PERSONAL_DATA.ackMinutes
        : ACK_MINUTES_BY_SEVERITY[severity],
    notes,
    articles,
  };
}
