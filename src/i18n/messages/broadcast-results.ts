// Following a broadcast's results: the status card, 「通知の状況」, the non-responder list (also the
// officer's notice) and the CSV / XLSX export.
import type { MessageTable } from '../table';

export const BROADCAST_RESULTS_MESSAGES = {
  'intent.broadcasts': { ja: '通知の状況', en: 'Broadcast results' },

  // Labels shared by the cards and the export.
  'broadcastResults.mode.drill': { ja: '【訓練】', en: '[DRILL]' },
  'broadcastResults.mode.real': { ja: '【本番】', en: '[REAL]' },
  'broadcastResults.modeName.drill': { ja: '訓練', en: 'Drill' },
  'broadcastResults.modeName.real': { ja: '本番', en: 'Real' },
  'broadcastResults.severity.emergency': { ja: '緊急', en: 'Emergency' },
  'broadcastResults.severity.important': { ja: '重要', en: 'Important' },
  'broadcastResults.severity.notice': { ja: '通知', en: 'Notice' },
  'broadcastResults.status.sent': { ja: '送信済み', en: 'Sent' },
  'broadcastResults.status.recalled': { ja: '取消済み', en: 'Recalled' },
  'broadcastResults.delivery.pending': { ja: '未配信', en: 'Not yet delivered' },
  'broadcastResults.delivery.delivered': { ja: '配信済み', en: 'Delivered' },
  'broadcastResults.delivery.failed': { ja: '失敗', en: 'Failed' },
  'broadcastResults.delivery.unreachable': { ja: '連絡不可', en: 'Unreachable' },
  'broadcastResults.delivery.cancelled': { ja: '取消', en: 'Cancelled' },
  'broadcastResults.answer.ack': { ja: '確認しました', en: 'Acknowledged' },
  'broadcastResults.answer.unknown': { ja: '（不明な回答 {key}）', en: '(unknown answer {key})' },
  'broadcastResults.none': { ja: '（なし）', en: '(none)' },
  'broadcastResults.notYet': { ja: '未到達', en: 'not yet' },
  'broadcastResults.minutes': { ja: '{minutes}分', en: '{minutes} min' },
  'broadcastResults.people': { ja: '{count} 人', en: '{count}' },
  'broadcastResults.peoplePercent': { ja: '{count} 人（{percent}%）', en: '{count} ({percent}%)' },

  // The status card.
  'broadcastResults.meta': {
    ja: '{id}・送信 {at}・送信者 {sender}',
    en: '{id} · sent {at} · by {sender}',
  },
  'broadcastResults.recalledBanner': {
    ja: 'この通知は取り消されました（{at}）。',
    en: 'This broadcast was recalled ({at}).',
  },
  'broadcastResults.corrected': {
    ja: '訂正 {count} 回（最終 {at}）',
    en: 'Corrected {count} time(s), last {at}',
  },
  'broadcastResults.scopeSections': {
    ja: 'あなたが課情報セキュリティ責任者である課（{sections}）の結果のみ表示しています。',
    en: 'Only the sections you are security officer of ({sections}) are shown.',
  },
  'broadcastResults.totalsHeading': { ja: '全体', en: 'Overall' },
  'broadcastResults.total.targeted': { ja: '対象', en: 'Targeted' },
  'broadcastResults.total.delivered': { ja: '配信済み', en: 'Delivered' },
  'broadcastResults.total.pending': { ja: '未配信', en: 'Not yet delivered' },
  'broadcastResults.total.failed': { ja: '失敗', en: 'Failed' },
  'broadcastResults.total.unreachable': { ja: '連絡不可', en: 'Unreachable' },
  'broadcastResults.total.cancelled': { ja: '取消（未配信のまま）', en: 'Cancelled (never delivered)' },
  'broadcastResults.total.answered': { ja: '回答済み', en: 'Answered' },
  'broadcastResults.noAnswerAsked': {
    ja: 'この通知は回答を求めていません。',
    en: 'This broadcast asks for no answer.',
  },
  'broadcastResults.milestonesHeading': {
    ja: '回答までの時間（送信から）',
    en: 'Time to answers (from sending)',
  },
  'broadcastResults.milestone.p50': { ja: '50% 回答', en: '50% answered' },
  'broadcastResults.milestone.p75': { ja: '75% 回答', en: '75% answered' },
  'broadcastResults.milestone.p100': { ja: '100% 回答', en: '100% answered' },
  'broadcastResults.answersHeading': {
    ja: '回答の内訳（各人の最新の回答）',
    en: 'Answers (each person’s latest)',
  },
  'broadcastResults.reminders': {
    ja: '再送: 自動 {auto} 回・手動 {manual} 回（のべ {messages} 通・{people} 人）',
    en: 'Reminders: {auto} automatic, {manual} on demand ({messages} messages to {people} people)',
  },
  'broadcastResults.nextReminder': { ja: '次回の自動再送: {at}', en: 'Next automatic reminder: {at}' },
  'broadcastResults.noNextReminder': {
    ja: '自動再送の予定はありません。',
    en: 'No automatic reminder is due.',
  },
  'broadcastResults.sectionsHeading': {
    ja: '課別（{from}〜{to} / {total} 課）',
    en: 'By section ({from}–{to} of {total})',
  },
  'broadcastResults.sectionRow': {
    ja: '対象 {targeted}・配信 {delivered}・未配信 {pending}・失敗 {failed}・不可 {unreachable}・回答 {answered}（{percent}%）・50/75/100%: {p50}/{p75}/{p100}',
    en: '{targeted} targeted · {delivered} delivered · {pending} pending · {failed} failed · {unreachable} unreachable · {answered} answered ({percent}%) · 50/75/100%: {p50}/{p75}/{p100}',
  },
  'broadcastResults.sectionRowNoAnswer': {
    ja: '対象 {targeted}・配信 {delivered}・未配信 {pending}・失敗 {failed}・不可 {unreachable}',
    en: '{targeted} targeted · {delivered} delivered · {pending} pending · {failed} failed · {unreachable} unreachable',
  },
  'broadcastResults.sectionsOmitted': {
    ja: 'ほか {count} 課はこのページにありません（「前へ」「次へ」、または「結果を出力」で全件）。',
    en: '{count} more sections are not on this page (Previous / Next, or Export for all).',
  },
  'broadcastResults.updatedAt': { ja: '{at} 時点', en: 'As of {at}' },
  'broadcastResults.button.refresh': { ja: '更新', en: 'Refresh' },
  'broadcastResults.button.remind': { ja: '未回答者に再送', en: 'Remind non-responders' },
  'broadcastResults.button.nonResponders': { ja: '未回答者一覧', en: 'Non-responders' },
  'broadcastResults.button.export': { ja: '結果を出力', en: 'Export results' },
  'broadcastResults.button.correct': { ja: '訂正', en: 'Correct' },
  'broadcastResults.button.recall': { ja: '取消', en: 'Recall' },
  'broadcastResults.button.previous': { ja: '前へ', en: 'Previous' },
  'broadcastResults.button.next': { ja: '次へ', en: 'Next' },
  'broadcastResults.button.open': { ja: '開く', en: 'Open' },
  'broadcastResults.reminded': {
    ja: '未回答者 {count} 人に再送しました（課情報セキュリティ責任者 {officers} 人に未回答者を通知）。',
    en: 'Reminded {count} non-responders ({officers} section officers told who has not answered).',
  },
  'broadcastResults.remindedNone': {
    ja: 'いま再送できる未回答者はいません（配信済みの未回答者のうち、{minutes} 分以内に再送した人を除きます）。',
    en: 'Nobody to remind now (delivered non-responders reminded in the last {minutes} minutes are skipped).',
  },
  'broadcastResults.recalledNoAction': {
    ja: 'この通知は取り消されています。',
    en: 'This broadcast has been recalled.',
  },
  'broadcastResults.unavailableTitle': {
    ja: 'この一斉通知の結果は表示できません',
    en: 'These broadcast results cannot be shown',
  },
  'broadcastResults.unavailableText': {
    ja: '結果を見る権限がないか、通知が見つかりません。',
    en: 'You may not see them, or the broadcast does not exist.',
  },
  'broadcastResults.sending': {
    ja: '{id} の状況を表示します。',
    en: 'Showing the status of {id}.',
  },

  // 「通知の状況」
  'broadcastResults.listTitle': { ja: '通知の状況', en: 'Broadcast results' },
  'broadcastResults.listIntro': {
    ja: 'あなたが結果を確認できる一斉通知です（新しい順、最大 {max} 件）。',
    en: 'Broadcasts whose results you may follow (newest first, at most {max}).',
  },
  'broadcastResults.listEmpty': {
    ja: '確認できる一斉通知はまだありません。',
    en: 'There is no broadcast for you to follow yet.',
  },
  'broadcastResults.listLine': {
    ja: '{id}・{severity}・送信 {at}・{status}',
    en: '{id} · {severity} · sent {at} · {status}',
  },
  'broadcastResults.listCounts': {
    ja: '回答 {answered} / {targeted} 人（{percent}%）・配信 {delivered} 人',
    en: '{answered} of {targeted} answered ({percent}%) · {delivered} delivered',
  },
  'broadcastResults.listCountsNoAnswer': {
    ja: '配信 {delivered} / {targeted} 人（回答不要）',
    en: '{delivered} of {targeted} delivered (no answer asked)',
  },
  'broadcastResults.listScope': { ja: '（あなたの課のみ）', en: '(your sections only)' },
  'broadcastResults.listDenied': {
    ja: '一斉通知の結果を確認できるのは、送信者・統括情報セキュリティ責任者・IT管理者と、自分の課について課情報セキュリティ責任者です。',
    en: 'Broadcast results are for the sender, the chief security officer, IT administrators and, for their own sections, section security officers.',
  },
  'broadcastResults.menu': { ja: 'メニュー', en: 'Menu' },

  // The non-responder list and the officer's notice.
  'broadcastResults.nonRespondersTitle': { ja: '未回答者一覧', en: 'Non-responders' },
  'broadcastResults.officerPendingTitle': {
    ja: '未回答者がいます（あなたの課）',
    en: 'People in your sections have not answered',
  },
  'broadcastResults.nonRespondersIntro': {
    ja: 'まだ回答していない人です。失敗・連絡不可・未配信の人には Teams で届いていません。電話で確認してください（緊急連絡網）。',
    en: 'These people have not answered. Failed, unreachable and undelivered ones did not get it in Teams: phone them (emergency contact tree).',
  },
  'broadcastResults.officerPendingIntro': {
    ja: '再送しましたが、あなたの課でまだ回答していない人がいます。電話で確認してください（緊急連絡網）。',
    en: 'A reminder went out, and these people in your sections have still not answered. Please phone them (emergency contact tree).',
  },
  'broadcastResults.nonRespondersCount': {
    ja: '{total} 人（{from}〜{to} 人目）',
    en: '{total} people ({from}–{to})',
  },
  'broadcastResults.nonRespondersEmpty': {
    ja: '未回答者はいません。',
    en: 'Everyone has answered.',
  },
  'broadcastResults.personHeading': { ja: '{name}（{section}）', en: '{name} ({section})' },
  'broadcastResults.personLine': {
    ja: '内線 {phone}・携帯 {mobile}・{state}・再送 {reminders} 回',
    en: 'Phone {phone} · mobile {mobile} · {state} · {reminders} reminder(s)',
  },

  // Export.
  'broadcastResults.exportTitle': { ja: '結果の出力', en: 'Export results' },
  'broadcastResults.exportText': {
    ja: '{id} の結果をダウンロードできます（{expires} まで有効）。',
    en: 'The results of {id} can be downloaded (until {expires}).',
  },
  'broadcastResults.exportCsv': { ja: 'CSV（Excel 用）', en: 'CSV (for Excel)' },
  'broadcastResults.exportXlsx': { ja: 'Excel（.xlsx）', en: 'Excel (.xlsx)' },
  'broadcastResults.exportUnavailable': {
    ja: 'この環境では Teams からダウンロードできません。IT管理者に出力を依頼してください（npm run broadcast -- export {id} --format xlsx --out <ファイル>）。',
    en: 'Downloads from Teams are not set up here. Ask an IT administrator to export it (npm run broadcast -- export {id} --format xlsx --out <file>).',
  },
  'broadcastResults.col.broadcastId': { ja: '通知ID', en: 'Broadcast' },
  'broadcastResults.col.mode': { ja: '区分', en: 'Mode' },
  'broadcastResults.col.personId': { ja: '職員番号', en: 'Staff no.' },
  'broadcastResults.col.name': { ja: '氏名', en: 'Name' },
  'broadcastResults.col.sectionCode': { ja: '課コード', en: 'Section code' },
  'broadcastResults.col.sectionName': { ja: '課名', en: 'Section' },
  'broadcastResults.col.phone': { ja: '電話', en: 'Phone' },
  'broadcastResults.col.mobile': { ja: '携帯', en: 'Mobile' },
  'broadcastResults.col.delivery': { ja: '配信状態', en: 'Delivery' },
  'broadcastResults.col.deliveredAt': { ja: '配信日時（JST）', en: 'Delivered at (JST)' },
  'broadcastResults.col.firstAnswer': { ja: '最初の回答', en: 'First answer' },
  'broadcastResults.col.firstAnsweredAt': { ja: '最初の回答日時（JST）', en: 'First answered at (JST)' },
  'broadcastResults.col.latestAnswer': { ja: '最新の回答', en: 'Latest answer' },
  'broadcastResults.col.latestAnsweredAt': { ja: '最新の回答日時（JST）', en: 'Latest answered at (JST)' },
  'broadcastResults.col.reminders': { ja: '再送回数', en: 'Reminders' },
  'broadcastResults.col.lastRemindedAt': { ja: '最終再送日時（JST）', en: 'Last reminded at (JST)' },
  'broadcastResults.col.targeted': { ja: '対象', en: 'Targeted' },
  'broadcastResults.col.delivered': { ja: '配信済み', en: 'Delivered' },
  'broadcastResults.col.pending': { ja: '未配信', en: 'Pending' },
  'broadcastResults.col.failed': { ja: '失敗', en: 'Failed' },
  'broadcastResults.col.unreachable': { ja: '連絡不可', en: 'Unreachable' },
  'broadcastResults.col.cancelled': { ja: '取消', en: 'Cancelled' },
  'broadcastResults.col.answered': { ja: '回答済み', en: 'Answered' },
  'broadcastResults.col.answeredPercent': { ja: '回答率（%）', en: 'Answered (%)' },
  'broadcastResults.col.p50': { ja: '50%回答（分）', en: '50% answered (min)' },
  'broadcastResults.col.p75': { ja: '75%回答（分）', en: '75% answered (min)' },
  'broadcastResults.col.p100': { ja: '100%回答（分）', en: '100% answered (min)' },
  'broadcastResults.col.item': { ja: '項目', en: 'Item' },
  'broadcastResults.col.value': { ja: '値', en: 'Value' },
  'broadcastResults.sheet.summary': { ja: '概要', en: 'Summary' },
  'broadcastResults.sheet.sections': { ja: '課別', en: 'Sections' },
  'broadcastResults.sheet.recipients': { ja: '対象者', en: 'Recipients' },
  'broadcastResults.summary.title': { ja: '件名', en: 'Title' },
  'broadcastResults.summary.severity': { ja: '重要度', en: 'Severity' },
  'broadcastResults.summary.status': { ja: '状態', en: 'Status' },
  'broadcastResults.summary.sentAt': { ja: '送信日時（JST）', en: 'Sent at (JST)' },
  'broadcastResults.summary.sender': { ja: '送信者', en: 'Sender' },
  'broadcastResults.summary.recalledAt': { ja: '取消日時（JST）', en: 'Recalled at (JST)' },
  'broadcastResults.summary.scope': { ja: '出力範囲', en: 'Scope' },
  'broadcastResults.summary.scopeAll': { ja: '全体', en: 'Everything' },
  'broadcastResults.summary.scopeSections': { ja: '課 {sections}', en: 'Sections {sections}' },
  'broadcastResults.summary.answer': { ja: '回答「{label}」', en: 'Answer “{label}”' },
  'broadcastResults.summary.exportedAt': { ja: '出力日時（JST）', en: 'Exported at (JST)' },
  'broadcastResults.summary.exportedBy': { ja: '出力者', en: 'Exported by' },
} as const satisfies MessageTable;
