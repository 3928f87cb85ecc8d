// 連絡網の確認 (6ウ: the IT管理者 keeps the contact tree usable): who cannot be reached in Teams —
// messages waiting for them, or no Teams conversation stored yet —, who has no phone number for the
// fallback, which sections have no officer or no deputy. For IT管理者 and 統括 (who has all staff
// informed through the IT管理者, 12(5)②エ); anyone else is refused and the refusal audited.
import type { Clock } from '../domain/clock';
import type { Person, Section } from '../domain/directory';
import { AuditRepo } from '../storage/audit-repo';
import { ConversationRepo } from '../storage/conversation-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { OutboxRepo } from '../storage/outbox-repo';
import { TenantRepo } from '../storage/tenant-repo';
import type { Database } from '../storage/sql';

export interface WaitingPerson {
  /** Undefined when the recipient is no longer in the directory. */
  person: Person | undefined;
  aadObjectId: string;
  sectionName: string | undefined;
  waiting: number;
  since: string;
}

export interface DirectoryCheck {
  people: number;
  sections: number;
  /** 課名 by 課コード, to name each person's section. */
  sectionNames: Record<string, string>;
  /** Messages wait for them: Teams refused or could not reach them (delivery-service). */
  waiting: WaitingPerson[];
  /** No Teams conversation stored (never opened the bot) and nothing waiting for them yet. */
  noConversation: Person[];
  /** Whether the bot has a way to open a chat with them: a service URL learned or configured. */
  canCreateConversations: boolean;
  noPhone: Person[];
  noOfficer: Section[];
  noDeputy: Section[];
}

export type DirectoryCheckResult = { ok: true; check: DirectoryCheck } | { ok: false };

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function checkDirectory(
  db: Database,
  clock: Clock,
  actor: Person,
  opts: { serviceUrlConfigured: boolean },
): Promise<DirectoryCheckResult> {
  if (!actor.isItAdmin && !actor.isChiefOfficer) {
    await new AuditRepo(db).append({
      at: clock.now().toISOString(),
      actor: actor.id,
      event: 'directory.check_denied',
      subject: 'directory',
      article: '6ウ',
      data: { reason: 'not_it_admin_or_chief' },
    });
    return { ok: false };
  }
  const dir = await new DirectoryRepo(db).load();
  const byAad = new Map(dir.people.map((p) => [p.aadObjectId.toLowerCase(), p]));
  const sectionName = new Map(dir.sections.map((s) => [s.code, s.name]));
  const waiting = (await new OutboxRepo(db).waitingRecipients()).map((w) => {
    const person = byAad.get(w.toAad.toLowerCase());
    return {
      person,
      aadObjectId: w.toAad,
      sectionName: person ? sectionName.get(person.sectionCode) : undefined,
      waiting: w.count,
      since: w.since,
    };
  });
  const waitingAad = new Set(waiting.map((w) => w.aadObjectId.toLowerCase()));
  const known = await new ConversationRepo(db).knownAadObjectIds();
  const people = [...dir.people].sort((a, b) => byKey(a.id, b.id));
  const sections = [...dir.sections].sort((a, b) => byKey(a.code, b.code));
  return {
    ok: true,
    check: {
      people: dir.people.length,
      sections: dir.sections.length,
      sectionNames: Object.fromEntries(sectionName),
      waiting,
      noConversation: people.filter(
        (p) => !known.has(p.aadObjectId.toLowerCase()) && !waitingAad.has(p.aadObjectId.toLowerCase()),
      ),
      canCreateConversations: opts.serviceUrlConfigured || (await new TenantRepo(db).all()).length > 0,
      noPhone: people.filter((p) => p.phone === '' && p.mobile === ''),
      noOfficer: sections.filter((s) => s.officerId === null),
      noDeputy: sections.filter((s) => s.deputyId === null),
    },
  };
}
