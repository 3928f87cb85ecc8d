// All user-facing text comes from the one catalogue (src/i18n/messages): code names messages by key.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..', '..');
const walk = (d: string): string[] =>
  fs.readdirSync(path.join(ROOT, d)).flatMap((f) => {
    const rel = path.posix.join(d, f);
    return fs.statSync(path.join(ROOT, rel)).isDirectory() ? walk(rel) : rel.endsWith('.ts') ? [rel] : [];
  });

/** Where Japanese text belongs other than the catalogue, and why. */
const OWN_TEXT: ReadonlyArray<{ prefix: string; why: string }> = [
  { prefix: 'src/i18n/', why: 'the catalogue and its renderer' },
  { prefix: 'src/domain/articles.ts', why: "the article table: the standard's own wording, cited by id" },
  { prefix: 'src/domain/intent-rules.ts', why: 'what staff type, to recognise intents (input, not output)' },
  { prefix: 'src/domain/normalize.ts', why: 'normalisation tables for what staff type (input)' },
  {
    prefix: 'src/domain/directory-csv/',
    why: 'the contact-directory file format: Japanese column names, and problems by line for the IT管理者',
  },
  { prefix: 'src/services/directory-service.ts', why: 'the same directory file problems' },
  { prefix: 'src/cli/', why: 'the operator console: every line in both languages at once' },
  { prefix: 'src/config/config.ts', why: 'start-up errors for the operator, in both languages at once' },
];

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Citation ids (10(9)①エ, 個人情報保護法68条1項) are keys of the article table, not text. */
const CITATION = /^(\d+(\(\d+\))?[^\s]*|\d+[ウイ]?|個人情報保護法[^\s]*|運用ルール)$/;

function scan(): { japanese: string[]; pairs: string[] } {
  const japanese: string[] = [];
  const pairs: string[] = [];
  for (const file of walk('src')) {
    const exempt = OWN_TEXT.some((o) => file.startsWith(o.prefix));
    const sf = ts.createSourceFile(
      file,
      fs.readFileSync(path.join(ROOT, file), 'utf8'),
      ts.ScriptTarget.ES2022,
      true,
    );
    const at = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (
        !exempt &&
        (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateLiteralToken(n)) &&
        JAPANESE.test(n.text) &&
        !CITATION.test(n.text)
      )
        japanese.push(`${at(n)} 「${n.text.slice(0, 40)}」`);
      if (!exempt && ts.isObjectLiteralExpression(n)) {
        const names = n.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ''));
        if (names.includes('ja') && names.includes('en')) pairs.push(at(n));
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { japanese, pairs };
}

describe('text lives in the catalogue only', () => {
  const found = scan();
  it('no Japanese string is written in code outside the catalogue (and the listed own-text places)', () => {
    expect(found.japanese).toEqual([]);
  });
  it('no inline { ja, en } pair: code returns message keys and parameters', () => {
    expect(found.pairs).toEqual([]);
  });
  it('one way of filling placeholders: no second `{name}` filler outside src/i18n', () => {
    const fillers = walk('src')
      .filter((f) => !f.startsWith('src/i18n/'))
      .filter((f) => /replace\(\/\\\{\(\\w\+\)\\\}\/g/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(fillers).toEqual([]);
  });
});
