// Emergency broadcasts (issue 8): compose (a draft that survives a restart), send to the audience
// the standard allows, record answers (first and latest), correct or recall every delivered copy in
// place, follow the results per section, remind non-responders. Every state change and every
// refusal is audited in the same transaction. Who may do what: domain/broadcast.ts.
//
// Outbox dedupe keys (one row per recipient message; a repeated call never sends twice):
//   bc:<id>:<person>          the copy for a recipient
//   bc:<id>:<person>:r<n>     the n-th reminder to a recipient
//   bcs:<id>:<person>         the status card for a manager
//   bcsu:<id>:<card>:<t>      update of one posted status card (its outbox id), one per STATUS_THROTTLE_MS bucket
//   bcu:<id>:<outbox>:<tag>   update in place of a delivered copy (answer, correction, recall)
//   bcn:<id>:<person>:<tag>   a notice (統括 informed; an officer told who has not answered)
import type { Clock } from '../domain/clock';
import {
  answerKey,
  answerRequired,
  audienceSections,
  broadcastPriority,
  isValidAnswer,
  mayManageBroadcast,
  maySendBroadcast,
  needsInstruction,
  officerSections,
  purposeCitation,
  resolveAudience,
  resultsScope,
  rollup,
  scopeIncludes,
  sectionHierarchy,
  type BroadcastAnswer,
  type BroadcastTarget,
  type ResultsScope,
  type Rollup,
  type SendDenyReason,
} from '../domain/broadcast';
import { fixedAnswer } from '../domain/case-broadcasts';
import type { CaseKind } from '../domain/cases';
import type { Directory, Person } from '../domain/directory';
import { AuditRepo } from '../storage/audit-repo';
import {
  BroadcastRepo,
  toRollupRow,
  type BroadcastContent,
  type BroadcastRecord,
  type RecipientStatus,
} from '../storage/broadcast-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { DraftRepo } from '../storage/draft-repo';
import { OutboxRepo, PRIORITY, type OutboxItem } from '../storage/outbox-repo';
import type { Database, SqlClient } from '../storage/sql';
import { TimerRepo } from '../storage/timer-repo';
import { checkBroadcastLinks, prepareRelay } from './case-broadcast-service';

/** The live status card is updated at most once per this many milliseconds (per viewer). */
export const STATUS_THROTTLE_MS = 10_000;
/** Automatic reminders after the first: again every remindAfterMinutes, this many in all. */
export const MAX_AUTO_REMINDERS = 3;
/** An on-demand reminder skips people reminded less than this long ago (運用ルール). */
export const REMIND_COOLDOWN_MS = 2 * 60_000;

export type BroadcastRefusal =
  | SendDenyReason
  | 'unknown_actor'
  | 'not_found'
  | 'not_draft'
  | 'not_sent'
  | 'recalled'
  | 'stale'
  | 'not_recipient'
  | 'invalid_answer'
  | 'not_allowed';

export type Refused = { ok: false; reason: BroadcastRefusal };

async function audit(
  tx: SqlClient,
  at: string,
  actor: string,
  event: string,
  subject: string,
  data: Record<string, unknown>,
  article?: Parameters<AuditRepo['append']>[0]['article'],
): Promise<void> {
  await new AuditRepo(tx).append({ at, actor, event, subject, data, ...(article ? { article } : {}) });
}

async function personOf(dir: Directory, actorId: string): Promise<Person | undefined> {
  return dir.people.find((p) => p.id === actorId);
}

// ---------------------------------------------------------------------------------------------
// Compose

/**
 * Creates or rewrites the sender's draft. Anyone who may send anything may keep a draft; what they
 * may send is checked at preview and at send. A stale version (edited elsewhere) is refused.
 */
