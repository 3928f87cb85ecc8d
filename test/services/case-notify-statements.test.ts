// Case notifications look people up in the directory the transaction already read, or in one query
// for all recipients, never once per recipient: the statements a filing, a decision, a withdrawal or
// a card render send do not grow with the number of people told.
import { afterEach, describe, expect, it } from 'vitest';
import { routeCase } from '../../src/domain/routing';
import { actOnCase } from '../../src/services/decision-service';
import { cancelCase, submitCase } from '../../src/services/case-service';
import { importDirectory } from '../../src/services/directory-service';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { DraftRepo } from '../../src/storage/draft-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import type { Database } from '../../src/storage/sql';
import { renderCaseCard } from '../../src/teams/case-view';
import { storeReferences } from '../helpers/broadcast';
import { ManualClock } from '../helpers/clock';
import { countingDb, openEngineDb } from '../helpers/counting-db';
import { HEADER, row, top } from '../helpers/directory-rows';

let raw: Database | undefined;
afterEach(async () => {
  await raw?.close();
  raw = undefined;
});

/** The generated roles (T1 統括 and officer of 100, T3 officer of 210, T5 staff of 210) and `extra` more 統括. */
function directoryCsv(extra: number): string {
  const lines = [
    HEADER,
    row(1, { ...top, 役割: '課責任者;上席者:210;統括' }),
    row(2, { ...top, 役割: '代理者;IT管理者' }),
    row(3, { 役割: '課責任者' }),
    row(4, { 役割: '代理者' }),
    row(5),
  ];
  for (let i = 0; i < extra; i++) lines.push(row(100 + i, { ...top, 役割: '統括' }));
  return lines.join('\n') + '\n';
}

async function run(extra: number) {
  raw = await openEngineDb();
  const clock = new ManualClock();
  const imported = await importDirectory(raw, directoryCsv(extra), {
    source: 'test',
    actor: 'system',
    clock,
  });
  if (!imported.ok) throw new Error('import');
  const dir = await new DirectoryRepo(raw).load();
  await storeReferences(
    raw,
    dir.people.map((p) => p.aadObjectId),
    'http://127.0.0.1:9/',
    clock.now().toISOString(),
  );
  const reporter = dir.people.find((p) => p.id === 'T5')!;
  const file = async (kind: 'lost_ic_card' | 'takeout') => {
    const route = routeCase(dir, reporter.id, kind);
    if (!route.ok) throw new Error(route.error);
    const notify = [
      ...route.notify,
      // Every 統括 is told (as an incident with a possible leak tells them).
      ...dir.people
        .filter(
          (p) =>
            p.isChiefOfficer && p.id !== route.assignee && !route.notify.some((n) => n.personId === p.id),
        )
        .map((p) => ({ personId: p.id, roles: ['chief_officer' as const], reasons: [] })),
    ];
    await new DraftRepo(raw!).save({
      personId: reporter.id,
      kind,
      answers: {},
      errors: {},
      updatedAt: clock.now().toISOString(),
    });
    return { route: { ...route, notify }, kind };
  };
  const { db, log } = countingDb(raw);
  const figures: Record<string, { reads: number; writes: number }> = {};
  const measure = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    log.reset();
    const r = await fn();
    figures[name] = { reads: log.reads(), writes: log.writes() };
    return r;
  };
  const inc = await file('lost_ic_card');
  const created = await measure('submit', () =>
    submitCase(db, clock, {
      reporter,
      kind: inc.kind,
      form: { answers: {}, value: { cardKind: 'shared', circumstances: '置き忘れ', place: '会議室' } },
      evaluation: {},
      severity: 'critical',
      ackMinutes: 15,
      route: inc.route,
    }),
  );
  if (!created) throw new Error('not created');
  const assignee = dir.people.find((p) => p.id === inc.route.assignee)!;
  await measure('render', () =>
    renderCaseCard(db, clock, { caseId: created.caseId, viewerId: assignee.id, locale: 'ja', via: 'open' }),
  );
  const acted = await measure('decide', () =>
    actOnCase(db, clock, {
      caseId: created.caseId,
      actorAadObjectId: assignee.aadObjectId,
      action: { name: 'case.acknowledge' },
      ackMinutes: () => 30,
    }),
  );
  if (!acted.ok) throw new Error('not acted');
  const req = await file('takeout');
  const request = await submitCase(raw, clock, {
    reporter,
    kind: req.kind,
    form: { answers: {}, value: {} },
    evaluation: {},
    severity: 'normal',
    ackMinutes: 60,
    route: req.route,
  });
  if (!request) throw new Error('no request');
  const cancelled = await measure('cancel', () => cancelCase(db, clock, request.caseId, reporter));
  if (!cancelled.ok) throw new Error('not cancelled');
  const told = (await new OutboxRepo(raw).byCase(created.caseId)).length;
  await raw.close();
  raw = undefined;
  return { figures, recipients: created.recipients.length, told };
}

describe('case notification statements', () => {
  it('sends the same statements for 3 and for 30 people told', async () => {
    const few = await run(3);
    const many = await run(30);
    expect(many.recipients - few.recipients).toBe(27);
    // Everyone routed got their card (and the decision's card updates).
    expect(many.told - few.told).toBe(27);
    expect(many.figures).toEqual(few.figures);
    expect(Object.keys(few.figures)).toEqual(['submit', 'render', 'decide', 'cancel']);
  });
});
