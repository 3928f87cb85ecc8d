// Numbered migrations, applied in order at start-up and recorded in schema_migrations.
// Never edit a migration that has shipped; add the next number instead.
import { chainLegacyAuditRows } from './audit-migration';

/** Synchronous access for a migration's data step (it runs inside the migration's transaction). */
export interface MigrationDb {
  all<T>(sql: string, params?: readonly unknown[]): T[];
  run(sql: string, params?: readonly unknown[]): void;
}

export interface Migration {
  id: number;
  name: string;
  sqlite: string;
  /** A step computed by the application between `sqlite` and `sqliteAfter` (e.g. hashing rows). */
  data?: (db: MigrationDb) => void;
  sqliteAfter?: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'directory',
    sqlite: `
      CREATE TABLE sections (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        parent_code TEXT,
        officer_id TEXT,
        deputy_id TEXT,
        superior_id TEXT
      );
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        aad_object_id TEXT NOT NULL UNIQUE,
        upn TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kana TEXT NOT NULL,
        section_code TEXT NOT NULL REFERENCES sections(code),
        title TEXT NOT NULL,
        phone TEXT NOT NULL,
        mobile TEXT NOT NULL,
        is_chief_officer INTEGER NOT NULL,
        is_it_admin INTEGER NOT NULL
      );
      CREATE INDEX people_section ON people(section_code);
      CREATE TABLE directory_imports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        source TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        people_count INTEGER NOT NULL,
        sections_count INTEGER NOT NULL
      );
    `,
  },
  {
    id: 2,
    name: 'conversations-state-audit',
    sqlite: `
      CREATE TABLE conversation_refs (
        aad_object_id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        reference_json TEXT NOT NULL,
        installed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        welcomed_at TEXT
      );
      CREATE TABLE bot_state (
        key TEXT PRIMARY KEY,
        etag TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        event TEXT NOT NULL,
        subject TEXT NOT NULL,
        article TEXT,
        data TEXT NOT NULL
      );
      CREATE INDEX audit_subject ON audit_log(subject);
    `,
  },
  {
    id: 3,
    name: 'cases-drafts-outbox',
    sqlite: `
      CREATE TABLE case_counters (
        prefix TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (prefix, year)
      );
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        category TEXT NOT NULL,
        status TEXT NOT NULL,
        severity TEXT NOT NULL,
        reporter_id TEXT NOT NULL,
        section_code TEXT NOT NULL,
        assignee_id TEXT,
        form_json TEXT NOT NULL,
        evaluation_json TEXT NOT NULL,
        ack_due_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX cases_reporter ON cases(reporter_id, created_at);
      CREATE INDEX cases_assignee ON cases(assignee_id, status);
      CREATE TABLE case_recipients (
        case_id TEXT NOT NULL REFERENCES cases(id),
        person_id TEXT NOT NULL,
        role TEXT NOT NULL,
        reason_json TEXT NOT NULL,
        PRIMARY KEY (case_id, person_id)
      );
      CREATE TABLE drafts (
        person_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        answers_json TEXT NOT NULL,
        errors_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (person_id, kind)
      );
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        dedupe_key TEXT NOT NULL UNIQUE,
        to_aad TEXT NOT NULL,
        priority INTEGER NOT NULL,
        message_json TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        case_id TEXT,
        activity_id TEXT,
        conversation_id TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
      );
      CREATE INDEX outbox_due ON outbox(status, priority, next_attempt_at);
      ALTER TABLE conversation_refs ADD COLUMN locale TEXT;
      CREATE INDEX outbox_case ON outbox(case_id);
    `,
  },
  {
    id: 4,
    name: 'decisions-timers-absences',
    sqlite: `
      ALTER TABLE cases ADD COLUMN state_json TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE cases ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE timers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        dedupe_key TEXT NOT NULL UNIQUE,
        case_id TEXT,
        kind TEXT NOT NULL,
        due_at TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        status TEXT NOT NULL,
        fired_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX timers_due ON timers(status, due_at);
      CREATE TABLE absences (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        person_id TEXT NOT NULL,
        from_at TEXT NOT NULL,
        to_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        cancelled_at TEXT
      );
      CREATE INDEX absences_person ON absences(person_id, to_at);
    `,
  },
  {
    id: 5,
    name: 'webhooks',
    sqlite: `
      CREATE TABLE webhook_deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        dedupe_key TEXT NOT NULL UNIQUE,
        hook TEXT NOT NULL,
        case_id TEXT,
        event TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        last_status INTEGER,
        created_at TEXT NOT NULL,
        delivered_at TEXT
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
      CREATE INDEX webhook_deliveries_case ON webhook_deliveries(case_id);
    `,
  },
  {
    // Delivery (issue 7 §2): reaching people who never chatted, waiting for the unreachable, and
    // taking over one's own claims after a crash.
    id: 6,
    name: 'delivery-reach-and-claims',
    sqlite: `
      CREATE TABLE tenant_service_urls (
        tenant_id TEXT PRIMARY KEY,
        service_url TEXT NOT NULL,
        bot_id TEXT,
        updated_at TEXT NOT NULL
      );
      ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
      ALTER TABLE outbox ADD COLUMN send_started_at TEXT;
      ALTER TABLE outbox ADD COLUMN resend INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE outbox ADD COLUMN waiting_since TEXT;
      CREATE INDEX outbox_recipient ON outbox(to_aad, status);
      CREATE INDEX outbox_claimed ON outbox(claimed_by, status);
    `,
  },
  {
    // Webhook deliveries record which instance claimed them, so a restarted process takes over its
    // own interrupted deliveries at once instead of waiting out the lease (issue 7 §2).
    id: 7,
    name: 'webhook-claims',
    sqlite: `
      ALTER TABLE webhook_deliveries ADD COLUMN claimed_by TEXT;
      CREATE INDEX webhook_deliveries_claimed ON webhook_deliveries(claimed_by, status);
    `,
  },
  {
    // Emergency broadcasts over the contact tree (issue 8): the broadcast (a draft until sent), one
    // row per recipient with its outbox row and the first and latest answer, every answer kept.
    id: 8,
    name: 'broadcasts',
    sqlite: `
      CREATE TABLE broadcast_counters (
        year INTEGER PRIMARY KEY,
        last_seq INTEGER NOT NULL
      );
      CREATE TABLE broadcasts (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'recalled', 'discarded')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        purpose TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('drill', 'real')),
        severity TEXT NOT NULL CHECK (severity IN ('emergency', 'important', 'notice')),
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        audience_json TEXT NOT NULL,
        answer_json TEXT NOT NULL,
        instructed_by TEXT,
        remind_after_minutes INTEGER,
        case_id TEXT,
        sent_at TEXT,
        recalled_at TEXT,
        recalled_by TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        corrected_at TEXT,
        version INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX broadcasts_creator ON broadcasts(created_by, status);
      CREATE TABLE broadcast_recipients (
        broadcast_id TEXT NOT NULL REFERENCES broadcasts(id),
        person_id TEXT NOT NULL,
        aad_object_id TEXT NOT NULL,
        section_code TEXT NOT NULL,
        outbox_id INTEGER,
        first_answer TEXT,
        first_answered_at TEXT,
        latest_answer TEXT,
        latest_answered_at TEXT,
        reminders INTEGER NOT NULL DEFAULT 0,
        last_reminded_at TEXT,
        PRIMARY KEY (broadcast_id, person_id)
      );
      CREATE INDEX broadcast_recipients_section ON broadcast_recipients(broadcast_id, section_code);
      CREATE TABLE broadcast_answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        broadcast_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX broadcast_answers_person ON broadcast_answers(broadcast_id, person_id);
      ALTER TABLE outbox ADD COLUMN broadcast_id TEXT;
      CREATE INDEX outbox_broadcast ON outbox(broadcast_id, status);
    `,
  },
  {
    // Keeping the contact tree (issue 8): imports are staged with their diff and applied only when
    // confirmed (against the directory they were diffed with); export links are short-lived tokens.
    id: 9,
    name: 'directory-staged-imports-and-export-links',
    sqlite: `
      CREATE TABLE directory_staged_imports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        csv_text TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        base_sha256 TEXT NOT NULL,
        diff_json TEXT NOT NULL,
        staged_by TEXT NOT NULL,
        staged_at TEXT NOT NULL,
        source TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'applied', 'cancelled', 'superseded')),
        decided_at TEXT,
        decided_by TEXT
      );
      CREATE INDEX directory_staged_imports_status ON directory_staged_imports(status);
      CREATE TABLE directory_export_links (
        token_sha256 TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        person_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        downloads INTEGER NOT NULL DEFAULT 0,
        last_download_at TEXT
      );
      CREATE INDEX directory_export_links_expiry ON directory_export_links(expires_at);
    `,
  },
  {
    // The delivery engine (issue 8): one rate budget per tenant shared by every process on this
    // database (a token bucket row per tenant, updated with a version check) and each
    // conversation's recent requests for Teams' per-conversation windows (pruned after an hour).
    // Times in ms since the epoch (BIGINT: beyond 32 bits). The outbox keeps its outbox_due index
    // (status, priority, next_attempt_at): the sender reads it per status, in index order.
    id: 10,
    name: 'delivery-rate-budget',
    sqlite: `
      CREATE TABLE rate_buckets (
        tenant_id TEXT PRIMARY KEY,
        tokens REAL NOT NULL,
        updated_ms BIGINT NOT NULL,
        paused_until_ms BIGINT NOT NULL,
        calm_until_ms BIGINT NOT NULL,
        window_start_ms BIGINT NOT NULL,
        window_requests INTEGER NOT NULL,
        window_throttled INTEGER NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE TABLE rate_sends (
        conversation_id TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        at_ms BIGINT NOT NULL
      );
      CREATE INDEX rate_sends_conversation ON rate_sends(conversation_id, at_ms);
      CREATE INDEX rate_sends_at ON rate_sends(at_ms);
    `,
  },
  {
    // A report started from an answer to a broadcast (「不審なメールを開いた」 → ウイルス検知) carries
    // the broadcast it answers: on the draft until sent, then on the case (issue 8).
    id: 11,
    name: 'case-origin',
    sqlite: `
      ALTER TABLE drafts ADD COLUMN origin_json TEXT;
      ALTER TABLE cases ADD COLUMN origin_json TEXT;
    `,
  },
  {
    // The audit trail becomes a hash chain (12(4)②, issue 9): rows numbered 1…n without gaps, each
    // with the hash of its predecessor and of its own canonical content (domain/audit-chain.ts); the
    // payload is kept apart so a retention purge can remove it without breaking the chain. Rows
    // written before are chained in their order. The database refuses UPDATE and DELETE of rows.
    id: 12,
    name: 'audit-chain',
    sqlite: `
      CREATE TABLE audit_chain (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        event TEXT NOT NULL,
        subject TEXT NOT NULL,
        article TEXT,
        payload_hash TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      );
      CREATE TABLE audit_payloads (
        seq INTEGER PRIMARY KEY,
        data TEXT NOT NULL
      );
      CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE TABLE audit_purge_marks (
        seq INTEGER PRIMARY KEY,
        purge_seq INTEGER NOT NULL
      );
    `,
    data: chainLegacyAuditRows,
    sqliteAfter: `
      DROP TABLE audit_log;
      ALTER TABLE audit_chain RENAME TO audit_log;
      CREATE INDEX audit_subject ON audit_log(subject);
      CREATE INDEX audit_event ON audit_log(event);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_payloads_no_update BEFORE UPDATE ON audit_payloads
        BEGIN SELECT RAISE(ABORT, 'audit_payloads is append-only'); END;
      CREATE TRIGGER audit_payloads_purge_only BEFORE DELETE ON audit_payloads
        WHEN NOT EXISTS (SELECT 1 FROM audit_purge_marks m WHERE m.seq = OLD.seq)
        BEGIN SELECT RAISE(ABORT, 'audit payloads are removed only by a recorded purge'); END;
      CREATE TRIGGER audit_purge_marks_no_update BEFORE UPDATE ON audit_purge_marks
        BEGIN SELECT RAISE(ABORT, 'audit_purge_marks is append-only'); END;
      CREATE TRIGGER audit_purge_marks_no_delete BEFORE DELETE ON audit_purge_marks
        BEGIN SELECT RAISE(ABORT, 'audit_purge_marks is append-only'); END;
    `,
  },
  {
    // Media records (8(3)②アイオ, issue 9): one row per handover, stored medium or disposal, with
    // the standard's items in data_json (domain/media.ts). `at` is the ledger date, fixed when the
    // row is made (keyset paging over (at, id)); `version` guards concurrent changes. Half-filled
    // media forms are kept per person and form (and record, for the forms that complete one).
    id: 13,
    name: 'media-records',
    sqlite: `
      CREATE TABLE media_counters (
        year INTEGER PRIMARY KEY,
        last_seq INTEGER NOT NULL
      );
      CREATE TABLE media_records (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('handover', 'storage', 'disposal')),
        section_code TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('recorded', 'stored', 'erased', 'requested', 'permitted', 'refused', 'done')),
        at TEXT NOT NULL,
        data_json TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX media_records_kind_at ON media_records(kind, at, id);
      CREATE INDEX media_records_kind_section_at ON media_records(kind, section_code, at, id);
      CREATE INDEX media_records_status ON media_records(kind, status);
      CREATE TABLE media_drafts (
        person_id TEXT NOT NULL,
        form TEXT NOT NULL,
        record_id TEXT NOT NULL,
        answers_json TEXT NOT NULL,
        errors_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (person_id, form, record_id)
      );
    `,
  },
  {
    // The ledgers read cases by kind (and section) in created_at order, paged by keyset over
    // (created_at, id) (storage/case-ledger-repo.ts).
    id: 14,
    name: 'ledger-indexes',
    sqlite: `
      CREATE INDEX cases_ledger ON cases(kind, created_at, id);
      CREATE INDEX cases_ledger_section ON cases(kind, section_code, created_at, id);
    `,
  },
  {
    // Retention (運用ルール, issue 9): when a finished case passed its ledger's retention period, its
    // typed texts were blanked at this time (services/case-ledger-sources.ts purgePersonal).
    id: 15,
    name: 'case-purge',
    sqlite: `
      ALTER TABLE cases ADD COLUMN purged_at TEXT;
    `,
  },
  {
    // 13(3): guidance to a member of staff who broke the policy, and the suspension or revocation of
    // their rights when it did not improve (domain/guidance.ts, services/guidance-service.ts).
    id: 19,
    name: 'policy-guidance',
    sqlite: `
      CREATE TABLE policy_guidance (
        id INTEGER PRIMARY KEY,
        section_code TEXT NOT NULL,
        member_id TEXT NOT NULL,
        officer_id TEXT NOT NULL,
        rule TEXT NOT NULL,
        guidance TEXT NOT NULL,
        improve_by TEXT NOT NULL,
        status TEXT NOT NULL,
        suspension_kind TEXT,
        suspended_systems TEXT,
        suspended_from TEXT,
        decided_by TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX policy_guidance_section ON policy_guidance(section_code, created_at);
      CREATE INDEX policy_guidance_member ON policy_guidance(member_id, created_at);
    `,
  },
];
