// cards/contract-list.json and contract-form.json (built by ../contracts.ts): contracts with
// contractors (12(1)③). Buttons carry the contract id only.
import { z } from 'zod';
import { CONTRACT_ID_PATTERN } from '../../../domain/contracts';
import { TextSchema } from './common';
import { FormFieldCardDataSchema } from './flow-form';

/** `summary` and `detail` hold what officers typed: the template shows them in TextRuns. */
const ItemSchema = z.object({
  id: z.string().regex(CONTRACT_ID_PATTERN),
  summary: TextSchema,
  detail: TextSchema,
  status: TextSchema,
  mayEnd: z.boolean(),
});

export const ContractListCardDataSchema = z.object({
  title: TextSchema,
  lead: z.string(),
  intro: TextSchema,
  sectionsLine: TextSchema,
  basis: TextSchema,
  mayRegister: z.boolean(),
  registerLabel: TextSchema,
  emptyText: TextSchema,
  items: z.array(ItemSchema),
  endLabel: TextSchema,
  menuLabel: TextSchema,
});
export type ContractListCardData = z.infer<typeof ContractListCardDataSchema>;

export const ContractFormCardDataSchema = z.object({
  title: TextSchema,
  basis: TextSchema,
  formError: z.string(),
  draftNote: z.string(),
  intro: TextSchema,
  timeLabel: TextSchema,
  timeRequiredMessage: TextSchema,
  fields: z.array(FormFieldCardDataSchema).min(1),
  submitLabel: TextSchema,
  discardLabel: TextSchema,
  backLabel: TextSchema,
});
export type ContractFormCardData = z.infer<typeof ContractFormCardDataSchema>;
