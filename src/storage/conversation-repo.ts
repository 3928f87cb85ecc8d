import type { SqlClient } from './sql';

export interface StoredReference {
  aadObjectId: string;
  tenantId: string;
  conversationId: string;
  /** botbuilder ConversationReference, as JSON. */
  reference: Record<string, unknown>;
  installedAt: string;
  updatedAt: string;
  welcomedAt: string | null;
  /** Teams client locale seen last (ja-JP, en-US …), to render proactive messages. */
  locale: string | null;
}

interface Row {
  aad_object_id: string;
  tenant_id: string;
  conversation_id: string;
  reference_json: string;
  installed_at: string;
  updated_at: string;
  welcomed_at: string | null;
  locale: string | null;
}

const toRef = (r: Row): StoredReference => ({
  aadObjectId: r.aad_object_id,
  tenantId: r.tenant_id,
  conversationId: r.conversation_id,
  reference: JSON.parse(r.reference_json) as Record<string, unknown>,
  installedAt: r.installed_at,
  updatedAt: r.updated_at,
  welcomedAt: r.welcomed_at,
  locale: r.locale,
});

/** Each person's personal-chat reference, for proactive messages. */
export class ConversationRepo {
  constructor(private readonly sql: SqlClient) {}

  async upsert(ref: {
    aadObjectId: string;
    tenantId: string;
    conversationId: string;
    reference: Record<string, unknown>;
    locale?: string | undefined;
    at: string;
  }): Promise<void> {
    await this.sql.execute(
      `INSERT INTO conversation_refs (aad_object_id, tenant_id, conversation_id, reference_json, installed_at, updated_at, locale)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (aad_object_id) DO UPDATE SET
         tenant_id = excluded.tenant_id,
         conversation_id = excluded.conversation_id,
         reference_json = excluded.reference_json,
         updated_at = excluded.updated_at,
         locale = COALESCE(excluded.locale, conversation_refs.locale)`,
      [
        ref.aadObjectId.toLowerCase(),
        ref.tenantId,
        ref.conversationId,
        JSON.stringify(ref.reference),
        ref.at,
        ref.at,
        ref.locale ?? null,
      ],
    );
  }

  /** Marks the welcome as sent; true only for the first caller (idempotent welcome). */
  async markWelcomed(aadObjectId: string, at: string): Promise<boolean> {
    const r = await this.sql.execute(
      'UPDATE conversation_refs SET welcomed_at = ? WHERE aad_object_id = ? AND welcomed_at IS NULL',
      [at, aadObjectId.toLowerCase()],
    );
    return r.changes === 1;
  }

  async get(aadObjectId: string): Promise<StoredReference | undefined> {
    const r = await this.sql.one<Row>('SELECT * FROM conversation_refs WHERE aad_object_id = ?', [
      aadObjectId.toLowerCase(),
    ]);
    return r ? toRef(r) : undefined;
  }

  /** The stored references of several people at once (by lower-case aadObjectId): one query per 500. */
  async getMany(aadObjectIds: readonly string[]): Promise<Map<string, StoredReference>> {
    const ids = [...new Set(aadObjectIds.map((a) => a.toLowerCase()))];
    const out = new Map<string, StoredReference>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await this.sql.query<Row>(
        `SELECT * FROM conversation_refs WHERE aad_object_id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      for (const r of rows) out.set(r.aad_object_id, toRef(r));
    }
    return out;
  }

  /** Everyone with a stored reference (lower-case aadObjectIds): who can be messaged without creating a chat. */
  async knownAadObjectIds(): Promise<Set<string>> {
    const rows = await this.sql.query<{ aad_object_id: string }>(
      'SELECT aad_object_id FROM conversation_refs',
    );
    return new Set(rows.map((r) => r.aad_object_id));
  }
}
