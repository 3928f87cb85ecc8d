import http from 'node:http';
import type { CloudAdapter, Request as BotRequest, Response as BotResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { Database } from '../storage/sql';

const MAX_BODY_BYTES = 1024 * 1024;

/** Enough of an activity to route and to refuse early; botbuilder validates the rest. */
const ActivityEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  serviceUrl: z.string().optional(),
  channelId: z.string().optional(),
  conversation: z.looseObject({ id: z.string(), tenantId: z.string().optional() }).optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string() }).optional() }).optional(),
});

export interface HttpDeps {
  adapter: CloudAdapter;
  logic: (ctx: TurnContext) => Promise<void>;
  db: Database;
  logger: Logger;
  allowedTenantIds: readonly string[];
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The tenant an activity comes from; Teams sets it in channelData and on the conversation. */
export function tenantOf(activity: z.infer<typeof ActivityEnvelopeSchema>): string | undefined {
  return (activity.channelData?.tenant?.id ?? activity.conversation?.tenantId)?.toLowerCase();
}

function botResponse(res: http.ServerResponse): BotResponse {
  let status = 200;
  let body: unknown;
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
    },
    send(b: unknown) {
      body = b;
    },
    end() {
      if (res.headersSent) return;
      if (body === undefined) {
        res.writeHead(status);
        res.end();
      } else if (typeof body === 'string') {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(body);
      } else {
        sendJson(res, status, body);
      }
    },
  };
}

async function handleMessages(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  deps: HttpDeps,
): Promise<void> {
  const raw = await readBody(req);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'body is not JSON');
  }
  const envelope = ActivityEnvelopeSchema.safeParse(json);
  if (!envelope.success) throw new HttpError(400, 'body is not a Bot Framework activity');
  const tenant = tenantOf(envelope.data);
  // Deny by default: only tenants named in ALLOWED_TENANT_IDS are served.
  if (!tenant || !deps.allowedTenantIds.includes(tenant)) {
    deps.logger.warn(
      { activityId: envelope.data.id ?? null, tenantId: tenant ?? null },
      'tenant not allowed: refused',
    );
    throw new HttpError(403, 'tenant not allowed');
  }
  const botReq: BotRequest = {
    method: 'POST',
    headers: req.headers as Record<string, string | string[] | undefined>,
    body: json as Record<string, unknown>,
  };
  try {
    await deps.adapter.process(botReq, botResponse(res), deps.logic);
  } catch (err) {
    // botbuilder throws (instead of answering) when the activity fails its own schema checks.
    deps.logger.warn(
      { activityId: envelope.data.id ?? null, err: (err as Error).name },
      'activity rejected by adapter',
    );
    throw new HttpError(400, 'malformed activity');
  }
}

export function createHttpServer(deps: HttpDeps): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    const run = async () => {
      switch (route) {
        case 'GET /healthz': {
          const ok = await deps.db.ping();
          return sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'database unavailable' });
        }
        case 'POST /api/messages':
          return handleMessages(req, res, deps);
        default:
          if (url.pathname === '/api/messages') throw new HttpError(405, 'method not allowed');
          throw new HttpError(404, 'not found');
      }
    };
    run().catch((err: unknown) => {
      if (err instanceof HttpError) {
        sendJson(res, err.status, { error: err.message });
      } else {
        deps.logger.error(
          { route, err: { name: (err as Error).name, message: (err as Error).message } },
          'http error',
        );
        sendJson(res, 500, { error: 'internal error' });
      }
    });
  });
}
