// Text ordering must not depend on the engine or on the database's collation: SQLite compares text
// by code point (BINARY); PostgreSQL by the database's default collation unless a query says
// otherwise — C.UTF-8 here, en_US on most managed servers (case-insensitive first, punctuation
// weighed apart). Every repository that orders by a free text key (codes, ids, kinds) orders by code
// point on both. postgres-icu.contract.test.ts runs these on an en-US database.
import { describe, expect, it } from 'vitest';
import { storedText } from '../../../src/i18n';
import { BroadcastRepo } from '../../../src/storage/broadcast-repo';
import { DirectoryRepo } from '../../../src/storage/directory-repo';
import { DutyCalendarRepo, DutyRepo } from '../../../src/storage/duty-repo';
import { OutboxRepo } from '../../../src/storage/outbox-repo';
import { TenantRepo } from '../../../src/storage/tenant-repo';
import { content } from './broadcast';
import { person } from './directory';
import { AT as at, CODE_POINT_ORDER, plus, shuffled, type WithDb } from './harness';

/** Lower-case keys (tenant ids and aadObjectIds are stored lower-cased) whose order hangs on punctuation. */
const LOWER_ORDER = ['-1', '0a', 'a-1', 'a_1', 'ab', 'ぁ', 'あ', '亜'] as const;

export function textOrderContract(withDb: WithDb): void {
  describe('text ordering (code point, on every engine and collation)', () => {
    it('loads sections by code and people by id in code-point order', () =>
      withDb(async (db) => {
        await new DirectoryRepo(db).replaceAll({
          sections: shuffled(CODE_POINT_ORDER).map((code) => ({
            code,
            name: code,
            parentCode: null,
            officerId: null,
            deputyId: null,
            superiorId: null,
          })),
          // Ids differing only in case are distinct people; their aadObjectIds (compared lower-cased) differ.
          people: shuffled(CODE_POINT_ORDER).map((id) =>
            person(id, {
              sectionCode: CODE_POINT_ORDER[0],
              aadObjectId: `aad-${CODE_POINT_ORDER.indexOf(id)}`,
              upn: `${CODE_POINT_ORDER.indexOf(id)}@example.jp`,
            }),
          ),
        });
        const d = await new DirectoryRepo(db).load();
        expect(d.sections.map((s) => s.code)).toEqual([...CODE_POINT_ORDER]);
        expect(d.people.map((p) => p.id)).toEqual([...CODE_POINT_ORDER]);
      }));

    it('lists tenants and waiting recipients in code-point order of their lower-cased ids', () =>
      withDb(async (db) => {
        const tenants = new TenantRepo(db);
        for (const t of shuffled(LOWER_ORDER)) await tenants.learn(t, 'https://smba.example/', null, at);
        expect((await tenants.all()).map((t) => t.tenantId)).toEqual([...LOWER_ORDER]);
        const outbox = new OutboxRepo(db);
        const msg = { type: 'text' as const, text: storedText({ ja: 'x', en: 'x' }) };
        for (const to of shuffled(LOWER_ORDER))
          await outbox.enqueue({ dedupeKey: to, toAad: to, priority: 5, message: msg, at });
        for (const item of await outbox.all()) await outbox.markWaiting(item.id, at, plus(60), 'x');
        expect((await outbox.waitingRecipients()).map((w) => w.toAad)).toEqual([...LOWER_ORDER]);
      }));

    it("orders a broadcast's recipients by section code, then person id", () =>
      withDb(async (db) => {
        const repo = new BroadcastRepo(db);
        await repo.insertDraft('BC-1', 'E4', content(), at);
        const pairs = CODE_POINT_ORDER.flatMap((s) => ['b', 'B', 'a'].map((p) => [s, `${p}-${s}`] as const));
        for (const [sectionCode, personId] of shuffled(pairs))
          await repo.addRecipient({
            broadcastId: 'BC-1',
            personId,
            aadObjectId: personId,
            sectionCode,
            outboxId: null,
          });
        const expected = [...pairs].sort((x, y) =>
          x[0] === y[0] ? (x[1] < y[1] ? -1 : 1) : x[0] < y[0] ? -1 : 1,
        );
        expect((await repo.recipientStatuses('BC-1')).map((r) => [r.sectionCode, r.personId])).toEqual(
          expected,
        );
      }));

    it('sums duties per section and lists schedules by kind and section in code-point order', () =>
      withDb(async (db) => {
        const duties = new DutyRepo(db);
        let n = 0;
        for (const sectionCode of shuffled(CODE_POINT_ORDER)) {
          n += 1;
          await duties.insertIfAbsent(
            `D${n}`,
            {
              kind: 'backup',
              sectionCode,
              periodKey: '2026-11',
              subjectKey: '',
              subject: {},
              dueAt: plus(10),
              source: { kind: 'schedule' },
              citations: ['operating_rule'],
            },
            at,
          );
        }
        expect((await duties.monthFigures('all', at, plus(60), at)).map((f) => f.sectionCode)).toEqual([
          ...CODE_POINT_ORDER,
        ]);
        expect((await duties.countByStatus('backup', at, plus(60))).map((f) => f.sectionCode)).toEqual([
          ...CODE_POINT_ORDER,
        ]);
        const calendar = new DutyCalendarRepo(db);
        const kinds = ['a_b', 'a-b', 'aB', 'ab'];
        for (const kind of shuffled(kinds))
          for (const sectionCode of shuffled(['b', 'B', 'a']))
            await calendar.setSchedule({
              kind,
              sectionCode,
              cycle: { kind: 'monthly' } as never,
              enabled: true,
              updatedBy: 'E4',
              updatedAt: at,
            });
        const expected = [...kinds].sort().flatMap((k) => ['B', 'a', 'b'].map((s) => `${k}/${s}`));
        expect((await calendar.schedules()).map((s) => `${s.kind}/${s.sectionCode}`)).toEqual(expected);
      }));
  });
}
