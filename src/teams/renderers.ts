import type { Clock } from '../domain/clock';
import type { Database } from '../storage/sql';
import { renderCaseCard } from './case-view';
import { cardAttachment } from './send';
import type { MessageRenderer } from './sender';

/** Renders outbox messages from storage at send time, in the recipient's language. */
export function createRenderer(db: Database, clock: Clock): MessageRenderer {
  return async (message, locale) => {
    switch (message.type) {
      case 'text':
        return { text: message.text[locale] };
      case 'case.routed':
      case 'case.update': {
        const card = await renderCaseCard(db, message.caseId, message.personId, locale, clock.now());
        return card ? { attachments: [cardAttachment(card)] } : null;
      }
    }
  };
}
