import { t } from '../../src/i18n';
import { describe, expect, it } from 'vitest';
import { INCIDENT_KINDS, type CaseKind, type IncidentKind } from '../../src/domain/cases';
import {
  applyAction,
  CASE_ACTION_NAMES,
  CaseActionSchema,
  chiefReportRequired,
  initialCaseState,
  isCaseActionName,
  missingRecords,
  validateAction,
  type ApplyResult,
  type ApplySuccess,
  type CaseAction,
  type CaseState,
} from '../../src/domain/decisions';
import type { Directory } from '../../src/domain/directory';
import { demoDirectory } from '../helpers/demo-directory';
import { closeNoticeArticle } from '../../src/domain/case-articles';
import { incidentPlan } from '../../src/domain/policy/incident';

const dir: Directory = demoDirectory();

const NOW = new Date('2026-04-10T03:00:00Z');
// Demo people: 山田 staff 210, 佐藤 officer 210, 鈴木 deputy 210, 伊藤 superior of 210 / officer of 200,
// 高橋 統括 (and officer of 100), 田中 IT管理者, 中村 deputy of 100.
const STAFF = 'E1001';
const OFFICER = 'E1002';
const SUPERIOR = 'E1004';
const CHIEF = 'E1005';
const STAFF_100 = 'E1008';

const ctx = (actorId: string) => ({ actorId, now: NOW, directory: dir });

function seed(kind: CaseKind, extra: Partial<Parameters<typeof initialCaseState>[0]> = {}): CaseState {
  return initialCaseState(
    { id: 'REQ-2026-0001', kind, reporterId: STAFF, sectionCode: '210', assigneeId: OFFICER, ...extra },
    dir,
  );
}

