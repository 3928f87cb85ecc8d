// 担当案件: the open cases a person may act on now, most urgent deadline first.
import { allowedActions } from '../domain/authorization';
import type { Clock } from '../domain/clock';
import type { Directory } from '../domain/directory';
import { AbsenceRepo } from '../storage/absence-repo';
import { CaseRepo, type CaseRecord } from '../storage/case-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import type { Database } from '../storage/sql';
import { caseStateOf } from './case-state';

export async function listAssigned(
  db: Database,
  clock: Clock,
  personId: string,
): Promise<{ cases: CaseRecord[]; directory: Directory }> {
  const now = clock.now();
  const directory = await new DirectoryRepo(db).load();
  const absences = await new AbsenceRepo(db).active(now.toISOString());
  // Whoever may act on a case may also see it (mayView grants every actor authorize() allows).
  const cases = (await new CaseRepo(db).listOpen()).filter(
    (c) => allowedActions(caseStateOf(c), personId, { directory, absences, now }).length > 0,
  );
  cases.sort((a, b) => (a.ackDueAt ?? '9').localeCompare(b.ackDueAt ?? '9'));
  return { cases, directory };
}
