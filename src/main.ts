// Composition root: config → storage → directory → Teams app → HTTP server.
import path from 'node:path';
import fs from 'node:fs';
import { loadConfig, ConfigError, type Config } from './config/config';
import { systemClock, type Clock } from './domain/clock';
import { createHttpServer } from './http/server';
import { createLogger, type Logger } from './logger';
import { downloadExport } from './services/directory-export-links';
import { defaultLedgerRegistry, defaultLedgerSources } from './services/ledgers';
import { citationText } from './teams/citation';
import { DirectoryUnavailableError, loadDirectoryAtStartup } from './services/directory-service';
import { TimerScheduler } from './services/escalation-service';
import { AuditAnchorer, loadAnchorKey } from './services/audit-anchor';
import { RetentionRunner } from './services/retention-service';
import { DutyCalendarRunner } from './services/duty-service';
import { ContractSweeper } from './services/contract-service';
import { ensureComplianceSummaryTimer } from './services/compliance-summary-service';
import { WebhookDispatcher } from './services/webhook-service';
import { ACK_MINUTES_BY_SEVERITY } from './domain/cases';
import type { CaseRecord } from './storage/case-repo';
import { openDatabase } from './storage/open';
import { createBroadcastExportLink } from './services/broadcast-export-links';
import type { BroadcastExportRequest } from './services/broadcast-export';
import type { Database } from './storage/sql';
import { DeskAdapter } from './teams/adapter';
import { createBotApp, turnHandler } from './teams/app';
import { GraphClient, type GraphClientOptions } from './teams/graph-client';
import { ConversationReacher } from './teams/reach';
import { createAfterSend, createCommitLock, createRenderer } from './teams/renderers';
import { DEFAULT_SENDER_OPTIONS, OutboxSender, type SenderOptions } from './teams/sender';
import { budgetConfig } from './domain/rate-limit';
import { DeliveryGate, realTimer, type RateTimer } from './services/delivery-gate';
import { TenantBudget } from './services/rate-limiter';
import { replyBudget } from './teams/reply-budget';
import { ClockSkewMonitor } from './services/clock-skew-monitor';
import { clockSkewMiddleware } from './teams/clock-skew';

export function findRepoRoot(start = __dirname): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

export function createAdapter(config: Config): DeskAdapter {
  if (!config.auth) return new DeskAdapter({});
  // With an app id, botbuilder validates the Bot Framework token of every request.
  return new DeskAdapter({
    MicrosoftAppId: config.auth.appId,
    MicrosoftAppPassword: config.auth.appPassword,
    MicrosoftAppType: config.auth.appType,
    MicrosoftAppTenantId: config.auth.appTenantId,
  });
}

export interface RunningBot {
  config: Config;
  db: Database;
  port: number;
  sender: OutboxSender;
  scheduler: TimerScheduler;
  clockSkew: ClockSkewMonitor;
  /** The contract sweep (12(1)③ケ); `tick()` runs one now. */
  contracts: ContractSweeper;
  stop(): Promise<void>;
}

