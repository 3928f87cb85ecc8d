// Lists in SQL: `?` placeholders for an IN list, and the section scope of a ledger or list query.
import type { SqlValue } from './sql';

/** `?, ?, ?` for n values (n ≥ 1: an empty `IN ()` is refused by PostgreSQL). */
export function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * The condition that limits a query to the sections in scope: nothing for 'all', `1 = 0` for none
 * (deny by default, without the empty IN list PostgreSQL refuses), else `<column> IN (…)`.
 */
export function sectionScope(
  column: string,
  sections: readonly string[] | 'all',
): { sql: string; params: SqlValue[] } | null {
  if (sections === 'all') return null;
  if (sections.length === 0) return { sql: '1 = 0', params: [] };
  return { sql: `${column} IN (${marks(sections.length)})`, params: [...sections] };
}
