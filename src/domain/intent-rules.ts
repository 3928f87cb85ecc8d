// Rule-based intent recognition. No LLM and no external service: staff messages may hold
// classified data (8(2)①; 11(2)⑤ keeps class II data off outside networks) and must not leave us.
//
// How it works:
//   1. The message is normalised (normalize.ts). Empty → null.
//   2. Anchored exact commands (the whole message is the command): ヘルプ / メニュー / 私の申請 / …
//      and the menu labels of each flow → confidence 'exact'.
//   3. Keyword rules (INTENT_RULES): every rule whose patterns match is a candidate; the highest
//      priority wins (ties: the earlier rule in the table). → confidence 'keyword'.
//   4. Nothing matched → null; the caller shows the menu.
//
// Keywords are written in ordinary Japanese/English and normalised with the same function as the
// message, so spelling variants (full/half width, hiragana/katakana, ウィルス/ウイルス, …) need not
// be repeated here. Matching is by substring on the normalised text, which has no spaces, so
// English phrases are written without caring about spaces ("wrong person" ≡ "wrongperson").
//
// Negations ("〜していない") are out of scope: a message that names a flow's keywords maps to that
// flow, which then asks its own questions.

import type { ArticleId } from './articles';
import { LOCALES, t } from '../i18n';
import { INTENTS, type Intent } from './intents';
import { normalizeText } from './normalize';

export interface IntentMatch {
  intent: Intent;
  /** 'exact': the whole message is a command; 'keyword': a keyword rule matched. */
  confidence: 'exact' | 'keyword';
}

/** One keyword, or a list of alternatives of which any may occur. */
export type Term = string | readonly string[];
/** A single keyword, or `{ all }`: every term must occur (each term may list alternatives). */
export type Pattern = string | { readonly all: readonly Term[] };

export interface IntentRule {
  readonly intent: Intent;
  /** Higher wins when several rules match. */
  readonly priority: number;
  /** Articles of the standard the flow serves; empty for the bot's own commands (help, lists). */
  readonly articles: readonly ArticleId[];
  /** The rule matches when any pattern matches. */
  readonly patterns: readonly Pattern[];
}

// ---------------------------------------------------------------------------------------------
// Keyword groups shared by several rules.

/** Physical loss: only objects get lost this way (not passwords). */
// prettier-ignore
const LOSS = [
  'なくし', 'なくな', '無くし', '失くし', '紛失', '落とし', '置き忘れ', '置忘れ', '忘れてき',
  '見当たら', '見つから', '失っ', 'lost', 'missing', 'misplac', 'cantfind', 'cannotfind',
] as const;

/** Theft: objects and credentials alike ("パスワードを盗まれた"), so it ranks lower. */
// prettier-ignore
const THEFT = ['盗まれ', '盗難', '盗られ', 'ぬすまれ', 'stolen'] as const;

/** Terminals and recording media (端末機, 記録媒体 — 10(4)). */
// prettier-ignore
const DEVICE = [
  'usb', '媒体', 'メモリ', 'sdカード', 'sdcard', 'microsd', 'ハードディスク', '外付け', 'hdd', 'ssd', 'dvd',
  'cd-r', 'cd-rom', 'pc', 'パソコン', '端末', 'タブレット', 'ipad', 'スマホ', 'スマートフォン',
  'iphone', 'android', '携帯電話', 'ケータイ', 'ガラケー', 'モバイルルータ', 'wifiルータ',
  'laptop', 'computer', 'phone', 'tablet', 'thumbdrive', 'flashdrive', 'memorystick',
  'harddrive', 'device',
] as const;

/** IC cards and the badges that carry them (IC カード等 — 10(9)). */
// prettier-ignore
const CARD = [
  'icカード', 'iccard', 'icを', 'icが', 'icの', 'カード', '社員証', '職員証', '入館証', '身分証',
  'idカード', 'card', 'badge',
] as const;

/** Credentials (10(8)). */
// prettier-ignore
const CREDENTIAL = [
  'パスワード', '暗証番号', 'パスコード', 'pinコード', 'ログイン情報', '認証情報', 'アカウント',
  'password', 'passcode', 'credential', 'account',
] as const;

