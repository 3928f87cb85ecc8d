import { t } from '../../../src/i18n';
// The action handler table: one handler per action name, checked by the compiler and here, and
// applyAction dispatches through it.
import { describe, expect, it } from 'vitest';
import {
  ACTION_HANDLERS,
  applyAction,
  CASE_ACTION_NAMES,
  initialCaseState,
  type ActionHandlers,
  type CaseAction,
  type CaseActionName,
  type CaseState,
} from '../../../src/domain/decisions';
import { demoDirectory } from '../../helpers/demo-directory';

const dir = demoDirectory();
const NOW = new Date('2026-04-10T03:00:00Z');
const STAFF = 'E1001';
const OFFICER = 'E1002';
const CHIEF = 'E1005';

const seed = (over: Partial<Parameters<typeof initialCaseState>[0]>): CaseState =>
  initialCaseState(
    {
      id: 'X-2026-0001',
      kind: 'takeout',
      reporterId: STAFF,
      sectionCode: '210',
      assigneeId: OFFICER,
      ...over,
    },
    dir,
  );
const acknowledged = (kind: 'virus' | 'misdirected_mail', records: Record<string, string> = {}) => ({
  ...seed({ kind }),
  status: 'acknowledged' as const,
  records,
});

/** For each action: a case it applies to, the action, who acts and the event it must produce. */
const CASES: { [N in CaseActionName]: [CaseState, Extract<CaseAction, { name: N }>, string, string] } = {
  'case.acknowledge': [seed({ kind: 'virus' }), { name: 'case.acknowledge' }, OFFICER, 'case.acknowledged'],
  'case.record': [
    acknowledged('virus'),
    { name: 'case.record', records: { scope: '当該端末のみ' } },
    OFFICER,
    'case.recorded',
  ],
  'case.report_chief': [
    acknowledged('virus'),
    { name: 'case.report_chief' },
    OFFICER,
    'case.reported_to_chief',
  ],
  'case.close': [
    acknowledged('misdirected_mail', { deletion_confirmed: '先方が削除済み' }),
    { name: 'case.close', content: '誤送信', cause: '宛先の選択誤り', damage: 'なし', scope: '1通' },
    OFFICER,
    'case.closed',
  ],
  'case.approve': [seed({}), { name: 'case.approve' }, OFFICER, 'case.approved'],
  'case.reject': [seed({}), { name: 'case.reject', comment: '不要' }, OFFICER, 'case.rejected'],
  'case.endorse': [seed({ kind: 'exception' }), { name: 'case.endorse' }, OFFICER, 'case.endorsed'],
  'case.ack_post_report': [
    seed({ kind: 'exception', urgent: true, reporterId: OFFICER }),
    { name: 'case.ack_post_report' },
    CHIEF,
    'case.post_report_acknowledged',
  ],
  'case.consult': [
    seed({ kind: 'external_connection', reporterId: OFFICER, assigneeId: 'E1006' }),
    {
      name: 'case.consult',
      records: {
        consult_configuration: 'VPN経由、接続先はメーカー保守拠点のみ',
        consult_security_level: 'ISMS認証取得済み',
        consult_risks: '保守端末経由の侵入',
        consult_measures: '接続時のみ有効化、通信先を限定',
      },
    },
    'E1006',
    'case.consulted',
  ],
};

describe('the action handler table', () => {
  it('has exactly one handler for every action name', () => {
    expect(Object.keys(ACTION_HANDLERS).sort()).toEqual([...CASE_ACTION_NAMES].sort());
    for (const name of CASE_ACTION_NAMES) expect(typeof ACTION_HANDLERS[name], name).toBe('function');
  });

  it('does not compile with a handler missing or written for another action', () => {
    const withoutClose = Object.fromEntries(
      Object.entries(ACTION_HANDLERS).filter(([name]) => name !== 'case.close'),
    ) as Omit<ActionHandlers, 'case.close'>;
    // @ts-expect-error: 'case.close' has no handler.
    const missing: ActionHandlers = withoutClose;
    // @ts-expect-error: the reject handler takes a reject payload, not a close one.
    const mixed: ActionHandlers = { ...ACTION_HANDLERS, 'case.close': ACTION_HANDLERS['case.reject'] };
    expect(Object.keys(missing)).not.toContain('case.close');
    expect(mixed['case.close']).toBe(ACTION_HANDLERS['case.reject']);
  });

  it.each(CASE_ACTION_NAMES)('applyAction hands %s to its own handler', (name) => {
    const [state, action, actorId, event] = CASES[name];
    const ctx = { actorId, now: NOW, directory: dir };
    const r = applyAction(state, action, ctx);
    if (!r.ok) throw new Error(`${name}: ${r.code} ${t('ja', r.message)}`);
    expect(r.event.name).toBe(event);
    expect(r).toEqual(
      (ACTION_HANDLERS[name] as (s: CaseState, a: CaseAction, c: typeof ctx) => unknown)(state, action, ctx),
    );
  });
});
