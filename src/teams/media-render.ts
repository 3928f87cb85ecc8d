// The outbox's media messages (a disposal request for its officer or deputy, the decision for the
// requester), rendered from storage at send time for that recipient: a card is never pushed to
// someone who may not see the record (the refusal is audited by the service, the message dropped).
import type { Clock } from '../domain/clock';
import { viewMediaRecord } from '../services/media-service';
import type { OutboxMessage } from '../storage/outbox-repo';
import type { Database } from '../storage/sql';
import { buildMediaDisposalCard } from './cards/media';
import type { Locale } from './i18n';
import { cardAttachment } from './send';

export async function renderMediaMessage(
  db: Database,
  clock: Clock,
  message: Extract<OutboxMessage, { type: 'media.disposal' }>,
  locale: Locale,
): Promise<{ activity: { attachments: ReturnType<typeof cardAttachment>[] } } | null> {
  const view = await viewMediaRecord(db, clock, {
    recordId: message.recordId,
    viewerId: message.personId,
    via: 'outbox',
  });
  return view ? { activity: { attachments: [cardAttachment(buildMediaDisposalCard(locale, view))] } } : null;
}
