// The audit trail: the anchor posted to 統括 (services/audit-anchor.ts) and integrity marks on
// histories drawn from it.
import type { MessageTable } from '../table';

export const AUDIT_MESSAGES = {
  'audit.anchor_posted': {
    ja: '監査ログの固定点（アンカー）: 行 {seq} まで、ハッシュ {hash}（{at}、鍵 {keyId}）。この値は監査ログの検証（npm run audit:verify）で照合します。保管してください。',
    en: 'Audit log anchor: up to row {seq}, hash {hash} ({at}, key {keyId}). The audit check (npm run audit:verify) compares the log with this value; please keep it.',
  },
  'audit.tampered_entry': {
    ja: '⚠ 改ざんの疑い（監査ログの検証に失敗）: {text}',
    en: '⚠ Possibly tampered (fails the audit log check): {text}',
  },
  'ledger.purged': { ja: '（保存期間経過により消去）', en: '(erased after the retention period)' },
} as const satisfies MessageTable;
