import type { Clock } from '../../domain/clock';
import { BroadcastRepo } from '../../storage/broadcast-repo';
import type { SqlClient } from '../../storage/sql';
import type { BroadcastMessage, Rendered } from '../broadcast-render';
import type { Locale } from '../i18n';

/** Plain text until the card lands. */
export async function renderRecipientMessage(
  db: SqlClient,
  _clock: Clock,
  message: BroadcastMessage,
  _locale: Locale,
): Promise<Rendered> {
  const b = await new BroadcastRepo(db).get(message.broadcastId);
  if (!b) return null;
  return { activity: { text: `${b.title}\n\n${b.body}`, textFormat: 'plain' } };
}
