// Generated from inline text; edit freely (keys are referenced by the code).
import type { MessageTable } from '../table';

export const FLOW_MESSAGES = {
  'flow.device_lost.report_goes_section_officer_administrator': {
    ja: 'この報告は課情報セキュリティ責任者とIT管理者に通知されます。責任者はIT管理者と連携し、遠隔消去（リモートワイプ）などで被害の拡大を防ぎます。',
    en: 'This report goes to your section officer and the IT administrator; the officer contains the damage with them, e.g. by a remote wipe.',
  },
  'flow.device_lost.if_stolen_officer_consults_chief': {
    ja: '盗難の場合は、課情報セキュリティ責任者が統括と協議のうえ警察に通報します。届出済みなら入力してください。',
    en: 'If stolen, the officer consults the chief and reports to the police; tell us if you already did.',
  },
  'flow.device_lost.if_found_do_not_use': {
    ja: '見つかった場合も、指示があるまで使用・ネットワーク接続をしないでください。',
    en: 'If found, do not use or connect it until told to.',
  },
  'flow.device_lost.device': { ja: '種類', en: 'Device' },
  'flow.device_lost.asset_medium_number': { ja: '資産番号・媒体の識別番号', en: 'Asset / medium number' },
  'flow.device_lost.lost_stolen': { ja: '紛失・盗難の別', en: 'Lost or stolen' },
  'flow.device_lost.when_happened': { ja: '紛失・盗難に気付いた日時', en: 'When it happened' },
  'flow.device_lost.where_best_guess': { ja: '場所（推定）', en: 'Where (best guess)' },
  'flow.device_lost.classification_data': {
    ja: '保存されていたデータの重要性分類',
    en: 'Classification of the data on it',
  },
  'flow.device_lost.encrypted': { ja: '暗号化されている', en: 'Encrypted' },
  'flow.device_lost.remote_wipe_possible': { ja: '遠隔消去が可能', en: 'Remote wipe possible' },
  'flow.device_lost.reported_police': { ja: '警察に届出済み', en: 'Reported to the police' },
  'flow.device_lost.circumstances': { ja: '状況', en: 'Circumstances' },
  'flow.device_lost.pc': { ja: 'パソコン', en: 'PC' },
  'flow.device_lost.tablet': { ja: 'タブレット', en: 'Tablet' },
  'flow.device_lost.smartphone': { ja: 'スマートフォン', en: 'Smartphone' },
  'flow.device_lost.usb_memory': { ja: 'USBメモリ', en: 'USB memory' },
  'flow.device_lost.other_medium': { ja: 'その他の記録媒体（DVD・外付けディスク等）', en: 'Other medium' },
  'flow.device_lost.lost': { ja: '紛失', en: 'Lost' },
  'flow.device_lost.stolen': { ja: '盗難', en: 'Stolen' },
  'flow.device_lost.highest_class_data_held': {
    ja: '保存されていたデータのうち最も上位の分類を選んでください。',
    en: 'The highest class of the data it held.',
  },
  'flow.device_lost.whether_remote_wipe_can_contain': {
    ja: '遠隔消去で被害の拡大を防げるかの確認です。',
    en: 'Whether a remote wipe can contain the damage.',
  },
  'flow.device_lost.answer_when_stolen': { ja: '盗難の場合に回答してください。', en: 'Answer when stolen.' },
  'flow.exception.exception_needs_sound_reason_chief': {
    ja: '例外措置は、合理的な理由がある場合に統括情報セキュリティ責任者の許可を受けて行うものです。課情報セキュリティ責任者を経由して申請します。',
    en: 'An exception needs a sound reason and the chief security officer’s permission, through your section officer.',
  },
  'flow.exception.only_when_urgent_unavoidable_may': {
    ja: '緊急を要し避けられない場合に限り、課情報セキュリティ責任者は許可前に実施できます。その場合は事後直ちに統括へ報告します。',
    en: 'Only when urgent and unavoidable may the section officer act before permission, reporting to the chief at once.',
  },
  'flow.exception.provision_cannot_kept': { ja: '遵守が困難な規定', en: 'Provision that cannot be kept' },
  'flow.exception.reason': { ja: '理由', en: 'Reason' },
  'flow.exception.alternative_measure': { ja: '代替措置', en: 'Alternative measure' },
  'flow.exception.scope': { ja: '対象範囲', en: 'Scope' },
  'flow.exception.start_date': { ja: '適用開始日', en: 'Start date' },
  'flow.exception.end_date': { ja: '適用終了日', en: 'End date' },
  'flow.exception.urgent_act_first_report_afterwards': {
    ja: '緊急（許可前に実施し、事後報告する）',
    en: 'Urgent (act first, report afterwards)',
  },
  'flow.exception.e_g_10_4_remote': {
    ja: '例: 対策基準 10(4)③（遠隔消去機能）',
    en: 'e.g. 10(4)③ (remote wipe)',
  },
  'flow.exception.why_rule_cannot_kept_why': {
    ja: '遵守が困難な状況と、行政事務の遂行に必要な理由を書いてください。',
    en: 'Why the rule cannot be kept and why the work requires it.',
  },
  'flow.exception.e_g_carried_all_times': {
    ja: '例: 持ち出し中は常時携帯し、使用後は直ちに返却する',
    en: 'e.g. carried at all times',
  },
  'flow.exception.systems_terminals_staff_concerned': {
    ja: '対象のシステム・端末機・職員など',
    en: 'Systems, terminals, staff concerned',
  },
  'flow.exception.section_officer_acts_first_reports': {
    ja: '緊急時は課情報セキュリティ責任者が先に実施し、統括へ事後直ちに報告します。',
    en: 'The section officer acts first and reports to the chief at once afterwards.',
  },
  'flow.form.i_personal_data_need_know': {
    ja: 'Ⅰ（個人情報・最小限の者のみが扱うデータ）',
    en: 'I (personal data / need-to-know only)',
  },
  'flow.form.ii_not_publication_serious_impact': {
    ja: 'Ⅱ（非公開・侵害時に重大な影響）',
    en: 'II (not for publication / serious impact)',
  },
  'flow.form.iii_published_breach_has_impact': {
    ja: 'Ⅲ（公開データのうち侵害時に影響あり）',
    en: 'III (published, breach has impact)',
  },
  'flow.form.iv_other': { ja: 'Ⅳ（上記以外）', en: 'IV (other)' },
  'flow.form.submission_could_not_read_please': {
    ja: '送信内容を読み取れませんでした。もう一度入力してください。',
    en: 'The submission could not be read. Please try again.',
  },
  'flow.lost_ic_card.report_goes_section_security_officer': {
    ja: 'この報告は課情報セキュリティ責任者へ直ちに通知されます。以後は責任者の指示に従ってください。',
    en: 'This report goes to your section security officer at once. Follow their instructions from now on.',
  },
  'flow.lost_ic_card.officer_will_stop_access_card': {
    ja: '責任者がこのカードによるアクセスを停止します。見つかっても、指示があるまで使用しないでください。',
    en: 'The officer will stop access with this card. If you find it, do not use it until told to.',
  },
  'flow.lost_ic_card.if_card_reissued_old_card': {
    ja: 'カードを再発行する場合、見つかった旧カードは回収し、破砕して廃棄します。',
    en: 'If the card is reissued, the old card is collected and destroyed if found.',
  },
  'flow.lost_ic_card.card_type': { ja: 'カードの種類', en: 'Card type' },
  'flow.lost_ic_card.card_number': { ja: 'カード番号', en: 'Card number' },
  'flow.lost_ic_card.when_was_lost': { ja: '紛失に気付いた日時', en: 'When it was lost' },
  'flow.lost_ic_card.where_was_lost_best_guess': {
    ja: '紛失した場所（推定）',
    en: 'Where it was lost (best guess)',
  },
  'flow.lost_ic_card.circumstances': { ja: '紛失の状況', en: 'Circumstances' },
  'flow.lost_ic_card.personal': { ja: '本人用', en: 'Personal' },
  'flow.lost_ic_card.shared': { ja: '共用', en: 'Shared' },
  'flow.lost_ic_card.choose_shared_shared_ic_card': {
    ja: '共用ICカード（利用者として登録された人だけが使うカード）の場合は「共用」を選んでください。',
    en: 'Choose "Shared" for a shared IC card (one used only by its registered users).',
  },
  'flow.lost_ic_card.if_known_e_g_0012345': {
    ja: '分かる場合のみ（例: 0012345）',
    en: 'If known (e.g. 0012345)',
  },
  'flow.lost_ic_card.japan_time': { ja: '日本時間で入力してください。', en: 'Japan time.' },
  'flow.lost_ic_card.e_g_meeting_room_3f': {
    ja: '例: 本庁舎3階会議室、通勤途中の電車内',
    en: 'e.g. meeting room 3F, commuter train',
  },
  'flow.lost_ic_card.last_use_where_searched_whether': {
    ja: '最後に使った時刻・場所、探した場所、ストラップ等に付けていたか など',
    en: 'Last use, where you searched, whether it was on a lanyard, etc.',
  },
  'flow.lost_ic_card.report_section_officer': {
    ja: '課情報セキュリティ責任者への報告内容になります。',
    en: 'This is the report to your section officer.',
  },
  'flow.misdirected_mail.contact_wrong_recipient_ask_them': {
    ja: '誤って送った相手に連絡し、メール（添付ファイルを含む）の削除を依頼してください。削除した旨の返信ももらってください。同じ内容は再送しないでください。',
    en: 'Contact the wrong recipient and ask them to delete the mail and attachments, and to confirm by reply. Do not resend.',
  },
  'flow.misdirected_mail.from_now_including_sending_right': {
    ja: '正しい宛先への送付など、以後は課情報セキュリティ責任者の指示に従ってください。',
    en: 'From now on, including sending to the right address, follow your section officer’s instructions.',
  },
  'flow.misdirected_mail.keep_sent_mail_do_not': {
    ja: '送信済みメールは削除せず、そのまま残してください（証拠保全）。',
    en: 'Keep the sent mail; do not delete it (evidence).',
  },
  'flow.misdirected_mail.when_send_data_e_mail': {
    ja: '今後、メールでデータを送るときは送信先のアドレスを十分に確認し、必要に応じて受領確認を行ってください。',
    en: 'When you send data by e-mail, check the address carefully and confirm receipt where needed.',
  },
  'flow.misdirected_mail.when_sent': { ja: '送信日時', en: 'When sent' },
  'flow.misdirected_mail.wrong_address': { ja: '誤送信先のメールアドレス', en: 'Wrong address' },
  'flow.misdirected_mail.wrong_address_2': { ja: '誤送信先の区分', en: 'Wrong address is' },
  'flow.misdirected_mail.intended_address': { ja: '本来の送信先のメールアドレス', en: 'Intended address' },
  'flow.misdirected_mail.classification_what_was_sent': {
    ja: '送信した情報の重要性分類',
    en: 'Classification of what was sent',
  },
  'flow.misdirected_mail.subject_summary': { ja: '件名・内容の概要', en: 'Subject and summary' },
  'flow.misdirected_mail.contains_personal_information': {
    ja: '個人情報を含む',
    en: 'Contains personal information',
  },
  'flow.misdirected_mail.number_persons_affected': {
    ja: '個人情報の本人の人数',
    en: 'Number of persons affected',
  },
  'flow.misdirected_mail.contains_sensitive_personal_information': {
    ja: '要配慮個人情報を含む',
    en: 'Contains sensitive personal information',
  },
  'flow.misdirected_mail.risk_financial_loss_bank_card': {
    ja: '財産的被害のおそれがある（口座番号・クレジットカード番号等）',
    en: 'Risk of financial loss (bank or card data)',
  },
  'flow.misdirected_mail.wrongful_purpose_suspected': {
    ja: '不正の目的によるおそれがある',
    en: 'Wrongful purpose suspected',
  },
  'flow.misdirected_mail.attachment': { ja: '添付ファイル', en: 'Attachment' },
  'flow.misdirected_mail.deletion_requested_from_recipient': {
    ja: '誤送信先に削除を依頼した',
    en: 'Deletion requested from the recipient',
  },
  'flow.misdirected_mail.e_g_tanaka_example_co': {
    ja: '例: tanaka@example.co.jp',
    en: 'e.g. tanaka@example.co.jp',
  },
  'flow.misdirected_mail.internal_staff': { ja: '組合内（職員）', en: 'Internal (staff)' },
  'flow.misdirected_mail.external': { ja: '組合外', en: 'External' },
  'flow.misdirected_mail.if_several_choose_highest_class': {
    ja: '複数の情報を含む場合は最も上位の分類を選んでください。',
    en: 'If several, choose the highest class.',
  },
  'flow.misdirected_mail.personal_information_makes_possible_personal': {
    ja: '個人情報を含む場合は個人データ漏えいの可能性として統括情報セキュリティ責任者に報告されます。',
    en: 'Personal information makes this a possible personal-data leak reported to the chief officer.',
  },
  'flow.misdirected_mail.required_personal_information_over_100': {
    ja: '個人情報を含む場合は必須です。100人を超えると個人情報保護委員会への報告対象になります。',
    en: 'Required with personal information. Over 100 persons must be reported to the Commission.',
  },
  'flow.misdirected_mail.medical_history_criminal_record_race': {
    ja: '病歴、犯罪の経歴、人種、信条、社会的身分など。',
    en: 'Medical history, criminal record, race, creed, social status, etc.',
  },
  'flow.misdirected_mail.yes_encrypted': { ja: 'あり（暗号化・パスワード設定済み）', en: 'Yes, encrypted' },
  'flow.misdirected_mail.yes_not_encrypted': { ja: 'あり（暗号化なし）', en: 'Yes, not encrypted' },
  'flow.misdirected_mail.no_attachment': { ja: 'なし', en: 'No attachment' },
  'flow.misdirected_mail.when_personal_information_included': {
    ja: '個人情報を含む場合',
    en: 'When personal information is included',
  },
  'flow.misdirected_mail.switch_contains_personal_information_when': {
    ja: '要配慮個人情報・財産的被害・不正の目的に該当する場合は「個人情報を含む」をオンにしてください。',
    en: 'Switch on "Contains personal information" when sensitive data, financial risk or wrongful purpose apply.',
  },
  'flow.misdirected_mail.wrong_address_same_intended_one': {
    ja: '誤送信先と本来の送信先が同じです。',
    en: 'The wrong address is the same as the intended one.',
  },
  'flow.password_leak.change_password_now': {
    ja: '今すぐパスワードを変更してください。',
    en: 'Change the password now.',
  },
  'flow.password_leak.password_may_not_shared_between': {
    ja: '異なるシステムの間でパスワードを共有してはいけません。同じパスワードをほかのシステムでも使っている場合は、そちらも変更してください。',
    en: 'A password may not be shared between systems: if you use the same one elsewhere, change it there too.',
  },
  'flow.password_leak.never_answer_requests_password_phone': {
    ja: 'パスワードの照会には電話・メールを問わず一切応じないでください。',
    en: 'Never answer requests for your password, by phone or e-mail.',
  },
  'flow.password_leak.system': { ja: 'システム名', en: 'System' },
  'flow.password_leak.user_id': { ja: 'ユーザID', en: 'User ID' },
  'flow.password_leak.how_may_have_leaked': { ja: '流出の可能性がある経緯', en: 'How it may have leaked' },
  'flow.password_leak.details': { ja: '詳しい状況', en: 'Details' },
  'flow.password_leak.when_noticed': { ja: '気付いた日時', en: 'When noticed' },
  'flow.password_leak.password_already_changed': {
    ja: 'パスワードは変更済み',
    en: 'Password already changed',
  },
  'flow.password_leak.e_g_accounting_system_groupware': {
    ja: '例: 財務会計システム、グループウェア',
    en: 'e.g. accounting system, groupware',
  },
  'flow.password_leak.never_type_password_itself': {
    ja: 'パスワード自体は入力しないでください。',
    en: 'Never type the password itself.',
  },
  'flow.password_leak.entered_fake_site_phishing_mail': {
    ja: '偽サイト・不審メールで入力した',
    en: 'Entered on a fake site / phishing mail',
  },
  'flow.password_leak.seen_told_someone': { ja: '他人に見られた・教えた', en: 'Seen by or told to someone' },
  'flow.password_leak.lost_written_note': { ja: 'メモ等を紛失した', en: 'Lost a written note' },
  'flow.password_leak.unknown_sign_noticed': {
    ja: '身に覚えのないログインがあった',
    en: 'Unknown sign-in noticed',
  },
  'flow.password_leak.other': { ja: 'その他', en: 'Other' },
  'flow.private_device.only_issued_terminals_media_may': {
    ja: '貸与されたもの以外の端末機・記録媒体は業務に使えません。災害対応など業務上必要な場合に限り、課情報セキュリティ責任者が許可します。',
    en: 'Only issued terminals and media may be used for work, unless the section officer permits it (e.g. disaster response).',
  },
  'flow.private_device.free_mail_online_storage_may': {
    ja: 'フリーメールやオンラインストレージ等のサービスは、課情報セキュリティ責任者が業務上必要と判断した場合を除き使用できません。',
    en: 'Free mail and online storage may be used only when the section officer judges it necessary.',
  },
  'flow.private_device.kind': { ja: '種類', en: 'Kind' },
  'flow.private_device.name': { ja: '名称・製品名', en: 'Name' },
  'flow.private_device.purpose': { ja: '利用目的', en: 'Purpose' },
  'flow.private_device.reason': { ja: '必要とする事情', en: 'Reason' },
  'flow.private_device.why_needed': { ja: '業務上必要な理由', en: 'Why it is needed' },
  'flow.private_device.start_date': { ja: '利用開始日', en: 'Start date' },
  'flow.private_device.end_date': { ja: '利用終了日', en: 'End date' },
  'flow.private_device.private_terminal': { ja: '私物の端末機', en: 'Private terminal' },
  'flow.private_device.private_medium': { ja: '私物の記録媒体', en: 'Private medium' },
  'flow.private_device.external_service_free_mail_online': {
    ja: '外部サービス（フリーメール・オンラインストレージ等）',
    en: 'External service (free mail, online storage…)',
  },
  'flow.private_device.e_g_own_laptop_storage': {
    ja: '例: 個人所有のノートPC、〇〇ストレージ',
    en: 'e.g. own laptop, a storage service',
  },
  'flow.private_device.disaster_response': { ja: '災害対応', en: 'Disaster response' },
  'flow.private_device.other_business_need': { ja: 'その他の業務上の必要', en: 'Other business need' },
  'flow.private_device.why_issued_equipment_cannot_do': {
    ja: '貸与品では対応できない理由を書いてください。業務上の必要性は課情報セキュリティ責任者が判断します。',
    en: 'Why issued equipment cannot do it; the section officer judges the need.',
  },
  'flow.software_install.install_uninstall_change_settings_only': {
    ja: 'ソフトウェアのインストール・アンインストール・設定変更は、課情報セキュリティ責任者の許可を得てから行ってください。',
    en: 'Install, uninstall or change settings only after your section officer permits it.',
  },
  'flow.software_install.software_breaks_copyright_its_licence': {
    ja: '著作権法や使用許諾契約（ライセンス）に違反するソフトウェアは使用できません。',
    en: 'Software that breaks copyright or its licence may not be used.',
  },
  'flow.software_install.security_settings_e_g_antivirus': {
    ja: 'ウイルス対策などセキュリティ機能の設定は変更できません。',
    en: 'Security settings (e.g. antivirus) may not be changed.',
  },
  'flow.software_install.software': { ja: 'ソフトウェア名', en: 'Software' },
  'flow.software_install.version': { ja: 'バージョン', en: 'Version' },
  'flow.software_install.action': { ja: '作業の種類', en: 'Action' },
  'flow.software_install.terminal_asset_number': { ja: '端末機の資産番号', en: 'Terminal asset number' },
  'flow.software_install.purpose': { ja: '目的', en: 'Purpose' },
  'flow.software_install.licence_confirmed': {
    ja: '使用許諾（ライセンス）を確認した',
    en: 'Licence confirmed',
  },
  'flow.software_install.install': { ja: 'インストール', en: 'Install' },
  'flow.software_install.uninstall': { ja: 'アンインストール', en: 'Uninstall' },
  'flow.software_install.setting_change': { ja: '設定変更', en: 'Setting change' },
  'flow.software_install.required_install': {
    ja: 'インストールの場合は確認が必要です。',
    en: 'Required for an install.',
  },
  'flow.software_install.confirm_licence_permits_use_before': {
    ja: 'インストールするには、使用許諾（ライセンス）に違反しないことを確認してください。',
    en: 'Confirm the licence permits this use before installing.',
  },
  'flow.system_failure.goes_section_officer_who_checks': {
    ja: 'この報告は課情報セキュリティ責任者に届き、責任者が影響範囲を調べて統括へ報告します。',
    en: 'This goes to your section officer, who checks the impact and reports to the chief.',
  },
  'flow.system_failure.record_error_messages_screens_e': {
    ja: '表示されたエラーメッセージや画面を記録（スクリーンショット等）してください。',
    en: 'Record the error messages or screens (e.g. screenshots).',
  },
  'flow.system_failure.do_not_restart_repair_own': {
    ja: '独自に再起動や復旧作業をせず、課情報セキュリティ責任者の指示に従ってください。',
    en: 'Do not restart or repair on your own; follow your section officer’s instructions.',
  },
  'flow.system_failure.system': { ja: 'システム名', en: 'System' },
  'flow.system_failure.symptom': { ja: '症状', en: 'Symptom' },
  'flow.system_failure.since_when': { ja: '発生日時', en: 'Since when' },
  'flow.system_failure.scope': { ja: '影響範囲', en: 'Scope' },
  'flow.system_failure.other_affected_sections': {
    ja: '影響を受けているほかの課',
    en: 'Other affected sections',
  },
  'flow.system_failure.e_g_cannot_log': {
    ja: '例: ログインできない、画面が表示されない、処理が終わらない',
    en: 'e.g. cannot log in',
  },
  'flow.system_failure.own_section_only': { ja: '自課のみ', en: 'Own section only' },
  'flow.system_failure.several_sections': { ja: '複数の課', en: 'Several sections' },
  'flow.system_failure.whole_organisation': { ja: '組合全体', en: 'Whole organisation' },
  'flow.system_failure.unknown': { ja: '不明', en: 'Unknown' },
  'flow.system_failure.section_names_far_known_officers': {
    ja: '分かる範囲で課名を入力してください。入力された課の課情報セキュリティ責任者にも、この報告が直ちに通知されます。',
    en: 'Section names as far as known; the officers of those sections are told at once.',
  },
  'flow.system_failure.when_several_sections_affected': {
    ja: '影響範囲が複数の課の場合',
    en: 'When several sections are affected',
  },
  'flow.takeout.class_i_ii_data_needs': {
    ja: '重要性分類Ⅰ・Ⅱのデータを持ち出すには、課情報セキュリティ責任者の許可と、暗号化又はパスワード設定が必要です。',
    en: 'Class I/II data needs your section officer’s permission and encryption or a password.',
  },
  'flow.takeout.class_i_data_needs_permission': {
    ja: '重要性分類Ⅰのデータは、複製・出力（記録媒体への保存を含む）にも許可が必要です。',
    en: 'Class I data needs permission even to copy or output it (including saving to media).',
  },
  'flow.takeout.terminals_media_need_permission_leave': {
    ja: '端末機・記録媒体を執務室以外に持ち出すには許可が必要です。携行中はロック、ログオフ又はシャットダウンしてください。',
    en: 'Terminals and media need permission to leave the office room. Lock, log off or shut down while carrying them.',
  },
  'flow.takeout.no_permission_needed_when_stays': {
    ja: 'ただし、同一庁舎内で常時携帯するなど自己の管理下に置き、持ち出し先の会議室等で施錠等の盗難防止措置を確実にできる場合は、許可は不要です。',
    en: 'No permission is needed when it stays in the same building under your control and can be locked away at the destination (e.g. a meeting room).',
  },
  'flow.takeout.mobile_terminal_used_outside_must': {
    ja: 'モバイル端末を庁外で使う場合は、遠隔消去機能が有効であることを確認してください。',
    en: 'A mobile terminal used outside must have remote wipe enabled.',
  },
  'flow.takeout.what': { ja: '持ち出すもの', en: 'What' },
  'flow.takeout.description': { ja: '持ち出す情報資産の内容', en: 'Description' },
  'flow.takeout.asset_medium_number': { ja: '資産番号・媒体の識別番号', en: 'Asset / medium number' },
  'flow.takeout.classification': { ja: '重要性分類', en: 'Classification' },
  'flow.takeout.purpose': { ja: '持ち出しの目的', en: 'Purpose' },
  'flow.takeout.destination': { ja: '持ち出し先', en: 'Destination' },
  'flow.takeout.start_date': { ja: '持ち出し日', en: 'Start date' },
  'flow.takeout.return_date': { ja: '返却予定日', en: 'Return date' },
  'flow.takeout.protection': { ja: '保護措置', en: 'Protection' },
  'flow.takeout.stays_same_building_under_my': {
    ja: '同一庁舎内で常時携帯するなど自己の管理下に置き、持ち出し先（会議室等）で施錠等の盗難防止措置を確実にできる',
    en: 'Stays in the same building under my control, and can be locked away at the destination (e.g. meeting room)',
  },
  'flow.takeout.mobile_terminal': {
    ja: 'モバイル端末（ノートPC・タブレット・スマートフォン）',
    en: 'Mobile terminal',
  },
  'flow.takeout.remote_wipe_enabled': { ja: '遠隔消去機能が有効', en: 'Remote wipe enabled' },
  'flow.takeout.data_incl_e_mail_attachment': {
    ja: 'データ（メール添付・外部送信を含む）',
    en: 'Data (incl. e-mail attachment)',
  },
  'flow.takeout.terminal_pc_tablet': {
    ja: '端末機（パソコン・タブレット等）',
    en: 'Terminal (PC, tablet, …)',
  },
  'flow.takeout.medium_usb_memory_dvd': {
    ja: '記録媒体（USBメモリ・DVD等）',
    en: 'Medium (USB memory, DVD, …)',
  },
  'flow.takeout.e_g_briefing_slides_3': {
    ja: '例: 〇〇説明会資料（PDF 3件）',
    en: 'e.g. briefing slides (3 PDFs)',
  },
  'flow.takeout.required_terminals_media_take_out': {
    ja: '端末機・記録媒体の場合は必須です（持ち出し記録）。',
    en: 'Required for terminals and media (take-out record).',
  },
  'flow.takeout.terminals_media_highest_class_data': {
    ja: '端末機・記録媒体は、保存されているデータのうち最も上位の分類を選んでください。',
    en: 'For terminals and media, the highest class of the data they hold.',
  },
  'flow.takeout.e_g_city_hall_meeting': { ja: '例: 〇〇市役所 会議室', en: 'e.g. city hall meeting room' },
  'flow.takeout.then_no_permission_from_section': {
    ja: 'この場合、課情報セキュリティ責任者の許可は不要です（持ち出しは記録されます）。',
    en: 'Then no permission from the section officer is needed (the take-out is recorded).',
  },
  'flow.takeout.encryption': { ja: '暗号化', en: 'Encryption' },
  'flow.takeout.password': { ja: 'パスワード設定', en: 'Password' },
  'flow.takeout.none': { ja: 'なし', en: 'None' },
  'flow.takeout.mandatory_class_i_ii_needed': {
    ja: '重要性分類Ⅰ・Ⅱは必須、Ⅲ・Ⅳは必要に応じて行います。',
    en: 'Mandatory for class I/II, as needed for III/IV.',
  },
  'flow.takeout.terminals_only': { ja: '端末機の場合のみ回答してください。', en: 'Terminals only.' },
  'flow.takeout.required_mobile_terminal_used_outside': {
    ja: 'モバイル端末を庁外で使う場合は必須です。',
    en: 'Required for a mobile terminal used outside.',
  },
  'flow.takeout.terminal_medium': { ja: '端末機・記録媒体の場合', en: 'For a terminal or medium' },
  'flow.virus.unplug_lan_cable_turn_wi': {
    ja: '今すぐ端末機のLANケーブルを抜き、Wi-Fiをオフにしてください。',
    en: 'Unplug the LAN cable and turn Wi-Fi off on the terminal now.',
  },
  'flow.virus.do_not_power_off_do': {
    ja: '電源は切らず、ファイルも削除しないでください（証拠保全）。',
    en: 'Do not power it off and do not delete any file (evidence).',
  },
  'flow.virus.do_not_move_usb_media': {
    ja: 'USBメモリ等をほかの端末機に差し替えないでください（被害拡大の防止）。',
    en: 'Do not move USB media to other terminals (containment).',
  },
  'flow.virus.report_goes_section_officer_administrator': {
    ja: 'この報告は課情報セキュリティ責任者とIT管理者に通知されます。以後は責任者の指示に従ってください。',
    en: 'This report goes to your section officer and the IT administrator. Follow their instructions.',
  },
  'flow.virus.terminal_asset_number': { ja: '端末機の資産番号', en: 'Terminal asset number' },
  'flow.virus.what_raised_alert': { ja: '発見のきっかけ', en: 'What raised the alert' },
  'flow.virus.malware_name': { ja: 'ウイルス名', en: 'Malware name' },
  'flow.virus.suspected_route': { ja: '推定される感染経路', en: 'Suspected route' },
  'flow.virus.when_detected': { ja: '発見日時', en: 'When detected' },
  'flow.virus.disconnected_from_network': {
    ja: 'ネットワークから切り離した',
    en: 'Disconnected from the network',
  },
  'flow.virus.details': { ja: '状況', en: 'Details' },
  'flow.virus.number_label_e_g_pc': {
    ja: '端末機のラベルの番号（例: PC-2023-0456）',
    en: 'Number on the label (e.g. PC-2023-0456)',
  },
  'flow.virus.antivirus_alert': { ja: 'ウイルス対策ソフトの警告', en: 'Antivirus alert' },
  'flow.virus.suspicious_behaviour': { ja: '不審な挙動', en: 'Suspicious behaviour' },
  'flow.virus.report_from_outside': { ja: '外部からの通報', en: 'Report from outside' },
  'flow.virus.other': { ja: 'その他', en: 'Other' },
  'flow.virus.if_shown_alert': {
    ja: '警告画面に表示されていれば（例: Trojan:Win32/…）',
    en: 'If shown in the alert',
  },
  'flow.virus.e_mail_attachment': { ja: 'メールの添付ファイル', en: 'E-mail attachment' },
  'flow.virus.usb_other_medium': { ja: 'USBメモリ等の記録媒体', en: 'USB or other medium' },
  'flow.virus.web_browsing_download': { ja: 'Webサイトの閲覧・ダウンロード', en: 'Web browsing / download' },
  'flow.virus.unknown': { ja: '不明', en: 'Unknown' },
  'flow.virus.section_officer_investigates_scope_route': {
    ja: '影響範囲・感染経路は課情報セキュリティ責任者が調査します。',
    en: 'The section officer investigates scope and route.',
  },
  'flow.virus.switch_once_lan_cable_out': {
    ja: 'LANケーブルを抜き、Wi-Fiをオフにしたらオンにしてください。',
    en: 'Switch on once the LAN cable is out and Wi-Fi is off.',
  },
  'flow.virus.messages_shown_what_did_just': {
    ja: '表示されたメッセージ、直前に行った操作など',
    en: 'Messages shown, what you did just before',
  },
} as const satisfies MessageTable;
