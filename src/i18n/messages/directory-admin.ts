// Keeping the contact tree (緊急連絡網, 6ウ): the diff before an import, staged imports, exports and
// the phone tree, 連絡網の確認 — for the IT管理者 in Teams and on the command line.
import type { MessageTable } from '../table';

export const DIRECTORY_ADMIN_MESSAGES = {
  'intent.directory_import': { ja: '連絡網の取込', en: 'Import the contact tree' },
  'intent.directory_export': { ja: '連絡網の出力', en: 'Export the contact tree' },
  'intent.directory_check': { ja: '連絡網の確認', en: 'Check the contact tree' },
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

  // --- exports and the printable phone tree
  'dirAdmin.xlsx.sheetPeople': { ja: '職員一覧', en: 'Staff' },
  'dirAdmin.xlsx.sheetTree': { ja: '連絡網（課別）', en: 'Phone tree by section' },
  'dirAdmin.file.directory': { ja: '緊急連絡網', en: 'contact-directory' },
  'dirAdmin.file.phoneTree': { ja: '連絡網_課別', en: 'phone-tree' },
  'dirAdmin.tree.title': { ja: '緊急連絡網（課別）', en: 'Emergency contact tree by section' },
  'dirAdmin.tree.generated': {
    ja: '{at} 現在の連絡網です。Teams が使えないときは、この表で上から順に電話で連絡し、連絡できたら「連絡済」に印を付けてください。',
    en: 'The contact tree as of {at}. When Teams is down, phone down this list and tick “Reached” for everyone you reach.',
  },
  'dirAdmin.tree.footer': {
    ja: '緊急連絡網（{at} 現在）  &P / &N ページ',
    en: 'Contact tree as of {at}  page &P of &N',
  },
  'dirAdmin.tree.leaders': {
    ja: '統括情報セキュリティ責任者・IT管理者',
    en: 'Chief security officer and IT administrators',
  },
  'dirAdmin.tree.section': { ja: '{code} {name}', en: '{code} {name}' },
  'dirAdmin.tree.sectionUnder': {
    ja: '{code} {name}（上位: {parent}）',
    en: '{code} {name} (under {parent})',
  },
  'dirAdmin.tree.elsewhere': { ja: '{title}（{section}）', en: '{title} ({section})' },
  'dirAdmin.tree.nobody': { ja: '（未設定）', en: '(nobody)' },
  'dirAdmin.tree.role.chief_officer': { ja: '統括', en: 'Chief officer' },
  'dirAdmin.tree.role.it_admin': { ja: 'IT管理者', en: 'IT admin' },
  'dirAdmin.tree.role.section_officer': { ja: '課責任者', en: 'Officer' },
  'dirAdmin.tree.role.deputy': { ja: '代理者', en: 'Deputy' },
  'dirAdmin.tree.role.superior': { ja: '上席者', en: 'Superior' },
  'dirAdmin.tree.role.member': { ja: '職員', en: 'Staff' },
  'dirAdmin.tree.col.section': { ja: '課', en: 'Section' },
  'dirAdmin.tree.col.role': { ja: '役割', en: 'Role' },
  'dirAdmin.tree.col.name': { ja: '氏名', en: 'Name' },
  'dirAdmin.tree.col.kana': { ja: '氏名カナ', en: 'Kana' },
  'dirAdmin.tree.col.title': { ja: '役職', en: 'Title' },
  'dirAdmin.tree.col.phone': { ja: '電話（内線）', en: 'Phone' },
  'dirAdmin.tree.col.mobile': { ja: '携帯', en: 'Mobile' },
  'dirAdmin.tree.col.done': { ja: '連絡済', en: 'Reached' },

  // --- the download page of an export link (GET /exports/<token>)
  'export.page.notFound.title': { ja: 'リンクが無効です', en: 'This link is not valid' },
  'export.page.notFound.text': {
    ja: 'このダウンロードリンクは無効か、有効期限（15分）が切れています。Teams の「連絡網の出力」から新しいリンクを作成してください。',
    en: 'This download link is not valid or has expired (15 minutes). Create a new one with 「連絡網の出力」 in Teams.',
  },
  'export.page.error.title': { ja: 'ダウンロードできません', en: 'Download failed' },
  'export.page.error.text': {
    ja: 'ファイルを作成できませんでした。しばらくしてから、Teams の「連絡網の出力」でもう一度お試しください。',
    en: 'The file could not be created. Try again later with 「連絡網の出力」 in Teams.',
  },

  // --- Teams: 連絡網の取込
  'dirAdmin.menu': { ja: 'メニュー', en: 'Menu' },
  'dirAdmin.import.title': { ja: '連絡網の取込', en: 'Import the contact tree' },
  'dirAdmin.import.intro': {
    ja: 'CSV ファイルをこのチャットに添付して送るか、下の欄に CSV を貼り付けて「変更を確認」を押してください。取り込む前に変更点を表示します。この時点では何も変わりません。',
    en: 'Send the CSV file in this chat, or paste the CSV below and press “Check changes”. The changes are shown before anything is imported; nothing changes yet.',
  },
  'dirAdmin.import.current': {
    ja: '現在の連絡網: {people} 名・{sections} 課（最終取込 {at}・{by}）',
    en: 'In force: {people} people, {sections} sections (last import {at} by {by})',
  },
  'dirAdmin.import.currentNone': {
    ja: '連絡網はまだ取り込まれていません。',
    en: 'No contact tree has been imported yet.',
  },
  'dirAdmin.import.csvLabel': { ja: 'CSV（貼り付け・少しの修正向け）', en: 'CSV (paste; for small edits)' },
  'dirAdmin.import.csvPlaceholder': {
    ja: '職員番号,氏名,氏名カナ,課コード,課名,上位課コード,役職,役割,aadObjectId,UPN,電話,携帯',
    en: '職員番号,氏名,氏名カナ,課コード,課名,上位課コード,役職,役割,aadObjectId,UPN,電話,携帯',
  },
  'dirAdmin.import.prefilled': {
    ja: '欄には現在の連絡網が入っています。直して「変更を確認」を押せます。大きな変更は CSV ファイルを送ってください。',
    en: 'The box holds the contact tree in force: edit it and press “Check changes”. For large changes send the CSV file.',
  },
  'dirAdmin.import.tooBigToPrefill': {
    ja: '職員が多いため、現在の内容は欄に入れていません。「連絡網の出力」で CSV を取得し、直してファイルで送ってください。',
    en: 'The contact tree is too large to show here: get the CSV with “Export the contact tree”, edit it and send the file.',
  },
  'dirAdmin.import.preview': { ja: '変更を確認', en: 'Check changes' },
  'dirAdmin.import.empty': {
    ja: 'CSV が空です。欄に貼り付けるか、CSV ファイルを送ってください。',
    en: 'The CSV is empty. Paste it into the box or send the CSV file.',
  },
  'dirAdmin.import.pasteTooLong': {
    ja: '貼り付けた CSV が長すぎます（{length} 文字、上限 {max} 文字）。CSV ファイルとして送ってください。',
    en: 'The pasted CSV is too long ({length} characters, at most {max}). Send it as a CSV file.',
  },
  'dirAdmin.import.denied': {
    ja: '連絡網の取込は IT管理者 のみ行えます。',
    en: 'Only IT administrators may import the contact tree.',
  },
  'dirAdmin.import.fileDenied': {
    ja: 'ファイルは、IT管理者 が連絡網を取り込むときだけ受け付けます。報告や申請はメニューから行ってください。',
    en: 'Files are accepted only from IT administrators importing the contact tree. Use the menu to report or request.',
  },
  'dirAdmin.import.notCsv': {
    ja: 'CSV ファイル（.csv）を送ってください。Excel では「CSV UTF-8（コンマ区切り）」で保存できます。',
    en: 'Send a CSV file (.csv). In Excel, save as “CSV UTF-8 (Comma delimited)”.',
  },
  'dirAdmin.import.tooLarge': {
    ja: 'ファイルが大きすぎます（上限 {max} MB）。',
    en: 'The file is too large (at most {max} MB).',
  },
  'dirAdmin.import.downloadFailed': {
    ja: 'ファイルを受け取れませんでした。もう一度送ってください。',
    en: 'The file could not be received. Send it again.',
  },
  'dirAdmin.import.encoding': {
    ja: '文字コードを読み取れません。Excel では「CSV UTF-8（コンマ区切り）」で保存して送ってください。',
    en: 'The text encoding cannot be read. In Excel, save as “CSV UTF-8 (Comma delimited)” and send it again.',
  },
  'dirAdmin.import.unchanged': {
    ja: '現在の連絡網と同じ内容です。取り込む変更はありません。',
    en: 'This is the contact tree in force: there is nothing to import.',
  },
  'dirAdmin.errors.title': { ja: '取り込めません', en: 'Cannot import' },
  'dirAdmin.errors.intro': {
    ja: '次の {count} 件を修正して、もう一度送ってください。連絡網は変わっていません。',
    en: 'Fix the following {count} problem(s) and send it again. The contact tree has not changed.',
  },
  'dirAdmin.errors.reason': {
    ja: '{reason} 連絡網は変わっていません。',
    en: '{reason} The contact tree has not changed.',
  },
  'dirAdmin.errors.more': { ja: 'ほか {n} 件', en: '{n} more' },
  'dirAdmin.errors.again': { ja: 'もう一度取り込む', en: 'Import again' },
  'dirAdmin.diffCard.title': { ja: '連絡網の取込: 変更の確認', en: 'Contact tree import: check the changes' },
  'dirAdmin.diffCard.after': {
    ja: '取り込むと {people} 名・{sections} 課になります。',
    en: 'After the import: {people} people, {sections} sections.',
  },
  'dirAdmin.diffCard.pending': {
    ja: 'まだ取り込んでいません。内容を確かめて「取り込む」を押してください。',
    en: 'Not imported yet. Check the changes and press “Import”.',
  },
  'dirAdmin.diffCard.lossTitle': {
    ja: '要注意: 役割を外れる人に対応中の案件があります',
    en: 'Attention: people losing a role have open cases',
  },
  'dirAdmin.diffCard.lossNote': {
    ja: '取り込んだ後も、これらの案件は役割を外れた人の担当・宛先のままです。先に引き継ぐか、取り込み後に確認してください。',
    en: 'After the import these cases stay with the people who lost the role. Hand them over first, or check them afterwards.',
  },
  'dirAdmin.diffCard.warnings': { ja: '注意（取り込みはできます）', en: 'Warnings (the import is possible)' },
  'dirAdmin.diffCard.groupTitle': { ja: '{kind}（{n}）', en: '{kind} ({n})' },
  'dirAdmin.diffCard.more': {
    ja: 'ほか {n} 件（すべては CLI の diff で確認できます）',
    en: '{n} more (all of them: the CLI’s diff)',
  },
  'dirAdmin.diffCard.apply': { ja: '取り込む', en: 'Import' },
  'dirAdmin.diffCard.cancel': { ja: '中止', en: 'Cancel' },
  'dirAdmin.diffCard.applied': {
    ja: '{at} に取り込みました。すぐに反映されています。',
    en: 'Imported at {at}; in force now.',
  },
  'dirAdmin.diffCard.cancelled': {
    ja: '{at} に中止しました。連絡網は変わっていません。',
    en: 'Cancelled at {at}. The contact tree has not changed.',
  },
  'dirAdmin.refused.unavailable': { ja: 'この取込は操作できません。', en: 'You cannot act on this import.' },
  'dirAdmin.refused.applied': {
    ja: 'この取込はすでに取り込み済みです。',
    en: 'This import was already applied.',
  },
  'dirAdmin.refused.cancelled': { ja: 'この取込は中止されています。', en: 'This import was cancelled.' },
  'dirAdmin.refused.superseded': {
    ja: '新しい取込が確認待ちになったため、この取込は無効になりました。新しい方のカードで操作してください。',
    en: 'A newer import is waiting for confirmation; this one no longer applies. Use the newer card.',
  },
  'dirAdmin.refused.directory_changed': {
    ja: '確認のあとで連絡網が変更されたため、取り込みませんでした。もう一度 CSV を送って、変更を確認し直してください。',
    en: 'The contact tree changed after this check, so nothing was imported. Send the CSV again and check the changes anew.',
  },
  'dirAdmin.refused.invalid': {
    ja: 'この CSV は取り込めなくなりました。もう一度送ってください。',
    en: 'This CSV can no longer be imported. Send it again.',
  },

  // --- Teams: 連絡網の出力
  'dirAdmin.export.title': { ja: '連絡網の出力', en: 'Export the contact tree' },
  'dirAdmin.export.intro': {
    ja: 'ダウンロードのリンクは {minutes} 分間（{until} まで）使えます。ダウンロードは記録されます。リンクは他の人に転送しないでください。',
    en: 'The download links work for {minutes} minutes (until {until}). Downloads are recorded. Do not forward the links.',
  },
  'dirAdmin.export.hint': {
    ja: '印刷用の連絡網（課別）は Teams が使えないときの連絡手段です。印刷して手元に置いてください。CSV は Excel で開け、直してそのまま取り込めます。',
    en: 'The printable phone tree is the fallback when Teams is down: print it and keep it at hand. The CSV opens in Excel and imports back as it is.',
  },
  'dirAdmin.export.noBaseUrl': {
    ja: 'ダウンロードのリンクを作れません（PUBLIC_BASE_URL が未設定です）。サーバーで npm run directory -- export または phone-tree を使ってください。',
    en: 'No download links can be made (PUBLIC_BASE_URL is not set). On the server use npm run directory -- export or phone-tree.',
  },
  'dirAdmin.export.denied': {
    ja: '連絡網の出力は IT管理者 のみ行えます。',
    en: 'Only IT administrators may export the contact tree.',
  },
  'dirAdmin.export.link.directory_csv': { ja: 'CSV（Excel・取込用）', en: 'CSV (Excel, for import)' },
  'dirAdmin.export.link.directory_xlsx': {
    ja: 'Excel（職員一覧と連絡網）',
    en: 'Excel (staff and phone tree)',
  },
  'dirAdmin.export.link.phone_tree_xlsx': { ja: '印刷用の連絡網（課別）', en: 'Printable phone tree' },

  // --- Teams: 連絡網の確認
  'dirAdmin.check.title': { ja: '連絡網の確認', en: 'Contact tree check' },
  'dirAdmin.check.intro': {
    ja: '{people} 名・{sections} 課の連絡網で、連絡や代理に支障がある点です。',
    en: 'What stands in the way of reaching people or standing in, in the contact tree of {people} people and {sections} sections.',
  },
  'dirAdmin.check.denied': {
    ja: '連絡網の確認は IT管理者 と 統括情報セキュリティ責任者 のみ行えます。',
    en: 'Only IT administrators and the chief security officer may check the contact tree.',
  },
  'dirAdmin.check.waiting.title': {
    ja: 'Teams で届けられない人（送信待ち {n} 名）',
    en: 'Teams cannot reach them (messages waiting: {n})',
  },
  'dirAdmin.check.waiting.note': {
    ja: 'メッセージが届かずに待っています。電話で連絡し、Teams の窓口アプリを開いてもらってください。',
    en: 'Messages are waiting for them. Phone them and ask them to open the desk app in Teams.',
  },
  'dirAdmin.check.waiting.line': {
    ja: '{section} {name}・電話 {phone}・携帯 {mobile}・待機中 {count} 件（{since} から）',
    en: '{name} ({section}), phone {phone}, mobile {mobile}: {count} waiting since {since}',
  },
  'dirAdmin.check.noConversation.title': {
    ja: 'Teams の会話がまだない人（{n} 名）',
    en: 'No Teams chat with the bot yet ({n})',
  },
  'dirAdmin.check.noConversation.canCreate': {
    ja: 'まだボットと会話していません。初めて送るときに会話を作成します（アプリが導入されていない人には届きません）。',
    en: 'They never chatted with the bot. A chat is created on the first message (it does not reach people without the app).',
  },
  'dirAdmin.check.noConversation.cannotCreate': {
    ja: 'まだボットと会話しておらず、会話を作成する手段もありません（サービス URL が未取得）。誰かが一度ボットに話しかけるか、TEAMS_SERVICE_URL を設定してください。',
    en: 'They never chatted with the bot and there is no way yet to create a chat (no service URL). Have anyone write to the bot once, or set TEAMS_SERVICE_URL.',
  },
  'dirAdmin.check.person': { ja: '{section} {name}（{id}）', en: '{name} ({section}, {id})' },
  'dirAdmin.check.noPhone.title': { ja: '電話番号がない人（{n} 名）', en: 'No phone number ({n})' },
  'dirAdmin.check.noPhone.note': {
    ja: 'Teams が使えないときに電話で連絡できません。電話か携帯を連絡網に入れてください。',
    en: 'They cannot be phoned when Teams is down. Add a phone or mobile number.',
  },
  'dirAdmin.check.noOfficer.title': {
    ja: '課責任者がいない課（{n}）',
    en: 'Sections without an officer ({n})',
  },
  'dirAdmin.check.noDeputy.title': { ja: '代理者がいない課（{n}）', en: 'Sections without a deputy ({n})' },
  'dirAdmin.check.noDeputy.note': {
    ja: '課責任者が不在のときに代わる人がいません（代理者は運用ルールです）。',
    en: 'Nobody stands in while the officer is away (the deputy is an operating rule).',
  },
  'dirAdmin.check.section': { ja: '{code} {name}', en: '{code} {name}' },
  'dirAdmin.check.none': { ja: 'なし', en: 'None' },
  'dirAdmin.check.more': { ja: 'ほか {n} 件', en: '{n} more' },
  'dirAdmin.check.unknownPerson': { ja: '（連絡網にいない人）', en: '(not in the directory)' },
} satisfies MessageTable;
