// The ledger registry (which ledgers exist in this deployment, each through its LedgerSource) and
// reading a ledger for a person: who may read which sections (domain/ledger-reading.ts, deny by
// default), checked against the directory in force on every read; a refusal is audited as
// 'ledger.view_denied'. The card, the exports and the monthly summary read ledgers through here.
import type { Clock } from '../domain/clock';
import type { Person } from '../domain/directory';
import {
  ledgerBounds,
  mayReadLedgers,
  narrowToSection,
  type JstPeriod,
  type LedgerDenyReason,
  type LedgerScope,
} from '../domain/ledger-reading';
import {
  LEDGER_ARTICLES,
  LEDGER_KINDS,
  type LedgerKind,
  type LedgerQuery,
  type LedgerRow,
} from '../domain/ledgers';
import { AuditRepo } from '../storage/audit-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import type { SqlClient } from '../storage/sql';
import { caseLedgerSources } from './case-ledger-sources';
import type { LedgerSource } from './ledger-source';
import { MEDIA_LEDGER_SOURCES } from './media-ledger-sources';
import { DUTY_LEDGER_SOURCE } from './duty-ledger-source';

export interface LedgerRegistry {
  /** The registered kinds, in LEDGER_KINDS order. */
  readonly kinds: readonly LedgerKind[];
  get(kind: LedgerKind): LedgerSource | undefined;
}

/** A registry over `sources`; two sources of one kind are a wiring mistake and refused at start-up. */
export function createLedgerRegistry(sources: readonly LedgerSource[]): LedgerRegistry {
  const byKind = new Map<LedgerKind, LedgerSource>();
  for (const s of sources) {
    if (byKind.has(s.kind)) throw new Error(`ledger registry: two sources for ${s.kind}`);
    byKind.set(s.kind, s);
  }
  return { kinds: LEDGER_KINDS.filter((k) => byKind.has(k)), get: (kind) => byKind.get(kind) };
}

/** Every ledger source of the bot: the case-derived ledgers, the media ledgers (8(3)②), the duties. */
export function defaultLedgerSources(clock: Clock): readonly LedgerSource[] {
  return [...caseLedgerSources(clock), ...MEDIA_LEDGER_SOURCES, DUTY_LEDGER_SOURCE];
}

export const defaultLedgerRegistry = (clock: Clock): LedgerRegistry =>
  createLedgerRegistry(defaultLedgerSources(clock));

export type LedgerAccess =
  | { ok: true; reader: Person; scope: LedgerScope; source: LedgerSource; query: LedgerQuery }
  | { ok: false; reason: LedgerDenyReason | 'unknown_kind' | 'invalid_period' };

export interface LedgerAccessRequest {
  /** The reader, as the directory names them (resolved from the acting aadObjectId by the caller). */
  personId: string;
  kind: LedgerKind;
  period: JstPeriod;
  section?: string;
  /** Where the read comes from, for the audit row ('card', 'export', 'link'). */
  via: string;
}

/**
 * Whether the person may read this ledger now, and the query of the rows they may see. A refusal
 * by role or scope is audited ('ledger.view_denied', with the ledger's articles); an unknown kind
 * or a malformed period is a mistake of the request, not a refusal.
 */
export async function authorizeLedgerRead(
  sql: SqlClient,
  clock: Clock,
  registry: LedgerRegistry,
  req: LedgerAccessRequest,
): Promise<LedgerAccess> {
  const dir = new DirectoryRepo(sql);
  const directory = await dir.load();
  const reader = directory.people.find((p) => p.id === req.personId);
  const scope = mayReadLedgers(directory, req.personId);
  const narrowed = scope.ok ? narrowToSection(scope, req.section) : scope;
  if (!narrowed.ok || !reader) {
    await new AuditRepo(sql).append({
      at: clock.now().toISOString(),
      actor: req.personId,
      event: 'ledger.view_denied',
      subject: `ledger:${req.kind}`,
      article: LEDGER_ARTICLES[req.kind],
      data: {
        kind: req.kind,
        via: req.via,
        reason: narrowed.ok ? 'unknown_reader' : narrowed.reason,
        ...(req.section !== undefined ? { section: req.section } : {}),
      },
    });
    return { ok: false, reason: narrowed.ok ? 'unknown_reader' : narrowed.reason };
  }
  const source = registry.get(req.kind);
  if (!source) return { ok: false, reason: 'unknown_kind' };
  const bounds = ledgerBounds(req.period);
  if (!bounds) return { ok: false, reason: 'invalid_period' };
  return { ok: true, reader, scope: narrowed, source, query: { sections: narrowed.sections, ...bounds } };
}

/** Whether the person may read any ledger (the menu's 「台帳」 button); no audit, nothing is read. */
export async function readsLedgers(sql: SqlClient, personId: string): Promise<boolean> {
  return mayReadLedgers(await new DirectoryRepo(sql).load(), personId).ok;
}

export type PageDirection = 'first' | 'next' | 'prev';

export interface LedgerView {
  source: LedgerSource;
  scope: LedgerScope;
  /** The sections read, as 'code name' (for the card), or 'all'. */
  sectionNames: string[] | 'all';
  rows: LedgerRow[];
  total: number;
  hasNext: boolean;
  hasPrev: boolean;
}

/**
 * One page of a ledger, newest first, for a reader. `cursor` is the last row shown for 'next' and
 * the first row shown for 'prev' (keyset: ids only, never the rows themselves).
 */
export async function readLedgerPage(
  sql: SqlClient,
  clock: Clock,
  registry: LedgerRegistry,
  req: LedgerAccessRequest & {
    direction: PageDirection;
    cursor?: { at: string; key: string };
    limit: number;
  },
): Promise<{ ok: true; view: LedgerView } | Extract<LedgerAccess, { ok: false }>> {
  const access = await authorizeLedgerRead(sql, clock, registry, req);
  if (!access.ok) return access;
  const { source, query } = access;
  const total = await source.count(sql, query);
  const cursor = req.direction === 'first' ? undefined : req.cursor;
  let rows: LedgerRow[];
  let hasNext: boolean;
  let hasPrev: boolean;
  if (req.direction === 'prev' && cursor) {
    const got = await source.page(sql, query, { order: 'asc', limit: req.limit + 1, after: cursor });
    rows = got.slice(0, req.limit).reverse();
    hasPrev = got.length > req.limit;
    hasNext = true;
  } else {
    const got = await source.page(sql, query, {
      order: 'desc',
      limit: req.limit + 1,
      ...(cursor ? { after: cursor } : {}),
    });
    rows = got.slice(0, req.limit);
    hasNext = got.length > req.limit;
    hasPrev = cursor !== undefined;
  }
  const sections = access.scope.sections;
  const dir = new DirectoryRepo(sql);
  const sectionNames =
    sections === 'all'
      ? 'all'
      : await Promise.all(
          sections.map(async (c) => {
            const s = await dir.section(c);
            return s ? `${c} ${s.name}` : c;
          }),
        );
  return { ok: true, view: { source, scope: access.scope, sectionNames, rows, total, hasNext, hasPrev } };
}