/** Ways a credential leaks without anything being physically lost. */
// prettier-ignore
const CREDENTIAL_LEAK = [
  '漏', 'もれ', '流出', '知られ', '見られ', '盗み見', '覗かれ', 'のぞかれ', '覗き見', 'のぞき見',
  'バレ', 'ばれ', 'フィッシング', '偽サイト', '偽のサイト', '怪しいサイト', '不審なサイト',
  '入力してしま', '入れてしま', '教えてしま', '伝えてしま', '共有してしま', '乗っ取', '不正ログイン',
  '不正アクセス', '使われ', 'メモを', 'メモした', '付箋', 'leak', 'compromis', 'phish', 'exposed',
  'hacked', 'someoneknows',
] as const;

/** Something went wrong by mistake. */
// prettier-ignore
const MISTAKE = ['間違', '誤っ', '誤送', '誤配', '誤り', 'ミス', 'wrong', 'mistake', 'accident'] as const;

/** Sending: mail, fax, attachments. */
// prettier-ignore
const SENDING = [
  'メール', 'fax', 'ファックス', 'ファクス', '添付', '送信', '送っ', '送り', '送付', 'sent', 'send',
] as const;

/** Addressees. */
// prettier-ignore
const ADDRESSEE = ['宛先', '送信先', '送り先', '送付先', 'アドレス', '宛名', 'bcc', 'recipient', 'address'] as const;

/** Systems and the things that fail (12(5)①). */
// prettier-ignore
const SYSTEM = [
  'システム', 'サーバ', 'ネット', 'lanケーブル', '有線lan', '社内lan', 'lanが', 'lanに', 'wifi', 'wi-fi', '無線', 'メール', 'pc', 'パソコン', '端末',
  'プリンタ', '複合機', 'teams', 'チームズ', 'サイト', 'ホームページ', '共有フォルダ', 'グループウェア',
  '電子決裁', 'カードリーダ', 'server', 'system', 'network', 'internet', 'printer', 'computer',
  'website',
] as const;

/** Failure symptoms. */
// prettier-ignore
const FAILURE = [
  '落ち', 'ダウン', '停止', '止まっ', '止まり', '動かな', '動作しな', '起動しな', '使えな',
  'つながらな', '接続できな', 'アクセスできな', '開かな', '送れな', '届かな', 'ログインできな',
  'エラー', 'フリーズ', '固まっ', '壊れ', '故障', '不具合', '遅い', '重い',
  // polite negatives (～ません)
  '動きませ', '動作しませ', '起動しませ', '使えませ', 'つながりませ', '接続できませ', 'アクセスできませ',
  '開きませ', '送れませ', '届きませ', 'ログインできませ', 'isdown', 'wentdown',
  'notworking', 'doesntwork', 'cantconnect', 'cannotconnect', 'error', 'crash', 'broken', 'slow',
  'failure', 'outage',
] as const;

/** Security software (the terminal's virus checker, 11(3)②). */
// prettier-ignore
const SECURITY_SOFTWARE = [
  'ウイルス対策', '対策ソフト', 'セキュリティソフト', 'アンチウイルス', 'ディフェンダー', 'defender',
  'antivirus', 'ウイルスバスター',
] as const;

/** Turning a security function off or changing how it is set (10(4)⑦). */
// prettier-ignore
const SECURITY_SETTING_CHANGE = [
  '設定を', '設定変更', '設定の変更', '設定を変え', '無効に', '無効化', '止めたい', '止めて', '停止', 'オフに',
  '切りたい', '外したい', '解除', '例外に', '除外', 'disable', 'turnoff', 'setting', 'exclude',
] as const;

/** Security functions of a terminal's software (10(4)⑦) besides the virus checker. */
// prettier-ignore
const SECURITY_FUNCTION = [
  'セキュリティ設定', 'セキュリティ機能', 'ファイアウォール', 'firewall', 'bitlocker', '暗号化設定',
  'ユーザーアカウント制御', 'uac', 'スクリーンロック', '画面ロック', 'ロック設定', 'windowsupdate',
  '自動更新', 'securitysetting',
] as const;

