import type { Activity } from 'botbuilder';
import type { Clock } from '../domain/clock';
import type { OutboxMessage } from '../storage/outbox-repo';
import type { Database } from '../storage/sql';
import { previewView } from '../services/broadcast-view-service';
import { previewCard } from './broadcast/preview-card';
import { renderRecipientMessage } from './broadcast/recipient-render';
import { renderStatusMessage } from './broadcast/status-render';
import { t, type Locale } from './i18n';
import { cardAttachment } from './send';

export type BroadcastMessage = Extract<OutboxMessage, { broadcastId: string }>;
export type Rendered = { activity: Partial<Activity> } | null;

/**
 * Renders a broadcast's outbox messages from storage at send time: what recipients get (their copy,
 * its updates, the notice to 統括) and what managers and officers follow (status card, who has not
 * answered).
 */
export async function renderBroadcastMessage(
  db: Database,
  clock: Clock,
  message: BroadcastMessage,
  locale: Locale,
): Promise<Rendered> {
  switch (message.type) {
    case 'broadcast':
    case 'broadcast.update':
      return renderRecipientMessage(db, clock, message, locale);
    case 'broadcast.notice':
      return message.notice === 'chief_informed'
        ? renderRecipientMessage(db, clock, message, locale)
        : renderStatusMessage(db, clock, message, locale);
    case 'broadcast.status':
    case 'broadcast.status.update':
      return renderStatusMessage(db, clock, message, locale);
    case 'broadcast.prepared': {
      // Checked at send time like a preview (refused and audited when no longer theirs to send).
      const p = await previewView(db, clock, { actorId: message.personId, broadcastId: message.broadcastId });
      if (!p.ok || p.broadcast.status !== 'draft') return null;
      const notice = t(locale, p.broadcast.parentId ? 'casebc.preparedRelay' : 'casebc.preparedForYou', {
        id: p.broadcast.id,
        instructor: p.instructor?.name ?? '',
      });
      const card = previewCard(locale, p, { kind: 'prepared', notice });
      return { activity: { attachments: [cardAttachment(card)] } };
    }
  }
}
