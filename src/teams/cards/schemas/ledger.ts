// cards/ledger.json (filled by cards/ledger.ts): 「台帳」, one page of a ledger with its filter.
import { z } from 'zod';
import { TextSchema } from './common';

const Choice = z.object({ title: TextSchema, value: z.string() });
const PageCursor = z.object({ at: z.string(), key: z.string() });

export const LedgerCardDataSchema = z.object({
  title: TextSchema,
  period: TextSchema,
  scope: TextSchema,
  basis: TextSchema,
  kind: z.string(),
  from: z.string(),
  to: z.string(),
  kindLabel: TextSchema,
  kindChoices: z.array(Choice).min(1),
  fromLabel: TextSchema,
  toLabel: TextSchema,
  showLabel: TextSchema,
  none: z.string(),
  rows: z.array(
    z.object({
      head: TextSchema,
      /** What people typed: rendered as TextRuns (never markdown). */
      fields: z.array(z.object({ label: TextSchema, value: z.string() })),
    }),
  ),
  prev: PageCursor.nullable(),
  next: PageCursor.nullable(),
  prevLabel: TextSchema,
  nextLabel: TextSchema,
  exportCsvLabel: TextSchema,
  exportXlsxLabel: TextSchema,
  menuLabel: TextSchema,
});
export type LedgerCardData = z.infer<typeof LedgerCardDataSchema>;
