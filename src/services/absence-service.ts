import { OPERATING_RULE } from '../domain/articles';
import type { Clock } from '../domain/clock';
import { isOpenCaseStatus } from '../domain/cases';
import type { Person } from '../domain/directory';
import { endOfJstDay, jstDateOf, parseIsoDate, startOfJstDay } from '../domain/policy/jst';
import { AbsenceRepo } from '../storage/absence-repo';
import { AuditRepo } from '../storage/audit-repo';
import { CaseRepo } from '../storage/case-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { OutboxRepo } from '../storage/outbox-repo';
import type { Database } from '../storage/sql';
import { priorityOf } from './escalation-service';
import { msg } from '../i18n';

export const MAX_ABSENCE_DAYS = 90;

export type AbsenceInputError = 'missing' | 'order' | 'past' | 'too_long';

/** Japan-time dates → [start of the first day, end of the last day), validated. */
export function parseAbsence(
  fromRaw: unknown,
  toRaw: unknown,
  now: Date,
): { ok: true; from: Date; to: Date } | { ok: false; error: AbsenceInputError } {
  const from = typeof fromRaw === 'string' ? parseIsoDate(fromRaw) : null;
  const to = typeof toRaw === 'string' ? parseIsoDate(toRaw) : null;
  if (!from || !to) return { ok: false, error: 'missing' };
  if (to < from) return { ok: false, error: 'order' };
  if (to < jstDateOf(now)) return { ok: false, error: 'past' };
  const start = startOfJstDay(from);
  const end = new Date(endOfJstDay(to).getTime() + 1);
  if (end.getTime() - start.getTime() > MAX_ABSENCE_DAYS * 86_400_000)
    return { ok: false, error: 'too_long' };
  return { ok: true, from: start, to: end };
}

/**
 * Sets 不在 for a person. From then on the deputy of the section the person is officer of receives
 * the cards meant for them and may act; open cases already assigned to the person are sent to the
 * deputy now, when the absence has begun. The deputy is the organisation's rule (運用ルール): the
 * standard has no 代理者 (its 上席者 of 12(5)②オ is the escalation's, for an urgent breach).
 */
export async function setAbsence(
  db: Database,
  clock: Clock,
  person: Person,
  period: { from: Date; to: Date },
): Promise<{ deputyId: string | null; deputy: Person | undefined; forwarded: string[] }> {
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const absences = new AbsenceRepo(tx);
    await absences.clear(person.id, at);
    await absences.add({
      personId: person.id,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      at,
    });
    const dirRepo = new DirectoryRepo(tx);
    const dir = await dirRepo.load();
    const deputyId = dir.sections.find((s) => s.officerId === person.id)?.deputyId ?? null;
    const forwarded: string[] = [];
    if (deputyId && period.from <= now) {
      const deputy = await dirRepo.personById(deputyId);
      const cases = new CaseRepo(tx);
      const open = await tx.query<{ id: string }>('SELECT id FROM cases WHERE assignee_id = ? ORDER BY id', [
        person.id,
      ]);
      for (const { id } of open) {
        const c = await cases.get(id);
        if (!c || !isOpenCaseStatus(c.status) || c.reporterId === deputyId) continue;
        await cases.addRecipient({
          caseId: c.id,
          personId: deputyId,
          role: 'deputy',
          reasons: [
            {
              text: msg('absence.deputy_assignee_away'),
              article: OPERATING_RULE,
            },
          ],
        });
        if (deputy) {
          await new OutboxRepo(tx).enqueue({
            dedupeKey: `case.routed:${c.id}:${deputyId}`,
            toAad: deputy.aadObjectId,
            priority: priorityOf(c.severity),
            message: { type: 'case.routed', caseId: c.id, personId: deputyId, role: 'deputy' },
            caseId: c.id,
            at,
          });
        }
        forwarded.push(c.id);
      }
    }
    await new AuditRepo(tx).append({
      at,
      actor: person.id,
      event: 'absence.set',
      subject: person.id,
      article: OPERATING_RULE,
      data: { from: period.from.toISOString(), to: period.to.toISOString(), deputy: deputyId, forwarded },
    });
    const deputy = deputyId ? await dirRepo.personById(deputyId) : undefined;
    return { deputyId, deputy, forwarded };
  });
}

export async function clearAbsence(db: Database, clock: Clock, person: Person): Promise<number> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const n = await new AbsenceRepo(tx).clear(person.id, at);
    if (n > 0)
      await new AuditRepo(tx).append({
        at,
        actor: person.id,
        event: 'absence.cleared',
        subject: person.id,
        // Absence and stand-ins are the organisation's rule, as when the absence was set.
        article: OPERATING_RULE,
        data: { cleared: n },
      });
    return n;
  });
}

/** The person's current (or next) absence, if any. */
export async function currentAbsence(
  db: Database,
  clock: Clock,
  personId: string,
): Promise<{ from: Date; to: Date } | undefined> {
  const all = await new AbsenceRepo(db).active(clock.now().toISOString());
  return all.find((a) => a.personId === personId);
}
