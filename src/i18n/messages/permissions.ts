// Texts of the network permissions (9(3)③, 11(2)②③) and of the refused security-setting change
// (10(4)⑦). Articles are cited by the renderer (teams/citation.ts), never written in here.
import type { MessageTable } from '../table';

export const PERMISSIONS_MESSAGES = {
  'intent.wireless_lan': { ja: '無線LAN整備の許可申請', en: 'Wireless LAN permission request' },
  'intent.external_connection': {
    ja: '外部ネットワーク接続の承認申請',
    en: 'External network connection request',
  },
  'intent.security_setting': { ja: 'セキュリティ設定の変更', en: 'Security setting change' },

  // 9(3)③ wireless LAN
  'permissions.wireless.guidance_reason_and_chief': {
    ja: '通信ネットワークは有線で整備するのが原則です。有線が適さない合理的な理由がある場合に限り、統括情報セキュリティ責任者の許可を得て無線で整備できます。',
    en: 'Networks are wired as a rule. Only where there is a sound reason why wired does not suit may a wireless network be built, with the chief security officer’s permission.',
  },
  'permissions.wireless.network': { ja: '整備する通信ネットワーク', en: 'Network to build' },
  'permissions.wireless.network_placeholder': {
    ja: '例: 第2工場 計量棟の業務用ネットワーク',
    en: 'e.g. the operations network of plant 2’s weighing building',
  },
  'permissions.wireless.place': { ja: '設置場所・範囲', en: 'Location and coverage' },
  'permissions.wireless.purpose': { ja: '業務上の目的', en: 'Business purpose' },
  'permissions.wireless.wired_unsuitable': {
    ja: '有線が適さない理由',
    en: 'Why a wired network does not suit',
  },
  'permissions.wireless.wired_unsuitable_help': {
    ja: '配線できない構造、移動しながらの利用など、有線による整備が適さない具体的な理由を書いてください。',
    en: 'Give the concrete reason a wired network does not suit, e.g. cabling is impossible or the use is on the move.',
  },
  'permissions.wireless.measures': { ja: 'セキュリティ対策', en: 'Security measures' },
  'permissions.wireless.measures_placeholder': {
    ja: '例: WPA3-Enterprise、接続機器の登録制、SSIDの非公開',
    en: 'e.g. WPA3-Enterprise, registered devices only, hidden SSID',
  },
  'permissions.wireless.start_date': { ja: '整備予定日', en: 'Planned date' },
  'permissions.wireless.filer_refused': {
    ja: 'この許可は、通信ネットワークを構築する課情報セキュリティ責任者またはIT管理者が申請します。必要な場合は課情報セキュリティ責任者に相談してください。',
    en: 'This permission is asked for by the section officer or IT administrator building the network. Please talk to your section officer.',
  },
  'permissions.wireless.chief_permits': {
    ja: '有線が適さない合理的な理由がある場合に限り、統括情報セキュリティ責任者の許可を得て無線回線で整備します。',
    en: 'Only where there is a sound reason why wired does not suit is a wireless network built, with the chief security officer’s permission.',
  },
  'permissions.wireless.evaluation': {
    ja: '統括情報セキュリティ責任者が、有線が適さない理由を確認して許可を判断します。許可の前に無線で整備しないでください。',
    en: 'The chief security officer checks why wired does not suit and decides; do not build the wireless network before permission.',
  },
  'permissions.wireless.duty': {
    ja: '有線が適さない合理的な理由があるかを確認し、無線による整備を許可するか判断する',
    en: 'Check whether there is a sound reason why wired does not suit, and decide whether to permit a wireless network',
  },

  // 11(2)②③ external connection
  'permissions.external.guidance_consult_it_admin': {
    ja: '接続先の構成、セキュリティレベル、接続により生じるリスクをIT管理者と協議のうえ検討し、十分な対策が実装されていることを確認します。',
    en: 'The configuration and security level of the external network and the risks of connecting are examined with the IT administrator, and sufficient measures confirmed.',
  },
  'permissions.external.guidance_chief_approval': {
    ja: '協議の後、統括情報セキュリティ責任者の承認を受けてから接続します。',
    en: 'After the consultation, the chief security officer’s approval is needed before connecting.',
  },
  'permissions.external.system': { ja: '接続する情報システム', en: 'System to connect' },
  'permissions.external.network': { ja: '接続先の外部通信ネットワーク', en: 'External network' },
  'permissions.external.network_placeholder': {
    ja: '例: 委託業者の保守用VPN',
    en: 'e.g. the contractor’s maintenance VPN',
  },
  'permissions.external.purpose': { ja: '接続の目的', en: 'Purpose of the connection' },
  'permissions.external.configuration': { ja: '接続先の構成', en: 'Configuration of the external network' },
  'permissions.external.security_level': { ja: '接続先のセキュリティレベル', en: 'Its security level' },
  'permissions.external.risks': { ja: '接続によって生じるリスク', en: 'Risks of connecting' },
  'permissions.external.measures': { ja: '実装する情報セキュリティ対策', en: 'Security measures in place' },
  'permissions.external.connect_date': { ja: '接続予定日', en: 'Planned connection date' },
  'permissions.external.filer_refused': {
    ja: '外部通信ネットワークへの接続は、その情報システムを所管する課情報セキュリティ責任者が申請します。課情報セキュリティ責任者に相談してください。',
    en: 'A connection to an external network is requested by the section officer responsible for the system. Please talk to your section officer.',
  },
  'permissions.external.evaluation_consult': {
    ja: 'まずIT管理者が協議の結果（構成・セキュリティレベル・リスク・対策の確認）を記録します。',
    en: 'First the IT administrator records the consultation (configuration, security level, risks, measures confirmed).',
  },
  'permissions.external.evaluation_approval': {
    ja: 'その後、統括情報セキュリティ責任者が承認を判断します。承認の前に接続しないでください。',
    en: 'Then the chief security officer decides on approval; do not connect before it.',
  },
  'permissions.external.duty_consult': {
    ja: '接続先の構成、セキュリティレベル、接続により生じるリスクを検討し、十分な対策が実装されていることを確認する（IT管理者との協議）',
    en: 'Examine the configuration, security level and risks of the connection and confirm sufficient measures (consultation with the IT administrator)',
  },
  'permissions.external.duty_approve': {
    ja: '協議の結果を確認し、接続を承認するか判断する',
    en: 'Review the consultation and decide whether to approve the connection',
  },

  // The IT管理者's consultation (11(2)②) on the case card
  'permissions.consult.heading': {
    ja: '協議の結果を記録して統括へ進める',
    en: 'Record the consultation and pass it to the chief',
  },
  'permissions.consult.button': { ja: '協議結果を記録して進達', en: 'Record and forward' },
  'permissions.consult.configuration': { ja: '構成の検討結果', en: 'Configuration examined' },
  'permissions.consult.security_level': {
    ja: 'セキュリティレベルの検討結果',
    en: 'Security level examined',
  },
  'permissions.consult.risks': { ja: 'リスクの検討結果', en: 'Risks examined' },
  'permissions.consult.measures': {
    ja: '十分な対策が実装されていることの確認',
    en: 'Sufficient measures confirmed',
  },
  'permissions.consult.record_required': {
    ja: '「{label}」を入力してください。協議の結果はすべて記録が必要です。',
    en: 'Please fill in “{label}”: every part of the consultation is recorded.',
  },
  'permissions.consult.no_chief': {
    ja: '承認する統括情報セキュリティ責任者が連絡網に見つかりません。IT管理者に連絡網の確認を依頼してください。',
    en: 'No chief security officer to approve was found in the contact directory.',
  },
  'permissions.consult.done': {
    ja: 'IT管理者が協議の結果を記録し、統括情報セキュリティ責任者の承認へ進めました。',
    en: 'The IT administrator recorded the consultation and passed the request to the chief security officer.',
  },
  'permissions.consult.rejected': {
    ja: 'IT管理者が十分な対策を確認できなかったため、差し戻しました。理由: {comment}',
    en: 'The IT administrator could not confirm sufficient measures and returned the request. Reason: {comment}',
  },
  'permissions.consult.still_waiting_it_admin': {
    ja: 'この申請はIT管理者の協議がまだです。協議の結果が記録されてから承認できます。',
    en: 'The IT administrator has not recorded the consultation yet; approval comes after it.',
  },
  'permissions.consult.already_consulted': {
    ja: '協議の結果はすでに記録され、統括情報セキュリティ責任者の承認待ちです。',
    en: 'The consultation is already recorded; the request waits for the chief security officer.',
  },

  // Authorization
  'permissions.auth.it_admin_consults': {
    ja: 'この段階はIT管理者の協議です。IT管理者のみが記録できます。',
    en: 'This step is the IT administrator’s consultation; only an IT administrator records it.',
  },
  'permissions.auth.chief_decides': {
    ja: 'この申請の許可・承認は統括情報セキュリティ責任者が行います。',
    en: 'This request is permitted or approved by the chief security officer.',
  },
  'permissions.auth.own_consultation': {
    ja: '協議を記録した人は、同じ申請を承認できません。',
    en: 'Whoever recorded the consultation cannot approve the same request.',
  },

  // Routing
  'permissions.routing.chief_permits_wireless': {
    ja: '無線LANによる整備を許可する統括情報セキュリティ責任者',
    en: 'Chief security officer, who permits a wireless network',
  },
  'permissions.routing.it_admin_consulted': {
    ja: '接続前に協議するIT管理者',
    en: 'IT administrator consulted before the connection',
  },

  // 10(4)⑦ security settings
  'permissions.security.refused': {
    ja: '端末機のソフトウェアのセキュリティ機能（ウイルス対策ソフト、ファイアウォール等）の設定は、職員が変更することはできません。この申請は受け付けられません。',
    en: 'Staff may not change the security settings of a terminal’s software (antivirus, firewall and the like). This cannot be requested.',
  },
  'permissions.security.exception_offer': {
    ja: 'どうしても業務上必要な場合は、課情報セキュリティ責任者を通じて例外措置を申請できます（統括情報セキュリティ責任者の許可が必要です）。',
    en: 'If it is truly needed for work, an exception can be requested through your section officer (the chief security officer’s permission is needed).',
  },
  'permissions.security.exception_button': { ja: '例外措置を申請する', en: 'Request an exception' },
  'permissions.security.title': {
    ja: 'セキュリティ設定の変更はできません',
    en: 'Security settings cannot be changed',
  },
  // 10(9)③ IC card renewal record
  'intent.ic_card_renewal': { ja: 'ICカード更新の記録', en: 'IC card renewal record' },
  'permissions.renewal.guidance': {
    ja: 'ICカードを更新するときは、更新前のカードを回収し、物理的に破砕するなど認証情報を復元できない状態にしてから廃棄し、ここに記録します。',
    en: 'When an IC card is renewed, collect the old card, destroy it (e.g. crush it) so that its credentials cannot be restored, then record it here.',
  },
  'permissions.renewal.card_number': { ja: '更新前のカード番号', en: 'Old card number' },
  'permissions.renewal.collected_from': { ja: '回収した相手（氏名）', en: 'Collected from (name)' },
  'permissions.renewal.collected_at': { ja: '回収日時', en: 'Collected at' },
  'permissions.renewal.destroyed_at': { ja: '廃棄日時', en: 'Destroyed at' },
  'permissions.renewal.method': { ja: '廃棄の方法', en: 'How it was destroyed' },
  'permissions.renewal.method_crushed': { ja: '物理的に破砕', en: 'Physically crushed' },
  'permissions.renewal.method_shredded': { ja: '裁断（シュレッダー）', en: 'Shredded' },
  'permissions.renewal.method_other': { ja: 'その他', en: 'Other' },
  'permissions.renewal.method_detail': { ja: '方法の詳細', en: 'Method in detail' },
  'permissions.renewal.method_detail_required': {
    ja: '「その他」の場合は方法の詳細を入力してください。',
    en: 'Please describe the method when choosing “Other”.',
  },
  'permissions.renewal.unrecoverable': {
    ja: '認証情報が復元できない状態にしたことを確認した',
    en: 'I confirmed that the credentials cannot be restored',
  },
  'permissions.renewal.unrecoverable_required': {
    ja: '認証情報を復元できない状態にしてから廃棄してください。確認したらチェックを入れてください。',
    en: 'Destroy the card so that its credentials cannot be restored, then tick the box.',
  },
  'permissions.renewal.destroyed_before_collected': {
    ja: '廃棄日時が回収日時より前になっています。',
    en: 'The card cannot be destroyed before it was collected.',
  },
  'permissions.renewal.destroyed_by': { ja: '廃棄を行った者', en: 'Destroyed by' },
  'permissions.renewal.new_card_number': { ja: '新しいカード番号', en: 'New card number' },
  'permissions.renewal.filer_refused': {
    ja: 'ICカードの更新（旧カードの回収・廃棄）は課情報セキュリティ責任者が行い、記録します。更新が必要な場合は課情報セキュリティ責任者に申し出てください。',
    en: 'IC card renewals (collecting and destroying the old card) are done and recorded by the section officer. Please ask your section officer.',
  },
  'permissions.renewal.evaluation': {
    ja: 'この記録はICカード更新記録に載り、課情報セキュリティ責任者と統括情報セキュリティ責任者が確認できます。',
    en: 'The record goes into the IC card renewal record, which the section officer and the chief security officer can read.',
  },
  'permissions.renewal.duty': {
    ja: '更新前のカードを回収し、認証情報を復元不可能な状態にして廃棄する',
    en: 'Collect the old card and destroy it so that its credentials cannot be restored',
  },
  'permissions.renewal.recorded': {
    ja: 'ICカードの更新を記録しました。記録として {name}（{role}）に通知しました。',
    en: 'The IC card renewal is recorded and sent to {name} ({role}).',
  },
  'ledger.title.ic_card_renewal': { ja: 'ICカード更新記録', en: 'IC card renewal record' },
  'ledger.col.cardNumber': { ja: '旧カード番号', en: 'Old card number' },
  'ledger.col.collectedFrom': { ja: '回収元', en: 'Collected from' },
  'ledger.col.collectedAt': { ja: '回収日時', en: 'Collected at' },
  'ledger.col.destroyedAt': { ja: '廃棄日時', en: 'Destroyed at' },
  'ledger.col.destructionMethod': { ja: '廃棄方法', en: 'Method' },
  'ledger.col.destroyedBy': { ja: '廃棄者', en: 'Destroyed by' },
  'ledger.col.newCardNumber': { ja: '新カード番号', en: 'New card number' },
  'ledger.col.recordedBy': { ja: '記録者', en: 'Recorded by' },
} satisfies MessageTable;
