import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import type { WebhookConfig } from '../config/config';
import type { CaseRecord } from '../storage/case-repo';
import type { Database } from '../storage/sql';
import type { BroadcastExportRequest } from '../services/broadcast-export';
import type { LedgerRegistry } from '../services/ledgers';

/** What Teams routes need, handed in by the composition root (main.ts); no module-level state. */
export interface BotDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** The one sending component; handlers enqueue in their transaction and only kick it. */
  sender?: { kick(): void };
  /** Acknowledgement deadline (minutes) of a case's current step, before escalation (運用ルール). */
  ackMinutes: (c: CaseRecord) => number;
  /** ESCALATION_MINUTES overrides by severity, applied to new cases too. */
  ackMinutesOverride?: Partial<Record<'critical' | 'high' | 'normal', number>>;
  /** Outbound integrations (WEBHOOKS): enqueued with the state change, delivered by the dispatcher. */
  webhooks?: { hooks: WebhookConfig[]; dispatcher: { kick(): void } };
  /** Keeping the contact tree (連絡網の取込・出力・確認); absent = defaults below. */
  directoryAdmin?: DirectoryAdminDeps;
  /**
   * Short-lived download links (the bot's /exports/<token> endpoint) for a broadcast's results:
   * the endpoint serves `exportBroadcastResults(db, clock, request)` (services/broadcast-export.ts),
   * which checks the viewer's scope again and audits the export. Absent: 「結果を出力」 says that
   * downloads are not set up and names the command line export.
   */
  /** The ledgers of this deployment (services/ledgers.ts); absent = defaultLedgerRegistry(clock). */
  ledgers?: LedgerRegistry;
  /** CONTRACT_END_DUE_DAYS (運用ルール) for 作業終了; absent = the default of domain/contracts.ts. */
  contractEndDueDays?: number;
  exportLinks?: {
    create(request: BroadcastExportRequest): Promise<{ url: string; expiresAt: Date }>;
  };
}

export interface DirectoryAdminDeps {
  /** Base URL of the download links (PUBLIC_BASE_URL, or the local server); undefined = none offered. */
  publicBaseUrl: () => string | undefined;
  /** Files sent in the chat may be fetched over plain http (local mode only; Teams serves https). */
  allowHttpDownloads: boolean;
  /** TEAMS_SERVICE_URL is set: the bot can open a chat with people who never wrote to it. */
  serviceUrlConfigured: boolean;
  /** PEOPLE_CHANGE_DUE_DAYS (運用ルール); absent = the default of domain/people-change.ts. */
  peopleChangeDueDays?: number;
}