export async function saveBroadcastDraft(
  db: Database,
  clock: Clock,
  req: { actorId: string; broadcastId?: string; version?: number; content: BroadcastContent },
): Promise<{ ok: true; broadcast: BroadcastRecord } | Refused> {
  const at = clock.now().toISOString();
  // 14(5)/(6) ask for acknowledgement, 14(3) for 「対応済」: the answer of those purposes is fixed.
  const fixed = fixedAnswer(req.content.purpose);
  if (fixed) req = { ...req, content: { ...req.content, answer: fixed } };
  return db.transaction(async (tx) => {
    const dir = await new DirectoryRepo(tx).load();
    const actor = await personOf(dir, req.actorId);
    const repo = new BroadcastRepo(tx);
    if (!actor) {
      await audit(tx, at, req.actorId, 'broadcast.draft_denied', req.broadcastId ?? 'broadcast', {
        reason: 'unknown_actor',
      });
      return { ok: false, reason: 'unknown_actor' } as const;
    }
    if (!actor.isItAdmin && !actor.isChiefOfficer && officerSections(dir, actor.id).length === 0) {
      await audit(tx, at, actor.id, 'broadcast.draft_denied', req.broadcastId ?? 'broadcast', {
        reason: 'not_a_sender',
      });
      return { ok: false, reason: 'not_a_sender' } as const;
    }
    if (req.broadcastId) {
      const b = await repo.get(req.broadcastId);
      if (!b || b.createdBy !== actor.id) {
        await audit(tx, at, actor.id, 'broadcast.draft_denied', req.broadcastId, { reason: 'not_found' });
        return { ok: false, reason: 'not_found' } as const;
      }
      if (b.status !== 'draft') return { ok: false, reason: 'not_draft' } as const;
      if (!(await repo.updateDraft(b.id, req.version ?? b.version, req.content, at)))
        return { ok: false, reason: 'stale' } as const;
      await audit(
        tx,
        at,
        actor.id,
        'broadcast.draft_saved',
        b.id,
        { title: req.content.title },
        purposeCitation(req.content.purpose),
      );
      return { ok: true, broadcast: (await repo.get(b.id)) as BroadcastRecord } as const;
    }
    const id = await repo.nextId(clock.now().getUTCFullYear());
    await repo.insertDraft(id, actor.id, req.content, at);
    await audit(
      tx,
      at,
      actor.id,
      'broadcast.draft_saved',
      id,
      { title: req.content.title },
      purposeCitation(req.content.purpose),
    );
    return { ok: true, broadcast: (await repo.get(id)) as BroadcastRecord } as const;
  });
}

export async function discardBroadcastDraft(
  db: Database,
  clock: Clock,
  req: { actorId: string; broadcastId: string },
): Promise<{ ok: true } | Refused> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const repo = new BroadcastRepo(tx);
    const b = await repo.get(req.broadcastId);
    if (!b || b.createdBy !== req.actorId) {
      await audit(tx, at, req.actorId, 'broadcast.draft_denied', req.broadcastId, { reason: 'not_found' });
      return { ok: false, reason: 'not_found' } as const;
    }
    if (b.status !== 'draft') return { ok: false, reason: 'not_draft' } as const;
    await repo.setStatus(b.id, b.version, 'discarded', at);
    await audit(tx, at, req.actorId, 'broadcast.draft_discarded', b.id, {}, purposeCitation(b.purpose));
    return { ok: true } as const;
  });
}

export interface Preview {
  broadcast: BroadcastRecord;
  targets: BroadcastTarget[];
  /** Recipients per section code, in directory order. */
  perSection: Array<{ sectionCode: string; count: number }>;
}

/** What the sender will send, to whom: refused exactly as sending would be. */
export async function previewBroadcast(
  db: Database,
  clock: Clock,
  req: { actorId: string; broadcastId: string },
): Promise<({ ok: true } & Preview) | Refused> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const dir = await new DirectoryRepo(tx).load();
    const b = await new BroadcastRepo(tx).get(req.broadcastId);
    if (!b || b.createdBy !== req.actorId) {
      await audit(tx, at, req.actorId, 'broadcast.send_denied', req.broadcastId, {
        reason: 'not_found',
        step: 'preview',
      });
      return { ok: false, reason: 'not_found' } as const;
    }
    const decision = maySendBroadcast(dir, req.actorId, b);
    if (!decision.ok) {
      await audit(tx, at, req.actorId, 'broadcast.send_denied', b.id, {
        reason: decision.reason,
        step: 'preview',
      });
      return { ok: false, reason: decision.reason } as const;
    }
    const link = await checkBroadcastLinks(tx, dir, b, req.actorId);
    if (!link.ok) {
      await audit(
        tx,
        at,
        req.actorId,
        'broadcast.send_denied',
        b.id,
        { reason: link.reason, step: 'preview' },
        purposeCitation(b.purpose),
      );
      return { ok: false, reason: link.reason } as const;
    }
    const targets = resolveAudience(dir, b.audience);
    return { ok: true, broadcast: b, targets, perSection: perSection(dir, targets) } as const;
  });
}