export async function startBot(
  env: NodeJS.ProcessEnv,
  opts: {
    clock?: Clock;
    logger?: Logger;
    senderOptions?: Partial<SenderOptions>;
    graphOptions?: GraphClientOptions;
    schedulerPollMs?: number;
    /** Time for the rate budget (default: the system clock); tests may pass a virtual one. */
    rateTimer?: RateTimer;
  } = {},
): Promise<RunningBot> {
  const config = loadConfig(env, findRepoRoot());
  const logger = opts.logger ?? createLogger(config.logLevel);
  const clock = opts.clock ?? systemClock;
  const db = await openDatabase(config.database);
  try {
    const dir = await loadDirectoryAtStartup(db, config.directoryCsv, clock, {
      dutyDueDays: config.peopleChangeDueDays,
    });
    if (dir.result.ok) {
      logger.info(
        {
          changed: dir.result.changed,
          people: dir.result.people,
          sections: dir.result.sections,
          warnings: dir.result.warnings.length,
          dutiesOpened: dir.result.dutiesOpened ?? 0,
        },
        'directory loaded',
      );
    } else {
      // Line numbers and columns only: the messages may quote personal data from the file.
      logger.error(
        {
          errors: dir.result.errors.length,
          at: dir.result.errors.slice(0, 50).map((e) => ({ line: e.line, column: e.column ?? null })),
          hint: 'npm run directory -- check <file>',
        },
        'directory file rejected: previous directory kept',
      );
    }
  } catch (err) {
    await db.close();
    throw err;
  }
  const adapter = createAdapter(config);
  const appId = config.auth?.appId ?? '';
  // One rate budget per tenant for the whole app, kept in the database (shared by every process).
  const rateTimer = opts.rateTimer ?? realTimer;
  const gate = new DeliveryGate(
    new TenantBudget(db, budgetConfig(config.delivery.ratePerSecond)),
    rateTimer,
    logger,
  );
  adapter.use(replyBudget(gate, logger));
  // 12(4)③: the skew of our clock against the connector's, from the Date header of its responses.
  const clockSkew = new ClockSkewMonitor({ clock, logger, thresholdMs: config.clockSkewWarnMs });
  adapter.use(clockSkewMiddleware(clockSkew));
  const reacher = new ConversationReacher({
    db,
    clock,
    logger,
    adapter,
    appId,
    // The tenant of people who never chatted: the app's own, else the only tenant served.
    tenantId:
      config.auth?.appTenantId ??
      (config.allowedTenantIds.length === 1 ? config.allowedTenantIds[0] : undefined),
    serviceUrl: config.delivery.serviceUrl,
    graph: config.delivery.graph
      ? new GraphClient(config.delivery.graph, clock, opts.graphOptions)
      : undefined,
    gate,
  });
  const sender = new OutboxSender(
    {
      db,
      clock,
      logger,
      adapter,
      appId,
      render: createRenderer(db, clock),
      afterSend: createAfterSend(clock),
      commitLock: createCommitLock(),
      reacher,
      gate,
      timer: rateTimer,
      instanceId: config.delivery.instanceId,
    },
    { ...DEFAULT_SENDER_OPTIONS, concurrency: config.delivery.concurrency, ...opts.senderOptions },
  );
  const webhooks = new WebhookDispatcher({
    db,
    clock,
    logger,
    hooks: config.webhooks,
    instanceId: config.delivery.instanceId,
  });
  const ackMinutes = (c: CaseRecord) =>
    config.escalationMinutes[c.severity] ?? ACK_MINUTES_BY_SEVERITY[c.severity];
  // Known once the server listens (PORT=0 picks a port): the local default of PUBLIC_BASE_URL.
  const listening: { port?: number } = {};
  const deps = {
    db,
    clock,
    logger,
    sender,
    ackMinutes,
    ackMinutesOverride: config.escalationMinutes,
    contractEndDueDays: config.contractEndDueDays,
    webhooks: { hooks: config.webhooks, dispatcher: webhooks },
    directoryAdmin: {
      publicBaseUrl: () =>
        config.publicBaseUrl ??
        (config.localMode && listening.port !== undefined ? `http://localhost:${listening.port}` : undefined),
      allowHttpDownloads: config.localMode,
      serviceUrlConfigured: config.delivery.serviceUrl !== undefined,
      peopleChangeDueDays: config.peopleChangeDueDays,
    },
    // 「結果を出力」 of a broadcast: links under the same base URL as 連絡網の出力.
    ...(config.publicBaseUrl || config.localMode
      ? {
          exportLinks: {
            create: async (req: BroadcastExportRequest) => {
              const base =
                config.publicBaseUrl ??
                (listening.port !== undefined ? `http://localhost:${listening.port}` : undefined);
              if (!base) throw new Error('export links: the HTTP server is not listening yet');
              const link = await createBroadcastExportLink(db, clock, req);
              return { url: `${base}/exports/${link.token}`, expiresAt: new Date(link.expiresAt) };
            },
          },
        }
      : {}),
  };
  const scheduler = new TimerScheduler(
    {
      db,
      clock,
      logger,
      onFired: () => {
        sender.kick();
        webhooks.kick();
      },
      webhooks: config.webhooks,
    },
    opts.schedulerPollMs ?? 5000,
  );
  const anchorKey = loadAnchorKey(config.auditAnchor.keyFile, true);
  const anchorer = new AuditAnchorer({
    db,
    clock,
    cfg: config.auditAnchor,
    key: anchorKey,
    onError: (err) => logger.error({ err: err.message }, 'audit anchor failed'),
    onAnchored: (r) => {
      logger.info({ seq: r.seq, file: r.file, postedTo: r.posted }, 'audit chain anchored');
      if (r.posted > 0) sender.kick();
    },
  });
  const retention = new RetentionRunner({
    db,
    clock,
    years: config.retentionYears,
    sources: defaultLedgerSources(clock),
    onError: (err) => logger.error({ err: err.message }, 'retention run failed'),
    onPurged: (r) => logger.info({ purged: r }, 'ledger retention: personal data purged'),
  });
  const dutyCalendar = new DutyCalendarRunner({
    db,
    clock,
    onError: (err) => logger.error({ err: err.message }, 'duty calendar sweep failed'),
    onOpened: (n) => {
      logger.info({ opened: n }, 'duty calendar: duties opened');
      sender.kick();
    },
  });
  // 12(1)③ケ: contracts whose work ended get their ID-removal duty (at start-up: what ended meanwhile).
  const contracts = new ContractSweeper({
    db,
    clock,
    dueDays: config.contractEndDueDays,
    onError: (err) => logger.error({ err: err.message }, 'contract sweep failed'),
    onOpened: (d) => {
      logger.info({ duties: d.map((x) => x.id) }, 'contracts ended: duties opened');
      // Each opened duty queued its reminder card (services/duty-service.ts openDuty).
      sender.kick();
    },
  });
  const app = createBotApp(deps);
  const server = createHttpServer({
    adapter,
    logic: turnHandler(app, deps),
    db,
    logger,
    allowedTenantIds: config.allowedTenantIds,
    exportDownloads: (token) =>
      downloadExport(db, clock, token, { registry: defaultLedgerRegistry(clock), cite: citationText }),
    clockSkew,
    auditAnchor: anchorer,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  listening.port = port;
  if (config.localMode) {
    logger.warn(
      { host: config.host, port },
      'LOCAL MODE: no MICROSOFT_APP_ID, requests are NOT authenticated; bound to loopback only. Never expose this.',
    );
  }
  // Before the first drain: take over what this instance was sending when it stopped.
  await sender.recover();
  await webhooks.recover();
  // The monthly compliance summary (13(1)) is always scheduled; a missed one fires on the first tick.
  await ensureComplianceSummaryTimer(db, clock);
  // The duty calendar (定期業務): periods due while the bot was down are opened before the first send.
  if (config.dutyCalendar) await dutyCalendar.tick(true);
  sender.start();
  scheduler.start();
  webhooks.start();
  anchorer.start();
  if (config.retentionRun === 'in-process') retention.start();
  else logger.info('ledger retention runs outside the bot (npm run retention as the database owner)');
  if (config.dutyCalendar) dutyCalendar.start();
  contracts.start();
  logger.info(
    { host: config.host, port, engine: config.database.engine, instanceId: config.delivery.instanceId },
    'listening',
  );
  return {
    config,
    db,
    port,
    sender,
    scheduler,
    clockSkew,
    contracts,
    async stop() {
      await scheduler.stop();
      await anchorer.stop();
      await retention.stop();
      await dutyCalendar.stop();
      await contracts.stop();
      await sender.stop();
      await webhooks.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await db.close();
    },
  };
}

if (require.main === module) {
  startBot(process.env)
    .then((bot) => {
      const shutdown = () => {
        void bot.stop().then(() => process.exit(0));
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    })
    .catch((err: unknown) => {
      if (err instanceof ConfigError || err instanceof DirectoryUnavailableError) {
        process.stderr.write(`${err.message}\n`);
      } else {
        process.stderr.write(`start-up failed: ${(err as Error).stack ?? String(err)}\n`);
      }
      process.exit(1);
    });
}
