// Adaptive Card templates (cards/*.json) and the data each one needs. Every template has a zod
// schema: data is validated before expansion, so a card never goes out half-filled. The caller
// wraps the returned JSON into an attachment; this file has no Teams SDK dependency.
import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { z } from 'zod';
import { CASE_KINDS, INCIDENT_KINDS, REQUEST_KINDS } from '../domain/cases';
import { FIELD_KINDS } from '../domain/flows/form';
import { CASE_ACTION_VERBS } from './card-actions';
import { basis } from './citation';
import { INTENTS, type Intent } from '../domain/intents';
import { t, intentTitle, type Locale } from './i18n';

const IntentSchema = z.enum(INTENTS);
const TextSchema = z.string().min(1);

const MenuButtonSchema = z.object({ title: TextSchema, intent: IntentSchema });

export const MenuCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  /** Display name; empty hides the greeting (install events carry no name). */
  userName: z.string(),
  /** Greeting containing `{userName}`, which the template replaces with `userName`. */
  greeting: TextSchema.refine((s) => s.includes('{userName}'), 'greeting must contain {userName}'),
  reportHeading: TextSchema,
  reportButtons: z.array(MenuButtonSchema).min(1),
  requestHeading: TextSchema,
  requestButtons: z.array(MenuButtonSchema).min(1),
  myCasesButton: MenuButtonSchema,
  /** 担当案件 and 不在設定, for people who hold a role in the directory; empty for staff. */
  officerButtons: z.array(MenuButtonSchema),
  freeTextHint: TextSchema,
  emergency: TextSchema,
  emergencyBasis: TextSchema,
});
export type MenuCardData = z.infer<typeof MenuCardDataSchema>;

export const UnknownUserCardDataSchema = z.object({
  title: TextSchema,
  message: TextSchema,
  emergency: TextSchema,
  emergencyBasis: TextSchema,
});
export type UnknownUserCardData = z.infer<typeof UnknownUserCardDataSchema>;

// ---------------------------------------------------------------------------------------------
// Flow cards: the guided form, its confirmation, drafts and the case cards. The builders that fill
// them from domain data are in form-card.ts; these schemas are the contract of the templates.

const KindSchema = z.enum(CASE_KINDS);
const CaseIdSchema = z.string().regex(/^(INC|REQ)-\d{4}-\d{4,}$/);
/** An urgent instruction shown before any question, with the article it rests on. */
const InstructionSchema = z.object({ text: TextSchema, basis: TextSchema });

/**
 * Keys the form's Action.Submit data already carries: Teams merges input values into that object,
 * so an input with one of these ids would overwrite the verb or the flow kind.
 */
export const RESERVED_INPUT_IDS: readonly string[] = ['verb', 'kind'];

/** Letters and digits with single underscores: `__` is kept for the `<id>__date` / `<id>__time` pair. */
const InputIdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/, 'input id: letters, digits, single underscores')
  .refine((id) => !RESERVED_INPUT_IDS.includes(id), 'input id is reserved');

/** A partial datetime keeps what was typed: `2026-11-26T09:05`, `2026-11-26`, `T09:05` or ''. */
const PARTIAL_DATETIME = /^(?:\d{4}-\d{2}-\d{2})?(?:T(?:\d{2}:\d{2})?)?$/;
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;

export const FormFieldCardDataSchema = z
  .object({
    id: InputIdSchema,
    kind: z.enum(FIELD_KINDS),
    /** Label as shown, including the required marker. */
    label: TextSchema,
    required: z.boolean(),
    /** Prefilled value as Adaptive Cards sends it back: multichoice comma-separated, toggle 'true'/'false'. */
    value: z.string(),
    placeholder: z.string(),
    help: z.string(),
    /** Server-side validation message shown under the input; '' for none. */
    error: z.string(),
    /** Client-side message when a required input is left empty. */
    requiredMessage: TextSchema,
    choices: z.array(z.object({ title: TextSchema, value: TextSchema })),
    /** 0 for no limit. */
    maxLength: z.number().int().min(0),
  })
  .superRefine((f, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message, path: ['value'] });
    if ((f.kind === 'choice' || f.kind === 'multichoice') && f.choices.length === 0) {
      ctx.addIssue({ code: 'custom', message: `${f.kind} field needs choices`, path: ['choices'] });
    }
    // Multi-select ChoiceSets join the chosen values with commas.
    if (f.kind === 'multichoice' && f.choices.some((c) => c.value.includes(','))) {
      ctx.addIssue({
        code: 'custom',
        message: 'multichoice values cannot contain commas',
        path: ['choices'],
      });
    }
    // The template converts the value with float(): anything else would make the expansion throw.
    if (f.kind === 'number' && f.value !== '' && !NUMBER_TEXT.test(f.value))
      problem('number value is not numeric');
    if (f.kind === 'toggle' && !['', 'true', 'false'].includes(f.value))
      problem("toggle value is not 'true'/'false'");
    if (f.kind === 'datetime' && !PARTIAL_DATETIME.test(f.value))
      problem('datetime value is not YYYY-MM-DDTHH:mm');
  });
