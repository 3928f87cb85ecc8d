// The article table against the standard's own text, and the code against the table: every id the bot
// cites exists in the standard, every excerpt is the article's wording, every citation in src/ and
// cards/ is a typed key of the table, and only src/teams/citation.ts composes citation text.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_IDS,
  ARTICLES,
  isCitation,
  LAWS,
  OPERATING_RULE,
  parseCitations,
  serializeCitations,
  type ArticleEntry,
} from '../../src/domain/articles';
import {
  articleRefs,
  lineage,
  parseStandard,
  readStandard,
  resolve,
  squash,
  STANDARD_FIXTURE,
  subtree,
} from '../helpers/standard';

const ROOT = path.resolve(__dirname, '..', '..');
const SHARED_STANDARD = path.resolve(ROOT, '..', 'shared', 'seed', '000_84cd2021a95f04c4.txt');
const standard = parseStandard(readStandard());

describe('the copy of the standard', () => {
  it('is the standard itself: byte for byte the shared seed when it is beside the checkout', () => {
    const copy = fs.readFileSync(STANDARD_FIXTURE);
    // A clean clone (CI) has no ../shared; the committed copy is then the reference.
    if (fs.existsSync(SHARED_STANDARD)) expect(copy.equals(fs.readFileSync(SHARED_STANDARD))).toBe(true);
    expect(copy.length).toBeGreaterThan(40_000);
  });

  it('parses into the standard’s numbering', () => {
    for (const id of ['1', '6ウ', '8(3)①キ', '10(4)①', '10(9)①エ', '12(5)②オ', '12(6)②', '14(6)'])
      expect(standard.has(id), id).toBe(true);
    // Points that the articles do not have.
    for (const id of ['10(4)⑧', '12(6)③', '10(9)①オ', '12(5)②コ', '6エ', '10(6)①ア', '15'])
      expect(standard.has(id), id).toBe(false);
    expect(standard.get('12(5)②オ')?.text).toMatch(/^侵害を発見した者又は侵害の報告を受けた者は/);
    expect(standard.get('10(8)②カ')?.parent).toBe('10(8)②');
    expect(resolve(standard, '10(4)①ただし書')?.proviso).toMatch(/^ただし、同一庁舎内/);
    expect(resolve(standard, '10(4)③ただし書')).toBeUndefined();
  });

  it('expands the shorthand written in comments', () => {
    expect(articleRefs('(8(3)①エオカ, 10(4)①③⑥) 11(3)⑤⑥ 12(5)①イウ 6ウ 10(4)⑥ログ 10(4)①ただし書')).toEqual([
      '8(3)①エ',
      '8(3)①オ',
      '8(3)①カ',
      '10(4)①',
      '10(4)③',
      '10(4)⑥',
      '11(3)⑤',
      '11(3)⑥',
      '12(5)①イ',
      '12(5)①ウ',
      '6ウ',
      '10(4)⑥',
      '10(4)①ただし書',
    ]);
  });
});

