import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  method: string;
  path: string;
  conversationId: string;
  activity: Record<string, unknown>;
  /** The activity id this connector answered with (a new message's id, or the updated one's). */
  responseId: string;
  /** When the request arrived (ms since the epoch): rates seen by the connector. */
  receivedAt: number;
}

/**
 * Teams' answer to a post for a user who blocked or uninstalled the bot, as documented (Microsoft
 * Learn, "Send proactive messages", https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages):
 * 403 with the sub-code nested in a JSON string.
 */
export const MESSAGE_WRITES_BLOCKED = {
  errorCode: 209,
  message:
    '{\r\n  "subCode": "MessageWritesBlocked",\r\n  "details": "Thread is blocked from message writes.",\r\n  "errorCode": null,\r\n  "errorSubCode": null\r\n}',
};

/**
 * A loopback stand-in for the Bot Framework connector (the Teams cloud cannot run here). It answers
 * the documented v3 REST calls the bot makes — send/reply/update activity, create conversation
 * (201 { id }, or 403 BotNotInConversationRoster for people the app is not installed for) — and
 * records what was sent, so tests assert on real HTTP traffic from botbuilder.
 */
export class FakeConnector {
  readonly received: ReceivedActivity[] = [];
  /** Bodies of POST /v3/conversations (createConversation), in order. */
  readonly created: Array<Record<string, unknown>> = [];
  /**
   * aadObjectIds the app is not installed for: creating a conversation with them is refused with
   * 403 BotNotInConversationRoster, as Teams does, until `install` (e.g. by the local Graph server).
   */
  readonly notInstalled = new Set<string>();
  private server: http.Server;
  private waiters: Array<() => void> = [];
  private seq = 0;
  /** Held requests: recorded as received (Teams got them) but never answered. */
  private readonly heldResponses: http.ServerResponse[] = [];
  /** Status to answer with for the next N sends (e.g. 429, 503), then 200 again; `body` as JSON. */
  failNext: { status: number; count: number; retryAfter?: number; body?: unknown } | undefined;
  /**
   * Conversations whose user blocked or uninstalled the bot: posts are answered 403 with the body
   * Microsoft documents for that case (subCode MessageWritesBlocked, see MESSAGE_WRITES_BLOCKED).
   */
  readonly blocked = new Set<string>();
  /** Answer sends (not conversation creation) after this many ms, as a remote connector would. */
  latencyMs = 0;
  /**
   * Activities matching this are recorded (Teams has them) but the answer is held back forever,
   * so a send is deterministically in flight, e.g. while the bot process is killed.
   */
  hold: ((r: ReceivedActivity) => boolean) | undefined;
  /**
   * The next N activities are recorded (Teams has them) and then the connection is cut without an
   * answer, as when a network path fails after the request arrived.
   */
  dropNext = 0;
  /**
   * Sends matching this are refused with the returned HTTP status (e.g. 400 for one person's chat),
   * every time, and not recorded as received (Teams did not take them).
   */
  refuse: ((r: ReceivedActivity) => number | undefined) | undefined;
  /**
   * The `Date` header of every answer (HTTP-date, RFC 9110 §6.6.1), e.g. a clock two minutes ahead;
   * unset = the machine's time, as Node writes it.
   */
  dateHeader: (() => string) | undefined;

  private constructor() {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  static async start(): Promise<FakeConnector> {
    const c = new FakeConnector();
    await new Promise<void>((r) => c.server.listen(0, '127.0.0.1', () => r()));
    return c;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (this.dateHeader) res.setHeader('Date', this.dateHeader());
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      if (this.failNext && this.failNext.count > 0) {
        this.failNext.count -= 1;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (this.failNext.retryAfter !== undefined) headers['retry-after'] = String(this.failNext.retryAfter);
        res.writeHead(this.failNext.status, headers);
        res.end(
          JSON.stringify(this.failNext.body ?? { error: { code: 'Throttled', message: 'fake failure' } }),
        );
        return;
      }
      const body = chunks.length
        ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
        : {};
      if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(url)) {
        this.created.push(body);
        for (const w of this.waiters.splice(0)) w();
        const member = String((body.members as Array<{ id?: string }> | undefined)?.[0]?.id ?? '');
        if (this.notInstalled.has(member.toLowerCase())) {
          res.writeHead(403, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              error: {
                code: 'BotNotInConversationRoster',
                message: 'The bot is not part of the conversation roster.',
              },
            }),
          );
          return;
        }
        // Teams answers with the bot's 1:1 conversation with that user (the same one every time).
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: member ? `a:personal-${member}` : `conv-${++this.seq}` }));
        return;
      }
      const m = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?/.exec(url);
      if (!m) {
        res.writeHead(404);
        res.end();
        return;
      }
      const responseId = m[2] ? decodeURIComponent(m[2]) : `act-${++this.seq}`;
      const received: ReceivedActivity = {
        method: req.method ?? '',
        path: url,
        conversationId: decodeURIComponent(m[1] ?? ''),
        activity: body,
        responseId,
        receivedAt: Date.now(),
      };
      const refused = this.refuse?.(received);
      if (refused !== undefined) {
        res.writeHead(refused, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'fake refusal' } }));
        return;
      }
      this.received.push(received);
      for (const w of this.waiters.splice(0)) w();
      if (this.hold?.(received)) {
        this.heldResponses.push(res);
        return;
      }
      if (this.dropNext > 0) {
        this.dropNext -= 1;
        req.socket.destroy();
        return;
      }
      const answer = () => {
        if (this.blocked.has(received.conversationId)) {
          res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(MESSAGE_WRITES_BLOCKED));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: responseId }));
      };
      if (this.latencyMs > 0) setTimeout(answer, this.latencyMs);
      else answer();
    });
  }

  /** What the bot still holds when a wait times out (set by the harness: its undelivered outbox). */
  diagnostics: (() => Promise<string>) | undefined;

  /** Waits until `predicate` holds for the received list (bounded). */
  async waitFor(
    predicate: (r: ReceivedActivity[]) => boolean,
    timeoutMs = 15_000,
  ): Promise<ReceivedActivity[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0) {
        const more = this.diagnostics ? `\n${await this.diagnostics().catch((e: unknown) => String(e))}` : '';
        throw new Error(
          `FakeConnector: condition not met in ${timeoutMs} ms; got ${this.received.length}${more}`,
        );
      }
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
    return this.received;
  }

  /** The app is now installed for this person: conversations with them can be created. */
  install(aadObjectId: string): void {
    this.notInstalled.delete(aadObjectId.toLowerCase());
  }

  /** Waits until `predicate` holds for the createConversation bodies (bounded). */
  async waitForCreated(predicate: (c: Array<Record<string, unknown>>) => boolean, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.created)) {
      if (Date.now() > deadline)
        throw new Error(`FakeConnector: no matching createConversation in ${timeoutMs} ms`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, 100);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
    return this.created;
  }

  async stop(): Promise<void> {
    for (const res of this.heldResponses.splice(0)) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/** Adaptive Card bodies of the messages received, as JSON text (for content assertions). */
export function cardTexts(r: ReceivedActivity[]): string[] {
  return r.flatMap((x) =>
    ((x.activity.attachments as Array<{ contentType: string; content: unknown }> | undefined) ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((a) => JSON.stringify(a.content)),
  );
}
