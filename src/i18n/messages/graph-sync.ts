// The directory sync from Microsoft Graph: its report to the IT管理者 (domain/graph-directory-sync.ts,
// cli/graph-sync.ts).
import type { MessageTable } from '../table';

export const GRAPH_SYNC_MESSAGES = {
  'graphSync.person': { ja: '{name}（{id}）', en: '{name} ({id})' },
  'graphSync.user': { ja: '{name}（{upn}）', en: '{name} ({upn})' },
  'graphSync.section': { ja: '課 {code}（{name}）', en: 'section {code} ({name})' },
  'graphSync.outside': { ja: '{name}（名簿にない）', en: '{name} (not in the directory)' },
  'graphSync.chainLink': { ja: '{from} → {to}', en: '{from} → {to}' },
  'graphSync.chainCycle': { ja: '{last} →（循環）', en: '{last} → (cycle)' },
  'graphSync.change': { ja: '{field} {from} → {to}', en: '{field} {from} → {to}' },
  'graphSync.value.empty': { ja: '（空欄）', en: '(empty)' },

  'graphSync.field.name': { ja: '氏名', en: 'name' },
  'graphSync.field.upn': { ja: 'UPN', en: 'UPN' },
  'graphSync.field.title': { ja: '役職', en: 'title' },
  'graphSync.field.phone': { ja: '電話', en: 'phone' },
  'graphSync.field.mobile': { ja: '携帯', en: 'mobile' },

  'graphSync.role.section_officer': { ja: '課責任者', en: 'section officer' },
  'graphSync.role.deputy': { ja: '代理者', en: 'deputy' },
  'graphSync.role.superior': { ja: '上席者', en: 'superior' },
  'graphSync.role.chief_officer': { ja: '統括', en: 'chief officer' },
  'graphSync.role.it_admin': { ja: 'IT管理者', en: 'IT administrator' },

  'graphSync.reason.disabled': {
    ja: 'Microsoft Entra ID でアカウントが無効です',
    en: 'the account is disabled in Microsoft Entra ID',
  },
  'graphSync.reason.vanished': {
    ja: 'Microsoft Graph の利用者一覧にいません',
    en: 'Microsoft Graph no longer lists the user',
  },
  'graphSync.reason.no_department': { ja: '部署（department）が空欄です', en: 'the department is empty' },
  'graphSync.reason.unmapped_department': {
    ja: '部署「{department}」に当たる課がありません（課名と同じでなく、DEPARTMENT_MAP にもありません）',
    en: 'no section matches the department "{department}" (no section of that name, not in DEPARTMENT_MAP)',
  },
  'graphSync.reason.map_unknown_section': {
    ja: 'DEPARTMENT_MAP が部署「{department}」を名簿にない課コード {code} に対応させています',
    en: 'DEPARTMENT_MAP maps the department "{department}" to section code {code}, which the directory does not have',
  },
  'graphSync.reason.department_ambiguous': {
    ja: '部署「{department}」と同じ名前の課が複数あります',
    en: 'several sections are named like the department "{department}"',
  },
  'graphSync.reason.no_name': { ja: '表示名（displayName）が空欄です', en: 'the display name is empty' },
  'graphSync.reason.no_employee_id': {
    ja: '社員 ID（employeeId）が空欄のため職員番号を決められません',
    en: 'no employeeId, so there is no 職員番号 (employee number) to give',
  },
  'graphSync.reason.invalid_employee_id': {
    ja: '社員 ID「{employeeId}」は職員番号の形式（半角英数字とハイフン、1〜20文字）ではありません',
    en: 'the employeeId "{employeeId}" is not an employee number (letters, digits, hyphens, 1–20)',
  },
  'graphSync.reason.employee_id_taken': {
    ja: '職員番号 {employeeId} は名簿の {person} が別の aadObjectId で使っています（アカウントを作り直した場合は、その行の aadObjectId を直してください）',
    en: 'the employee number {employeeId} belongs to {person} in the directory with another aadObjectId (if the account was re-created, correct that row’s aadObjectId)',
  },
  'graphSync.reason.employee_id_duplicate': {
    ja: '社員 ID {employeeId} の利用者が Graph に複数います',
    en: 'several Graph users have the employeeId {employeeId}',
  },
  'graphSync.reason.invalid_upn': {
    ja: 'UPN「{upn}」はメールアドレスの形式ではありません',
    en: 'the UPN "{upn}" is not an address',
  },
  'graphSync.reason.upn_taken': {
    ja: 'UPN {upn} は名簿の別の職員が使っています',
    en: 'another person in the directory has the UPN {upn}',
  },
  'graphSync.reason.invalid_kana': {
    ja: '氏名カナ「{kana}」は全角カタカナと空白だけではありません',
    en: 'the kana reading "{kana}" is not katakana and spaces only',
  },
  'graphSync.reason.officer_not_in_graph': {
    ja: '課責任者が Graph にいない（または無効）ため上長が分かりません',
    en: 'the section officer is not (or no longer enabled) in Graph, so their manager is unknown',
  },
  'graphSync.reason.no_manager': {
    ja: '課責任者に上長（manager）が設定されていません',
    en: 'the section officer has no manager set',
  },
  'graphSync.reason.manager_not_in_directory': {
    ja: '課責任者の上長 {manager} が名簿にいません',
    en: 'the section officer’s manager {manager} is not in the directory',
  },
  'graphSync.reason.manager_is_officer': {
    ja: '上長が課責任者本人です',
    en: 'the manager is the section officer themself',
  },

  'graphSync.note.role_holder_kept': {
    ja: '{person} は {reason} が、役割（{roles}）があるため名簿に残しました。役割を別の職員に引き継いでから、もう一度同期してください。',
    en: '{person}: {reason}, but holds a role ({roles}) and stays in the directory. Hand the role to someone else, then sync again.',
  },
  'graphSync.note.new_user_needs_kana': {
    ja: '{person}（{upn}、{section}）は氏名カナがないため追加していません。氏名カナを入力して追加してください。',
    en: '{person} ({upn}, {section}) is not added: no kana reading. Enter the 氏名カナ to add them.',
  },
  'graphSync.note.new_user_skipped': {
    ja: '{user} は追加できません: {reason}',
    en: '{user} cannot be added: {reason}',
  },
  'graphSync.note.department_map_unknown_section': {
    ja: 'DEPARTMENT_MAP の部署「{department}」の課コード {code} は名簿にありません。対応表を直してください。',
    en: 'DEPARTMENT_MAP maps the department "{department}" to section code {code}, which is not in the directory. Correct the map.',
  },
  'graphSync.note.department_ambiguous': {
    ja: '部署「{department}」と同じ名前の課が複数あります（{sections}）。DEPARTMENT_MAP で課コードを指定してください。',
    en: 'Several sections are named like the department "{department}" ({sections}). Give its section code in DEPARTMENT_MAP.',
  },
  'graphSync.note.department_unmapped': {
    ja: '{person} の課は変えていません（{section} のまま）: {reason}',
    en: '{person} stays in {section}: {reason}',
  },
  'graphSync.note.value_invalid': {
    ja: '{person} の{field}「{value}」は名簿に入力できない形式のため、{kept} のままにしました。',
    en: '{person}: the {field} "{value}" cannot go into the directory, so it stays {kept}.',
  },
  'graphSync.note.employee_id_differs': {
    ja: '{person} の社員 ID（employeeId）は {employeeId} で、職員番号と違います。職員番号は変えていません。',
    en: '{person} has the employeeId {employeeId}, not their employee number; the number is unchanged.',
  },
  'graphSync.note.upn_conflict': {
    ja: '{person} の新しい UPN {upn} は名簿の別の職員が使っているため、{kept} のままにしました。',
    en: '{person}: the new UPN {upn} belongs to someone else in the directory, so it stays {kept}.',
  },
  'graphSync.note.move_withheld': {
    ja: '{person} の {from} から {to} への異動は反映していません（{from} に職員がいなくなるため）。課の廃止・統合は名簿で行ってください。',
    en: '{person} is not moved from {from} to {to} ({from} would have no one left). Close or merge sections in the directory itself.',
  },
  'graphSync.note.removal_withheld': {
    ja: '{person} は {reason} が、{section} に職員がいなくなるため名簿に残しました。',
    en: '{person}: {reason}, but stays because {section} would have no one left.',
  },
  'graphSync.note.role_holder_moved': {
    ja: '{person}（{roles}）が {from} から {to} に異動します。役割はそのままです。引き継ぎが必要か確認してください。',
    en: '{person} ({roles}) moves from {from} to {to}; the roles are unchanged. Check whether they should be handed over.',
  },
  'graphSync.note.superior_proposed': {
    ja: '{section} に上席者がいないため、課責任者 {officer} の上長 {superior} を上席者として提案します。',
    en: '{section} has no superior: proposed {superior}, the manager of the section officer {officer}.',
  },
  'graphSync.note.superior_not_found': {
    ja: '{section} に上席者がいません（課責任者 {officer}）: {reason}',
    en: '{section} has no superior (section officer {officer}): {reason}',
  },
  'graphSync.note.superior_differs_from_manager': {
    ja: '{section} の上席者 {superior} は、課責任者 {officer} の上長 {manager} と違います。',
    en: 'The superior of {section}, {superior}, is not the manager of the section officer {officer} ({manager}).',
  },
  'graphSync.note.person_added': {
    ja: '追加: {person}（{section}）',
    en: 'Added: {person} ({section})',
  },
  'graphSync.note.person_updated': { ja: '更新: {person} {changes}', en: 'Updated: {person} {changes}' },
  'graphSync.note.person_moved': {
    ja: '異動: {person} {from} → {to}',
    en: 'Moved: {person} {from} → {to}',
  },
  'graphSync.note.person_removed': { ja: '削除: {person}（{reason}）', en: 'Removed: {person} ({reason})' },
  'graphSync.note.graph_value_empty': {
    ja: 'Graph に{field}がないため、名簿の値を残しました: {people}',
    en: 'Graph has no {field}; the directory’s value stays for: {people}',
  },
  'graphSync.note.manager_chain': { ja: '{section}: {chain}', en: '{section}: {chain}' },

  'graphSync.map.key': { ja: '「{key}」', en: '"{key}"' },
  'graphSync.map.line': { ja: '{line}行目', en: 'line {line}' },
  'graphSync.map.bad_json': {
    ja: 'DEPARTMENT_MAP の JSON が読めません。{"部署名": "課コード"} の形にしてください。',
    en: 'DEPARTMENT_MAP is not readable JSON; write it as {"department": "section code"}.',
  },
  'graphSync.map.bad_header': {
    ja: 'DEPARTMENT_MAP の CSV の1行目は「部署,課コード」にしてください。',
    en: 'The first line of the DEPARTMENT_MAP CSV must be "department,sectionCode" (or 部署,課コード).',
  },
  'graphSync.map.csv_issue': { ja: 'DEPARTMENT_MAP: {text}', en: 'DEPARTMENT_MAP: {text}' },
  'graphSync.map.columns': {
    ja: 'DEPARTMENT_MAP {where}: 部署と課コードの2列にしてください。',
    en: 'DEPARTMENT_MAP {where}: give two columns, department and section code.',
  },
  'graphSync.map.no_department': {
    ja: 'DEPARTMENT_MAP {where}: 部署が空欄です。',
    en: 'DEPARTMENT_MAP {where}: the department is empty.',
  },
  'graphSync.map.bad_code': {
    ja: 'DEPARTMENT_MAP {where}: 部署「{department}」の課コード「{code}」は半角英数字とハイフン（1〜10文字）ではありません。',
    en: 'DEPARTMENT_MAP {where}: the section code "{code}" of "{department}" is not 1–10 letters, digits or hyphens.',
  },
  'graphSync.map.duplicate': {
    ja: 'DEPARTMENT_MAP {where}: 部署「{department}」が別の課コードで2回あります。',
    en: 'DEPARTMENT_MAP {where}: the department "{department}" appears twice with different section codes.',
  },

  'graphSync.kana.bad': {
    ja: '氏名カナ {where}: 「{kana}」は全角カタカナと空白だけで入力してください。',
    en: 'kana {where}: "{kana}" must be katakana and spaces only.',
  },

  'graphSync.report.title': {
    ja: 'Microsoft Graph からの緊急連絡網の案（まだ取り込んでいません）',
    en: 'Contact directory proposed from Microsoft Graph (not imported yet)',
  },
  'graphSync.report.counts': {
    ja: 'Graph の利用者 {graphUsers} 名: 照合 {matched} 名（更新 {updated}、異動 {moved}）、追加 {added} 名、削除 {removed} 名、役割のため残した {roleHoldersKept} 名、追加できない {skipped} 名、氏名カナ待ち {needsKana} 名、上席者の提案 {superiorsProposed} 件',
    en: '{graphUsers} Graph users: {matched} matched ({updated} updated, {moved} moved), {added} added, {removed} removed, {roleHoldersKept} kept for their roles, {skipped} cannot be added, {needsKana} waiting for a kana reading, {superiorsProposed} superiors proposed',
  },
  'graphSync.report.level.action': { ja: '対応が必要', en: 'Action needed' },
  'graphSync.report.level.review': { ja: '確認してください', en: 'Please review' },
  'graphSync.report.level.change': { ja: '変更点', en: 'Changes' },
  'graphSync.report.level.info': {
    ja: '参考（上長の連鎖など）',
    en: 'For information (manager chains etc.)',
  },
  'graphSync.report.written': {
    ja: '案を書き出しました: {file}（{people} 名、{sections} 課）。確認後に取り込んでください: npm run directory -- import {file}',
    en: 'Proposal written: {file} ({people} people, {sections} sections). Import it once reviewed: npm run directory -- import {file}',
  },
  'graphSync.report.needsKanaWritten': {
    ja: '氏名カナ待ちの {count} 名: {file}。氏名カナを入力し、--kana {file} を付けてもう一度同期してください。',
    en: '{count} people waiting for a kana reading: {file}. Fill in 氏名カナ, then sync again with --kana {file}.',
  },
  'graphSync.report.invalid': {
    ja: '案が緊急連絡網の規則を満たしません（このままでは取り込めません）:',
    en: 'The proposal breaks the directory rules (it cannot be imported as it is):',
  },
  'graphSync.error.not_configured': {
    ja: 'Graph の資格情報がありません。GRAPH_CLIENT_ID と GRAPH_CLIENT_SECRET（または MICROSOFT_APP_ID と MICROSOFT_APP_PASSWORD）を設定してください。',
    en: 'No Graph credentials: set GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET (or MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD).',
  },
  'graphSync.error.no_tenant': {
    ja: '読み取るテナントが決まりません。MICROSOFT_APP_TENANT_ID を設定するか、ALLOWED_TENANT_IDS を1つにしてください。',
    en: 'Which tenant to read is unknown: set MICROSOFT_APP_TENANT_ID, or list exactly one tenant in ALLOWED_TENANT_IDS.',
  },
  'graphSync.error.no_directory': {
    ja: 'データベースに緊急連絡網がありません。先に npm run directory -- import で取り込んでください。',
    en: 'The database has no contact directory yet; import one first (npm run directory -- import).',
  },
  'graphSync.error.graph': {
    ja: 'Microsoft Graph から利用者を読めませんでした（何も変更していません）: {detail}',
    en: 'Could not read the users from Microsoft Graph (nothing was changed): {detail}',
  },
  'graphSync.error.denied': {
    ja: 'Microsoft Graph に拒否されました（何も変更していません）: {detail}。アプリのアクセス許可 User.Read.All と管理者の同意を確認してください。',
    en: 'Microsoft Graph refused (nothing was changed): {detail}. Check the User.Read.All application permission and admin consent.',
  },
  'graphSync.error.file': {
    ja: 'ファイルを読めません: {file}（{detail}）',
    en: 'Cannot read the file {file} ({detail})',
  },
  'graphSync.error.kana_file': {
    ja: '{file} に aadObjectId と 氏名カナ の列がありません。',
    en: '{file} has no aadObjectId and 氏名カナ columns.',
  },
} satisfies MessageTable;
