// Two instances starting at once import the same directory file into one PostgreSQL database
// (issue 11). Without serialising the imports, the second one's replace ran into the first one's
// rows (duplicate key value violates unique constraint "sections_pkey") and that instance failed
// to start.
import { describe, expect, it } from 'vitest';
import { importDirectory } from '../../src/services/directory-service';
import { AuditRepo } from '../../src/storage/audit-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { PgDatabase } from '../../src/storage/postgres/pg-database';
import { ManualClock } from '../helpers/clock';
import { DEMO_CSV } from '../helpers/demo-csv';
import { tempPgDatabase, TEST_POSTGRES_URL } from '../helpers/pg';

if (!TEST_POSTGRES_URL) {
  describe('directory imports racing on PostgreSQL', () => {
    it.skip('needs TEST_POSTGRES_URL (a PostgreSQL server; .ci/run starts one)', () => undefined);
  });
} else {
  describe('directory imports racing on PostgreSQL', () => {
    it('two processes importing the same file at once: one imports it, the other finds it unchanged', async () => {
      const temp = await tempPgDatabase();
      // Two pools on the same database: two processes.
      const first = await PgDatabase.open(temp.url, { max: 2 });
      const second = await PgDatabase.open(temp.url, { max: 2 });
      try {
        const clock = new ManualClock();
        const opts = { source: '/srv/directory.csv', actor: 'system', clock, sameSourceOnly: true };
        const results = await Promise.all(
          Array.from({ length: 4 }, (_, i) => importDirectory(i % 2 ? second : first, DEMO_CSV, opts)),
        );
        expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
        expect(results.filter((r) => r.ok && r.changed)).toHaveLength(1);
        expect(await new DirectoryRepo(first).countPeople()).toBe(34);
        const imported = (await new AuditRepo(first).list('directory')).filter(
          (e) => e.event === 'directory.imported',
        );
        expect(imported).toHaveLength(1);
      } finally {
        await second.close();
        await first.close();
        await temp.drop();
      }
    });
  });
}
