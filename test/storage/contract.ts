// One contract for the storage port (src/storage/sql.ts) over every storage class in src/storage,
// run against every engine: SQLite always (sqlite.contract.test.ts), PostgreSQL when
// TEST_POSTGRES_URL is set (postgres.contract.test.ts, and postgres-icu.contract.test.ts on a
// database whose default collation is ICU en-US, as managed servers have). The cases live per
// repository in ./contract/; each opens a fresh database and speaks only the port.
import { describe } from 'vitest';
import type { Database } from '../../src/storage/sql';
import { auditContract } from './contract/audit';
import { botStateContract } from './contract/bot-state';
import { caseContract } from './contract/case';
import { conversationContract } from './contract/conversation';
import { withDbOf } from './contract/harness';
import { outboxContract } from './contract/outbox';
import { timerContract } from './contract/timer';

export function runStorageContract(engine: string, open: () => Promise<Database>): void {
  const withDb = withDbOf(open);
  describe(`storage contract: ${engine}`, () => {
    caseContract(withDb);
    outboxContract(withDb);
    timerContract(withDb);
    botStateContract(withDb);
    conversationContract(withDb);
    auditContract(withDb);
  });
}