describe('the article table', () => {
  const entries = Object.entries(ARTICLES) as Array<[string, ArticleEntry]>;

  it.each(ARTICLE_IDS)('%s exists in the standard', (id) => {
    expect(resolve(standard, id), `${id} is not a heading of the standard`).toBeDefined();
  });

  it.each(entries)('%s quotes the article’s own wording', (id, entry) => {
    const r = resolve(standard, id);
    if (!r) throw new Error(`${id} is not in the standard`);
    const own = squash(r.proviso ?? r.heading.text);
    const context = lineage(standard, r.heading.id).map((h) => squash(h.text));
    const segments = entry.ja
      .split('…')
      .map(squash)
      .filter((s) => s !== '');
    expect(segments.length).toBeGreaterThan(0);
    for (const s of segments)
      expect(
        context.some((c) => c.includes(s)),
        `${id}: 「${s}」`,
      ).toBe(true);
    expect(
      segments.some((s) => own.includes(s)),
      `${id}: no excerpt is the article's own text`,
    ).toBe(true);
    expect(entry.en).not.toMatch(/[ぁ-んァ-ヶ一-龠]/);
  });

  it.each(entries)('%s binds parties the standard names', (id, entry) => {
    const r = resolve(standard, id);
    if (!r) throw new Error(`${id} is not in the standard`);
    const texts = [...lineage(standard, r.heading.id), ...subtree(standard, r.heading.id)].map((h) =>
      squash(h.text),
    );
    if (entry.bindsFrom !== undefined) {
      const from = standard.get(entry.bindsFrom);
      expect(from, `${id}: bindsFrom ${entry.bindsFrom}`).toBeDefined();
      texts.push(squash(from?.text ?? ''));
    }
    expect(entry.binds.length).toBeGreaterThan(0);
    // (課情報セキュリティ責任者 and 統括情報セキュリティ責任者 are not substrings of each other.)
    for (const party of entry.binds)
      expect(
        texts.some((t) => t.includes(party)),
        `${id} does not name ${party}`,
      ).toBe(true);
  });

  it('keeps laws and the operating rule apart from the standard', () => {
    for (const law of Object.keys(LAWS)) {
      expect(isCitation(law)).toBe(true);
      expect(articleRefs(law)).toEqual([]);
    }
    expect(isCitation(OPERATING_RULE)).toBe(true);
    expect(isCitation('12(5)②コ')).toBe(false);
    expect(isCitation('10(4)③ただし書')).toBe(false);
  });

  it('stores citations as space-separated ids and drops what is not in the table when reading', () => {
    expect(serializeCitations(['11(3)⑥', '12(5)②ク', '11(3)⑥'])).toBe('11(3)⑥ 12(5)②ク');
    expect(parseCitations('11(3)⑥ 12(5)②ク operating_rule')).toEqual([
      '11(3)⑥',
      '12(5)②ク',
      'operating_rule',
    ]);
    expect(parseCitations('12(5)②オ 99(1)①')).toEqual(['12(5)②オ']);
    expect(parseCitations(null)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The code against the table

const TABLE_FILE = 'src/domain/articles.ts';
const RENDERER_FILE = 'src/teams/citation.ts';
/** The catalogue's tables (src/i18n/messages/*.ts): `'basis.…': { ja: '…', en: '…' }`. */
const I18N_DIR = 'src/i18n/messages/';

/** Citation text: 「対策基準」 followed by a number or a placeholder. */
const COMPOSED = /対策基準\s*[\d{]/;
/** The shape of an article number anywhere in a string. */
const ARTICLE_SHAPE = /(?<![\w.])\d{1,2}\(\d{1,2}\)/;

/**
 * Literals that look like citations but are not the bot citing anything; each says why.
 * Every article in them must still exist in the standard.
 */
const NOT_CITATIONS: ReadonlyArray<{ file: string; text: string; why: string }> = [
  {
    file: 'src/i18n/messages/flows.ts',
    text: '例: 対策基準 10(4)③（遠隔消去機能）',
    why: 'an example of what the requester types as the provision they cannot keep',
  },
  {
    file: 'src/i18n/messages/flows.ts',
    text: 'e.g. 10(4)③ (remote wipe)',
    why: 'the same example in English',
  },
];

function walkFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walkFiles(rel, ext));
    else if (e.name.endsWith(ext)) out.push(rel);
  }
  return out.sort();
}

interface Problem {
  at: string;
  what: string;
}

function lineOf(sf: ts.SourceFile, pos: number): string {
  return `${sf.fileName.slice(ROOT.length + 1)}:${sf.getLineAndCharacterOfPosition(pos).line + 1}`;
}

/** Whether a contextual type accepts any string (a citation there would not be checked against the table). */
function acceptsAnyString(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((p) => (p.flags & (ts.TypeFlags.String | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0);
}

/**
 * Whether a literal sits where only citations are admitted. An element of an array literal is judged
 * by the array's own contextual type: for a `Citation | readonly Citation[]` position TypeScript also
 * offers `string` (a string's characters) as the element's contextual type.
 */
function typedAsCitation(checker: ts.TypeChecker, node: ts.Expression): boolean {
  const parent = node.parent;
  if (ts.isArrayLiteralExpression(parent)) {
    const context = checker.getContextualType(parent);
    if (!context) return false;
    const arrays = (context.isUnion() ? context.types : [context]).filter(
      (t) => checker.isArrayType(t) || checker.isTupleType(t),
    );
    const elements = arrays.map((t) => checker.getIndexTypeOfType(t, ts.IndexKind.Number));
    return elements.length > 0 && elements.every((t) => t !== undefined && !acceptsAnyString(t));
  }
  const type = checker.getContextualType(node);
  return type !== undefined && !acceptsAnyString(type);
}

/** An article written into text by a template: `${x.article}`, `${articles.join('・')}`. */
function writesArticle(expr: ts.Expression): boolean {
  const named = (e: ts.Expression): boolean =>
    (ts.isPropertyAccessExpression(e) && /^articles?$/.test(e.name.text)) ||
    (ts.isIdentifier(e) && /^articles?$/.test(e.text)) ||
    (ts.isElementAccessExpression(e) && named(e.expression));
  if (named(expr)) return true;
  return (
    ts.isCallExpression(expr) &&
    ts.isPropertyAccessExpression(expr.expression) &&
    expr.expression.name.text === 'join' &&
    named(expr.expression.expression)
  );
}

function propertyName(node: ts.Node): string | undefined {
  const p = node.parent;
  if (p && ts.isPropertyAssignment(p) && p.initializer === node) {
    const n = p.name;
    if (ts.isStringLiteral(n) || ts.isIdentifier(n)) return n.text;
  }
  return undefined;
}

function scanSources(): { problems: Problem[]; literals: number; cited: Set<string>; comments: string[] } {
  const files = walkFiles('src', '.ts').map((f) => path.join(ROOT, f));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const problems: Problem[] = [];
  const comments: string[] = [];
  const cited = new Set<string>();
  let literals = 0;

  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`not compiled: ${file}`);
    const rel = file.slice(ROOT.length + 1);
    if (rel === TABLE_FILE) continue;
    const seenComments = new Set<number>();
    const collectComments = (ranges: ts.CommentRange[] | undefined) => {
      for (const r of ranges ?? []) {
        if (seenComments.has(r.pos)) continue;
        seenComments.add(r.pos);
        comments.push(`${lineOf(sf, r.pos)} ${sf.text.slice(r.pos, r.end)}`);
      }
    };

    const visit = (node: ts.Node): void => {
      collectComments(ts.getLeadingCommentRanges(sf.text, node.pos));
      collectComments(ts.getTrailingCommentRanges(sf.text, node.end));

      if (
        ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)
      ) {
        const text = node.text;
        const at = lineOf(sf, node.getStart(sf));
        const allowed = NOT_CITATIONS.find((a) => a.file === rel && a.text === text);
        const key = propertyName(node);
        const pairKey = key === 'ja' || key === 'en' ? propertyName(node.parent.parent) : undefined;
        const rendererKey =
          rel.startsWith(I18N_DIR) && pairKey !== undefined && /^(basis|citation)\./.test(pairKey);
        if (allowed) {
          for (const ref of articleRefs(text)) {
            if (!resolve(standard, ref))
              problems.push({ at, what: `${ref} (in an example) is not in the standard` });
          }
        } else if (COMPOSED.test(text) && !rendererKey) {
          problems.push({ at, what: `composes citation text outside ${RENDERER_FILE}: 「${text}」` });
        } else if (isCitation(text)) {
          // A key of the table: it must sit where the type only admits citations, so the compiler
          // checks it against the table.
          literals += 1;
          cited.add(text);
          if (!typedAsCitation(checker, node as ts.Expression))
            problems.push({ at, what: `'${text}' is not in a position typed as a citation` });
        } else if (ARTICLE_SHAPE.test(text) || articleRefs(text).length > 0) {
          problems.push({ at, what: `article-like text that is not a key of the table: 「${text}」` });
        }
      }

      if (ts.isTemplateSpan(node) && rel !== RENDERER_FILE && writesArticle(node.expression)) {
        problems.push({
          at: lineOf(sf, node.getStart(sf)),
          what: `a template writes an article into text: \${${node.expression.getText(sf)}}`,
        });
      }

      if (ts.isCallExpression(node) && rel !== RENDERER_FILE) {
        const keyArg = node.arguments[1];
        if (keyArg && ts.isStringLiteral(keyArg) && /^(basis|citation)\./.test(keyArg.text)) {
          problems.push({
            at: lineOf(sf, node.getStart(sf)),
            what: `only ${RENDERER_FILE} renders '${keyArg.text}'`,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    collectComments(ts.getLeadingCommentRanges(sf.text, sf.endOfFileToken.pos));
  }
  return { problems, literals, cited, comments };
}

describe('citations in the code', () => {
  const scan = scanSources();

  it('every article literal in src/ is a key of the table in a typed position, and no file but the renderer composes citation text', () => {
    expect(scan.problems).toEqual([]);
    // The scan did see the citations (it would pass vacuously on an empty walk).
    expect(scan.literals).toBeGreaterThan(100);
  });

  it('every entry of the table is cited somewhere in src/ (the table does not drift from the code)', () => {
    expect(ARTICLE_IDS.filter((id) => !scan.cited.has(id))).toEqual([]);
  });

  it('every article a comment in src/ refers to exists in the standard', () => {
    const missing = scan.comments.flatMap((c) =>
      articleRefs(c)
        .filter((ref) => !resolve(standard, ref))
        .map((ref) => `${c.split(' ')[0]}: ${ref}`),
    );
    expect(missing).toEqual([]);
    expect(scan.comments.some((c) => c.includes('12(5)②オ'))).toBe(true);
  });

  it('the card templates and the app manifest carry no citation of their own (cards get 「根拠」 text from the renderer)', () => {
    const found = [...walkFiles('cards', '.json'), ...walkFiles('manifest', '.json')].flatMap((f) => {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      return COMPOSED.test(text) || ARTICLE_SHAPE.test(text) ? [f] : [];
    });
    expect(found).toEqual([]);
  });

  it('every article the README refers to exists in the standard', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const refs = articleRefs(readme);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((ref) => !resolve(standard, ref))).toEqual([]);
  });

  it('would catch a hand-written citation, an untyped article and a composed one', () => {
    expect(COMPOSED.test('（根拠: 対策基準 10(4)⑥）')).toBe(true);
    expect(COMPOSED.test('情報セキュリティ対策基準に基づく')).toBe(false);
    expect(ARTICLE_SHAPE.test('7, 10(4)⑥')).toBe(true);
    expect(isCitation('7, 10(4)⑥')).toBe(false);
  });
});
