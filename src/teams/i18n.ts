// User-facing text of the bot, Japanese first (the organisation's working language) and English for
// people whose Teams client runs in English. Placeholders are written `{name}`; `t()` fills them.
import type { Intent } from '../domain/intents';

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const ja = {
  'app.name': '情報セキュリティ窓口',

  'menu.title': '情報セキュリティ窓口',
  'menu.intro':
    '情報セキュリティ対策基準に基づくインシデントの報告と各種申請を受け付ける、職員のための窓口です。',
  // Kept with its placeholder: the menu template substitutes `${userName}` itself.
  'menu.greeting': '{userName} さん、こんにちは。',
  'menu.reportHeading': '報告する（インシデント）',
  'menu.requestHeading': '申請する',
  'menu.freeTextHint': 'こんな時は自由に入力してもOK：『ICカードをなくしました』',
  'menu.emergency': '緊急時は電話でも課情報セキュリティ責任者へ連絡してください。',

  // Citations are composed only by src/teams/citation.ts from these keys and the article table.
  'basis.article': '根拠: {citation}',
  'citation.standard': '対策基準 {articles}',
  'citation.operatingRule': '運用ルール',
  'citation.separator': '・',
  'citation.groupSeparator': '、',
  'citation.afterText': '{text}（{citation}）',
  'citation.parenthesized': '（{citation}）',

  // Urgent guidance on incident forms: whom to phone now (routing.ts urgentContact).
  'urgent.call': '今すぐ {name}（{phone}）へ電話してください。',
  'urgent.callNoPhone': '今すぐ {name} さんへ連絡してください（緊急連絡網に電話番号が登録されていません）。',
  'urgent.deputyFor': '{absent} さんが不在のため、代理者の {name} さんです。',
  'urgent.unknown': '緊急時は電話でも課情報セキュリティ責任者へ連絡してください。',

  'intent.help': 'ヘルプ',
  'intent.lost_ic_card': 'ICカード紛失',
  'intent.virus': 'ウイルス検知',
  'intent.misdirected_mail': 'メール誤送信',
  'intent.takeout': '持ち出し申請',
  'intent.exception': '例外措置申請',
  'intent.password_leak': 'パスワード流出',
  'intent.device_lost': '端末・記録媒体の紛失・盗難',
  'intent.system_failure': 'システム障害',
  'intent.software_install': 'ソフトウェア導入申請',
  'intent.private_device': '私物端末・外部サービス利用申請',
  'intent.my_cases': '私の申請・報告',
  'intent.my_tasks': '担当案件',
  'intent.absence': '不在設定',
  'intent.unreachable': '連絡不可一覧',

  'unknownUser.title': 'ご利用いただけません',
  'unknownUser.message':
    '申し訳ありません。お使いのアカウントは職員名簿に登録されていないため、情報セキュリティ窓口をご利用いただけません。お手数ですが、IT管理者までお問い合わせください。',
  'unknownUser.emergency': '緊急のセキュリティ事案は、所属の課情報セキュリティ責任者へ直接連絡してください。',

  // Guided form, confirmation, drafts and case cards (src/teams/form-card.ts).
  'form.guidanceHeading': '必ず確認してください',
  'form.intro': '以下の項目を入力し、「確認へ進む」を押してください。送信前に内容を確認できます。',
  'form.draftNote': '{savedAt} に保存した下書きの内容を表示しています。',
  'form.requiredSuffix': '（必須）',
  'form.requiredMessage': '「{label}」を入力してください。',
  'form.chooseMessage': '「{label}」を選択してください。',
  'form.choosePlaceholder': '選択してください',
  'form.timeLabel': '時刻',
  'form.timeRequiredMessage': '時刻を入力してください。',
  'form.review': '確認へ進む',
  'form.discard': '下書きを破棄',
  'form.menu': 'メニュー',

  'value.yes': 'はい',
  'value.no': 'いいえ',
  'value.empty': '（未入力）',
  'value.listSeparator': '、',

  'confirm.title': '{title}：送信内容の確認',
  'confirm.intro': '内容を確認してください。「送信する」を押すと、下記の宛先へ通知されます。',
  'confirm.findingsHeading': '確認事項',
  'confirm.refusedHeading': 'この申請は送信できません',
  'confirm.recipientsHeading': '送信先',
  'confirm.submit': '送信する',
  'confirm.edit': '修正する',
  'confirm.discard': '破棄する',

  'draft.message': '書きかけの{title}があります（保存: {savedAt}）。続きから入力するか、破棄してください。',
  'draft.resume': '続きから',
  'draft.discard': '破棄',
  'draft.savedAt': '保存: {savedAt}',

  'case.caseIdLabel': '受付番号',
  'case.statusLabel': '状態',
  'case.submittedAtLabel': '送信日時',

  'status.submitted': '受付済み',
  'status.acknowledged': '対応中',
  'status.endorsed': '進達済み（統括の判断待ち）',
  'status.approved': '承認',
  'status.rejected': '却下',
  'status.cancelled': '取消し',
  'status.closed': '完了',

  'severity.critical': '緊急',
  'severity.high': '高',
  'severity.normal': '通常',

  'created.messageIncident': '{title}の報告を受け付けました。',
  'created.messageRequest': '{title}を受け付けました。',
  'created.nextStepsHeading': 'このあとの流れ',
  'created.recipientsHeading': '通知した相手',
  'created.myCases': '私の申請・報告',
  'created.menu': 'メニュー',

  'routed.headlineIncident': '{section} {name} さんから {title} の報告',
  'routed.headlineRequest': '{section} {name} さんから {title}',
  'routed.reason': 'あなたが受信した理由: {reason}（{basis}）',
  'routed.findingsHeading': '確認事項',
  'routed.dutiesHeading': '対策基準で求められる対応',

  // The approver's case card (src/teams/case-card.ts).
  // A refused read (src/teams/case-view.ts): says nothing about the case, not even whether it exists.
  'caseView.unavailableTitle': 'この案件は表示できません',
  'caseView.unavailableText':
    'この案件を表示する権限がないか、案件が見つかりません。心当たりがない場合は、所属の課情報セキュリティ責任者へお問い合わせください。',
  'caseCard.ackDue': '対応開始の期限: {due}',
  'caseCard.historyHeading': '経過',
  'caseCard.historyLine': '{at} {actor}: {text}',
  'caseCard.historyOmitted': '以前の経過 {count} 件は省略しています。',
  'caseCard.truncated': '…（以下省略）',
  'caseCard.actionsHeading': '対応',
  'caseCard.acknowledgeHint':
    '対応を始めたら「対応開始」を押してください。期限までに押されないと、代理者・上席者へ通知されます。',
  'caseCard.acknowledge': '対応開始',
  'caseCard.recordHeading': '対応の記録',
  'caseCard.recordSave': '記録を保存',
  'caseCard.recordKept': '記録済みです（上の【記録】欄）。書き換える場合のみ入力してください。',
  'caseCard.reportChiefHeading': '統括情報セキュリティ責任者への報告',
  'caseCard.reportChief': '統括へ報告',
  'caseCard.closeHeading': '完了の記録',
  'caseCard.closeContent': '内容',
  'caseCard.closeCause': '原因',
  'caseCard.closeDamage': '確認された被害',
  'caseCard.closeScope': '影響範囲',
  'caseCard.close': '記録して完了',
  'caseCard.decisionHeading': '判断',
  'caseCard.commentRejectRequired': 'コメント（却下の場合は必須）',
  'caseCard.commentOptional': 'コメント（任意）',
  'caseCard.conditions': '条件（任意）',
  'caseCard.conditionsPlaceholder': '例: 暗号化のうえ持ち出すこと',
  'caseCard.approve': '承認',
  'caseCard.reject': '却下',
  'caseCard.endorseForward': '確認して統括へ進達',
  'caseCard.endorseUrgent': '緊急実施を決定（統括へ事後報告）',
  'caseCard.postReportHeading': '例外措置の事後報告',
  'caseCard.ackPostReport': '事後報告を確認',
  'caseCard.readOnly': 'この案件に対して操作できるのは担当者のみです。',
  'caseCard.final.approved': 'この案件は承認されています。これ以上の操作はできません。',
  'caseCard.final.rejected': 'この案件は却下されています。これ以上の操作はできません。',
  'caseCard.final.closed': 'この案件は完了しています。これ以上の操作はできません。',
  'caseCard.final.cancelled': 'この案件は取り消されています。これ以上の操作はできません。',

  'myCases.title': '私の申請・報告',
  'myCases.empty': '申請・報告はまだありません。',
  'myCases.draftsHeading': '書きかけの下書き',
  'myCases.cancel': '取り消す',
  'myCases.resume': '続きから',
  'myCases.menu': 'メニュー',

  'menu.notUnderstood': 'すみません、内容を読み取れませんでした。メニューから選んでください。',
  'error.generic':
    '申し訳ありません。処理中にエラーが発生しました。しばらくしてからもう一度お試しください。解決しない場合はIT管理者へご連絡ください。',
  'error.invalidAction': 'このボタンは古いか、正しくありません。メニューからやり直してください。',

  // Delivery (src/teams/sender.ts, routes/unreachable-routes.ts).
  'delivery.resendNotice':
    '（再送）送信中に処理が中断したため、もう一度お送りします。同じ内容が先に届いている場合は、こちらをお使いください。',
  'delivery.unreachable':
    '{caseId} を {section} {name} さんへ Teams で届けられませんでした（この窓口のアプリをまだ使える状態にないため）。急ぎの場合は電話で直接連絡してください：{phones}。Teams で届けられるようになり次第、自動でお届けします。',
  'delivery.phone': '電話 {phone}',
  'delivery.mobile': '携帯 {mobile}',
  'delivery.phoneSeparator': '・',
  'delivery.noPhone': '名簿に電話番号がありません。IT管理者へ連絡してください',
  'unreachable.title': '連絡不可一覧',
  'unreachable.intro':
    'Teams でメッセージを届けられず、届くのを待っている人です（古い順）。電話で連絡し、Teams の窓口アプリを開いてもらってください。開くとすぐに届きます。',
  'unreachable.empty': '届けられずに待っているメッセージはありません。',
  'unreachable.waiting': '待機中 {count} 件・{since} から',
  'unreachable.phoneLabel': '電話',
  'unreachable.mobileLabel': '携帯',
  'unreachable.none': '（なし）',
  'unreachable.denied': '連絡不可一覧を表示できるのは IT管理者 と 統括情報セキュリティ責任者 のみです。',
  'unreachable.menu': 'メニュー',
} as const;

