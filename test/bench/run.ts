// Benchmarks (not part of the unit tests' timing). `npm run bench [-- <name>]`; names: delivery,
// audit, ledger-export, turns.
import { benchAuditVerify } from './audit-verify';
import { benchDelivery } from './delivery';
import { benchLedgerExport } from './ledger-export';
import { benchTurns } from './turns';

const BENCHES: Record<string, () => Promise<void>> = {
  delivery: benchDelivery,
  audit: benchAuditVerify,
  'ledger-export': benchLedgerExport,
  turns: benchTurns,
};

const name = process.argv[2] ?? 'delivery';
const bench = BENCHES[name];
if (!bench) {
  process.stderr.write(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}\n`);
  process.exit(2);
}
bench().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
