import { msg } from '../../i18n';
// What the case card shows of a case's webhook deliveries.
import type { Localized } from '../../domain/cases';
import type { SqlClient } from '../../storage/sql';
import { WebhookRepo, type WebhookDeliveryStatus } from '../../storage/webhook-repo';

export interface WebhookStatus {
  hook: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastStatus: number | null;
}

/** Every delivery of a case, oldest first, so the card can show failures to the officer. */
export async function webhookStatusForCase(db: SqlClient, caseId: string): Promise<WebhookStatus[]> {
  return (await new WebhookRepo(db).byCase(caseId)).map((d) => ({
    hook: d.hook,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    lastStatus: d.lastStatus,
  }));
}

/** The line a case card shows for a failed delivery; null otherwise. */
export function webhookFailureText(s: Pick<WebhookStatus, 'hook' | 'status' | 'attempts'>): Localized | null {
  if (s.status !== 'failed') return null;
  return msg('webhook.failed', { hook: s.hook, attempts: s.attempts });
}
