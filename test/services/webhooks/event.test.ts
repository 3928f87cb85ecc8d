// caseWebhookEvent: the one builder of a case's webhook event carries ids and closed-vocabulary values
// only, and the body built from it is the one built from the whole stored form.
import { describe, expect, it } from 'vitest';
import {
  buildWebhookPayload,
  caseWebhookEvent,
  type WebhookCase,
} from '../../../src/services/webhook-service';
import type { CaseRecord } from '../../../src/storage/case-repo';

const AT = '2026-04-10T03:00:00.000Z';

/** A stored lost-card case as CaseRepo returns it: the form is { answers, value } with free text. */
const stored: CaseRecord = {
  id: 'INC-2026-0007',
  kind: 'lost_ic_card',
  category: 'incident',
  status: 'acknowledged',
  severity: 'critical',
  reporterId: 'E1001',
  sectionCode: '210',
  assigneeId: 'E1002',
  form: {
    answers: {
      cardKind: 'own',
      cardNumber: ' 0012345 ',
      place: '本庁舎3階の会議室',
      circumstances: '山田 花子が鞄ごと紛失',
    },
    value: {
      cardKind: 'own',
      cardNumber: ' 0012345 ',
      lostAt: '2026-04-10T01:30:00.000Z',
      place: '本庁舎3階の会議室',
      circumstances: '山田 花子が鞄ごと紛失',
    },
  },
  evaluation: { note: '佐藤 健一へ連絡済み' },
  ackDueAt: '2026-04-10T03:15:00.000Z',
  createdAt: '2026-04-10T02:00:00.000Z',
  updatedAt: AT,
  version: 2,
  state: { escalatedTo: ['E1004'], records: { access_stopped: '入退室カードを停止（佐藤）' } },
  escalationLevel: 1,
};

describe('caseWebhookEvent', () => {
  it('carries the case ids, its closed values and, of the form, only the allow-listed card fields', () => {
    expect(caseWebhookEvent(stored, 'case.acknowledged', AT)).toEqual({
      event: 'case.acknowledged',
      caseId: 'INC-2026-0007',
      kind: 'lost_ic_card',
      at: AT,
      data: {
        version: 2,
        status: 'acknowledged',
        severity: 'critical',
        sectionCode: '210',
        form: { cardKind: 'own', cardNumber: '0012345' },
      },
    });
  });

  it('carries no names, no free text and no person ids', () => {
    const json = JSON.stringify(caseWebhookEvent(stored, 'case.escalated', AT));
    for (const leak of [
      '山田',
      '佐藤',
      '本庁舎',
      '会議室',
      '鞄',
      'E1001',
      'E1002',
      'E1004',
      'answers',
      'lostAt',
    ])
      expect(json, leak).not.toContain(leak);
  });

  it('gives a kind without allow-listed fields no form fields at all', () => {
    const virus: WebhookCase = {
      ...stored,
      kind: 'virus',
      form: { value: { cardNumber: '1', pcName: 'PC-12' } },
    };
    expect(caseWebhookEvent(virus, 'case.submitted', AT).data.form).toEqual({});
  });

  it('builds the same body as an event holding the whole stored form (what the services sent before)', () => {
    const whole = {
      event: 'case.acknowledged',
      caseId: stored.id,
      kind: stored.kind,
      at: AT,
      data: {
        version: stored.version,
        status: stored.status,
        severity: stored.severity,
        sectionCode: stored.sectionCode,
        form: stored.form,
      },
    };
    const body = buildWebhookPayload('d-1', caseWebhookEvent(stored, 'case.acknowledged', AT));
    expect(body).toEqual(buildWebhookPayload('d-1', whole));
    expect(body.case).toEqual({
      id: 'INC-2026-0007',
      kind: 'lost_ic_card',
      status: 'acknowledged',
      severity: 'critical',
      sectionCode: '210',
      version: 2,
      cardKind: 'own',
      cardNumber: '0012345',
    });
  });
});
