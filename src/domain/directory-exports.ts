// What the IT管理者 can download from Teams (連絡網の出力), and for how long a link works.

export const EXPORT_KINDS = ['directory_csv', 'directory_xlsx', 'phone_tree_xlsx', 'phone_tree_csv'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The kinds the Teams card offers, in its order (the phone tree CSV is for the command line). */
export const CARD_EXPORT_KINDS = [
  'directory_csv',
  'directory_xlsx',
  'phone_tree_xlsx',
] as const satisfies readonly ExportKind[];

/**
 * A download link is a bearer token for the whole contact tree with every phone number: it lives
 * 15 minutes (運用ルール), long enough to click, short enough that a forwarded or logged URL is dead.
 */
export const EXPORT_LINK_MINUTES = 15;
