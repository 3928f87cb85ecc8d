import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../src/domain/intents';
import { CARD_VERBS, CardActionSchema } from '../../src/teams/card-actions';
import {
  buildMenuCard,
  buildUnknownUserCard,
  CARD_TEMPLATES,
  CARDS_DIR,
  isCardTemplateName,
  MenuCardDataSchema,
  renderCard,
  type AdaptiveCardJson,
  type CardTemplateName,
} from '../../src/teams/cards';
import { LOCALES, localeOf, t } from '../../src/teams/i18n';
import { JAPANESE, parseEvents } from '../helpers/adaptive-cards';

const FIXTURES_DIR = path.join(__dirname, '..', 'fixtures', 'cards');
const MAX_CARD_BYTES = 40 * 1024; // Teams message limit

const templateFiles = fs
  .readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

function readFixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, `${name}.json`), 'utf8')) as unknown;
}

interface FoundAction {
  type: string;
  title: unknown;
  /** What the bot receives: `data` of Action.Submit, `verb` + `data` of Action.Execute. */
  payload: unknown;
}

function findActions(node: unknown, found: FoundAction[] = []): FoundAction[] {
  if (Array.isArray(node)) {
    for (const item of node) findActions(item, found);
  } else if (typeof node === 'object' && node !== null) {
    const obj = node as Record<string, unknown>;
    if (obj.type === 'Action.Submit') {
      found.push({ type: obj.type, title: obj.title, payload: obj.data });
    } else if (obj.type === 'Action.Execute') {
      const data = typeof obj.data === 'object' && obj.data !== null ? obj.data : {};
      found.push({ type: obj.type, title: obj.title, payload: { ...data, verb: obj.verb } });
    }
    for (const value of Object.values(obj)) findActions(value, found);
  }
  return found;
}

function expectValidCard(card: AdaptiveCardJson): void {
  const text = JSON.stringify(card);
  expect(text).not.toContain('${');
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  expect(parseEvents(card)).toEqual([]);
  expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(MAX_CARD_BYTES);
  for (const action of findActions(card)) {
    const parsed = CardActionSchema.safeParse(action.payload);
    expect(
      parsed.success,
      `${action.type} "${String(action.title)}": ${JSON.stringify(action.payload)}`,
    ).toBe(true);
  }
}

