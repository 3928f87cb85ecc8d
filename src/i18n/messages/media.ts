// Media records (記録媒体等の管理, 8(3)②アイオ): the forms, the card flow and the ledgers.
import type { MessageTable } from '../table';

export const MEDIA_MESSAGES = {
  'intent.media': { ja: '媒体の記録', en: 'Media records' },

  'media.type.usb': { ja: 'USBメモリ', en: 'USB memory' },
  'media.type.external_disk': { ja: '外付けハードディスク・SSD', en: 'External hard disk / SSD' },
  'media.type.sd_card': { ja: 'SDカード等', en: 'SD card or similar' },
  'media.type.optical': { ja: '光ディスク（CD・DVD・BD）', en: 'Optical disc (CD, DVD, BD)' },
  'media.type.tape': { ja: '磁気テープ', en: 'Magnetic tape' },
  'media.type.paper': { ja: '紙媒体（ドキュメント）', en: 'Paper (documents)' },
  'media.type.other': { ja: 'その他', en: 'Other' },

  'media.method.physical_destruction': {
    ja: '物理的破壊（破砕・穿孔）',
    en: 'Physical destruction (crushing, drilling)',
  },
  'media.method.overwrite': { ja: '専用ソフトによる上書き消去', en: 'Overwriting with erasure software' },
  'media.method.degauss': { ja: '消磁装置による消去', en: 'Degaussing' },
  'media.method.crypto_erase': {
    ja: '暗号化消去（暗号鍵の破棄）',
    en: 'Cryptographic erasure (key destroyed)',
  },
  'media.method.shredding': { ja: '裁断・溶解（紙媒体）', en: 'Shredding or pulping (paper)' },

  'media.field.section': { ja: '課', en: 'Section' },
  'media.field.file_name': { ja: 'ファイルの名称', en: 'File name' },
  'media.field.carrier_name': { ja: '搬入者の氏名', en: 'Carrier’s name' },
  'media.field.carrier_unit': { ja: '搬入者の所属', en: 'Carrier’s unit' },
  'media.field.receiver_name': { ja: '受領者の氏名', en: 'Receiver’s name' },
  'media.field.receiver_unit': { ja: '受領者の所属', en: 'Receiver’s unit' },
  'media.field.media_type': { ja: '媒体の種別', en: 'Media type' },
  'media.field.media_id': { ja: '媒体の識別番号', en: 'Media id' },
  'media.field.month': { ja: '授受年月', en: 'Month of handover' },
  'media.field.other': {
    ja: 'その他（課情報セキュリティ責任者が必要と認める事項）',
    en: 'Other (items the section officer requires)',
  },
  'media.field.owner_section': { ja: '業務主管課名', en: 'Owning section' },
  'media.field.created_on': { ja: '作成年月日', en: 'Date made' },
  'media.field.keep_until': { ja: '保管期限', en: 'Keep until' },
  'media.field.erased_on': { ja: '消去年月日', en: 'Date erased' },
  'media.field.location': { ja: '格納場所', en: 'Storage location' },
  'media.field.importance': { ja: '重要性分類', en: 'Classification' },
  'media.field.asset_name': { ja: '廃棄する情報資産', en: 'Asset to dispose of' },
  'media.field.reason': { ja: '廃棄の理由', en: 'Reason for disposal' },
  'media.field.done_at': { ja: '処理の日時', en: 'Date and time of disposal' },
  'media.field.operator': { ja: '担当者', en: 'Person in charge' },
  'media.field.method': { ja: '消去の方法', en: 'Erasure method' },
  'media.field.details': { ja: '処理内容', en: 'What was done' },

  'media.placeholder.month': { ja: '例: 2026-04', en: 'e.g. 2026-04' },
  'media.placeholder.media_id': {
    ja: '例: USB-0012（媒体に貼った管理番号）',
    en: 'e.g. USB-0012 (the label on it)',
  },
  'media.placeholder.location': { ja: '例: 総務課 耐火金庫 2段目', en: 'e.g. fire safe, 2nd shelf' },
  'media.placeholder.details': {
    ja: '例: 消去ソフトで全領域を上書きし、検証後に破砕した',
    en: 'e.g. overwrote the whole disk, verified, then crushed it',
  },
  'media.help.other': {
    ja: '課情報セキュリティ責任者が必要と認める事項があれば記入します。',
    en: 'Anything else the section officer requires.',
  },
  'media.help.method': {
    ja: 'データを復元できないよう確実な方法で消去したうえで廃棄します。',
    en: 'Data is erased beyond recovery before the asset is disposed of.',
  },

  'media.error.bad_month': {
    ja: '「{label}」は年と月を「2026-04」の形で入力してください（実在する月）。',
    en: 'Enter "{label}" as year and month, e.g. 2026-04 (a real month).',
  },
  'media.error.before_permission': {
    ja: '「{label}」が廃棄の許可より前になっています。許可の後の日時を入力してください。',
    en: '"{label}" is before the permission was given. Enter a time after the permission.',
  },

  'media.form.handover': { ja: '記録媒体の授受の記録', en: 'Record a media handover' },
  'media.form.storage': { ja: '記録媒体の保管の記録', en: 'Record stored media' },
  'media.form.erasure': { ja: '消去年月日の記録', en: 'Record the erasure date' },
  'media.form.disposal_request': { ja: '情報資産の廃棄の申請', en: 'Ask to dispose of an asset' },
  'media.form.disposal_record': { ja: '廃棄の処理の記録', en: 'Record the disposal' },

  'media.status.recorded': { ja: '記録済み', en: 'Recorded' },
  'media.status.stored': { ja: '保管中', en: 'Stored' },
  'media.status.erased': { ja: '消去済み', en: 'Erased' },
  'media.status.requested': { ja: '許可待ち', en: 'Awaiting permission' },
  'media.status.permitted': { ja: '許可済み（処理待ち）', en: 'Permitted (to be done)' },
  'media.status.refused': { ja: '不許可', en: 'Refused' },
  'media.status.done': { ja: '廃棄済み', en: 'Disposed of' },

  'media.denied.not_found': { ja: 'この記録は表示できません。', en: 'This record cannot be shown.' },
  'media.denied.not_allowed': {
    ja: 'この操作は、その課の課情報セキュリティ責任者（または代理者）だけが行えます。',
    en: 'Only the section’s security officer (or deputy) can do this.',
  },
  'media.denied.not_keeper': {
    ja: '記録媒体の授受・保管の記録は、課情報セキュリティ責任者（または代理者）が行います。廃棄の申請はどなたでもできます。',
    en: 'Media handovers and storage are recorded by section security officers (or deputies). Anyone may ask to dispose of an asset.',
  },
  'media.denied.own_request': {
    ja: 'ご自身の廃棄の申請を許可することはできません。',
    en: 'You cannot decide on your own disposal request.',
  },
  'media.denied.no_decider': {
    ja: '廃棄を許可できる課情報セキュリティ責任者（または代理者）が連絡網に登録されていません。入力内容は保存しました。IT管理者に連絡してください。',
    en: 'No section security officer (or deputy) who could permit this is in the contact directory. Your answers are kept. Please contact the IT administrator.',
  },
  'media.denied.conflict': {
    ja: 'ほかの方が同時に操作しました。最新の状態をご確認ください。',
    en: 'Someone else acted at the same time. Please check the current state.',
  },
  'media.denied.invalid_state': {
    ja: '{id} はすでに「{status}」です（{by}）。',
    en: '{id} is already "{status}" ({by}).',
  },

  'media.ledger.handover': { ja: '記録媒体授受台帳', en: 'Media handover ledger' },
  'media.ledger.storage': { ja: '記録媒体保管台帳', en: 'Stored media ledger' },
  'media.ledger.disposal': { ja: '情報資産廃棄記録', en: 'Asset disposal record' },
  'media.ledger.id': { ja: '記録番号', en: 'Record no.' },
  'media.ledger.status': { ja: '状態', en: 'Status' },
  'media.ledger.recorded_by': { ja: '記録者', en: 'Recorded by' },
  'media.ledger.recorded_at': { ja: '記録日時', en: 'Recorded at' },
  'media.ledger.requester': { ja: '申請者', en: 'Requested by' },
  'media.ledger.requested_at': { ja: '申請日時', en: 'Requested at' },
  'media.ledger.decided_by': { ja: '許可・不許可をした者', en: 'Decided by' },
  'media.ledger.decided_at': { ja: '許可・不許可の日時', en: 'Decided at' },
  'media.ledger.class': { ja: '重要性分類{cls}', en: 'Class {cls}' },

  'media.menu.title': { ja: '記録媒体等の管理', en: 'Media records' },
  'media.menu.intro_keeper': {
    ja: '記録媒体の授受・保管を台帳に記録し、保管中の媒体の消去年月日を記録します。情報資産の廃棄は、許可を得てから処理を記録します。',
    en: 'Record media handovers and stored media, and the erasure date of stored media. Assets are disposed of after permission, and what was done is recorded.',
  },
  'media.menu.intro_staff': {
    ja: '情報資産を廃棄するときは、課情報セキュリティ責任者の許可を得てから、データを復元できないよう消去して廃棄し、行った処理を記録します。',
    en: 'To dispose of an asset, get the section security officer’s permission first, erase the data beyond recovery, dispose of it, and record what was done.',
  },
  'media.menu.sections': { ja: '記録する課: {sections}', en: 'Sections you keep: {sections}' },
  'media.menu.to_decide': { ja: '許可を待つ廃棄の申請', en: 'Disposal requests awaiting your permission' },
  'media.menu.to_record': { ja: '許可済み・処理の記録待ち', en: 'Permitted: record what was done' },
  'media.menu.stored': { ja: '保管中の記録媒体（消去年月日なし）', en: 'Stored media (no erasure date yet)' },
  'media.menu.waiting': { ja: 'あなたの申請（許可待ち）', en: 'Your requests awaiting permission' },
  'media.permit': { ja: '許可', en: 'Permit' },
  'media.refuse': { ja: '不許可', en: 'Refuse' },
  'media.submit': { ja: '記録する', en: 'Record' },
  'media.back': { ja: '戻る', en: 'Back' },
  'media.intro.handover': {
    ja: 'データが格納された記録媒体等の授受を記録します。',
    en: 'Record a handover of media holding data.',
  },
  'media.intro.storage': {
    ja: 'データが格納された記録媒体等の保管を記録します。重要性分類は、格納するデータのうち最も上位のものを選びます。消去年月日は、消去したときに記録します。',
    en: 'Record media holding data that is kept. Choose the highest classification of the data it holds. The erasure date is recorded when the data is erased.',
  },
  'media.intro.erasure': {
    ja: 'この記録媒体のデータを消去した日を記録します。',
    en: 'Record the date this medium’s data was erased.',
  },
  'media.intro.disposal_request': {
    ja: '廃棄する情報資産を入力してください。課情報セキュリティ責任者に許可を求めます。許可があるまで廃棄しないでください。',
    en: 'Describe the asset to dispose of. The section security officer is asked for permission. Do not dispose of it before permission is given.',
  },
  'media.intro.disposal_record': {
    ja: 'データを復元できないよう確実な方法で消去したうえで廃棄し、行った処理を記録します。',
    en: 'Erase the data beyond recovery, dispose of the asset, and record what was done.',
  },
  'media.disposal.title': { ja: '情報資産の廃棄 {id}', en: 'Asset disposal {id}' },
  'media.disposal.status': { ja: '状態: {status}', en: 'Status: {status}' },
  'media.disposal.note_decide': {
    ja: '廃棄を許可するか判断してください。許可の後、申請者が処理（日時・担当者・処理内容）を記録します。',
    en: 'Please decide whether to permit the disposal. After permission the requester records the date and time, the person in charge and what was done.',
  },
  'media.disposal.note_record': {
    ja: '廃棄が許可されました。データを復元できないよう消去して廃棄したら、処理を記録してください。',
    en: 'The disposal is permitted. Once the data is erased beyond recovery and the asset disposed of, record what was done.',
  },
  'media.done.recorded': { ja: '{id} を記録しました。', en: '{id} is recorded.' },
  'media.done.requested': {
    ja: '{id} として廃棄の許可を申請しました。許可されたらお知らせします。それまで廃棄しないでください。',
    en: 'Requested permission as {id}. You will be told when it is decided. Do not dispose of it until then.',
  },
  'media.done.erased': {
    ja: '{id} の消去年月日を記録しました。',
    en: 'The erasure date of {id} is recorded.',
  },
  'media.done.disposed': { ja: '{id} の廃棄の処理を記録しました。', en: 'The disposal of {id} is recorded.' },
  'media.done.permitted': {
    ja: '{id} の廃棄を許可しました。申請者に伝えます。',
    en: 'You permitted {id}. The requester is told.',
  },
  'media.done.refused': {
    ja: '{id} の廃棄を許可しませんでした。申請者に伝えます。',
    en: 'You refused {id}. The requester is told.',
  },
  'media.done.discarded': { ja: '下書きを破棄しました。', en: 'The draft is discarded.' },
  'media.done.nothing_discarded': {
    ja: '破棄する下書きはありません。',
    en: 'There was no draft to discard.',
  },
} satisfies MessageTable;
