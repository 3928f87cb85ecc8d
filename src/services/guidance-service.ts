// 13(3): the section officer records guidance to a member of their section who broke the policy; the
// member is told; on the improve-by date the officer is asked whether it improved; if not, the
// suspension or revocation of the member's rights to use systems is recorded. Each step is one
// transaction with its audit event; every refusal is audited too.
import type { ArticleId } from '../domain/articles';
import type { Clock } from '../domain/clock';
import {
  guidanceDueAt,
  guidanceSections,
  mayDecideGuidance,
  mayGuide,
  mayViewGuidance,
  type GuidanceDeny,
  type GuidanceInput,
  type SuspensionKind,
} from '../domain/guidance';
import type { Person } from '../domain/directory';
import { jstDateOf } from '../domain/policy/jst';
import { AuditRepo } from '../storage/audit-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { GuidanceRepo, type GuidanceRecord } from '../storage/guidance-repo';
import { OutboxRepo, PRIORITY } from '../storage/outbox-repo';
import type { Database, SqlClient } from '../storage/sql';

export type { GuidanceRecord } from '../storage/guidance-repo';
export type { SqlClient } from '../storage/sql';
import { TimerRepo, type Timer } from '../storage/timer-repo';
import { msg } from '../i18n';

export const GUIDANCE_ARTICLE: ArticleId = '13(3)';

export type GuidanceResult<T> =
  { ok: true; value: T } | { ok: false; reason: GuidanceDeny | 'not_found' | 'already_decided' };

const subjectOf = (id: number | string) => `GD-${id}`;

async function refuse(
  tx: SqlClient,
  at: string,
  actor: string,
  subject: string,
  action: string,
  reason: string,
): Promise<void> {
  await new AuditRepo(tx).append({
    at,
    actor,
    event: 'guidance.action_denied',
    subject,
    data: { action, reason },
  });
}

/** Records guidance given to a member (13(3) first sentence); the member is told, the date scheduled. */
export async function recordGuidance(
  db: Database,
  clock: Clock,
  actor: Person,
  input: GuidanceInput,
): Promise<GuidanceResult<GuidanceRecord>> {
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const dir = await new DirectoryRepo(tx).load();
    const may = mayGuide(dir, actor.id, input.memberId);
    if (!may.ok) {
      await refuse(tx, at, actor.id, `person:${input.memberId}`, 'guidance.record', may.reason);
      return { ok: false, reason: may.reason };
    }
    const repo = new GuidanceRepo(tx);
    const id = await repo.insert({
      sectionCode: may.sectionCode,
      memberId: input.memberId,
      officerId: actor.id,
      rule: input.rule,
      guidance: input.guidance,
      improveBy: input.improveBy,
      at,
    });
    await new AuditRepo(tx).append({
      at,
      actor: actor.id,
      event: 'guidance.recorded',
      subject: subjectOf(id),
      article: GUIDANCE_ARTICLE,
      data: { memberId: input.memberId, sectionCode: may.sectionCode, improveBy: input.improveBy },
    });
    const member = dir.people.find((p) => p.id === input.memberId);
    if (member) {
      await new OutboxRepo(tx).enqueue({
        dedupeKey: `guidance.told:${id}`,
        toAad: member.aadObjectId,
        priority: PRIORITY.normal,
        message: {
          type: 'text',
          text: msg('guidance.member_told', {
            officer: actor.name,
            rule: input.rule,
            guidance: input.guidance,
            date: input.improveBy,
          }),
          article: GUIDANCE_ARTICLE,
        },
        at,
      });
    }
    await new TimerRepo(tx).schedule({
      dedupeKey: `guidance_due:${id}`,
      caseId: null,
      kind: 'guidance_due',
      dueAt: guidanceDueAt(input.improveBy).toISOString(),
      payload: { guidanceId: id },
      at,
    });
    return { ok: true, value: (await repo.get(id)) as GuidanceRecord };
  });
}

/** On the improve-by date: the officer who recorded it (or the section's officer now) is asked. */
export async function fireGuidanceDue(tx: SqlClient, timer: Timer, now: Date): Promise<boolean> {
  const id = Number(timer.payload.guidanceId);
  const g = Number.isInteger(id) ? await new GuidanceRepo(tx).get(id) : undefined;
  if (!g || g.status !== 'guided') return false;
  const dirRepo = new DirectoryRepo(tx);
  const section = await dirRepo.section(g.sectionCode);
  const askIds = [g.officerId, section?.officerId ?? null].filter(
    (x, i, a): x is string => x !== null && x !== g.memberId && a.indexOf(x) === i,
  );
  let sent = false;
  for (const personId of askIds) {
    const person = await dirRepo.personById(personId);
    if (!person) continue;
    sent =
      (await new OutboxRepo(tx).enqueue({
        dedupeKey: `guidance.followup:${id}:${personId}`,
        toAad: person.aadObjectId,
        priority: PRIORITY.normal,
        message: { type: 'guidance.followup', guidanceId: id, personId },
        at: now.toISOString(),
      })) || sent;
  }
  return sent;
}

export type GuidanceOutcome =
  { outcome: 'improved' } | { outcome: 'suspended'; kind: SuspensionKind; systems: string; from: string };

