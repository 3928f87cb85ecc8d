// The one table of what the bot cites. Every `article` in a message, card, audit row, webhook or
// ledger is a key of ARTICLES (the 情報セキュリティ対策基準), of LAWS (statutes outside the standard),
// or OPERATING_RULE: a step that is the organisation's own practice (a deputy, a deadline, a
// reminder, asking a wrong recipient to delete a mail) and that no article prescribes. It is shown
// as 「運用ルール」, never with an article number (PolicyMap "Cite exactly").
//
// `ja` is the standard's own wording in brief: excerpts of the article, joined by '…' where words are
// left out. test/domain/articles.test.ts reads the standard's text and checks that every id exists
// there, that every excerpt is the article's own text, and that every party in `binds` is named by
// the article (or by `bindsFrom`, the article that gives a subject-less rule its addressee).
//
// Ids: chapter, item, circled number, katakana point as the standard numbers them ('10(9)①エ').
// 'ただし書' after an id is the proviso of that article ('10(4)①ただし書').

export const PARTIES = [
  '職員',
  '課情報セキュリティ責任者',
  '統括情報セキュリティ責任者',
  'IT管理者',
  '侵害を発見した者又は侵害の報告を受けた者',
] as const;
export type Party = (typeof PARTIES)[number];

export interface ArticleEntry {
  /** The standard's wording, in brief: excerpts joined by '…'. */
  readonly ja: string;
  /** An English gloss of the same. */
  readonly en: string;
  /** Whom the article binds, or gives a decision to (e.g. the officer who permits). */
  readonly binds: readonly Party[];
  /** For a rule without a subject: the article that says who it applies to. */
  readonly bindsFrom?: string;
}

