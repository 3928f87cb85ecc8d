// The one place where citation text is composed: 「根拠: 対策基準 10(9)①エ・10(9)②」, 「運用ルール」,
// 「個人情報保護法 68条1項」. Every card, message and notice renders its citations through these
// functions, from ids of the article table (domain/articles.ts); nothing else writes 「対策基準 …」.
// test/domain/articles.test.ts checks that no other file composes citation text.
import {
  citationList,
  isArticleId,
  isCitation,
  LAWS,
  OPERATING_RULE,
  type Citations,
} from '../domain/articles';
import { t, type Locale } from './i18n';

/**
 * 「対策基準 10(9)①エ・10(9)②、運用ルール」: articles of the standard first (one 「対策基準」 for all),
 * then laws, then the operating rule; each once. Ids that are not in the table (e.g. an old stored
 * row) are left out; '' when nothing is left.
 */
export function citationText(locale: Locale, cites: Citations): string {
  // Stored data (audit rows, recipients' reasons) is read back as `Citations`; check at run time too.
  const list = citationList(cites).filter(isCitation);
  const articles = list.filter(isArticleId);
  const groups: string[] = [];
  if (articles.length > 0) {
    groups.push(t(locale, 'citation.standard', { articles: articles.join(t(locale, 'citation.separator')) }));
  }
  for (const c of list) {
    if (c !== OPERATING_RULE && !isArticleId(c)) groups.push(LAWS[c][locale]);
  }
  if (list.includes(OPERATING_RULE)) groups.push(t(locale, 'citation.operatingRule'));
  return groups.join(t(locale, 'citation.groupSeparator'));
}

/** 「根拠: 対策基準 10(9)①エ」 / 「根拠: 運用ルール」; '' when there is nothing to cite. */
export function basis(locale: Locale, cites: Citations): string {
  const citation = citationText(locale, cites);
  return citation === '' ? '' : t(locale, 'basis.article', { citation });
}

/** 「カードによるアクセスの停止（対策基準 10(9)②）」: a text followed by what it rests on. */
export function withCitation(locale: Locale, text: string, cites: Citations | undefined): string {
  const citation = cites === undefined ? '' : citationText(locale, cites);
  return citation === '' ? text : t(locale, 'citation.afterText', { text, citation });
}

/** 「（対策基準 11(3)⑥）」, to put after a line that is composed elsewhere; '' when nothing is cited. */
export function parenthesized(locale: Locale, cites: Citations | undefined): string {
  const citation = cites === undefined ? '' : citationText(locale, cites);
  return citation === '' ? '' : t(locale, 'citation.parenthesized', { citation });
}
