// Incident steps of [7/8]: the cyber-attack flow (11(2)⑦, 12(5)②), temporary passwords (10(8)①) and
// guidance to a member of staff who broke the policy (13(3)).
import type { MessageTable } from '../table';

export const INCIDENT_STEPS_MESSAGES = {
  'intent.guidance': { ja: 'ポリシー違反への指導', en: 'Guidance on a policy breach' },
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
  // --- 13(3) guidance and suspension of rights ---
  'guidance.member_told': {
    ja: '{officer} さんから、情報セキュリティポリシーに違反している行為について指導がありました。\n違反の内容：{rule}\n指導：{guidance}\n改善の期限：{date}',
    en: '{officer} gave you guidance about conduct that breaks the security policy.\nRule: {rule}\nGuidance: {guidance}\nImprove by: {date}',
  },
  'guidance.member_improved': {
    ja: '指導（{rule}）について、改善が確認されました。',
    en: 'The guidance ({rule}) is closed: improvement confirmed.',
  },
  'guidance.member_suspended': {
    ja: '指導（{rule}）によっても改善されなかったため、{from} から次の情報システム等を使用する権利が停止されます：{systems}',
    en: 'As the guidance ({rule}) did not bring improvement, your right to use these systems is suspended from {from}: {systems}',
  },
  'guidance.member_revoked': {
    ja: '指導（{rule}）によっても改善されなかったため、{from} から次の情報システム等を使用する権利が剥奪されます：{systems}',
    en: 'As the guidance ({rule}) did not bring improvement, your right to use these systems is revoked from {from}: {systems}',
  },
  'guidance.title': { ja: 'ポリシー違反への指導', en: 'Guidance on a policy breach' },
  'guidance.intro': {
    ja: '所属職員の行動がポリシーに違反していると確認した場合は、速やかに改善するよう指導し、ここに記録します。本人に通知され、改善の期限の日に改善されたか確認をお願いします。',
    en: 'When a member of your section breaks the policy, give guidance to improve and record it here. They are told, and on the date you are asked whether it improved.',
  },
  'guidance.field.member': { ja: '対象の職員', en: 'Member of staff' },
  'guidance.field.rule': { ja: '違反した規定・行為', en: 'Rule broken' },
  'guidance.field.guidance': { ja: '指導の内容', en: 'Guidance given' },
  'guidance.field.improve_by': { ja: '改善の期限', en: 'Improve by' },
  'guidance.submit': { ja: '指導を記録して本人に通知', en: 'Record and tell the member' },
  'guidance.error.member': { ja: '対象の職員を選んでください。', en: 'Choose the member of staff.' },
  'guidance.error.rule': { ja: '違反した規定・行為を入力してください。', en: 'Enter the rule broken.' },
  'guidance.error.guidance': { ja: '指導の内容を入力してください。', en: 'Enter the guidance.' },
  'guidance.error.improve_by': {
    ja: '改善の期限を今日以降の日付で入力してください。',
    en: 'Enter an improve-by date from today on.',
  },
  'guidance.error.systems': {
    ja: '停止・剥奪する情報システム等を入力してください。',
    en: 'Enter the systems concerned.',
  },
  'guidance.error.from': { ja: '開始日を入力してください。', en: 'Enter the start date.' },
  'guidance.error.kind': { ja: '停止か剥奪かを選んでください。', en: 'Choose suspend or revoke.' },
  'guidance.no_members': {
    ja: '指導を記録できるのは、所属職員の課情報セキュリティ責任者（または代理者）です。',
    en: 'Only the section officer (or deputy) of the member records guidance.',
  },
  'guidance.recorded': {
    ja: '{name} さんへの指導を記録し、本人に通知しました（改善の期限 {date}）。',
    en: 'Guidance to {name} recorded and sent to them (improve by {date}).',
  },
  'guidance.refused': {
    ja: 'この職員への指導は記録できません。記録できるのは所属の課情報セキュリティ責任者（または代理者）です。',
    en: 'You cannot record guidance for this person: only their section officer (or deputy) can.',
  },
  'guidance.unavailable': {
    ja: 'この記録は表示・操作できません。',
    en: 'This record cannot be shown or changed.',
  },
  'guidance.already_decided': {
    ja: 'この指導の結果はすでに記録されています。',
    en: 'The outcome of this guidance is already recorded.',
  },
  'guidance.followup.title': {
    ja: '改善の確認（指導の期限）',
    en: 'Has it improved? (guidance date)',
  },
  'guidance.followup.text': {
    ja: '{name} さんへの指導の改善期限（{date}）です。改善されたか確認してください。',
    en: 'The improve-by date ({date}) of your guidance to {name} has come. Has it improved?',
  },
  'guidance.followup.rule': { ja: '違反の内容', en: 'Rule broken' },
  'guidance.followup.guidance': { ja: '指導', en: 'Guidance' },
  'guidance.followup.improved': { ja: '改善された', en: 'Improved' },
  'guidance.followup.not_improved': {
    ja: '改善されない：使用する権利を停止・剥奪する',
    en: 'Not improved: suspend or revoke the rights',
  },
  'guidance.followup.kind': { ja: '停止・剥奪', en: 'Suspend or revoke' },
  'guidance.followup.kind.suspend': { ja: '停止', en: 'Suspend' },
  'guidance.followup.kind.revoke': { ja: '剥奪', en: 'Revoke' },
  'guidance.followup.systems': { ja: '対象の情報システム等', en: 'Systems' },
  'guidance.followup.from': { ja: '開始日', en: 'From' },
  'guidance.improved_done': {
    ja: '改善を記録し、本人に通知しました。',
    en: 'Improvement recorded; the member is told.',
  },
  'guidance.suspended_done': {
    ja: '使用する権利の停止・剥奪を記録し、本人に通知しました。',
    en: 'Suspension or revocation recorded; the member is told.',
  },
  'guidance.list.title': { ja: 'ポリシー違反への指導の記録', en: 'Guidance records' },
  'guidance.list.empty': { ja: '記録はありません。', en: 'No records.' },
  'guidance.list.line': {
    ja: 'GD-{id} {section} {name}：{rule}（期限 {date}・{status}）',
    en: 'GD-{id} {section} {name}: {rule} (by {date}, {status})',
  },
  'guidance.status.guided': { ja: '指導中', en: 'Guided' },
  'guidance.status.improved': { ja: '改善済み', en: 'Improved' },
  'guidance.status.suspended': {
    ja: '権利停止・剥奪（{from}〜 {systems}）',
    en: 'Rights suspended/revoked (from {from}: {systems})',
  },
} satisfies MessageTable;
