// Keeping the contact tree (緊急連絡網, 6ウ): the diff before an import, staged imports, exports and
// the phone tree, 連絡網の確認 — for the IT管理者 in Teams and on the command line.
import type { MessageTable } from '../table';

export const DIRECTORY_ADMIN_MESSAGES = {
  // --- roles and fields, as the diff names them
  'dirAdmin.role.section_officer': { ja: '課責任者', en: 'section officer' },
  'dirAdmin.role.deputy': { ja: '代理者', en: 'deputy' },
  'dirAdmin.role.superior': { ja: '上席者', en: 'superior' },
  'dirAdmin.role.chief_officer': { ja: '統括', en: 'chief security officer' },
  'dirAdmin.role.it_admin': { ja: 'IT管理者', en: 'IT administrator' },
  'dirAdmin.role.ofSection': { ja: '{section}の{role}', en: '{role} of {section}' },
  'dirAdmin.field.name': { ja: '氏名', en: 'name' },
  'dirAdmin.field.kana': { ja: '氏名カナ', en: 'kana' },
  'dirAdmin.field.upn': { ja: 'UPN', en: 'UPN' },
  'dirAdmin.field.aadObjectId': { ja: 'aadObjectId', en: 'aadObjectId' },
  'dirAdmin.field.title': { ja: '役職', en: 'title' },
  'dirAdmin.field.phone': { ja: '電話', en: 'phone' },
  'dirAdmin.field.mobile': { ja: '携帯', en: 'mobile' },

  // --- the diff
  'dirAdmin.diff.section': { ja: '{name}（{code}）', en: '{name} ({code})' },
  'dirAdmin.diff.topLevel': { ja: '（最上位）', en: '(top level)' },
  'dirAdmin.diff.empty': { ja: '（なし）', en: '(none)' },
  'dirAdmin.diff.added': { ja: '追加: {id} {name}・{section}', en: 'Added: {id} {name}, {section}' },
  'dirAdmin.diff.removed': { ja: '削除: {id} {name}・{section}', en: 'Removed: {id} {name}, {section}' },
  'dirAdmin.diff.moved': {
    ja: '異動: {id} {name}・{from} → {to}',
    en: 'Moved: {id} {name}, {from} → {to}',
  },
  'dirAdmin.diff.changed': {
    ja: '連絡先の変更: {id} {name}・{changes}',
    en: 'Contact changed: {id} {name}: {changes}',
  },
  'dirAdmin.diff.fieldChange': { ja: '{field} {before} → {after}', en: '{field} {before} → {after}' },
  'dirAdmin.diff.roles': {
    ja: '役割の変更: {id} {name}・{parts}',
    en: 'Roles changed: {id} {name}: {parts}',
  },
  'dirAdmin.diff.rolesLost': { ja: '外れる役割【{roles}】', en: 'loses [{roles}]' },
  'dirAdmin.diff.rolesGained': { ja: '新しい役割【{roles}】', en: 'gains [{roles}]' },
  'dirAdmin.diff.sectionAdded': {
    ja: '課の追加: {section}・上位課 {parent}',
    en: 'Section added: {section}, parent {parent}',
  },
  'dirAdmin.diff.sectionRemoved': { ja: '課の削除: {section}', en: 'Section removed: {section}' },
  'dirAdmin.diff.sectionRenamed': {
    ja: '課名の変更: {code} {before} → {after}',
    en: 'Section renamed: {code} {before} → {after}',
  },
  'dirAdmin.diff.sectionReparented': {
    ja: '上位課の変更: {section}・{before} → {after}',
    en: 'Parent changed: {section}, {before} → {after}',
  },
  'dirAdmin.diff.none': { ja: '変更はありません。', en: 'No changes.' },
  'dirAdmin.diff.summary': { ja: '変更: {parts}', en: 'Changes: {parts}' },
  'dirAdmin.count.added': { ja: '追加 {n} 名', en: '{n} added' },
  'dirAdmin.count.removed': { ja: '削除 {n} 名', en: '{n} removed' },
  'dirAdmin.count.moved': { ja: '異動 {n} 名', en: '{n} moved' },
  'dirAdmin.count.changed': { ja: '連絡先の変更 {n} 名', en: '{n} with contact changes' },
  'dirAdmin.count.roles': { ja: '役割の変更 {n} 名', en: '{n} with role changes' },
  'dirAdmin.count.sectionsAdded': { ja: '課の追加 {n}', en: '{n} sections added' },
  'dirAdmin.count.sectionsRemoved': { ja: '課の削除 {n}', en: '{n} sections removed' },
  'dirAdmin.count.sectionsRenamed': { ja: '課名の変更 {n}', en: '{n} sections renamed' },
  'dirAdmin.count.sectionsReparented': { ja: '上位課の変更 {n}', en: '{n} sections re-parented' },
  'dirAdmin.kind.added': { ja: '追加される人', en: 'Added' },
  'dirAdmin.kind.removed': { ja: '削除される人', en: 'Removed' },
  'dirAdmin.kind.moved': { ja: '異動する人', en: 'Moved' },
  'dirAdmin.kind.changed': { ja: '連絡先が変わる人', en: 'Contact changes' },
  'dirAdmin.kind.roles': { ja: '役割が変わる人', en: 'Role changes' },
  'dirAdmin.kind.sectionsAdded': { ja: '追加される課', en: 'Sections added' },
  'dirAdmin.kind.sectionsRemoved': { ja: '削除される課', en: 'Sections removed' },
  'dirAdmin.kind.sectionsRenamed': { ja: '課名の変更', en: 'Sections renamed' },
  'dirAdmin.kind.sectionsReparented': { ja: '上位課の変更', en: 'Parent sections changed' },
  'dirAdmin.loss.roles': {
    ja: '{id} {name}: {roles} を外れますが、対応中の案件 {cases} の担当・宛先です。',
    en: '{id} {name} loses {roles} but is assignee or recipient of open cases {cases}.',
  },
  'dirAdmin.loss.removed': {
    ja: '{id} {name}: 連絡網から削除されます（外れる役割: {roles}）が、対応中の案件 {cases} の担当・宛先です。',
    en: '{id} {name} leaves the directory (roles: {roles}) but is assignee or recipient of open cases {cases}.',
  },
} satisfies MessageTable;
