import { startBot, type RunningBot } from '../../src/main';
import { createLogger } from '../../src/logger';
import type { Clock } from '../../src/domain/clock';
import type { RateTimer } from '../../src/services/delivery-gate';
import type { SenderOptions } from '../../src/teams/sender';
import { FakeConnector, type ReceivedActivity } from './connector';
import { teamsActivity } from './activities';
import { tempDbFile } from './db';
import { tempPgDatabase, TEST_ON_POSTGRES } from './pg';
import { SkipAheadTimer } from './clock';

export interface Reply {
  text: string | undefined;
  /** The Adaptive Card content, if any. */
  card: Record<string, unknown> | undefined;
  /** The card as JSON text, for content assertions. */
  cardText: string;
  raw: ReceivedActivity;
}

function toReply(r: ReceivedActivity): Reply {
  const att = (
    r.activity.attachments as Array<{ contentType: string; content: Record<string, unknown> }> | undefined
  )?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return {
    text: r.activity.text as string | undefined,
    card: att?.content,
    cardText: att ? JSON.stringify(att.content) : '',
    raw: r,
  };
}

/** Every `data` object of the card's actions (Action.Submit / Execute), depth-first. */
export function cardActions(card: unknown): Array<{ title: string; data: Record<string, unknown> }> {
  const out: Array<{ title: string; data: Record<string, unknown> }> = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (
        (o.type === 'Action.Submit' || o.type === 'Action.Execute') &&
        o.data &&
        typeof o.data === 'object'
      ) {
        out.push({ title: String(o.title ?? ''), data: o.data as Record<string, unknown> });
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** Every input id of the card with its prefilled value. */
export function cardInputs(card: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string')
        out[o.id] = o.value;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The delivery engine's time and options, for the tests of the engine itself. */
interface Engine {
  rateTimer?: RateTimer | undefined;
  senderOptions?: Partial<SenderOptions> | undefined;
  /**
   * The timer scheduler's real-time poll. A test that moves a ManualClock past a deadline and fires
   * timers itself (`bot.scheduler.tick()`) sets it long, so the poll cannot fire them first.
   */
  schedulerPollMs?: number | undefined;
}

/**
 * The real bot (HTTP server, adapter, SQLite file, outbox) against a loopback connector. `say`
 * returns what the bot answered in that person's chat during the turn.
 */
export class BotHarness {
  private constructor(
    readonly connector: FakeConnector,
    public bot: RunningBot,
    /** The SQLite file; '' when the bot runs on PostgreSQL (TEST_ENGINE=postgres). */
    readonly dbFile: string,
    private readonly databaseUrl: string,
    private readonly dropDatabase: (() => Promise<void>) | undefined,
    private readonly clock: Clock | undefined,
    private readonly env: Record<string, string>,
    private readonly engine: Engine,
  ) {}

  static async start(
    opts: {
      dbFile?: string;
      clock?: Clock;
      /** Extra environment; a function gets the connector (e.g. for TEAMS_SERVICE_URL). */
      env?: Record<string, string> | ((connector: FakeConnector) => Record<string, string>);
    } & Engine = {},
  ): Promise<BotHarness> {
    const connector = await FakeConnector.start();
    // A test that names its own SQLite file stays on SQLite; every other one follows TEST_ENGINE.
    const pg = TEST_ON_POSTGRES && opts.dbFile === undefined ? await tempPgDatabase() : undefined;
    const dbFile = pg ? '' : (opts.dbFile ?? tempDbFile());
    const databaseUrl = pg ? pg.url : `sqlite:${dbFile}`;
    const env = typeof opts.env === 'function' ? opts.env(connector) : (opts.env ?? {});
    const engine = {
      rateTimer: opts.rateTimer,
      senderOptions: opts.senderOptions,
      schedulerPollMs: opts.schedulerPollMs,
    };
    const bot = await BotHarness.boot(databaseUrl, opts.clock, env, engine);
    const h = new BotHarness(connector, bot, dbFile, databaseUrl, pg?.drop, opts.clock, env, engine);
    connector.diagnostics = () => h.undelivered();
    return h;
  }

  private static boot(
    databaseUrl: string,
    clock: Clock | undefined,
    env: Record<string, string>,
    engine: Engine,
  ): Promise<RunningBot> {
    return startBot(
      // The duty calendar opens cards for every section at start-up: off unless a test asks for it.
      { PORT: '0', DATABASE_URL: databaseUrl, DUTY_CALENDAR: 'off', ...env },
      {
        logger: createLogger(process.env.TEST_BOT_LOG === 'error' ? 'error' : 'silent'),
        ...(clock ? { clock } : {}),
        // Flow tests do not wait for Teams' windows (see SkipAheadTimer); items wait in place.
        rateTimer: engine.rateTimer ?? new SkipAheadTimer(),
        senderOptions: { pollMs: 50, backoffMs: 50, maxParkMs: 3_600_000, ...engine.senderOptions },
        ...(engine.schedulerPollMs !== undefined ? { schedulerPollMs: engine.schedulerPollMs } : {}),
      },
    );
  }

  /** Stops the bot process part and starts it again on the same database. */
  async restart(): Promise<void> {
    await this.bot.stop();
    this.bot = await BotHarness.boot(this.databaseUrl, this.clock, this.env, this.engine);
  }

  async post(activity: Record<string, unknown>): Promise<number> {
    const res = await fetch(`http://127.0.0.1:${this.bot.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    await res.text();
    return res.status;
  }

  async say(from: string, input: string | Record<string, unknown>, locale?: string): Promise<Reply[]> {
    const before = this.connector.received.length;
    const activity = teamsActivity({
      from,
      serviceUrl: this.connector.url,
      ...(typeof input === 'string' ? { text: input } : { value: input }),
      ...(locale ? { locale } : {}),
    });
    const status = await this.post(activity);
    if (status !== 200) throw new Error(`bot answered HTTP ${status}`);
    // Replies of this turn answer this activity (replyToId); proactive sends in between do not.
    return this.connector.received
      .slice(before)
      .filter((r) => r.conversationId === `a:personal-${from}` && r.activity.replyToId === activity.id)
      .map(toReply);
  }

  /**
   * Clicks an Action.Execute button: posts the `adaptiveCard/action` invoke as Teams does and
   * returns the invoke response body (`{ statusCode, type, value }`).
   */
  async execute(
    from: string,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<{ statusCode: number; type: string; value: unknown }> {
    const activity = teamsActivity({
      from,
      serviceUrl: this.connector.url,
      type: 'invoke',
      value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
    });
    activity.name = 'adaptiveCard/action';
    const res = await fetch(`http://127.0.0.1:${this.bot.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`bot answered HTTP ${res.status}: ${text}`);
    return JSON.parse(text) as { statusCode: number; type: string; value: unknown };
  }

  /** Card updates (PUT of an earlier activity) received in a person's chat so far. */
  updates(aad: string): Reply[] {
    return this.connector.received
      .filter((r) => r.conversationId === `a:personal-${aad}` && r.method === 'PUT')
      .map(toReply);
  }

  /** The outbox rows not yet sent, with the bot's clock: printed when a connector wait times out. */
  async undelivered(): Promise<string> {
    const rows = await this.bot.db.query(
      `SELECT id, dedupe_key, to_aad, status, attempts, next_attempt_at, claimed_by, last_error
         FROM outbox WHERE status <> 'sent' ORDER BY id`,
    );
    const now = (this.clock ?? { now: () => new Date() }).now().toISOString();
    return `bot clock ${now}; outbox not sent: ${JSON.stringify(rows)}`;
  }

  /** Proactive messages received in a person's chat so far. */
  inbox(aad: string): Reply[] {
    return this.connector.received.filter((r) => r.conversationId === `a:personal-${aad}`).map(toReply);
  }

  async stop(): Promise<void> {
    await this.bot.stop();
    await this.connector.stop();
    await this.dropDatabase?.();
  }
}