type Catalog = typeof ja;
export type MessageKey = keyof Catalog;

/** Placeholder names used in a message, e.g. `'{a} and {b}'` → `'a' | 'b'`. */
type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | PlaceholdersOf<Rest>
  : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
/** A translation must keep every placeholder of the Japanese original. */
type TranslationOf<S extends string> = [PlaceholdersOf<S>] extends [never]
  ? string
  : UnionToIntersection<
      PlaceholdersOf<S> extends infer P extends string ? `${string}{${P}}${string}` : never
    >;

// Same keys as `ja` (a missing or extra key is a compile error) and the same placeholders.
const en: { readonly [K in MessageKey]: TranslationOf<Catalog[K]> } = {
  'app.name': 'Security Desk',

  'menu.title': 'Information Security Desk',
  'menu.intro':
    'The desk where staff report incidents and submit requests under the Information Security Standard.',
  'menu.greeting': 'Hello, {userName}.',
  'menu.reportHeading': 'Report an incident',
  'menu.requestHeading': 'Submit a request',
  'menu.freeTextHint': 'You can also just type what happened, e.g. "I lost my IC card".',
  'menu.emergency': 'In an emergency, also phone your section security officer.',

  'basis.article': 'Basis: {citation}',
  'citation.standard': 'Security Standard {articles}',
  'citation.operatingRule': 'operating rule',
  'citation.separator': ', ',
  'citation.groupSeparator': '; ',
  'citation.afterText': '{text} ({citation})',
  'citation.parenthesized': ' ({citation})',

  'urgent.call': 'Call {name} ({phone}) now.',
  'urgent.callNoPhone': 'Contact {name} now (no phone number is registered in the contact directory).',
  'urgent.deputyFor': '{absent} is away: {name} is their deputy.',
  'urgent.unknown': 'In an emergency, also phone your section security officer.',

  'intent.help': 'Help',
  'intent.lost_ic_card': 'Lost IC card',
  'intent.virus': 'Virus detected',
  'intent.misdirected_mail': 'Misdirected e-mail',
  'intent.takeout': 'Take-out request',
  'intent.exception': 'Exception request',
  'intent.password_leak': 'Password leaked',
  'intent.device_lost': 'Lost or stolen device or media',
  'intent.system_failure': 'System failure',
  'intent.software_install': 'Software installation request',
  'intent.private_device': 'Private device / external service request',
  'intent.my_cases': 'My requests and reports',
  'intent.my_tasks': 'My tasks',
  'intent.absence': 'Out of office',
  'intent.unreachable': 'Unreachable people',

  'unknownUser.title': 'Access not available',
  'unknownUser.message':
    'Sorry, your account is not in the staff directory, so you cannot use the Security Desk. Please contact the IT administrator.',
  'unknownUser.emergency': 'For an urgent security incident, contact your section security officer directly.',

  'form.guidanceHeading': 'Read this first',
  'form.intro': 'Fill in the items below and press "Review". You can check everything before it is sent.',
  'form.draftNote': 'Showing the draft you saved at {savedAt}.',
  'form.requiredSuffix': ' (required)',
  'form.requiredMessage': 'Please enter "{label}".',
  'form.chooseMessage': 'Please choose "{label}".',
  'form.choosePlaceholder': 'Choose…',
  'form.timeLabel': 'Time',
  'form.timeRequiredMessage': 'Please enter the time.',
  'form.review': 'Review',
  'form.discard': 'Discard draft',
  'form.menu': 'Menu',

  'value.yes': 'Yes',
  'value.no': 'No',
  'value.empty': '(not entered)',
  'value.listSeparator': ', ',

  'confirm.title': '{title}: check before sending',
  'confirm.intro': 'Please check the details. "Send" notifies the people listed below.',
  'confirm.findingsHeading': 'Points to note',
  'confirm.refusedHeading': 'This request cannot be sent',
  'confirm.recipientsHeading': 'Will be sent to',
  'confirm.submit': 'Send',
  'confirm.edit': 'Edit',
  'confirm.discard': 'Discard',

  'draft.message': 'You have an unfinished {title} (saved {savedAt}). Continue it or discard it.',
  'draft.resume': 'Continue',
  'draft.discard': 'Discard',
  'draft.savedAt': 'Saved {savedAt}',

  'case.caseIdLabel': 'Case number',
  'case.statusLabel': 'Status',
  'case.submittedAtLabel': 'Submitted',

  'status.submitted': 'Received',
  'status.acknowledged': 'In progress',
  'status.endorsed': 'Forwarded (awaiting the chief)',
  'status.approved': 'Approved',
  'status.rejected': 'Rejected',
  'status.cancelled': 'Cancelled',
  'status.closed': 'Closed',

  'severity.critical': 'Urgent',
  'severity.high': 'High',
  'severity.normal': 'Normal',

  'created.messageIncident': 'Your report "{title}" has been received.',
  'created.messageRequest': 'Your {title} has been received.',
  'created.nextStepsHeading': 'What happens next',
  'created.recipientsHeading': 'Notified',
  'created.myCases': 'My requests and reports',
  'created.menu': 'Menu',

  'routed.headlineIncident': '{title} reported by {name} ({section})',
  'routed.headlineRequest': '{title} from {name} ({section})',
  'routed.reason': 'Why you received this: {reason} ({basis})',
  'routed.findingsHeading': 'Points to note',
  'routed.dutiesHeading': 'Required by the Security Standard',

  'caseView.unavailableTitle': 'This case cannot be shown',
  'caseView.unavailableText':
    'You may not view this case, or it was not found. If this is unexpected, ask your section security officer.',
  'caseCard.ackDue': 'Start handling by {due}',
  'caseCard.historyHeading': 'History',
  'caseCard.historyLine': '{at} {actor}: {text}',
  'caseCard.historyOmitted': '{count} earlier entries are not shown.',
  'caseCard.truncated': '… (truncated)',
  'caseCard.actionsHeading': 'Actions',
  'caseCard.acknowledgeHint':
    'Press "Start handling" when you start. If nobody does by the deadline, the deputy and the superior are notified.',
  'caseCard.acknowledge': 'Start handling',
  'caseCard.recordHeading': 'Handling record',
  'caseCard.recordSave': 'Save record',
  'caseCard.recordKept': 'Recorded (see [Record] above). Type here only to replace it.',
  'caseCard.reportChiefHeading': 'Report to the chief security officer',
  'caseCard.reportChief': 'Report to the chief',
  'caseCard.closeHeading': 'Closing record',
  'caseCard.closeContent': 'What happened',
  'caseCard.closeCause': 'Cause',
  'caseCard.closeDamage': 'Confirmed damage',
  'caseCard.closeScope': 'Scope of impact',
  'caseCard.close': 'Record and close',
  'caseCard.decisionHeading': 'Decision',
  'caseCard.commentRejectRequired': 'Comment (required to reject)',
  'caseCard.commentOptional': 'Comment (optional)',
  'caseCard.conditions': 'Conditions (optional)',
  'caseCard.conditionsPlaceholder': 'e.g. Encrypt the data before taking it out',
  'caseCard.approve': 'Approve',
  'caseCard.reject': 'Reject',
  'caseCard.endorseForward': 'Check and forward to the chief',
  'caseCard.endorseUrgent': 'Decide to act now (report to the chief afterwards)',
  'caseCard.postReportHeading': 'After-the-fact report of an exception',
  'caseCard.ackPostReport': 'Acknowledge the report',
  'caseCard.readOnly': 'Only the people handling this case can act on it.',
  'caseCard.final.approved': 'This case has been approved. No further action is possible.',
  'caseCard.final.rejected': 'This case has been rejected. No further action is possible.',
  'caseCard.final.closed': 'This case is closed. No further action is possible.',
  'caseCard.final.cancelled': 'This case has been cancelled. No further action is possible.',

  'myCases.title': 'My requests and reports',
  'myCases.empty': 'You have no requests or reports yet.',
  'myCases.draftsHeading': 'Unfinished drafts',
  'myCases.cancel': 'Cancel',
  'myCases.resume': 'Continue',
  'myCases.menu': 'Menu',

  'menu.notUnderstood': 'Sorry, I did not understand that. Please choose from the menu.',
  'error.generic':
    'Sorry, something went wrong. Please try again later. If the problem continues, contact the IT administrator.',
  'error.invalidAction': 'This button is outdated or invalid. Please start again from the menu.',

  'delivery.resendNotice':
    '(Sent again) Sending was interrupted, so this is sent once more. If the same message already arrived, please use this one.',
  'delivery.unreachable':
    '{caseId} could not be delivered to {name} ({section}) in Teams yet: the app is not available to them. If it is urgent, phone them now: {phones}. It will be delivered automatically as soon as they can be reached.',
  'delivery.phone': 'phone {phone}',
  'delivery.mobile': 'mobile {mobile}',
  'delivery.phoneSeparator': ', ',
  'delivery.noPhone': 'the directory has no phone number; contact the IT administrator',
  'unreachable.title': 'Unreachable people',
  'unreachable.intro':
    'People whose messages could not be delivered in Teams and are waiting (oldest first). Phone them and ask them to open the Security Desk app in Teams; the messages then arrive at once.',
  'unreachable.empty': 'No message is waiting for an unreachable person.',
  'unreachable.waiting': '{count} waiting since {since}',
  'unreachable.phoneLabel': 'Phone',
  'unreachable.mobileLabel': 'Mobile',
  'unreachable.none': '(none)',
  'unreachable.denied': 'Only IT administrators and the chief security officer may see the unreachable list.',
  'unreachable.menu': 'Menu',
};

const CATALOGS: { readonly [L in Locale]: { readonly [K in MessageKey]: string } } = { ja, en };

/** Teams sends the client's locale (e.g. `ja-JP`, `en-US`); anything not English gets Japanese. */
export function localeOf(activityLocale: string | undefined): Locale {
  return activityLocale?.trim().toLowerCase().startsWith('en') ? 'en' : 'ja';
}

export type MessageParams<K extends MessageKey> = Record<PlaceholdersOf<Catalog[K]>, string | number>;

/**
 * The message for `key` in `locale`, with `{name}` placeholders replaced from `params`.
 * Placeholders without a value are left as they are (the menu template fills `{userName}` itself).
 */
export function t<K extends MessageKey>(locale: Locale, key: K, params?: Partial<MessageParams<K>>): string {
  const text: string = CATALOGS[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (params as Record<string, string | number | undefined>)[name];
    return value === undefined ? whole : String(value);
  });
}

/** Display title of an intent (button labels, card titles). */
export function intentTitle(locale: Locale, intent: Intent): string {
  return t(locale, `intent.${intent}`);
}