export type FormFieldCardData = z.infer<typeof FormFieldCardDataSchema>;

/** Every input id the card will carry: a datetime field renders `<id>__date` and `<id>__time`. */
function inputIdsOf(fields: readonly { id: string; kind: string }[]): string[] {
  return fields.flatMap((f) => (f.kind === 'datetime' ? [`${f.id}__date`, `${f.id}__time`] : [f.id]));
}

export const FlowFormCardDataSchema = z.object({
  title: TextSchema,
  kind: KindSchema,
  guidanceHeading: TextSchema,
  /** Urgent instructions, rendered before any question. May be empty. */
  guidance: z.array(InstructionSchema),
  intro: TextSchema,
  draftNote: z.string(),
  formError: z.string(),
  /** Label of the time half of a datetime field. */
  timeLabel: TextSchema,
  timeRequiredMessage: TextSchema,
  fields: z
    .array(FormFieldCardDataSchema)
    .min(1)
    .refine((fields) => {
      const ids = inputIdsOf(fields);
      return new Set(ids).size === ids.length;
    }, 'input ids must be unique'),
  reviewLabel: TextSchema,
  discardLabel: TextSchema,
  menuLabel: TextSchema,
});
export type FlowFormCardData = z.infer<typeof FlowFormCardDataSchema>;

export const FINDING_LEVELS = ['info', 'warning', 'refusal'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];

const FindingSchema = z.object({ text: TextSchema, basis: TextSchema, level: z.enum(FINDING_LEVELS) });
/** `value` is user-typed text: the templates show it in a TextRun, which renders no Markdown. */
const RowSchema = z.object({ label: TextSchema, value: TextSchema });
const RecipientSchema = z.object({ name: TextSchema, role: TextSchema });

export const FlowConfirmCardDataSchema = z
  .object({
    title: TextSchema,
    kind: KindSchema,
    intro: TextSchema,
    rows: z.array(RowSchema),
    findingsHeading: TextSchema,
    findings: z.array(FindingSchema),
    /** True hides the submit button; the refusal findings explain why. */
    refused: z.boolean(),
    refusedHeading: TextSchema,
    recipientsHeading: TextSchema,
    recipients: z.array(RecipientSchema),
    submitLabel: TextSchema,
    editLabel: TextSchema,
    discardLabel: TextSchema,
  })
  // Deny by default: a refusal finding always hides the submit button, and a refused card says why.
  .refine((d) => d.refused === d.findings.some((f) => f.level === 'refusal'), {
    message: 'refused must be true exactly when a finding has level "refusal"',
    path: ['refused'],
  });
export type FlowConfirmCardData = z.infer<typeof FlowConfirmCardDataSchema>;

export const DraftResumeCardDataSchema = z.object({
  title: TextSchema,
  kind: KindSchema,
  message: TextSchema,
  guidanceHeading: TextSchema,
  guidance: z.array(InstructionSchema),
  resumeLabel: TextSchema,
  discardLabel: TextSchema,
});
export type DraftResumeCardData = z.infer<typeof DraftResumeCardDataSchema>;

export const CaseCreatedCardDataSchema = z.object({
  caseId: CaseIdSchema,
  title: TextSchema,
  message: TextSchema,
  labels: z.object({ caseId: TextSchema, status: TextSchema, submittedAt: TextSchema }),
  statusLabel: TextSchema,
  /** Japan time, already formatted. */
  submittedAt: TextSchema,
  nextStepsHeading: TextSchema,
  nextSteps: z.array(TextSchema),
  recipientsHeading: TextSchema,
  recipients: z.array(RecipientSchema),
  articles: TextSchema,
  myCasesLabel: TextSchema,
  menuLabel: TextSchema,
});
export type CaseCreatedCardData = z.infer<typeof CaseCreatedCardDataSchema>;

export const SEVERITY_COLORS = ['attention', 'warning', 'default'] as const;
export type SeverityColor = (typeof SEVERITY_COLORS)[number];

// The approver's case card (cards/case-card.json, built by case-card.ts). Actions are data: each
// group is a heading, its inputs and its Action.Execute buttons, so the template stays one shape
// whatever the viewer may do, and the builder alone decides which buttons exist (deny by default).

export const STATUS_COLORS = ['default', 'accent', 'good', 'warning', 'attention'] as const;
export type StatusColor = (typeof STATUS_COLORS)[number];

