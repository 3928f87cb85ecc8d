import type { Clock } from '../domain/clock';
import type { Database } from '../storage/sql';
import { renderCard } from './cards';
import { basis, withCitation } from './citation';
import { renderCaseCard } from './case-view';
import { cardAttachment } from './send';
import type { AfterSend, MessageRenderer } from './sender';
import { CaseRepo } from '../storage/case-repo';
import { OutboxRepo } from '../storage/outbox-repo';

/**
 * A case card that was rendered from one version and posted while a decision landed is stale:
 * queue an update for exactly that posted copy, so no old buttons survive anywhere.
 */
export function createAfterSend(db: Database, clock: Clock): AfterSend {
  return async (item, activityId, renderedVersion) => {
    const m = item.message;
    if (
      (m.type !== 'case.routed' && m.type !== 'case.update') ||
      !activityId ||
      renderedVersion === undefined
    )
      return;
    const c = await new CaseRepo(db).get(m.caseId);
    if (!c || c.version === renderedVersion) return;
    await new OutboxRepo(db).enqueue({
      dedupeKey: `case.update:${c.id}:v${c.version}:${item.id}:late`,
      toAad: item.toAad,
      priority: item.priority,
      message: {
        type: 'case.update',
        caseId: c.id,
        personId: m.personId,
        activityId,
        conversationId: item.conversationId ?? '',
      },
      caseId: c.id,
      at: clock.now().toISOString(),
    });
  };
}

/** Renders outbox messages from storage at send time, in the recipient's language. */
export function createRenderer(db: Database, clock: Clock): MessageRenderer {
  return async (message, locale) => {
    switch (message.type) {
      case 'text':
        return { activity: { text: withCitation(locale, message.text[locale], message.article) } };
      case 'notice': {
        const card = renderCard('notice', {
          title: message.title[locale],
          text: message.text[locale],
          basis: basis(locale, message.article),
          buttons: message.buttons.map((b) => ({
            title: b.title[locale],
            verb: b.verb,
            caseId: message.caseId,
          })),
        });
        return { activity: { attachments: [cardAttachment(card)] } };
      }
      case 'case.routed':
      case 'case.update': {
        const version = (await new CaseRepo(db).get(message.caseId))?.version;
        const card = await renderCaseCard(db, message.caseId, message.personId, locale, clock.now());
        return card
          ? { activity: { attachments: [cardAttachment(card)] }, ...(version ? { version } : {}) }
          : null;
      }
    }
  };
}
