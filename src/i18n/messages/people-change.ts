// People change (人事異動・退職) drives duties, and contracts with contractors end (12(1)③ケ).
import type { MessageTable } from '../table';

export const PEOPLE_CHANGE_MESSAGES = {
  'intent.contracts': { ja: '委託契約', en: 'Contracts' },
  'peopleChange.dutiesOpened': {
    ja: '異動・退職に伴う業務を {n} 件開始しました（端末等の返却、ID・権限の見直し、ICカード）。',
    en: 'Opened {n} duties for people moved or removed (devices returned, IDs and rights revised, IC cards).',
  },

  'contract.field.section': { ja: '課', en: 'Section' },
  'contract.field.contractor': { ja: '委託先の事業者', en: 'Contractor' },
  'contract.field.work': { ja: '委託内容', en: 'Work contracted' },
  'contract.field.systems': { ja: '対象の情報システム等', en: 'Systems concerned' },
  'contract.field.end_date': { ja: '作業の終了日', en: 'Last day of the work' },
  'contract.field.worker_ids': {
    ja: '作業員のユーザID（1行に1つ）',
    en: 'Workers’ user IDs (one per line)',
  },
  'contract.help.end_date': {
    ja: 'この日が過ぎると、ID・パスワードの抹消確認を課の業務として開始します。',
    en: 'Once this day is over, confirming the removal of IDs and passwords opens as a duty of the section.',
  },
  'contract.help.worker_ids': {
    ja: '作業終了後、これらのID・パスワード等が速やかに抹消されたことを確認します。',
    en: 'After the work, you confirm that these IDs and passwords were removed promptly.',
  },
  'contract.form.title': { ja: '委託契約の登録', en: 'Register a contract' },
  'contract.form.intro': {
    ja: '事業者に委託する作業の内容と終了日、作業員のユーザIDを登録します。',
    en: 'Register the contracted work, its last day and the workers’ user IDs.',
  },
  'contract.submit': { ja: '登録する', en: 'Register' },
  'contract.back': { ja: '一覧に戻る', en: 'Back to the list' },
  'contract.list.title': { ja: '委託契約', en: 'Contracts' },
  'contract.list.intro': {
    ja: '課の委託契約です。作業が終わると、作業員のID・パスワード等の抹消確認を業務として開始します。',
    en: 'The section’s contracts. When the work ends, confirming that the workers’ IDs and passwords were removed opens as a duty.',
  },
  'contract.list.sections': { ja: '対象の課: {sections}', en: 'Sections: {sections}' },
  'contract.list.empty': { ja: '登録された委託契約はありません。', en: 'No contracts registered.' },
  'contract.list.register': { ja: '契約を登録', en: 'Register a contract' },
  'contract.list.end_now': { ja: '作業終了', en: 'Work ended' },
  'contract.list.item': {
    ja: '{id} {contractor}（{section}）終了日 {endDate}',
    en: '{id} {contractor} ({section}) ends {endDate}',
  },
  'contract.list.detail': {
    ja: '委託内容: {work} / 対象: {systems} / 作業員ID: {workerIds}',
    en: 'Work: {work} / Systems: {systems} / Worker IDs: {workerIds}',
  },
  'contract.status.active': { ja: '契約中', en: 'Active' },
  'contract.status.ended': { ja: '終了（抹消確認 {dutyId}）', en: 'Ended (ID removal {dutyId})' },
  'contract.done.registered': {
    ja: '委託契約 {id} を登録しました。',
    en: 'Contract {id} registered.',
  },
  'contract.done.ended': {
    ja: '委託契約 {id} の作業終了を記録し、ID・パスワード等の抹消確認 {dutyId} を開始しました。',
    en: 'Recorded the end of contract {id}; the ID removal check {dutyId} is open.',
  },
  'contract.done.discarded': { ja: '下書きを破棄しました。', en: 'Draft discarded.' },
  'contract.done.nothing_discarded': { ja: '破棄する下書きはありません。', en: 'There was no draft.' },
  'contract.denied.not_allowed': {
    ja: '委託契約は、その課の課情報セキュリティ責任者・代理者と統括情報セキュリティ責任者だけが扱えます。',
    en: 'Only the section’s security officer or deputy and the chief security officer handle its contracts.',
  },
  'contract.denied.not_found': {
    ja: 'この委託契約は見つかりません。',
    en: 'This contract was not found.',
  },
  'contract.denied.already_ended': {
    ja: 'この委託契約はすでに終了しています。',
    en: 'This contract has ended already.',
  },
} satisfies MessageTable;
