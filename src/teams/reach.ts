// Finding a conversation to post into, for someone who may never have opened the bot.
//
// 1. A stored reference (the identity guard refreshes it on every personal-chat activity): use it.
// 2. None: create the 1:1 conversation from the person's aadObjectId and tenant on the tenant's
//    service URL (learned from any activity of that tenant, or TEAMS_SERVICE_URL):
//    POST {serviceUrl}/v3/conversations { isGroup: false, bot, members: [{ id: aadObjectId }],
//    channelData: { tenant: { id } }, tenantId } — through botbuilder's createConversationAsync.
//    This works once the app is installed for the person.
// 3. Teams refuses (403, e.g. BotNotInConversationRoster: the app is not installed for them):
//    install it through Microsoft Graph when configured (graph-client.ts), take the 1:1 chat id
//    Graph returns, and use that conversation.
// Every reference created is stored, so later sends use it, and audited.
//
// When none of this is possible yet (no tenant or service URL known, the app not installed and
// Graph not configured or not consented), the answer is `unreachable` with the reason; the sender
// then keeps the message waiting. Transient failures (429, 5xx, network) are thrown for the
// sender's retry policy.
import { TurnContext, type CloudAdapter, type ConversationParameters } from 'botbuilder';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import { AuditRepo } from '../storage/audit-repo';
import { ConversationRepo, type StoredReference } from '../storage/conversation-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import type { Database, SqlClient } from '../storage/sql';
import { TenantRepo } from '../storage/tenant-repo';
import type { DeliveryGate } from '../services/delivery-gate';
import { parseRetryAfter } from '../services/retry-policy';
import { GraphError, type GraphClient } from './graph-client';

/** The Bot Framework channel's OAuth scope: the audience of outbound connector calls. */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

export type Reach = { kind: 'ref'; ref: StoredReference } | { kind: 'unreachable'; reason: string };

export interface ReacherDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  adapter: CloudAdapter;
  appId: string;
  /** The single tenant served, when known from the configuration (app tenant or one allowed tenant). */
  tenantId: string | undefined;
  /** TEAMS_SERVICE_URL: used until a service URL is learned for the tenant. */
  serviceUrl: string | undefined;
  /** Installing the app through Graph; undefined = disabled. */
  graph: GraphClient | undefined;
  /**
   * The tenant's rate budget: creating a conversation is a request like any other (Teams limits
   * it per tenant too), taken in the order of the message's priority; a 429 slows the tenant.
   */
  gate?: DeliveryGate;
}

/** For the rate budget: how urgent the message is that needs the conversation. */
export interface ReachContext {
  priority: number;
  dueAtMs: number;
}

function statusOf(err: unknown): number | undefined {
  const s = (err as { statusCode?: unknown }).statusCode;
  return typeof s === 'number' ? s : undefined;
}

function retryAfterOf(err: unknown): number | undefined {
  const header = (
    err as { response?: { headers?: { get?: (n: string) => string | undefined } } }
  ).response?.headers?.get?.('retry-after');
  return parseRetryAfter(header, Date.now());
}

/** The reference botbuilder's continueConversationAsync needs for a personal chat. */
function personalReference(o: {
  serviceUrl: string;
  conversationId: string;
  tenantId: string;
  aadObjectId: string;
  botId: string;
}): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    conversation: {
      id: o.conversationId,
      conversationType: 'personal',
      isGroup: false,
      tenantId: o.tenantId,
    },
    bot: { id: o.botId, name: '' },
    user: { id: o.aadObjectId, aadObjectId: o.aadObjectId, name: '' },
  };
}

export class ConversationReacher {
  constructor(private readonly deps: ReacherDeps) {}

