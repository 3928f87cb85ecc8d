// Adaptive Card templates (cards/*.json) and the data each one needs. Every template has a zod
// schema (./schemas/<template>.ts): data is validated before expansion, so a card never goes out
// half-filled. The caller wraps the returned JSON into an attachment; this file has no Teams SDK
// dependency.
import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { z } from 'zod';
import { AbsenceCardDataSchema } from './schemas/absence';
import { AssignedCasesCardDataSchema } from './schemas/assigned-cases';
import { BroadcastExportCardDataSchema } from './schemas/broadcast-export';
import { BroadcastListCardDataSchema } from './schemas/broadcast-list';
import { BroadcastNonRespondersCardDataSchema } from './schemas/broadcast-nonresponders';
import { BroadcastStatusCardDataSchema } from './schemas/broadcast-status';
import { BroadcastComposeCardDataSchema } from './schemas/broadcast-compose';
import { BroadcastCorrectCardDataSchema } from './schemas/broadcast-correct';
import { BroadcastMessageCardDataSchema } from './schemas/broadcast-message';
import { BroadcastNoticeCardDataSchema } from './schemas/broadcast-notice';
import { BroadcastPreviewCardDataSchema } from './schemas/broadcast-preview';
import { CaseCardDataSchema } from './schemas/case-card';
import { CaseCreatedCardDataSchema } from './schemas/case-created';
import { ComplianceSummaryCardDataSchema } from './schemas/compliance-summary';
import { DirectoryCheckCardDataSchema } from './schemas/directory-check';
import { DirectoryDiffCardDataSchema } from './schemas/directory-diff';
import { DirectoryErrorsCardDataSchema } from './schemas/directory-errors';
import { DirectoryExportCardDataSchema } from './schemas/directory-export';
import { DirectoryImportCardDataSchema } from './schemas/directory-import';
import { DraftResumeCardDataSchema } from './schemas/draft-resume';
import { DutyCardDataSchema, DutyMonthCardDataSchema } from './schemas/duty';
import { FlowConfirmCardDataSchema } from './schemas/flow-confirm';
import { FlowFormCardDataSchema } from './schemas/flow-form';
import { GuidanceFollowupCardDataSchema, GuidanceFormCardDataSchema } from './schemas/guidance';
import { LedgerCardDataSchema } from './schemas/ledger';
import { MenuCardDataSchema } from './schemas/menu';
import {
  MediaDisposalCardDataSchema,
  MediaFormCardDataSchema,
  MediaMenuCardDataSchema,
} from './schemas/media';
import { ContractFormCardDataSchema, ContractListCardDataSchema } from './schemas/contracts';
import { MyCasesCardDataSchema } from './schemas/my-cases';
import { NoticeCardDataSchema } from './schemas/notice';
import { RefusalCardDataSchema } from './schemas/refusal';
import { UnknownUserCardDataSchema } from './schemas/unknown-user';
import { UnreachableCardDataSchema } from './schemas/unreachable';

