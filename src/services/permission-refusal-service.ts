// Refusals the standard makes at once, before any form or case: each is written to the audit trail
// (who asked, what, which article) so the attempt is on record (12(4)②).
import type { ArticleId } from '../domain/articles';
import type { CaseKind } from '../domain/cases';
import type { Clock } from '../domain/clock';
import type { Person } from '../domain/directory';
import { filerRefusal, type FilerRefusal } from '../domain/policy/network-requests';
import { AuditRepo } from '../storage/audit-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import type { Database } from '../storage/sql';

/** 10(4)⑦: the prohibition has no permission clause, so an ask to change it is refused and recorded. */
export const SECURITY_SETTING_ARTICLE: ArticleId = '10(4)⑦';

/**
 * A request to change a terminal's security settings, refused. What was typed is not stored (it may
 * hold anything); the row says who asked, when, and under which article it was refused.
 */
export async function refuseSecuritySettingChange(
  db: Database,
  clock: Clock,
  person: Person,
  via: 'text' | 'menu',
): Promise<void> {
  await new AuditRepo(db).append({
    at: clock.now().toISOString(),
    actor: person.id,
    event: 'security_setting.refused',
    subject: person.id,
    article: SECURITY_SETTING_ARTICLE,
    data: { via, offered: 'exception' },
  });
}

/**
 * Whether `person` may file a request of `kind` (policy/network-requests.ts); a refusal is audited as
 * 'flow.filer_refused' with its article, and returned for the reply.
 */
export async function checkFiler(
  db: Database,
  clock: Clock,
  person: Person,
  kind: CaseKind,
): Promise<FilerRefusal | null> {
  const directory = await new DirectoryRepo(db).load();
  const refusal = filerRefusal(kind, directory, person.id);
  if (!refusal) return null;
  await new AuditRepo(db).append({
    at: clock.now().toISOString(),
    actor: person.id,
    event: 'flow.filer_refused',
    subject: person.id,
    article: refusal.article,
    data: { kind },
  });
  return refusal;
}
