// The reads behind the monthly compliance summary and the case-derived ledgers.
import { describe, expect, it } from 'vitest';
import { AuditRepo } from '../../../src/storage/audit-repo';
import { BroadcastRepo } from '../../../src/storage/broadcast-repo';
import { CaseLedgerRepo, type LedgerCaseRow } from '../../../src/storage/case-ledger-repo';
import { ComplianceSummaryRepo } from '../../../src/storage/compliance-summary-repo';
import { DirectoryRepo } from '../../../src/storage/directory-repo';
import { content } from './broadcast';
import { person } from './directory';
import { AT as at, insertCase, JA, plus, type WithDb } from './harness';

export function ledgersContract(withDb: WithDb): void {
  describe('ComplianceSummaryRepo', () => {
    it('counts open incidents, overdue acknowledgements, returns and exceptions per section from JSON fields', () =>
      withDb(async (db) => {
        const inc = { kind: 'virus' as const, category: 'incident' as const };
        await insertCase(db, { id: 'INC-2026-0002', ...inc, createdAt: plus(1) });
        await insertCase(db, { id: 'INC-2026-0001', ...inc, createdAt: plus(1), status: 'acknowledged' });
        await insertCase(db, {
          id: 'INC-2026-0003',
          ...inc,
          createdAt: plus(5),
          sectionCode: '220',
          ackDueAt: plus(10),
        });
        await insertCase(db, { id: 'INC-2026-0004', ...inc, createdAt: plus(0), status: 'closed' });
        await insertCase(db, { id: 'REQ-2026-0001', status: 'submitted', ackDueAt: plus(20) });
        const takeout = (id: string, returnDate: string, returnedAt?: string) =>
          insertCase(db, {
            id,
            status: 'approved',
            form: { value: { returnDate, place: JA } },
            state: returnedAt ? { returnedAt } : {},
          });
        await takeout('REQ-2026-0002', '2026-11-20');
        await takeout('REQ-2026-0003', '2026-11-20', plus(1));
        await takeout('REQ-2026-0004', '2026-11-26');
        const exception = (id: string, periodEnd: string | null) =>
          insertCase(db, {
            id,
            kind: 'exception',
            status: 'approved',
            form: { value: periodEnd ? { periodEnd } : {} },
          });
        await exception('REQ-2026-0005', '2026-11-01');
        await exception('REQ-2026-0006', '2026-11-26');
        await exception('REQ-2026-0007', '2026-12-10');
        await exception('REQ-2026-0008', '2027-06-30');
        await exception('REQ-2026-0009', null);
        const repo = new ComplianceSummaryRepo(db);
        const bySection = <T extends { sectionCode: string }>(xs: T[]) =>
          [...xs].sort((a, b) => (a.sectionCode < b.sectionCode ? -1 : 1));
        expect(bySection(await repo.openIncidents())).toEqual([
          { sectionCode: '210', n: 2, oldestAt: plus(1), oldestId: 'INC-2026-0001' },
          { sectionCode: '220', n: 1, oldestAt: plus(5), oldestId: 'INC-2026-0003' },
        ]);
        expect(bySection(await repo.overdueAcks(plus(15)))).toEqual([{ sectionCode: '220', n: 1 }]);
        expect(bySection(await repo.overdueAcks(plus(25)))).toEqual([
          { sectionCode: '210', n: 1 },
          { sectionCode: '220', n: 1 },
        ]);
        expect(await repo.overdueReturns('2026-11-26')).toEqual([{ sectionCode: '210', n: 1 }]);
        expect(await repo.exceptions('2026-11-26', '2026-12-26')).toEqual([
          { sectionCode: '210', expired: 1, expiring: 2 },
        ]);
      }));

    it('lists broadcasts sent in a period oldest first and counts targeted and answered per section', () =>
      withDb(async (db) => {
        const repo = new BroadcastRepo(db);
        for (const [id, m, status] of [
          ['BC-3', 3, 'sent'],
          ['BC-1', 1, 'sent'],
          ['BC-2', 1, 'sent'],
          ['BC-4', 2, 'recalled'],
          ['BC-5', 9, 'sent'],
        ] as const) {
          await repo.insertDraft(id, 'E4', content({ mode: id === 'BC-2' ? 'real' : 'drill' }), at);
          await repo.setStatus(id, 1, 'sent', plus(m), { sentAt: plus(m) });
          if (status === 'recalled') await repo.setStatus(id, 2, 'recalled', plus(m));
        }
        const summary = new ComplianceSummaryRepo(db);
        const sent = await summary.sentBroadcasts(plus(0), plus(9));
        expect(sent.map((b) => [b.id, b.mode, b.sentAt])).toEqual([
          ['BC-1', 'drill', plus(1)],
          ['BC-2', 'real', plus(1)],
          ['BC-3', 'drill', plus(3)],
        ]);
        expect(JSON.parse(sent[0]!.answerJson)).toEqual(content().answer);
        for (const [p, s] of [
          ['E1', '210'],
          ['E2', '210'],
          ['E3', '220'],
        ] as const)
          await repo.addRecipient({
            broadcastId: 'BC-1',
            personId: p,
            aadObjectId: p,
            sectionCode: s,
            outboxId: null,
          });
        await repo.recordAnswer('BC-1', 'E1', 'ok', plus(2));
        await repo.recordAnswer('BC-1', 'E1', 'ok again', plus(3));
        const counts = await summary.answerCounts(['BC-1', 'BC-2']);
        expect([...counts].sort((a, b) => (a.sectionCode < b.sectionCode ? -1 : 1))).toEqual([
          { broadcastId: 'BC-1', sectionCode: '210', targeted: 2, answered: 1 },
          { broadcastId: 'BC-1', sectionCode: '220', targeted: 1, answered: 0 },
        ]);
        expect(await summary.answerCounts([])).toEqual([]);
      }));
  });

  describe('CaseLedgerRepo', () => {
    it('counts and pages cases by kind, status, section and period over (created_at, id)', () =>
      withDb(async (db) => {
        for (const [id, m, section] of [
          ['REQ-2026-0005', 3, '210'],
          ['REQ-2026-0001', 1, '210'],
          ['REQ-2026-0003', 2, '220'],
          ['REQ-2026-0002', 2, '210'],
          ['REQ-2026-0004', 2, '210'],
        ] as const)
          await insertCase(db, {
            id,
            createdAt: plus(m),
            sectionCode: section,
            form: { value: { place: JA } },
          });
        await insertCase(db, { id: 'REQ-2026-0006', createdAt: plus(2), kind: 'exception' });
        const repo = new CaseLedgerRepo(db);
        const f = { kinds: ['takeout'] };
        expect(await repo.count(f, { sections: 'all' })).toBe(5);
        expect(await repo.count(f, { sections: ['220'] })).toBe(1);
        expect(await repo.count(f, { sections: [] })).toBe(0);
        expect(
          await repo.count(
            { kinds: ['takeout', 'exception'], statuses: ['submitted'] },
            { sections: 'all', from: plus(2), to: plus(3) },
          ),
        ).toBe(4);
        const walk = async (order: 'asc' | 'desc', q = { sections: 'all' as const }) => {
          const seen: string[] = [];
          let after: { at: string; key: string } | undefined;
          for (;;) {
            const page: LedgerCaseRow[] = await repo.page(f, q, {
              order,
              limit: 2,
              ...(after ? { after } : {}),
            });
            if (page.length === 0) return seen;
            seen.push(...page.map((r) => r.id));
            after = { at: page.at(-1)!.created_at, key: page.at(-1)!.id };
          }
        };
        const asc = ['REQ-2026-0001', 'REQ-2026-0002', 'REQ-2026-0003', 'REQ-2026-0004', 'REQ-2026-0005'];
        expect(await walk('asc')).toEqual(asc);
        expect(await walk('desc')).toEqual([...asc].reverse());
        const [first] = await repo.page(f, { sections: ['210'] }, { order: 'asc', limit: 1 });
        expect(first).toMatchObject({
          id: 'REQ-2026-0001',
          section_code: '210',
          purged_at: null,
          created_at: plus(1),
        });
        expect(JSON.parse(first!.form_json)).toEqual({ value: { place: JA } });
        expect(await repo.page(f, { sections: 'all' }, { order: 'asc', limit: 0 })).toEqual([]);
      }));

    it('finds retention candidates once: a purged case is not offered again', () =>
      withDb(async (db) => {
        await insertCase(db, { id: 'REQ-2026-0002', status: 'closed', createdAt: plus(1) });
        await insertCase(db, { id: 'REQ-2026-0001', status: 'closed', createdAt: plus(2) });
        await insertCase(db, { id: 'REQ-2026-0003', status: 'submitted', createdAt: plus(1) });
        await insertCase(db, { id: 'REQ-2026-0004', status: 'closed', createdAt: plus(9) });
        const repo = new CaseLedgerRepo(db);
        const candidates = await repo.purgeCandidates(['takeout'], ['closed', 'rejected'], plus(5));
        expect(candidates.map((c) => c.id)).toEqual(['REQ-2026-0001', 'REQ-2026-0002']);
        expect(await repo.purgeCandidates([], ['closed'], plus(5))).toEqual([]);
        await repo.markPurged('REQ-2026-0001', '{}', '{}', plus(10));
        expect((await repo.purgeCandidates(['takeout'], ['closed'], plus(5))).map((c) => c.id)).toEqual([
          'REQ-2026-0002',
        ]);
        const [row] = await repo.page(
          { kinds: ['takeout'] },
          { sections: 'all', from: plus(2), to: plus(3) },
          { order: 'asc', limit: 5 },
        );
        expect(row).toMatchObject({ id: 'REQ-2026-0001', form_json: '{}', purged_at: plus(10) });
      }));

    it('looks up names and the audit events of a page of cases', () =>
      withDb(async (db) => {
        await new DirectoryRepo(db).replaceAll({
          sections: [
            { code: '210', name: JA, parentCode: null, officerId: null, deputyId: null, superiorId: null },
          ],
          people: [person('E1', { name: '山田　太郎' }), person('E2')],
        });
        const repo = new CaseLedgerRepo(db);
        expect(await repo.peopleNames(['E1', 'E9', 'E1'])).toEqual(new Map([['E1', '山田　太郎']]));
        expect(await repo.sectionNames(['210', '999'])).toEqual(new Map([['210', JA]]));
        expect(await repo.peopleNames([])).toEqual(new Map());
        const audit = new AuditRepo(db);
        await audit.append({ at, actor: 'E1', event: 'case.submitted', subject: 'REQ-1' });
        await audit.append({ at: plus(1), actor: 'E2', event: 'case.commented', subject: 'REQ-1' });
        await audit.append({ at: plus(2), actor: 'E3', event: 'approval.decided', subject: 'REQ-2' });
        await audit.append({ at: plus(3), actor: 'E3', event: 'approval.decided', subject: 'REQ-3' });
        expect(await repo.events(['REQ-1', 'REQ-2'], ['case.submitted', 'approval.decided'])).toEqual([
          { subject: 'REQ-1', event: 'case.submitted', actor: 'E1', at },
          { subject: 'REQ-2', event: 'approval.decided', actor: 'E3', at: plus(2) },
        ]);
        expect(await repo.events([], ['case.submitted'])).toEqual([]);
      }));
  });
}
