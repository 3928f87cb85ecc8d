// Delivery use cases around people Teams cannot reach yet (issue 7 §2): a message for them waits
// (outbox status `waiting`, never dead for this reason), the person who caused it is told at once
// whom to phone, and IT管理者 / 統括 can list who is unreachable.
import type { Clock } from '../domain/clock';
import type { Person } from '../domain/directory';
import { AuditRepo } from '../storage/audit-repo';
import { CaseRepo } from '../storage/case-repo';
import { ConversationRepo } from '../storage/conversation-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { OutboxRepo, type OutboxItem } from '../storage/outbox-repo';
import type { Database, SqlClient } from '../storage/sql';

export interface HoldResult {
  /** The person's reference appeared meanwhile: the item is due again at once instead. */
  released: boolean;
  /** A notice to the person who caused the message was enqueued now (first time for this case). */
  notified: boolean;
}

/**
 * In one transaction: the item waits until `recheckAt` (or until the person becomes reachable),
 * the reporter of its case is told once per recipient and case (outbox, dedupe key), and the first
 * time the item waits it is audited (`delivery.unreachable`, subject: the unreachable person).
 */
export async function holdForUnreachable(
  db: Database,
  clock: Clock,
  item: OutboxItem,
  reason: string,
  recheckAt: string,
): Promise<HoldResult> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const outbox = new OutboxRepo(tx);
    const first = await outbox.markWaiting(item.id, at, recheckAt, reason);
    // The identity guard may have stored the person's reference while this attempt ran; it
    // releases only waiting items, so release this one here rather than wait for the re-check.
    if (await new ConversationRepo(tx).get(item.toAad)) {
      await outbox.releaseWaiting(item.toAad, at);
      return { released: true, notified: false };
    }
    const person = await new DirectoryRepo(tx).personByAadObjectId(item.toAad);
    const notifiedId = await notifyReporter(tx, item, person, at);
    if (first) {
      await new AuditRepo(tx).append({
        at,
        actor: 'system',
        event: 'delivery.unreachable',
        subject: person?.id ?? item.toAad,
        data: {
          outboxId: item.id,
          caseId: item.caseId,
          type: item.message.type,
          reason,
          notified: notifiedId,
        },
      });
    }
    return { released: false, notified: notifiedId !== null };
  });
}

/**
 * Tells the reporter of the item's case, once per unreachable recipient and case (dedupe key), that
 * the recipient could not be reached and whom to phone. Returns the reporter's id when enqueued now.
 */
async function notifyReporter(
  tx: SqlClient,
  item: OutboxItem,
  person: Person | undefined,
  at: string,
): Promise<string | null> {
  // The notice itself never triggers another notice (its recipient is the reporter).
  if (!item.caseId || !person || item.message.type === 'unreachable') return null;
  const c = await new CaseRepo(tx).get(item.caseId);
  const dir = new DirectoryRepo(tx);
  const reporter = c ? await dir.personById(c.reporterId) : undefined;
  if (!reporter || reporter.id === person.id) return null;
  const enqueued = await new OutboxRepo(tx).enqueue({
    dedupeKey: `unreachable:${item.caseId}:${person.id}`,
    toAad: reporter.aadObjectId,
    priority: item.priority,
    message: { type: 'unreachable', caseId: item.caseId, personId: person.id },
    caseId: item.caseId,
    at,
  });
  return enqueued ? reporter.id : null;
}

/**
 * Teams refuses writes to the recipient (403 MessageWritesBlocked: they blocked or uninstalled the
 * bot). In one transaction: the item is final as `unreachable` with the reason (never retried, never
 * silently dropped), the reporter of its case is told whom to phone as for a waiting recipient, and
 * the refusal is audited (`delivery.blocked`, subject: the recipient).
 */
export async function recordBlocked(
  db: Database,
  clock: Clock,
  item: OutboxItem,
  reason: string,
): Promise<{ notified: boolean }> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    await new OutboxRepo(tx).markUnreachable(item.id, reason);
    const person = await new DirectoryRepo(tx).personByAadObjectId(item.toAad);
    const notifiedId = await notifyReporter(tx, item, person, at);
    await new AuditRepo(tx).append({
      at,
      actor: 'system',
      event: 'delivery.blocked',
      subject: person?.id ?? item.toAad,
      data: { outboxId: item.id, caseId: item.caseId, type: item.message.type, reason, notified: notifiedId },
    });
    return { notified: notifiedId !== null };
  });
}

/**
 * The person became reachable (their reference was just stored): their waiting messages are due
 * at once, audited as `delivery.released`. Returns how many were released.
 */
export async function releaseForReachable(db: Database, clock: Clock, person: Person): Promise<number> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const n = await new OutboxRepo(tx).releaseWaiting(person.aadObjectId, at);
    if (n > 0) {
      await new AuditRepo(tx).append({
        at,
        actor: 'system',
        event: 'delivery.released',
        subject: person.id,
        data: { items: n, why: 'conversation reference stored' },
      });
    }
    return n;
  });
}

/**
 * A way to reach people appeared (a service URL for the tenant was learned or changed): every
 * waiting message is re-checked at once, audited as `delivery.released` on the tenant.
 */
export async function releaseForNewServiceUrl(db: Database, clock: Clock, tenantId: string): Promise<number> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const n = await new OutboxRepo(tx).releaseAllWaiting(at);
    if (n > 0) {
      await new AuditRepo(tx).append({
        at,
        actor: 'system',
        event: 'delivery.released',
        subject: `tenant:${tenantId}`,
        data: { items: n, why: 'service URL learned for the tenant' },
      });
    }
    return n;
  });
}

export interface UnreachableEntry {
  /** Undefined when the recipient is no longer in the directory. */
  person: Person | undefined;
  aadObjectId: string;
  sectionName: string | undefined;
  waiting: number;
  since: string;
}

export type UnreachableList = { ok: true; entries: UnreachableEntry[] } | { ok: false };

/**
 * Who cannot be reached, for IT管理者 and 統括 only (they run the directory and the app's rollout;
 * phone numbers of others are shown to nobody else). Deny by default; a refusal is audited.
 */
export async function listUnreachable(db: Database, clock: Clock, actor: Person): Promise<UnreachableList> {
  if (!actor.isItAdmin && !actor.isChiefOfficer) {
    await new AuditRepo(db).append({
      at: clock.now().toISOString(),
      actor: actor.id,
      event: 'directory.unreachable_denied',
      subject: 'directory',
      data: { reason: 'not_it_admin_or_chief' },
    });
    return { ok: false };
  }
  // The directory once, not two lookups per waiting recipient (there may be hundreds after a rollout).
  const dir = await new DirectoryRepo(db).load();
  const byAad = new Map(dir.people.map((p) => [p.aadObjectId.toLowerCase(), p]));
  const sections = new Map(dir.sections.map((s) => [s.code, s]));
  const entries: UnreachableEntry[] = [];
  for (const w of await new OutboxRepo(db).waitingRecipients()) {
    const person = byAad.get(w.toAad.toLowerCase());
    const section = person ? sections.get(person.sectionCode) : undefined;
    entries.push({
      person,
      aadObjectId: w.toAad,
      sectionName: section?.name,
      waiting: w.count,
      since: w.since,
    });
  }
  return { ok: true, entries };
}
