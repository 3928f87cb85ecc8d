// Measures the clock skew against the Bot Framework connector (12(4)③): every request to it (turn
// replies, proactive sends, card updates, conversation creation) passes a pipeline policy that reads
// the response's `Date` header. Installed by an adapter middleware on the turn's connector client,
// so it sees the same HTTP responses the sender and the reacher do.
import type { Middleware, TurnContext } from 'botbuilder';
import type { ClockSkewMonitor } from '../services/clock-skew-monitor';

const POLICY_NAME = 'deskClockSkew';

interface Headers {
  get(name: string): string | undefined;
}
interface PipelineRequest {
  url: string;
}
interface PipelineResponse {
  headers: Headers;
}
interface Pipeline {
  addPolicy(policy: {
    name: string;
    sendRequest(
      req: PipelineRequest,
      next: (r: PipelineRequest) => Promise<PipelineResponse>,
    ): Promise<PipelineResponse>;
  }): void;
  removePolicy(policy: { name: string }): unknown;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'connector';
  }
}

/** Adds (once) the Date-header policy to the connector client of this turn; false when it has none. */
export function watchConnectorClock(ctx: TurnContext, monitor: ClockSkewMonitor): boolean {
  const connector = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as
    { client?: { pipeline?: Pipeline } } | undefined;
  const pipeline = connector?.client?.pipeline;
  if (!pipeline) return false;
  pipeline.removePolicy({ name: POLICY_NAME });
  pipeline.addPolicy({
    name: POLICY_NAME,
    async sendRequest(req, next) {
      const sent = monitor.clock.now().getTime();
      try {
        const res = await next(req);
        monitor.record(res.headers.get('date'), sent, monitor.clock.now().getTime(), originOf(req.url));
        return res;
      } catch (err) {
        // An error answer is still an answer with a Date header.
        const res = (err as { response?: PipelineResponse }).response;
        if (res?.headers)
          monitor.record(res.headers.get('date'), sent, monitor.clock.now().getTime(), originOf(req.url));
        throw err;
      }
    },
  });
  return true;
}

/** The adapter middleware: runs for inbound turns and for proactive ones (continueConversation). */
export function clockSkewMiddleware(monitor: ClockSkewMonitor): Middleware {
  return {
    async onTurn(ctx, next) {
      watchConnectorClock(ctx, monitor);
      await next();
    },
  };
}
