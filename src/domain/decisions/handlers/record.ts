import { msg } from '../../../i18n';
import type { IncidentKind } from '../../cases';
import type { Citation } from '../../articles';
import { cyberStepOrderError, policeReportArticles } from '../../policy/cyber-attack';
import { incidentPlan, type OfficerRecord } from '../../policy/incident';
import { isFilled } from '../records';
import { invalidInput, ok, type ActionHandler, type ApplyFailure } from '../result';

/** Why these records cannot be stored: none given, one this case does not have, or one left blank. */
function invalidRecords(
  records: Record<string, string>,
  officerRecords: readonly OfficerRecord[],
): ApplyFailure | null {
  const entries = Object.entries(records);
  if (entries.length === 0) {
    return invalidInput(msg('decision.nothing_record'));
  }
  const unknown = entries.map(([id]) => id).filter((id) => !officerRecords.some((r) => r.id === id));
  if (unknown.length > 0) {
    return invalidInput(msg('decision.unknownRecord', { ids: unknown.join(', ') }));
  }
  const blank = officerRecords.filter((r) => r.id in records && !isFilled(records[r.id]));
  if (blank.length > 0) {
    return invalidInput(msg('decision.recordBlank', { fields: blank.map((r) => r.label) }));
  }
  return null;
}

export const record: ActionHandler<'case.record'> = (state, action, ctx) => {
  const plan = incidentPlan(state.kind as IncidentKind);
  const invalid = invalidRecords(action.records, plan.officerRecords);
  if (invalid) return invalid;
  const records = { ...state.records };
  const done = plan.officerRecords.filter((r) => r.id in action.records);
  for (const r of done) records[r.id] = (action.records[r.id] ?? '').trim();
  const articles: Citation[] = done.map((r) => r.article);
  if (state.kind === 'cyber_attack') {
    const order = cyberStepOrderError(
      records,
      done.map((r) => r.id),
    );
    if (order) return invalidInput(order);
    if (done.some((r) => r.id === 'police_report'))
      articles.push(...policeReportArticles(state.possibleLeak));
  }
  return ok(
    { ...state, records },
    {
      name: 'case.recorded',
      article: [...new Set(articles)],
      summary: msg('decision.recorded', { fields: done.map((r) => r.label) }),
    },
    [],
    ctx.actorId,
  );
};
