// Text normalisation for rule-based intent recognition (see intent-rules.ts).
// Everything runs locally: staff messages may hold classified data and must not leave the
// organisation, so there is no LLM or external service here.
//
// The output is a matching key, not something to show to people. The same function is applied
// to the keywords of the rule table, so the two always agree on spelling.
//
// Steps, in order:
//   1. NFKC: full-width ASCII and half-width kana collapse to one form (ＩＣ→IC, ﾒｰﾙ→メール).
//   2. Lower-case ASCII.
//   3. Dashes and long-vowel marks (ー－―‐- …): a run after kana becomes one "ー"
//      (パスワ-ド→パスワード, めーーる→めーる); any other dash is dropped (e-mail→email).
//   4. A word-final "ー" of a katakana word is dropped, so that JIS-style spellings meet
//      (サーバー/サーバ, メモリー/メモリ). "Word-final" = followed, after any spaces, by something
//      other than katakana; this must run before step 5, which turns particles into katakana.
//   5. Hiragana → katakana (ういるす→ウイルス, なくした→ナクシタ).
//   6. Spelling variants fold to one form (ウィルス/ビールス→ウイルス, e-mail/Eメール→メール,
//      PW→パスワード, アイシー→ic, 無くした/失くした→なくした, もちだし/持ち出し→持出, …).
//   7. Spaces, punctuation, symbols, emoji and control characters are removed.

const HIRA = '\\u3041-\\u3096\\u309D-\\u309F';
// Katakana letters without the middle dot (U+30FB) and the long-vowel mark (U+30FC).
const KATA = '\\u30A1-\\u30FA\\u30FD-\\u30FF\\u31F0-\\u31FF';
const KANA = HIRA + KATA;
// Hyphen-minus, hyphens and dashes, minus sign, box-drawing lines, long-vowel marks
// (full-width and half-width forms are listed although NFKC already maps most of them).
const DASH = '\\-\\u2010-\\u2015\\u2212\\u2500\\u2501\\u30FC\\uFE63\\uFF0D\\uFF70';

const DASH_AFTER_KANA = new RegExp(`(?<=[${KANA}])[${DASH}]+`, 'gu');
const OTHER_DASH = new RegExp(`(?<![${KANA}])[${DASH}]+`, 'gu');
const KATA_WORD_FINAL_CHOON = new RegExp(`(?<=[${KATA}])ー(?=\\s*(?:[^${KATA}\\s]|$))`, 'gu');
const HIRA_WORD_FINAL_CHOON = new RegExp(`(?<=[${HIRA}])ー(?=\\s*(?:[^${KANA}\\s]|$))`, 'gu');
const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/gu;
const UPPER_ASCII = /[A-Z]+/g;
const STRIP = /[\s\p{P}\p{S}\p{Z}\p{C}\p{Extended_Pictographic}\uFE0E\uFE0F\u20E3]/gu;

/**
 * Spelling variants, applied in order after steps 1–5 (so sources are lower-case ASCII and
 * katakana; spaces are still present, so ASCII words can be matched whole).
 */
const VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  // e-mail / E-Mail / Eメール / mail → メール (webmail names such as gmail stay as they are).
  [/(?<![a-z0-9])e\s?mails?(?![a-z])/g, 'メール'],
  [/(?<![a-z0-9])mails?(?![a-z])/g, 'メール'],
  [/(?<![a-z0-9])eメール/g, 'メール'],
  // PW / PWD as a word → パスワード.
  [/(?<![a-z0-9])pwd?(?![a-z0-9])/g, 'パスワード'],
  // Katakana spellings of Latin abbreviations. Step 4 may have dropped the final ー.
  [/アイシー/g, 'ic'],
  [/アイシ(?=\s*(?:カード|カド|ヲ|ガ|ノ|ハ|モ|$))/g, 'ic'],
  [/ユーエスビー?/g, 'usb'],
  [/ピーシー?/g, 'pc'],
  // Virus / malware spellings.
  [/(?:ウィルス|ヴィルス|ウヰルス|ビールス)/g, 'ウイルス'],
  [/マルウエア/g, 'マルウェア'],
  // 無くした / 失くした / 亡くした → ナクシタ (same as なくした).
  [/[無失亡]ク/g, 'ナク'],
  // Take-out: 持ち出し / 持出し / もちだし → 持出シ; 持ち帰る / 持って帰る / もちかえる → 持帰ル;
  // 持っていく → 持ッテ行ク.
  [/(?:持チ出|モチダ)/g, '持出'],
  [/(?:持ッテ帰|持チ帰|モチカエ|モッテカエ)/g, '持帰'],
  [/(?:持ッテイ|モッテイ|モッテ行)(?=[カキクケコッ])/g, '持ッテ行'],
  // つながらない / 繋がらない.
  [/繋/g, 'ツナ'],
  // 規程通り / 規程どおり.
  [/通リ/g, 'ドオリ'],
  // まちがえた / 間違えた.
  [/マチガ/g, '間違'],
  // 宛て先 / 宛先.
  [/宛テ先/g, '宛先'],
];

/** Normalise free text into the key that intent rules match against (see header). */
export function normalizeText(s: string): string {
  let t = s.normalize('NFKC');
  t = t.replace(UPPER_ASCII, (m) => m.toLowerCase());
  t = t.replace(DASH_AFTER_KANA, 'ー').replace(OTHER_DASH, '');
  t = t.replace(KATA_WORD_FINAL_CHOON, '').replace(HIRA_WORD_FINAL_CHOON, '');
  t = t.replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  for (const [re, to] of VARIANTS) t = t.replace(re, to);
  return t.replace(STRIP, '');
}
