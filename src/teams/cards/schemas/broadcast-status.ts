// cards/broadcast-status.json: the live status card of a broadcast (built by ../broadcast-status.ts).
import { z } from 'zod';
import { BroadcastIdSchema, STATUS_VERBS } from '../../broadcast/status-verbs';
import { MAX_REFRESH_USER_IDS, STATUS_COLORS } from './case-card';
import { TextSchema } from './common';

const Fact = z.object({ title: TextSchema, value: TextSchema });
const Color = z.enum(STATUS_COLORS);

export const BroadcastStatusCardDataSchema = z.object({
  broadcastId: BroadcastIdSchema,
  /** The section page shown (0-based), repeated in the refresh and the buttons. */
  page: z.number().int().min(0),
  /** The viewer's Teams user id: their client refreshes the card when it is shown. */
  refreshUserIds: z.array(TextSchema).max(MAX_REFRESH_USER_IDS),
  /** What the click did (「3 人に再送しました」); '' hides it. */
  notice: z.string(),
  /** 取消済み; '' hides it. */
  banner: z.string(),
  /** 【訓練】 / 【本番】: one broadcast per card, so drill and real are never mixed. */
  modeLabel: TextSchema,
  modeColor: Color,
  /** What the sender typed: shown in a TextRun, never read as Markdown. */
  title: TextSchema,
  meta: TextSchema,
  severityLabel: TextSchema,
  severityColor: Color,
  statusLabel: TextSchema,
  statusColor: Color,
  correction: z.string(),
  basis: z.string(),
  scopeNote: z.string(),
  totalsHeading: TextSchema,
  totals: z.array(Fact).min(1),
  noAnswerNote: z.string(),
  milestonesHeading: TextSchema,
  milestones: z.array(Fact),
  answersHeading: TextSchema,
  /** `label` is the sender's choice text (a TextRun). */
  answers: z.array(z.object({ label: TextSchema, value: TextSchema })),
  remindersText: z.string(),
  nextReminderText: z.string(),
  sectionsHeading: TextSchema,
  sections: z.array(Fact),
  sectionsOmitted: z.string(),
  pageButtons: z.array(z.object({ title: TextSchema, page: z.number().int().min(0) })),
  updatedAt: TextSchema,
  /** Action.Execute: the card is answered with itself, refreshed. */
  buttons: z.array(
    z.object({
      title: TextSchema,
      verb: z.enum([STATUS_VERBS.refresh, STATUS_VERBS.remind]),
      style: z.enum(['default', 'positive', 'destructive']),
    }),
  ),
  /** Action.Submit: answered with a new message (the list, the links, the compose flow's forms). */
  postButtons: z.array(
    z.object({
      title: TextSchema,
      verb: z.string().regex(/^broadcast\.[a-z_]+$/),
      style: z.enum(['default', 'positive', 'destructive']),
    }),
  ),
});
export type BroadcastStatusCardData = z.infer<typeof BroadcastStatusCardDataSchema>;
