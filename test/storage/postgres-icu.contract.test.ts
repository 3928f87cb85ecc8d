// The storage contract on a PostgreSQL database whose default collation is en-US, as managed servers
// have (Azure Database for PostgreSQL creates databases with en_US.utf8): text ordering and
// comparisons must not change with it. This machine has no libc en_US.utf8 locale (`locale -a`
// lists C, C.utf8 and POSIX only), so the database uses PostgreSQL's ICU provider with the en-US
// locale, which orders the same way (case-insensitive first, punctuation weighed apart).
import { describe, expect, it } from 'vitest';
import { openTempPg, TEST_POSTGRES_URL } from '../helpers/pg';
import { runStorageContract } from './contract';

const openIcuPg = () => openTempPg({ flavour: 'icu-en-us' });

if (TEST_POSTGRES_URL) {
  describe('postgres (ICU en-US default collation)', () => {
    it('really orders text the en-US way by default, unlike code point order', async () => {
      const db = await openIcuPg();
      try {
        const rows = await db.query<{ x: string }>(
          "SELECT x FROM (VALUES ('b'), ('B'), ('a'), ('_a'), ('A')) v(x) ORDER BY x",
        );
        expect(rows.map((r) => r.x)).toEqual(['_a', 'a', 'A', 'b', 'B']);
      } finally {
        await db.close();
      }
    });
  });
  runStorageContract('postgres (pg pool, ICU en-US collation)', openIcuPg);
} else
  describe('storage contract: postgres with an en-US collation', () => {
    it.skip('needs TEST_POSTGRES_URL (a PostgreSQL server; .ci/run starts one)', () => undefined);
  });
