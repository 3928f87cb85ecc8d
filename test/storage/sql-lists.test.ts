import { describe, expect, it } from 'vitest';
import { marks, sectionScope } from '../../src/storage/sql-lists';

describe('SQL list helpers', () => {
  it('numbers one placeholder per value', () => {
    expect(marks(1)).toBe('?');
    expect(marks(3)).toBe('?, ?, ?');
  });

  it('scopes to all sections, to none (matching no row) or to the listed ones', () => {
    expect(sectionScope('section_code', 'all')).toBeNull();
    expect(sectionScope('section_code', [])).toEqual({ sql: '1 = 0', params: [] });
    expect(sectionScope('c.section_code', ['S01', 'S02'])).toEqual({
      sql: 'c.section_code IN (?, ?)',
      params: ['S01', 'S02'],
    });
  });
});
