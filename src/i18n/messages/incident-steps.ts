// Incident steps of [7/8]: the cyber-attack flow (11(2)⑦, 12(5)②), temporary passwords (10(8)①) and
// guidance to a member of staff who broke the policy (13(3)).
import type { MessageTable } from '../table';

export const INCIDENT_STEPS_MESSAGES = {
  'intent.cyber_attack': { ja: '不正アクセス・サイバー攻撃', en: 'Unauthorised access / cyber attack' },

  // --- the cyber-attack report (flows/cyber-attack.ts) ---
  'flow.cyber_attack.cut_connection_now': {
    ja: '攻撃を受けているシステムや機器のネットワーク接続を直ちに遮断してください（LANケーブルを抜く、Wi-Fiを切る）。自分でできないときは、課情報セキュリティ責任者が遮断します。',
    en: 'Cut the network connection of the system or device under attack now (unplug the LAN cable, turn Wi-Fi off). If you cannot, the section officer cuts it.',
  },
  'flow.cyber_attack.keep_logs_and_records': {
    ja: 'ログ・画面・メールなど攻撃の記録は消さずに残してください。電源を切ったり、再起動・初期化したりしないでください。',
    en: 'Keep logs, screens and mails of the attack; do not delete them, and do not power off, restart or reset the device.',
  },
  'flow.cyber_attack.report_goes_to': {
    ja: 'この報告は課情報セキュリティ責任者・統括情報セキュリティ責任者・IT管理者に直ちに通知されます。',
    en: 'This report goes at once to your section officer, the chief security officer and the IT administrator.',
  },
  'flow.cyber_attack.system': { ja: '攻撃を受けたシステム・機器', en: 'System or device attacked' },
  'flow.cyber_attack.system_placeholder': {
    ja: '例：ホームページ、財務会計システム、PC-2023-0456',
    en: 'e.g. website, accounting system, PC-2023-0456',
  },
  'flow.cyber_attack.observed': { ja: '何が起きたか', en: 'What was seen' },
  'flow.cyber_attack.observed.unauthorised_login': {
    ja: '身に覚えのないログイン・操作',
    en: 'Logins or operations nobody made',
  },
  'flow.cyber_attack.observed.tampering': { ja: 'データ・ページの改ざん', en: 'Data or pages altered' },
  'flow.cyber_attack.observed.service_down': {
    ja: '大量アクセスによる停止（DoS攻撃など）',
    en: 'Service down from a flood of requests (DoS)',
  },
  'flow.cyber_attack.observed.data_exfiltration': {
    ja: '情報の持ち出し・外部への送信',
    en: 'Information taken or sent outside',
  },
  'flow.cyber_attack.observed.external_notice': {
    ja: '外部からの指摘・攻撃予告',
    en: 'A notice from outside, or a threat',
  },
  'flow.cyber_attack.observed.other': { ja: 'その他', en: 'Other' },
  'flow.cyber_attack.details': { ja: '詳しい状況', en: 'Details' },
  'flow.cyber_attack.details_placeholder': {
    ja: '見たもの、表示されたメッセージ、気付いたきっかけなど',
    en: 'What you saw, messages shown, how you noticed',
  },
  'flow.cyber_attack.seen_at': { ja: '気付いた日時', en: 'When it was seen' },
  'flow.cyber_attack.connection_cut': {
    ja: 'ネットワーク接続を遮断した',
    en: 'The network connection is cut',
  },
  'flow.cyber_attack.connection_cut_help': {
    ja: '遮断できたらオンにしてください。',
    en: 'Switch on once the connection is cut.',
  },
  'flow.cyber_attack.personal_data': {
    ja: '個人情報が漏えいしたおそれ',
    en: 'Personal data may have leaked',
  },
  'flow.cyber_attack.personal_data.yes': { ja: 'あり', en: 'Yes' },
  'flow.cyber_attack.personal_data.no': { ja: 'なし', en: 'No' },
  'flow.cyber_attack.personal_data.unknown': { ja: '分からない', en: 'Not known' },
  'flow.cyber_attack.damage_continues': {
    ja: '被害・攻撃が今も続いている',
    en: 'The damage or attack is still going on',
  },

  // --- temporary passwords (10(8)①) ---
  'flow.password_leak.temporary_password': {
    ja: '責任者から発行された仮のパスワードのことである',
    en: 'It is a temporary password the officer issued',
  },
  'flow.password_leak.temporary_password_help': {
    ja: 'システムを初めて利用するときに課情報セキュリティ責任者から渡されたパスワードです。',
    en: 'The password the section officer gave you when you first used the system.',
  },
  'flow.password_leak.changed_after_login': {
    ja: 'ログイン後すぐに自分のパスワードに変更した',
    en: 'I changed it right after logging in',
  },
  'flow.password_leak.temporary_password_guidance': {
    ja: '仮のパスワードは、ログインしたら直ちに自分のパスワードに変更してください。',
    en: 'Change a temporary password to your own as soon as you have logged in.',
  },
  'policy.password.temporary_not_changed': {
    ja: '仮のパスワードがまだ変更されていません。ログインして直ちに変更してください。',
    en: 'The temporary password has not been changed: log in and change it now.',
  },

  // --- what the report reveals (policy/incident.ts cyberAttackActions) ---
  'policy.cyber_attack.still_connected': {
    ja: 'まだ接続されています。課情報セキュリティ責任者が直ちに接続を遮断します。',
    en: 'Still connected: the section officer cuts the connection at once.',
  },
  'policy.cyber_attack.damage_continues': {
    ja: '攻撃が続いています。情報資産を守るためシステムの停止がやむを得ない場合、責任者はIT管理者と協議のうえ停止します（急を要するときは協議前でも停止できます）。',
    en: 'The attack continues: if stopping the system is unavoidable, the officer stops it after consulting the IT administrator (before, when urgent).',
  },
  'policy.cyber_attack.possible_leak': {
    ja: '個人情報の漏えいのおそれがあります。統括情報セキュリティ責任者に報告し、重大な場合は警察及び関係機関と連携します。',
    en: 'Personal data may have leaked: the chief officer is told, and in a serious case the police and other bodies are involved.',
  },

  // --- who hears of it (routing.ts) and the plan (policy/incident.ts) ---
  'routing.cyber_attack.chief': {
    ja: '侵害事案（サイバー攻撃）の報告先',
    en: 'Receives the report of a breach (cyber attack)',
  },
  'routing.cyber_attack.it_admin': {
    ja: '侵害事案（サイバー攻撃）の連絡先',
    en: 'Is told of a breach (cyber attack)',
  },
  'policy.cyber_attack.reason_chief': {
    ja: '侵害事案の報告を受ける',
    en: 'Receives the breach report',
  },
  'policy.cyber_attack.reason_it_admin': {
    ja: '侵害事案の連絡を受ける',
    en: 'Is told of the breach',
  },

  // --- the officer's steps on the case card (officerRecords) ---
  'step.cyber_attack.connection_cut': { ja: '接続の遮断', en: 'Connection cut' },
  'step.cyber_attack.investigation': {
    ja: '影響範囲・侵入経路の調査',
    en: 'Investigation of scope and route of intrusion',
  },
  'step.cyber_attack.attack_records': { ja: '攻撃の記録の保存', en: 'Attack records kept' },
  'step.cyber_attack.it_admin_consulted': {
    ja: 'システム停止についてIT管理者と協議',
    en: 'IT administrator consulted on stopping the system',
  },
  'step.cyber_attack.system_stopped': {
    ja: 'システムの停止（IT管理者と協議のうえ）',
    en: 'System stopped (after consulting the IT administrator)',
  },
  'step.cyber_attack.system_stopped_urgent': {
    ja: 'システムの停止（急を要するため協議前）',
    en: 'System stopped before consulting (urgent)',
  },
  'step.cyber_attack.chief_consulted': {
    ja: '法令違反の見込み：統括との協議',
    en: 'Likely unlawful: chief officer consulted',
  },
  'step.cyber_attack.police_report': {
    ja: '警察等関係機関への通報',
    en: 'Reported to the police or other authorities',
  },
  'step.cyber_attack.stop_needs_consultation': {
    ja: '「IT管理者と協議のうえ」の停止は、先にIT管理者との協議を記録してください。急を要して協議前に停止したときは「急を要するため協議前」に記録してください。',
    en: 'Record the consultation with the IT administrator first, or record the stop as urgent (before consulting).',
  },
  'step.cyber_attack.police_needs_consultation': {
    ja: '警察等への通報は、統括との協議を記録してから記録してください。',
    en: 'Record the consultation with the chief officer before the police report.',
  },
  'step.cyber_attack.not_your_step': {
    ja: 'この記録は課情報セキュリティ責任者（またはその代理）が行います。あなたが記録できるのは「{steps}」です。',
    en: 'This record is the section officer’s (or their deputy’s). You may record: {steps}.',
  },
  'step.cyber_attack.no_step_for_you': {
    ja: 'この記録は課情報セキュリティ責任者（またはその代理）が行います。',
    en: 'This record is the section officer’s (or their deputy’s).',
  },
} satisfies MessageTable;
