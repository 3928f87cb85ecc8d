// The payloads of the contract cards (cards/contract-*.json), joined into the one union of card
// payloads (card-actions.ts). Ids only: typed text arrives merged into `contract.submit` and is
// validated by the contract form's own schema after the officer is reloaded from the directory.
import { z } from 'zod';
import { CONTRACT_ID_PATTERN } from '../domain/contracts';

export const ContractOpenSchema = z.object({ verb: z.literal('contract.open') });
export const ContractFormSchema = z.object({ verb: z.literal('contract.form') });
export const ContractSubmitSchema = z.looseObject({ verb: z.literal('contract.submit') });
export const ContractDiscardSchema = z.object({ verb: z.literal('contract.discard') });
export const ContractEndSchema = z.object({
  verb: z.literal('contract.end'),
  contractId: z.string().regex(CONTRACT_ID_PATTERN),
});

export const CONTRACT_ACTION_SCHEMAS = [
  ContractOpenSchema,
  ContractFormSchema,
  ContractSubmitSchema,
  ContractDiscardSchema,
  ContractEndSchema,
] as const;
