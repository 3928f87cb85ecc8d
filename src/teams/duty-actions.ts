// The payloads of the duty cards (cards/duty.json, duty-month.json), joined into the one union of
// card payloads (card-actions.ts). Ids only: the duty id; the typed completion arrives merged into
// `duty.complete` / `duty.save` and is validated by the duty's own form after the duty is reloaded.
import { z } from 'zod';
import { DUTY_ID_PATTERN } from '../domain/duties';

const DutyId = z.string().regex(DUTY_ID_PATTERN);

export const DutyOpenSchema = z.object({ verb: z.literal('duty.open'), dutyId: DutyId });
export const DutyCompleteSchema = z.looseObject({ verb: z.literal('duty.complete'), dutyId: DutyId });
export const DutySaveSchema = z.looseObject({ verb: z.literal('duty.save'), dutyId: DutyId });

export const DUTY_ACTION_SCHEMAS = [DutyOpenSchema, DutyCompleteSchema, DutySaveSchema] as const;
