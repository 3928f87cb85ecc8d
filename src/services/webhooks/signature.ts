// HMAC-SHA256 signatures of webhook deliveries (x-securitydesk-signature), and their check for
// receivers.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, the x-securitydesk-signature value. */
export function signWebhook(secret: string, timestamp: string | number, rawBody: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `sha256=${mac.digest('hex')}`;
}

/**
 * For receivers (and tests): true when `header` is the signature of `rawBody` at `timestamp` with
 * `secret` (constant-time compare) and the timestamp is within `toleranceSeconds` (default 300) of
 * `now` (unix seconds, default the system clock), which limits replays of a captured request.
 * Pass toleranceSeconds: Infinity to skip the age check.
 */
export function verifySignature(
  secret: string,
  timestamp: string | number,
  rawBody: string | Buffer,
  header: string | undefined,
  opts: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const ts = String(timestamp);
  if (!header || !/^\d{1,12}$/.test(ts)) return false;
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(ts)) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, ts, rawBody));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