function perSection(dir: Directory, targets: readonly BroadcastTarget[]): Preview['perSection'] {
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t.sectionCode, (counts.get(t.sectionCode) ?? 0) + 1);
  return dir.sections
    .filter((s) => counts.has(s.code))
    .map((s) => ({ sectionCode: s.code, count: counts.get(s.code) ?? 0 }));
}

// ---------------------------------------------------------------------------------------------
// Send

export interface SendResult {
  ok: true;
  broadcast: BroadcastRecord;
  recipients: number;
  /** 統括 told at once (a real broadcast to all staff). */
  chiefsInformed: string[];
}

/**
 * Sends a draft: in one transaction the broadcast becomes 'sent', one outbox row per recipient is
 * written (priority by severity), the sender's status card is queued, 統括 is told of a real
 * broadcast to all staff, and the first automatic reminder is scheduled. A repeated confirm
 * (double click, retry) finds the broadcast sent and changes nothing.
 */
export async function sendBroadcast(
  db: Database,
  clock: Clock,
  req: { actorId: string; broadcastId: string; version: number },
): Promise<SendResult | Refused> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const dir = await new DirectoryRepo(tx).load();
    const repo = new BroadcastRepo(tx);
    const b = await repo.get(req.broadcastId);
    const deny = async (reason: BroadcastRefusal): Promise<Refused> => {
      await audit(tx, at, req.actorId, 'broadcast.send_denied', req.broadcastId, { reason, step: 'send' });
      return { ok: false, reason };
    };
    if (!b || b.createdBy !== req.actorId) return deny('not_found');
    if (b.status !== 'draft') return { ok: false, reason: 'not_draft' };
    const decision = maySendBroadcast(dir, req.actorId, b);
    if (!decision.ok) return deny(decision.reason);
    const link = await checkBroadcastLinks(tx, dir, b, req.actorId);
    if (!link.ok) return deny(link.reason);
    if (b.version !== req.version) return { ok: false, reason: 'stale' };
    if (!(await repo.setStatus(b.id, b.version, 'sent', at, { sentAt: at })))
      return { ok: false, reason: 'stale' };
    const sent = (await repo.get(b.id)) as BroadcastRecord;
    const targets = resolveAudience(dir, b.audience);
    const outbox = new OutboxRepo(tx);
    const priority = PRIORITY[broadcastPriority(b.severity)];
    // The sender's status card first: at the same priority it goes before the copies (outbox order
    // is priority, due time, id), so the sender follows the delivery from its first message on.
    const sender = dir.people.find((p) => p.id === req.actorId) as Person;
    await outbox.enqueue({
      dedupeKey: `bcs:${b.id}:${sender.id}`,
      toAad: sender.aadObjectId,
      priority,
      message: { type: 'broadcast.status', broadcastId: b.id, personId: sender.id },
      broadcastId: b.id,
      at,
    });
    // One multi-row statement per chunk of recipients, not a round trip each (over a network a
    // broadcast to all staff would otherwise hold this transaction for thousands of them).
    const copies = await outbox.enqueueMany(
      targets.map((t) => ({
        dedupeKey: `bc:${b.id}:${t.personId}`,
        toAad: t.aadObjectId,
        priority,
        message: { type: 'broadcast' as const, broadcastId: b.id, personId: t.personId },
        broadcastId: b.id,
        at,
      })),
    );
    await repo.addRecipients(
      targets.map((t) => ({
        broadcastId: b.id,
        ...t,
        outboxId: copies.get(`bc:${b.id}:${t.personId}`) ?? null,
      })),
    );
    const chiefsInformed: string[] = [];
    if (needsInstruction(b.audience, b.mode)) {
      for (const chief of dir.people.filter((p) => p.isChiefOfficer && p.id !== sender.id)) {
        await outbox.enqueue({
          dedupeKey: `bcn:${b.id}:${chief.id}:chief`,
          toAad: chief.aadObjectId,
          priority: PRIORITY.emergency,
          message: {
            type: 'broadcast.notice',
            broadcastId: b.id,
            personId: chief.id,
            notice: 'chief_informed',
          },
          broadcastId: b.id,
          at,
        });
        chiefsInformed.push(chief.id);
      }
    }
    if (b.remindAfterMinutes && answerRequired(b.answer)) {
      await new TimerRepo(tx).schedule({
        dedupeKey: `bcr:${b.id}:1`,
        caseId: null,
        kind: 'broadcast_reminder',
        dueAt: new Date(clock.now().getTime() + b.remindAfterMinutes * 60_000).toISOString(),
        payload: { broadcastId: b.id, n: 1 },
        at,
      });
    }
    await audit(
      tx,
      at,
      sender.id,
      'broadcast.sent',
      b.id,
      {
        purpose: b.purpose,
        mode: b.mode,
        severity: b.severity,
        title: b.title,
        audience: b.audience,
        ...(b.caseId ? { caseId: b.caseId } : {}),
        ...(b.parentId ? { parentId: b.parentId } : {}),
        sections: audienceSections(dir, b.audience),
        recipients: targets.length,
        instructedBy: b.instructedBy,
        as: decision.as,
        chiefsInformed,
      },
      purposeCitation(b.purpose),
    );
    return { ok: true, broadcast: sent, recipients: targets.length, chiefsInformed } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Status card refresh (throttled)

