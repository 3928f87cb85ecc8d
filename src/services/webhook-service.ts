// Outbound webhooks on case events: an integration hook, e.g. "IC card reported lost" makes the
// access-control system stop the card at once (対策基準 10(9)②). The officer still confirms the
// stop; the hook only shortens the window in which a lost card opens doors.
//
// Same durable pattern as the Teams outbox: the delivery is persisted in the transaction of the
// state change (enqueueWebhooks), then sent by one component (WebhookDispatcher) with a lease, so a
// crash never skips a delivery; retries follow the retry policy shared with the Teams outbox
// (services/retry-policy.ts: exponential backoff with jitter, Retry-After honoured up to a cap). Delivery is
// at-least-once: a crash after the receiver answered but before we recorded it repeats the call
// with the same delivery id, so receivers must treat x-securitydesk-delivery as an idempotency key.
//
// ## Request
//
//   POST <url>
//   content-type: application/json
//   x-securitydesk-event: case.submitted
//   x-securitydesk-delivery: 6f1c…-uuid            (same on every retry of this delivery)
//   x-securitydesk-timestamp: 1795000000           (unix seconds of this attempt)
//   x-securitydesk-signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
//
// ## Body (WebhookPayload)
//
//   {
//     "id": "6f1c…-uuid",                 delivery id (= x-securitydesk-delivery)
//     "event": "case.submitted",          the audit event name
//     "occurredAt": "2026-…Z",            when the event happened (UTC ISO-8601)
//     "case": {
//       "id": "INC-2026-0001", "kind": "lost_ic_card",
//       "status": "submitted", "severity": "critical", "sectionCode": "S01", "version": 1,
//       "cardKind": "own" | "shared",     lost_ic_card only
//       "cardNumber": "0012345"           lost_ic_card only, when the reporter gave one
//     },
//     "source": "security-desk"
//   }
//
// Ids and closed-vocabulary values only. Personal data stays inside: no names, no person ids, no
// free text (place, circumstances, comments) ever leaves; kind-specific fields are an explicit
// allow-list, each value checked against a strict pattern.
//
// Receivers: verify the signature over the raw body (verifySignature), reject stale timestamps,
// answer 2xx quickly, and dedupe on the delivery id. 408, 429 (Retry-After honoured) and 5xx are
// retried; any other 4xx (and 3xx: redirects are not followed) fails the delivery at once.
//
// ## Where each job lives (services/webhooks/)
//
//   event.ts      caseWebhookEvent: the one builder of a case's webhook event, for every service
//   payload.ts    the body above, from the event, by allow-list
//   enqueue.ts    hook matching and the deliveries written in the caller's transaction
//   signature.ts  HMAC signing and its check for receivers
//   dispatcher.ts WebhookDispatcher, the worker that sends and retries
//   status.ts     the deliveries and failure line shown on the case card
export { caseWebhookEvent, type WebhookCase } from './webhooks/event';
export { enqueueWebhooks, hookMatches } from './webhooks/enqueue';
export {
  buildWebhookPayload,
  WEBHOOK_SOURCE,
  webhookKindFields,
  type WebhookEvent,
  type WebhookPayload,
} from './webhooks/payload';
export { signWebhook, verifySignature } from './webhooks/signature';
export { webhookFailureText, webhookStatusForCase, type WebhookStatus } from './webhooks/status';
export {
  DEFAULT_WEBHOOK_OPTIONS,
  WebhookDispatcher,
  type WebhookDispatcherOptions,
} from './webhooks/dispatcher';
