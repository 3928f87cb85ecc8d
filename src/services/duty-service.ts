// Duties (domain/duties.ts): opening an instance, with its audit event, in the caller's transaction.
import { dutyCitations, type DutyOpening } from '../domain/duties';
import { AuditRepo } from '../storage/audit-repo';
import { DutyRepo, type DutyInstance } from '../storage/duty-repo';
import type { SqlClient } from '../storage/sql';

/**
 * Opens a duty unless the same one (kind, section, period, subject) is open or was done already, and
 * records `duty.opened` with the duty's articles. Returns the instance when it was opened now,
 * undefined when it existed. Call inside the transaction of the change that creates the duty.
 */
export async function openDuty(
  tx: SqlClient,
  d: DutyOpening,
  at: Date,
  actor: string,
): Promise<DutyInstance | undefined> {
  const repo = new DutyRepo(tx);
  if (await repo.findByKey(d)) return undefined;
  const citations = dutyCitations(d);
  const id = await repo.nextId(at.getUTCFullYear());
  const iso = at.toISOString();
  if (!(await repo.insertIfAbsent(id, { ...d, citations }, iso))) return undefined;
  await new AuditRepo(tx).append({
    at: iso,
    actor,
    event: 'duty.opened',
    subject: id,
    article: citations,
    data: {
      kind: d.kind,
      sectionCode: d.sectionCode,
      periodKey: d.periodKey,
      subjectKey: d.subjectKey,
      dueAt: d.dueAt,
      source: d.source,
    },
  });
  return repo.get(id);
}