  async reach(toAad: string, ctx: ReachContext = { priority: 5, dueAtMs: 0 }): Promise<Reach> {
    const { db } = this.deps;
    const aad = toAad.toLowerCase();
    const existing = await new ConversationRepo(db).get(aad);
    if (existing) return { kind: 'ref', ref: existing };

    const tenantId = await this.tenantOf();
    if (!tenantId)
      return { kind: 'unreachable', reason: 'tenant unknown: no activity seen and none configured' };
    const known = await new TenantRepo(db).get(tenantId);
    const serviceUrl = known?.serviceUrl ?? this.deps.serviceUrl;
    if (!serviceUrl)
      return { kind: 'unreachable', reason: 'no service URL for the tenant yet (set TEAMS_SERVICE_URL)' };
    const botId = known?.botId ?? `28:${this.deps.appId}`;

    try {
      await this.deps.gate?.acquire({ tenantId, conversationId: null, ...ctx });
      const conversationId = await this.createConversation(serviceUrl, tenantId, aad, botId).catch(
        async (err: unknown) => {
          if (statusOf(err) === 429) await this.deps.gate?.throttled(tenantId, retryAfterOf(err));
          throw err;
        },
      );
      return {
        kind: 'ref',
        ref: await this.store(aad, tenantId, serviceUrl, conversationId, botId, 'connector'),
      };
    } catch (err) {
      // 403: Teams will not let the bot talk to them (the app is not installed in their personal
      // scope, or was blocked). Anything else is for the retry policy.
      if (statusOf(err) !== 403) throw err;
    }
    const graph = this.deps.graph;
    if (!graph) {
      return {
        kind: 'unreachable',
        reason: 'app not installed for the person (Graph installation not configured)',
      };
    }
    try {
      const outcome = await graph.installForUser(tenantId, aad);
      await this.audit(aad, 'teams.app_installed', { tenantId, outcome });
      const chatId = await graph.personalChatId(tenantId, aad);
      if (!chatId) return { kind: 'unreachable', reason: 'app installed but no 1:1 chat found yet' };
      return { kind: 'ref', ref: await this.store(aad, tenantId, serviceUrl, chatId, botId, 'graph') };
    } catch (err) {
      if (
        err instanceof GraphError &&
        (err.denied || (err.status !== undefined && err.status < 500 && err.status !== 429))
      ) {
        // No admin consent, wrong credentials, app not in the catalog, unknown user: waiting it is.
        return { kind: 'unreachable', reason: `Graph installation refused: ${err.message}` };
      }
      throw err;
    }
  }

  /** The person's tenant: the configured one, else the only tenant whose activity was seen. */
  private async tenantOf(): Promise<string | undefined> {
    if (this.deps.tenantId) return this.deps.tenantId;
    const learned = await new TenantRepo(this.deps.db).all();
    return learned.length === 1 ? learned[0]?.tenantId : undefined;
  }

  private async createConversation(
    serviceUrl: string,
    tenantId: string,
    aad: string,
    botId: string,
  ): Promise<string> {
    const params = {
      isGroup: false,
      bot: { id: botId, name: '' },
      members: [{ id: aad, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    let conversationId: string | undefined;
    await this.deps.adapter.createConversationAsync(
      this.deps.appId,
      'msteams',
      serviceUrl,
      BOT_FRAMEWORK_AUDIENCE,
      params,
      async (ctx) => {
        conversationId = TurnContext.getConversationReference(ctx.activity).conversation?.id;
      },
    );
    if (!conversationId) throw new Error('createConversation answered without a conversation id');
    return conversationId;
  }

  private async store(
    aad: string,
    tenantId: string,
    serviceUrl: string,
    conversationId: string,
    botId: string,
    via: 'connector' | 'graph',
  ): Promise<StoredReference> {
    const { db, clock } = this.deps;
    const at = clock.now().toISOString();
    await db.transaction(async (tx) => {
      const refs = new ConversationRepo(tx);
      // A reference stored meanwhile by the person's own activity is fresher: keep it.
      if (await refs.get(aad)) return;
      await refs.upsert({
        aadObjectId: aad,
        tenantId,
        conversationId,
        reference: personalReference({ serviceUrl, conversationId, tenantId, aadObjectId: aad, botId }),
        at,
      });
      await this.audit(aad, 'conversation.created', { tenantId, conversationId, via }, tx);
    });
    this.deps.logger.info({ aadObjectId: aad, via }, 'conversation created for a person who never chatted');
    return (await new ConversationRepo(db).get(aad)) as StoredReference;
  }

  private async audit(
    aad: string,
    event: string,
    data: Record<string, unknown>,
    tx: SqlClient = this.deps.db,
  ): Promise<void> {
    const person = await new DirectoryRepo(tx).personByAadObjectId(aad);
    await new AuditRepo(tx).append({
      at: this.deps.clock.now().toISOString(),
      actor: 'system',
      event,
      subject: person?.id ?? aad,
      data: { aadObjectId: aad, ...data },
    });
  }
}