export const ARTICLES = {
  '6ウ': {
    ja: 'IT管理者は、…次の責務を担う。…緊急時等の円滑な情報共有を図るための緊急連絡網の整備、運用',
    en: 'The IT administrator maintains and runs the emergency contact network, for smooth information sharing in an emergency.',
    binds: ['IT管理者'],
  },
  '7': {
    ja: '課情報セキュリティ責任者は、管理規程に定めるもののほか、統括情報セキュリティ責任者の命を受け、次の責務を担う。',
    en: 'Each section security officer carries the section’s duties: its security measures, procedures, asset ledgers and access rights.',
    binds: ['課情報セキュリティ責任者'],
  },
  '7エ': {
    ja: '課情報セキュリティ責任者は、…次の責務を担う。…所管課における情報システム等に対するアクセス権限の管理',
    en: 'Each section officer manages the access rights to the section’s information systems.',
    binds: ['課情報セキュリティ責任者'],
  },
  '8(2)①': {
    ja: '情報資産におけるデータは、各々のデータの機密性、完全性、可用性を踏まえ、以下の重要性分類に従って分類し、重要性分類に従ったアクセス権限を設定する。',
    en: 'Data is classified into importance classes I–IV by confidentiality, integrity and availability, and access rights follow the class.',
    binds: ['課情報セキュリティ責任者'],
    bindsFrom: '8(1)①',
  },
  '8(3)①イ': {
    ja: '複数種のファイル、データを格納する記録媒体、ドキュメント等の情報資産は、当該情報資産に含まれるデータのうち最も上位の重要性分類に従い取り扱う。',
    en: 'A medium or document holding several kinds of data is handled by the highest class of the data it holds.',
    binds: ['職員'],
    bindsFrom: '8(1)②',
  },
  '8(3)①エ': {
    ja: '重要性分類Ⅰに属するデータは、課情報セキュリティ責任者の許可なく複製あるいは出力（記憶媒体への格納を含む。以下同じ。）し、庁外へ持ち出し（電子メール等に添付する場合を含む。以下同じ。）をすることはできない。',
    en: 'Class I data may not be copied, output (incl. to a medium) or taken out of the office (incl. as an e-mail attachment) without the section officer’s permission.',
    binds: ['職員', '課情報セキュリティ責任者'],
    bindsFrom: '8(1)②',
  },
  '8(3)①オ': {
    ja: '重要性分類Ⅱ以上のデータを庁外へ持ち出すときは、課情報セキュリティ責任者の許可を得たうえで、暗号化又はパスワード設定を行う。',
    en: 'Class II data or higher is taken out of the office only with the section officer’s permission, and encrypted or password-protected.',
    binds: ['職員', '課情報セキュリティ責任者'],
    bindsFrom: '8(1)②',
  },
  '8(3)①カ': {
    ja: '重要性分類Ⅲ以下に属するデータを庁外へ持ち出す場合は、必要に応じ暗号化又はパスワード設定を行う。',
    en: 'Class III data or lower taken out of the office is encrypted or password-protected as needed.',
    binds: ['職員'],
    bindsFrom: '8(1)②',
  },
  '8(3)①キ': {
    ja: '電子メールによりデータを送付するときは送信先のメールアドレスを十分に確認し、必要に応じ送信先に対し受領確認を行う。',
    en: 'Before sending data by e-mail, check the recipient’s address carefully; confirm receipt with the recipient as needed.',
    binds: ['職員'],
    bindsFrom: '8(1)②',
  },
  '8(3)①ク': {
    ja: '庁内におけるデータの取扱いについても、庁外へ持ち出す場合に準じて行う。',
    en: 'Data handled inside the office is handled like data taken out of the office.',
    binds: ['職員'],
    bindsFrom: '8(1)②',
  },
  '8(3)②ア': {
    ja: 'データが格納された記録媒体等の授受に関しては、次の事項を記録する台帳等を整備する。…ファイルの名称…搬入者及び受領者の氏名並びにその所属等の名称…媒体の種別…媒体の識別番号…授受年月…その他課情報セキュリティ責任者が必要と認める事項',
    en: 'A ledger records each handover of media holding data: file name, names and units of the carrier and the receiver, media type, media id, month of handover, other items the section officer requires.',
    binds: ['課情報セキュリティ責任者'],
  },
  '8(3)②イ': {
    ja: 'データが格納された記録媒体等の保管に関しては、データの重要性が容易に識別できるよう次の事項を記録する台帳等を整備する。',
    en: 'A ledger of stored media makes the importance of the data easy to see: file name, owning section, media type and id, date made, keep-until, erasure date, location, other items the section officer requires.',
    binds: ['課情報セキュリティ責任者'],
  },
  '8(3)②オ': {
    ja: '情報資産を廃棄するときは、課情報セキュリティ責任者の許可を得て、データを復元できないよう確実な方法で消去したうえで廃棄するとともに、行った処理について、日時、担当者、処理内容等を記録する。',
    en: 'An information asset is disposed of with the section officer’s permission, after erasing its data beyond recovery; the date and time, the person in charge and what was done are recorded.',
    binds: ['課情報セキュリティ責任者'],
  },
  '9(1)④': {
    ja: '課情報セキュリティ責任者は、所管する情報システム等に属するサーバを庁外に設置する場合は、随時セキュリティ対策状況について点検し、統括情報セキュリティ責任者へ報告する。',
    en: 'When a server of the section’s systems is placed outside the premises, the section officer inspects its security measures from time to time and reports to the chief officer.',
    binds: ['課情報セキュリティ責任者', '統括情報セキュリティ責任者'],
  },
  '9(3)③': {
    ja: '通信ネットワークを構築するにあたり、有線による通信ネットワークの整備が適さない合理的な理由がある場合には、統括情報セキュリティ責任者の許可を得て無線回線による整備を行う。',
    en: 'Where there is a sound reason why a wired network does not suit, a wireless network is built only with the chief security officer’s permission.',
    binds: ['統括情報セキュリティ責任者'],
  },
  '10(2)②': {
    ja: '課情報セキュリティ責任者は、…IT管理者と連携のうえ、情報セキュリティに係る研修を実施することにより、職員にポリシー及び実施手順の周知徹底を図る',
    en: 'Each section officer, with the IT administrator, makes the policy and its procedures known to their staff through training.',
    binds: ['課情報セキュリティ責任者'],
  },
  '10(3)': {
    ja: '職員は、Webで利用できるフリーメール、ネットワークストレージサービス等を使用してはならない。ただし、課情報セキュリティ責任者が業務上必要と判断した場合を除く。',
    en: 'Staff may not use web free mail, online storage services and the like, unless the section officer judges it necessary for work.',
    binds: ['職員', '課情報セキュリティ責任者'],
  },
  '10(4)①': {
    ja: '職員は、課情報セキュリティ責任者の許可なく端末機又は記録媒体等を執務室以外に持ち出し、庁外で情報処理業務を行ってはならない。…なお、携行中は端末機のロック、ログオフ、又はシャットダウンを行わなければならない。',
    en: 'Staff may not take terminals or media out of the office room, or work outside, without the section officer’s permission; while carried, the terminal is locked, logged off or shut down.',
    binds: ['職員', '課情報セキュリティ責任者'],
  },
  '10(4)①ただし書': {
    ja: 'ただし、同一庁舎内において常時携帯するなど自己の管理下に置き、持ち出し先の会議室等において施錠等の盗難防止措置を確実にできる場合はこの限りではない。',
    en: 'Proviso: no permission is needed when the item stays in the same building under one’s own control (e.g. carried at all times) and theft prevention such as locking is sure at the destination.',
    binds: ['職員'],
  },
  '10(4)②': {
    ja: '職員は、業務用として貸与されたもの以外の端末機及び記録媒体等を業務に利用してはならない。ただし、災害対応等業務上必要な場合として課情報セキュリティ責任者の許可を得た場合はこの限りではない。',
    en: 'Staff may not use terminals or media other than those issued for work, unless the section officer permits it as needed for work, e.g. disaster response.',
    binds: ['職員', '課情報セキュリティ責任者'],
  },
  '10(4)③': {
    ja: '職員は、モバイル端末を庁外で使用する際には遠隔消去機能等の紛失、盗難防止策が有効であることを確認したうえで使用しなければならない。',
    en: 'Before using a mobile terminal outside the office, staff confirm that remote wipe and other loss and theft protection works.',
    binds: ['職員'],
  },
  '10(4)④': {
    ja: '職員は、異動又は退職する場合は、利用していた端末機等を返却しなければならない。',
    en: 'Staff who move or leave return the terminals and devices they used.',
    binds: ['職員'],
  },
  '10(4)⑥': {
    ja: '課情報セキュリティ責任者は、端末機及び記録媒体の持ち出しについて、記録を作成し、保管しなければならない。',
    en: 'The section officer keeps a record of terminals and media taken out.',
    binds: ['課情報セキュリティ責任者'],
  },
  '10(4)⑦': {
    ja: '職員は、端末機のソフトウェアに関するセキュリティ機能の設定を変更してはならない。',
    en: 'Staff may not change the security settings of a terminal’s software.',
    binds: ['職員'],
  },
  '10(5)①': {
    ja: '職員は、課情報セキュリティ責任者の許可なく端末機へのソフトウェアのインストール及びアンインストール、若しくは設定変更をしてはならない。',
    en: 'Staff may not install or uninstall software on a terminal, or change its settings, without the section officer’s permission.',
    binds: ['職員', '課情報セキュリティ責任者'],
  },
  '10(5)②': {
    ja: '職員は、著作権法や使用許諾契約等に違反するソフトウェアの使用又は複製等を行ってはならない。',
    en: 'Staff may not use or copy software in breach of copyright or its licence.',
    binds: ['職員'],
  },
  '10(6)': {
    ja: 'セキュリティインシデントに対する対応',
    en: 'Responding to security incidents (report to the officer, the officer acts with the IT administrator, staff follow instructions).',
    binds: ['職員', '課情報セキュリティ責任者'],
  },
  '10(6)①': {
    ja: '職員は、セキュリティインシデントを発見した場合又は外部から通報を受けた場合は、速やかに課情報セキュリティ責任者に報告しなければならない。',
    en: 'Staff who find a security incident, or are told of one from outside, report it to the section officer promptly.',
    binds: ['職員'],
  },
  '10(6)②': {
    ja: '課情報セキュリティ責任者は、セキュリティインシデントを発見又は報告通報を受けた場合、速やかにIT管理者と連携し、その助言に基づき必要な措置を講じなければならない。',
    en: 'The section officer, on finding or being told of an incident, promptly works with the IT administrator and takes the measures needed on their advice.',
    binds: ['課情報セキュリティ責任者'],
  },
  '10(6)③': {
    ja: '職員は、課情報セキュリティ責任者の指示に従い、セキュリティインシデントに対し適切に対処しなければならない。',
    en: 'Staff deal with a security incident as the section officer instructs.',
    binds: ['職員'],
  },
  '10(8)①': {
    ja: '課情報セキュリティ責任者は、所管する情報システム等を初めて利用する職員にパスワードを発行する場合は仮のパスワードを発行し、職員は、情報システム等にログイン後直ちに仮のパスワードを変更しなければならない。',
    en: 'The section officer issues a temporary password to a first-time user of a system; the user changes it immediately after logging in.',
    binds: ['課情報セキュリティ責任者', '職員'],
  },
  '10(8)②イ': {
    ja: 'パスワードを秘密にし、パスワードの照会等には一切応じないこと。',
    en: 'Keep the password secret and never answer requests for it.',
    binds: ['職員'],
  },
  '10(8)②エ': {
    ja: '異なる情報システムや通信ネットワークとの間で、また職員間でパスワードを共有しないこと。',
    en: 'Do not share a password between different systems or networks, or between staff.',
    binds: ['職員'],
  },
  '10(8)②カ': {
    ja: 'パスワードが流出した可能性がある場合は速やかに課情報セキュリティ責任者に報告し、パスワードを変更すること。',
    en: 'If a password may have leaked, report it to the section officer promptly and change the password.',
    binds: ['職員'],
  },
  '10(9)①イ': {
    ja: '共用 IC カード等は、共用 IC カード等の利用者として登録された者以外に利用させないこと。',
    en: 'A shared IC card is used only by the people registered as its users.',
    binds: ['職員'],
  },
  '10(9)①エ': {
    ja: 'IC カード等を紛失した場合には速やかに課情報セキュリティ責任者に報告し、その指示に従うこと。',
    en: 'Report a lost IC card to the section officer promptly and follow their instructions.',
    binds: ['職員'],
  },
  '10(9)②': {
    ja: '課情報セキュリティ責任者は、所管する情報システム等に係る IC カード等の紛失等の通報があったときは、速やかに当該 IC カード等によるアクセス等を停止しなければならない。',
    en: 'On a report that an IC card is lost, the section officer promptly stops access with that card.',
    binds: ['課情報セキュリティ責任者'],
  },
  '10(9)③': {
    ja: '課情報セキュリティ責任者は、…IC カード等を更新する場合は、更新前のカードを回収し、物理的に破砕するなど認証情報等を復元不可能な状態にしたうえで廃棄しなければならない。',
    en: 'When an IC card is renewed, the section officer collects the old card and destroys it so that its credentials cannot be restored.',
    binds: ['課情報セキュリティ責任者'],
  },
  '11(1)①': {
    ja: '課情報セキュリティ責任者は、所管するシステム等へアクセス可能な利用者及びその利用範囲等のアクセス権限を設定する。',
    en: 'The section officer sets who may access the section’s systems and to what extent.',
    binds: ['課情報セキュリティ責任者'],
  },
  '11(1)②イ': {
    ja: '課情報セキュリティ責任者は、情報システム等で正しくないログイン操作が繰り返された場合等、不正アクセスが疑われる事象に対しては、アクセスを制限する。',
    en: 'Where unauthorised access is suspected (e.g. repeated failed logins), the section officer restricts access.',
    binds: ['課情報セキュリティ責任者'],
  },
  '11(1)②エ': {
    ja: '課情報セキュリティ責任者は、利用されていない I D を放置しないよう点検する。',
    en: 'The section officer checks that unused IDs are not left in place.',
    binds: ['課情報セキュリティ責任者'],
  },
  '11(3)②': {
    ja: '課情報セキュリティ責任者は、サーバ及び端末機にはウイルスチェック用のソフトウェアを常駐させ、ウイルスチェック用のソフトウェアによるフルチェックを定期的実施する。',
    en: 'The section officer keeps anti-virus software resident on servers and terminals and runs full scans periodically.',
    binds: ['課情報セキュリティ責任者'],
  },
  '11(2)②': {
    ja: '課情報セキュリティ責任者は、所管する情報システム等を外部の通信ネットワークと接続しようとするときは、IT管理者と協議のうえ、接続を行う外部通信ネットワークの構成、セキュリティレベル並びに接続することによって生じるリスク等を詳細に検討し、十分な情報セキュリティ対策が実装されていることを確認しなければならない。',
    en: 'Before connecting a system to an external network, the section officer, in consultation with the IT administrator, examines that network’s configuration, security level and the risks of connecting, and confirms that sufficient security measures are in place.',
    binds: ['課情報セキュリティ責任者', 'IT管理者'],
  },
  '11(2)③': {
    ja: '課情報セキュリティ責任者は、所管する情報システム等を外部通信ネットワークに接続するときは、統括情報セキュリティ責任者の承認を受けなければならない。',
    en: 'The section officer obtains the chief security officer’s approval before connecting a system to an external network.',
    binds: ['課情報セキュリティ責任者', '統括情報セキュリティ責任者'],
  },
  '11(2)⑦': {
    ja: '課情報セキュリティ責任者は、所管する情報システム等への不正アクセスによる攻撃を発見したときは速やかに接続を遮断し、影響範囲及び侵入経路等の調査並びに攻撃の記録を保存する。また、個人情報の漏えい等重大なセキュリティインシデントが発生した場合には、警察及び関係機関と緊密に連携し、被害の拡大を防止する。',
    en: 'On finding an attack by unauthorised access the section officer promptly cuts the connection, investigates the scope and the route of intrusion and keeps the attack records; in a serious incident such as a personal-data leak, works closely with the police and other bodies to stop the damage spreading.',
    binds: ['課情報セキュリティ責任者'],
  },
  '11(3)⑤': {
    ja: '職員は、ウイルスの感染を発見したときは、端末機等を即時に情報システム等から物理的に取り外し、課情報セキュリティ責任者に報告する。',
    en: 'Staff who find a virus infection physically disconnect the terminal from the systems at once and report to the section officer.',
    binds: ['職員'],
  },
  '11(3)⑥': {
    ja: '課情報セキュリティ責任者は、職員からウイルス感染の報告を受けたときは、影響範囲及び感染経路等を調査するとともに、速やかにウイルス駆除等の対策を実施する。',
    en: 'On a report of a virus infection, the section officer investigates scope and route and promptly removes the virus.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(1)③キ': {
    ja: '委託先となる事業者について委託内容に応じた情報セキュリティ対策が確保されていることを定期的に確認し、その内容を統括情報セキュリティ責任者に報告すること。',
    en: 'Check periodically that a contractor keeps security measures fit for the work, and report it to the chief officer.',
    binds: ['課情報セキュリティ責任者', '統括情報セキュリティ責任者'],
  },
  '12(1)③ケ': {
    ja: '契約で定められた資格を有する者が作業に従事していることを確認し、作業を行う者のユーザID、パスワード等について、作業終了後、不要となった時点で速やかに抹消されていることを確認すること。',
    en: 'Confirm that qualified people do the work, and that the user IDs and passwords of those who worked are removed promptly once no longer needed after the work.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(1)④ウ': {
    ja: '課情報セキュリティ責任者は、機器の保守点検を定期的実施するとともに、その記録を保存する。',
    en: 'The section officer carries out periodic maintenance inspections of equipment and keeps their records.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(3)③': {
    ja: '課情報セキュリティ責任者は、…バックアップコピーを取得するデータの範囲、取得の方法及びサイクルを定め、定期的にデータやプログラムのバックアップを取得する。',
    en: 'The section officer sets the scope, method and cycle of backups and takes backups of data and programs periodically.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(4)②': {
    ja: '課情報セキュリティ責任者は、常時監視により得られた結果については、消去や改ざんを防止したうえ、定期的に保管する。',
    en: 'The section officer keeps the results of continuous monitoring regularly, protected from erasure and alteration.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(4)③': {
    ja: '課情報セキュリティ責任者は、重要なログ等を取得するサーバについては、正確な時刻設定及びサーバ間の時刻同期ができるよう構成する。',
    en: 'Servers that keep important logs are configured with accurate time and time synchronisation between servers.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(4)④': {
    ja: '課情報セキュリティ責任者は、…被害が生じるおそれがある事案を発見した場合、速やかに予防措置を実施する。また、直ちに統括情報セキュリティ責任者に報告する。',
    en: 'A section officer who finds a case that may harm the systems takes preventive measures promptly and reports it to the chief officer at once.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(4)⑤': {
    ja: '統括情報セキュリティ責任者は、情報システム等に被害が生じるおそれがある事案について、課情報セキュリティ責任者から報告を受けたときは、IT管理者を通じ当該事案を他の課情報セキュリティ責任者に周知する。',
    en: 'When told by a section officer of a case that may harm the systems, the chief officer has the IT administrator inform the other section officers.',
    binds: ['統括情報セキュリティ責任者', 'IT管理者'],
  },
  '12(5)①': {
    ja: '障害時の対応',
    en: 'Response to a system failure (staff → officer → chief → IT administrator → officers of the sections concerned).',
    binds: ['職員', '課情報セキュリティ責任者', '統括情報セキュリティ責任者', 'IT管理者'],
  },
  '12(5)①イ': {
    ja: '職員は、障害を発見したときは、直ちに、課情報セキュリティ責任者に連絡し、課情報セキュリティ責任者は、直ちに障害状況及び影響範囲を調査するとともに、障害状況等を統括情報セキュリティ責任者に報告する。',
    en: 'Staff tell the section officer of a failure at once; the officer investigates its state and scope at once and reports to the chief officer.',
    binds: ['職員', '課情報セキュリティ責任者'],
  },
  '12(5)①ウ': {
    ja: '統括情報セキュリティ責任者は、障害状況等の報告を受けたときは、その障害状況等をIT管理者に連絡し、IT管理者はこれを障害に関係する課の課情報セキュリティ責任者に連絡する。',
    en: 'The chief officer passes a failure report to the IT administrator, who passes it to the officers of the sections concerned.',
    binds: ['統括情報セキュリティ責任者', 'IT管理者'],
  },
  '12(5)①オ': {
    ja: '課情報セキュリティ責任者は、障害の原因及び情報システム等を回復するために実施した処理内容を統括情報セキュリティ責任者に報告するとともに、障害記録を作成する。',
    en: 'The section officer reports the cause and the recovery actions to the chief officer and writes a failure record.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(5)②': {
    ja: '侵害時の対応',
    en: 'Response to a breach (leak, loss, alteration of information).',
    binds: ['職員', '課情報セキュリティ責任者', '統括情報セキュリティ責任者', 'IT管理者'],
  },
  '12(5)②ア': {
    ja: '課情報セキュリティ責任者は、…侵害事案が発生した場合、連絡、証拠保全、被害拡大の防止、復旧等を迅速に実施するとともに、IT管理者と協議のうえ再発防止策を実施する。',
    en: 'In a breach the section officer promptly notifies, preserves evidence, contains the damage and recovers, and with the IT administrator prevents recurrence.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(5)②イ': {
    ja: '職員は、侵害事案の発生を発見したときは直ちに課情報セキュリティ責任者に報告し、課情報セキュリティ責任者は統括情報セキュリティ責任者に報告するとともに、IT管理者に連絡する。',
    en: 'Staff report a breach to the section officer at once; the officer reports it to the chief officer and tells the IT administrator.',
    binds: ['職員', '課情報セキュリティ責任者'],
  },
  '12(5)②ウ': {
    ja: '課情報セキュリティ責任者は、侵害事案が法令等に違反するものと見込まれる場合、統括情報セキュリティ責任者と協議し、警察等関係機関に通報する。',
    en: 'When a breach is likely unlawful, the section officer consults the chief officer and reports to the police or other authorities.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(5)②エ': {
    ja: '統括情報セキュリティ責任者は、侵害事案がサイバー攻撃等による緊急時の場合においては、IT管理者を通じ全職員間での情報共有を図り',
    en: 'In an emergency such as a cyber attack, the chief officer has information shared among all staff through the IT administrator.',
    binds: ['統括情報セキュリティ責任者', 'IT管理者'],
  },
  '12(5)②オ': {
    ja: '侵害を発見した者又は侵害の報告を受けた者は、当該侵害事案を報告すべき者が不在その他の事情により報告ができない場合で急を要するときは、報告すべき者の上席者に報告する。',
    en: 'Whoever finds or is told of a breach reports it to the superior of the person it is to be reported to, when that person is absent or cannot be reached and it is urgent.',
    binds: ['侵害を発見した者又は侵害の報告を受けた者'],
  },
  '12(5)②カ': {
    ja: '課情報セキュリティ責任者は、侵害事案に関し、その内容、原因、確認された被害及び影響範囲について調査し、記録を作成する。',
    en: 'The section officer investigates a breach’s content, cause, confirmed damage and scope, and writes a record.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(5)②キ': {
    ja: '課情報セキュリティ責任者は、…情報資産保護のために所管する情報システム等の停止がやむを得ないと判断したときは、IT管理者と協議のうえ情報システム等を停止する。ただし、情報資産を保護するため急を要する場合には、協議前に情報システム等を停止することができる。',
    en: 'When stopping a system is unavoidable to protect information assets, the section officer stops it after consulting the IT administrator; when urgent, it may be stopped before consulting.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(5)②ク': {
    ja: '課情報セキュリティ責任者は、侵害事案に係る情報システム等のアクセス記録等事案に係る証拠保全を確実に行う',
    en: 'The section officer makes sure the evidence of a breach, such as access logs, is preserved.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(5)③': {
    ja: '課情報セキュリティ責任者は、障害及び侵害事案に係る原因及びリスク等を分析し、IT管理者と協議のうえ再発防止に向け改善対策を検討、実施し、その内容を統括情報セキュリティ責任者に報告する。また、再発防止に向け、職員に対し対応方法について周知する。',
    en: 'After a failure or breach the section officer analyses cause and risk, agrees measures with the IT administrator, reports them to the chief officer and tells staff how to respond.',
    binds: ['課情報セキュリティ責任者'],
  },
  '12(6)①': {
    ja: '課情報セキュリティ責任者は、…遵守事項を実施しないことについて合理的な理由があるときは、統括情報セキュリティ責任者の許可を受けて例外措置を取ることができる。',
    en: 'With a sound reason, a section officer may take an exception to the policy with the chief officer’s permission.',
    binds: ['課情報セキュリティ責任者', '統括情報セキュリティ責任者'],
  },
  '12(6)②': {
    ja: '課情報セキュリティ責任者は、行政事務の遂行に緊急を要する等の場合であって、例外措置を実施することが不可避のときは、統括情報セキュリティ責任者の許可を得る前に例外措置を取ることができる。ただし、事後直ちに統括情報セキュリティ責任者に報告しなければならない。',
    en: 'When urgent and unavoidable, the section officer may take the exception before permission, and must report to the chief officer at once afterwards.',
    binds: ['課情報セキュリティ責任者', '統括情報セキュリティ責任者'],
  },
  '13(1)': {
    ja: '課情報セキュリティ責任者は、ポリシー及び実施手順の遵守状況について定期的に確認し、統括情報セキュリティ責任者に報告する。',
    en: 'Section officers check compliance with the policy and procedures regularly and report to the chief officer.',
    binds: ['課情報セキュリティ責任者', '統括情報セキュリティ責任者'],
  },
  '14(1)': {
    ja: '課情報セキュリティ責任者は、所管する情報システム等に関し、情報セキュリティ対策の実施状況全般について、定期的に点検を行い、情報セキュリティ対策の改善に努めなければならない。また、点検結果において、対策基準を改定する要を認めるときは、統括情報セキュリティ責任者に報告する。',
    en: 'The section officer periodically inspects how the security measures are carried out and improves them; when the inspection shows the standard needs revising, they report it to the chief officer.',
    binds: ['課情報セキュリティ責任者', '統括情報セキュリティ責任者'],
  },
  '14(3)': {
    ja: '統括情報セキュリティ責任者は、管理規程に定める情報セキュリティ検査の指摘事項が、被検査部門以外にも同様に影響すると認められるときは、被検査部門以外の課情報セキュリティ責任者に対しても同様の改善を求めなければならない。',
    en: 'When a finding of the security inspection applies beyond the inspected section, the chief officer asks the officers of the other sections for the same improvement.',
    binds: ['統括情報セキュリティ責任者'],
  },
  '13(3)': {
    ja: '課情報セキュリティ責任者は、職員の行動がポリシーに違反していると確認した場合は、速やかに改善するよう指導する。指導によっても改善されない場合、課情報セキュリティ責任者は、当該職員が情報システム等を使用する権利を停止あるいは剥奪する。',
    en: 'When a member of staff is found to break the policy, the section officer promptly instructs them to improve; if they do not, the officer suspends or revokes their right to use the systems.',
    binds: ['課情報セキュリティ責任者'],
  },
  '14(5)': {
    ja: '統括情報セキュリティ責任者は、対策基準を改定したときは、速やかに課情報セキュリティ責任者に周知しなければならない。',
    en: 'When the chief officer revises the standard, they promptly inform the section officers.',
    binds: ['統括情報セキュリティ責任者'],
  },
  '14(6)': {
    ja: '課情報セキュリティ責任者は、対策基準が改定されたときは、速やかに職員に周知しなければならない。',
    en: 'When the standard is revised, each section officer promptly informs their staff.',
    binds: ['課情報セキュリティ責任者'],
  },
} as const satisfies Readonly<Record<string, ArticleEntry>>;

export type ArticleId = keyof typeof ARTICLES;
export const ARTICLE_IDS = Object.keys(ARTICLES) as readonly ArticleId[];

export interface LawEntry {
  /** How the provision is named in Japanese text, e.g. 「個人情報保護法 68条1項」. */
  readonly ja: string;
  readonly en: string;
  /** What the provision is about, in brief. */
  readonly about: string;
}

/**
 * Provisions of statutes outside the standard that the bot cites (the duty of a public body to report
 * a personal-data leak to the Personal Information Protection Commission and to tell the persons).
 * They are not checked against the standard; they are never shown as 「対策基準」.
 */
export const LAWS = {
  個人情報保護法2条3項: { ja: '個人情報保護法 2条3項', en: 'APPI Art. 2(3)', about: '要配慮個人情報の定義' },
  個人情報保護法68条1項: {
    ja: '個人情報保護法 68条1項',
    en: 'APPI Art. 68(1)',
    about: '行政機関等の漏えい等の個人情報保護委員会への報告',
  },
  個人情報保護法68条2項: { ja: '個人情報保護法 68条2項', en: 'APPI Art. 68(2)', about: '本人への通知' },
  個人情報保護法施行規則43条1号: {
    ja: '個人情報保護法施行規則 43条1号',
    en: 'APPI Rules Art. 43(i)',
    about: '要配慮個人情報を含む漏えい等',
  },
  個人情報保護法施行規則43条2号: {
    ja: '個人情報保護法施行規則 43条2号',
    en: 'APPI Rules Art. 43(ii)',
    about: '財産的被害が生じるおそれがある漏えい等',
  },
  個人情報保護法施行規則43条3号: {
    ja: '個人情報保護法施行規則 43条3号',
    en: 'APPI Rules Art. 43(iii)',
    about: '不正の目的をもって行われたおそれがある漏えい等',
  },
  個人情報保護法施行規則43条4号: {
    ja: '個人情報保護法施行規則 43条4号',
    en: 'APPI Rules Art. 43(iv)',
    about: '本人の数が100人を超える漏えい等',
  },
} as const satisfies Readonly<Record<string, LawEntry>>;

export type LawId = keyof typeof LAWS;

/** The organisation's own practice: cited as 「運用ルール」, with no article. */
export const OPERATING_RULE = 'operating_rule' as const;
export type OperatingRule = typeof OPERATING_RULE;

/** What one step cites. */
export type Citation = ArticleId | LawId | OperatingRule;
/** One citation or several (in the order they are shown). */
export type Citations = Citation | readonly Citation[];

export function isArticleId(value: unknown): value is ArticleId {
  return typeof value === 'string' && Object.hasOwn(ARTICLES, value);
}

export function isLawId(value: unknown): value is LawId {
  return typeof value === 'string' && Object.hasOwn(LAWS, value);
}

export function isCitation(value: unknown): value is Citation {
  return value === OPERATING_RULE || isArticleId(value) || isLawId(value);
}

/** The citations as a list, each once, in the order given. */
export function citationList(c: Citations): readonly Citation[] {
  return typeof c === 'string' ? [c] : [...new Set(c)];
}

/** How citations are stored in one text column (audit_log.article): ids separated by spaces. */
export function serializeCitations(c: Citations): string {
  return citationList(c).join(' ');
}

/**
 * Citations read back from storage. Tokens that are not in the table (rows written before it existed)
 * are dropped, so nothing outside the table is ever shown as a citation.
 */
export function parseCitations(stored: string | null | undefined): Citation[] {
  if (!stored) return [];
  return stored.split(/\s+/).filter(isCitation);
}