/** Install, uninstall, setting changes (10(5)①). */
// prettier-ignore
const INSTALL_ACTION = [
  'インストール', '入れたい', '入れてほし', '入れても', '導入', '設定を', '設定変更', '設定の変更', '無効に',
  '無効化', '止めたい', 'install', 'disable', 'setting',
] as const;

/** Things one opens or runs. */
// prettier-ignore
const OPENABLE = ['添付', 'マクロ', 'リンク', 'url', 'exe', 'zip', 'attachment', 'link'] as const;
// prettier-ignore
const OPENED = [
  '開い', '開き', '開けて', '開けた', '開封', 'クリックし', '実行し', '有効にし', '有効化', '押して',
  '押した', 'ダウンロードし', 'opened', 'clicked', 'downloaded',
] as const;
// prettier-ignore
const SUSPICIOUS = [
  '怪しい', 'あやしい', '不審', '変な', '見知らぬ', '知らない人', '身に覚えのない', '偽の', 'suspicious',
] as const;

/** Software and apps (10(5)①). */
// prettier-ignore
const SOFTWARE = [
  'ソフト', 'アプリ', 'ツール', 'プラグイン', 'アドイン', '拡張機能', 'software', 'application',
] as const;
// prettier-ignore
const SOFTWARE_ACTION = [
  '入れ', '使いたい', '使っていい', '追加', 'ダウンロード', '削除', '消したい', 'アップデート',
  'download', 'remove', 'use',
] as const;

/** "Private / my own" (10(4)②). */
// prettier-ignore
const PRIVATE_OWNER = [
  '個人の', '自分の', '自前の', '自宅の', '家の', 'プライベートの', 'personal', 'private', 'myown',
] as const;
// prettier-ignore
const PRIVATE_THING = [
  'pc', 'パソコン', 'スマホ', 'スマートフォン', '携帯', 'タブレット', 'usb', 'メモリ', '端末', 'ipad',
  'iphone', 'ハードディスク', 'hdd', 'メール', 'アカウント', 'クラウド', 'laptop', 'computer',
  'phone', 'device', 'tablet',
] as const;

/** "Data" as an object of copying or sending (8(3)①エ). */
// prettier-ignore
const DATA = ['個人情報', 'データ', 'ファイル', '資料', '書類', 'data', 'file'] as const;

// ---------------------------------------------------------------------------------------------
// The rule table. Keep one comment per rule citing the article it serves.

