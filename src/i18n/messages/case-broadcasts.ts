// Broadcasts linked to a case or chained to a parent (issue 10): 統括's one click on a case card
// (12(4)⑤, 12(5)②エ), the recurrence steps after a failure or breach (12(5)③), the relay of a
// revised standard (14(5) → 14(6)) and the request for the same improvement (14(3)).
import type { MessageTable } from '../table';

export const CASE_BROADCAST_MESSAGES = {
  'bcompose.purpose.improvement': {
    ja: '検査の指摘事項と同様の改善の依頼（他の課情報セキュリティ責任者へ）',
    en: 'Asking the other section officers for the same improvement as an inspection finding',
  },
  'bcompose.refusal.parent_required': {
    ja: '対策基準の改定の職員への周知は、統括情報セキュリティ責任者から受けた改定の周知から送ります',
    en: 'a revised standard is passed on to staff from the notice of the revision you received',
  },
  'bcompose.refusal.case_required': {
    ja: '対処方法の職員への周知は、IT管理者と協議した再発防止策のある自課の案件から送ります',
    en: 'how to respond is sent from a case of your section whose measures were agreed with the IT administrator',
  },
  'casebc.improvement.done': { ja: '対応済', en: 'Done' },

  // --- prefilled drafts (ids and titles only: no classified detail of the case) ---
  'casebc.prefill.officerTitle': {
    ja: '【事案の周知】{title}',
    en: '[Case notice] {title}',
  },
  'casebc.prefill.officerBody': {
    ja: '他課で、情報システム等に被害が生じるおそれがある事案（{caseId}「{title}」）が報告されました。所管する情報システム等に同様の事象がないか確認し、必要な予防措置を講じてください。',
    en: 'Another section reported a case that may harm the information systems ({caseId} "{title}"). Check the systems you are responsible for for the same and take preventive measures as needed.',
  },
  'casebc.prefill.cyberTitle': {
    ja: '【緊急】サイバー攻撃等への注意（{title}）',
    en: '[Emergency] Beware of a cyber attack ({title})',
  },
  'casebc.prefill.cyberBody': {
    ja: 'サイバー攻撃等による侵害事案（{caseId}「{title}」）が発生しています。不審なメールの添付ファイルやリンクを開かず、端末に異常があれば直ちに課情報セキュリティ責任者へ報告してください。',
    en: 'A breach caused by a cyber attack is under way ({caseId} "{title}"). Do not open attachments or links of suspicious mail, and report anything unusual on your terminal to your section officer at once.',
  },
  'casebc.prefill.recurrenceTitle': {
    ja: '【再発防止】{title}への対処方法',
    en: '[Preventing recurrence] How to respond: {title}',
  },
  'casebc.prefill.recurrenceBody': {
    ja: '{caseId}「{title}」の再発防止に向け、次の対応をお願いします。\n{measures}',
    en: 'To prevent {caseId} "{title}" from happening again, please do the following.\n{measures}',
  },
  'casebc.prefill.relayBody': {
    ja: '対策基準が改定されました（{parentId}）。\n{body}',
    en: 'The security standard was revised ({parentId}).\n{body}',
  },

  // --- the case card ---
  'casebc.card.broadcastLabel': { ja: '一斉通知 {id}', en: 'Broadcast {id}' },
  'casebc.card.broadcastDraft': {
    ja: '{purpose}: 準備済み（送信待ち）',
    en: '{purpose}: prepared (not yet sent)',
  },
  'casebc.card.broadcastSent': {
    ja: '{purpose}: {status} — 回答 {answered}/{targeted}（{percent}%）',
    en: '{purpose}: {status} — answered {answered}/{targeted} ({percent}%)',
  },
  'casebc.card.officer_alert.heading': {
    ja: 'この事案を他の課情報セキュリティ責任者へ周知します（IT管理者が送信）',
    en: 'Inform the other section officers of this case (sent by the IT administrator)',
  },
  'casebc.card.officer_alert.button': {
    ja: '他の課情報セキュリティ責任者へ周知',
    en: 'Inform the other section officers',
  },
  'casebc.card.cyber_emergency.heading': {
    ja: 'サイバー攻撃等の緊急時: 全職員で情報を共有します（IT管理者が送信）',
    en: 'Cyber-attack emergency: share the information with all staff (sent by the IT administrator)',
  },
  'casebc.card.cyber_emergency.button': { ja: '全職員へ周知', en: 'Inform all staff' },
  'casebc.prepared': {
    ja: '一斉通知 {id} を準備し、IT管理者 {name} さんに送信を依頼しました。',
    en: 'Broadcast {id} is prepared; {name} (IT administrator) was asked to send it.',
  },
  'casebc.preparedAlready': {
    ja: 'この案件の一斉通知 {id} はすでに準備されています（IT管理者 {name} さん）。',
    en: 'Broadcast {id} for this case is already prepared ({name}, IT administrator).',
  },
  'casebc.preparedForYou': {
    ja: '{instructor} さんの指示で、案件から一斉通知 {id} が準備されました。内容を確認して送信してください。',
    en: 'On the instruction of {instructor}, broadcast {id} was prepared from a case. Check it and send it.',
  },
  'casebc.preparedRelay': {
    ja: '改定の周知を確認しました。自課の職員への周知 {id} を準備しました。内容を確認して送信してください。',
    en: 'You acknowledged the revision. Your notice to your staff, {id}, is prepared: check it and send it.',
  },
  'casebc.history.prepared': { ja: '一斉通知 {id} を準備', en: 'Prepared broadcast {id}' },
  'casebc.history.recorded': {
    ja: '再発防止策（原因・リスクの分析、改善対策）を記録',
    en: 'Recorded the recurrence analysis and measures',
  },
  'casebc.history.agreed': {
    ja: '再発防止策のIT管理者との協議を確認',
    en: 'Confirmed the measures were agreed with the IT administrator',
  },
  'casebc.history.reported': {
    ja: '再発防止策を統括情報セキュリティ責任者へ報告',
    en: 'Reported the measures to the chief security officer',
  },

  // --- 12(5)③ ---
  'casebc.recurrence.reasonItAdmin': {
    ja: '再発防止策の協議（IT管理者）',
    en: 'Agreeing the recurrence measures (IT administrator)',
  },
  'casebc.recurrence.analysis': { ja: '原因及びリスク等の分析', en: 'Analysis of cause and risk' },
  'casebc.recurrence.measures': { ja: '再発防止に向けた改善対策', en: 'Measures to prevent recurrence' },
  'casebc.recurrence.agreement': { ja: 'IT管理者との協議', en: 'Agreed with the IT administrator' },
  'casebc.recurrence.agreedBy': { ja: '確認済み（{name}、{at}）', en: 'Confirmed ({name}, {at})' },
  'casebc.recurrence.notAgreed': { ja: '未確認', en: 'Not yet confirmed' },
  'casebc.recurrence.recordHeading': {
    ja: '再発防止: 原因・リスクを分析し、改善対策を記録してください',
    en: 'Preventing recurrence: record the analysis of cause and risk and the measures',
  },
  'casebc.recurrence.recordButton': { ja: '再発防止策を記録', en: 'Record the measures' },
  'casebc.recurrence.agreeHeading': {
    ja: '再発防止策: 課情報セキュリティ責任者との協議',
    en: 'Recurrence measures: agreement with the section officer',
  },
  'casebc.recurrence.agreeButton': { ja: '協議済みを確認', en: 'Confirm agreed' },
  'casebc.recurrence.notifyHeading': {
    ja: '再発防止に向け、自課の職員に対処方法を周知します',
    en: 'Tell your staff how to respond, to prevent recurrence',
  },
  'casebc.recurrence.notifyButton': { ja: '職員へ周知', en: 'Tell my staff' },
  'casebc.recurrence.recorded': {
    ja: '再発防止策を記録しました。IT管理者に協議の確認を依頼しました。',
    en: 'The measures are recorded; the IT administrator was asked to confirm the agreement.',
  },
  'casebc.recurrence.agreed': {
    ja: '協議済みを確認しました。再発防止策を統括情報セキュリティ責任者へ報告しました。',
    en: 'Agreement confirmed; the measures were reported to the chief security officer.',
  },
  'casebc.recurrence.noticePrepared': {
    ja: '職員への周知 {id} を準備しました。確認して送信してください。',
    en: 'Your notice to staff, {id}, is prepared: check it and send it.',
  },

  // --- refusals ---
  'casebc.refused': { ja: 'この操作はできません: {reason}', en: 'Not possible: {reason}' },
  'casebc.refusal.unknown_actor': {
    ja: '連絡網に登録されていません',
    en: 'you are not in the contact directory',
  },
  'casebc.refusal.not_chief': {
    ja: '統括情報セキュリティ責任者が行います',
    en: 'the chief security officer does this',
  },
  'casebc.refusal.not_reported': {
    ja: '課情報セキュリティ責任者から統括情報セキュリティ責任者への報告の後に行います',
    en: 'only after the section officer reported the case to the chief security officer',
  },
  'casebc.refusal.kind_not_eligible': {
    ja: 'この種類の案件には行いません',
    en: 'not for this kind of case',
  },
  'casebc.refusal.no_it_admin': {
    ja: '連絡網にIT管理者がいません',
    en: 'the contact directory has no IT administrator',
  },
  'casebc.refusal.no_recipients': {
    ja: '他の課に課情報セキュリティ責任者がいません',
    en: 'no other section has a section officer',
  },
  'casebc.refusal.not_closed': {
    ja: '案件の完了後に行います',
    en: 'only after the case is closed',
  },
  'casebc.refusal.not_officer': {
    ja: 'この案件の課の課情報セキュリティ責任者が行います',
    en: 'the officer of the case’s section does this',
  },
  'casebc.refusal.not_it_admin': {
    ja: '記録した本人以外のIT管理者が確認します',
    en: 'an IT administrator other than the one who recorded it confirms',
  },
  'casebc.refusal.not_recorded': {
    ja: '再発防止策がまだ記録されていません',
    en: 'the measures are not recorded yet',
  },
  'casebc.refusal.already_agreed': {
    ja: '再発防止策はすでに協議済みです',
    en: 'the measures were already agreed',
  },
  'casebc.refusal.not_agreed': {
    ja: '再発防止策のIT管理者との協議の確認の後に行います',
    en: 'only after the IT administrator confirmed the measures were agreed',
  },
  'casebc.refusal.stale': {
    ja: 'ほかの操作で内容が変わりました。カードを開き直してください',
    en: 'it was changed meanwhile; open the card again',
  },
  'casebc.refusal.invalid': {
    ja: '原因・リスクの分析と改善対策を、それぞれ2000文字以内で入力してください',
    en: 'enter the analysis and the measures, each within 2000 characters',
  },

  // --- 14(5) → 14(6): 統括's view ---
  'casebc.relay.button': { ja: '各課への周知の状況', en: 'Relay to each section' },
  'casebc.relay.title': {
    ja: '改定の周知 {id}: 各課への周知の状況',
    en: 'Revision {id}: relay to each section',
  },
  'casebc.relay.line': {
    ja: '{section}（{officer}）: {ack} / {relay}',
    en: '{section} ({officer}): {ack} / {relay}',
  },
  'casebc.relay.acknowledged': { ja: '確認済み', en: 'acknowledged' },
  'casebc.relay.notAcknowledged': { ja: '未確認', en: 'not acknowledged' },
  'casebc.relay.none': { ja: '職員へ未周知', en: 'not passed on to staff' },
  'casebc.relay.draft': { ja: '職員への周知 {id} 準備中', en: 'notice {id} to staff being prepared' },
  'casebc.relay.sent': {
    ja: '職員へ周知 {id}（確認 {answered}/{targeted}、{percent}%）',
    en: 'passed on as {id} (acknowledged {answered}/{targeted}, {percent}%)',
  },
  'casebc.relay.empty': { ja: '対象の課情報セキュリティ責任者がいません。', en: 'No section officers.' },
  'casebc.relay.denied': {
    ja: 'この通知の各課への周知の状況は表示できません。',
    en: 'The relay of this broadcast cannot be shown.',
  },
} satisfies MessageTable;
