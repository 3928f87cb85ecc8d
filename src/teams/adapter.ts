import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, TurnContext } from 'botbuilder';

/** What became of one inbound activity (see DeskAdapter.processInbound). */
export type InboundResult =
  | { outcome: 'processed'; status: number; body?: unknown }
  | { outcome: 'unauthenticated'; errorName: string };

/** Dates as botbuilder's own `process` prepares them (its activityValidator). */
function toActivity(body: Record<string, unknown>): Activity {
  const a = { ...body } as Record<string, unknown>;
  for (const [key, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const v = a[key];
    if (typeof v === 'string') {
      a[raw] = v;
      a[key] = new Date(v);
    }
  }
  return a as unknown as Activity;
}

/**
 * The Teams adapter with an inbound request handled in two steps, so that the HTTP host can tell an
 * authentication failure from a failure of the turn. botbuilder's own `process` answers an
 * authentication failure it did not foresee (e.g. the signing keys could not be fetched) with 500 and
 * the upstream error text, and prints the whole error to stderr.
 */
export class DeskAdapter extends TeamsAdapter {
  async processInbound(
    authHeader: string,
    body: Record<string, unknown>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InboundResult> {
    const activity = toActivity(body);
    // Deny by default: whatever goes wrong while checking the token, the request is not authenticated.
    const auth = await this.botFrameworkAuthentication
      .authenticateRequest(activity, authHeader)
      .catch((err: unknown) => (err instanceof Error ? err : new Error('authentication failed')));
    if (auth instanceof Error) return { outcome: 'unauthenticated', errorName: auth.name };
    const response = await this.processActivity(auth, activity, logic);
    return { outcome: 'processed', status: response?.status ?? 200, body: response?.body };
  }
}
