import { describe, expect, it } from 'vitest';
import { INTENTS, type Intent } from '../../src/domain/intents';
import { EXACT_COMMANDS, INTENT_RULES, detectIntent } from '../../src/domain/intent-rules';
import { normalizeText } from '../../src/domain/normalize';

describe('normalizeText', () => {
  it.each<[string, string]>([
    // full-width / half-width
    ['ＩＣカード', 'icカード'],
    ['ｉｃカード', 'icカード'],
    ['ＵＳＢメモリ', 'usbメモリ'],
    ['ﾒｰﾙ', 'メール'],
    ['ﾊﾟｽﾜｰﾄﾞ', 'パスワード'],
    ['１２３', '123'],
    // hiragana → katakana
    ['ういるす', 'ウイルス'],
    ['めーる', 'メール'],
    // long-vowel marks and dashes
    ['パスワ-ド', 'パスワード'],
    ['パスワ－ド', 'パスワード'],
    ['パスワ―ド', 'パスワード'],
    ['パスワ‐ド', 'パスワード'],
    ['メーール', 'メール'],
    ['サーバーが落ちた', 'サーバガ落チタ'],
    ['サーバが落ちた', 'サーバガ落チタ'],
    ['USBメモリー', 'usbメモリ'],
    ['フリー メール', 'フリーメール'],
    // spelling variants
    ['ウィルス', 'ウイルス'],
    ['ビールス', 'ウイルス'],
    ['マルウエア', 'マルウェア'],
    ['e-mail', 'メール'],
    ['E-Mail', 'メール'],
    ['Eメール', 'メール'],
    ['ｅメール', 'メール'],
    ['PW', 'パスワード'],
    ['upward', 'upward'],
    ['アイシーカード', 'icカード'],
    ['アイシーをなくした', 'icヲナクシタ'],
    ['無くした', 'ナクシタ'],
    ['失くした', 'ナクシタ'],
    ['なくした', 'ナクシタ'],
    ['持ち出し', '持出シ'],
    ['持出し', '持出シ'],
    ['もちだし', '持出シ'],
    ['持ち帰る', '持帰ル'],
    ['持って帰る', '持帰ル'],
    ['持っていく', '持ッテ行ク'],
    ['ネットに繋がらない', 'ネットニツナガラナイ'],
    ['規程通り', '規程ドオリ'],
    // spaces, punctuation, emoji
    ['「ヘルプ」。', 'ヘルプ'],
    ['USB メモリ！？', 'usbメモリ'],
    ['I lost my IC card.', 'ilostmyiccard'],
    ['', ''],
    ['   \t\n', ''],
    ['😀👍🏻', ''],
    ['❤️‍🔥', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['なくした', '無くした', '失くした'],
    ['持ち出し', '持出し', 'もちだし'],
    ['メール', 'めーる', 'e-mail', 'Eメール', 'ﾒｰﾙ'],
    ['ウイルス', 'ウィルス', 'ういるす', 'ビールス'],
    ['パスワード', 'PW', 'パスワ-ド', 'ﾊﾟｽﾜｰﾄﾞ'],
    ['ICカード', 'ＩＣカード', 'ｉｃカード', 'アイシーカード', 'icカード'],
    ['持ち帰り', '持って帰り', 'もちかえり'],
  ])('variants of %s normalise alike', (...variants) => {
    const keys = new Set(variants.map(normalizeText));
    expect(keys.size).toBe(1);
  });

  it.each([
    'サーバーが落ちた',
    'ＩＣカードを無くしました！',
    'ねー',
    'すごーい',
    'パスワ-ドをPWに',
    'E-Mail を送った',
  ])('is idempotent for %j', (input) => {
    const once = normalizeText(input);
    expect(normalizeText(once)).toBe(once);
  });
});

describe('detectIntent: exact commands', () => {
  it.each<[string, Intent]>([
    ['ヘルプ', 'help'],
    ['help', 'help'],
    ['HELP', 'help'],
    ['メニュー', 'help'],
    ['menu', 'help'],
    ['こんにちは', 'help'],
    ['はじめる', 'help'],
    ['「ヘルプ」', 'help'],
    ['私の申請', 'my_cases'],
    ['私の報告', 'my_cases'],
    ['申請一覧', 'my_cases'],
    ['マイケース', 'my_cases'],
    ['my cases', 'my_cases'],
    ['持ち出し申請', 'takeout'],
    ['障害', 'system_failure'],
    ['例外措置', 'exception'],
    ['lost_ic_card', 'lost_ic_card'],
  ])('%j → %s (exact)', (text, intent) => {
    expect(detectIntent(text)).toEqual({ intent, confidence: 'exact' });
  });
});

describe('detectIntent: keyword rules', () => {
  it.each<[string, Intent]>([
    // lost_ic_card — 10(9)①エ
    ['ICカードをなくしました', 'lost_ic_card'],
    ['ＩＣカードを紛失してしまいました', 'lost_ic_card'],
    ['ｉｃカードを無くした', 'lost_ic_card'],
    ['あいしーかーどをなくしました', 'lost_ic_card'],
    ['社員証を落とした', 'lost_ic_card'],
    ['職員証が見当たらないです', 'lost_ic_card'],
    ['入館証を電車に置き忘れてしまいました', 'lost_ic_card'],
    ['カードを失くしたかもしれません', 'lost_ic_card'],
    ['ICカードを盗まれました', 'lost_ic_card'],
    ['ICカードと暗証番号のメモを落とした', 'lost_ic_card'],
    ['ICカード紛失の申請方法を教えて', 'lost_ic_card'],
    ['ICカードの再発行をお願いしたいのですが', 'lost_ic_card'],
    ['I lost my IC card', 'lost_ic_card'],
    ['My badge is missing', 'lost_ic_card'],
    // device_lost — 10(4), 12(5)②
    ['USBメモリをなくした', 'device_lost'],
    ['ＵＳＢメモリーを紛失しました', 'device_lost'],
    ['ノートPCを盗まれた', 'device_lost'],
    ['タブレットを紛失', 'device_lost'],
    ['スマホをなくした', 'device_lost'],
    ['業務用スマートフォンを落としてしまいました', 'device_lost'],
    ['記録媒体が見つからない', 'device_lost'],
    ['SDカードを無くしました', 'device_lost'],
    ['パソコンを電車に置き忘れてきました', 'device_lost'],
    ['My laptop was stolen', 'device_lost'],
    // misdirected_mail — 8(3)①キ, 10(6)
    ['メールを間違えて送ってしまった', 'misdirected_mail'],
    ['誤送信してしまいました', 'misdirected_mail'],
    ['宛先を間違えた', 'misdirected_mail'],
    ['めーるを別の人に送ってしまいました', 'misdirected_mail'],
    ['BCCにすべきところをCCで送ってしまった', 'misdirected_mail'],
    ['FAXを誤って違う番号に送付しました', 'misdirected_mail'],
    ['e-mailの宛て先をまちがえました', 'misdirected_mail'],
    ['I sent an email to the wrong person', 'misdirected_mail'],
    // virus — 11(3)⑤
    ['ウイルスに感染したかも', 'virus'],
    ['ウィルスに感染したかもしれません', 'virus'],
    ['ういるすが出ました', 'virus'],
    ['ビールスにやられた', 'virus'],
    ['ウイルス対策ソフトが警告を出した', 'virus'],
    ['セキュリティソフトが何か検知しました', 'virus'],
    ['怪しい添付ファイルを開いてしまった', 'virus'],
    ['マルウエアかもしれないファイルを実行しました', 'virus'],
    ['ランサムウェアでファイルが暗号化された', 'virus'],
    ['PCがウイルスに感染してパスワードも盗まれたかも', 'virus'],
    ['I think my PC has a virus', 'virus'],
    // password_leak — 10(8)②カ
    ['パスワードが漏れたかも', 'password_leak'],
    ['パスワードをフィッシングサイトに入力してしまった', 'password_leak'],
    ['PWを同僚に教えてしまいました', 'password_leak'],
    ['パスワ－ドが流出した可能性があります', 'password_leak'],
    ['暗証番号を人に見られました', 'password_leak'],
    ['アカウントが乗っ取られたみたいです', 'password_leak'],
    ['My password may have been leaked', 'password_leak'],
    ['PCからパスワードを盗まれたかもしれない', 'password_leak'],
    ['パスワード付きのUSBメモリを紛失しました', 'device_lost'],
    // system_failure — 12(5)①
    ['システムが動かない', 'system_failure'],
    ['サーバが落ちた', 'system_failure'],
    ['サーバーがダウンしています', 'system_failure'],
    ['ネットワークにつながらない', 'system_failure'],
    ['ネットに繋がりません。繋がらないです', 'system_failure'],
    ['システム障害が発生しています', 'system_failure'],
    ['プリンタが故障しました', 'system_failure'],
    ['ICカードが反応しない', 'system_failure'],
    ['The server is down', 'system_failure'],
    ['ログインできません', 'system_failure'],
    ['パソコンが起動しません', 'system_failure'],
    ['社員証がカードリーダーで反応しません', 'system_failure'],
    // takeout — 8(3)①エオカ, 10(4)①
    ['データを持ち出したい', 'takeout'],
    ['USBで持ち帰りたい', 'takeout'],
    ['PCを出張に持って行きたい', 'takeout'],
    ['資料を自宅にもちかえりたいのですが', 'takeout'],
    ['持出申請の方法を教えて', 'takeout'],
    ['個人情報をUSBにコピーしたい', 'takeout'],
    ['ノートパソコンを持っていきたいです', 'takeout'],
    ['I want to take out data', 'takeout'],
    // exception — 12(6)
    ['例外措置の申請方法を教えて', 'exception'],
    ['規程どおりにできない', 'exception'],
    ['規程通りにできない業務があります', 'exception'],
    ['ルールの例外をお願いしたい', 'exception'],
    ['I need an exception to the policy', 'exception'],
    // software_install — 10(5)①
    ['ソフトをインストールしたい', 'software_install'],
    ['アプリを入れたい', 'software_install'],
    ['アンインストール', 'software_install'],
    ['設定変更したい', 'software_install'],
    ['フリーソフトを使いたいのですが', 'software_install'],
    ['ウイルス対策ソフトをインストールしたい', 'software_install'],
    ['I want to install software', 'software_install'],
    // security_setting — 10(4)⑦ (refused at once; installing the security software stays above)
    ['ウイルス対策ソフトを無効にしたい', 'security_setting'],
    ['セキュリティソフトを一時的に止めたい', 'security_setting'],
    ['ファイアウォールを無効にしてほしい', 'security_setting'],
    ['セキュリティ設定を変更したい', 'security_setting'],
    ['I want to disable the antivirus', 'security_setting'],
    // wireless_lan — 9(3)③
    ['無線LANを整備したい', 'wireless_lan'],
    ['倉庫にWi-Fiを設置したい', 'wireless_lan'],
    ['アクセスポイントを設置したいです', 'wireless_lan'],
    // external_connection — 11(2)②③
    ['監視システムを外部ネットワークに接続したい', 'external_connection'],
    ['保守業者とVPN接続したい', 'external_connection'],
    ['外部接続の申請', 'external_connection'],
    // ic_card_renewal — 10(9)③
    ['ICカードを更新したので旧カードを破砕した', 'ic_card_renewal'],
    ['職員証の更新で古いカードを回収した', 'ic_card_renewal'],
    // private_device — 10(3), 10(4)②
    ['私物のPC', 'private_device'],
    ['私物スマホを業務で使いたい', 'private_device'],
    ['個人のUSB', 'private_device'],
    ['クラウドストレージを使いたい', 'private_device'],
    ['フリーメールを使いたい', 'private_device'],
    ['外部サービスを利用したいです', 'private_device'],
    ['Gmailで送ってもいいですか', 'private_device'],
    ['自分のスマホで仕事をしたい', 'private_device'],
    ['Can I use my personal phone for work?', 'private_device'],
    // my_cases
    ['私の申請を見せて', 'my_cases'],
    ['持ち出し申請の状況を知りたい', 'my_cases'],
    ['Show my requests', 'my_cases'],
    // help
    ['使い方を教えてください', 'help'],
    ['何ができますか', 'help'],
    ['ヘルプお願いします', 'help'],
    ['こんにちは、ICカードをなくしました', 'lost_ic_card'],
  ])('%j → %s', (text, intent) => {
    expect(detectIntent(text)).toEqual({ intent, confidence: 'keyword' });
  });
});

describe('detectIntent: unknown text', () => {
  it.each([
    '',
    '   ',
    '。。。！？',
    '😀👍🏻',
    '今日の天気は？',
    'ありがとう',
    'お疲れさまです',
    '了解しました',
    'asdfghjkl',
    'ランチに行きましょう',
    '12345',
    'thank you',
  ])('%j → null', (text) => {
    expect(detectIntent(text)).toBeNull();
  });
});

describe('rule table', () => {
  it('every rule of a flow names its articles, and a known intent', () => {
    for (const rule of INTENT_RULES) {
      // Help and the lists are the bot's own commands: no article prescribes them.
      if (rule.intent !== 'help' && rule.intent !== 'my_cases')
        expect(rule.articles.length).toBeGreaterThan(0);
      else expect(rule.articles).toEqual([]);
      expect(INTENTS).toContain(rule.intent);
      expect(rule.patterns.length).toBeGreaterThan(0);
    }
  });

  it('every intent is reachable by a rule or an exact command', () => {
    for (const intent of INTENTS) {
      const byRule = INTENT_RULES.some((r) => r.intent === intent);
      expect(byRule || EXACT_COMMANDS[intent].length > 0).toBe(true);
    }
  });

  it('every exact command is recognised as exact', () => {
    for (const intent of INTENTS) {
      for (const text of EXACT_COMMANDS[intent]) {
        expect(detectIntent(text)).toEqual({ intent, confidence: 'exact' });
      }
    }
  });
});
