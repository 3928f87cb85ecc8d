// Which hooks an event goes to, and their deliveries written in the caller's transaction.
import { randomUUID } from 'node:crypto';
import type { WebhookConfig } from '../../config/config';
import type { SqlClient } from '../../storage/sql';
import { WebhookRepo } from '../../storage/webhook-repo';
import { buildWebhookPayload, type WebhookEvent } from './payload';

export function hookMatches(h: WebhookConfig, event: string, kind: string): boolean {
  return h.events.includes(event) && (h.kinds === undefined || (h.kinds as readonly string[]).includes(kind));
}

/**
 * In the caller's transaction: one pending delivery per hook whose event and kind filters match.
 * Dedupe key `${hook}:${event}:${caseId}:${version or at}`, so replaying the same state change
 * never notifies a receiver twice. Returns how many deliveries were created. The caller kicks the
 * dispatcher after commit.
 */
export async function enqueueWebhooks(
  tx: SqlClient,
  hooks: readonly WebhookConfig[],
  e: WebhookEvent,
): Promise<number> {
  const repo = new WebhookRepo(tx);
  const v = e.data.version;
  const discriminator = typeof v === 'number' || typeof v === 'string' ? String(v) : e.at;
  let created = 0;
  for (const h of hooks) {
    if (!hookMatches(h, e.event, e.kind)) continue;
    const payload = buildWebhookPayload(randomUUID(), e);
    const ok = await repo.enqueue({
      dedupeKey: `${h.name}:${e.event}:${e.caseId}:${discriminator}`,
      hook: h.name,
      caseId: e.caseId,
      event: e.event,
      payloadJson: JSON.stringify(payload),
      at: e.at,
    });
    if (ok) created += 1;
  }
  return created;
}
