import { CONSULT_RECORDS } from '../../policy/network-requests';
import { invalidInput, invalidState, ok, requesterOf, type ActionHandler } from '../result';
import { chiefFor } from '../state';
import { msg } from '../../../i18n';

/**
 * 11(2)②: the IT管理者 records the consultation — the external network's configuration, its security
 * level, the risks of connecting and the sufficient measures confirmed — and the request moves to
 * 統括 for approval (11(2)③). Every record is required: the article asks for all of them.
 */
export const consult: ActionHandler<'case.consult'> = (state, action, ctx) => {
  const records: Record<string, string> = {};
  for (const r of CONSULT_RECORDS) {
    const v = Object.hasOwn(action.records, r.id) ? (action.records[r.id] ?? '').trim() : '';
    if (v === '') return invalidInput(msg('permissions.consult.record_required', { label: r.label }));
    records[r.id] = v;
  }
  const chief = chiefFor(ctx.directory, state.reporterId, ctx.actorId);
  if (chief === null) return invalidState(msg('permissions.consult.no_chief'));
  return ok(
    {
      ...state,
      status: 'endorsed',
      stage: 'approve',
      assigneeId: chief,
      // Escalation made those people responsible for the IT管理者's step, not for 統括's approval.
      escalatedTo: [],
      records: { ...state.records, ...records },
      endorsement: { by: ctx.actorId, comment: '', at: ctx.now.toISOString() },
    },
    {
      name: 'case.consulted',
      article: '11(2)②',
      summary: msg('permissions.consult.done'),
    },
    [{ personId: chief, why: 'assignee' }, requesterOf(state)],
    ctx.actorId,
  );
};
