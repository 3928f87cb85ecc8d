// What each incident kind sets in motion: who must be told (in the standard's order), what the
// section officer must record before closing, and the urgent actions the report itself reveals.
import { OPERATING_RULE, type Citation } from '../articles';
import type { IncidentKind, Localized } from '../cases';
import type { DataClass } from './classification';
import { msg } from '../../i18n';

export type IncidentParty = 'section_officer' | 'chief_officer' | 'it_admin' | 'affected_officers';

export interface NotifyRule {
  party: IncidentParty;
  article: Citation;
  reason: Localized;
}

export interface OfficerRecord {
  id: string;
  label: Localized;
  article: Citation;
}

export interface IncidentPlan {
  kind: IncidentKind;
  notify: readonly NotifyRule[];
  /** What the section officer records; the case closes only when each is filled in. */
  officerRecords: readonly OfficerRecord[];
}

const OFFICER: NotifyRule = {
  party: 'section_officer',
  article: '10(6)①',
  reason: msg('policy.incident.receives_security_incident_reports'),
};
const IT_ADMIN: NotifyRule = {
  party: 'it_admin',
  article: '10(6)②',
  reason: msg('policy.incident.advises_section_officer'),
};

export const INCIDENT_PLANS: Readonly<Record<IncidentKind, IncidentPlan>> = {
  lost_ic_card: {
    kind: 'lost_ic_card',
    notify: [{ ...OFFICER, article: '10(9)①エ' }],
    officerRecords: [
      {
        id: 'access_stopped',
        label: msg('policy.incident.access_card_stopped'),
        article: '10(9)②',
      },
      // Recording how it ended is the organisation's practice; no article asks for it.
      { id: 'outcome', label: msg('policy.incident.found_reissued'), article: OPERATING_RULE },
      {
        id: 'old_card_destroyed',
        label: msg('policy.incident.old_card_collected_destroyed_reissue'),
        article: '10(9)③',
      },
    ],
  },
  virus: {
    kind: 'virus',
    notify: [
      { ...OFFICER, article: '11(3)⑤' },
      IT_ADMIN,
      {
        party: 'chief_officer',
        article: '12(4)④',
        reason: msg('policy.incident.report_case_may_cause_harm'),
      },
    ],
    officerRecords: [
      { id: 'scope', label: msg('policy.incident.scope'), article: '11(3)⑥' },
      { id: 'route', label: msg('policy.incident.infection_route'), article: '11(3)⑥' },
      {
        id: 'removal',
        label: msg('policy.incident.removal_countermeasures'),
        article: '11(3)⑥',
      },
      {
        id: 'reported_to_chief',
        label: msg('policy.incident.reported_chief_officer'),
        article: '12(4)④',
      },
      {
        id: 'evidence',
        label: msg('policy.incident.evidence_preserved_access_logs_etc'),
        article: '12(5)②ク',
      },
    ],
  },
  misdirected_mail: {
    kind: 'misdirected_mail',
    notify: [
      OFFICER,
      {
        party: 'chief_officer',
        article: '12(5)②イ',
        reason: msg('policy.incident.when_personal_information_involved_possible'),
      },
    ],
    officerRecords: [
      {
        // Asking the recipient to delete is the organisation's rule (8(3)①キ is about checking the
        // address before sending), so confirming the deletion is too.
        id: 'deletion_confirmed',
        label: msg('policy.incident.deletion_confirmed'),
        article: OPERATING_RULE,
      },
    ],
  },
  password_leak: {
    kind: 'password_leak',
    notify: [{ ...OFFICER, article: '10(8)②カ' }, IT_ADMIN],
    officerRecords: [
      {
        id: 'password_changed',
        label: msg('policy.incident.password_change_confirmed'),
        article: '10(8)②カ',
      },
      {
        // 11(1)②イ: where unauthorised access is suspected, the officer restricts access. The id stays
        // 'access_reviewed' (stored records use it); the label says what the article asks.
        id: 'access_reviewed',
        label: msg('policy.incident.access_restricted_where_unauthorised_access'),
        article: '11(1)②イ',
      },
    ],
  },
  device_lost: {
    kind: 'device_lost',
    notify: [OFFICER, IT_ADMIN],
    officerRecords: [
      {
        // Containing the damage of a breach (12(5)②ア); 10(4)③ is the check before use, not a step
        // after a loss.
        id: 'remote_wipe',
        label: msg('policy.incident.remote_wipe_carried_out_containment'),
        article: '12(5)②ア',
      },
      {
        id: 'police_report',
        label: msg('policy.incident.police_report_if_stolen'),
        article: '12(5)②ウ',
      },
    ],
  },
  system_failure: {
    kind: 'system_failure',
    // The order of 12(5)①イウ: officer, then 統括, then IT管理者, who tells the affected officers. The
    // bot also tells the officers of the sections named in the report at once: that direct notice is
    // the organisation's rule, not the path of 12(5)①ウ.
    notify: [
      { ...OFFICER, article: '12(5)①イ' },
      {
        party: 'chief_officer',
        article: '12(5)①イ',
        reason: msg('policy.incident.failure_status_report'),
      },
      { party: 'it_admin', article: '12(5)①ウ', reason: msg('policy.incident.failure_notice') },
      {
        party: 'affected_officers',
        article: OPERATING_RULE,
        reason: msg('policy.incident.officers_sections_concerned_told_submission'),
      },
    ],
    officerRecords: [
      {
        id: 'status_scope',
        label: msg('policy.incident.status_impact'),
        article: '12(5)①イ',
      },
      { id: 'cause', label: msg('policy.incident.cause'), article: '12(5)①オ' },
      {
        id: 'recovery',
        label: msg('policy.incident.recovery_actions'),
        article: '12(5)①オ',
      },
    ],
  },
  cyber_attack: {
    kind: 'cyber_attack',
    // 12(5)②イ: the officer reports the breach to 統括 and tells IT管理者; the bot tells all three at once.
    notify: [
      { ...OFFICER, article: '12(5)②イ' },
      { party: 'chief_officer', article: '12(5)②イ', reason: msg('policy.cyber_attack.reason_chief') },
      { party: 'it_admin', article: '12(5)②イ', reason: msg('policy.cyber_attack.reason_it_admin') },
    ],
    // Who may record each step: policy/cyber-attack.ts CYBER_STEP_GRANTS.
    officerRecords: [
      { id: 'connection_cut', label: msg('step.cyber_attack.connection_cut'), article: '11(2)⑦' },
      { id: 'investigation', label: msg('step.cyber_attack.investigation'), article: '11(2)⑦' },
      { id: 'attack_records', label: msg('step.cyber_attack.attack_records'), article: '11(2)⑦' },
      {
        id: 'it_admin_consulted',
        label: msg('step.cyber_attack.it_admin_consulted'),
        article: '12(5)②キ',
      },
      { id: 'system_stopped', label: msg('step.cyber_attack.system_stopped'), article: '12(5)②キ' },
      {
        // The proviso of 12(5)②キ: stopped before consulting because it was urgent.
        id: 'system_stopped_urgent',
        label: msg('step.cyber_attack.system_stopped_urgent'),
        article: '12(5)②キ',
      },
      { id: 'chief_consulted', label: msg('step.cyber_attack.chief_consulted'), article: '12(5)②ウ' },
      { id: 'police_report', label: msg('step.cyber_attack.police_report'), article: '12(5)②ウ' },
    ],
  },
};

