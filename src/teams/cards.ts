// The card layer's public API (templates, their data schemas, the menu cards). Each piece lives in
// cards/: registry.ts loads, validates and expands the templates of cards/*.json; schemas/<template>.ts
// holds each template's zod data schema; each builder has its own file. Flow and case cards are
// exported from form-card.ts and case-card.ts.
export {
  CARD_TEMPLATES,
  CARDS_DIR,
  isCardTemplateName,
  renderCard,
  type AdaptiveCardJson,
  type CardData,
  type CardTemplateName,
} from './cards/registry';
export { FINDING_LEVELS, RESERVED_INPUT_IDS, type FindingLevel } from './cards/schemas/common';
export { AbsenceCardDataSchema, type AbsenceCardData } from './cards/schemas/absence';
export { AssignedCasesCardDataSchema, type AssignedCasesCardData } from './cards/schemas/assigned-cases';
export {
  CASE_CARD_RESERVED_INPUT_IDS,
  CaseCardDataSchema,
  MAX_REFRESH_USER_IDS,
  SEVERITY_COLORS,
  STATUS_COLORS,
  type CaseCardData,
  type SeverityColor,
  type StatusColor,
} from './cards/schemas/case-card';
export { CaseCreatedCardDataSchema, type CaseCreatedCardData } from './cards/schemas/case-created';
export {
  ComplianceSummaryCardDataSchema,
  type ComplianceSummaryCardData,
} from './cards/schemas/compliance-summary';
export { DirectoryCheckCardDataSchema, type DirectoryCheckCardData } from './cards/schemas/directory-check';
export { DirectoryDiffCardDataSchema, type DirectoryDiffCardData } from './cards/schemas/directory-diff';
export {
  DirectoryErrorsCardDataSchema,
  type DirectoryErrorsCardData,
} from './cards/schemas/directory-errors';
export {
  DirectoryExportCardDataSchema,
  type DirectoryExportCardData,
} from './cards/schemas/directory-export';
export {
  DirectoryImportCardDataSchema,
  type DirectoryImportCardData,
} from './cards/schemas/directory-import';
export { DraftResumeCardDataSchema, type DraftResumeCardData } from './cards/schemas/draft-resume';
export { FlowConfirmCardDataSchema, type FlowConfirmCardData } from './cards/schemas/flow-confirm';
export {
  FlowFormCardDataSchema,
  FormFieldCardDataSchema,
  type FlowFormCardData,
  type FormFieldCardData,
} from './cards/schemas/flow-form';
export { MenuCardDataSchema, type MenuCardData } from './cards/schemas/menu';
export { MyCasesCardDataSchema, type MyCasesCardData } from './cards/schemas/my-cases';
export { NoticeCardDataSchema, type NoticeCardData } from './cards/schemas/notice';
export { UnknownUserCardDataSchema, type UnknownUserCardData } from './cards/schemas/unknown-user';
export { UnreachableCardDataSchema, type UnreachableCardData } from './cards/schemas/unreachable';
export { buildMenuCard } from './cards/menu';
export { buildUnknownUserCard } from './cards/unknown-user';
