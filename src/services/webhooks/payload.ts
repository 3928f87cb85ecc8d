// The body of a webhook delivery (see the header of services/webhook-service.ts): ids and
// closed-vocabulary values only, kind-specific fields by an explicit allow-list.

export const WEBHOOK_SOURCE = 'security-desk';

export interface WebhookPayload {
  id: string;
  event: string;
  occurredAt: string;
  case: {
    id: string;
    kind: string;
    status?: string;
    severity?: string;
    sectionCode?: string;
    version?: number;
    cardKind?: 'own' | 'shared';
    cardNumber?: string;
  };
  source: typeof WEBHOOK_SOURCE;
}

export interface WebhookEvent {
  /** Audit event name, e.g. 'case.submitted', 'case.acknowledged'. */
  event: string;
  caseId: string;
  kind: string;
  /** When it happened (UTC ISO-8601). */
  at: string;
  /**
   * Where the payload's fields are picked from (never copied wholesale): `version` (also the dedupe
   * discriminator), `status`, `severity`, `sectionCode`, and `form` (the stored case form
   * `{ answers, value }`, or the validated answers themselves) for the kind-specific allow-list below.
   * caseWebhookEvent (event.ts) puts only the allow-listed fields in `form`.
   */
  data: Record<string, unknown>;
}

type KindFields = Partial<Pick<WebhookPayload['case'], 'cardKind' | 'cardNumber'>>;

const CODE = /^[A-Za-z0-9._-]{1,64}$/;
const CARD_NUMBER = /^[A-Za-z0-9-]{1,50}$/;

const str = (v: unknown, re: RegExp): string | undefined =>
  typeof v === 'string' && re.test(v.trim()) ? v.trim() : undefined;

const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined);

/**
 * Kind-specific fields a receiver needs, by allow-list. lost_ic_card: the card kind and number, so
 * the access-control system can stop that card (10(9)②); when and where it was lost and the
 * circumstances are free text and stay inside.
 */
const KIND_FIELDS: Readonly<Record<string, (form: Record<string, unknown>) => KindFields>> = {
  lost_ic_card: (f) => ({
    cardKind: f.cardKind === 'own' || f.cardKind === 'shared' ? f.cardKind : undefined,
    cardNumber: str(f.cardNumber, CARD_NUMBER),
  }),
};

/** JSON.stringify drops undefined members; strip them here too so the object equals its JSON. */
function withoutUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}

/**
 * The allow-listed fields of a case form for `kind` (empty for kinds without any). A stored case form
 * is { answers: raw strings, value: validated answers }: the validated ones are read.
 */
export function webhookKindFields(kind: string, form: unknown): KindFields {
  const f = obj(obj(form)?.value) ?? obj(form) ?? {};
  return withoutUndefined(KIND_FIELDS[kind]?.(f) ?? {});
}

/** Builds the body of one delivery. Exported for documentation tests; see the header comment. */
export function buildWebhookPayload(id: string, e: WebhookEvent): WebhookPayload {
  const d = e.data;
  const c: WebhookPayload['case'] = withoutUndefined({
    id: e.caseId,
    kind: e.kind,
    status: str(d.status, CODE),
    severity: str(d.severity, CODE),
    sectionCode: str(d.sectionCode, CODE),
    version: typeof d.version === 'number' && Number.isInteger(d.version) ? d.version : undefined,
    ...webhookKindFields(e.kind, d.form),
  });
  return { id, event: e.event, occurredAt: e.at, case: c, source: WEBHOOK_SOURCE };
}
