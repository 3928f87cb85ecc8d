// People change drives duties (domain/people-change.ts): called by every path that applies an import
// of the contact directory, inside its transaction, after the directory was replaced. Each duty is
// opened (and audited as duty.opened with its articles) by openDuty; one already opened for the same
// person, section and day is not opened again.
import type { Directory } from '../domain/directory';
import type { DirectoryDiff } from '../domain/directory-diff';
import { peopleChangeDuties, type PeopleChangeOptions } from '../domain/people-change';
import type { DutyInstance } from '../storage/duty-repo';
import type { SqlClient } from '../storage/sql';
import { openDuty } from './duty-service';

export async function openPeopleChangeDuties(
  tx: SqlClient,
  diff: DirectoryDiff,
  after: Directory,
  opts: PeopleChangeOptions & { actor: string },
): Promise<DutyInstance[]> {
  const opened: DutyInstance[] = [];
  for (const d of peopleChangeDuties(diff, after, opts)) {
    const inst = await openDuty(tx, d, opts.at, opts.actor);
    if (inst) opened.push(inst);
  }
  return opened;
}