/** The officer's answer on the date: improved, or the rights suspended / revoked (13(3) second sentence). */
export async function decideGuidance(
  db: Database,
  clock: Clock,
  actorAad: string,
  guidanceId: number,
  decision: GuidanceOutcome,
): Promise<GuidanceResult<GuidanceRecord>> {
  const now = clock.now();
  const at = now.toISOString();
  const action = decision.outcome === 'improved' ? 'guidance.improved' : 'guidance.suspend';
  return db.transaction(async (tx) => {
    const dirRepo = new DirectoryRepo(tx);
    const actor = await dirRepo.personByAadObjectId(actorAad);
    const actorRef = actor?.id ?? `aad:${actorAad}`;
    const repo = new GuidanceRepo(tx);
    const g = await repo.get(guidanceId);
    if (!actor) {
      await refuse(tx, at, actorRef, subjectOf(guidanceId), action, 'unknown_actor');
      return { ok: false, reason: 'unknown_actor' };
    }
    if (!g) {
      await refuse(tx, at, actorRef, subjectOf(guidanceId), action, 'not_found');
      return { ok: false, reason: 'not_found' };
    }
    const dir = await dirRepo.load();
    const may = mayDecideGuidance(dir, actor.id, g);
    if (!may.ok) {
      // Someone without a need to know learns nothing about the entry: the same answer as not found.
      await refuse(tx, at, actorRef, subjectOf(guidanceId), action, may.reason);
      return { ok: false, reason: may.reason === 'own_record' ? 'own_record' : 'not_found' };
    }
    const done = await repo.decide(g.id, g.version, {
      status: decision.outcome,
      by: actor.id,
      at,
      ...(decision.outcome === 'suspended'
        ? { suspension: { kind: decision.kind, systems: decision.systems, from: decision.from } }
        : {}),
    });
    if (!done) {
      await refuse(tx, at, actorRef, subjectOf(guidanceId), action, 'already_decided');
      return { ok: false, reason: 'already_decided' };
    }
    await new AuditRepo(tx).append({
      at,
      actor: actor.id,
      event: decision.outcome === 'improved' ? 'guidance.improved' : 'guidance.rights_suspended',
      subject: subjectOf(g.id),
      article: GUIDANCE_ARTICLE,
      data:
        decision.outcome === 'improved'
          ? { memberId: g.memberId }
          : { memberId: g.memberId, kind: decision.kind, systems: decision.systems, from: decision.from },
    });
    const member = await dirRepo.personById(g.memberId);
    if (member) {
      await new OutboxRepo(tx).enqueue({
        dedupeKey: `guidance.outcome:${g.id}`,
        toAad: member.aadObjectId,
        priority: PRIORITY.normal,
        message: {
          type: 'text',
          text:
            decision.outcome === 'improved'
              ? msg('guidance.member_improved', { rule: g.rule })
              : msg(decision.kind === 'revoke' ? 'guidance.member_revoked' : 'guidance.member_suspended', {
                  rule: g.rule,
                  systems: decision.systems,
                  from: decision.from,
                }),
          article: GUIDANCE_ARTICLE,
        },
        at,
      });
    }
    return { ok: true, value: (await repo.get(g.id)) as GuidanceRecord };
  });
}

/**
 * The entries `viewer` may see: 統括 all of them; the officer (or deputy) those of their sections; a
 * member their own only. Each entry is re-checked with mayViewGuidance (deny by default).
 */
export async function listGuidance(
  db: Database,
  viewer: Person,
): Promise<{ as: 'chief_officer' | 'officer' | 'member'; entries: GuidanceRecord[] }> {
  const dir = await new DirectoryRepo(db).load();
  const sections = guidanceSections(dir, viewer.id);
  const repo = new GuidanceRepo(db);
  const rows = viewer.isChiefOfficer
    ? await repo.list({ sections: null })
    : await repo.list({ sections, memberId: viewer.id });
  const entries = rows.filter((g) => mayViewGuidance(dir, viewer.id, g).ok);
  const as = viewer.isChiefOfficer ? 'chief_officer' : sections.length > 0 ? 'officer' : 'member';
  return { as, entries };
}

/** Whether `viewer` may be asked about the entry now (the follow-up card is rendered for them). */
export async function guidanceForDecision(
  db: SqlClient,
  viewerId: string,
  guidanceId: number,
): Promise<GuidanceRecord | undefined> {
  const g = await new GuidanceRepo(db).get(guidanceId);
  if (!g || g.status !== 'guided') return undefined;
  const dir = await new DirectoryRepo(db).load();
  return mayDecideGuidance(dir, viewerId, g).ok ? g : undefined;
}

export const todayJst = (clock: Clock) => jstDateOf(clock.now());

/** The members the officer (or deputy) may guide, with their section names, for the form. */
export async function guidanceMembers(
  db: SqlClient,
  officerId: string,
): Promise<{ id: string; name: string; section: string }[]> {
  const dir = await new DirectoryRepo(db).load();
  const sections = guidanceSections(dir, officerId);
  return dir.people
    .filter((p) => sections.includes(p.sectionCode) && p.id !== officerId)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((p) => ({
      id: p.id,
      name: p.name,
      section: dir.sections.find((s) => s.code === p.sectionCode)?.name ?? p.sectionCode,
    }));
}

/** Names for showing entries: the member's name and the section's, as the directory has them now. */
export async function guidanceNames(
  db: SqlClient,
): Promise<{ person: (id: string) => string; section: (code: string) => string }> {
  const dir = await new DirectoryRepo(db).load();
  return {
    person: (id) => dir.people.find((p) => p.id === id)?.name ?? id,
    section: (code) => dir.sections.find((s) => s.code === code)?.name ?? code,
  };
}