/**
 * Queues an update of every posted status card of the broadcast, at the end of the current
 * throttle bucket: all events within one bucket become one update, rendered from storage when it
 * is sent — so the card always ends on the latest numbers, and never faster than the throttle.
 */
export async function queueStatusRefresh(tx: SqlClient, broadcastId: string, now: Date): Promise<number> {
  const outbox = new OutboxRepo(tx);
  const bucket = Math.floor(now.getTime() / STATUS_THROTTLE_MS);
  const dueAt = new Date((bucket + 1) * STATUS_THROTTLE_MS).toISOString();
  let n = 0;
  for (const card of await new BroadcastRepo(tx).postedStatusCards(broadcastId)) {
    // Keyed by the posted card, not the person: someone who opened the card twice has both updated.
    const queued = await outbox.enqueue({
      dedupeKey: `bcsu:${broadcastId}:${card.outboxId}:${bucket}`,
      toAad: card.toAad,
      priority: card.priority,
      message: {
        type: 'broadcast.status.update',
        broadcastId,
        personId: card.personId,
        activityId: card.activityId,
        conversationId: card.conversationId,
      },
      broadcastId,
      at: dueAt,
    });
    if (queued) n += 1;
  }
  return n;
}

/** Delivered copies (first copies and reminders) of a broadcast, optionally of one person. */
async function deliveredCopies(tx: SqlClient, broadcastId: string, personId?: string): Promise<OutboxItem[]> {
  const items = await new OutboxRepo(tx).byBroadcast(broadcastId);
  return items.filter(
    (i) =>
      i.message.type === 'broadcast' &&
      i.status === 'sent' &&
      i.activityId !== null &&
      i.conversationId !== null &&
      (personId === undefined || i.message.personId === personId),
  );
}

async function updateCopies(
  tx: SqlClient,
  copies: readonly OutboxItem[],
  tag: string,
  at: string,
): Promise<number> {
  const updates = copies.flatMap((c) =>
    c.message.type !== 'broadcast' || !c.activityId || !c.conversationId
      ? []
      : [
          {
            dedupeKey: `bcu:${c.message.broadcastId}:${c.id}:${tag}`,
            toAad: c.toAad,
            priority: c.priority,
            message: {
              type: 'broadcast.update' as const,
              broadcastId: c.message.broadcastId,
              personId: c.message.personId,
              activityId: c.activityId,
              conversationId: c.conversationId,
            },
            broadcastId: c.message.broadcastId,
            at,
          },
        ],
  );
  return (await new OutboxRepo(tx).enqueueMany(updates)).size;
}

