import type { Clock } from '../domain/clock';
import type { Database, SqlClient } from '../storage/sql';
import { DirectoryRepo } from '../storage/directory-repo';
import { renderCard } from './cards';
import { basis, withCitation } from './citation';
import { renderCaseCard } from './case-view';
import { t, type Locale } from './i18n';
import { cardAttachment } from './send';
import type { AfterSend, CommitLock, MessageRenderer } from './sender';
import { CaseRepo } from '../storage/case-repo';
import { requeueStaleCard } from '../services/decision-service';
import { afterBroadcastDelivery } from '../services/broadcast-service';
import { renderBroadcastMessage } from './broadcast-render';
import { renderMediaMessage } from './media-render';
import { sectionNames } from '../services/compliance-summary-service';
import { buildComplianceSummaryCard } from './cards/compliance-summary';
import { renderDutyMessage } from './duty-render';
import { renderGuidanceFollowup } from './routes/guidance-routes';

/**
 * A case card that was rendered from one version and posted while a decision landed is stale:
 * queue an update for exactly that posted copy, so no old buttons survive anywhere. Runs in the
 * transaction that marks the item sent, so a crash cannot lose the update.
 */
export function createAfterSend(clock: Clock): AfterSend {
  return async (tx, item, activityId, renderedVersion) => {
    await requeueStaleCard(tx, { item, activityId, renderedVersion, at: clock.now().toISOString() });
    await afterBroadcastDelivery(tx, item, clock.now());
  };
}

/** The case of a case card is locked before its copy is marked sent (sender.ts commitSent). */
export function createCommitLock(): CommitLock {
  return async (tx, item) => {
    const m = item.message;
    if (m.type === 'case.routed' || m.type === 'case.update') await new CaseRepo(tx).lock(m.caseId);
  };
}

/** Whom to phone instead: the directory's numbers of the person Teams cannot reach (緊急連絡網). */
async function unreachableText(
  db: SqlClient,
  caseId: string,
  personId: string,
  locale: Locale,
): Promise<string | null> {
  const dir = new DirectoryRepo(db);
  const person = await dir.personById(personId);
  if (!person) return null;
  const section = await dir.section(person.sectionCode);
  const phones = [
    ...(person.phone ? [t(locale, 'delivery.phone', { phone: person.phone })] : []),
    ...(person.mobile ? [t(locale, 'delivery.mobile', { mobile: person.mobile })] : []),
  ];
  return t(locale, 'delivery.unreachable', {
    caseId,
    section: section?.name ?? person.sectionCode,
    name: person.name,
    phones: phones.length ? phones.join(t(locale, 'delivery.phoneSeparator')) : t(locale, 'delivery.noPhone'),
  });
}

/** Renders outbox messages from storage at send time, in the recipient's language. */
export function createRenderer(db: Database, clock: Clock): MessageRenderer {
  return async (message, locale) => {
    switch (message.type) {
      case 'text':
        // These texts may quote what someone typed (a reason, a condition): never read as Markdown.
        return {
          activity: {
            text: withCitation(locale, t(locale, message.text), message.article),
            textFormat: 'plain',
          },
        };
      case 'unreachable': {
        const text = await unreachableText(db, message.caseId, message.personId, locale);
        return text ? { activity: { text, textFormat: 'plain' } } : null;
      }
      case 'notice': {
        const card = renderCard('notice', {
          title: t(locale, message.title),
          text: t(locale, message.text),
          basis: basis(locale, message.article),
          buttons: message.buttons.map((b) => ({
            title: t(locale, b.title),
            verb: b.verb,
            caseId: message.caseId,
          })),
        });
        return { activity: { attachments: [cardAttachment(card)] } };
      }
      case 'case.routed':
      case 'case.update': {
        const version = (await new CaseRepo(db).get(message.caseId))?.version;
        // The recipient is re-checked at send time like any viewer: a card is never pushed to
        // someone who may not see the case (the refusal is audited, the message is dropped).
        const r = await renderCaseCard(db, clock, {
          caseId: message.caseId,
          viewerId: message.personId,
          locale,
          via: 'outbox',
        });
        return r.shown
          ? { activity: { attachments: [cardAttachment(r.card)] }, ...(version ? { version } : {}) }
          : null;
      }
      case 'broadcast':
      case 'broadcast.update':
      case 'broadcast.status':
      case 'broadcast.status.update':
      case 'broadcast.notice':
      case 'broadcast.prepared':
        return renderBroadcastMessage(db, clock, message, locale);
      case 'media.disposal':
        return renderMediaMessage(db, clock, message, locale);
      case 'guidance.followup': {
        // Re-checked at send time: only someone who may still decide the entry gets the card.
        const card = await renderGuidanceFollowup(db, message.guidanceId, message.personId, locale);
        return card ? { activity: { attachments: [cardAttachment(card)] } } : null;
      }
      case 'compliance.summary': {
        // The figures as counted when the report was due; section names as the directory has them now.
        const card = buildComplianceSummaryCard(message.summary, {
          locale,
          sectionNames: await sectionNames(db),
          soFar: false,
        });
        return { activity: { attachments: [cardAttachment(card)] } };
      }
      case 'duty.card':
        return renderDutyMessage(db, clock, message, locale);
    }
  };
}
