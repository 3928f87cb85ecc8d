// Generated from inline text; edit freely (keys are referenced by the code).
import type { MessageTable } from '../table';

export const DOMAIN_MESSAGES = {
  'authorization.not_contact_directory_so_cannot': {
    ja: '緊急連絡網にあなたの登録が見つからないため、この操作はできません。IT管理者に連絡してください。',
    en: 'You are not in the contact directory, so you cannot do this. Please contact the IT administrator.',
  },
  'authorization.cannot_act_case_filed_yourself': {
    ja: 'ご自身が申請・報告した案件を、ご自身で処理することはできません。',
    en: 'You cannot act on a case you filed yourself.',
  },
  'authorization.not_handling_case_so_cannot': {
    ja: 'この案件の担当者ではないため、この操作はできません。',
    en: 'You are not handling this case, so you cannot do this.',
  },
  'authorization.section_officer_present_so_deputy': {
    ja: '課情報セキュリティ責任者が在席中のため、代理者はこの操作をできません。',
    en: 'The section officer is present, so the deputy cannot act for them.',
  },
  'authorization.request_section_officer_permit_not': {
    ja: 'この申請の許可は課情報セキュリティ責任者が行います（統括情報セキュリティ責任者の許可事項ではありません）。',
    en: 'This request is for the section officer to permit, not the chief officer.',
  },
  'authorization.permitting_exception_acknowledging_its_after': {
    ja: '例外措置の許可・事後報告の確認は統括情報セキュリティ責任者が行います。',
    en: 'Permitting an exception, or acknowledging its after-the-fact report, is the chief officer’s.',
  },
  'authorization.cannot_approve_exception_forwarded_yourself': {
    ja: 'ご自身が進達した例外措置を、ご自身で許可・確認することはできません。',
    en: 'You cannot approve an exception you forwarded yourself.',
  },
  'authorization.section_officer_decides_stage_exception': {
    ja: '例外措置はまず課情報セキュリティ責任者が判断します。',
    en: 'The section officer decides this stage of the exception first.',
  },
  'authorization.administrator_may_acknowledge_record_advice': {
    ja: 'IT管理者は対応開始と記録（助言・調整）のみ行えます。承認・却下・完了は課情報セキュリティ責任者が行います。',
    en: 'The IT administrator may acknowledge and record (advice and coordination) only; the officer decides and closes.',
  },
  'authorization.forwarding_section_officer_s_step': {
    ja: '進達（緊急時の実施判断）は課情報セキュリティ責任者が行う段階で、すでに済んでいます。',
    en: 'Forwarding is the section officer’s step, and it has already been done.',
  },
  'authorization.action_does_not_apply_kind': {
    ja: 'この操作はこの種類の案件には使えません。',
    en: 'This action does not apply to this kind of case.',
  },
  'caseArticles.decide_whether_take_out_may': {
    ja: '持ち出しの可否を判断する',
    en: 'Decide whether the take-out may go ahead',
  },
  'caseArticles.record_terminals_media_taken_out': {
    ja: '端末機・記録媒体の持ち出しを記録し、保管する',
    en: 'Record terminals and media taken out, and keep the record',
  },
  'caseArticles.judge_whether_urgent_unavoidable_if': {
    ja: '緊急で避けられないかを判断し、実施するときは事後直ちに統括へ報告する',
    en: 'Judge whether it is urgent and unavoidable; if carried out, report to the chief at once',
  },
  'caseArticles.check_reason_alternative_measure': {
    ja: '例外措置の合理的な理由と代替措置を確認する',
    en: 'Check the reason and the alternative measure',
  },
  'caseArticles.decide_software_change': {
    ja: 'ソフトウェア導入・設定変更の可否を判断する',
    en: 'Decide on the software change',
  },
  'caseArticles.judge_whether_needed_work': {
    ja: '業務上の必要性を判断する',
    en: 'Judge whether it is needed for work',
  },
  'evaluation.section_officer_stops_access_card': {
    ja: '課情報セキュリティ責任者が、このICカードによるアクセスを速やかに停止します。',
    en: 'The section officer stops access with this card at once.',
  },
  'evaluation.urgent_exception_may_carried_out': {
    ja: '緊急の例外措置は先に実施できますが、事後直ちに統括情報セキュリティ責任者へ報告されます（事後報告）。',
    en: 'An urgent exception may be carried out first; the chief officer is told at once afterwards.',
  },
  'evaluation.section_officer_endorses_then_chief': {
    ja: '課情報セキュリティ責任者の確認を経て、統括情報セキュリティ責任者が許可します。',
    en: 'The section officer endorses it, then the chief officer decides.',
  },
  'evaluation.do_not_install_change_settings': {
    ja: '課情報セキュリティ責任者の許可があるまで、インストール・設定変更はしないでください。',
    en: 'Do not install or change settings until the section officer permits it.',
  },
  'evaluation.do_not_use_private_device': {
    ja: '許可があるまで、私物端末・外部サービスを業務に使わないでください。',
    en: 'Do not use the private device or external service for work until permitted.',
  },
  'routing.not_contact_directory_please_contact': {
    ja: '緊急連絡網にあなたの登録が見つかりません。IT管理者に連絡してください。',
    en: 'You are not in the contact directory. Please contact the IT administrator.',
  },
  'routing.section_not_contact_directory_please': {
    ja: '所属課が緊急連絡網に登録されていません。IT管理者に連絡してください。',
    en: 'Your section is not in the contact directory. Please contact the IT administrator.',
  },
  'routing.no_officer_send_was_found': {
    ja: '報告先となる責任者が緊急連絡網に見つかりません。IT管理者に連絡してください。',
    en: 'No officer to send this to was found in the contact directory. Please contact the IT administrator.',
  },
  'routing.section_security_officer_reporter': {
    ja: '所属課の課情報セキュリティ責任者',
    en: 'Section security officer of the reporter',
  },
  'routing.deputy_no_officer_registered': {
    ja: '課情報セキュリティ責任者の代理者（責任者が未登録）',
    en: 'Deputy (no officer registered)',
  },
  'routing.superior_section_officer_reporter_not': {
    ja: '上席者（課情報セキュリティ責任者が報告者本人又は未登録のため）',
    en: 'Superior (the section officer is the reporter or not registered)',
  },
  'routing.officer_parent_section': {
    ja: '上位課の課情報セキュリティ責任者',
    en: 'Officer of the parent section',
  },
  'routing.chief_security_officer': { ja: '統括情報セキュリティ責任者', en: 'Chief security officer' },
  'routing.deputy_section_reporter_its_officer': {
    ja: '所属課の代理者（報告者が課情報セキュリティ責任者本人で、上席者・他の統括情報セキュリティ責任者が登録されていないため）',
    en: 'Deputy of the section (the reporter is its officer; no superior or other chief officer is registered)',
  },
  'routing.administrator_no_other_officer_superior': {
    ja: 'IT管理者（報告者のほかに課情報セキュリティ責任者・上席者・代理者・統括情報セキュリティ責任者が登録されていないため）',
    en: 'IT administrator (no other officer, superior, deputy or chief officer is registered)',
  },
  'routing.person_role_contact_directory_nobody': {
    ja: '緊急連絡網に役割が登録されている職員（ほかに受け取れる責任者が登録されていないため）',
    en: 'A person with a role in the contact directory (nobody else who could receive it is registered)',
  },
  'routing.administrator_advises_section_officer': {
    ja: 'IT管理者（課情報セキュリティ責任者と連携し助言）',
    en: 'IT administrator (advises the section officer)',
  },
  'routing.report_chief_risk_harm': {
    ja: '統括情報セキュリティ責任者への報告（被害のおそれ）',
    en: 'Report to the chief (risk of harm)',
  },
  'routing.failure_report_chief': {
    ja: '統括情報セキュリティ責任者への障害報告',
    en: 'Failure report to the chief',
  },
  'routing.failure_notice_administrator_who_tells': {
    ja: 'IT管理者への障害連絡（障害に関係する課の責任者へ連絡する）',
    en: 'Failure notice to the IT administrator (who tells the sections concerned)',
  },
  'routing.officer_section_concerned_told_submission': {
    ja: '障害に関係する課の課情報セキュリティ責任者（報告と同時に通知）',
    en: 'Officer of a section concerned (told on submission)',
  },
  'routing.report_chief_possible_personal_data': {
    ja: '統括情報セキュリティ責任者への報告（個人情報漏えいの可能性）',
    en: 'Report to the chief (possible personal-data leak)',
  },
  'routing.approver_exception_decides_after_section': {
    ja: '例外措置の許可者（課情報セキュリティ責任者の進達後に判断）',
    en: 'Approver of the exception (decides after the section officer forwards it)',
  },
  'routing.after_fact_report_urgent_exception': {
    ja: '緊急の例外措置の事後報告（確認が必要）',
    en: 'After-the-fact report of an urgent exception',
  },
  'decision.case_has_already_been_approved': {
    ja: 'この案件はすでに承認済みです。',
    en: 'This case has already been approved.',
  },
  'decision.case_has_already_been_rejected': {
    ja: 'この案件はすでに却下されています。',
    en: 'This case has already been rejected.',
  },
  'decision.case_has_been_withdrawn_requester': {
    ja: 'この案件は申請者により取り下げられています。',
    en: 'This case has been withdrawn by the requester.',
  },
  'decision.case_has_already_been_closed': {
    ja: 'この案件はすでに完了（クローズ）しています。',
    en: 'This case has already been closed.',
  },
  'decision.exception_still_waiting_section_officer': {
    ja: 'この例外措置申請は、まだ課情報セキュリティ責任者の進達待ちです。',
    en: 'This exception is still waiting for the section officer to forward it.',
  },
  'decision.urgent_exception_still_waiting_section': {
    ja: 'この緊急の例外措置は、まだ課情報セキュリティ責任者の実施判断待ちです。',
    en: 'This urgent exception is still waiting for the section officer’s decision.',
  },
  'decision.exception_has_already_been_forwarded': {
    ja: 'この例外措置申請はすでに進達済みで、統括情報セキュリティ責任者の許可待ちです。',
    en: 'This exception has already been forwarded and is waiting for the chief officer’s permission.',
  },
  'decision.urgent_exception_already_force_waiting': {
    ja: 'この緊急の例外措置はすでに実施済みで、統括情報セキュリティ責任者の事後報告確認待ちです。',
    en: 'This urgent exception is already in force and waiting for the chief officer to acknowledge the report.',
  },
  'decision.chief_officer_acknowledged_after_fact': {
    ja: '統括情報セキュリティ責任者が緊急の例外措置の事後報告を確認しました',
    en: 'The chief officer acknowledged the after-the-fact report of the urgent exception',
  },
  'decision.content': { ja: '内容', en: 'content' },
  'decision.cause': { ja: '原因', en: 'cause' },
  'decision.confirmed_damage': { ja: '確認された被害', en: 'confirmed damage' },
  'decision.scope': { ja: '影響範囲', en: 'scope' },
  'decision.section_officer_decided_carry_out': {
    ja: '課情報セキュリティ責任者が緊急の例外措置の実施を判断し、統括情報セキュリティ責任者へ事後報告しました',
    en: 'The section officer decided to carry out the urgent exception and reported it to the chief officer',
  },
  'decision.section_officer_forwarded_exception_request': {
    ja: '課情報セキュリティ責任者が例外措置申請を統括情報セキュリティ責任者へ進達しました',
    en: 'The section officer forwarded the exception request to the chief officer',
  },
  'decision.request_has_already_been_handled': {
    ja: 'この申請はすでに処理されています。',
    en: 'This request has already been handled.',
  },
  'decision.exception_has_no_stage': { ja: '例外措置の段階が不明です。', en: 'The exception has no stage.' },
  'decision.report_has_already_been_acknowledged': {
    ja: 'この報告はすでに対応開始済みです。',
    en: 'This report has already been acknowledged.',
  },
  'decision.acknowledge_report_first_then_record': {
    ja: 'まず「対応開始」を押してから記録・報告・完了を行ってください。',
    en: 'Acknowledge the report first, then record, report or close it.',
  },
  'decision.case_has_already_been_reported': {
    ja: 'この案件はすでに統括情報セキュリティ責任者へ報告済みです。',
    en: 'This case has already been reported to the chief officer.',
  },
  'decision.nothing_record': { ja: '記録する項目がありません。', en: 'Nothing to record.' },
  'decision.no_chief_security_officer_forward': {
    ja: '進達先の統括情報セキュリティ責任者が緊急連絡網に見つかりません。IT管理者に連絡してください。',
    en: 'No chief security officer to forward this to was found in the contact directory. Please contact the IT administrator.',
  },
  'decision.please_give_reason_rejection': {
    ja: '却下の理由を入力してください。',
    en: 'Please give the reason for the rejection.',
  },
  'decision.report_chief_officer_before_closing': {
    ja: '完了の前に統括情報セキュリティ責任者への報告が必要です。',
    en: 'Report to the chief officer before closing.',
  },
  'decision.acknowledged': { ja: '{title}の対応を開始しました', en: 'Response to "{title}" started' },
  'decision.approved': { ja: '{title}を承認しました', en: '{title} approved' },
  'decision.approvedWithConditions': {
    ja: '{title}を承認しました（条件: {conditions}）',
    en: '{title} approved (conditions: {conditions})',
  },
  'decision.closeBlank': {
    ja: '完了の記録を入力してください: {fields}',
    en: 'Please fill in the closing record: {fields}',
  },
  'decision.recordsMissing': {
    ja: 'まだ記録されていない項目があります: {fields}',
    en: 'Some records are still missing: {fields}',
  },
  'decision.closed': { ja: '{title}の対応を完了しました', en: '"{title}" closed' },
  'decision.unknownRecord': {
    ja: 'この案件にない記録項目です: {ids}',
    en: 'Not a record of this case: {ids}',
  },
  'decision.recordBlank': { ja: '記録の内容を入力してください: {fields}', en: 'Please fill in: {fields}' },
  'decision.recorded': { ja: '記録しました: {fields}', en: 'Recorded: {fields}' },
  'decision.rejected': {
    ja: '{title}を却下しました（理由: {comment}）',
    en: '{title} rejected (reason: {comment})',
  },
  'decision.urgentStopped': {
    ja: '統括情報セキュリティ責任者が緊急の例外措置の中止を指示しました（理由: {comment}）',
    en: 'The chief officer ordered the urgent exception stopped (reason: {comment})',
  },
  'decision.urgentNotDone': {
    ja: '課情報セキュリティ責任者が緊急の例外措置を実施しないと判断しました（理由: {comment}）',
    en: 'The section officer decided not to carry out the urgent exception (reason: {comment})',
  },
  'decision.exceptionRejected': {
    ja: '例外措置申請を却下しました（理由: {comment}）',
    en: 'Exception request rejected (reason: {comment})',
  },
  'decision.reportedToChief': {
    ja: '{title}を統括情報セキュリティ責任者へ報告しました',
    en: '"{title}" reported to the chief officer',
  },
  'decision.notApplicable': {
    ja: 'この操作は「{title}」には使えません。',
    en: 'This action does not apply to a case of kind "{title}".',
  },
  'evaluation.reportable': {
    ja: '個人情報保護委員会への報告対象: {reason}',
    en: 'Reportable to the Personal Information Protection Commission: {reason}',
  },
} as const satisfies MessageTable;