// prettier-ignore
export const INTENT_RULES: readonly IntentRule[] = [
  // 私の申請・報告の一覧 (status of one's own cases; a feature of the bot, no article). Highest:
  // "持ち出し申請の状況" asks for the status of an existing case, not for a new one.
  {
    intent: 'my_cases',
    priority: 95,
    articles: [],
    patterns: [
      '私の申請', '私の報告', '私の案件', '自分の申請', '自分の報告', '申請一覧', '報告一覧',
      '案件一覧', '申請状況', '申請の状況', '報告の状況', '申請した件', '報告した件', '承認状況',
      '承認されたか', '進捗', 'マイケース', 'mycase', 'myrequest', 'myreport', 'statusofmy',
    ],
  },
  // 10(6), 12(5)②: terminal or recording medium lost. Above the IC card rule ("SDカードを
  // なくした" is a medium) and above password leaks (the physical loss is the bigger incident;
  // its flow covers the credentials on the device).
  {
    intent: 'device_lost',
    priority: 89,
    articles: ['10(6)', '12(5)②'],
    patterns: [{ all: [DEVICE, LOSS] }],
  },
  // 10(9)①エ, 10(9)②: IC card (社員証・職員証・入館証) lost.
  {
    intent: 'lost_ic_card',
    priority: 88,
    articles: ['10(9)①エ', '10(9)②'],
    patterns: [{ all: [CARD, LOSS] }],
  },
  // 10(4)⑦: changing (or turning off) a security function of a terminal's software is prohibited;
  // refused at once. Before the software rule below and the virus rule.
  {
    intent: 'security_setting',
    priority: 88,
    articles: ['10(4)⑦'],
    patterns: [
      { all: [SECURITY_SOFTWARE, SECURITY_SETTING_CHANGE] },
      { all: [SECURITY_FUNCTION, SECURITY_SETTING_CHANGE] },
    ],
  },
  // 10(5)①: installing the security software is a software request, not a virus report (must beat
  // the virus rule below).
  {
    intent: 'software_install',
    priority: 88,
    articles: ['10(5)①'],
    patterns: [{ all: [SECURITY_SOFTWARE, INSTALL_ACTION] }],
  },
  // 10(8)②カ: password possibly leaked (phishing, shoulder surfing, told to someone …).
  {
    intent: 'password_leak',
    priority: 87,
    articles: ['10(8)②カ'],
    patterns: [{ all: [CREDENTIAL, CREDENTIAL_LEAK] }],
  },
  // 10(8)②カ: password stolen. Below virus ("ウイルスでパスワードを盗まれた": disconnecting the
  // terminal comes first), above device/card theft.
  {
    intent: 'password_leak',
    priority: 84,
    articles: ['10(8)②カ'],
    patterns: [{ all: [CREDENTIAL, THEFT] }],
  },
  // 11(3)⑤⑥, 12(5)②: virus or malware detected, suspicious attachment opened.
  {
    intent: 'virus',
    priority: 85,
    articles: ['11(3)⑤', '11(3)⑥', '12(5)②'],
    patterns: [
      'ウイルス', 'マルウェア', 'ランサム', 'トロイ', 'スパイウェア', 'エモテット', 'emotet',
      '不正プログラム', '不正なプログラム', 'virus', 'malware', 'ransom', 'trojan', 'spyware',
      'infected',
      { all: ['感染', ['pc', 'パソコン', '端末', 'ファイル', 'サーバ', 'メール', 'usb', '添付', 'システム']] },
      { all: [OPENABLE, OPENED] },
      { all: [SUSPICIOUS, ['添付', 'ファイル', 'リンク', 'url', 'メール', 'ポップアップ', '警告', 'attachment', 'link', 'popup']] },
      { all: [SECURITY_SOFTWARE, ['警告', '検知', '検出', 'アラート', '隔離', '駆除', 'alert', 'detect', 'warning', 'quarantin']] },
    ],
  },
  // 11(2)⑦, 12(5)②: an attack on a system (unauthorised access, DoS, tampering), not a virus on one PC.
  // Above virus: "サイバー攻撃でウイルスを…" is about the attack on the system.
  {
    intent: 'cyber_attack',
    priority: 86,
    articles: ['11(2)⑦', '12(5)②'],
    patterns: [
      'サイバー攻撃', 'サイバーアタック', 'dos攻撃', 'ddos', '改ざんされ', '改竄され', '不正侵入',
      '侵入され', 'cyberattack', 'cyber attack', 'intrusion',
      { all: [['システム', 'サーバ', 'ホームページ', 'ウェブサイト', 'サイト', 'ネットワーク'], ['攻撃', '不正アクセス']] },
    ],
  },
  // 10(6), 12(5)②: terminal or medium stolen. Below virus and password rules, because
  // "PCからパスワードを盗まれた" is about the password, not the PC.
  {
    intent: 'device_lost',
    priority: 83,
    articles: ['10(6)', '12(5)②'],
    patterns: [{ all: [DEVICE, THEFT] }],
  },
  // 10(9)①エ, 10(9)②: IC card stolen.
  {
    intent: 'lost_ic_card',
    priority: 82,
    articles: ['10(9)①エ', '10(9)②'],
    patterns: [{ all: [CARD, THEFT] }],
  },
  // 8(3)①キ, 10(6), 12(5)②: e-mail (or fax) sent to the wrong person.
  {
    intent: 'misdirected_mail',
    priority: 75,
    articles: ['8(3)①キ', '10(6)', '12(5)②'],
    patterns: [
      '誤送信', '誤送付', '誤配信', '誤爆', '送信ミス', 'misdirect', 'missent', 'wrongperson',
      'wrongrecipient', 'wrongaddress', 'wrongメール',
      { all: [SENDING, MISTAKE] },
      { all: [ADDRESSEE, MISTAKE] },
      { all: [SENDING, ['違う人', '違う相手', '違うアドレス', '別の人', '別人', '関係のない人', '関係ない人', '無関係の']] },
      { all: [['ccで', 'ccに'], ['送', 'bcc']] },
    ],
  },
  // 12(5)①, 10(9)①: an IC card that no longer works is a failure, not a loss.
  {
    intent: 'system_failure',
    priority: 66,
    articles: ['12(5)①'],
    patterns: [{ all: [CARD, ['使えな', '使えませ', '反応しな', '反応しませ', '読み取れな', '読み取れませ', '読めな', '認識しな', '認識しませ', 'エラー', 'notworking']] }],
  },
  // 12(5)①: system failure (障害).
  {
    intent: 'system_failure',
    priority: 65,
    articles: ['12(5)①'],
    patterns: [
      '障害が', '障害発生', '障害です', '障害で', '障害の', '障害か', '障害に', '障害を', '障害報告',
      '障害対応', 'システム障害', '通信障害', 'システムダウン', 'サーバダウン', 'つながらない',
      '接続できない', 'ログインできない', 'フリーズ', '動かない', '起動しない', 'つながりません',
      '接続できません', 'ログインできません', '動きません', '起動しません', '停電', 'outage',
      'systemfailure', 'cantconnect', 'cannotconnect',
      { all: [SYSTEM, FAILURE] },
    ],
  },
  // 12(6)①②: exception measure (例外措置) when a provision cannot be kept.
  {
    intent: 'exception',
    priority: 62,
    articles: ['12(6)①', '12(6)②'],
    patterns: [
      '例外', '特例', '適用除外', '規程どおり', '規定どおり', '規則どおり', 'ルールどおり', '基準どおり',
      'ポリシーどおり', '守れない', '守ることができない', '遵守できない', '遵守が困難', '遵守困難',
      'exception', 'waiver', 'cannotcomply', 'cantcomply',
    ],
  },
  // 8(3)①エオカ, 10(4)①③⑥: taking data, terminals or media out of the office.
  {
    intent: 'takeout',
    priority: 60,
    articles: ['8(3)①エ', '8(3)①オ', '8(3)①カ', '10(4)①', '10(4)③', '10(4)⑥'],
    patterns: [
      '持ち出', '持ち帰', '持って行', '持参', '庁外', '外出先', '出張先', '自宅で作業', '自宅で仕事',
      '家で作業', '家で仕事', 'テレワーク', '在宅勤務', '外部に送', '外部へ送', '社外に送', '庁外に送',
      'takeout', 'takehome', 'bringhome', 'carryout',
    ],
  },
  // 10(3), 10(4)②: private device or external service (free mail, cloud storage …) for work.
  {
    intent: 'private_device',
    priority: 57,
    articles: ['10(3)', '10(4)②'],
    patterns: [
      '私物', '私有', '個人所有', '個人用', '個人持ち', 'byod', 'クラウドストレージ', 'オンラインストレージ',
      'ネットワークストレージ', 'ストレージサービス', 'ファイル転送サービス', 'クラウドサービス',
      'dropbox', 'googleドライブ', 'グーグルドライブ', 'googledrive', 'icloud', 'ギガファイル',
      'フリーメール', 'gmail', 'yahooメール', 'ヤフーメール', 'hotmail', 'outlook.com', '外部サービス',
      '外部のサービス', 'webサービス', 'sns', 'chatgpt', 'チャットgpt', '生成ai', '翻訳サイト', 'deepl',
      'google翻訳', 'cloudstorage', 'freeメール', 'externalservice',
      { all: [PRIVATE_OWNER, PRIVATE_THING] },
    ],
  },
  // 9(3)③: building a network wireless (統括's permission).
  {
    intent: 'wireless_lan',
    priority: 58,
    articles: ['9(3)③'],
    patterns: [
      '無線lan整備', '無線lanの整備', '無線lanを整備', '無線lanを構築', '無線lanの構築', '無線lanを導入',
      '無線lanの導入', '無線lan導入', '無線lanを設置', '無線lanの設置', '無線lan申請', '無線ネットワーク',
      '無線回線', 'wi-fiを設置', 'wi-fiの設置', 'wifiを設置', 'wifiの設置', 'wi-fiを導入', 'wifiを導入',
      'アクセスポイントを設置', 'アクセスポイントの設置', 'wirelesslan', 'wirelessnetwork',
    ],
  },
  // 11(2)②③: connecting a system to an external network (IT管理者 consulted, 統括 approves).
  {
    intent: 'external_connection',
    priority: 58,
    articles: ['11(2)②', '11(2)③'],
    patterns: [
      '外部ネットワーク', '外部の通信ネットワーク', '外部通信ネットワーク', '外部のネットワーク', '外部接続',
      '外部と接続', 'インターネットに接続したい', 'インターネットへ接続したい', 'インターネット接続を',
      'vpn接続', 'vpnで接続', 'externalnetwork', 'externalconnection',
    ],
  },
  // 10(5)①: install / uninstall software or change settings.
  {
    intent: 'software_install',
    priority: 55,
    articles: ['10(5)①'],
    patterns: [
      'インストール', '導入し', '導入申請', 'ソフト導入', '設定変更', '設定を変更', '設定を変え', '設定変え',
      'install', 'changesetting', 'changethesetting', 'settingschange',
      { all: [SOFTWARE, SOFTWARE_ACTION] },
    ],
  },
  // 8(3)①エ: copying or outputting data (class I needs permission even to copy) — a take-out.
  {
    intent: 'takeout',
    priority: 50,
    articles: ['8(3)①エ'],
    patterns: [
      { all: [DATA, ['コピーし', '複製', '書き出', '印刷し', '出力し', 'usbに', '媒体に', 'copy']] },
      { all: [['take', 'took', 'bring', 'carry'], ['out', 'home', 'outside', 'trip']] },
    ],
  },
  // 10(9)③: the officer records an IC card renewal (old card collected and destroyed).
  {
    intent: 'ic_card_renewal',
    priority: 52,
    articles: ['10(9)③'],
    patterns: [
      { all: [CARD, ['更新', '破砕', '裁断', '回収し', '回収した', 'renew']] },
      'icカード更新', '旧カードの廃棄', '旧カードを廃棄',
    ],
  },
  // 10(9)③: IC card reissue / renewal (the old card is collected and destroyed).
  {
    intent: 'lost_ic_card',
    priority: 50,
    articles: ['10(9)③'],
    patterns: [{ all: [CARD, ['再発行', '再交付', 'reissue']] }],
  },
  // 10(8)②カ, 12(5)②: unauthorised login or a phishing message.
  {
    intent: 'password_leak',
    priority: 45,
    articles: ['10(8)②カ'],
    patterns: ['不正ログイン', 'フィッシング', 'phishing'],
  },
  // 11(2)⑦: unauthorised access named alone is an attack on a system; with a password it is the
  // password flow (the rules above).
  {
    intent: 'cyber_attack',
    priority: 46,
    articles: ['11(2)⑦'],
    patterns: ['不正アクセス', 'unauthorisedaccess', 'unauthorizedaccess'],
  },
  // 11(3)⑤, 12(5)②: takeover or hacking of a terminal, security warnings.
  {
    intent: 'virus',
    priority: 40,
    articles: ['11(3)⑤', '12(5)②'],
    patterns: ['乗っ取', 'ハッキング', 'hacked', '警告が出', '警告画面', 'セキュリティ警告'],
  },
  // 10(8)②カ: a message that only names the password → the password flow asks the rest.
  {
    intent: 'password_leak',
    priority: 30,
    articles: ['10(8)②カ'],
    patterns: ['パスワード', '暗証番号', 'password'],
  },
  // 10(9)①エ: a message that only names the IC card → the IC card flow asks the rest.
  {
    intent: 'lost_ic_card',
    priority: 20,
    articles: ['10(9)①エ'],
    patterns: ['icカード', 'iccard', '社員証', '職員証', '入館証'],
  },
  // 6ウ, 12(5)②エ, 10(2)②: an alert over the contact tree (who may send is checked when it starts).
  // Below every report: 「一斉通知で不審なメールを開いた」 is a virus report.
  {
    intent: 'broadcast',
    priority: 15,
    articles: ['6ウ', '12(5)②エ', '10(2)②'],
    patterns: [
      '一斉通知を', '一斉通知の作成', '一斉連絡を', '一斉送信を', '安否確認を', '連絡網で通知', '連絡網で連絡',
      'sendabroadcast', 'broadcastto',
    ],
  },
  // 8(3)②アイオ: media handover, storage and disposal records. Below every report: a lost or stolen
  // medium is a report (device_lost), not a ledger entry.
  {
    intent: 'media',
    priority: 12,
    articles: ['8(3)②ア', '8(3)②イ', '8(3)②オ'],
    patterns: [
      '媒体台帳', '媒体の台帳', '媒体の授受', '媒体の保管', '媒体の廃棄', '廃棄の許可', '廃棄申請', '廃棄の申請',
      { all: [DEVICE, ['廃棄', '授受', '保管台帳', '処分']] },
      'mediarecord', 'medialedger', 'disposeof',
    ],
  },
  // Help (how to use the bot; no article). Lowest: a greeting in front of a report must not hide the report.
  {
    intent: 'help',
    priority: 10,
    articles: [],
    patterns: [
      'ヘルプ', 'help', 'メニュー', 'menu', '使い方', '使いかた', '何ができ', 'なにができ', 'できること',
      '操作方法', 'こんにちは', 'こんにちわ', 'おはよう', 'こんばんは', 'はじめまして', 'hello',
      'howtouse', 'whatcanyoudo',
    ],
  },
];

