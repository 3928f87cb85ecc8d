import { parseCitations, serializeCitations, type Citation, type Citations } from '../domain/articles';
import type { SqlClient } from './sql';

export interface AuditEvent {
  /** UTC ISO-8601. */
  at: string;
  /** Person id, or 'system' / 'scheduler' / 'admin-cli'. */
  actor: string;
  /** Dotted event name, e.g. 'directory.imported', 'case.submitted'. */
  event: string;
  /** What the event is about: a case id, 'directory', a person id. */
  subject: string;
  /**
   * What the state change applies: articles of the standard ('10(9)①エ'), a law, or 'operating_rule'
   * (domain/articles.ts). Stored as ids separated by spaces; read back as one id or a list.
   */
  article?: Citations;
  data?: Record<string, unknown>;
}

/**
 * Append-only audit trail (12(4)②): rows are only ever inserted, in the same transaction as the
 * state change they describe. Hash chaining and a verify command arrive with roadmap [5/6].
 */
export class AuditRepo {
  constructor(private readonly sql: SqlClient) {}

  async append(e: AuditEvent): Promise<void> {
    await this.sql.execute(
      'INSERT INTO audit_log (at, actor, event, subject, article, data) VALUES (?, ?, ?, ?, ?, ?)',
      [
        e.at,
        e.actor,
        e.event,
        e.subject,
        e.article === undefined ? null : serializeCitations(e.article),
        JSON.stringify(e.data ?? {}),
      ],
    );
  }

  async list(subject?: string): Promise<AuditEvent[]> {
    const rows = await this.sql.query<{
      at: string;
      actor: string;
      event: string;
      subject: string;
      article: string | null;
      data: string;
    }>(
      subject === undefined
        ? 'SELECT * FROM audit_log ORDER BY id'
        : 'SELECT * FROM audit_log WHERE subject = ? ORDER BY id',
      subject === undefined ? [] : [subject],
    );
    return rows.map((r) => {
      const cited = parseCitations(r.article);
      return {
        at: r.at,
        actor: r.actor,
        event: r.event,
        subject: r.subject,
        ...(cited.length === 0 ? {} : { article: cited.length === 1 ? (cited[0] as Citation) : cited }),
        data: JSON.parse(r.data) as Record<string, unknown>,
      };
    });
  }
}
