// The one place that turns a stored case into the webhook event of a state change, for every service
// that enqueues one (case-service, decision-service, escalation-service).
import type { CaseRecord } from '../../storage/case-repo';
import { webhookKindFields, type WebhookEvent } from './payload';

export type WebhookCase = Pick<
  CaseRecord,
  'id' | 'kind' | 'version' | 'status' | 'severity' | 'sectionCode' | 'form'
>;

/**
 * The event `event` of case `c` (as stored after the change) at `at` (UTC ISO-8601). It carries ids
 * and closed-vocabulary values only: of the form, just the kind's allow-listed fields (for a lost IC
 * card its kind and number), never the answers typed as free text, names or person ids.
 */
export function caseWebhookEvent(c: WebhookCase, event: string, at: string): WebhookEvent {
  return {
    event,
    caseId: c.id,
    kind: c.kind,
    at,
    data: {
      version: c.version,
      status: c.status,
      severity: c.severity,
      sectionCode: c.sectionCode,
      form: webhookKindFields(c.kind, c.form),
    },
  };
}
