// Cases as the flows and decisions store them, written straight into a real SQLite file, for the
// ledger tests (sources, exports, CLI, card). Audit events are the ones the decision service writes.
import { AuditRepo } from '../../src/storage/audit-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import type { SqlClient } from '../../src/storage/sql';
import { demoDirectory } from './demo-directory';

export interface SeedCase {
  id: string;
  kind: string;
  status: string;
  reporterId: string;
  sectionCode: string;
  createdAt: string;
  value?: Record<string, unknown>;
  state?: Record<string, unknown>;
  events?: Array<{ event: string; actor: string; at: string }>;
}

export async function seedDirectory(sql: SqlClient): Promise<void> {
  await new DirectoryRepo(sql).replaceAll(demoDirectory());
}

export async function seedCase(sql: SqlClient, c: SeedCase): Promise<void> {
  await new CaseRepo(sql).insert({
    id: c.id,
    kind: c.kind as never,
    category: c.id.startsWith('INC') ? 'incident' : 'request',
    status: c.status as never,
    severity: 'normal',
    reporterId: c.reporterId,
    sectionCode: c.sectionCode,
    assigneeId: null,
    form: { answers: {}, value: c.value ?? {} },
    evaluation: {},
    ackDueAt: null,
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
    state: c.state ?? {},
  });
  for (const e of c.events ?? [])
    await new AuditRepo(sql).append({ at: e.at, actor: e.actor, event: e.event, subject: c.id });
}

export const TAKEOUT_VALUE = {
  itemKind: 'terminal',
  description: '説明会資料入りノートPC',
  assetNumber: 'PC-0042',
  classification: 'II',
  purpose: '住民説明会',
  destination: '市役所 会議室',
  startDate: '2026-04-10',
  returnDate: '2026-04-11',
  protection: 'encryption',
};

/** An approved take-out of 総務課 (E1001, approved by its officer E1002). */
export function takeout(id: string, createdAt: string, extra: Partial<SeedCase> = {}): SeedCase {
  return {
    id,
    kind: 'takeout',
    status: 'approved',
    reporterId: 'E1001',
    sectionCode: '210',
    createdAt,
    value: TAKEOUT_VALUE,
    state: {
      decision: { by: 'E1002', outcome: 'approved', comment: '', conditions: '暗号化を確認すること' },
    },
    events: [{ event: 'case.approved', actor: 'E1002', at: createdAt }],
    ...extra,
  };
}