/** Keys every case action's data carries; an input with one of these ids would overwrite them. */
export const CASE_CARD_RESERVED_INPUT_IDS: readonly string[] = ['verb', 'caseId'];

/** Teams refreshes a card automatically for at most 60 users (`refresh.userIds`). */
export const MAX_REFRESH_USER_IDS = 60;

const CaseCardInputSchema = z.object({
  id: InputIdSchema.refine((id) => !CASE_CARD_RESERVED_INPUT_IDS.includes(id), 'input id is reserved'),
  label: TextSchema,
  /** Prefilled text; '' for none. */
  value: z.string(),
  placeholder: z.string(),
  multiline: z.boolean(),
  /** 0 for no limit. */
  maxLength: z.number().int().min(0),
});

const CaseCardButtonSchema = z.object({
  verb: z.enum(CASE_ACTION_VERBS),
  title: TextSchema,
  style: z.enum(['default', 'positive', 'destructive']),
  /** 'auto' submits the card's inputs with the action, 'none' sends the ids only. */
  associatedInputs: z.enum(['auto', 'none']),
});

const CaseCardActionGroupSchema = z.object({
  /** '' hides it. */
  heading: z.string(),
  /** 「根拠: 対策基準 …」, '' hides it. */
  basis: z.string(),
  inputs: z.array(CaseCardInputSchema),
  buttons: z.array(CaseCardButtonSchema).min(1),
});

export const CaseCardDataSchema = z
  .object({
    caseId: CaseIdSchema,
    title: TextSchema,
    severityLabel: TextSchema,
    severityColor: z.enum(SEVERITY_COLORS),
    statusLabel: TextSchema,
    statusColor: z.enum(STATUS_COLORS),
    /** A message for this viewer on top (already decided, not allowed…); '' hides it. */
    notice: z.string(),
    headline: TextSchema,
    /** Why this viewer got the case, with the article; '' hides it. */
    reasonText: z.string(),
    /** Facts the header does not show (the submitted time); the case number and status are there. */
    facts: z.array(z.object({ title: TextSchema, value: TextSchema })),
    /** '' when no deadline applies (informed only, or already acknowledged). */
    ackDueText: z.string(),
    rows: z.array(RowSchema),
    findingsHeading: TextSchema,
    findings: z.array(FindingSchema),
    dutiesHeading: TextSchema,
    duties: z.array(TextSchema),
    historyHeading: TextSchema,
    /** Oldest first; each `line` is 「2026/11/26 09:12 佐藤 健一: 対応開始」, `basis` the article or ''. */
    history: z.array(z.object({ line: TextSchema, basis: z.string() })),
    /** 「以前の履歴 N 件は省略」 when older entries were left out; '' otherwise. */
    historyOmitted: z.string(),
    actionsHeading: TextSchema,
    actionGroups: z.array(CaseCardActionGroupSchema),
    /** The case is final (承認・却下・完了・取消し); '' otherwise. */
    statusNote: z.string(),
    /** 「この案件に対して操作できるのは担当者のみです。」 or ''. */
    readOnlyNote: z.string(),
    /** Teams user ids whose clients refresh the card automatically; empty omits `refresh`. */
    refreshUserIds: z.array(TextSchema).max(MAX_REFRESH_USER_IDS),
  })
  .refine(
    (d) => {
      const ids = d.actionGroups.flatMap((g) => g.inputs.map((i) => i.id));
      return new Set(ids).size === ids.length;
    },
    { message: 'input ids must be unique across the card', path: ['actionGroups'] },
  )
  .refine(
    (d) => {
      const verbs = d.actionGroups.flatMap((g) => g.buttons.map((b) => b.verb));
      return new Set(verbs).size === verbs.length;
    },
    { message: 'a verb appears once per card', path: ['actionGroups'] },
  );
export type CaseCardData = z.infer<typeof CaseCardDataSchema>;

export const MyCasesCardDataSchema = z.object({
  title: TextSchema,
  /** Shown when there is nothing to list; '' hides it. */
  empty: z.string(),
  items: z.array(
    z.object({
      caseId: CaseIdSchema,
      title: TextSchema,
      statusLabel: TextSchema,
      submittedAt: TextSchema,
      canCancel: z.boolean(),
      cancelLabel: TextSchema,
    }),
  ),
  draftsHeading: TextSchema,
  drafts: z.array(
    z.object({ kind: KindSchema, title: TextSchema, updatedAt: TextSchema, resumeLabel: TextSchema }),
  ),
  menuLabel: TextSchema,
});
export type MyCasesCardData = z.infer<typeof MyCasesCardDataSchema>;

