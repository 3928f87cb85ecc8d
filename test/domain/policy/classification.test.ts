import { t } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import {
  CLASS_TABLE,
  DATA_CLASSES,
  highestClass,
  isDataClass,
  takeoutRule,
} from '../../../src/domain/policy/classification';

describe('takeoutRule (8(2)①, 8(3)①エオカ)', () => {
  it.each([
    ['I', true, 'mandatory', ['8(2)①', '8(3)①エ', '8(3)①オ']],
    ['II', true, 'mandatory', ['8(2)①', '8(3)①オ']],
    ['III', false, 'as_needed', ['8(2)①', '8(3)①カ']],
    ['IV', false, 'as_needed', ['8(2)①', '8(3)①カ']],
  ] as const)('class %s: permission %s, protection %s', (cls, permission, protection, articles) => {
    expect(takeoutRule(cls)).toEqual({
      permissionRequired: permission,
      protectionRequired: protection,
      articles,
    });
  });

  it('has a Japanese label and meaning for every class', () => {
    for (const cls of DATA_CLASSES) {
      expect(t('ja', CLASS_TABLE[cls].label)).toMatch(/重要性分類/);
      expect(t('ja', CLASS_TABLE[cls].meaning).length).toBeGreaterThan(0);
    }
  });
});

describe('highestClass (8(3)①イ)', () => {
  it.each([
    [['IV', 'III'], 'III'],
    [['IV', 'I', 'III'], 'I'],
    [['II', 'IV'], 'II'],
    [['IV'], 'IV'],
    [['III', 'III'], 'III'],
    [['IV', 'III', 'II', 'I'], 'I'],
    [[], null],
  ] as const)('%j → %s', (classes, expected) => {
    expect(highestClass(classes)).toBe(expected);
  });
});

describe('isDataClass', () => {
  it.each([
    ['I', true],
    ['IV', true],
    ['V', false],
    ['i', false],
    ['Ⅰ', false],
    [1, false],
  ] as const)('%s → %s', (v, expected) => {
    expect(isDataClass(v)).toBe(expected);
  });
});
