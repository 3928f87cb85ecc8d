import type { Activity } from 'botbuilder';
import type { Clock } from '../domain/clock';
import { BroadcastRepo } from '../storage/broadcast-repo';
import type { OutboxMessage } from '../storage/outbox-repo';
import type { SqlClient } from '../storage/sql';
import type { Locale } from './i18n';

type BroadcastMessage = Extract<OutboxMessage, { broadcastId: string }>;

/**
 * Renders a broadcast's outbox messages from storage at send time. Plain text for now: the cards
 * (answer buttons, status card) replace this.
 */
export async function renderBroadcastMessage(
  db: SqlClient,
  _clock: Clock,
  message: BroadcastMessage,
  _locale: Locale,
): Promise<{ activity: Partial<Activity> } | null> {
  const b = await new BroadcastRepo(db).get(message.broadcastId);
  if (!b) return null;
  return { activity: { text: `${b.title}\n\n${b.body}`, textFormat: 'plain' } };
}
