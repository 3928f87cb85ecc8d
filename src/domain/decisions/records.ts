// What an incident needs before it may close: the officer's required step records and the report to
// 統括.
import { isIncidentKind, type IncidentKind } from '../cases';
import type { CaseState } from './state';

/**
 * Which officer records must be filled before an incident closes. Ids not listed are optional.
 * - lost_ic_card: old_card_destroyed (10(9)③) only when the outcome mentions a reissue (再発行 /
 *   reissue); a false match only asks for one more record, never lets a case close early.
 * - virus: 'reported_to_chief' is covered by the reportedToChief flag (case.report_chief), which
 *   close requires anyway; the text record is an optional note (e.g. a phone call).
 * - device_lost: police_report only applies to a theft (警察への通報（盗難の場合）) and is optional;
 *   remote_wipe is required: the officer records what was done, or why it was not possible.
 */
const REQUIRED_RECORDS: Readonly<Record<IncidentKind, (records: Record<string, string>) => string[]>> = {
  lost_ic_card: (r) => [
    'access_stopped',
    'outcome',
    ...(/再発行|reissu/i.test(r.outcome ?? '') ? ['old_card_destroyed'] : []),
  ],
  virus: () => ['scope', 'route', 'removal', 'evidence'],
  // Content, cause, damage and scope (12(5)②カ) are the closing record itself, not a step record.
  misdirected_mail: () => ['deletion_confirmed'],
  password_leak: () => ['password_changed', 'access_reviewed'],
  device_lost: () => ['remote_wipe'],
  system_failure: () => ['status_scope', 'cause', 'recovery'],
  // 11(2)⑦: cutting the connection, the investigation and the attack records are not optional; a
  // system stop (12(5)②キ) and a police report (12(5)②ウ) apply only where their conditions hold.
  cyber_attack: () => ['connection_cut', 'investigation', 'attack_records'],
};

export function isFilled(v: string | undefined): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/** The required records still missing for closing `state` (empty for non-incidents). */
export function missingRecords(state: Pick<CaseState, 'kind' | 'records'>): string[] {
  if (!isIncidentKind(state.kind)) return [];
  return REQUIRED_RECORDS[state.kind](state.records).filter((id) => !isFilled(state.records[id]));
}

/**
 * Whether the standard demands a report to 統括 before the incident closes: a virus or anything that
 * may harm the systems (12(4)④), a system failure (12(5)①イ, オ), and any case with a possible leak of
 * personal data or a cyber attack (12(5)②イ: a misdirected mail with personal information, an unencrypted lost device).
 */
export function chiefReportRequired(state: Pick<CaseState, 'kind' | 'possibleLeak'>): boolean {
  // A cyber attack is a breach the officer reports to 統括 (12(5)②イ).
  return (
    state.kind === 'virus' ||
    state.kind === 'system_failure' ||
    state.kind === 'cyber_attack' ||
    state.possibleLeak
  );
}
