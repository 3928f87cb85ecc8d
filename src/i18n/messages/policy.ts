// Generated from inline text; edit freely (keys are referenced by the code).
import type { MessageTable } from '../table';

export const POLICY_MESSAGES = {
  'policy.classification.class_i': { ja: '重要性分類Ⅰ', en: 'Class I' },
  'policy.classification.personal_information_data_only_minimum': {
    ja: '個人情報及び業務上必要とする最小限の者のみが扱うデータ',
    en: 'Personal information and data only the minimum necessary staff may handle',
  },
  'policy.classification.class_ii': { ja: '重要性分類Ⅱ', en: 'Class II' },
  'policy.classification.data_not_meant_published_whose': {
    ja: '公開することを予定していないデータ及びセキュリティ侵害が行政事務の執行等に重大な影響を及ぼすデータ',
    en: 'Data not meant to be published, or whose breach seriously affects administration',
  },
  'policy.classification.class_iii': { ja: '重要性分類Ⅲ', en: 'Class III' },
  'policy.classification.published_data_whose_breach_affects': {
    ja: '外部に公開するデータのうち、セキュリティ侵害が行政事務の執行等に影響を及ぼすデータ',
    en: 'Published data whose breach affects administration',
  },
  'policy.classification.class_iv': { ja: '重要性分類Ⅳ', en: 'Class IV' },
  'policy.classification.all_other_data': { ja: '上記以外のデータ', en: 'All other data' },
  'policy.data_leak.contains_sensitive_personal_information': {
    ja: '要配慮個人情報を含む',
    en: 'Contains sensitive personal information',
  },
  'policy.data_leak.misuse_could_cause_financial_loss': {
    ja: '不正に利用されることにより財産的被害が生じるおそれがある',
    en: 'Misuse could cause financial loss',
  },
  'policy.data_leak.may_have_been_done_wrongful': {
    ja: '不正の目的をもって行われたおそれがある',
    en: 'May have been done for a wrongful purpose',
  },
  'policy.data_leak.more_than_100_persons_affected': {
    ja: '本人の数が100人を超える',
    en: 'More than 100 persons affected',
  },
  'policy.data_leak.ask_recipient_delete_mail_now': {
    ja: '誤送信先へ至急メールの削除を依頼してください。',
    en: 'Ask the recipient to delete the mail now.',
  },
  'policy.data_leak.internal_recipient_section_officer_investigates': {
    ja: '組合内への誤送信です。漏えいに当たるか（確認された被害・影響範囲）は、削除の確認を含め課情報セキュリティ責任者が調査します。',
    en: 'Internal recipient: the section officer investigates, deletion included, whether it caused damage (a leak).',
  },
  'policy.data_leak.class_i_ii_data_was': {
    ja: '重要性分類Ⅱ以上のデータが暗号化されずに送信されています。',
    en: 'Class I/II data was sent without encryption.',
  },
  'policy.exception.forwarded_section_officer': {
    ja: '課情報セキュリティ責任者による進達',
    en: 'Forwarded by the section officer',
  },
  'policy.exception.approved_chief_security_officer': {
    ja: '統括情報セキュリティ責任者による許可',
    en: 'Approved by the chief security officer',
  },
  'policy.exception.section_officer_decides_act_once': {
    ja: '課情報セキュリティ責任者による緊急実施の判断',
    en: 'Section officer decides to act at once',
  },
  'policy.exception.reported_afterwards_chief_officer': {
    ja: '統括情報セキュリティ責任者への事後報告',
    en: 'Reported afterwards to the chief officer',
  },
  'policy.incident.receives_security_incident_reports': {
    ja: 'セキュリティインシデントの報告先',
    en: 'Receives security incident reports',
  },
  'policy.incident.advises_section_officer': {
    ja: '課情報セキュリティ責任者と連携し助言する',
    en: 'Advises the section officer',
  },
  'policy.incident.access_card_stopped': {
    ja: 'カードによるアクセスの停止',
    en: 'Access with the card stopped',
  },
  'policy.incident.found_reissued': { ja: '発見又は再発行', en: 'Found or reissued' },
  'policy.incident.old_card_collected_destroyed_reissue': {
    ja: '旧カードの回収・破砕（再発行の場合）',
    en: 'Old card collected and destroyed (on reissue)',
  },
  'policy.incident.report_case_may_cause_harm': {
    ja: '被害が生じるおそれがある事案の報告',
    en: 'Report of a case that may cause harm',
  },
  'policy.incident.scope': { ja: '影響範囲', en: 'Scope' },
  'policy.incident.infection_route': { ja: '感染経路', en: 'Infection route' },
  'policy.incident.removal_countermeasures': {
    ja: 'ウイルス駆除等の対策',
    en: 'Removal and countermeasures',
  },
  'policy.incident.reported_chief_officer': {
    ja: '統括情報セキュリティ責任者への報告',
    en: 'Reported to the chief officer',
  },
  'policy.incident.evidence_preserved_access_logs_etc': {
    ja: '証拠保全（アクセス記録等）',
    en: 'Evidence preserved (access logs etc.)',
  },
  'policy.incident.when_personal_information_involved_possible': {
    ja: '個人情報を含む場合（漏えいの可能性）',
    en: 'When personal information is involved (possible leak)',
  },
  'policy.incident.deletion_confirmed': { ja: '誤送信先での削除の確認', en: 'Deletion confirmed' },
  'policy.incident.password_change_confirmed': {
    ja: 'パスワードの変更確認',
    en: 'Password change confirmed',
  },
  'policy.incident.access_restricted_where_unauthorised_access': {
    ja: '不正アクセスが疑われる場合のアクセス制限（実施内容、又は不要と判断した理由）',
    en: 'Access restricted where unauthorised access is suspected (what was done, or why not needed)',
  },
  'policy.incident.remote_wipe_carried_out_containment': {
    ja: '遠隔消去の実施（被害拡大の防止）',
    en: 'Remote wipe carried out (containment)',
  },
  'policy.incident.police_report_if_stolen': {
    ja: '警察への通報（盗難の場合）',
    en: 'Police report (if stolen)',
  },
  'policy.incident.failure_status_report': { ja: '障害状況等の報告', en: 'Failure status report' },
  'policy.incident.failure_notice': { ja: '障害状況等の連絡', en: 'Failure notice' },
  'policy.incident.officers_sections_concerned_told_submission': {
    ja: '障害に関係する課の課情報セキュリティ責任者（報告と同時に通知）',
    en: 'Officers of the sections concerned (told on submission)',
  },
  'policy.incident.status_impact': { ja: '障害状況及び影響範囲', en: 'Status and impact' },
  'policy.incident.cause': { ja: '障害の原因', en: 'Cause' },
  'policy.incident.recovery_actions': { ja: '回復のために実施した処理', en: 'Recovery actions' },
  'policy.incident.still_connected_unplug_lan_cable': {
    ja: 'まだネットワークにつながっています。今すぐLANケーブルを抜き、Wi-Fiをオフにしてください。',
    en: 'Still connected: unplug the LAN cable and turn Wi-Fi off now.',
  },
  'policy.incident.change_password_now': {
    ja: '今すぐパスワードを変更してください。',
    en: 'Change the password now.',
  },
  'policy.incident.contain_damage_section_officer_has': {
    ja: '被害拡大の防止のため、課情報セキュリティ責任者がIT管理者と連携して遠隔消去を行います。',
    en: 'To contain the damage, the section officer has the IT administrator wipe it remotely.',
  },
  'policy.incident.stolen_officer_consults_chief_reports': {
    ja: '盗難のため、課情報セキュリティ責任者が統括と協議のうえ警察に通報します。',
    en: 'Stolen: the officer consults the chief and reports to the police.',
  },
  'policy.incident.unencrypted_class_i_ii_data': {
    ja: '暗号化されていない重要性分類Ⅱ以上のデータがあり、漏えいの可能性として統括に報告します。',
    en: 'Unencrypted class I/II data: reported to the chief as a possible leak.',
  },
  'policy.incident.contact_recipient_now_ask_them': {
    ja: '誤送信先に至急連絡し、メールの削除を依頼してください。',
    en: 'Contact the recipient now and ask them to delete the mail.',
  },
  'policy.takeout.class_i_ii_information_taken': {
    ja: '重要性分類Ⅱ以上の情報を庁外へ持ち出すときは、暗号化又はパスワード設定が必要です。',
    en: 'Class I/II information taken out of the office must be encrypted or password-protected.',
  },
  'policy.takeout.mobile_terminal_used_outside_office': {
    ja: 'モバイル端末を庁外で使用するには、遠隔消去機能が有効であることが必要です。',
    en: 'A mobile terminal used outside the office must have remote wipe enabled.',
  },
  'policy.takeout.stays_same_building_under_control': {
    ja: '同一庁舎内で自己の管理下に置き、持ち出し先で施錠等の盗難防止措置を確実にできるため、課情報セキュリティ責任者の許可は不要です。',
    en: 'It stays in the same building under your control and can be locked away at the destination, so no permission from the section officer is needed.',
  },
  'policy.takeout.while_carrying_lock_log_off': {
    ja: '携行中は端末機のロック、ログオフ又はシャットダウンを行ってください。',
    en: 'While carrying it, lock, log off or shut down the terminal.',
  },
  'policy.takeout.inside_office_too_handle_data': {
    ja: '庁内でも、データは庁外へ持ち出す場合に準じて取り扱ってください（重要性分類Ⅱ以上は暗号化又はパスワード設定）。',
    en: 'Inside the office too, handle the data as if it were taken out (class I/II: encryption or a password).',
  },
  'policy.takeout.class_i_data_needs_section': {
    ja: '重要性分類Ⅰのデータは、複製・出力にも課情報セキュリティ責任者の許可が必要です。',
    en: 'Class I data needs the section officer’s permission even to copy or output it.',
  },
  'policy.takeout.class_iii_iv_data_should': {
    ja: '重要性分類Ⅲ・Ⅳのデータも、必要に応じて暗号化又はパスワード設定を行ってください。',
    en: 'Class III/IV data should also be encrypted or password-protected where appropriate.',
  },
  'policy.takeout.terminals_media_need_section_officer': {
    ja: '端末機・記録媒体を執務室以外に持ち出すには課情報セキュリティ責任者の許可が必要です。携行中はロック、ログオフ又はシャットダウンしてください。',
    en: 'Terminals and media need the section officer’s permission to leave the office room; lock, log off or shut down while carrying them.',
  },
  'policy.takeout.no_permission_from_section_officer': {
    ja: 'このデータの持ち出しに課情報セキュリティ責任者の許可は不要です。',
    en: 'No permission from the section officer is needed for this data.',
  },
  'policy.takeout.take_out_entered_section_officer': {
    ja: '持ち出しは課情報セキュリティ責任者の持ち出し記録に登録されます。',
    en: 'The take-out is entered in the section officer’s take-out record.',
  },
  'policy.takeout.request_kept_record_sent_section': {
    ja: '申請内容は記録として課情報セキュリティ責任者に通知されます。',
    en: 'The request is kept as a record and sent to the section officer for information.',
  },
} as const satisfies MessageTable;
