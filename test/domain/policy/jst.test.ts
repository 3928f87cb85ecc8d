import { describe, expect, it } from 'vitest';
import {
  addDays,
  endOfJstDay,
  formatJst,
  jstDateOf,
  parseIsoDate,
  parseJstDateTime,
  startOfJstDay,
} from '../../../src/domain/policy/jst';

describe('JST helpers', () => {
  it.each([
    ['2026-04-10T08:30', '2026-04-09T23:30:00.000Z'],
    ['2026-04-10 08:30', '2026-04-09T23:30:00.000Z'],
    ['2026-04-10T08:30:15', '2026-04-09T23:30:15.000Z'],
    ['2026-01-01T00:00', '2025-12-31T15:00:00.000Z'],
  ])('parseJstDateTime(%s) = %s', (input, iso) => {
    expect(parseJstDateTime(input)?.toISOString()).toBe(iso);
  });

  it.each(['2026-04-31T10:00', '2026-04-10T24:00', '2026-04-10T10:60', '2026-04-10', '', '2026-4-1T1:00'])(
    'parseJstDateTime(%s) = null',
    (input) => {
      expect(parseJstDateTime(input)).toBeNull();
    },
  );

  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2026-02-29', null],
    ['2026-13-01', null],
    ['2026/04/10', null],
  ])('parseIsoDate(%s) = %s', (input, expected) => {
    expect(parseIsoDate(input)).toBe(expected);
  });

  it('JST day boundaries', () => {
    expect(jstDateOf(new Date('2026-04-10T14:59:59Z'))).toBe('2026-04-10');
    expect(jstDateOf(new Date('2026-04-10T15:00:00Z'))).toBe('2026-04-11');
    expect(startOfJstDay('2026-04-10').toISOString()).toBe('2026-04-09T15:00:00.000Z');
    expect(endOfJstDay('2026-04-10').toISOString()).toBe('2026-04-10T14:59:59.999Z');
    expect(addDays('2026-12-30', 5)).toBe('2027-01-04');
    expect(formatJst(new Date('2026-04-09T23:30:00Z'))).toBe('2026-04-10 08:30');
  });
});
