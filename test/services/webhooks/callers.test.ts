// The services that enqueue webhooks all build the event with caseWebhookEvent: a withdrawal
// (case-service cancelCase) and an escalation (escalation-service fireDueTimers) send the same
// ids-only body as a submission and a decision (covered in test/services/webhook-service.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookConfig } from '../../../src/config/config';
import type { CaseKind } from '../../../src/domain/cases';
import { routeCase } from '../../../src/domain/routing';
import { createLogger } from '../../../src/logger';
import { cancelCase, submitCase } from '../../../src/services/case-service';
import { fireDueTimers } from '../../../src/services/escalation-service';
import { importDirectory } from '../../../src/services/directory-service';
import type { WebhookPayload } from '../../../src/services/webhook-service';
import { DirectoryRepo } from '../../../src/storage/directory-repo';
import { DraftRepo } from '../../../src/storage/draft-repo';
import type { SqliteDatabase } from '../../../src/storage/sqlite/sqlite-database';
import { WebhookRepo } from '../../../src/storage/webhook-repo';
import { VALID } from '../../domain/flows/fixtures';
import { openTempDb } from '../../helpers/db';

const HOOKS: WebhookConfig[] = [
  {
    name: 'siem',
    url: 'http://127.0.0.1:9/hook',
    events: ['case.escalated', 'case.cancelled'],
    secretEnv: 'WEBHOOK_SECRET_SIEM',
    secret: 'test-secret-0123456789abcdef',
  },
];

let db: SqliteDatabase;
let t: number;
const clock = { now: () => new Date(t) };

beforeEach(async () => {
  db = openTempDb();
  t = Date.parse('2026-04-10T03:00:00Z');
  const csv = fs.readFileSync(path.resolve(__dirname, '../../../infra/demo/directory.csv'), 'utf8');
  expect((await importDirectory(db, csv, { source: 'test', actor: 'test', clock })).ok).toBe(true);
});
afterEach(async () => {
  await db.close();
});

async function submit(kind: CaseKind, value: Record<string, unknown>) {
  const dir = await new DirectoryRepo(db).load();
  const reporter = dir.people.find((p) => p.id === 'E1001')!;
  const route = routeCase(dir, reporter.id, kind);
  if (!route.ok) throw new Error(route.error);
  // submitCase files the reporter's open draft (a second click finds none).
  await new DraftRepo(db).save({
    personId: reporter.id,
    kind,
    answers: {},
    errors: {},
    updatedAt: clock.now().toISOString(),
  });
  const created = await submitCase(db, clock, {
    reporter,
    kind,
    form: { answers: value, value },
    evaluation: {},
    severity: 'critical',
    ackMinutes: 15,
    route,
    webhooks: HOOKS,
  });
  if (!created) throw new Error('not submitted');
  return { caseId: created.caseId, reporter };
}

async function onlyBody(caseId: string, event: string): Promise<string> {
  const all = await new WebhookRepo(db).byCase(caseId);
  expect(all.map((d) => [d.hook, d.event])).toEqual([['siem', event]]);
  return all[0]!.payloadJson;
}

describe('webhooks of the other case services', () => {
  it('an escalation sends the case ids and card fields, no free text', async () => {
    const value = { cardKind: 'own', cardNumber: '0012345', place: '本庁舎3階', circumstances: '鞄ごと紛失' };
    const { caseId } = await submit('lost_ic_card', value);
    expect(await new WebhookRepo(db).byCase(caseId)).toEqual([]);
    t += 16 * 60_000;
    expect(await fireDueTimers(db, clock, createLogger('silent'), HOOKS)).toBe(1);
    const json = await onlyBody(caseId, 'case.escalated');
    expect((JSON.parse(json) as WebhookPayload).case).toEqual({
      id: caseId,
      kind: 'lost_ic_card',
      status: 'submitted',
      severity: 'critical',
      sectionCode: '210',
      version: 2,
      cardKind: 'own',
      cardNumber: '0012345',
    });
    for (const leak of ['本庁舎', '鞄', 'E1001', 'E1002', 'E1003']) expect(json).not.toContain(leak);
  });

  it('a withdrawal sends the cancelled case without any of the request’s answers', async () => {
    const { caseId, reporter } = await submit('takeout', VALID.takeout);
    const r = await cancelCase(db, clock, caseId, reporter, HOOKS);
    expect(r.ok).toBe(true);
    const json = await onlyBody(caseId, 'case.cancelled');
    expect((JSON.parse(json) as WebhookPayload).case).toEqual({
      id: caseId,
      kind: 'takeout',
      status: 'cancelled',
      severity: 'critical',
      sectionCode: '210',
      version: 2,
    });
    for (const leak of ['PC-2024-0101', '説明会', '市民センター', 'E1001']) expect(json).not.toContain(leak);
  });
});