export const AbsenceCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  basis: TextSchema,
  /** The absence in force or planned, as a sentence; '' for none. */
  current: z.string(),
  /** Validation problem of the last submission; '' for none. */
  error: z.string(),
  fromLabel: TextSchema,
  toLabel: TextSchema,
  /** YYYY-MM-DD or ''. */
  fromValue: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/),
  toValue: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/),
  requiredMessage: TextSchema,
  setLabel: TextSchema,
  clearLabel: TextSchema,
  menuLabel: TextSchema,
});
export type AbsenceCardData = z.infer<typeof AbsenceCardDataSchema>;

/** A short proactive notice (decision, reminder), optionally with buttons that carry ids only. */
export const NoticeCardDataSchema = z.object({
  title: TextSchema,
  text: TextSchema,
  basis: z.string(),
  buttons: z.array(
    z.object({
      title: TextSchema,
      verb: z.enum(['case.returned']),
      caseId: z.string().regex(/^(INC|REQ)-\d{4}-\d{4,}$/),
    }),
  ),
});
export type NoticeCardData = z.infer<typeof NoticeCardDataSchema>;

/** 担当案件: open cases the viewer may act on, most urgent first. */
export const AssignedCasesCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  empty: z.string(),
  items: z.array(
    z.object({
      caseId: z.string().regex(/^(INC|REQ)-\d{4}-\d{4,}$/),
      title: TextSchema,
      headline: TextSchema,
      statusLine: TextSchema,
      dueText: z.string(),
      dueColor: z.enum(['Attention', 'Warning', 'Default']),
      openLabel: TextSchema,
    }),
  ),
  menuLabel: TextSchema,
});
export type AssignedCasesCardData = z.infer<typeof AssignedCasesCardDataSchema>;

/** 連絡不可一覧: people Teams cannot reach yet, with the directory's numbers (IT管理者 and 統括 only). */
export const UnreachableCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  empty: z.string(),
  items: z.array(
    z.object({
      name: TextSchema,
      section: TextSchema,
      phoneLabel: TextSchema,
      phone: TextSchema,
      mobileLabel: TextSchema,
      mobile: TextSchema,
      /** 「待機中 2 件・2026/11/26 09:05 から」 */
      waitingText: TextSchema,
    }),
  ),
  menuLabel: TextSchema,
});
export type UnreachableCardData = z.infer<typeof UnreachableCardDataSchema>;

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

// Read-only after first load: template JSON is immutable and shared by every turn.
const templateCache = new Map<CardTemplateName, unknown>();

function loadTemplate(name: CardTemplateName): unknown {
  let json = templateCache.get(name);
  if (json === undefined) {
    const file = path.join(CARDS_DIR, CARD_TEMPLATES[name].file);
    json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    templateCache.set(name, json);
  }
  return json;
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
  // A fresh Template per render: it keeps its evaluation context on the instance.
  const expanded: unknown = dropNullProperties(
    new ACData.Template(loadTemplate(name)).expand({ $root: parsed }),
  );
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

// The menu offers every case kind, incidents under 報告する and requests under 申請する.
const REPORT_INTENTS = INCIDENT_KINDS satisfies readonly Intent[];
const REQUEST_INTENTS = REQUEST_KINDS satisfies readonly Intent[];

export function buildMenuCard(
  locale: Locale,
  userName: string,
  opts: { officer?: boolean; admin?: boolean } = {},
): AdaptiveCardJson {
  const button = (intent: Intent) => ({ title: intentTitle(locale, intent), intent });
  return renderCard('menu', {
    title: t(locale, 'menu.title'),
    intro: t(locale, 'menu.intro'),
    userName,
    greeting: t(locale, 'menu.greeting'),
    reportHeading: t(locale, 'menu.reportHeading'),
    reportButtons: REPORT_INTENTS.map(button),
    requestHeading: t(locale, 'menu.requestHeading'),
    requestButtons: REQUEST_INTENTS.map(button),
    myCasesButton: button('my_cases'),
    officerButtons: [
      ...(opts.officer ? [button('my_tasks'), button('absence')] : []),
      // 連絡不可一覧 for IT管理者 and 統括 (listUnreachable refuses everyone else).
      ...(opts.admin ? [button('unreachable')] : []),
    ],
    freeTextHint: t(locale, 'menu.freeTextHint'),
    // 職員 report incidents to the section officer at once (10(6)①); the phone is the fallback.
    emergency: t(locale, 'menu.emergency'),
    emergencyBasis: basis(locale, '10(6)①'),
  });
}

export function buildUnknownUserCard(locale: Locale): AdaptiveCardJson {
  return renderCard('unknown-user', {
    title: t(locale, 'unknownUser.title'),
    message: t(locale, 'unknownUser.message'),
    emergency: t(locale, 'unknownUser.emergency'),
    emergencyBasis: basis(locale, '10(6)①'),
  });
}
