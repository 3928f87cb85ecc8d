// What a recipient gets, rendered from storage at send time in their language: their copy of the
// broadcast (first post, reminders, and the in-place updates after an answer, a correction or a
// recall), and the notice to 統括 of a real broadcast to all staff. Someone who is not a recipient
// (or a broadcast that is no longer there) gets nothing: the message is dropped.
import type { Clock } from '../../domain/clock';
import { chiefNotice, recipientCopy, type CopyView } from '../../services/broadcast-view-service';
import type { SqlClient } from '../../storage/sql';
import type { BroadcastMessage, Rendered } from '../broadcast-render';
import { buildBroadcastMessageCard } from '../cards/broadcast-message';
import { buildChiefNoticeCard } from '../cards/broadcast-notice';
import type { AdaptiveCardJson } from '../cards';
import type { Locale } from '../i18n';
import { cardAttachment } from '../send';

/** A recipient's copy as it is now, for them (also the invoke answer to their click or refresh). */
export function copyCard(locale: Locale, copy: CopyView, reminder?: number): AdaptiveCardJson {
  const r = copy.recipient;
  return buildBroadcastMessageCard(locale, {
    broadcast: copy.broadcast,
    sender: copy.sender,
    instructor: copy.instructor,
    answered: r.latestAnswer && r.latestAnsweredAt ? { key: r.latestAnswer, at: r.latestAnsweredAt } : null,
    refreshUserId: copy.refreshUserId,
    ...(reminder ? { reminder } : {}),
  });
}

export async function renderRecipientMessage(
  db: SqlClient,
  _clock: Clock,
  message: BroadcastMessage,
  locale: Locale,
): Promise<Rendered> {
  if (message.type === 'broadcast.notice') {
    const n = await chiefNotice(db, message.broadcastId);
    if (!n) return null;
    const card = buildChiefNoticeCard(locale, { ...n, viewerId: message.personId });
    return { activity: { attachments: [cardAttachment(card)] } };
  }
  if (message.type !== 'broadcast' && message.type !== 'broadcast.update') return null;
  const copy = await recipientCopy(db, message.broadcastId, message.personId);
  if (!copy) return null;
  const reminder = message.type === 'broadcast' ? message.reminder : undefined;
  return { activity: { attachments: [cardAttachment(copyCard(locale, copy, reminder))] } };
}
