// What managers and officers follow of a broadcast, rendered from storage for one viewer: the live
// status card ('broadcast.status' and its throttled in-place updates, 更新, the card's refresh),
// the non-responder list, and the notice a section officer gets after a reminder
// ('broadcast.notice' officer_pending). Each asks broadcastStatusView first, so the viewer is
// re-checked every time (deny by default, refusals audited): someone who may see nothing gets the
// unavailable card — identical for a broadcast that does not exist.
import type { Clock } from '../../domain/clock';
import { broadcastStatusView } from '../../services/broadcast-status-service';
import { ConversationRepo } from '../../storage/conversation-repo';
import { DirectoryRepo } from '../../storage/directory-repo';
import type { Database } from '../../storage/sql';
import type { BroadcastMessage, Rendered } from '../broadcast-render';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { buildNonRespondersCard } from '../cards/broadcast-nonresponders';
import { buildStatusCard } from '../cards/broadcast-status';
import { t, type Locale } from '../i18n';
import { cardAttachment } from '../send';

/** The short card a refused read gets: nothing about the broadcast, not even whether it exists. */
export function resultsUnavailableCard(locale: Locale): AdaptiveCardJson {
  return renderCard('notice', {
    title: t(locale, 'broadcastResults.unavailableTitle'),
    text: t(locale, 'broadcastResults.unavailableText'),
    basis: '',
    buttons: [],
  });
}

/** The viewer's Teams user id, so their client refreshes the card whenever it is shown. */
async function refreshUserIds(db: Database, viewerId: string): Promise<string[]> {
  const person = await new DirectoryRepo(db).personById(viewerId);
  const ref = person ? await new ConversationRepo(db).get(person.aadObjectId) : undefined;
  const userId = (ref?.reference.user as { id?: string } | undefined)?.id;
  return userId ? [userId] : [];
}

export interface ViewRequest {
  broadcastId: string;
  viewerId: string;
  locale: Locale;
  /** Recorded with a refusal: 'outbox', 'refresh', 'click', 'open', … */
  via: string;
  page?: number;
  notice?: string;
}

export type RenderedView = { shown: boolean; card: AdaptiveCardJson };

export async function renderStatusCard(db: Database, clock: Clock, req: ViewRequest): Promise<RenderedView> {
  const view = await broadcastStatusView(db, clock, req);
  if (!view.ok) return { shown: false, card: resultsUnavailableCard(req.locale) };
  return {
    shown: true,
    card: buildStatusCard(view, {
      locale: req.locale,
      now: clock.now(),
      page: req.page ?? 0,
      refreshUserIds: await refreshUserIds(db, req.viewerId),
      ...(req.notice ? { notice: req.notice } : {}),
    }),
  };
}

export async function renderNonRespondersCard(
  db: Database,
  clock: Clock,
  req: ViewRequest & { kind?: 'list' | 'officer_pending' },
): Promise<RenderedView> {
  const view = await broadcastStatusView(db, clock, req);
  if (!view.ok) return { shown: false, card: resultsUnavailableCard(req.locale) };
  return {
    shown: true,
    card: buildNonRespondersCard(view, {
      locale: req.locale,
      now: clock.now(),
      page: req.page ?? 0,
      kind: req.kind ?? 'list',
      refreshUserIds: await refreshUserIds(db, req.viewerId),
      ...(req.notice ? { notice: req.notice } : {}),
    }),
  };
}

/**
 * The outbox messages of following a broadcast, rendered at send time for their recipient. A
 * recipient who may no longer see the results (e.g. no longer the section's officer) gets nothing:
 * the refusal is audited and the message dropped.
 */
export async function renderStatusMessage(
  db: Database,
  clock: Clock,
  message: BroadcastMessage,
  locale: Locale,
): Promise<Rendered> {
  const req = { broadcastId: message.broadcastId, viewerId: message.personId, locale, via: 'outbox' };
  const r =
    message.type === 'broadcast.notice'
      ? await renderNonRespondersCard(db, clock, { ...req, kind: 'officer_pending' })
      : await renderStatusCard(db, clock, req);
  return r.shown ? { activity: { attachments: [cardAttachment(r.card)] } } : null;
}