export function incidentPlan(kind: IncidentKind): IncidentPlan {
  return INCIDENT_PLANS[kind];
}

export interface UrgentAction {
  id: string;
  text: Localized;
  article: Citation;
}

export function virusActions(v: { disconnected: boolean }): UrgentAction[] {
  return v.disconnected
    ? []
    : [
        {
          id: 'disconnect_now',
          text: msg('policy.incident.still_connected_unplug_lan_cable'),
          article: '11(3)⑤',
        },
      ];
}

export function cyberAttackActions(v: {
  connectionCut: boolean;
  damageContinues: boolean;
  personalData: 'yes' | 'no' | 'unknown';
}): UrgentAction[] {
  const actions: UrgentAction[] = [];
  if (!v.connectionCut)
    actions.push({
      id: 'cut_connection',
      text: msg('policy.cyber_attack.still_connected'),
      article: '11(2)⑦',
    });
  if (v.damageContinues)
    actions.push({
      id: 'stop_system',
      text: msg('policy.cyber_attack.damage_continues'),
      article: '12(5)②キ',
    });
  if (v.personalData !== 'no')
    actions.push({ id: 'possible_leak', text: msg('policy.cyber_attack.possible_leak'), article: '11(2)⑦' });
  return actions;
}

export function passwordLeakActions(v: {
  alreadyChanged: boolean;
  temporaryPassword?: boolean;
  changedAfterLogin?: boolean;
}): UrgentAction[] {
  const actions: UrgentAction[] = v.alreadyChanged
    ? []
    : [
        {
          id: 'change_password',
          text: msg('policy.incident.change_password_now'),
          article: '10(8)②カ',
        },
      ];
  // 10(8)①: a temporary password is changed immediately after logging in; one still in use is the
  // first thing to change.
  if (v.temporaryPassword === true && v.changedAfterLogin !== true)
    actions.push({
      id: 'change_temporary_password',
      text: msg('policy.password.temporary_not_changed'),
      article: '10(8)①',
    });
  return actions;
}

