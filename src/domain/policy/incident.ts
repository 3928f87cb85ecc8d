// What each incident kind sets in motion: who must be told (in the standard's order), what the
// section officer must record before closing, and the urgent actions the report itself reveals.
import { OPERATING_RULE, type Citation } from '../articles';
import type { IncidentKind, Localized } from '../cases';
import type { DataClass } from './classification';

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
  reason: { ja: 'セキュリティインシデントの報告先', en: 'Receives security incident reports' },
};
const IT_ADMIN: NotifyRule = {
  party: 'it_admin',
  article: '10(6)②',
  reason: { ja: '課情報セキュリティ責任者と連携し助言する', en: 'Advises the section officer' },
};

export const INCIDENT_PLANS: Readonly<Record<IncidentKind, IncidentPlan>> = {
  lost_ic_card: {
    kind: 'lost_ic_card',
    notify: [{ ...OFFICER, article: '10(9)①エ' }],
    officerRecords: [
      {
        id: 'access_stopped',
        label: { ja: 'カードによるアクセスの停止', en: 'Access with the card stopped' },
        article: '10(9)②',
      },
      // Recording how it ended is the organisation's practice; no article asks for it.
      { id: 'outcome', label: { ja: '発見又は再発行', en: 'Found or reissued' }, article: OPERATING_RULE },
      {
        id: 'old_card_destroyed',
        label: {
          ja: '旧カードの回収・破砕（再発行の場合）',
          en: 'Old card collected and destroyed (on reissue)',
        },
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
        reason: { ja: '被害が生じるおそれがある事案の報告', en: 'Report of a case that may cause harm' },
      },
    ],
    officerRecords: [
      { id: 'scope', label: { ja: '影響範囲', en: 'Scope' }, article: '11(3)⑥' },
      { id: 'route', label: { ja: '感染経路', en: 'Infection route' }, article: '11(3)⑥' },
      {
        id: 'removal',
        label: { ja: 'ウイルス駆除等の対策', en: 'Removal and countermeasures' },
        article: '11(3)⑥',
      },
      {
        id: 'reported_to_chief',
        label: { ja: '統括情報セキュリティ責任者への報告', en: 'Reported to the chief officer' },
        article: '12(4)④',
      },
      {
        id: 'evidence',
        label: { ja: '証拠保全（アクセス記録等）', en: 'Evidence preserved (access logs etc.)' },
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
        reason: {
          ja: '個人情報を含む場合（漏えいの可能性）',
          en: 'When personal information is involved (possible leak)',
        },
      },
    ],
    officerRecords: [
      {
        // Asking the recipient to delete is the organisation's rule (8(3)①キ is about checking the
        // address before sending), so confirming the deletion is too.
        id: 'deletion_confirmed',
        label: { ja: '誤送信先での削除の確認', en: 'Deletion confirmed' },
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
        label: { ja: 'パスワードの変更確認', en: 'Password change confirmed' },
        article: '10(8)②カ',
      },
      {
        // 11(1)②イ: where unauthorised access is suspected, the officer restricts access. The id stays
        // 'access_reviewed' (stored records use it); the label says what the article asks.
        id: 'access_reviewed',
        label: {
          ja: '不正アクセスが疑われる場合のアクセス制限（実施内容、又は不要と判断した理由）',
          en: 'Access restricted where unauthorised access is suspected (what was done, or why not needed)',
        },
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
        label: { ja: '遠隔消去の実施（被害拡大の防止）', en: 'Remote wipe carried out (containment)' },
        article: '12(5)②ア',
      },
      {
        id: 'police_report',
        label: { ja: '警察への通報（盗難の場合）', en: 'Police report (if stolen)' },
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
        reason: { ja: '障害状況等の報告', en: 'Failure status report' },
      },
      { party: 'it_admin', article: '12(5)①ウ', reason: { ja: '障害状況等の連絡', en: 'Failure notice' } },
      {
        party: 'affected_officers',
        article: OPERATING_RULE,
        reason: {
          ja: '障害に関係する課の課情報セキュリティ責任者（報告と同時に通知）',
          en: 'Officers of the sections concerned (told on submission)',
        },
      },
    ],
    officerRecords: [
      {
        id: 'status_scope',
        label: { ja: '障害状況及び影響範囲', en: 'Status and impact' },
        article: '12(5)①イ',
      },
      { id: 'cause', label: { ja: '障害の原因', en: 'Cause' }, article: '12(5)①オ' },
      {
        id: 'recovery',
        label: { ja: '回復のために実施した処理', en: 'Recovery actions' },
        article: '12(5)①オ',
      },
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
          text: {
            ja: 'まだネットワークにつながっています。今すぐLANケーブルを抜き、Wi-Fiをオフにしてください。',
            en: 'Still connected: unplug the LAN cable and turn Wi-Fi off now.',
          },
          article: '11(3)⑤',
        },
      ];
}

export function passwordLeakActions(v: { alreadyChanged: boolean }): UrgentAction[] {
  return v.alreadyChanged
    ? []
    : [
        {
          id: 'change_password',
          text: { ja: '今すぐパスワードを変更してください。', en: 'Change the password now.' },
          article: '10(8)②カ',
        },
      ];
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
      text: {
        ja: '被害拡大の防止のため、課情報セキュリティ責任者がIT管理者と連携して遠隔消去を行います。',
        en: 'To contain the damage, the section officer has the IT administrator wipe it remotely.',
      },
      article: '12(5)②ア',
    });
  }
  if (v.lossType === 'stolen' && !v.policeReported) {
    actions.push({
      id: 'police_report',
      text: {
        ja: '盗難のため、課情報セキュリティ責任者が統括と協議のうえ警察に通報します。',
        en: 'Stolen: the officer consults the chief and reports to the police.',
      },
      article: '12(5)②ウ',
    });
  }
  if (!v.encrypted && (v.classification === 'I' || v.classification === 'II')) {
    actions.push({
      id: 'possible_leak',
      text: {
        ja: '暗号化されていない重要性分類Ⅱ以上のデータがあり、漏えいの可能性として統括に報告します。',
        en: 'Unencrypted class I/II data: reported to the chief as a possible leak.',
      },
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
          text: {
            ja: '誤送信先に至急連絡し、メールの削除を依頼してください。',
            en: 'Contact the recipient now and ask them to delete the mail.',
          },
          // The organisation's rule: 8(3)①キ only says to check the address and confirm receipt.
          article: OPERATING_RULE,
        },
      ];
}
