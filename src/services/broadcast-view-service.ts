// What the broadcast cards show, read from storage for one viewer: the compose options and draft of
// a sender, the preview, a recipient's own copy, the notice to 統括, and a broadcast to correct or
// recall. Changes live in broadcast-service.ts; refusals to read are audited here.
import { mayManageBroadcast, needsInstruction } from '../domain/broadcast';
import { composeOptions, isBroadcastSender, type ComposeOptions } from '../domain/broadcast-compose';
import type { Clock } from '../domain/clock';
import type { Directory, Person } from '../domain/directory';
import { AuditRepo } from '../storage/audit-repo';
import { BroadcastRepo, type BroadcastRecord, type RecipientRecord } from '../storage/broadcast-repo';
import { ConversationRepo } from '../storage/conversation-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import type { Database, SqlClient } from '../storage/sql';
import { previewBroadcast, type Preview, type Refused } from './broadcast-service';

/** A person as a card names them. */
export interface PersonLabel {
  id: string;
  name: string;
  section: string;
}

function labelOf(dir: Directory, id: string | null): PersonLabel | null {
  if (!id) return null;
  const p = dir.people.find((x) => x.id === id);
  const section = p ? dir.sections.find((s) => s.code === p.sectionCode) : undefined;
  return { id, name: p?.name ?? id, section: section?.name ?? p?.sectionCode ?? '' };
}

async function audit(
  db: SqlClient,
  clock: Clock,
  actor: string,
  event: string,
  subject: string,
  data: Record<string, unknown>,
): Promise<void> {
  await new AuditRepo(db).append({ at: clock.now().toISOString(), actor, event, subject, data });
}

// ---------------------------------------------------------------------------------------------
// Compose

export type ComposeContext =
  | { ok: true; options: ComposeOptions; draft: BroadcastRecord | undefined }
  | { ok: false; reason: 'not_a_sender' };

/**
 * What `person` may compose, and their latest draft. Anyone who may send nothing is refused, and
 * the refusal is audited (deny by default: the card is never shown to them).
 */
export async function composeContext(
  db: Database,
  clock: Clock,
  person: Person,
  via: string,
): Promise<ComposeContext> {
  const dir = await new DirectoryRepo(db).load();
  if (!isBroadcastSender(dir, person)) {
    await db.transaction((tx) =>
      audit(tx, clock, person.id, 'broadcast.compose_denied', 'broadcast', { reason: 'not_a_sender', via }),
    );
    return { ok: false, reason: 'not_a_sender' };
  }
  return {
    ok: true,
    options: composeOptions(dir, person),
    draft: await new BroadcastRepo(db).latestDraftBy(person.id),
  };
}

/** Whether the person may compose at all (the menu shows 一斉通知 to them). */
export async function mayComposeBroadcast(db: Database, person: Person): Promise<boolean> {
  return isBroadcastSender(await new DirectoryRepo(db).load(), person);
}

/** The sender's own draft (or sent broadcast) by id; another's is as missing. */
export async function ownBroadcast(
  db: Database,
  actorId: string,
  broadcastId: string,
): Promise<BroadcastRecord | undefined> {
  const b = await new BroadcastRepo(db).get(broadcastId);
  return b && b.createdBy === actorId ? b : undefined;
}

export interface PreviewView extends Preview {
  sender: PersonLabel;
  instructor: PersonLabel | null;
  /** Section code → name, for the per-section counts. */
  sectionNames: Record<string, string>;
  /** 統括 told at once when it is sent (a real broadcast to all staff), never the sender. */
  told: PersonLabel[];
}

/** The preview as the sender sees it: previewBroadcast (refused and audited like sending), with names. */
export async function previewView(
  db: Database,
  clock: Clock,
  req: { actorId: string; broadcastId: string },
): Promise<({ ok: true } & PreviewView) | Refused> {
  const p = await previewBroadcast(db, clock, req);
  if (!p.ok) return p;
  const dir = await new DirectoryRepo(db).load();
  const b = p.broadcast;
  return {
    ...p,
    sender: labelOf(dir, b.createdBy) as PersonLabel,
    instructor: labelOf(dir, b.instructedBy),
    sectionNames: Object.fromEntries(dir.sections.map((s) => [s.code, s.name])),
    told: needsInstruction(b.audience, b.mode)
      ? dir.people
          .filter((x) => x.isChiefOfficer && x.id !== b.createdBy)
          .map((x) => labelOf(dir, x.id) as PersonLabel)
      : [],
  };
}

