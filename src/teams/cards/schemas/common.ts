// Schema pieces several card templates share. Each template's own schema is in the file named like
// the template (cards/<name>.json ↔ schemas/<name>.ts); the registry that ties them is ../registry.ts.
import { z } from 'zod';
import { CASE_KINDS } from '../../../domain/cases';

export const TextSchema = z.string().min(1);
export const KindSchema = z.enum(CASE_KINDS);
export const CaseIdSchema = z.string().regex(/^(INC|REQ)-\d{4}-\d{4,}$/);
/** An urgent instruction shown before any question, with the article it rests on. */
export const InstructionSchema = z.object({ text: TextSchema, basis: TextSchema });

/**
 * Keys the form's Action.Submit data already carries: Teams merges input values into that object,
 * so an input with one of these ids would overwrite the verb or the flow kind.
 */
export const RESERVED_INPUT_IDS: readonly string[] = ['verb', 'kind'];

/** Letters and digits with single underscores: `__` is kept for the `<id>__date` / `<id>__time` pair. */
export const InputIdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/, 'input id: letters, digits, single underscores')
  .refine((id) => !RESERVED_INPUT_IDS.includes(id), 'input id is reserved');

export const FINDING_LEVELS = ['info', 'warning', 'refusal'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];

export const FindingSchema = z.object({ text: TextSchema, basis: TextSchema, level: z.enum(FINDING_LEVELS) });
/** `value` is user-typed text: the templates show it in a TextRun, which renders no Markdown. */
export const RowSchema = z.object({ label: TextSchema, value: TextSchema });
export const RecipientSchema = z.object({ name: TextSchema, role: TextSchema });