/** Whole-message commands (after normalisation). Menu labels of the flows are included. */
// prettier-ignore
export const EXACT_COMMANDS: Readonly<Record<Intent, readonly string[]>> = {
  help: [
    'ヘルプ', 'help', 'メニュー', 'menu', 'こんにちは', 'こんにちわ', 'はじめる', '始める', 'スタート',
    'start', 'hello', 'hi', 'hey', 'おはようございます', 'こんばんは', 'はじめまして', '使い方',
  ],
  my_cases: [
    '私の申請', '私の報告', '私の案件', '自分の申請', '自分の報告', '申請一覧', '報告一覧', 'マイケース',
    'my cases', 'my case', 'my requests', 'my reports',
  ],
  my_tasks: ['担当', '担当案件', '承認待ち', '対応待ち', 'たんとう', 'my tasks', 'tasks'],
  absence: ['不在', '不在設定', '不在登録', '不在解除', 'ふざい', 'out of office', 'absence'],
  unreachable: ['連絡不可', '連絡不可一覧', '未到達', '未到達一覧', '届いていない人', 'unreachable'],
  compliance: ['遵守状況', '遵守状況報告', '遵守状況の報告', 'コンプライアンス状況', 'compliance', 'compliance summary'],
  directory_import: ['連絡網の取り込み', '連絡網取込', '連絡網取り込み', '連絡網の更新', '連絡網インポート', 'import directory'],
  directory_export: ['連絡網の書き出し', '連絡網出力', '連絡網のダウンロード', '連絡網エクスポート', 'export directory'],
  directory_check: ['連絡網確認', '連絡網のチェック', '連絡網チェック', 'check directory'],
  broadcasts: [
    '通知の状況', '一斉通知の結果', '一斉通知の状況', '未回答者', '未回答者一覧', '未回答の人', '通知の結果',
    '安否確認の結果', 'broadcast results', 'broadcasts', 'non-responders',
  ],
  broadcast: [
    '一斉通知', '緊急連絡', '安否確認', '連絡網で通知', '一斉連絡', '一斉送信', '緊急連絡網で通知',
    'broadcast', 'send alert', 'send a broadcast',
  ],
  media: [
    '媒体の記録', '媒体台帳', '記録媒体', '記録媒体の管理', '記録媒体の記録', '媒体の管理', '媒体の廃棄',
    '廃棄申請', 'media records', 'media ledger', 'media',
  ],
  contracts: ['委託契約', '委託契約一覧', '委託契約の登録', '外部委託', '委託先', 'contracts', 'contractors'],
  ledger: ['台帳', '台帳一覧', '記録簿', '持ち出し記録', 'インシデント記録', '例外措置台帳', 'ledger', 'ledgers'],
  duties: ['定期業務', '今月の定期業務', '定期点検', '今月の点検', 'periodic duties', 'duties', 'this month’s duties'],
  lost_ic_card: ['ICカード紛失', 'ICカード'],
  virus: ['ウイルス検知', 'ウイルス感染', 'ウイルス'],
  misdirected_mail: ['メール誤送信', '誤送信'],
  takeout: ['持ち出し申請', '持ち出し'],
  exception: ['例外措置', '例外措置申請'],
  password_leak: ['パスワード漏えい', 'パスワード流出'],
  device_lost: ['端末紛失', '端末・記録媒体の紛失', '記録媒体紛失'],
  system_failure: ['障害', 'システム障害', '障害報告'],
  cyber_attack: ['サイバー攻撃', '不正アクセス', 'cyber attack'],
  guidance: ['指導記録', '違反指導', '指導', 'guidance records'],
  software_install: ['ソフトウェアインストール', 'ソフトウェア導入', 'インストール申請'],
  private_device: ['私物端末', '私物利用', '外部サービス利用'],
  wireless_lan: ['無線LAN', '無線LAN申請', '無線LAN整備'],
  external_connection: ['外部ネットワーク接続', '外部接続申請'],
  ic_card_renewal: ['ICカード更新', 'ICカード更新記録', 'ICカードの更新'],
  security_setting: ['セキュリティ設定変更', 'セキュリティ設定の変更'],
};