/** After a copy was delivered (sender's afterSend): the status cards show it, throttled. */
export async function afterBroadcastDelivery(tx: SqlClient, item: OutboxItem, now: Date): Promise<void> {
  if (item.message.type === 'broadcast') await queueStatusRefresh(tx, item.message.broadcastId, now);
}

// ---------------------------------------------------------------------------------------------
// Answer

export interface AnswerResult {
  ok: true;
  broadcast: BroadcastRecord;
  /** False when the answer equals the latest one (recorded once). */
  changed: boolean;
  first: boolean;
  /**
   * The flow this choice opens, with the broadcast referenced (set as the origin of the person's
   * draft of that flow); also when the same choice is clicked again.
   */
  opensReport: CaseKind | null;
}

/**
 * A recipient answers. Only a recipient of a sent (not recalled) broadcast may; the same answer
 * twice is recorded once; a changed answer keeps the first and the latest (with times) and every
 * answer in the history. Refusals are audited; a missing broadcast and one the actor did not
 * receive are refused alike.
 */
export async function answerBroadcast(
  db: Database,
  clock: Clock,
  req: { actorId: string; broadcastId: string; answer: BroadcastAnswer },
): Promise<AnswerResult | Refused> {
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const repo = new BroadcastRepo(tx);
    const deny = async (reason: BroadcastRefusal): Promise<Refused> => {
      await audit(tx, at, req.actorId, 'broadcast.answer_denied', req.broadcastId, {
        reason,
        answer: req.answer,
      });
      return { ok: false, reason };
    };
    const b = await repo.get(req.broadcastId);
    const r = b ? await repo.recipient(b.id, req.actorId) : undefined;
    if (!b || !r || b.status === 'draft' || b.status === 'discarded') return deny('not_recipient');
    if (b.status === 'recalled') return deny('recalled');
    if (!isValidAnswer(b.answer, req.answer)) return deny('invalid_answer');
    const key = answerKey(req.answer);
    const choice =
      req.answer.kind === 'choice' && b.answer.kind === 'choice'
        ? b.answer.choices[req.answer.index]
        : undefined;
    const opensReport = choice?.opensReport ?? null;
    // The report this choice opens carries the broadcast: on the person's draft now, on the case
    // when it is sent (flow-service submitFlow). Clicking the same choice again offers it again.
    if (opensReport) await new DraftRepo(tx).setOrigin(r.personId, opensReport, { broadcastId: b.id }, at);
    if (r.latestAnswer === key) {
      if (opensReport)
        await audit(tx, at, r.personId, 'broadcast.report_opened', b.id, { answer: key, kind: opensReport });
      return { ok: true, broadcast: b, changed: false, first: false, opensReport } as const;
    }
    await repo.recordAnswer(b.id, r.personId, key, at);
    const first = r.firstAnswer === null;
    await audit(
      tx,
      at,
      r.personId,
      'broadcast.answered',
      b.id,
      {
        answer: key,
        label: choice?.label ?? null,
        first,
        previous: r.latestAnswer,
        mode: b.mode,
        ...(opensReport ? { opensReport } : {}),
      },
      purposeCitation(b.purpose),
    );
    const history = await repo.answers(b.id);
    await updateCopies(tx, await deliveredCopies(tx, b.id, r.personId), `a${history.length}`, at);
    await queueStatusRefresh(tx, b.id, now);
    // 14(6): an officer who acknowledged a revised standard (14(5)) gets their relay to their staff.
    if (first && key === 'ack') await prepareRelay(tx, clock, b, r.personId, at);
    return {
      ok: true,
      broadcast: b,
      changed: true,
      first,
      opensReport,
    } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Correct, recall

async function manageable(
  tx: SqlClient,
  at: string,
  actorId: string,
  broadcastId: string,
  event: string,
): Promise<{ ok: true; b: BroadcastRecord; dir: Directory } | Refused> {
  const dir = await new DirectoryRepo(tx).load();
  const b = await new BroadcastRepo(tx).get(broadcastId);
  if (!b || b.status === 'draft' || b.status === 'discarded' || !mayManageBroadcast(dir, actorId, b)) {
    await audit(tx, at, actorId, 'broadcast.manage_denied', broadcastId, {
      reason: 'not_allowed',
      action: event,
    });
    return { ok: false, reason: 'not_allowed' };
  }
  if (b.status === 'recalled') return { ok: false, reason: 'recalled' };
  return { ok: true, b, dir };
}

/** 訂正: new title and body; every delivered copy is updated in place, undelivered ones send the new text. */
export async function correctBroadcast(
  db: Database,
  clock: Clock,
  req: { actorId: string; broadcastId: string; version: number; title: string; body: string },
): Promise<{ ok: true; broadcast: BroadcastRecord; updated: number } | Refused> {
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const m = await manageable(tx, at, req.actorId, req.broadcastId, 'correct');
    if (!m.ok) return m;
    const repo = new BroadcastRepo(tx);
    if (!(await repo.correct(m.b.id, req.version, req.title, req.body, at)))
      return { ok: false, reason: 'stale' } as const;
    const b = (await repo.get(m.b.id)) as BroadcastRecord;
    const updated = await updateCopies(tx, await deliveredCopies(tx, b.id), `rev${b.revision}`, at);
    await queueStatusRefresh(tx, b.id, now);
    await audit(
      tx,
      at,
      req.actorId,
      'broadcast.corrected',
      b.id,
      {
        revision: b.revision,
        before: { title: m.b.title, body: m.b.body },
        after: { title: b.title, body: b.body },
        updated,
      },
      purposeCitation(b.purpose),
    );
    return { ok: true, broadcast: b, updated } as const;
  });
}

