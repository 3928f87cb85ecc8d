// cards/broadcast-preview.json: what the sender checks before sending (built by ../broadcast-preview.ts):
// the recipient's card as it will arrive, the audience per section, the citation, who is told.
import { z } from 'zod';
import { TextSchema } from './common';
import { BroadcastButtonSchema, CONTAINER_STYLES } from './broadcast-common';

export const BroadcastPreviewCardDataSchema = z.object({
  title: TextSchema,
  /** On top (sent, refused, changed elsewhere); '' hides it. */
  notice: z.string(),
  noticeStyle: z.enum(CONTAINER_STYLES),
  bannerText: TextSchema,
  bannerStyle: z.enum(CONTAINER_STYLES),
  intro: TextSchema,
  /** The body of the recipient's card (cards/broadcast-message.json, inert), embedded as it is. */
  sample: z.array(z.record(z.string(), z.unknown())).min(1),
  audienceHeading: TextSchema,
  sectionLines: z.array(TextSchema),
  purposeBasis: TextSchema,
  /** 「送信と同時に … に知らせます。」; '' when nobody is told. */
  told: z.string(),
  toldBasis: z.string(),
  remindLine: TextSchema,
  remindBasis: z.string(),
  buttons: z.array(BroadcastButtonSchema),
});
export type BroadcastPreviewCardData = z.infer<typeof BroadcastPreviewCardDataSchema>;
