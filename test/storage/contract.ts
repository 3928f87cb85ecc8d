// One contract for the storage port (src/storage/sql.ts) over every storage class in src/storage,
// run against every engine: SQLite always (sqlite.contract.test.ts), PostgreSQL when
// TEST_POSTGRES_URL is set (postgres.contract.test.ts, and postgres-icu.contract.test.ts on a
// database whose default collation is ICU en-US, as managed servers have). The cases live per
// repository in ./contract/; each opens a fresh database and speaks only the port.
import { describe } from 'vitest';
import type { Database } from '../../src/storage/sql';
import { auditContract } from './contract/audit';
import { botStateContract } from './contract/bot-state';
import { broadcastContract } from './contract/broadcast';
import { caseContract } from './contract/case';
import { conversationContract } from './contract/conversation';
import { directoryContract } from './contract/directory';
import { draftContract } from './contract/drafts';
import { dutyContract } from './contract/duty';
import { withDbOf } from './contract/harness';
import { ledgersContract } from './contract/ledgers';
import { mediaContract } from './contract/media';
import { outboxContract } from './contract/outbox';
import { rateContract } from './contract/rate';
import { recordsContract } from './contract/records';
import { textOrderContract } from './contract/text-order';
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
    directoryContract(withDb);
    draftContract(withDb);
    rateContract(withDb);
    broadcastContract(withDb);
    mediaContract(withDb);
    dutyContract(withDb);
    recordsContract(withDb);
    ledgersContract(withDb);
    textOrderContract(withDb);
  });
}
