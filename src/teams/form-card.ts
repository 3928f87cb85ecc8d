// The flow cards' public API: builders from domain data (flow modules, validation errors, cases) to
// the flow card templates (cards/flow-form.json and friends), plus the reverse mapping of a
// submitted form. One file per builder in cards/; this index keeps the importers' one path.
export { answerRows, displayValue } from './cards/answer-rows';
export { answersFromSubmit, DATE_INPUT_SUFFIX, TIME_INPUT_SUFFIX, type Answers } from './cards/answers';
export { buildCaseCreatedCard, type CaseCreatedInput } from './cards/case-created';
export { buildDraftResumeCard } from './cards/draft-resume';
export { buildFlowConfirmCard, type FlowConfirmInput } from './cards/flow-confirm';
export { buildFlowFormCard } from './cards/flow-form';
export { buildMyCasesCard, type MyCasesInput } from './cards/my-cases';
export type {
  ArticleText,
  CardFinding,
  CardRecipient,
  DisplayRow,
  FlowCardSource,
  UrgentLine,
} from './cards/types';
