// Generated from inline text; edit freely (keys are referenced by the code).
import type { MessageTable } from '../table';

export const BOT_MESSAGES = {
  'absence.deputy_assignee_away': {
    ja: '担当者が不在のため代理者として',
    en: 'Deputy: the assignee is away',
  },
  'caseService.receives_urgent_exception_s_report': {
    ja: '緊急の例外措置の事後報告を受ける者',
    en: 'Receives the urgent exception’s report',
  },
  'caseService.decides_exception': { ja: '例外措置の判断者', en: 'Decides the exception' },
  'caseService.deputy_assignee_away': {
    ja: '担当者が不在のため代理者として',
    en: 'Deputy: the assignee is away',
  },
  'decisionService.case_cannot_shown': { ja: 'この案件は表示できません。', en: 'This case cannot be shown.' },
  'decisionService.someone_else_acted_same_time': {
    ja: 'ほかの方が同時に操作しました。最新の状態を表示します。',
    en: 'Someone else acted at the same time. Showing the current state.',
  },
  'decisionService.decides_next_stage': { ja: '次の段階の判断者', en: 'Decides the next stage' },
  'decisionService.receives_report': { ja: '報告を受ける者', en: 'Receives the report' },
  'reminder.returned': { ja: '返却しました', en: 'Returned' },
  'reminder.return_check': { ja: '返却の確認', en: 'Return check' },
  'reminder.take_out_not_returned': { ja: '未返却の持ち出し', en: 'Take-out not returned' },
  'reminder.leak_report_deadline': { ja: '個人情報漏えいの報告期限', en: 'Leak report deadline' },
  'reminder.exception_expiry': { ja: '例外措置の期限', en: 'Exception expiry' },
  'reminder.cannot_record_return': { ja: 'この返却は記録できません。', en: 'You cannot record this return.' },
  'reminder.take_out_was_not_approved': {
    ja: 'この持ち出しは承認されていません。',
    en: 'This take-out was not approved.',
  },
  'reminder.updated_same_time_press_again': {
    ja: '同時に更新されました。もう一度押してください。',
    en: 'Updated at the same time; press again.',
  },
  'caseView.submitted': { ja: '提出', en: 'Submitted' },
  'caseView.escalated_not_acknowledged_time': {
    ja: '期限超過のため回付',
    en: 'Escalated (not acknowledged in time)',
  },
  'caseView.withdrawn_requester': { ja: '申請者が取り下げ', en: 'Withdrawn by the requester' },
  'caseView.record_content': { ja: '【記録】内容', en: '[Record] Content' },
  'caseView.record_cause': { ja: '【記録】原因', en: '[Record] Cause' },
  'caseView.record_confirmed_damage': { ja: '【記録】確認された被害', en: '[Record] Confirmed damage' },
  'caseView.record_scope': { ja: '【記録】影響範囲', en: '[Record] Scope' },
  'role.section_security_officer': { ja: '課情報セキュリティ責任者', en: 'Section security officer' },
  'role.deputy': { ja: '代理者', en: 'Deputy' },
  'role.superior': { ja: '上席者', en: 'Superior' },
  'role.officer_parent_section': {
    ja: '上位課の課情報セキュリティ責任者',
    en: 'Officer of the parent section',
  },
  'role.chief_security_officer': { ja: '統括情報セキュリティ責任者', en: 'Chief security officer' },
  'role.administrator': { ja: 'IT管理者', en: 'IT administrator' },
  'role.officer_affected_section': {
    ja: '影響を受ける課の課情報セキュリティ責任者',
    en: 'Officer of an affected section',
  },
  'role.role_holder_contact_directory': {
    ja: '緊急連絡網の役割者',
    en: 'Role holder in the contact directory',
  },
  'absenceCard.out_office': { ja: '不在設定', en: 'Out of office' },
  'absenceCard.while_away_cards_meant_also': {
    ja: '不在の期間中、あなた宛ての承認・報告カードは代理者にも届き、代理者が対応できます。',
    en: 'While you are away, cards meant for you also go to your deputy, who may act on them.',
  },
  'absenceCard.current_setting_from': {
    ja: '現在の設定: {from} 〜 {to}',
    en: 'Current setting: {from} – {to}',
  },
  'absenceCard.from': { ja: '開始日', en: 'From' },
  'absenceCard.to': { ja: '終了日', en: 'To' },
  'absenceCard.enter_date': { ja: '日付を入力してください。', en: 'Enter a date.' },
  'absenceCard.set': { ja: '設定する', en: 'Set' },
  'absenceCard.clear': { ja: '不在を解除', en: 'Clear' },
  'absenceCard.menu': { ja: 'メニュー', en: 'Menu' },
  'absenceCard.out_office_set_from_deputy': {
    ja: '不在を設定しました（{from} 〜 {to}）。代理者: {deputy}',
    en: 'Out of office set ({from} – {to}). Deputy: {deputy}',
  },
  'absenceCard.n_open_case_s_were': {
    ja: '対応中の案件 {n} 件を代理者に回付しました。',
    en: '{n} open case(s) were sent to your deputy.',
  },
  'absenceCard.no_deputy_registered_overdue_cases': {
    ja: '（代理者が登録されていません。期限を過ぎた案件は上席者へ回付されます。）',
    en: '(No deputy is registered; overdue cases escalate to your superior.)',
  },
  'absenceCard.out_office_cleared': { ja: '不在を解除しました。', en: 'Out of office cleared.' },
  'absenceCard.there_was_no_out_office': {
    ja: '解除する不在設定はありません。',
    en: 'There was no out-of-office to clear.',
  },
  'absenceCard.enter_both_dates': { ja: '開始日と終了日を入力してください。', en: 'Enter both dates.' },
  'absenceCard.end_date_must_not_before': {
    ja: '終了日は開始日以降の日付にしてください。',
    en: 'The end date must not be before the start date.',
  },
  'absenceCard.end_date_past': { ja: '終了日が過去の日付です。', en: 'The end date is in the past.' },
  'approval.input_could_not_read_refresh': {
    ja: '入力内容を読み取れませんでした。カードを更新してやり直してください。',
    en: 'The input could not be read. Refresh the card and try again.',
  },
  'assigned.my_tasks': { ja: '担当案件', en: 'My tasks' },
  'assigned.open_cases_may_act_most': {
    ja: 'あなたが対応・判断できる未完了の案件です（期限の近い順）。',
    en: 'Open cases you may act on, most urgent first.',
  },
  'assigned.shown_most_urgent_total_open': {
    ja: 'あなたが対応・判断できる未完了の案件 {total} 件のうち、期限の近い {shown} 件です。',
    en: 'The {shown} most urgent of the {total} open cases you may act on.',
  },
  'assigned.nothing_needs_action': { ja: '対応が必要な案件はありません。', en: 'Nothing needs your action.' },
  'assigned.from_name_section': { ja: '{section} {name} さんから', en: 'From {name} ({section})' },
  'assigned.status_submitted': { ja: '{status}・送信日時 {at}', en: '{status} · submitted {at}' },
  'assigned.start': { ja: '対応開始の期限 {at}', en: 'Start by {at}' },
  'assigned.start_overdue': { ja: '対応開始の期限 {at}（超過）', en: 'Start by {at} (overdue)' },
  'assigned.open': { ja: '開く', en: 'Open' },
  'assigned.menu': { ja: 'メニュー', en: 'Menu' },
  'assigned.may_not_view_case': {
    ja: 'この案件を表示する権限がありません。',
    en: 'You may not view this case.',
  },
  'assigned.showing_id': { ja: '{id} のカードを表示します。', en: 'Showing {id}.' },
  'myCasesRoute.id_was_cancelled_people_involved': {
    ja: '{id} を取り消しました。関係者に通知します。',
    en: '{id} was cancelled. The people involved are told.',
  },
  'myCasesRoute.can_only_cancel_own_requests': {
    ja: 'ご自身の申請以外は取り消せません。',
    en: 'You can only cancel your own requests.',
  },
  'myCasesRoute.request_has_already_been_decided': {
    ja: 'この申請はすでに判断済み、または取り消せない状態です。',
    en: 'This request has already been decided or can no longer be cancelled.',
  },
  'flowRoute.draft_was_discarded': { ja: '下書きを破棄しました。', en: 'The draft was discarded.' },
  'flowRoute.was_already_submitted_draft_gone': {
    ja: 'この内容はすでに送信済みか、下書きが見つかりません。「私の申請・報告」で確認できます。',
    en: 'This was already submitted or the draft is gone. See "My requests and reports".',
  },
  'flowRoute.request_breaks_mandatory_rule_cannot': {
    ja: 'この申請は規程に反するため送信できません。内容を修正してください。',
    en: 'This request breaks a mandatory rule and cannot be sent. Please correct it.',
  },
  'flowRoute.name_role_has_been_notified': {
    ja: '{name}（{role}）に通知しました。指示があればそれに従ってください。',
    en: '{name} ({role}) has been notified. Follow their instructions.',
  },
  'flowRoute.no_permission_needed_take_out': {
    ja: 'この持ち出しに許可は不要です。記録として {name}（{role}）に通知しました。',
    en: 'No permission is needed for this take-out. It was recorded and sent to {name} ({role}).',
  },
  'flowRoute.please_wait_decision_name_role': {
    ja: '{name}（{role}）の判断をお待ちください。許可が出るまでは実施しないでください。',
    en: 'Please wait for the decision of {name} ({role}); do not proceed before permission.',
  },
  'flowRoute.can_follow_progress_under_my': {
    ja: '対応状況は「私の申請・報告」でいつでも確認できます。',
    en: 'You can follow progress under "My requests and reports".',
  },
  'decisionService.requesterTold': {
    ja: '{caseId}: {actor} さんにより「{summary}」',
    en: '{caseId}: {actor} — {summary}',
  },
  'decisionService.lastAction': {
    ja: '{message}（最終操作: {by} さん、{at}）',
    en: '{message} (last action: {by}, {at})',
  },
  'escalation.reason': {
    ja: '期限内に対応が開始されなかったため回付（{role}）',
    en: 'Escalated: not acknowledged in time ({role})',
  },
  'escalation.role.deputy': { ja: '代理者', en: 'deputy' },
  'escalation.role.superior': { ja: '上席者', en: 'superior' },
  'escalation.role.chief_officer': { ja: '統括情報セキュリティ責任者', en: 'chief security officer' },
  'escalation.role.it_admin': { ja: 'IT管理者', en: 'IT administrator' },
  'escalation.overdue': {
    ja: '【期限超過】{caseId} の対応が開始されていないため、{names} さんへ回付しました。至急対応してください',
    en: '[Overdue] {caseId} was not acknowledged in time and has been escalated to {names}. Please act now',
  },
  'caseService.withdrawn': {
    ja: '{caseId} は申請者により取り下げられました。対応は不要です。',
    en: '{caseId} was withdrawn by the requester. No action is needed.',
  },
  'reminder.noticeTitle': { ja: '{caseId} {title}', en: '{caseId} {title}' },
  'reminder.returnOverdue': {
    ja: '返却予定日（{due}）を過ぎています。返却したら「返却しました」を押してください。明日になっても返却の報告がない場合は課情報セキュリティ責任者に通知します。',
    en: 'The return date ({due}) has passed. Press "Returned" once it is back; otherwise your section officer is told tomorrow.',
  },
  'reminder.returnNotReported': {
    ja: '{name} さんの持ち出し（返却予定日 {due}）の返却が報告されていません。確認してください。',
    en: 'The take-out by {name} (due {due}) has not been reported returned. Please check.',
  },
  'reminder.leakDue': {
    ja: '個人情報保護委員会への{which}の期限（{due}）が近づいています。報告と本人への通知の状況を確認してください。',
    en: 'The {which} to the Personal Information Protection Commission is due {due}. Check the report and the notice to the persons affected.',
  },
  'reminder.leakPreliminary': { ja: '速報', en: 'preliminary report' },
  'reminder.leakFinal': { ja: '確報', en: 'final report' },
  'reminder.exceptionEnds': {
    ja: '例外措置の期間は {end} までです。延長が必要なら改めて申請し、不要になれば通常の運用に戻してください。',
    en: 'The exception ends on {end}. File a new request to extend it, or return to normal practice.',
  },
  'webhook.failed': {
    ja: '連携先 {hook} への通知に失敗しました（{attempts}回）',
    en: 'Notifying {hook} failed ({attempts} attempts)',
  },
  'absenceCard.tooLong': {
    ja: '不在の期間は{days}日以内にしてください。',
    en: 'An absence can last at most {days} days.',
  },
  'approval.inputTooLong': {
    ja: '入力は{max}文字以内にしてください（入力: {length}文字）。先頭の{max}文字を残しています。',
    en: 'Keep each input within {max} characters (you entered {length}). The first {max} are kept.',
  },
  'approval.recorded': { ja: '{summary}を記録しました。', en: 'Recorded: {summary}.' },
  'myCasesRoute.returnRecorded': { ja: '{caseId} の返却を記録しました', en: 'Return of {caseId} recorded' },
} as const satisfies MessageTable;
