// Duties (定期業務, issue 10): the calendar's duties, their cards and 「今月の定期業務」.
import type { MessageTable } from '../table';

export const DUTY_MESSAGES = {
  'intent.duties': { ja: '今月の定期業務', en: 'This month’s duties' },

  'duty.kind.self_inspection': {
    ja: '情報セキュリティ対策の自己点検',
    en: 'Self-inspection of security measures',
  },
  'duty.kind.compliance_check': { ja: '遵守状況の確認', en: 'Compliance check' },
  'duty.kind.access_review': { ja: 'アクセス権限の見直し', en: 'Review of access rights' },
  'duty.kind.unused_id_check': { ja: '利用されていないIDの点検', en: 'Check for unused IDs' },
  'duty.kind.contractor_check': {
    ja: '委託先の情報セキュリティ対策の確認',
    en: 'Check of contractors’ security measures',
  },
  'duty.kind.offsite_server_inspection': {
    ja: '庁外設置サーバの点検',
    en: 'Inspection of servers outside the premises',
  },
  'duty.kind.maintenance_inspection': { ja: '機器の保守点検', en: 'Maintenance inspection of equipment' },
  'duty.kind.backup': { ja: 'バックアップの取得', en: 'Backups' },
  'duty.kind.virus_full_scan': { ja: 'ウイルス対策ソフトによるフルチェック', en: 'Full anti-virus scan' },
  'duty.kind.return_devices': { ja: '異動・退職者の端末機等の返却', en: 'Return of devices (move or leave)' },
  'duty.kind.revise_access': {
    ja: '異動・退職者のID・アクセス権限の変更',
    en: 'Change of IDs and access rights (move or leave)',
  },
  'duty.kind.ic_card': { ja: 'ICカードの更新・回収', en: 'Renewal or collection of the IC card' },
  'duty.kind.contractor_id_removal': {
    ja: '委託作業終了後のID・パスワードの抹消確認',
    en: 'Removal of contractor IDs after the work',
  },

  'duty.what.self_inspection': {
    ja: '所管する情報システム等について、情報セキュリティ対策の実施状況全般を点検してください。対策基準を改定する必要を認めたときは、その旨を記録すると統括情報セキュリティ責任者に報告されます。',
    en: 'Inspect how the security measures of your systems are carried out overall. If you find the standard needs revising, flag it: it is reported to the chief officer.',
  },
  'duty.what.compliance_check': {
    ja: 'ポリシー及び実施手順の遵守状況を確認してください。記録すると統括情報セキュリティ責任者に報告されます。',
    en: 'Check compliance with the policy and procedures. Recording it reports it to the chief officer.',
  },
  'duty.what.access_review': {
    ja: '所管するシステム等へアクセスできる利用者とその利用範囲（アクセス権限）を見直してください。',
    en: 'Review who may access your systems and to what extent (access rights).',
  },
  'duty.what.unused_id_check': {
    ja: '利用されていないIDが放置されていないか点検してください。',
    en: 'Check that no unused IDs are left in place.',
  },
  'duty.what.contractor_check': {
    ja: '委託先の事業者で委託内容に応じた情報セキュリティ対策が確保されているか確認してください。記録すると統括情報セキュリティ責任者に報告されます。',
    en: 'Check that contractors keep security measures fit for the work. Recording it reports it to the chief officer.',
  },
  'duty.what.offsite_server_inspection': {
    ja: '庁外に設置したサーバのセキュリティ対策状況を点検してください。記録すると統括情報セキュリティ責任者に報告されます。',
    en: 'Inspect the security measures of servers placed outside the premises. Recording it reports it to the chief officer.',
  },
  'duty.what.maintenance_inspection': {
    ja: '機器の保守点検を実施し、その記録を残してください（結果・所見・記録の保存場所）。',
    en: 'Carry out the maintenance inspection of equipment and keep its record (result, findings, where the record is kept).',
  },
  'duty.what.backup': {
    ja: '定めた範囲・方法・サイクルでデータやプログラムのバックアップを取得してください。',
    en: 'Take the backups of data and programs with the scope, method and cycle you set.',
  },
  'duty.what.virus_full_scan': {
    ja: 'サーバ及び端末機でウイルス対策ソフトによるフルチェックを実施してください。',
    en: 'Run a full anti-virus scan on the servers and terminals.',
  },
  'duty.what.return_devices': {
    ja: '異動・退職する職員が利用していた端末機等が返却されたことを確認してください。',
    en: 'Confirm that the person who moves or leaves returned the devices they used.',
  },
  'duty.what.revise_access': {
    ja: '異動・退職する職員のID・アクセス権限を削除または変更してください。',
    en: 'Remove or change the IDs and access rights of the person who moves or leaves.',
  },
  'duty.what.ic_card': {
    ja: 'ICカードを更新する場合は更新前のカードを回収し、認証情報を復元できない状態にして廃棄してください。退職者のカードは回収してください。',
    en: 'When renewing the IC card, collect the old card and destroy it so its credentials cannot be restored; collect the card of a person who leaves.',
  },
  'duty.what.contractor_id_removal': {
    ja: '委託作業を行った者のユーザID・パスワード等が、作業終了後速やかに抹消されたことを確認してください。',
    en: 'Confirm that the user IDs and passwords of those who did the contracted work were removed promptly after the work.',
  },

  'duty.field.result': { ja: '結果', en: 'Result' },
  'duty.field.findings': { ja: '所見・指摘事項', en: 'Findings' },
  'duty.field.attachments': { ja: '添付資料（URL・ファイル名）', en: 'Attachments (links or file names)' },
  'duty.field.revision_needed': {
    ja: '対策基準を改定する必要を認めた（統括情報セキュリティ責任者に報告します）',
    en: 'The standard needs revising (reported to the chief officer)',
  },
  'duty.result.no_issue': { ja: '問題なし', en: 'No issues' },
  'duty.result.issues_found': { ja: '指摘事項あり', en: 'Issues found' },
  'duty.placeholder.findings': {
    ja: '確認した内容、見つかった問題と対応',
    en: 'What was checked, what was found and done',
  },
  'duty.placeholder.attachments': {
    ja: 'https://… または 共有フォルダのファイル名',
    en: 'https://… or a file name on the share',
  },
  'duty.help.attachments': { ja: '1行に1件ずつ書いてください。', en: 'One per line.' },
  'duty.error.findings_required': {
    ja: '「指摘事項あり」のときは所見・指摘事項を書いてください。',
    en: 'Describe the findings when issues were found.',
  },
  'duty.error.revision_findings': {
    ja: '対策基準の改定が必要なときは、どこをなぜ改定すべきかを所見に書いてください。',
    en: 'Say in the findings what should be revised and why.',
  },

  'duty.status.open': { ja: '未実施', en: 'Open' },
  'duty.status.overdue': { ja: '期限超過', en: 'Overdue' },
  'duty.status.done': { ja: '実施済', en: 'Done' },
  'duty.status.cancelled': { ja: '取消', en: 'Cancelled' },

  'duty.card.title': { ja: '定期業務 {id}: {kind}', en: 'Duty {id}: {kind}' },
  'duty.card.section': { ja: '課', en: 'Section' },
  'duty.card.period': { ja: '対象期間', en: 'Period' },
  'duty.card.due': { ja: '期限', en: 'Due' },
  'duty.card.status': { ja: '状態', en: 'Status' },
  'duty.card.subject': { ja: '対象', en: 'About' },
  'duty.card.completed': { ja: '記録者・日時', en: 'Recorded by, at' },
  'duty.card.reported': { ja: '統括情報セキュリティ責任者への報告', en: 'Reported to the chief officer' },
  'duty.card.yes': { ja: 'あり', en: 'Yes' },
  'duty.card.rule_note': {
    ja: '周期・期限・再通知・統括情報セキュリティ責任者へのエスカレーションは運用ルール（組合の定め）です。',
    en: 'The cycle, the deadline, the reminders and the escalation to the chief officer are the organisation’s rule (運用ルール).',
  },
  'duty.card.rule_note_report': {
    ja: '記録すると統括情報セキュリティ責任者に報告されます。周期・期限・再通知は運用ルール（組合の定め）です。',
    en: 'Recording it reports it to the chief officer. The cycle, the deadline and the reminders are the organisation’s rule (運用ルール).',
  },
  'duty.card.rule_note_flag': {
    ja: '改定の必要を記録したときだけ統括情報セキュリティ責任者に報告されます。周期・期限・再通知は運用ルール（組合の定め）です。',
    en: 'Only a flagged need to revise the standard is reported to the chief officer. The cycle, the deadline and the reminders are the organisation’s rule (運用ルール).',
  },
  'duty.lead.opened': {
    ja: '定期業務の時期です。期限までに実施し、このカードで結果を記録してください。',
    en: 'This duty is due. Carry it out by the deadline and record the result on this card.',
  },
  'duty.lead.overdue': {
    ja: '期限を過ぎました。実施して結果を記録してください。',
    en: 'The deadline has passed. Carry it out and record the result.',
  },
  'duty.lead.escalated': {
    ja: '期限を過ぎても記録されていない定期業務です（運用ルールにより統括情報セキュリティ責任者にお知らせしています）。',
    en: 'This duty was not recorded after its deadline (sent to the chief officer under the organisation’s rule).',
  },
  'duty.lead.report': { ja: '定期業務の結果の報告です。', en: 'A report of a duty’s result.' },
  'duty.button.complete': { ja: '記録する', en: 'Record' },
  'duty.button.save': { ja: '下書き保存', en: 'Save draft' },
  'duty.saved': {
    ja: '下書きを保存しました。後でこのカードから続けられます。',
    en: 'Draft saved. You can continue from this card later.',
  },
  'duty.invalid': {
    ja: '入力内容を確認してください（下書きは保存しました）。',
    en: 'Please check the input (the draft was saved).',
  },
  'duty.done': { ja: '{id} の実施を記録しました。', en: '{id} is recorded as done.' },
  'duty.done_reported': {
    ja: '{id} の実施を記録し、統括情報セキュリティ責任者に報告しました。',
    en: '{id} is recorded as done and reported to the chief officer.',
  },
  'duty.escalated_note': {
    ja: '{id} は期限を過ぎても記録がないため、統括情報セキュリティ責任者にお知らせしました。',
    en: '{id} was not recorded after its deadline and was sent to the chief officer.',
  },
  'duty.denied.not_found': { ja: 'その定期業務は見つかりません。', en: 'That duty was not found.' },
  'duty.denied.not_open': { ja: 'その定期業務はすでに記録済みです。', en: 'That duty is already recorded.' },
  'duty.denied.conflict': {
    ja: '同時に別の操作があったため記録できませんでした。もう一度開いてください。',
    en: 'Someone else changed it meanwhile. Please open it again.',
  },

  'duty.month.title': { ja: '今月の定期業務（{year}年{month}月）', en: 'Duties this month ({year}-{month})' },
  'duty.month.intro_all': {
    ja: '全課の定期業務です（今月期限のものと、期限を過ぎて未実施のもの）。',
    en: 'All sections’ duties (due this month, and earlier ones still open).',
  },
  'duty.month.intro_sections': {
    ja: '{sections} の定期業務です（今月期限のものと、期限を過ぎて未実施のもの）。',
    en: 'Duties of {sections} (due this month, and earlier ones still open).',
  },
  'duty.month.overdue': { ja: '期限超過で未実施: {n}件', en: 'Overdue and open: {n}' },
  'duty.month.section_line': {
    ja: '{section}: 実施済 {done}・未実施 {open}・期限超過 {overdue}',
    en: '{section}: done {done}, open {open}, overdue {overdue}',
  },
  'duty.month.empty': { ja: '今月の定期業務はありません。', en: 'No duties this month.' },
  'duty.month.item': { ja: '{kind}（{section}）', en: '{kind} ({section})' },
  'duty.month.detail': { ja: '{id}・期限 {due}・{status}', en: '{id} · due {due} · {status}' },
  'duty.month.open': { ja: '開く', en: 'Open' },
  'duty.month.more': {
    ja: 'ほかにもあります。全件は「台帳」の定期業務記録で見られます。',
    en: 'There are more: see the duty ledger under Ledgers.',
  },
  'duty.month.denied': {
    ja: '定期業務を表示できるのは 課情報セキュリティ責任者・代理者 と 統括情報セキュリティ責任者 のみです。',
    en: 'Only section officers, their deputies and the chief officer can see the duties.',
  },

  'duty.ledger.title': { ja: '定期業務記録', en: 'Duty record' },
  'duty.ledger.id': { ja: '業務番号', en: 'Duty id' },
  'duty.ledger.kind': { ja: '業務', en: 'Duty' },
  'duty.ledger.revision_needed': { ja: '対策基準の改定の要', en: 'Standard needs revising' },
  'duty.ledger.completed_by': { ja: '記録者', en: 'Recorded by' },
  'duty.ledger.completed_at': { ja: '記録日時', en: 'Recorded at' },
  'duty.summary.fact': { ja: '遵守状況の確認（定期業務）', en: 'Compliance checks (duties)' },
  'duty.summary.value': { ja: '実施済 {done}・未実施 {open}', en: 'done {done}, not done {open}' },
} satisfies MessageTable;
