// 重要性分類 (8(2)①) and what each class means for taking data out of the office (8(3)①エオカ).
import type { ArticleId } from '../articles';
import type { Localized } from '../cases';
import { msg } from '../../i18n';

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
    label: msg('policy.classification.class_i'),
    meaning: msg('policy.classification.personal_information_data_only_minimum'),
    // Class I needs permission even to copy or output it, not only to take it out (8(3)①エ).
    permissionRequired: true,
    protectionRequired: 'mandatory',
    articles: ['8(2)①', '8(3)①エ', '8(3)①オ'],
  },
  II: {
    label: msg('policy.classification.class_ii'),
    meaning: msg('policy.classification.data_not_meant_published_whose'),
    permissionRequired: true,
    protectionRequired: 'mandatory',
    articles: ['8(2)①', '8(3)①オ'],
  },
  III: {
    label: msg('policy.classification.class_iii'),
    meaning: msg('policy.classification.published_data_whose_breach_affects'),
    permissionRequired: false,
    protectionRequired: 'as_needed',
    articles: ['8(2)①', '8(3)①カ'],
  },
  IV: {
    label: msg('policy.classification.class_iv'),
    meaning: msg('policy.classification.all_other_data'),
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
