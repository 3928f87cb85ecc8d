// cards/compliance-summary.json: the monthly compliance summary to 統括 (13(1)), built by
// ../compliance-summary.ts from services/compliance-summary-service.ts's figures.
import { z } from 'zod';
import { SUMMARY_EXPORT_KINDS } from '../../../domain/compliance-summary';
import { TextSchema } from './common';

const Fact = z.object({ title: TextSchema, value: TextSchema });
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ComplianceSummaryCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  totalHeading: TextSchema,
  total: z.array(Fact).min(1),
  broadcastsHeading: TextSchema,
  broadcasts: z.array(Fact),
  sectionsHeading: TextSchema,
  /** 「報告すべき事項のある課はありません」; '' hides it. */
  empty: z.string(),
  sections: z.array(z.object({ name: TextSchema, facts: z.array(Fact).min(1) })),
  /** How many sections are not on the card (Teams' 40 KB); '' hides it. */
  omitted: z.string(),
  exportsHeading: z.string(),
  /**
   * The month's ledgers as XLSX, through the ledger export (verb ledger.export). Card data carries
   * the kind and the period only; the export re-checks who is asking.
   */
  exports: z.array(
    z.object({ title: TextSchema, kind: z.enum(SUMMARY_EXPORT_KINDS), from: IsoDate, to: IsoDate }),
  ),
  basis: TextSchema,
  menuLabel: TextSchema,
});
export type ComplianceSummaryCardData = z.infer<typeof ComplianceSummaryCardDataSchema>;