// ---------------------------------------------------------------------------------------------
// Compilation (once, at module load) and matching.

type CompiledPattern = readonly (readonly string[])[]; // AND of ORs

interface CompiledRule {
  readonly intent: Intent;
  readonly priority: number;
  readonly patterns: readonly CompiledPattern[];
}

function compileKeyword(keyword: string): string {
  const key = normalizeText(keyword);
  if (key === '') throw new Error(`intent keyword normalises to nothing: ${JSON.stringify(keyword)}`);
  return key;
}

function compileTerm(term: Term): readonly string[] {
  return (typeof term === 'string' ? [term] : term).map(compileKeyword);
}

function compilePattern(pattern: Pattern): CompiledPattern {
  return typeof pattern === 'string' ? [compileTerm(pattern)] : pattern.all.map(compileTerm);
}

const COMPILED_RULES: readonly CompiledRule[] = INTENT_RULES.map((rule) => ({
  intent: rule.intent,
  priority: rule.priority,
  patterns: rule.patterns.map(compilePattern),
}));

const EXACT_INDEX: ReadonlyMap<string, Intent> = (() => {
  const index = new Map<string, Intent>();
  const add = (text: string, intent: Intent): void => {
    const key = compileKeyword(text);
    const existing = index.get(key);
    if (existing !== undefined && existing !== intent) {
      throw new Error(`exact command ${JSON.stringify(text)} maps to both ${existing} and ${intent}`);
    }
    index.set(key, intent);
  };
  for (const intent of INTENTS) {
    add(intent, intent); // the intent id itself, e.g. from a card button or a typed command
    for (const text of EXACT_COMMANDS[intent]) add(text, intent);
    // Its name in the catalogue, in both languages: the menu button, the case title and the
    // Teams command are one name, and typing it always starts the flow.
    for (const locale of LOCALES) add(t(locale, `intent.${intent}`), intent);
  }
  return index;
})();

function patternMatches(pattern: CompiledPattern, text: string): boolean {
  return pattern.every((alternatives) => alternatives.some((key) => text.includes(key)));
}

/**
 * Recognise what a staff member asks for. Returns null when nothing matches (the caller then
 * shows the menu).
 */
export function detectIntent(text: string): IntentMatch | null {
  const key = normalizeText(text);
  if (key === '') return null;

  const exact = EXACT_INDEX.get(key);
  if (exact !== undefined) return { intent: exact, confidence: 'exact' };

  let best: CompiledRule | undefined;
  for (const rule of COMPILED_RULES) {
    if (best !== undefined && rule.priority <= best.priority) continue;
    if (rule.patterns.some((p) => patternMatches(p, key))) best = rule;
  }
  return best === undefined ? null : { intent: best.intent, confidence: 'keyword' };
}