export const CARD_TEMPLATES = {
  'assigned-cases': { file: 'assigned-cases.json', schema: AssignedCasesCardDataSchema },
  notice: { file: 'notice.json', schema: NoticeCardDataSchema },
  absence: { file: 'absence.json', schema: AbsenceCardDataSchema },
  menu: { file: 'menu.json', schema: MenuCardDataSchema },
  'unknown-user': { file: 'unknown-user.json', schema: UnknownUserCardDataSchema },
  'flow-form': { file: 'flow-form.json', schema: FlowFormCardDataSchema },
  'flow-confirm': { file: 'flow-confirm.json', schema: FlowConfirmCardDataSchema },
  'draft-resume': { file: 'draft-resume.json', schema: DraftResumeCardDataSchema },
  'case-created': { file: 'case-created.json', schema: CaseCreatedCardDataSchema },
  'case-card': { file: 'case-card.json', schema: CaseCardDataSchema },
  'my-cases': { file: 'my-cases.json', schema: MyCasesCardDataSchema },
  unreachable: { file: 'unreachable.json', schema: UnreachableCardDataSchema },
  'directory-import': { file: 'directory-import.json', schema: DirectoryImportCardDataSchema },
  'directory-diff': { file: 'directory-diff.json', schema: DirectoryDiffCardDataSchema },
  'directory-errors': { file: 'directory-errors.json', schema: DirectoryErrorsCardDataSchema },
  'directory-export': { file: 'directory-export.json', schema: DirectoryExportCardDataSchema },
  'directory-check': { file: 'directory-check.json', schema: DirectoryCheckCardDataSchema },
  'broadcast-status': { file: 'broadcast-status.json', schema: BroadcastStatusCardDataSchema },
  'broadcast-nonresponders': {
    file: 'broadcast-nonresponders.json',
    schema: BroadcastNonRespondersCardDataSchema,
  },
  'broadcast-list': { file: 'broadcast-list.json', schema: BroadcastListCardDataSchema },
  'broadcast-export': { file: 'broadcast-export.json', schema: BroadcastExportCardDataSchema },
  'broadcast-compose': { file: 'broadcast-compose.json', schema: BroadcastComposeCardDataSchema },
  'broadcast-preview': { file: 'broadcast-preview.json', schema: BroadcastPreviewCardDataSchema },
  'broadcast-message': { file: 'broadcast-message.json', schema: BroadcastMessageCardDataSchema },
  'broadcast-notice': { file: 'broadcast-notice.json', schema: BroadcastNoticeCardDataSchema },
  'broadcast-correct': { file: 'broadcast-correct.json', schema: BroadcastCorrectCardDataSchema },
  'media-menu': { file: 'media-menu.json', schema: MediaMenuCardDataSchema },
  'media-form': { file: 'media-form.json', schema: MediaFormCardDataSchema },
  'media-disposal': { file: 'media-disposal.json', schema: MediaDisposalCardDataSchema },
  'compliance-summary': { file: 'compliance-summary.json', schema: ComplianceSummaryCardDataSchema },
  ledger: { file: 'ledger.json', schema: LedgerCardDataSchema },
  duty: { file: 'duty.json', schema: DutyCardDataSchema },
  'duty-month': { file: 'duty-month.json', schema: DutyMonthCardDataSchema },
  'contract-list': { file: 'contract-list.json', schema: ContractListCardDataSchema },
  'contract-form': { file: 'contract-form.json', schema: ContractFormCardDataSchema },
  refusal: { file: 'refusal.json', schema: RefusalCardDataSchema },
  'guidance-form': { file: 'guidance-form.json', schema: GuidanceFormCardDataSchema },
  'guidance-followup': { file: 'guidance-followup.json', schema: GuidanceFollowupCardDataSchema },
} as const satisfies Record<string, { file: string; schema: z.ZodType }>;

export type CardTemplateName = keyof typeof CARD_TEMPLATES;
export type CardData<N extends CardTemplateName> = z.infer<(typeof CARD_TEMPLATES)[N]['schema']>;

export function isCardTemplateName(value: string): value is CardTemplateName {
  return Object.hasOwn(CARD_TEMPLATES, value);
}

/** A rendered card: plain JSON, ready for `CardFactory.adaptiveCard()`. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: '1.5';
  body: unknown[];
  [key: string]: unknown;
}

/** The repository root: the nearest folder above this file holding package.json (src/ or dist/src/). */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`package.json not found above ${start}`);
  }
}

export const CARDS_DIR = path.join(findRepoRoot(__dirname), 'cards');

/**
 * One parsed Template per card file, made on first use and shared by every render. Parsing is the
 * costly part (adaptive-expressions parses every `${…}` with antlr4ts); expanding is cheap. Reuse is
 * safe: `Template.expand` (adaptivecards-templating 2.3, lib/template-engine.js) resets its context
 * and warnings at the start of each call and runs synchronously to the end, so two turns can never
 * interleave inside one expansion; the prepared payload and its Expression objects are only read.
 * Nothing of the prepared payload leaks into a card: `dropNullProperties` copies every object and
 * array of the expansion.
 */
const templateCache = new Map<CardTemplateName, ACData.Template>();

function template(name: CardTemplateName): ACData.Template {
  let parsed = templateCache.get(name);
  if (parsed === undefined) {
    const file = path.join(CARDS_DIR, CARD_TEMPLATES[name].file);
    parsed = new ACData.Template(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown);
    templateCache.set(name, parsed);
  }
  return parsed;
}

/**
 * Removes object properties whose value is null. A template writes an optional property as
 * `"${if(cond, value, null)}"` (e.g. `maxLength` only when there is a limit); clients differ in how
 * they treat an explicit null, so none is sent.
 */
function dropNullProperties(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dropNullProperties);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (value !== null) out[key] = dropNullProperties(value);
  }
  return out;
}

/** Validates `data` against the template's schema (throws on bad data) and expands the template. */
export function renderCard<N extends CardTemplateName>(name: N, data: CardData<N>): AdaptiveCardJson {
  const parsed = CARD_TEMPLATES[name].schema.parse(data);
  const expanded: unknown = dropNullProperties(template(name).expand({ $root: parsed }));
  if (
    typeof expanded !== 'object' ||
    expanded === null ||
    (expanded as { type?: unknown }).type !== 'AdaptiveCard' ||
    (expanded as { version?: unknown }).version !== '1.5' ||
    !Array.isArray((expanded as { body?: unknown }).body)
  ) {
    throw new Error(`card template "${name}" did not expand to an Adaptive Card 1.5`);
  }
  return expanded as AdaptiveCardJson;
}
