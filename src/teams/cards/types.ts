// What the card builders take from domain data, shared by several of them.
//
// Inputs: text that comes from the domain (titles, guidance, findings, reasons, duties, roles) is
// `Localized` and picked by the builder by locale; text that is the same in every language (names,
// case ids, what the user typed) is a plain string. Times are `Date`s, shown in Japan time.
import type { Citations } from '../../domain/articles';
import type { CaseKind, Localized } from '../../domain/cases';
import type { FieldDef, GuidanceItem } from '../../domain/flows/form';
import type { FindingLevel } from './schemas/common';

/** What a form card needs from a flow module (`src/domain/flows/*.ts`). */
export interface FlowCardSource {
  kind: CaseKind;
  title: Localized;
  guidance: readonly GuidanceItem[];
  fields: readonly FieldDef[];
}

/** A label/value pair of the confirmation and case cards, already in the reader's language. */
export interface DisplayRow {
  label: string;
  value: string;
}

/** A policy finding (`PolicyFinding` of domain/policy) with how loudly to show it. */
export interface CardFinding {
  message: Localized;
  article: Citations;
  level: FindingLevel;
}

/** Someone who receives a case; `role` explains in which capacity (e.g. 課情報セキュリティ責任者). */
export interface CardRecipient {
  name: string;
  role: Localized;
}

/** Something the standard asks of someone, with its article (a duty, a reason for routing). */
export interface ArticleText {
  text: Localized;
  article: Citations;
}

/** An urgent line already in the reader's language, e.g. 「今すぐ 佐藤 健一（06-…）へ電話してください。」. */
export interface UrgentLine {
  text: string;
  basis: string;
}
