// 重要性分類 (8(2)①) and what each class means for taking data out of the office (8(3)①エオカ).
import type { ArticleId } from '../articles';
import type { Localized } from '../cases';

export const DATA_CLASSES = ['I', 'II', 'III', 'IV'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export function isDataClass(value: unknown): value is DataClass {
  return typeof value === 'string' && (DATA_CLASSES as readonly string[]).includes(value);
}

export type ProtectionRequirement = 'mandatory' | 'as_needed';

export interface ClassRow {
  label: Localized;
  meaning: Localized;
  /** 課責任者's permission is needed to take data of this class out (8(3)①エオ). */
  permissionRequired: boolean;
  /** Encryption or a password: mandatory for I/II (8(3)①オ), "as needed" for III/IV (8(3)①カ). */
  protectionRequired: ProtectionRequirement;
  articles: readonly ArticleId[];
}

export const CLASS_TABLE: Readonly<Record<DataClass, ClassRow>> = {
  I: {
    label: { ja: '重要性分類Ⅰ', en: 'Class I' },
    meaning: {
      ja: '個人情報及び業務上必要とする最小限の者のみが扱うデータ',
      en: 'Personal information and data only the minimum necessary staff may handle',
    },
    // Class I needs permission even to copy or output it, not only to take it out (8(3)①エ).
    permissionRequired: true,
    protectionRequired: 'mandatory',
    articles: ['8(2)①', '8(3)①エ', '8(3)①オ'],
  },
  II: {
    label: { ja: '重要性分類Ⅱ', en: 'Class II' },
    meaning: {
      ja: '公開することを予定していないデータ及びセキュリティ侵害が行政事務の執行等に重大な影響を及ぼすデータ',
      en: 'Data not meant to be published, or whose breach seriously affects administration',
    },
    permissionRequired: true,
    protectionRequired: 'mandatory',
    articles: ['8(2)①', '8(3)①オ'],
  },
  III: {
    label: { ja: '重要性分類Ⅲ', en: 'Class III' },
    meaning: {
      ja: '外部に公開するデータのうち、セキュリティ侵害が行政事務の執行等に影響を及ぼすデータ',
      en: 'Published data whose breach affects administration',
    },
    permissionRequired: false,
    protectionRequired: 'as_needed',
    articles: ['8(2)①', '8(3)①カ'],
  },
  IV: {
    label: { ja: '重要性分類Ⅳ', en: 'Class IV' },
    meaning: { ja: '上記以外のデータ', en: 'All other data' },
    permissionRequired: false,
    protectionRequired: 'as_needed',
    articles: ['8(2)①', '8(3)①カ'],
  },
};

export interface TakeoutRule {
  permissionRequired: boolean;
  protectionRequired: ProtectionRequirement;
  articles: readonly ArticleId[];
}

export function takeoutRule(cls: DataClass): TakeoutRule {
  const row = CLASS_TABLE[cls];
  return {
    permissionRequired: row.permissionRequired,
    protectionRequired: row.protectionRequired,
    articles: row.articles,
  };
}

/** Lower rank = more sensitive; class I is the highest class. */
export function classRank(cls: DataClass): number {
  return DATA_CLASSES.indexOf(cls);
}

/**
 * The class a container (file set, medium, document, terminal) takes: the highest class of what it
 * holds (8(3)①イ). Null for an empty list: the caller must ask rather than assume the lowest class.
 */
export function highestClass(classes: readonly DataClass[]): DataClass | null {
  let best: DataClass | null = null;
  for (const c of classes) {
    if (best === null || classRank(c) < classRank(best)) best = c;
  }
  return best;
}
