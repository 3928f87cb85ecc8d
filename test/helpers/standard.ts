// Reads the numbering of the 情報セキュリティ対策基準 from its text (test/fixtures/standard/), so the
// tests can check that every id the bot cites names a heading the standard has.
//
// The structure, as the text writes it (list markers "- " and indentation vary):
//   "10 人的セキュリティ"                     chapter            → '10'
//   "(4) 情報漏えい等の防止"                  item               → '10(4)'
//   "- ① 職員は、…"                           circled number     → '10(4)①'
//   " - ア パスワードは…" / "ア 課…"          katakana point     → '10(8)②ア', or '6ウ' under a chapter
// Lower levels such as "(ア) ファイルの名称" are part of their point's text. A line that starts no
// heading continues the text of the last one.
import fs from 'node:fs';
import path from 'node:path';

export const STANDARD_FIXTURE = path.resolve(__dirname, '../fixtures/standard/000_84cd2021a95f04c4.txt');

export interface Heading {
  id: string;
  parent: string | null;
  /** The heading line (without its number) and the lines up to the next heading. */
  text: string;
}

export const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** Katakana the standard uses as point markers. */
export const POINTS = 'アイウエオカキクケコサシス';

export function readStandard(): string {
  return fs.readFileSync(STANDARD_FIXTURE, 'utf8');
}

export function parseStandard(text: string): Map<string, Heading> {
  const headings = new Map<string, Heading>();
  let chapter: string | null = null;
  let item: string | null = null;
  let circled: string | null = null;
  let current: Heading | null = null;
  const open = (id: string, parent: string | null, rest: string) => {
    current = { id, parent, text: rest.trim() };
    headings.set(id, current);
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s*-\s+/, '').trim();
    if (line === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^(\d{1,2}) (\S.*)$/.exec(raw.trim())) && !raw.startsWith(' ') && !raw.startsWith('-')) {
      chapter = m[1] ?? null;
      item = null;
      circled = null;
      open(chapter as string, null, m[2] ?? '');
    } else if (chapter && (m = /^\((\d{1,2})\)\s*(.*)$/.exec(line))) {
      item = `${chapter}(${m[1]})`;
      circled = null;
      open(item, chapter, m[2] ?? '');
    } else if (item && (m = new RegExp(`^([${CIRCLED}])\\s*(.*)$`).exec(line))) {
      circled = `${item}${m[1]}`;
      open(circled, item, m[2] ?? '');
    } else if (chapter && (m = new RegExp(`^([${POINTS}]) (.*)$`).exec(line))) {
      const parent = circled ?? item ?? chapter;
      open(`${parent}${m[1]}`, parent, m[2] ?? '');
    } else if (current) {
      (current as Heading).text += `\n${line}`;
    }
  }
  return headings;
}

/** Whitespace does not count ("IC カード" and "ICカード" are the same words). */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** The heading and its ancestors, nearest first. */
export function lineage(headings: ReadonlyMap<string, Heading>, id: string): Heading[] {
  const out: Heading[] = [];
  let h = headings.get(id);
  while (h) {
    out.push(h);
    h = h.parent === null ? undefined : headings.get(h.parent);
  }
  return out;
}

/** The heading and everything under it. */
export function subtree(headings: ReadonlyMap<string, Heading>, id: string): Heading[] {
  return [...headings.values()].filter((h) => lineage(headings, h.id).some((a) => a.id === id));
}

/**
 * The heading an id names, with the proviso suffix resolved: '10(4)①ただし書' is 10(4)① when that
 * article has a proviso (ただし、…). Undefined when the standard has no such heading.
 */
export function resolve(
  headings: ReadonlyMap<string, Heading>,
  id: string,
): { heading: Heading; proviso: string | null } | undefined {
  const m = /^(.*?)(ただし書)?$/.exec(id);
  const base = m?.[1] ?? id;
  const heading = headings.get(base);
  if (!heading) return undefined;
  if (!m?.[2]) return { heading, proviso: null };
  const at = heading.text.indexOf('ただし、');
  if (at < 0) return undefined;
  const rest = heading.text.slice(at);
  const end = rest.indexOf('なお、');
  return { heading, proviso: end < 0 ? rest : rest.slice(0, end) };
}

/**
 * Article references in free text (comments, README), expanded from the shorthand the project
 * writes: '11(3)⑤⑥' → 11(3)⑤, 11(3)⑥; '8(3)①エオカ' → 8(3)①エ, オ, カ; '12(5)①イウ'; '6ウ'.
 * A katakana run that is a word rather than points ('10(4)⑥ログ') cites only what precedes it.
 */
export function articleRefs(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(
    `(?<![\\w.])(\\d{1,2})\\((\\d{1,2})\\)([${CIRCLED}]*)([ァ-ヶー]*)(ただし書)?|(?<![\\w.(])([67])([アイウエ])(?![ァ-ヶー])`,
    'g',
  );
  for (const m of text.matchAll(re)) {
    if (m[6]) {
      out.push(`${m[6]}${m[7]}`);
      continue;
    }
    const base = `${m[1]}(${m[2]})`;
    const circled = [...(m[3] ?? '')];
    const kana = m[4] ?? '';
    const points = kana !== '' && [...kana].every((c) => POINTS.includes(c)) ? [...kana] : [];
    const proviso = m[5] ?? '';
    if (circled.length === 0) {
      out.push(base);
      continue;
    }
    const last = circled.length - 1;
    circled.forEach((c, i) => {
      if (i === last && points.length > 0) for (const p of points) out.push(`${base}${c}${p}${proviso}`);
      else out.push(`${base}${c}${i === last ? proviso : ''}`);
    });
  }
  return out;
}