function expectOk(r: ApplyResult): ApplySuccess {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${t('ja', r.message)}`);
  return r;
}

function expectFail(r: ApplyResult, code: 'invalid_state' | 'invalid_input', ja?: RegExp): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  expect(t('ja', r.message)).not.toBe('');
  expect(t('en', r.message)).not.toBe('');
  if (ja) expect(t('ja', r.message)).toMatch(ja);
}

const CLOSURE = { content: '内容', cause: '原因', damage: 'なし', scope: '当該端末のみ' };

describe('action names', () => {
  it('is a closed union with a guard', () => {
    for (const n of CASE_ACTION_NAMES) expect(isCaseActionName(n)).toBe(true);
    expect(isCaseActionName('case.delete')).toBe(false);
    expect(isCaseActionName(42)).toBe(false);
  });

  it('parses card payloads with zod', () => {
    expect(CaseActionSchema.safeParse({ name: 'case.reject', comment: '不要' }).success).toBe(true);
    expect(CaseActionSchema.safeParse({ name: 'case.reject' }).success).toBe(false);
    expect(CaseActionSchema.safeParse({ name: 'case.record', records: { scope: 1 } }).success).toBe(false);
    expect(CaseActionSchema.safeParse({ name: 'case.nope' }).success).toBe(false);
  });
});

describe('initialCaseState', () => {
  it.each(['takeout', 'software_install', 'private_device', ...INCIDENT_KINDS] as CaseKind[])(
    '%s: submitted, no stage, the routed assignee',
    (kind) => {
      const s = seed(kind);
      expect(s).toMatchObject({
        status: 'submitted',
        stage: null,
        assigneeId: OFFICER,
        urgent: false,
        possibleLeak: false,
        escalatedTo: [],
        records: {},
        reportedToChief: false,
        closure: null,
        decision: null,
        endorsement: null,
        chiefAcknowledgedAt: null,
      });
    },
  );

  it('urgent is only kept for exceptions; possibleLeak is kept', () => {
    expect(seed('takeout', { urgent: true }).urgent).toBe(false);
    expect(seed('device_lost', { possibleLeak: true }).possibleLeak).toBe(true);
  });

  it('exception filed by staff: normal → endorse by the officer, urgent → urgent_decision', () => {
    expect(seed('exception')).toMatchObject({ stage: 'endorse', assigneeId: OFFICER, urgent: false });
    expect(seed('exception', { urgent: true })).toMatchObject({
      stage: 'urgent_decision',
      assigneeId: OFFICER,
      urgent: true,
    });
  });

  it('exception filed by the section officer: straight to 統括 (approve / post_report)', () => {
    const by = { reporterId: OFFICER, assigneeId: CHIEF };
    expect(seed('exception', by)).toMatchObject({ stage: 'approve', assigneeId: CHIEF });
    expect(seed('exception', { ...by, urgent: true })).toMatchObject({
      stage: 'post_report',
      assigneeId: CHIEF,
    });
    // The assignee is derived from the directory even when the routed assignee differs.
    expect(seed('exception', { reporterId: OFFICER, assigneeId: SUPERIOR }).assigneeId).toBe(CHIEF);
  });

  it('exception whose section officer is 統括: the forwarding step is skipped', () => {
    const s = seed('exception', { reporterId: STAFF_100, sectionCode: '100', assigneeId: CHIEF });
    expect(s).toMatchObject({ stage: 'approve', assigneeId: CHIEF });
  });

  it('exception filed by the only 統括: no approver', () => {
    const s = seed('exception', { reporterId: CHIEF, sectionCode: '100', assigneeId: null });
    expect(s).toMatchObject({ stage: 'approve', assigneeId: null });
  });
});

describe('final states', () => {
  const finals = [
    ['approved', /承認済み/],
    ['rejected', /却下/],
    ['cancelled', /取り下げ/],
    ['closed', /完了/],
  ] as const;
  const actions: CaseAction[] = [
    { name: 'case.acknowledge' },
    { name: 'case.record', records: { scope: 'x' } },
    { name: 'case.report_chief' },
    { name: 'case.close', ...CLOSURE },
    { name: 'case.approve' },
    { name: 'case.reject', comment: 'x' },
    { name: 'case.endorse' },
    { name: 'case.ack_post_report' },
  ];
  for (const [status, ja] of finals) {
    for (const kind of ['takeout', 'exception', 'virus'] as const) {
      it.each(actions.map((a) => [a.name, a] as const))(`${kind} ${status}: %s → invalid_state`, (_n, a) => {
        const s = { ...seed(kind), status };
        expectFail(applyAction(s, a, ctx(CHIEF)), 'invalid_state', ja);
      });
    }
  }
});

describe('requests (take-out, software install, private device)', () => {
  it.each(['takeout', 'software_install', 'private_device'] as const)(
    '%s: approve with conditions',
    (kind) => {
      const r = expectOk(
        applyAction(
          seed(kind),
          { name: 'case.approve', conditions: ' 暗号化のうえ ', comment: 'OK' },
          ctx(OFFICER),
        ),
      );
      expect(r.state).toMatchObject({
        status: 'approved',
        assigneeId: null,
        decision: { by: OFFICER, outcome: 'approved', comment: 'OK', conditions: '暗号化のうえ' },
      });
      expect(r.event.name).toBe('case.approved');
      expect(t('ja', r.event.summary)).toContain('暗号化のうえ');
      expect(r.notify).toEqual([{ personId: STAFF, why: 'requester' }]);
    },
  );

  const approveArticle = (kind: CaseKind, formValue?: unknown) =>
    expectOk(applyAction(seed(kind), { name: 'case.approve' }, { ...ctx(OFFICER), formValue })).event.article;
  const takeoutValue = (over: Record<string, unknown>) => ({
    itemKind: 'terminal',
    classification: 'III',
    protection: 'encryption',
    mobileTerminal: false,
    remoteWipeEnabled: false,
    sameBuilding: false,
    ...over,
  });

  it('cites what the permission rests on, from the form: 10(4)① for terminals, 8(3)①エオ for data', () => {
    expect(approveArticle('takeout', takeoutValue({}))).toEqual(['10(4)①']);
    expect(approveArticle('takeout', takeoutValue({ classification: 'II' }))).toEqual(['8(3)①オ', '10(4)①']);
    expect(approveArticle('takeout', takeoutValue({ itemKind: 'data', classification: 'II' }))).toEqual([
      '8(3)①オ',
    ]);
    expect(approveArticle('takeout', takeoutValue({ itemKind: 'data', classification: 'I' }))).toEqual([
      '8(3)①エ',
      '8(3)①オ',
    ]);
    expect(approveArticle('software_install')).toEqual(['10(5)①']);
    // Without a readable form, every article the kind may rest on, never a wrong single one.
    expect(approveArticle('takeout')).toEqual(['8(3)①エ', '8(3)①オ', '10(4)①']);
  });

  it('cites 10(3) for approving free mail or online storage, 10(4)② for a private terminal', () => {
    expect(approveArticle('private_device', { deviceKind: 'external_service' })).toEqual(['10(3)']);
    expect(approveArticle('private_device', { deviceKind: 'private_terminal' })).toEqual(['10(4)②']);
    expect(approveArticle('private_device', { deviceKind: 'private_medium' })).toEqual(['10(4)②']);
    const rejected = expectOk(
      applyAction(
        seed('private_device'),
        { name: 'case.reject', comment: '不要' },
        { ...ctx(OFFICER), formValue: { deviceKind: 'external_service' } },
      ),
    );
    expect(rejected.event.article).toEqual(['10(3)']);
  });

  it.each(['takeout', 'software_install', 'private_device'] as const)(
    '%s: reject needs a comment',
    (kind) => {
      expectFail(
        applyAction(seed(kind), { name: 'case.reject', comment: '   ' }, ctx(OFFICER)),
        'invalid_input',
        /理由/,
      );
      const r = expectOk(
        applyAction(seed(kind), { name: 'case.reject', comment: '暗号化されていない' }, ctx(OFFICER)),
      );
      expect(r.state.status).toBe('rejected');
      expect(r.state.decision).toEqual({
        by: OFFICER,
        outcome: 'rejected',
        comment: '暗号化されていない',
        conditions: '',
      });
      expect(r.event.name).toBe('case.rejected');
      expect(r.notify).toEqual([{ personId: STAFF, why: 'requester' }]);
    },
  );

  it('approve without comment or conditions stores empty strings', () => {
    const r = expectOk(applyAction(seed('takeout'), { name: 'case.approve' }, ctx(OFFICER)));
    expect(r.state.decision).toMatchObject({ comment: '', conditions: '' });
  });

  it('double approval is detectable', () => {
    const r = expectOk(applyAction(seed('takeout'), { name: 'case.approve' }, ctx(OFFICER)));
    expectFail(applyAction(r.state, { name: 'case.approve' }, ctx(OFFICER)), 'invalid_state', /承認済み/);
  });

  it.each(['case.acknowledge', 'case.report_chief', 'case.endorse', 'case.ack_post_report'] as const)(
    'wrong kind: %s on a take-out → invalid_input',
    (name) => {
      expectFail(
        applyAction(seed('takeout'), { name }, ctx(OFFICER)),
        'invalid_input',
        /持ち出し|使えません/,
      );
    },
  );

  it('a request in an unexpected status (endorsed) is refused', () => {
    expectFail(
      applyAction({ ...seed('takeout'), status: 'endorsed' }, { name: 'case.approve' }, ctx(OFFICER)),
      'invalid_state',
    );
  });
});

describe('exception, normal (12(6)①)', () => {
  const endorsed = () =>
    expectOk(applyAction(seed('exception'), { name: 'case.endorse', comment: '妥当' }, ctx(OFFICER)));

  it('endorse → endorsed, stage approve, assignee 統括; escalations cleared', () => {
    const start = { ...seed('exception'), escalatedTo: [SUPERIOR] };
    const r = expectOk(applyAction(start, { name: 'case.endorse', comment: ' 妥当 ' }, ctx(OFFICER)));
    expect(r.state).toMatchObject({
      status: 'endorsed',
      stage: 'approve',
      assigneeId: CHIEF,
      escalatedTo: [],
      endorsement: { by: OFFICER, comment: '妥当', at: NOW.toISOString() },
    });
    expect(r.event).toMatchObject({ name: 'case.endorsed', article: '12(6)①' });
    expect(r.notify).toEqual([
      { personId: CHIEF, why: 'assignee' },
      { personId: STAFF, why: 'requester' },
    ]);
  });

  it('統括 approves', () => {
    const r = expectOk(
      applyAction(endorsed().state, { name: 'case.approve', conditions: '期間中のみ' }, ctx(CHIEF)),
    );
    expect(r.state).toMatchObject({ status: 'approved', assigneeId: null, stage: 'approve' });
    expect(r.state.decision).toMatchObject({ by: CHIEF, outcome: 'approved', conditions: '期間中のみ' });
    expect(r.event).toMatchObject({ name: 'case.approved', article: '12(6)①' });
    expect(r.notify).toEqual([{ personId: STAFF, why: 'requester' }]);
  });

  it('統括 rejects (comment required)', () => {
    expectFail(
      applyAction(endorsed().state, { name: 'case.reject', comment: '' }, ctx(CHIEF)),
      'invalid_input',
    );
    const r = expectOk(
      applyAction(endorsed().state, { name: 'case.reject', comment: '代替措置が不十分' }, ctx(CHIEF)),
    );
    expect(r.state.status).toBe('rejected');
    expect(r.event.article).toBe('12(6)①');
  });

  it('the officer may reject at stage endorse', () => {
    const r = expectOk(
      applyAction(seed('exception'), { name: 'case.reject', comment: '理由が不十分' }, ctx(OFFICER)),
    );
    expect(r.state).toMatchObject({ status: 'rejected', stage: 'endorse', decision: { by: OFFICER } });
  });

  it('approve at stage endorse, endorse twice, ack_post_report on a normal exception → invalid_state', () => {
    expectFail(
      applyAction(seed('exception'), { name: 'case.approve' }, ctx(OFFICER)),
      'invalid_state',
      /進達待ち/,
    );
    expectFail(
      applyAction(endorsed().state, { name: 'case.endorse' }, ctx(OFFICER)),
      'invalid_state',
      /進達済み/,
    );
    expectFail(applyAction(endorsed().state, { name: 'case.ack_post_report' }, ctx(CHIEF)), 'invalid_state');
    expectFail(applyAction(seed('exception'), { name: 'case.ack_post_report' }, ctx(CHIEF)), 'invalid_state');
  });

  it('incident actions on an exception → invalid_input', () => {
    expectFail(applyAction(seed('exception'), { name: 'case.acknowledge' }, ctx(OFFICER)), 'invalid_input');
    expectFail(
      applyAction(seed('exception'), { name: 'case.close', ...CLOSURE }, ctx(OFFICER)),
      'invalid_input',
    );
  });

  it('officer-filed exception: 統括 approves directly', () => {
    const s = seed('exception', { reporterId: OFFICER, assigneeId: CHIEF });
    expectFail(applyAction(s, { name: 'case.endorse' }, ctx(CHIEF)), 'invalid_state');
    const r = expectOk(applyAction(s, { name: 'case.approve' }, ctx(CHIEF)));
    expect(r.state.status).toBe('approved');
    expect(r.notify).toEqual([{ personId: OFFICER, why: 'requester' }]);
  });

  it('endorse with no 統括 other than the reporter and the actor → invalid_state', () => {
    const s = { ...seed('exception'), reporterId: CHIEF };
    expectFail(applyAction(s, { name: 'case.endorse' }, ctx(OFFICER)), 'invalid_state', /統括/);
  });
});

describe('exception, urgent (12(6)②)', () => {
  const urgent = () => seed('exception', { urgent: true });
  const reported = () => expectOk(applyAction(urgent(), { name: 'case.endorse' }, ctx(OFFICER)));

  it('the officer decides to act → endorsed, post_report, assignee 統括', () => {
    const r = reported();
    expect(r.state).toMatchObject({ status: 'endorsed', stage: 'post_report', assigneeId: CHIEF });
    expect(r.event).toMatchObject({ name: 'case.endorsed', article: '12(6)②' });
    expect(t('ja', r.event.summary)).toContain('事後報告');
    expect(r.notify[0]).toEqual({ personId: CHIEF, why: 'assignee' });
  });

  it('統括 acknowledges → approved with 「事後報告を確認」', () => {
    const r = expectOk(applyAction(reported().state, { name: 'case.ack_post_report' }, ctx(CHIEF)));
    expect(r.state).toMatchObject({
      status: 'approved',
      assigneeId: null,
      chiefAcknowledgedAt: NOW.toISOString(),
      decision: { by: CHIEF, outcome: 'approved', comment: '事後報告を確認', conditions: '' },
    });
    expect(r.event).toMatchObject({ name: 'case.post_report_acknowledged', article: '12(6)②' });
    expect(r.notify).toEqual([{ personId: STAFF, why: 'requester' }]);
    expectFail(
      applyAction(r.state, { name: 'case.ack_post_report' }, ctx(CHIEF)),
      'invalid_state',
      /承認済み/,
    );
  });

  it('統括 may keep a comment on the acknowledgement', () => {
    const r = expectOk(
      applyAction(reported().state, { name: 'case.ack_post_report', comment: '了解' }, ctx(CHIEF)),
    );
    expect(r.state.decision?.comment).toBe('了解');
  });

  it('統括 orders the measure stopped (reject at post_report)', () => {
    const r = expectOk(
      applyAction(reported().state, { name: 'case.reject', comment: '直ちに中止' }, ctx(CHIEF)),
    );
    expect(r.state.status).toBe('rejected');
    expect(r.event.article).toBe('12(6)②');
    expect(t('ja', r.event.summary)).toContain('中止');
  });

  it('the officer may decide not to act (reject at urgent_decision)', () => {
    const r = expectOk(applyAction(urgent(), { name: 'case.reject', comment: '緊急性なし' }, ctx(OFFICER)));
    expect(r.state.status).toBe('rejected');
    expect(r.event.article).toBe('12(6)②');
  });

  it('approve is not the way to handle a post report', () => {
    expectFail(
      applyAction(reported().state, { name: 'case.approve' }, ctx(CHIEF)),
      'invalid_state',
      /事後報告/,
    );
    expectFail(
      applyAction(urgent(), { name: 'case.ack_post_report' }, ctx(CHIEF)),
      'invalid_state',
      /実施判断待ち/,
    );
  });

  it('officer-filed urgent exception: 統括 acknowledges directly', () => {
    const s = seed('exception', { reporterId: OFFICER, assigneeId: CHIEF, urgent: true });
    const r = expectOk(applyAction(s, { name: 'case.ack_post_report' }, ctx(CHIEF)));
    expect(r.state.status).toBe('approved');
  });

  it('a stage-less exception is refused', () => {
    expectFail(
      applyAction({ ...seed('exception'), stage: null }, { name: 'case.endorse' }, ctx(OFFICER)),
      'invalid_state',
    );
  });
});

/** Values that fill every record required to close, per kind. */
function fullRecords(kind: IncidentKind): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of incidentPlan(kind).officerRecords) out[r.id] = `${t('ja', r.label)}: 済`;
  return out;
}

describe('incidents', () => {
  const inc = (kind: IncidentKind, extra: Partial<CaseState> = {}) => ({ ...seed(kind), ...extra });
  const acked = (kind: IncidentKind, extra: Partial<CaseState> = {}) =>
    expectOk(applyAction(inc(kind, extra), { name: 'case.acknowledge' }, ctx(OFFICER))).state;

  it.each(INCIDENT_KINDS)(
    '%s: acknowledge → acknowledged, notifies the reporter; twice → invalid_state',
    (kind) => {
      const r = expectOk(applyAction(inc(kind), { name: 'case.acknowledge' }, ctx(OFFICER)));
      expect(r.state.status).toBe('acknowledged');
      expect(r.state.assigneeId).toBe(OFFICER);
      expect(r.event.name).toBe('case.acknowledged');
      expect(r.event.article).not.toBe('');
      expect(r.notify).toEqual([{ personId: STAFF, why: 'requester' }]);
      expectFail(
        applyAction(r.state, { name: 'case.acknowledge' }, ctx(OFFICER)),
        'invalid_state',
        /対応開始済み/,
      );
    },
  );

  it.each(INCIDENT_KINDS)('%s: the full path record → report → close', (kind) => {
    let s = acked(kind);
    const rec = expectOk(applyAction(s, { name: 'case.record', records: fullRecords(kind) }, ctx(OFFICER)));
    expect(rec.event.name).toBe('case.recorded');
    expect(rec.notify).toEqual([]);
    s = rec.state;
    const rep = expectOk(applyAction(s, { name: 'case.report_chief' }, ctx(OFFICER)));
    expect(rep.state.reportedToChief).toBe(true);
    expect(rep.event.name).toBe('case.reported_to_chief');
    expect(rep.notify).toEqual([{ personId: CHIEF, why: 'chief_officer' }]);
    const close = expectOk(applyAction(rep.state, { name: 'case.close', ...CLOSURE }, ctx(OFFICER)));
    expect(close.state).toMatchObject({ status: 'closed', assigneeId: null, closure: CLOSURE });
    expect(close.event.name).toBe('case.closed');
    expect(close.notify).toEqual([
      { personId: STAFF, why: 'requester' },
      { personId: CHIEF, why: 'chief_officer', article: closeNoticeArticle(kind) },
    ]);
  });

  it('cites 12(5)①オ for telling 統括 a failure is closed; other closes tell 統括 by 運用ルール', () => {
    expect(closeNoticeArticle('system_failure')).toBe('12(5)①オ');
    for (const kind of INCIDENT_KINDS.filter((k) => k !== 'system_failure'))
      expect(closeNoticeArticle(kind)).toBe('operating_rule');
  });

  it('cites 10(6)② (not 10(8)②カ, which binds staff) when the officer starts on a password leak', () => {
    expect(
      expectOk(applyAction(inc('password_leak'), { name: 'case.acknowledge' }, ctx(OFFICER))).event.article,
    ).toBe('10(6)②');
  });

  it('record, report and close before acknowledge → invalid_state', () => {
    expectFail(
      applyAction(inc('virus'), { name: 'case.record', records: { scope: 'x' } }, ctx(OFFICER)),
      'invalid_state',
      /対応開始/,
    );
    expectFail(applyAction(inc('virus'), { name: 'case.report_chief' }, ctx(OFFICER)), 'invalid_state');
    expectFail(applyAction(inc('virus'), { name: 'case.close', ...CLOSURE }, ctx(OFFICER)), 'invalid_state');
  });

  it('record merges, trims, and keeps earlier records; cites the steps’ articles', () => {
    const a = expectOk(
      applyAction(acked('virus'), { name: 'case.record', records: { scope: ' 1台 ' } }, ctx(OFFICER)),
    );
    expect(a.event.article).toEqual(['11(3)⑥']);
    const b = expectOk(
      applyAction(
        a.state,
        { name: 'case.record', records: { route: 'メール添付', evidence: '保全' } },
        ctx(OFFICER),
      ),
    );
    expect(b.state.records).toEqual({ scope: '1台', route: 'メール添付', evidence: '保全' });
    expect(b.event.article).toEqual(['11(3)⑥', '12(5)②ク']);
  });

  it('record rejects unknown ids, blank values and empty input', () => {
    expectFail(
      applyAction(acked('virus'), { name: 'case.record', records: { outcome: 'x' } }, ctx(OFFICER)),
      'invalid_input',
      /outcome/,
    );
    expectFail(
      applyAction(acked('virus'), { name: 'case.record', records: { scope: '  ' } }, ctx(OFFICER)),
      'invalid_input',
      /影響範囲/,
    );
    expectFail(
      applyAction(acked('virus'), { name: 'case.record', records: {} }, ctx(OFFICER)),
      'invalid_input',
    );
  });

  it('report_chief twice → invalid_state with a clear message; notifies every 統括 but the actor', () => {
    const r = expectOk(applyAction(acked('virus'), { name: 'case.report_chief' }, ctx(CHIEF)));
    expect(r.notify).toEqual([]);
    expectFail(
      applyAction(r.state, { name: 'case.report_chief' }, ctx(OFFICER)),
      'invalid_state',
      /報告済み/,
    );
  });

  it('close needs every required record', () => {
    const s = { ...acked('virus'), reportedToChief: true, records: { scope: 'a', route: 'b', removal: 'c' } };
    expectFail(applyAction(s, { name: 'case.close', ...CLOSURE }, ctx(OFFICER)), 'invalid_state', /証拠保全/);
  });

  it('close needs non-blank closure fields (12(5)②カ)', () => {
    const s = { ...acked('password_leak'), records: fullRecords('password_leak') };
    expectFail(
      applyAction(s, { name: 'case.close', ...CLOSURE, cause: ' ' }, ctx(OFFICER)),
      'invalid_input',
      /原因/,
    );
  });

  it.each([
    ['virus', false, true],
    ['system_failure', false, true],
    ['device_lost', true, true],
    ['misdirected_mail', true, true],
    ['device_lost', false, false],
    ['misdirected_mail', false, false],
    ['password_leak', false, false],
    ['lost_ic_card', false, false],
  ] as const)(
    '%s (possibleLeak %s): report to 統括 required before close = %s',
    (kind, possibleLeak, required) => {
      expect(chiefReportRequired({ kind, possibleLeak })).toBe(required);
      const s = { ...acked(kind, { possibleLeak }), records: fullRecords(kind) };
      const r = applyAction(s, { name: 'case.close', ...CLOSURE }, ctx(OFFICER));
      if (required) expectFail(r, 'invalid_state', /統括情報セキュリティ責任者への報告/);
      else {
        const okR = expectOk(r);
        expect(okR.notify).toEqual([
          { personId: STAFF, why: 'requester' },
          { personId: CHIEF, why: 'chief_officer', article: 'operating_rule' },
        ]);
      }
    },
  );

  it('virus: reported_to_chief text record is not required (the flag is)', () => {
    const records = { scope: 'a', route: 'b', removal: 'c', evidence: 'd' };
    const s = { ...acked('virus'), records, reportedToChief: true };
    expectOk(applyAction(s, { name: 'case.close', ...CLOSURE }, ctx(OFFICER)));
  });

  describe('required records per kind', () => {
    it('lost_ic_card: old card destroyed only on reissue', () => {
      expect(missingRecords({ kind: 'lost_ic_card', records: {} })).toEqual(['access_stopped', 'outcome']);
      expect(
        missingRecords({ kind: 'lost_ic_card', records: { access_stopped: '済', outcome: '発見' } }),
      ).toEqual([]);
      expect(
        missingRecords({ kind: 'lost_ic_card', records: { access_stopped: '済', outcome: '再発行' } }),
      ).toEqual(['old_card_destroyed']);
    });
    it('device_lost: police report optional, remote wipe required', () => {
      expect(missingRecords({ kind: 'device_lost', records: {} })).toEqual(['remote_wipe']);
    });
    it('others', () => {
      expect(missingRecords({ kind: 'virus', records: {} })).toEqual([
        'scope',
        'route',
        'removal',
        'evidence',
      ]);
      expect(missingRecords({ kind: 'misdirected_mail', records: {} })).toEqual(['deletion_confirmed']);
      expect(missingRecords({ kind: 'password_leak', records: {} })).toEqual([
        'password_changed',
        'access_reviewed',
      ]);
      expect(missingRecords({ kind: 'system_failure', records: {} })).toEqual([
        'status_scope',
        'cause',
        'recovery',
      ]);
      expect(missingRecords({ kind: 'takeout', records: {} })).toEqual([]);
    });
    it('every required id is one of the plan’s officer records', () => {
      for (const kind of INCIDENT_KINDS) {
        const ids = incidentPlan(kind).officerRecords.map((r) => r.id);
        for (const id of missingRecords({ kind, records: { outcome: '再発行' } })) expect(ids).toContain(id);
      }
    });
  });

  it('lost card reissued: close blocked until the old card is destroyed', () => {
    const s = { ...acked('lost_ic_card'), records: { access_stopped: '停止済', outcome: '再発行した' } };
    expectFail(applyAction(s, { name: 'case.close', ...CLOSURE }, ctx(OFFICER)), 'invalid_state', /旧カード/);
    const t = expectOk(
      applyAction(s, { name: 'case.record', records: { old_card_destroyed: '破砕済' } }, ctx(OFFICER)),
    );
    expect(t.event.article).toEqual(['10(9)③']);
    expectOk(applyAction(t.state, { name: 'case.close', ...CLOSURE }, ctx(OFFICER)));
  });

  it('system_failure close cites 12(5)①オ; others 12(5)②カ', () => {
    const close = (kind: IncidentKind) =>
      expectOk(
        applyAction(
          { ...acked(kind), records: fullRecords(kind), reportedToChief: true },
          { name: 'case.close', ...CLOSURE },
          ctx(OFFICER),
        ),
      ).event.article;
    expect(close('system_failure')).toBe('12(5)①オ');
    expect(close('virus')).toBe('12(5)②カ');
  });

  it.each(['case.approve', 'case.endorse', 'case.ack_post_report'] as const)(
    'wrong kind: %s on an incident',
    (name) => {
      expectFail(applyAction(inc('virus'), { name }, ctx(OFFICER)), 'invalid_input');
    },
  );

  it('reject on an incident → invalid_input', () => {
    expectFail(
      applyAction(inc('virus'), { name: 'case.reject', comment: 'x' }, ctx(OFFICER)),
      'invalid_input',
    );
  });
});

describe('validateAction', () => {
  it('is what applyAction returns for an invalid state, and null when valid', () => {
    expect(validateAction(seed('takeout'), { name: 'case.approve' })).toBeNull();
    const s = { ...seed('takeout'), status: 'approved' as const };
    expect(validateAction(s, { name: 'case.approve' })).toEqual(
      applyAction(s, { name: 'case.approve' }, ctx(OFFICER)),
    );
  });

  it('does not change the input state', () => {
    const s = seed('virus');
    const copy = structuredClone(s);
    applyAction(s, { name: 'case.acknowledge' }, ctx(OFFICER));
    expect(s).toEqual(copy);
  });
});
