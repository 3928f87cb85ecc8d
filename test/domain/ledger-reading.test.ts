import { describe, expect, it } from 'vitest';
import { ledgerBounds, mayReadLedgers, narrowToSection } from '../../src/domain/ledger-reading';
import { demoDirectory } from '../helpers/demo-directory';

const dir = demoDirectory();

describe('who may read ledgers (deny by default)', () => {
  it('統括 and IT管理者 read every section', () => {
    expect(mayReadLedgers(dir, 'E1005')).toEqual({ ok: true, as: 'chief_officer', sections: 'all' });
    expect(mayReadLedgers(dir, 'E1006')).toEqual({ ok: true, as: 'it_admin', sections: 'all' });
  });
  it('a section officer and their deputy read their own section only', () => {
    expect(mayReadLedgers(dir, 'E1002')).toEqual({ ok: true, as: 'section_officer', sections: ['210'] });
    expect(mayReadLedgers(dir, 'E1003')).toEqual({ ok: true, as: 'deputy', sections: ['210'] });
    expect(mayReadLedgers(dir, 'E1012')).toEqual({ ok: true, as: 'section_officer', sections: ['220'] });
  });
  it('staff and people outside the directory are refused', () => {
    expect(mayReadLedgers(dir, 'E1001')).toEqual({ ok: false, reason: 'no_ledger_role' });
    expect(mayReadLedgers(dir, 'E1010')).toEqual({ ok: false, reason: 'no_ledger_role' });
    expect(mayReadLedgers(dir, 'E9999')).toEqual({ ok: false, reason: 'unknown_reader' });
  });
  it('an officer asking for a neighbouring section is refused, not widened', () => {
    const officer = mayReadLedgers(dir, 'E1002');
    if (!officer.ok) throw new Error('officer must read');
    expect(narrowToSection(officer, '220')).toEqual({ ok: false, reason: 'section_not_in_scope' });
    expect(narrowToSection(officer, '210')).toEqual({ ok: true, as: 'section_officer', sections: ['210'] });
    const chief = mayReadLedgers(dir, 'E1005');
    if (!chief.ok) throw new Error('chief must read');
    expect(narrowToSection(chief, '220')).toMatchObject({ ok: true, sections: ['220'] });
  });
});

describe('JST period to UTC bounds', () => {
  it('from 00:00 JST of the first day to 00:00 JST after the last day (exclusive)', () => {
    expect(ledgerBounds({ from: '2026-04-01', to: '2026-04-30' })).toEqual({
      from: '2026-03-31T15:00:00.000Z',
      to: '2026-04-30T15:00:00.000Z',
    });
    expect(ledgerBounds({})).toEqual({});
  });
  it('refuses reversed periods and non-dates', () => {
    expect(ledgerBounds({ from: '2026-04-02', to: '2026-04-01' })).toBeNull();
    expect(ledgerBounds({ from: '2026-02-30' })).toBeNull();
    expect(ledgerBounds({ to: 'yesterday' })).toBeNull();
  });
});
