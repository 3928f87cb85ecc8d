// cards/case-card.json: the approver's case card (built by ../case-card.ts). Actions are data: each
// group is a heading, its inputs and its Action.Execute buttons, so the template stays one shape
// whatever the viewer may do, and the builder alone decides which buttons exist (deny by default).
import { z } from 'zod';
import { CASE_ACTION_VERBS } from '../../card-actions';
import { CASE_LINK_VERBS } from '../../broadcast/verbs';
import { CaseIdSchema, FindingSchema, InputIdSchema, RowSchema, TextSchema } from './common';

export const SEVERITY_COLORS = ['attention', 'warning', 'default'] as const;
export type SeverityColor = (typeof SEVERITY_COLORS)[number];

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
  // The case's own steps, and the broadcasts linked to it (12(4)⑤, 12(5)②エ, 12(5)③).
  verb: z.enum([...CASE_ACTION_VERBS, ...CASE_LINK_VERBS]),
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
