// cards/unreachable.json (filled by routes/unreachable-routes.ts).
import { z } from 'zod';
import { TextSchema } from './common';

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
