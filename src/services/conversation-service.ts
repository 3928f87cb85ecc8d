// Who is talking to the bot, and how to reach them later: the identity of an activity, the
// tenant's service URL and each person's conversation reference. Messages that waited for a person
// (or for any way to reach the tenant) are released as soon as one appears (delivery-service.ts).
import type { Clock } from '../domain/clock';
import type { Person } from '../domain/directory';
import { ConversationRepo } from '../storage/conversation-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import type { Database } from '../storage/sql';
import { TenantRepo } from '../storage/tenant-repo';
import { releaseForNewServiceUrl, releaseForReachable } from './delivery-service';

/** The directory person behind an `aadObjectId`, and whether they hold any role (menu extras). */
export async function identify(
  db: Database,
  aadObjectId: string,
): Promise<{ person: Person; holdsRole: boolean } | undefined> {
  const dir = new DirectoryRepo(db);
  const person = await dir.personByAadObjectId(aadObjectId.toLowerCase());
  return person ? { person, holdsRole: await dir.holdsRole(person.id) } : undefined;
}

/**
 * Learns the tenant's service URL from an activity the HTTP host admitted; returns how many waiting
 * messages a new URL released.
 */
export async function learnServiceUrl(
  db: Database,
  clock: Clock,
  input: { tenantId: string; serviceUrl: string; botId: string | null },
): Promise<number> {
  const at = clock.now().toISOString();
  const changed = await new TenantRepo(db).learn(input.tenantId, input.serviceUrl, input.botId, at);
  return changed ? releaseForNewServiceUrl(db, clock, input.tenantId) : 0;
}

/**
 * Stores the person's personal-chat reference (refreshed on every activity: the serviceUrl can
 * change); returns how many messages waiting for them were released.
 */
export async function recordConversation(
  db: Database,
  clock: Clock,
  input: {
    person: Person;
    tenantId: string;
    conversationId: string;
    reference: Record<string, unknown>;
    locale: string | undefined;
  },
): Promise<number> {
  await new ConversationRepo(db).upsert({
    aadObjectId: input.person.aadObjectId,
    tenantId: input.tenantId,
    conversationId: input.conversationId,
    reference: input.reference,
    locale: input.locale,
    at: clock.now().toISOString(),
  });
  return releaseForReachable(db, clock, input.person);
}

/** True for the first caller only: Teams re-sends install events, the welcome goes out once. */
export async function claimWelcome(db: Database, clock: Clock, person: Person): Promise<boolean> {
  return new ConversationRepo(db).markWelcomed(person.aadObjectId, clock.now().toISOString());
}
