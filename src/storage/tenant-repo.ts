import { byCodePoint, type SqlClient } from './sql';

export interface TenantServiceUrl {
  tenantId: string;
  serviceUrl: string;
  /** The bot's channel account id as the tenant's activities address it (`28:<app id>`). */
  botId: string | null;
  updatedAt: string;
}

interface Row {
  tenant_id: string;
  service_url: string;
  bot_id: string | null;
  updated_at: string;
}

const toUrl = (r: Row): TenantServiceUrl => ({
  tenantId: r.tenant_id,
  serviceUrl: r.service_url,
  botId: r.bot_id,
  updatedAt: r.updated_at,
});

/**
 * The Bot Framework service URL of each tenant, learned from any activity of that tenant: what a
 * conversation with someone who never chatted is created on.
 */
export class TenantRepo {
  constructor(private readonly sql: SqlClient) {}

  /** Records the URL; true when it is new or changed for the tenant (nothing is written otherwise). */
  async learn(tenantId: string, serviceUrl: string, botId: string | null, at: string): Promise<boolean> {
    const r = await this.sql.execute(
      `INSERT INTO tenant_service_urls (tenant_id, service_url, bot_id, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (tenant_id) DO UPDATE SET
         service_url = excluded.service_url,
         bot_id = COALESCE(excluded.bot_id, tenant_service_urls.bot_id),
         updated_at = excluded.updated_at
       WHERE tenant_service_urls.service_url <> excluded.service_url
          OR (excluded.bot_id IS NOT NULL AND tenant_service_urls.bot_id IS NULL)`,
      [tenantId.toLowerCase(), serviceUrl, botId, at],
    );
    return r.changes === 1;
  }

  async get(tenantId: string): Promise<TenantServiceUrl | undefined> {
    const r = await this.sql.one<Row>('SELECT * FROM tenant_service_urls WHERE tenant_id = ?', [
      tenantId.toLowerCase(),
    ]);
    return r ? toUrl(r) : undefined;
  }

  async all(): Promise<TenantServiceUrl[]> {
    const order = byCodePoint(this.sql.engine, 'tenant_id');
    return (await this.sql.query<Row>(`SELECT * FROM tenant_service_urls ORDER BY ${order}`)).map(toUrl);
  }
}
