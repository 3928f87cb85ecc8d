import { describe, expect, it } from 'vitest';
import { MESSAGE_TABLES, MESSAGES, msg, t } from '../../src/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the one text catalogue', () => {
  it('has every message in Japanese and English, with the same placeholders', () => {
    for (const [key, pair] of Object.entries(MESSAGES)) {
      if (key === 'stored.pair') continue; // each language has its own stored text
      expect(pair.ja.trim(), key).not.toBe('');
      expect(pair.en.trim(), key).not.toBe('');
      expect(placeholders(pair.en), key).toEqual(placeholders(pair.ja));
    }
  });

  it('merges its tables without one key shadowing another', () => {
    const total = Object.values(MESSAGE_TABLES).reduce((n, table) => n + Object.keys(table).length, 0);
    expect(Object.keys(MESSAGES)).toHaveLength(total);
  });

  it('renders a key, a message with parameters (also nested messages), and a stored pair', () => {
    expect(t('ja', 'status.approved')).toBe('承認');
    expect(t('en', msg('confirm.title', { title: msg('intent.takeout') }))).toBe(
      t('en', 'confirm.title', { title: t('en', 'intent.takeout') }),
    );
    expect(t('ja', msg('confirm.title', { title: msg('intent.takeout') }))).toContain('持ち出し申請');
    expect(t('en', { ja: '旧', en: 'old' })).toBe('old');
    // A placeholder without a value stays for the template to fill.
    expect(t('ja', 'menu.greeting')).toContain('{userName}');
  });
});
