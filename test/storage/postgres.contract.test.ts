import { describe, it } from 'vitest';
import { openTempPg, TEST_POSTGRES_URL } from '../helpers/pg';
import { runStorageContract } from './contract';

if (TEST_POSTGRES_URL) runStorageContract('postgres (pg pool)', () => openTempPg());
else
  describe('storage contract: postgres', () => {
    it.skip('needs TEST_POSTGRES_URL (a PostgreSQL server; .ci/run starts one)', () => undefined);
  });