// ---------------------------------------------------------------------------------------------
// A recipient's copy

export interface CopyView {
  broadcast: BroadcastRecord;
  recipient: RecipientRecord;
  sender: PersonLabel;
  instructor: PersonLabel | null;
  /** The Teams user id Teams refreshes the card for (the recipient), from their conversation. */
  refreshUserId: string;
}

/**
 * The copy of `personId`: only a recipient of a sent or recalled broadcast has one. Anything else
 * (a draft, someone else's broadcast, no such id) is `undefined` — the same for every case.
 */
export async function recipientCopy(
  db: SqlClient,
  broadcastId: string,
  personId: string,
): Promise<CopyView | undefined> {
  const repo = new BroadcastRepo(db);
  const b = await repo.get(broadcastId);
  if (!b || (b.status !== 'sent' && b.status !== 'recalled')) return undefined;
  const r = await repo.recipient(b.id, personId);
  if (!r) return undefined;
  const dir = await new DirectoryRepo(db).load();
  const ref = await new ConversationRepo(db).get(r.aadObjectId);
  const userId = (ref?.reference.user as { id?: unknown } | undefined)?.id;
  return {
    broadcast: b,
    recipient: r,
    sender: labelOf(dir, b.createdBy) as PersonLabel,
    instructor: labelOf(dir, b.instructedBy),
    refreshUserId: typeof userId === 'string' && userId !== '' ? userId : r.aadObjectId,
  };
}

/** A copy as the viewer opens it (refresh, a click): refused views are audited, ids only. */
export async function copyForViewer(
  db: Database,
  clock: Clock,
  req: { viewerId: string; broadcastId: string; via: string },
): Promise<CopyView | undefined> {
  const copy = await recipientCopy(db, req.broadcastId, req.viewerId);
  if (!copy)
    await db.transaction((tx) =>
      audit(tx, clock, req.viewerId, 'broadcast.view_denied', req.broadcastId, {
        reason: 'not_recipient',
        via: req.via,
      }),
    );
  return copy;
}

// ---------------------------------------------------------------------------------------------
// The notice to 統括

export interface ChiefNoticeView {
  broadcast: BroadcastRecord;
  sender: PersonLabel;
  senderIsChief: boolean;
  instructor: PersonLabel | null;
  targeted: number;
  sections: number;
}

export async function chiefNotice(db: SqlClient, broadcastId: string): Promise<ChiefNoticeView | undefined> {
  const b = await new BroadcastRepo(db).get(broadcastId);
  if (!b || b.status === 'draft' || b.status === 'discarded') return undefined;
  const dir = await new DirectoryRepo(db).load();
  const recipients = await new BroadcastRepo(db).recipientStatuses(b.id);
  return {
    broadcast: b,
    sender: labelOf(dir, b.createdBy) as PersonLabel,
    senderIsChief: dir.people.some((p) => p.id === b.createdBy && p.isChiefOfficer),
    instructor: labelOf(dir, b.instructedBy),
    targeted: recipients.length,
    sections: new Set(recipients.map((r) => r.sectionCode)).size,
  };
}

// ---------------------------------------------------------------------------------------------
// Correct, recall

export type ManageView =
  | { ok: true; broadcast: BroadcastRecord; delivered: number }
  | { ok: false; reason: 'not_allowed' | 'recalled' };

/**
 * A sent broadcast the actor may correct or recall (the sender, 統括, IT管理者). Anyone else, and
 * a missing id, is refused alike and audited.
 */
export async function manageView(
  db: Database,
  clock: Clock,
  req: { actorId: string; broadcastId: string; action: 'correct' | 'recall' },
): Promise<ManageView> {
  const dir = await new DirectoryRepo(db).load();
  const b = await new BroadcastRepo(db).get(req.broadcastId);
  if (!b || b.status === 'draft' || b.status === 'discarded' || !mayManageBroadcast(dir, req.actorId, b)) {
    await db.transaction((tx) =>
      audit(tx, clock, req.actorId, 'broadcast.manage_denied', req.broadcastId, {
        reason: 'not_allowed',
        action: `${req.action}_open`,
      }),
    );
    return { ok: false, reason: 'not_allowed' };
  }
  if (b.status === 'recalled') return { ok: false, reason: 'recalled' };
  const delivered = (await new BroadcastRepo(db).recipientStatuses(b.id)).filter(
    (r) => r.delivery === 'delivered',
  ).length;
  return { ok: true, broadcast: b, delivered };
}
