// The bot's shared text: menu, forms, cards, statuses, errors. Keys are dotted by area.
import type { MessageTable } from '../table';

export const COMMON_MESSAGES = {
  'app.name': { ja: '情報セキュリティ窓口', en: 'Security Desk' },

  'menu.title': { ja: '情報セキュリティ窓口', en: 'Information Security Desk' },
  'menu.intro': {
    ja: '情報セキュリティ対策基準に基づくインシデントの報告と各種申請を受け付ける、職員のための窓口です。',
    en: 'The desk where staff report incidents and submit requests under the Information Security Standard.',
  },
  'menu.greeting': { ja: '{userName} さん、こんにちは。', en: 'Hello, {userName}.' },
  'menu.reportHeading': { ja: '報告する（インシデント）', en: 'Report an incident' },
  'menu.requestHeading': { ja: '申請する', en: 'Submit a request' },
  'menu.freeTextHint': {
    ja: 'こんな時は自由に入力してもOK：『ICカードをなくしました』',
    en: 'You can also just type what happened, e.g. "I lost my IC card".',
  },
  'menu.emergency': {
    ja: '緊急時は電話でも課情報セキュリティ責任者へ連絡してください。',
    en: 'In an emergency, also phone your section security officer.',
  },

  'basis.article': { ja: '根拠: {citation}', en: 'Basis: {citation}' },

  'citation.standard': { ja: '対策基準 {articles}', en: 'Security Standard {articles}' },
  'citation.operatingRule': { ja: '運用ルール', en: 'operating rule' },
  'citation.separator': { ja: '・', en: ', ' },
  'citation.groupSeparator': { ja: '、', en: '; ' },
  'citation.afterText': { ja: '{text}（{citation}）', en: '{text} ({citation})' },
  'citation.parenthesized': { ja: '（{citation}）', en: ' ({citation})' },

  'urgent.menuCall': {
    ja: '緊急時は電話でも {name}（{phone}）へ連絡してください。',
    en: 'In an emergency, also phone {name} ({phone}).',
  },
  'urgent.menuCallNoPhone': {
    ja: '緊急時は {name} さんへ直接連絡してください（緊急連絡網に電話番号が登録されていません）。',
    en: 'In an emergency, contact {name} directly (no phone number is registered in the contact directory).',
  },
  'urgent.call': { ja: '今すぐ {name}（{phone}）へ電話してください。', en: 'Call {name} ({phone}) now.' },
  'urgent.callNoPhone': {
    ja: '今すぐ {name} さんへ連絡してください（緊急連絡網に電話番号が登録されていません）。',
    en: 'Contact {name} now (no phone number is registered in the contact directory).',
  },
  'urgent.deputyFor': {
    ja: '{absent} さんが不在のため、代理者の {name} さんです。',
    en: '{absent} is away: {name} is their deputy.',
  },
  'urgent.unknown': {
    ja: '緊急時は電話でも課情報セキュリティ責任者へ連絡してください。',
    en: 'In an emergency, also phone your section security officer.',
  },

  'intent.help': { ja: 'ヘルプ', en: 'Help' },
  'intent.lost_ic_card': { ja: 'ICカード紛失', en: 'Lost IC card' },
  'intent.virus': { ja: 'ウイルス検知', en: 'Virus detected' },
  'intent.misdirected_mail': { ja: 'メール誤送信', en: 'Misdirected e-mail' },
  'intent.takeout': { ja: '持ち出し申請', en: 'Take-out request' },
  'intent.exception': { ja: '例外措置申請', en: 'Exception request' },
  'intent.password_leak': { ja: 'パスワード流出', en: 'Password leaked' },
  'intent.device_lost': { ja: '端末・記録媒体の紛失・盗難', en: 'Lost or stolen device or media' },
  'intent.system_failure': { ja: 'システム障害', en: 'System failure' },
  'intent.software_install': { ja: 'ソフトウェア導入申請', en: 'Software installation request' },
  'intent.private_device': {
    ja: '私物端末・外部サービス利用申請',
    en: 'Private device / external service request',
  },
  'intent.my_cases': { ja: '私の申請・報告', en: 'My requests and reports' },
  'intent.my_tasks': { ja: '担当案件', en: 'My tasks' },
  'intent.absence': { ja: '不在設定', en: 'Out of office' },
  'intent.unreachable': { ja: '連絡不可一覧', en: 'Unreachable people' },

  'unknownUser.title': { ja: 'ご利用いただけません', en: 'Access not available' },
  'unknownUser.message': {
    ja: '申し訳ありません。お使いのアカウントは職員名簿に登録されていないため、情報セキュリティ窓口をご利用いただけません。お手数ですが、IT管理者までお問い合わせください。',
    en: 'Sorry, your account is not in the staff directory, so you cannot use the Security Desk. Please contact the IT administrator.',
  },
  'unknownUser.emergency': {
    ja: '緊急のセキュリティ事案は、所属の課情報セキュリティ責任者へ直接連絡してください。',
    en: 'For an urgent security incident, contact your section security officer directly.',
  },

  'form.guidanceHeading': { ja: '必ず確認してください', en: 'Read this first' },
  'form.intro': {
    ja: '以下の項目を入力し、「確認へ進む」を押してください。送信前に内容を確認できます。',
    en: 'Fill in the items below and press "Review". You can check everything before it is sent.',
  },
  'form.draftNote': {
    ja: '{savedAt} に保存した下書きの内容を表示しています。',
    en: 'Showing the draft you saved at {savedAt}.',
  },
  'form.requiredSuffix': { ja: '（必須）', en: ' (required)' },
  'form.requiredMessage': { ja: '「{label}」を入力してください。', en: 'Please enter "{label}".' },
  'form.chooseMessage': { ja: '「{label}」を選択してください。', en: 'Please choose "{label}".' },
  'form.choosePlaceholder': { ja: '選択してください', en: 'Choose…' },
  'form.timeLabel': { ja: '時刻', en: 'Time' },
  'form.timeRequiredMessage': { ja: '時刻を入力してください。', en: 'Please enter the time.' },
  'form.review': { ja: '確認へ進む', en: 'Review' },
  'form.discard': { ja: '下書きを破棄', en: 'Discard draft' },
  'form.menu': { ja: 'メニュー', en: 'Menu' },

  'form.error.required': { ja: '「{label}」を入力してください。', en: 'Please enter "{label}".' },
  'form.error.choose': { ja: '「{label}」を選択してください。', en: 'Please choose "{label}".' },
  'form.error.badChoice': {
    ja: '「{label}」の選択肢が正しくありません。',
    en: '"{label}" has an invalid choice.',
  },
  'form.error.tooLong': {
    ja: '「{label}」は{max}文字以内で入力してください（入力: {length}文字。先頭の{max}文字を残しています）。',
    en: '"{label}" must be at most {max} characters (you entered {length}; the first {max} are kept).',
  },
  'form.error.badDate': {
    ja: '「{label}」は正しい日付（YYYY-MM-DD）で入力してください。',
    en: '"{label}" must be a valid date (YYYY-MM-DD).',
  },
  'form.error.badDateTime': {
    ja: '「{label}」は正しい日時（YYYY-MM-DD HH:mm）で入力してください。',
    en: '"{label}" must be a valid date and time (YYYY-MM-DD HH:mm).',
  },
  'form.error.badNumber': {
    ja: '「{label}」は{min}以上{max}以下の整数で入力してください。',
    en: '"{label}" must be a whole number from {min} to {max}.',
  },
  'form.error.badToggle': {
    ja: '「{label}」の値が正しくありません。',
    en: '"{label}" has an invalid value.',
  },
  'form.error.email': {
    ja: '「{label}」はメールアドレスの形式で入力してください。',
    en: '"{label}" must be an e-mail address.',
  },
  'form.error.invalid': { ja: '入力内容が正しくありません。', en: 'This value is not valid.' },
  'form.error.future': {
    ja: '「{label}」に未来の日時は指定できません。',
    en: '"{label}" cannot be in the future.',
  },
  'form.error.past': {
    ja: '「{label}」に過去の日付は指定できません。',
    en: '"{label}" cannot be in the past.',
  },
  'form.error.endBeforeStart': {
    ja: '「{label}」は「{start}」以降の日付にしてください。',
    en: '"{label}" must not be before "{start}".',
  },
  'form.error.requiredWhen': {
    ja: '{condition}は「{label}」を入力してください。',
    en: '{condition}, please enter "{label}".',
  },

  'value.yes': { ja: 'はい', en: 'Yes' },
  'value.no': { ja: 'いいえ', en: 'No' },
  'value.empty': { ja: '（未入力）', en: '(not entered)' },
  'value.listSeparator': { ja: '、', en: ', ' },

  'confirm.title': { ja: '{title}：送信内容の確認', en: '{title}: check before sending' },
  'confirm.intro': {
    ja: '内容を確認してください。「送信する」を押すと、下記の宛先へ通知されます。',
    en: 'Please check the details. "Send" notifies the people listed below.',
  },
  'confirm.findingsHeading': { ja: '確認事項', en: 'Points to note' },
  'confirm.refusedHeading': { ja: 'この申請は送信できません', en: 'This request cannot be sent' },
  'confirm.recipientsHeading': { ja: '送信先', en: 'Will be sent to' },
  'confirm.submit': { ja: '送信する', en: 'Send' },
  'confirm.edit': { ja: '修正する', en: 'Edit' },
  'confirm.discard': { ja: '破棄する', en: 'Discard' },

  'draft.message': {
    ja: '書きかけの{title}があります（保存: {savedAt}）。続きから入力するか、破棄してください。',
    en: 'You have an unfinished {title} (saved {savedAt}). Continue it or discard it.',
  },
  'draft.resume': { ja: '続きから', en: 'Continue' },
  'draft.discard': { ja: '破棄', en: 'Discard' },
  'draft.savedAt': { ja: '保存: {savedAt}', en: 'Saved {savedAt}' },

  'case.caseIdLabel': { ja: '受付番号', en: 'Case number' },
  'case.statusLabel': { ja: '状態', en: 'Status' },
  'case.submittedAtLabel': { ja: '送信日時', en: 'Submitted' },

  'status.submitted': { ja: '受付済み', en: 'Received' },
  'status.acknowledged': { ja: '対応中', en: 'In progress' },
  'status.endorsed': { ja: '進達済み（統括の判断待ち）', en: 'Forwarded (awaiting the chief)' },
  'status.approved': { ja: '承認', en: 'Approved' },
  'status.rejected': { ja: '却下', en: 'Rejected' },
  'status.cancelled': { ja: '取消し', en: 'Cancelled' },
  'status.closed': { ja: '完了', en: 'Closed' },

  'severity.critical': { ja: '緊急', en: 'Urgent' },
  'severity.high': { ja: '高', en: 'High' },
  'severity.normal': { ja: '通常', en: 'Normal' },

  'created.messageIncident': {
    ja: '{title}の報告を受け付けました。',
    en: 'Your report "{title}" has been received.',
  },
  'created.messageRequest': { ja: '{title}を受け付けました。', en: 'Your {title} has been received.' },
  'created.nextStepsHeading': { ja: 'このあとの流れ', en: 'What happens next' },
  'created.recipientsHeading': { ja: '通知した相手', en: 'Notified' },
  'created.myCases': { ja: '私の申請・報告', en: 'My requests and reports' },
  'created.menu': { ja: 'メニュー', en: 'Menu' },

  'routed.headlineIncident': {
    ja: '{section} {name} さんから {title} の報告',
    en: '{title} reported by {name} ({section})',
  },
  'routed.headlineRequest': {
    ja: '{section} {name} さんから {title}',
    en: '{title} from {name} ({section})',
  },
  'routed.reason': {
    ja: 'あなたが受信した理由: {reason}（{basis}）',
    en: 'Why you received this: {reason} ({basis})',
  },
  'routed.findingsHeading': { ja: '確認事項', en: 'Points to note' },
  'routed.dutiesHeading': { ja: '対策基準で求められる対応', en: 'Required by the Security Standard' },

  'caseView.unavailableTitle': { ja: 'この案件は表示できません', en: 'This case cannot be shown' },
  'caseView.unavailableText': {
    ja: 'この案件を表示する権限がないか、案件が見つかりません。心当たりがない場合は、所属の課情報セキュリティ責任者へお問い合わせください。',
    en: 'You may not view this case, or it was not found. If this is unexpected, ask your section security officer.',
  },

  'caseCard.ackDue': { ja: '対応開始の期限: {due}', en: 'Start handling by {due}' },
  'caseCard.historyHeading': { ja: '経過', en: 'History' },
  'caseCard.historyLine': { ja: '{at} {actor}: {text}', en: '{at} {actor}: {text}' },
  'caseCard.historyOmitted': {
    ja: '以前の経過 {count} 件は省略しています。',
    en: '{count} earlier entries are not shown.',
  },
  'caseCard.truncated': { ja: '…（以下省略）', en: '… (truncated)' },
  'caseCard.actionsHeading': { ja: '対応', en: 'Actions' },
  'caseCard.acknowledgeHint': {
    ja: '対応を始めたら「対応開始」を押してください。期限までに押されないと、代理者・上席者へ通知されます。',
    en: 'Press "Start handling" when you start. If nobody does by the deadline, the deputy and the superior are notified.',
  },
  'caseCard.acknowledge': { ja: '対応開始', en: 'Start handling' },
  'caseCard.recordHeading': { ja: '対応の記録', en: 'Handling record' },
  'caseCard.recordSave': { ja: '記録を保存', en: 'Save record' },
  'caseCard.recordKept': {
    ja: '記録済みです（上の【記録】欄）。書き換える場合のみ入力してください。',
    en: 'Recorded (see [Record] above). Type here only to replace it.',
  },
  'caseCard.reportChiefHeading': {
    ja: '統括情報セキュリティ責任者への報告',
    en: 'Report to the chief security officer',
  },
  'caseCard.reportChief': { ja: '統括へ報告', en: 'Report to the chief' },
  'caseCard.closeHeading': { ja: '完了の記録', en: 'Closing record' },
  'caseCard.closeContent': { ja: '内容', en: 'What happened' },
  'caseCard.closeCause': { ja: '原因', en: 'Cause' },
  'caseCard.closeDamage': { ja: '確認された被害', en: 'Confirmed damage' },
  'caseCard.closeScope': { ja: '影響範囲', en: 'Scope of impact' },
  'caseCard.close': { ja: '記録して完了', en: 'Record and close' },
  'caseCard.decisionHeading': { ja: '判断', en: 'Decision' },
  'caseCard.commentRejectRequired': {
    ja: 'コメント（却下の場合は必須）',
    en: 'Comment (required to reject)',
  },
  'caseCard.commentOptional': { ja: 'コメント（任意）', en: 'Comment (optional)' },
  'caseCard.conditions': { ja: '条件（任意）', en: 'Conditions (optional)' },
  'caseCard.conditionsPlaceholder': {
    ja: '例: 暗号化のうえ持ち出すこと',
    en: 'e.g. Encrypt the data before taking it out',
  },
  'caseCard.approve': { ja: '承認', en: 'Approve' },
  'caseCard.reject': { ja: '却下', en: 'Reject' },
  'caseCard.endorseForward': { ja: '確認して統括へ進達', en: 'Check and forward to the chief' },
  'caseCard.endorseUrgent': {
    ja: '緊急実施を決定（統括へ事後報告）',
    en: 'Decide to act now (report to the chief afterwards)',
  },
  'caseCard.postReportHeading': { ja: '例外措置の事後報告', en: 'After-the-fact report of an exception' },
  'caseCard.ackPostReport': { ja: '事後報告を確認', en: 'Acknowledge the report' },
  'caseCard.readOnly': {
    ja: 'この案件に対して操作できるのは担当者のみです。',
    en: 'Only the people handling this case can act on it.',
  },
  'caseCard.final.approved': {
    ja: 'この案件は承認されています。これ以上の操作はできません。',
    en: 'This case has been approved. No further action is possible.',
  },
  'caseCard.final.rejected': {
    ja: 'この案件は却下されています。これ以上の操作はできません。',
    en: 'This case has been rejected. No further action is possible.',
  },
  'caseCard.final.closed': {
    ja: 'この案件は完了しています。これ以上の操作はできません。',
    en: 'This case is closed. No further action is possible.',
  },
  'caseCard.final.cancelled': {
    ja: 'この案件は取り消されています。これ以上の操作はできません。',
    en: 'This case has been cancelled. No further action is possible.',
  },

  'myCases.title': { ja: '私の申請・報告', en: 'My requests and reports' },
  'myCases.empty': { ja: '申請・報告はまだありません。', en: 'You have no requests or reports yet.' },
  'myCases.draftsHeading': { ja: '書きかけの下書き', en: 'Unfinished drafts' },
  'myCases.cancel': { ja: '取り消す', en: 'Cancel' },
  'myCases.resume': { ja: '続きから', en: 'Continue' },
  'myCases.menu': { ja: 'メニュー', en: 'Menu' },

  'menu.notUnderstood': {
    ja: 'すみません、内容を読み取れませんでした。メニューから選んでください。',
    en: 'Sorry, I did not understand that. Please choose from the menu.',
  },

  'error.generic': {
    ja: '申し訳ありません。処理中にエラーが発生しました。しばらくしてからもう一度お試しください。解決しない場合はIT管理者へご連絡ください。',
    en: 'Sorry, something went wrong. Please try again later. If the problem continues, contact the IT administrator.',
  },
  'error.invalidAction': {
    ja: 'このボタンは古いか、正しくありません。メニューからやり直してください。',
    en: 'This button is outdated or invalid. Please start again from the menu.',
  },

  'delivery.resendNotice': {
    ja: '（再送）送信中に処理が中断したため、もう一度お送りします。同じ内容が先に届いている場合は、こちらをお使いください。',
    en: '(Sent again) Sending was interrupted, so this is sent once more. If the same message already arrived, please use this one.',
  },
  'delivery.unreachable': {
    ja: '{caseId} を {section} {name} さんへ Teams で届けられませんでした（この窓口のアプリをまだ使える状態にないため）。急ぎの場合は電話で直接連絡してください：{phones}。Teams で届けられるようになり次第、自動でお届けします。',
    en: '{caseId} could not be delivered to {name} ({section}) in Teams yet: the app is not available to them. If it is urgent, phone them now: {phones}. It will be delivered automatically as soon as they can be reached.',
  },
  'delivery.phone': { ja: '電話 {phone}', en: 'phone {phone}' },
  'delivery.mobile': { ja: '携帯 {mobile}', en: 'mobile {mobile}' },
  'delivery.phoneSeparator': { ja: '・', en: ', ' },
  'delivery.noPhone': {
    ja: '名簿に電話番号がありません。IT管理者へ連絡してください',
    en: 'the directory has no phone number; contact the IT administrator',
  },

  'unreachable.title': { ja: '連絡不可一覧', en: 'Unreachable people' },
  'unreachable.intro': {
    ja: 'Teams でメッセージを届けられず、届くのを待っている人です（古い順）。電話で連絡し、Teams の窓口アプリを開いてもらってください。開くとすぐに届きます。',
    en: 'People whose messages could not be delivered in Teams and are waiting (oldest first). Phone them and ask them to open the Security Desk app in Teams; the messages then arrive at once.',
  },
  'unreachable.empty': {
    ja: '届けられずに待っているメッセージはありません。',
    en: 'No message is waiting for an unreachable person.',
  },
  'unreachable.waiting': { ja: '待機中 {count} 件・{since} から', en: '{count} waiting since {since}' },
  'unreachable.phoneLabel': { ja: '電話', en: 'Phone' },
  'unreachable.mobileLabel': { ja: '携帯', en: 'Mobile' },
  'unreachable.none': { ja: '（なし）', en: '(none)' },
  'unreachable.denied': {
    ja: '連絡不可一覧を表示できるのは IT管理者 と 統括情報セキュリティ責任者 のみです。',
    en: 'Only IT administrators and the chief security officer may see the unreachable list.',
  },
  'unreachable.menu': { ja: 'メニュー', en: 'Menu' },

  // Text read back from storage (src/i18n storedText) and joined labels.
  'stored.pair': { ja: '{ja}', en: '{en}' },
  'stored.raw': { ja: '{text}', en: '{text}' },
  'role.and': { ja: '{a}・{b}', en: '{a}, {b}' },
  'caseView.event': { ja: '{event}', en: '{event}' },
  'caseView.withComment': { ja: '{summary} 「{comment}」', en: '{summary} 「{comment}」' },
  'caseView.decisionConditions': { ja: '【判断】条件', en: '[Decision] Conditions' },
  'caseView.decisionComment': { ja: '【判断】コメント', en: '[Decision] Comment' },
  'caseView.recordLabel': { ja: '【記録】{label}', en: '[Record] {label}' },
  'caseView.system': { ja: 'システム', en: 'System' },
  'decision.postReportAcknowledgedComment': {
    ja: '事後報告を確認',
    en: 'After-the-fact report acknowledged',
  },
} as const satisfies MessageTable;
