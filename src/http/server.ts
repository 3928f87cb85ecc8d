import http from 'node:http';
import type { AnchorReport } from '../services/audit-anchor';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { ClockReport } from '../domain/clock-skew';
import type { Logger } from '../logger';
import type { Database } from '../storage/sql';
import { serveExport, type ExportDownloader } from './exports';

const MAX_BODY_BYTES = 1024 * 1024;
/**
 * A body over MAX_BODY_BYTES is still read, and thrown away, up to this much more: closing a socket
 * with unread data makes the peer's TCP stack reset the connection, and the client never reads the
 * 413. Beyond it (or after DRAIN_TIMEOUT_MS) the connection is closed anyway.
 */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;
const DRAIN_TIMEOUT_MS = 10_000;

/** Enough of an activity to route and to refuse early; botbuilder validates the rest. */
const ActivityEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  serviceUrl: z.string().optional(),
  channelId: z.string().optional(),
  conversation: z.looseObject({ id: z.string(), tenantId: z.string().optional() }).optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string() }).optional() }).optional(),
});

/** The bot side of one request (teams/adapter.ts DeskAdapter): authentication, then the turn. */
export interface InboundProcessor {
  processInbound(
    authHeader: string,
    body: Record<string, unknown>,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<
    | { outcome: 'processed'; status: number; body?: unknown }
    | { outcome: 'unauthenticated'; errorName: string }
  >;
}

export interface HttpDeps {
  adapter: InboundProcessor;
  logic: (ctx: TurnContext) => Promise<void>;
  db: Database;
  logger: Logger;
  allowedTenantIds: readonly string[];
  /** Downloads of 連絡網の出力 (GET /exports/<token>); absent = every such link answers 404. */
  exportDownloads?: ExportDownloader;
  /** The latest clock-skew measurement (12(4)③); absent = reported as not measured. */
  clockSkew?: { report(): ClockReport };
  /** The audit chain's latest anchor and anchoring failure, if any (services/audit-anchor.ts). */
  auditAnchor?: { report(): AnchorReport };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Close the connection after answering (the request body was not, or not wholly, read). */
    readonly close = false,
  ) {
    super(message);
  }
}

const TOO_LARGE = 'body too large (limit 1 MiB)';

function declaredLength(req: http.IncomingMessage): number | undefined {
  const n = Number(req.headers['content-length']);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * The body, up to MAX_BODY_BYTES. A larger one rejects with 413 once it has been read to its end
 * (drained, not kept), so the answer can be written on an intact connection; one declared or sent
 * far beyond the limit, or too slowly, rejects at once and the connection is closed after the answer.
 */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = declaredLength(req);
    if (declared !== undefined && declared > MAX_BODY_BYTES + MAX_DRAIN_BYTES) {
      reject(new HttpError(413, TOO_LARGE, true));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = () => {
      req.removeAllListeners('data');
      req.pause();
      reject(new HttpError(413, TOO_LARGE, true));
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (tooLarge) {
        if (size > MAX_BODY_BYTES + MAX_DRAIN_BYTES) {
          clearTimeout(timer);
          giveUp();
        }
        return;
      }
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        timer = setTimeout(giveUp, DRAIN_TIMEOUT_MS);
        timer.unref();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      clearTimeout(timer);
      if (tooLarge) reject(new HttpError(413, TOO_LARGE, true));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}

/** The tenant an activity comes from; Teams sets it in channelData and on the conversation. */
export function tenantOf(activity: z.infer<typeof ActivityEnvelopeSchema>): string | undefined {
  return (activity.channelData?.tenant?.id ?? activity.conversation?.tenantId)?.toLowerCase();
}

function sendBotResult(res: http.ServerResponse, status: number, body: unknown): void {
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
  const activityId = envelope.data.id ?? null;
  // Deny by default: only tenants named in ALLOWED_TENANT_IDS are served.
  if (!tenant || !deps.allowedTenantIds.includes(tenant)) {
    deps.logger.warn({ activityId, tenantId: tenant ?? null }, 'tenant not allowed: refused');
    throw new HttpError(403, 'tenant not allowed');
  }
  const header = req.headers.authorization;
  const result = await deps.adapter.processInbound(
    typeof header === 'string' ? header : '',
    json as Record<string, unknown>,
    deps.logic,
  );
  if (result.outcome === 'unauthenticated') {
    // Ids only: the upstream error text can name endpoints, keys or the token's claims.
    deps.logger.warn(
      { activityId, tenantId: tenant, err: result.errorName },
      'authentication failed: refused',
    );
    throw new HttpError(401, 'unauthorized');
  }
  sendBotResult(res, result.status, result.body);
}

export function createHttpServer(deps: HttpDeps): http.Server {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    const run = async () => {
      switch (route) {
        case 'GET /healthz': {
          const ok = await deps.db.ping();
          // A skewed clock is a warning, not an outage: the bot still works, its record times
          // are off (12(4)③), so the status stays 200 and the operator sees `warnings`.
          const clock = deps.clockSkew?.report() ?? { skewMs: null };
          const warnings = 'warning' in clock && clock.warning ? ['clock_skew'] : [];
          // An anchor that cannot be written leaves truncation undetectable from then on (12(4)②).
          const audit = deps.auditAnchor?.report();
          if (audit?.lastError) warnings.push('audit_anchor_failed');
          return sendJson(res, ok ? 200 : 503, {
            status: ok ? 'ok' : 'database unavailable',
            clock,
            ...(audit ? { audit } : {}),
            ...(warnings.length > 0 ? { warnings } : {}),
          });
        }
        case 'POST /api/messages':
          return handleMessages(req, res, deps);
        default:
          if (req.method === 'GET' && url.pathname.startsWith('/exports/'))
            return serveExport(
              res,
              url.pathname.slice('/exports/'.length),
              deps.exportDownloads,
              deps.logger,
            );
          if (url.pathname === '/api/messages') throw new HttpError(405, 'method not allowed');
          throw new HttpError(404, 'not found');
      }
    };
    run().catch((err: unknown) => {
      if (err instanceof HttpError) {
        sendJson(res, err.status, { error: err.message }, err.close);
      } else {
        deps.logger.error(
          { route, err: { name: (err as Error).name, message: (err as Error).message } },
          'http error',
        );
        sendJson(res, 500, { error: 'internal error' });
      }
    });
  });
  // `Expect: 100-continue`: refuse a declared oversize body before the client sends it.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const declared = declaredLength(req);
    if (declared !== undefined && declared > MAX_BODY_BYTES) {
      sendJson(res, 413, { error: TOO_LARGE }, true);
      return;
    }
    res.writeContinue();
    server.emit('request', req, res);
  });
  return server;
}
