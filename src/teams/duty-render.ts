// The outbox's duty cards (opened, reminded again, escalated to 統括, reported to 統括), rendered
// from storage at send time for that recipient: a card is never pushed to someone who may not see
// the duty any more (the refusal is audited by the service, the message dropped).
import type { Clock } from '../domain/clock';
import { viewDuty } from '../services/duty-service';
import type { OutboxMessage } from '../storage/outbox-repo';
import type { Database } from '../storage/sql';
import { buildDutyCard } from './cards/duty';
import type { Locale } from './i18n';
import { cardAttachment } from './send';

export async function renderDutyMessage(
  db: Database,
  clock: Clock,
  message: Extract<OutboxMessage, { type: 'duty.card' }>,
  locale: Locale,
): Promise<{ activity: { attachments: ReturnType<typeof cardAttachment>[] } } | null> {
  const r = await viewDuty(db, clock, {
    dutyId: message.dutyId,
    viewer: { personId: message.personId },
    via: 'outbox',
  });
  if (!r.ok) return null;
  const card = buildDutyCard(locale, r.view, clock.now(), { reason: message.reason });
  return { activity: { attachments: [cardAttachment(card)] } };
}
