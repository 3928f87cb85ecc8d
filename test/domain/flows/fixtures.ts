import type { CaseKind } from '../../../src/domain/cases';

/** 2026-04-10 12:00 JST. */
export const NOW = new Date('2026-04-10T03:00:00Z');
export const ctx = { now: NOW };

/** Japanese text: kana or kanji present. */
export const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** A valid raw card submission per flow, all values as strings as Adaptive Cards send them. */
export const VALID: Record<CaseKind, Record<string, string>> = {
  lost_ic_card: {
    cardKind: 'own',
    cardNumber: '',
    lostAt: '2026-04-10T08:30',
    place: '本庁舎3階 第2会議室',
    circumstances: '朝の会議後、首から下げていたストラップごと見当たらない。',
  },
  virus: {
    assetNumber: 'PC-2023-0456',
    trigger: 'antivirus',
    malwareName: 'Trojan:Win32/Wacatac',
    route: 'mail_attachment',
    detectedAt: '2026-04-10T11:45',
    disconnected: 'true',
    details: '',
  },
  misdirected_mail: {
    sentAt: '2026-04-10T10:05',
    wrongAddress: 'tanaka@example.co.jp',
    recipientScope: 'external',
    intendedAddress: 'tanaka@example.lg.jp',
    classification: 'I',
    summary: '説明会参加者名簿',
    personalInfo: 'true',
    affectedPersons: '120',
    sensitivePersonalInfo: 'false',
    propertyDamageRisk: 'false',
    wrongfulPurpose: 'false',
    attachment: 'not_encrypted',
    deletionRequested: 'true',
  },
  password_leak: {
    system: 'グループウェア',
    accountId: 'k-yamada',
    leakRoute: 'phishing',
    details: '',
    noticedAt: '2026-04-10T09:00',
    alreadyChanged: 'false',
  },
  device_lost: {
    deviceKind: 'usb_memory',
    assetNumber: 'USB-0012',
    lossType: 'stolen',
    lostAt: '2026-04-09T19:00',
    place: '駅前の駐輪場',
    classification: 'II',
    encrypted: 'true',
    remoteWipePossible: 'false',
    policeReported: 'false',
    circumstances: '',
  },
  system_failure: {
    systemName: '財務会計システム',
    symptom: 'ログイン画面が表示されない',
    since: '2026-04-10T09:15',
    scope: 'several_sections',
    otherSections: '総務課、施設課',
  },
  cyber_attack: {
    system: '組合ホームページ',
    observed: 'tampering',
    details: 'トップページが見知らぬ画像に書き換えられている',
    seenAt: '2026-04-10T10:30',
    connectionCut: 'false',
    personalData: 'unknown',
    damageContinues: 'true',
  },
  takeout: {
    itemKind: 'terminal',
    description: '説明会用ノートPC',
    assetNumber: 'PC-2024-0101',
    classification: 'II',
    purpose: '住民説明会での資料投影',
    destination: '〇〇市民センター',
    startDate: '2026-04-10',
    returnDate: '2026-04-11',
    protection: 'encryption',
    mobileTerminal: 'true',
    remoteWipeEnabled: 'true',
  },
  exception: {
    provision: '対策基準 10(4)③',
    reason: '災害現場で使用する端末に遠隔消去機能を設定できない。',
    alternative: '職員が常時携帯し、使用後は直ちに返却する。',
    scope: '災害対応用タブレット2台',
    periodStart: '2026-04-10',
    periodEnd: '2026-04-30',
    urgent: 'false',
  },
  software_install: {
    softwareName: 'PDF編集ソフト',
    version: '12.1',
    action: 'install',
    assetNumber: 'PC-2023-0456',
    purpose: '申請書類の編集',
    licenseConfirmed: 'true',
  },
  private_device: {
    deviceKind: 'external_service',
    name: 'オンラインストレージ',
    purpose: '災害時の写真共有',
    reasonCategory: 'disaster_response',
    justification: '庁内ネットワークが使えない被災現場で写真を共有する必要がある。',
    periodStart: '2026-04-10',
    periodEnd: '2026-04-20',
  },
};