describe('card templates', () => {
  it('finds the templates', () => {
    expect(templateFiles.length).toBeGreaterThan(0);
  });

  it('registers every template file and every registered template has a file', () => {
    const names = templateFiles.map((f) => path.basename(f, '.json'));
    for (const name of names) expect(isCardTemplateName(name), `${name} is not in CARD_TEMPLATES`).toBe(true);
    expect(
      Object.values(CARD_TEMPLATES)
        .map((entry) => entry.file)
        .sort(),
    ).toEqual(templateFiles);
  });

  describe.each(templateFiles)('%s', (file) => {
    const name = path.basename(file, '.json');

    it('is Adaptive Card 1.5 JSON with the schema URL', () => {
      const raw = JSON.parse(fs.readFileSync(path.join(CARDS_DIR, file), 'utf8')) as Record<string, unknown>;
      expect(raw.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
      expect(raw.version).toBe('1.5');
    });

    it('renders its fixture into a valid card', () => {
      expect(fs.existsSync(path.join(FIXTURES_DIR, file)), `fixture test/fixtures/cards/${file}`).toBe(true);
      const card = renderCard(name as CardTemplateName, readFixture(name) as never);
      expectValidCard(card);
    });

    it('rejects data that does not match its schema', () => {
      expect(() => renderCard(name as CardTemplateName, {} as never)).toThrow();
    });
  });

  it('uses every card verb in at least one template, so no route lacks a card', () => {
    const used = new Set<string>();
    for (const file of templateFiles) {
      const name = path.basename(file, '.json') as CardTemplateName;
      for (const action of findActions(renderCard(name, readFixture(name) as never))) {
        used.add((action.payload as { verb: string }).verb);
      }
    }
    for (const verb of CARD_VERBS) expect(used, `verb ${verb}`).toContain(verb);
    for (const verb of used) expect(CARD_VERBS).toContain(verb);
  });
});

describe('card builders', () => {
  it.each(LOCALES)('builds a valid menu in %s with one button per menu intent', (locale) => {
    const card = buildMenuCard(locale, '山田 花子', { officer: true, admin: true, itAdmin: true });
    expectValidCard(card);
    const intents = findActions(card).map((a) => (a.payload as { intent: string }).intent);
    // 10(4)⑦: a security-setting change is recognised from text only, and refused; no button offers it.
    expect(intents.sort()).toEqual(INTENTS.filter((i) => i !== 'help' && i !== 'security_setting').sort());
    const staff = findActions(buildMenuCard(locale, '山田 花子')).map(
      (a) => (a.payload as { intent: string }).intent,
    );
    expect(staff).not.toContain('my_tasks');
    expect(staff).not.toContain('absence');
    expect(staff).not.toContain('unreachable');
    const officer = findActions(buildMenuCard(locale, '佐藤 健一', { officer: true })).map(
      (a) => (a.payload as { intent: string }).intent,
    );
    expect(officer).not.toContain('unreachable');
    expect(JSON.stringify(card)).toContain('山田 花子');
  });

  it('shows Japanese button titles in Japanese', () => {
    const titles = findActions(buildMenuCard('ja', '山田 花子')).map((a) => a.title);
    expect(titles).toEqual([
      'ICカード紛失',
      'ウイルス検知',
      'メール誤送信',
      'パスワード流出',
      '端末・記録媒体の紛失・盗難',
      'システム障害',
      '不正アクセス・サイバー攻撃',
      '持ち出し申請',
      '例外措置申請',
      'ソフトウェア導入申請',
      '私物端末・外部サービス利用申請',
      '私の申請・報告',
    ]);
  });

  it('has no Japanese in English button titles', () => {
    const titles = findActions(buildMenuCard('en', 'Hanako Yamada')).map((a) => String(a.title));
    expect(titles).toHaveLength(12);
    for (const title of titles) expect(title).not.toMatch(JAPANESE);
  });

  it('cites the emergency article on the menu', () => {
    expect(JSON.stringify(buildMenuCard('ja', '山田 花子'))).toContain('根拠: 対策基準 10(6)①');
  });

  it('omits the greeting when the name is unknown', () => {
    const card = buildMenuCard('ja', '');
    expectValidCard(card);
    expect(JSON.stringify(card)).not.toContain('こんにちは');
  });

  it.each(LOCALES)('builds an unknown-user card without buttons in %s', (locale) => {
    const card = buildUnknownUserCard(locale);
    expectValidCard(card);
    expect(findActions(card)).toEqual([]);
  });

  it('mentions the IT administrator to an unknown user', () => {
    expect(JSON.stringify(buildUnknownUserCard('ja'))).toContain('IT管理者');
  });
});

describe('card data schemas', () => {
  const menuFixture = readFixture('menu') as Record<string, unknown>;

  it('accepts the menu fixture', () => {
    expect(MenuCardDataSchema.safeParse(menuFixture).success).toBe(true);
  });

  it('rejects an unknown intent', () => {
    const bad = { ...menuFixture, myCasesButton: { title: 'x', intent: 'delete_everything' } };
    expect(MenuCardDataSchema.safeParse(bad).success).toBe(false);
    expect(() => renderCard('menu', bad as never)).toThrow();
  });

  it('rejects a missing button title', () => {
    const bad = { ...menuFixture, reportButtons: [{ intent: 'virus' }] };
    expect(() => renderCard('menu', bad as never)).toThrow();
  });

  it('rejects a greeting without the name placeholder', () => {
    expect(() => renderCard('menu', { ...menuFixture, greeting: 'こんにちは' } as never)).toThrow();
  });
});

describe('i18n', () => {
  it.each([
    [undefined, 'ja'],
    ['ja-JP', 'ja'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['en', 'en'],
    ['fr-FR', 'ja'],
    ['', 'ja'],
  ] as const)('localeOf(%s) is %s', (input, expected) => {
    expect(localeOf(input)).toBe(expected);
  });

  it('fills placeholders', () => {
    expect(t('ja', 'basis.article', { citation: '運用ルール' })).toBe('根拠: 運用ルール');
    expect(t('en', 'menu.greeting', { userName: 'Hanako' })).toBe('Hello, Hanako.');
    expect(t('ja', 'menu.greeting')).toBe('{userName} さん、こんにちは。');
  });

  it('has the required bot messages', () => {
    expect(t('ja', 'error.invalidAction')).toBe(
      'このボタンは古いか、正しくありません。メニューからやり直してください。',
    );
    expect(t('ja', 'unknownUser.message')).toContain('IT管理者');
    expect(t('en', 'menu.notUnderstood')).not.toMatch(JAPANESE);
    expect(t('en', 'error.generic')).not.toMatch(JAPANESE);
  });
});
