// The case card's public API; the builder and its parts are in cards/case-card*.ts.
export { cardBytes } from './card-size';
export { CASE_INPUT_MAX_LENGTH } from './cards/case-card-actions';
export { buildCaseCard, CASE_CARD_BYTE_BUDGET } from './cards/case-card';
export type {
  CaseCardInput,
  CaseCardPrefill,
  CaseHistoryEntry,
  CaseRecordItem,
} from './cards/case-card-input';