/** What the case keeps of the 10(8)① answers (evaluation details), null when not a temporary password. */
export function temporaryPasswordFacts(v: {
  temporaryPassword?: boolean;
  changedAfterLogin?: boolean;
}): { temporaryPassword: true; changedAfterLogin: boolean } | null {
  return v.temporaryPassword === true
    ? { temporaryPassword: true, changedAfterLogin: v.changedAfterLogin === true }
    : null;
}

export function deviceLostActions(v: {
  lossType: 'lost' | 'stolen';
  remoteWipePossible: boolean;
  policeReported: boolean;
  encrypted: boolean;
  classification: DataClass;
}): UrgentAction[] {
  const actions: UrgentAction[] = [];
  if (v.remoteWipePossible) {
    actions.push({
      id: 'remote_wipe',
      text: msg('policy.incident.contain_damage_section_officer_has'),
      article: '12(5)②ア',
    });
  }
  if (v.lossType === 'stolen' && !v.policeReported) {
    actions.push({
      id: 'police_report',
      text: msg('policy.incident.stolen_officer_consults_chief_reports'),
      article: '12(5)②ウ',
    });
  }
  if (!v.encrypted && (v.classification === 'I' || v.classification === 'II')) {
    actions.push({
      id: 'possible_leak',
      text: msg('policy.incident.unencrypted_class_i_ii_data'),
      article: '12(5)②イ',
    });
  }
  return actions;
}

/** A lost or stolen device with unencrypted class I/II data is a possible leak (routes to 統括). */
export function deviceLostIsPossibleLeak(v: { encrypted: boolean; classification: DataClass }): boolean {
  return !v.encrypted && (v.classification === 'I' || v.classification === 'II');
}

export function misdirectedMailActions(v: { deletionRequested: boolean }): UrgentAction[] {
  return v.deletionRequested
    ? []
    : [
        {
          id: 'request_deletion',
          text: msg('policy.incident.contact_recipient_now_ask_them'),
          // The organisation's rule: 8(3)①キ only says to check the address and confirm receipt.
          article: OPERATING_RULE,
        },
      ];
}
