// Refusals that happen before anyone is identified: an identity that is not in the contact
// directory (6ウ) asked for something. Recorded like every other refusal, with ids only.
import type { Clock } from '../domain/clock';
import { AuditRepo } from '../storage/audit-repo';
import type { Database } from '../storage/sql';

export interface UnknownIdentityAttempt {
  /** `from.aadObjectId` as sent (lower-cased), or null when the activity carried none. */
  aadObjectId: string | null;
  activityType: string;
  /** Invoke name (e.g. `adaptiveCard/action`), when there is one. */
  name?: string;
  /** Card verb and case id from the payload, when present (never the typed text). */
  verb?: string;
  caseId?: string;
}

const ID_LIKE = /^[A-Za-z0-9._:/-]{1,80}$/;
/** Only id-shaped values reach the audit row: a stranger's payload is not stored as they sent it. */
const idOnly = (v: unknown): string | undefined => (typeof v === 'string' && ID_LIKE.test(v) ? v : undefined);

export async function recordUnknownIdentity(
  db: Database,
  clock: Clock,
  a: UnknownIdentityAttempt,
): Promise<void> {
  const verb = idOnly(a.verb);
  const caseId = idOnly(a.caseId);
  const name = idOnly(a.name);
  await new AuditRepo(db).append({
    at: clock.now().toISOString(),
    actor: a.aadObjectId && ID_LIKE.test(a.aadObjectId) ? `aad:${a.aadObjectId}` : 'aad:unknown',
    event: a.activityType === 'invoke' || verb ? 'case.action_denied' : 'access.denied',
    subject: caseId ?? 'directory',
    data: {
      reason: 'unknown_actor',
      activityType: idOnly(a.activityType) ?? 'unknown',
      ...(name ? { name } : {}),
      ...(verb ? { action: verb } : {}),
    },
  });
}
