// The levels of detail the case card is rendered at, most detailed first, until it fits the budget
// (./case-card.ts).

export interface DetailLevel {
  /** Characters of a row value, and of the notice on top. */
  rowValue: number;
  /** Characters of a history entry's text. */
  historyText: number;
  /** Newest history entries shown. */
  historyEntries: number;
  /** Record inputs prefilled with what was recorded (else empty, the record shown as a row). */
  recordValues: boolean;
  /**
   * `refresh.userIds` kept (the first ones). Every routed copy is rendered for its own recipient and
   * updated through the outbox after each change, so a shorter list only loses the automatic refresh.
   */
  refreshUserIds: number;
}

/** Tried in order until the card fits the budget. */
export const DETAIL_LEVELS: readonly DetailLevel[] = [
  { rowValue: 1000, historyText: 400, historyEntries: 100, recordValues: true, refreshUserIds: 60 },
  { rowValue: 300, historyText: 150, historyEntries: 30, recordValues: true, refreshUserIds: 60 },
  { rowValue: 120, historyText: 80, historyEntries: 15, recordValues: true, refreshUserIds: 30 },
  { rowValue: 40, historyText: 40, historyEntries: 5, recordValues: true, refreshUserIds: 15 },
  { rowValue: 40, historyText: 40, historyEntries: 5, recordValues: false, refreshUserIds: 10 },
  // A cyber attack has eight step records (11(2)⑦, 12(5)②キウ): shorter still, so its card fits too.
  { rowValue: 20, historyText: 30, historyEntries: 3, recordValues: false, refreshUserIds: 5 },
];