/** 取消: copies not yet sent are cancelled, delivered ones are updated in place to say so. */
export async function recallBroadcast(
  db: Database,
  clock: Clock,
  req: { actorId: string; broadcastId: string; version: number },
): Promise<{ ok: true; broadcast: BroadcastRecord; updated: number; cancelled: number } | Refused> {
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const m = await manageable(tx, at, req.actorId, req.broadcastId, 'recall');
    if (!m.ok) return m;
    const repo = new BroadcastRepo(tx);
    if (!(await repo.setStatus(m.b.id, req.version, 'recalled', at, { recalledBy: req.actorId })))
      return { ok: false, reason: 'stale' } as const;
    const b = (await repo.get(m.b.id)) as BroadcastRecord;
    const cancelled = await new OutboxRepo(tx).cancelBroadcastCopies(
      b.id,
      'cancelled: the broadcast was recalled',
    );
    const updated = await updateCopies(tx, await deliveredCopies(tx, b.id), 'recall', at);
    await new TimerRepo(tx).cancelByDedupePrefix(`bcr:${b.id}:`);
    await queueStatusRefresh(tx, b.id, now);
    await audit(
      tx,
      at,
      req.actorId,
      'broadcast.recalled',
      b.id,
      { updated, cancelled },
      purposeCitation(b.purpose),
    );
    return { ok: true, broadcast: b, updated, cancelled } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Results

export interface NonResponder {
  person: Person;
  sectionCode: string;
  delivery: RecipientStatus['delivery'];
  reminders: number;
}

export interface Results {
  broadcast: BroadcastRecord;
  scope: ResultsScope;
  rollup: Rollup;
  /** Recipients in scope, in section order. */
  recipients: RecipientStatus[];
  /** Recipients in scope who have not answered (answer required), with the directory's phones. */
  nonResponders: NonResponder[];
}

/** Pure part of reading results: filter by scope, roll up, list non-responders. */
export function resultsOf(
  dir: Directory,
  b: BroadcastRecord,
  scope: ResultsScope,
  all: readonly RecipientStatus[],
): Omit<Results, 'broadcast' | 'scope'> {
  const order = sectionHierarchy(dir.sections).map((s) => s.code);
  const index = new Map(order.map((c, i) => [c, i]));
  const rank = (code: string) => index.get(code) ?? order.length;
  // Hierarchy order (a stable sort keeps the person order within a section).
  const recipients = all
    .filter((r) => scopeIncludes(scope, r.sectionCode))
    .sort((a, b) => rank(a.sectionCode) - rank(b.sectionCode));
  const byId = new Map(dir.people.map((p) => [p.id, p]));
  const nonResponders = answerRequired(b.answer)
    ? recipients
        .filter((r) => r.firstAnsweredAt === null && r.delivery !== 'cancelled')
        .flatMap((r) => {
          const person = byId.get(r.personId);
          return person
            ? [{ person, sectionCode: r.sectionCode, delivery: r.delivery, reminders: r.reminders }]
            : [];
        })
    : [];
  return { rollup: rollup(recipients.map(toRollupRow), b.sentAt, order), recipients, nonResponders };
}

/** Results as `viewerId` may see them; refused (and audited) when they may see none. */
export async function broadcastResults(
  db: Database,
  clock: Clock,
  req: { viewerId: string; broadcastId: string; via: string },
): Promise<({ ok: true } & Results) | Refused> {
  const at = clock.now().toISOString();
  const dir = await new DirectoryRepo(db).load();
  const b = await new BroadcastRepo(db).get(req.broadcastId);
  const scope =
    b && b.status !== 'draft' && b.status !== 'discarded'
      ? resultsScope(dir, req.viewerId, b)
      : ({ kind: 'none' } as const);
  if (!b || scope.kind === 'none') {
    await db.transaction((tx) =>
      audit(tx, at, req.viewerId, 'broadcast.results_denied', req.broadcastId, {
        reason: 'no_need_to_know',
        via: req.via,
      }),
    );
    return { ok: false, reason: 'not_allowed' };
  }
  const all = await new BroadcastRepo(db).recipientStatuses(b.id);
  return { ok: true, broadcast: b, scope, ...resultsOf(dir, b, scope, all) };
}

// ---------------------------------------------------------------------------------------------
// Reminders

export interface RemindResult {
  ok: true;
  reminded: number;
  officersTold: number;
}

/**
 * Reminds the delivered non-responders in the actor's scope (a new post with the answer buttons)
 * and tells the officer of each section concerned who still has not answered. `auto`: fired by
 * the scheduler (actor 'scheduler', whole audience). Delivered copies only: people whose copy
 * failed or who cannot be reached are on the officer's list to phone instead.
 */
export async function remindNonResponders(
  tx: SqlClient,
  clock: Clock,
  req: { actorId: string; broadcastId: string; auto: boolean; tag: string },
): Promise<RemindResult | Refused> {
  const now = clock.now();
  const at = now.toISOString();
  const dir = await new DirectoryRepo(tx).load();
  const repo = new BroadcastRepo(tx);
  const b = await repo.get(req.broadcastId);
  const scope: ResultsScope = req.auto
    ? { kind: 'all' }
    : b && mayManageBroadcast(dir, req.actorId, b)
      ? { kind: 'all' }
      : b
        ? resultsScope(dir, req.actorId, b)
        : { kind: 'none' };
  if (!b || b.status === 'draft' || b.status === 'discarded' || scope.kind === 'none') {
    await audit(tx, at, req.actorId, 'broadcast.manage_denied', req.broadcastId, {
      reason: 'not_allowed',
      action: 'remind',
    });
    return { ok: false, reason: 'not_allowed' };
  }
  if (b.status === 'recalled') return { ok: false, reason: 'recalled' };
  if (!answerRequired(b.answer)) return { ok: true, reminded: 0, officersTold: 0 };
  const all = await repo.recipientStatuses(b.id);
  const { nonResponders } = resultsOf(dir, b, scope, all);
  const outbox = new OutboxRepo(tx);
  const priority = PRIORITY[broadcastPriority(b.severity)];
  const statuses = new Map(all.map((r) => [r.personId, r]));
  const reminders = nonResponders.flatMap((n) => {
    if (n.delivery !== 'delivered') return [];
    const last = statuses.get(n.person.id)?.lastRemindedAt;
    if (!req.auto && last && now.getTime() - Date.parse(last) < REMIND_COOLDOWN_MS) return [];
    const k = n.reminders + 1;
    return [
      {
        personId: n.person.id,
        dedupeKey: `bc:${b.id}:${n.person.id}:r${k}`,
        toAad: n.person.aadObjectId,
        priority,
        message: { type: 'broadcast' as const, broadcastId: b.id, personId: n.person.id, reminder: k },
        broadcastId: b.id,
        at,
      },
    ];
  });
  const queued = await outbox.enqueueMany(reminders);
  const reminded = reminders.filter((r) => queued.has(r.dedupeKey)).map((r) => r.personId);
  await repo.markReminded(b.id, reminded, at);
  // The status cards show the reminders sent (and the next automatic one), throttled as answers.
  if (reminded.length > 0) await queueStatusRefresh(tx, b.id, now);
  // Each section with people still silent: its officer is told who (with phones, at send time).
  const sections = new Set(nonResponders.map((n) => n.sectionCode));
  let officersTold = 0;
  const officers = new Set<string>();
  for (const s of dir.sections) if (sections.has(s.code) && s.officerId) officers.add(s.officerId);
  for (const officerId of officers) {
    const officer = dir.people.find((p) => p.id === officerId);
    if (!officer || officer.id === req.actorId) continue;
    const queued = await outbox.enqueue({
      dedupeKey: `bcn:${b.id}:${officer.id}:${req.tag}`,
      toAad: officer.aadObjectId,
      priority,
      message: {
        type: 'broadcast.notice',
        broadcastId: b.id,
        personId: officer.id,
        notice: 'officer_pending',
      },
      broadcastId: b.id,
      at,
    });
    if (queued) officersTold += 1;
  }
  await audit(
    tx,
    at,
    req.actorId,
    'broadcast.reminded',
    b.id,
    {
      auto: req.auto,
      reminded: reminded.length,
      officersTold,
      scope: scope.kind === 'all' ? 'all' : scope.sectionCodes,
    },
    purposeCitation(b.purpose),
  );
  return { ok: true, reminded: reminded.length, officersTold };
}

/** 「未回答者に再送」 from a card. */
export async function remindNow(
  db: Database,
  clock: Clock,
  req: { actorId: string; broadcastId: string },
): Promise<RemindResult | Refused> {
  return db.transaction((tx) =>
    remindNonResponders(tx, clock, { ...req, auto: false, tag: `m${clock.now().getTime()}` }),
  );
}

/**
 * The scheduler fired reminder n of a broadcast (in its transaction): remind, and schedule the
 * next one while people are still silent, up to MAX_AUTO_REMINDERS.
 */
export async function fireBroadcastReminder(
  tx: SqlClient,
  clock: Clock,
  payload: Record<string, unknown>,
): Promise<boolean> {
  const broadcastId = typeof payload.broadcastId === 'string' ? payload.broadcastId : '';
  const n = typeof payload.n === 'number' ? payload.n : 1;
  const b = await new BroadcastRepo(tx).get(broadcastId);
  if (!b || b.status !== 'sent') return false;
  const r = await remindNonResponders(tx, clock, {
    actorId: 'scheduler',
    broadcastId,
    auto: true,
    tag: `r${n}`,
  });
  if (!r.ok) return false;
  if (r.reminded > 0 && n < MAX_AUTO_REMINDERS && b.remindAfterMinutes) {
    await new TimerRepo(tx).schedule({
      dedupeKey: `bcr:${b.id}:${n + 1}`,
      caseId: null,
      kind: 'broadcast_reminder',
      dueAt: new Date(clock.now().getTime() + b.remindAfterMinutes * 60_000).toISOString(),
      payload: { broadcastId: b.id, n: n + 1 },
      at: clock.now().toISOString(),
    });
  }
  return r.reminded > 0 || r.officersTold > 0;
}

/** Broadcasts the viewer may follow (sent or recalled, newest first). */
export async function broadcastsFor(db: Database, viewerId: string, limit = 10): Promise<BroadcastRecord[]> {
  const dir = await new DirectoryRepo(db).load();
  const recent = await new BroadcastRepo(db).recent(100);
  return recent.filter((b) => resultsScope(dir, viewerId, b).kind !== 'none').slice(0, limit);
}
