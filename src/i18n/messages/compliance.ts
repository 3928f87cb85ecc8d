// The monthly compliance summary to 統括 (13(1)) and 「遵守状況」 on request.
import type { MessageTable } from '../table';

export const COMPLIANCE_MESSAGES = {
  'intent.compliance': { ja: '遵守状況', en: 'Compliance status' },

  'compliance.month': { ja: '{year}年{month}月', en: '{year}-{month}' },
  'compliance.title': {
    ja: '情報セキュリティ対策の遵守状況（{month}）',
    en: 'Compliance with the security measures ({month})',
  },
  'compliance.introMonthly': {
    ja: '{month}の定期報告です。件数は {asOf} 現在、一斉通知の回答率は{month}に送信したものです。',
    en: 'Monthly report for {month}. Counts as of {asOf}; answer rates of the broadcasts sent in {month}.',
  },
  'compliance.introSoFar': {
    ja: '{month}の途中経過です（{asOf} 現在）。',
    en: '{month} so far (as of {asOf}).',
  },
  'compliance.totalHeading': { ja: '全体', en: 'All sections' },
  'compliance.sectionsHeading': { ja: '課ごとの状況', en: 'By section' },
  'compliance.empty': {
    ja: '報告すべき事項のある課はありません。',
    en: 'No section has anything to report.',
  },
  'compliance.omitted': {
    ja: 'ほか {count} 課はカードに表示しきれません。台帳の出力で確認してください。',
    en: '{count} more sections do not fit on the card; see the ledger exports.',
  },
  'compliance.fact.openIncidents': { ja: '未完了の事故・障害', en: 'Open incidents' },
  'compliance.fact.overdueAcks': { ja: '確認期限を過ぎた未対応', en: 'Overdue acknowledgements' },
  'compliance.fact.overdueReturns': { ja: '返却予定日を過ぎた持ち出し', en: 'Overdue take-out returns' },
  'compliance.fact.exceptionsExpiring': {
    ja: '{days}日以内に期間が終わる例外措置',
    en: 'Exceptions ending within {days} days',
  },
  'compliance.fact.exceptionsExpired': { ja: '期間が終わった例外措置', en: 'Exceptions past their period' },
  'compliance.fact.broadcastAnswers': { ja: '一斉通知の回答率', en: 'Broadcast answer rate' },
  'compliance.count': { ja: '{count} 件', en: '{count}' },
  'compliance.countOldest': {
    ja: '{count} 件（最も古いもの: {caseId}・{at}）',
    en: '{count} (oldest: {caseId}, {at})',
  },
  'compliance.rate': {
    ja: '{percent}%（{answered}/{targeted} 人）',
    en: '{percent}% ({answered} of {targeted})',
  },
  'compliance.noRate': { ja: '対象なし', en: 'None asked' },
  'compliance.broadcastsHeading': {
    ja: '回答を求めた一斉通知',
    en: 'Broadcasts asking for an answer',
  },
  'compliance.broadcastTitle': { ja: '{id}【{mode}】{at}', en: '{id} [{mode}] {at}' },
  'compliance.mode.drill': { ja: '訓練', en: 'Drill' },
  'compliance.mode.real': { ja: '本番', en: 'Real' },
  'compliance.exportsHeading': {
    ja: '{month}の台帳を Excel で出力できます。',
    en: 'The ledgers of {month} can be exported to Excel.',
  },
  'compliance.export.incident': { ja: '事故記録', en: 'Incident records' },
  'compliance.export.takeout': { ja: '持ち出し台帳', en: 'Take-out ledger' },
  'compliance.export.exception': { ja: '例外措置台帳', en: 'Exception register' },
  'compliance.export.failure': { ja: '障害記録', en: 'Failure records' },
  'compliance.menu': { ja: 'メニュー', en: 'Menu' },
  'compliance.denied': {
    ja: '遵守状況を表示できるのは 統括情報セキュリティ責任者 と IT管理者 のみです。',
    en: 'Only the chief security officer and IT administrators may see the compliance status.',
  },
} satisfies MessageTable;
