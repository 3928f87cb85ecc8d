// Following a broadcast's results (issue 8, 「送信者は進み具合をカードで見る」): the status card's
// view, the list of broadcasts a person may follow, the status card posted on demand. Who may see
// what is domain/broadcast.ts (resultsScope): the sender, 統括 and IT管理者 everything, a section
// officer the rows of their own sections (to phone their non-responders, as a 連絡網 works),
// nobody else anything. Every refusal is audited, and a broadcast one may not see is refused
// exactly like one that does not exist.
import {
  answerRequired,
  mayManageBroadcast,
  officerSections,
  resultsScope,
  sectionHierarchy,
  type ResultsScope,
} from '../domain/broadcast';
import type { Clock } from '../domain/clock';
import type { Directory, Person } from '../domain/directory';
import { AuditRepo } from '../storage/audit-repo';
import { BroadcastRepo, type BroadcastRecord, type ReminderSummary } from '../storage/broadcast-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { OutboxRepo, PRIORITY } from '../storage/outbox-repo';
import type { Database } from '../storage/sql';
import { broadcastResults, broadcastsFor, resultsOf, type Refused, type Results } from './broadcast-service';

export interface SectionInfo {
  code: string;
  name: string;
  /** 0 for a top-level section, 1 below it, … */
  depth: number;
}

/** Everything the status card shows, for one viewer, in their scope. */
export interface StatusView extends Results {
  /** Sections of the directory in hierarchy order (names and depth for the per-section table). */
  sections: SectionInfo[];
  senderName: string | null;
  /** 訂正 / 取消: the sender, 統括 and IT管理者, while the broadcast is not recalled. */
  mayManage: boolean;
  /** 未回答者に再送 within the viewer's scope: answers asked for, not recalled. */
  mayRemind: boolean;
  reminders: ReminderSummary;
}

function sectionInfo(dir: Directory): SectionInfo[] {
  const byCode = new Map(dir.sections.map((s) => [s.code, s]));
  return sectionHierarchy(dir.sections).map((h) => ({
    code: h.code,
    name: byCode.get(h.code)?.name ?? h.code,
    depth: h.depth,
  }));
}

/**
 * The status card's data as `viewerId` may see it (refresh, a click, a card posted through the
 * outbox). Refused — audited by broadcastResults, with `via` — when they may see nothing.
 */
export async function broadcastStatusView(
  db: Database,
  clock: Clock,
  req: { viewerId: string; broadcastId: string; via: string },
): Promise<({ ok: true } & StatusView) | Refused> {
  const r = await broadcastResults(db, clock, req);
  if (!r.ok) return r;
  const dir = await new DirectoryRepo(db).load();
  const b = r.broadcast;
  const live = b.status === 'sent';
  return {
    ...r,
    sections: sectionInfo(dir),
    senderName: dir.people.find((p) => p.id === b.createdBy)?.name ?? null,
    mayManage: live && mayManageBroadcast(dir, req.viewerId, b),
    mayRemind: live && answerRequired(b.answer),
    reminders: await new BroadcastRepo(db).reminderSummary(b.id),
  };
}

/**
 * The status card posted in the viewer's chat during their turn (「開く」): recorded in the outbox
 * as posted, so the throttled updates of the broadcast replace it in place like the sender's own.
 * Posting it in the turn, not through the queue, keeps it from waiting behind a large broadcast's
 * copies.
 */
export async function recordPostedStatusCard(
  db: Database,
  clock: Clock,
  req: { viewer: Person; broadcastId: string; activityId: string; conversationId: string },
): Promise<void> {
  const at = clock.now().toISOString();
  await db.transaction(async (tx) => {
    const outbox = new OutboxRepo(tx);
    const id = await outbox.enqueueReturningId({
      dedupeKey: `bcs:${req.broadcastId}:${req.viewer.id}:${req.activityId}`,
      toAad: req.viewer.aadObjectId,
      priority: PRIORITY.normal,
      message: { type: 'broadcast.status', broadcastId: req.broadcastId, personId: req.viewer.id },
      broadcastId: req.broadcastId,
      at,
    });
    if (id !== undefined) await outbox.markSent(id, at, req.activityId, req.conversationId);
  });
}

export interface FollowedBroadcast {
  broadcast: BroadcastRecord;
  scope: ResultsScope;
  targeted: number;
  delivered: number;
  answered: number;
}

/**
 * Who may ask for 「通知の状況」 at all: IT管理者, 統括, a section officer, or someone who sent a
 * broadcast. Everyone else is refused (and audited) rather than shown an empty list.
 */
async function mayFollow(db: Database, dir: Directory, person: Person): Promise<boolean> {
  if (person.isItAdmin || person.isChiefOfficer || officerSections(dir, person.id).length > 0) return true;
  return (await broadcastsFor(db, person.id, 1)).length > 0;
}

/** Whether the menu offers 「通知の状況」 to the person. */
export async function followsBroadcasts(db: Database, person: Person): Promise<boolean> {
  return mayFollow(db, await new DirectoryRepo(db).load(), person);
}

export const FOLLOWED_LIST_MAX = 10;

/** 「通知の状況」: recent broadcasts the viewer may follow, each with its numbers in their scope. */
export async function listFollowedBroadcasts(
  db: Database,
  clock: Clock,
  viewer: Person,
): Promise<{ ok: true; items: FollowedBroadcast[] } | Refused> {
  const dir = await new DirectoryRepo(db).load();
  if (!(await mayFollow(db, dir, viewer))) {
    const at = clock.now().toISOString();
    await db.transaction((tx) =>
      new AuditRepo(tx).append({
        at,
        actor: viewer.id,
        event: 'broadcast.results_denied',
        subject: 'broadcasts',
        data: { reason: 'no_need_to_know', via: 'list' },
      }),
    );
    return { ok: false, reason: 'not_allowed' };
  }
  const repo = new BroadcastRepo(db);
  const items: FollowedBroadcast[] = [];
  for (const b of await broadcastsFor(db, viewer.id, 100)) {
    if (items.length >= FOLLOWED_LIST_MAX) break;
    const scope = resultsScope(dir, viewer.id, b);
    const { rollup } = resultsOf(dir, b, scope, await repo.recipientStatuses(b.id));
    // A section officer follows the broadcasts that reached their sections, not every one.
    if (scope.kind === 'sections' && rollup.total.targeted === 0) continue;
    items.push({
      broadcast: b,
      scope,
      targeted: rollup.total.targeted,
      delivered: rollup.total.delivered,
      answered: rollup.total.answered,
    });
  }
  return { ok: true, items };
}
