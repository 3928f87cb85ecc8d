import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rolesOf, type Directory } from '../../src/domain/directory';
import {
  DIRECTORY_CSV_COLUMNS,
  parseDirectoryCsv,
  serializeDirectoryCsv,
  type CsvIssue,
  type DirectoryCsvResult,
} from '../../src/domain/directory-csv';
import { HEADER, row, top } from '../helpers/directory-rows';

const DEMO_PATH = join(__dirname, '..', '..', 'infra', 'demo', 'directory.csv');
const demoText = (): string => readFileSync(DEMO_PATH, 'utf8');

/** Valid base file: lines 2–6. Section 100 has no 上席者 (a warning only). */
function baseLines(): string[] {
  return [
    HEADER, //                                                          line 1
    row(1, { ...top, 役割: '課責任者;上席者:210;統括' }), //             line 2
    row(2, { ...top, 役割: '代理者;IT管理者' }), //                     line 3
    row(3, { 役割: '課責任者' }), //                                    line 4
    row(4, { 役割: '代理者' }), //                                      line 5
    row(5), //                                                          line 6
  ];
}
const csv = (lines: string[]): string => lines.join('\n') + '\n';

function withLine(lineNo: number, content: string): string {
  const lines = baseLines();
  lines[lineNo - 1] = content;
  return csv(lines);
}

function errorsOf(result: DirectoryCsvResult): CsvIssue[] {
  if (result.ok) throw new Error(`expected errors, got a directory: ${JSON.stringify(result.warnings)}`);
  return result.errors;
}

function okOf(result: DirectoryCsvResult): Extract<DirectoryCsvResult, { ok: true }> {
  if (!result.ok)
    throw new Error(`expected ok, got errors:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result;
}

describe('parseDirectoryCsv: the demo file', () => {
  const { directory, warnings } = okOf(parseDirectoryCsv(demoText()));

  it('has enough people and sections in a hierarchy', () => {
    expect(directory.people.length).toBeGreaterThanOrEqual(32);
    expect(directory.sections.length).toBeGreaterThanOrEqual(7);
    const byCode = new Map(directory.sections.map((s) => [s.code, s]));
    expect(byCode.get('100')?.parentCode).toBeNull();
    expect(byCode.get('200')?.parentCode).toBe('100');
    expect(byCode.get('210')).toMatchObject({ name: '総務課', parentCode: '200' });
    expect(byCode.get('230')).toMatchObject({ name: '情報システム担当', parentCode: '200' });
    for (const s of directory.sections) expect(s.officerId, s.code).not.toBeNull();
  });

  it('contains the six fixed people with their roles', () => {
    const expected = [
      [
        'E1001',
        '山田 花子',
        'ヤマダ ハナコ',
        '210',
        '00000000-0000-4000-8000-000000000001',
        'h.yamada@osaka-env.example.jp',
        [],
      ],
      [
        'E1002',
        '佐藤 健一',
        'サトウ ケンイチ',
        '210',
        '00000000-0000-4000-8000-000000000002',
        'k.sato@osaka-env.example.jp',
        ['section_officer'],
      ],
      [
        'E1003',
        '鈴木 一郎',
        'スズキ イチロウ',
        '210',
        '00000000-0000-4000-8000-000000000003',
        'i.suzuki@osaka-env.example.jp',
        ['deputy'],
      ],
      [
        'E1004',
        '伊藤 直樹',
        'イトウ ナオキ',
        '200',
        '00000000-0000-4000-8000-000000000004',
        'n.ito@osaka-env.example.jp',
        ['section_officer', 'superior'],
      ],
      [
        'E1005',
        '高橋 誠',
        'タカハシ マコト',
        '100',
        '00000000-0000-4000-8000-000000000005',
        'm.takahashi@osaka-env.example.jp',
        ['section_officer', 'superior', 'chief_officer'],
      ],
      [
        'E1006',
        '田中 美咲',
        'タナカ ミサキ',
        '230',
        '00000000-0000-4000-8000-000000000006',
        'm.tanaka@osaka-env.example.jp',
        ['it_admin'],
      ],
    ] as const;
    for (const [id, name, kana, sectionCode, aadObjectId, upn, roles] of expected) {
      const p = directory.people.find((x) => x.id === id);
      expect(p, id).toMatchObject({ name, kana, sectionCode, aadObjectId, upn });
      expect(rolesOf(directory, id), id).toEqual(roles);
    }
    const section = (code: string) => directory.sections.find((s) => s.code === code);
    expect(section('210')).toMatchObject({ officerId: 'E1002', deputyId: 'E1003', superiorId: 'E1004' });
    expect(section('200')?.officerId).toBe('E1004');
    expect(section('220')?.superiorId).toBe('E1004');
    expect(section('230')?.superiorId).toBe('E1004');
    expect(section('230')?.officerId).not.toBe('E1006');
    expect(section('100')?.officerId).toBe('E1005');
    expect(directory.people.find((p) => p.id === 'E1002')?.title).toBe('課長');
    expect(directory.people.find((p) => p.id === 'E1003')?.title).toBe('課長代理');
  });

  it('has two IT管理者 and a section without 代理者 (reported as a warning)', () => {
    expect(directory.people.filter((p) => p.isItAdmin).map((p) => p.id)).toHaveLength(2);
    const noDeputy = directory.sections.filter((s) => s.deputyId === null);
    expect(noDeputy.length).toBeGreaterThanOrEqual(1);
    for (const s of noDeputy) {
      expect(
        warnings.some(
          (w) => w.message.includes(`課 ${s.code}`) && w.message.includes('「代理者」がいません'),
        ),
      ).toBe(true);
    }
  });

  it('parses the same with a BOM and CRLF line endings', () => {
    const variant = '\uFEFF' + demoText().replace(/\n/g, '\r\n');
    const again = okOf(parseDirectoryCsv(variant));
    expect(again.directory).toEqual(directory);
    expect(again.warnings).toEqual(warnings);
  });

  it('round-trips through serializeDirectoryCsv', () => {
    const text = serializeDirectoryCsv(directory);
    expect(text.startsWith('\uFEFF' + HEADER + '\r\n')).toBe(true);
    expect(okOf(parseDirectoryCsv(text)).directory).toEqual(directory);
  });
});

describe('parseDirectoryCsv: format details', () => {
  it('accepts the base fixture and warns about the section without 上席者', () => {
    const r = okOf(parseDirectoryCsv(csv(baseLines())));
    expect(r.directory.people.map((p) => p.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    expect(r.directory.sections).toEqual([
      { code: '100', name: '事務局', parentCode: null, officerId: 'T1', deputyId: 'T2', superiorId: null },
      { code: '210', name: '総務課', parentCode: '100', officerId: 'T3', deputyId: 'T4', superiorId: 'T1' },
    ]);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringContaining('課 100（事務局）に「上席者」がいません'),
      }),
    ]);
  });

  it('keeps later line numbers right after a quoted field with a comma and a newline', () => {
    const lines = baseLines();
    lines[3] = row(3, { 役割: '課責任者', 役職: '"課長,\n兼 ""経理課"" 担当"' }); // spans lines 4–5
    lines[5] = row(5, { aadObjectId: 'not-a-guid' }); // physical line 7
    const errors = errorsOf(parseDirectoryCsv(csv(lines)));
    expect(errors).toEqual([expect.objectContaining({ line: 7, column: 'aadObjectId' })]);
    expect(errors[0]?.message.startsWith('7行目: ')).toBe(true);

    lines[5] = row(5);
    const ok = okOf(parseDirectoryCsv(csv(lines)));
    expect(ok.directory.people.find((p) => p.id === 'T3')?.title).toBe('課長,\n兼 "経理課" 担当');
  });

  it('ignores blank lines and rows of empty cells but counts them for line numbers', () => {
    const lines = baseLines();
    lines.splice(2, 0, '', ',,,,,,,,,,,'); // now T2 is on line 5
    lines[lines.length - 1] = row(5, { UPN: 'broken' }); // line 8
    const errors = errorsOf(parseDirectoryCsv(csv(lines) + '\n\n'));
    expect(errors.map((e) => [e.line, e.column])).toEqual([[8, 'UPN']]);
  });

  it('matches header names in any order, after trimming', () => {
    const cols = [...DIRECTORY_CSV_COLUMNS].reverse();
    const lines = baseLines().map((l, i) => {
      const cells = l.split(',').reverse();
      return i === 0 ? cols.map((c) => ` ${c} `).join(',') : cells.join(',');
    });
    expect(okOf(parseDirectoryCsv(csv(lines))).directory).toEqual(
      okOf(parseDirectoryCsv(csv(baseLines()))).directory,
    );
  });

  it('normalises half-width kana, full-width spaces, digits and role separators', () => {
    const lines = baseLines();
    lines[5] = row(5, {
      氏名カナ: 'ｼｹﾝ　ｼﾞﾛｳ',
      電話: '０６－６６３０－３００５',
      aadObjectId: '6F1C2A0E-3B4D-4E5F-8A9B-0C1D2E3F4A5B',
      UPN: 'Jiro.Shiken@OSAKA-ENV.example.jp',
    });
    lines[2] = row(2, { ...top, 役割: '代理者；ＩＴ管理者' });
    lines[1] = row(1, { ...top, 役割: '課責任者、上席者：２１０;統括' });
    const { directory } = okOf(parseDirectoryCsv(csv(lines)));
    const t5 = directory.people.find((p) => p.id === 'T5');
    expect(t5).toMatchObject({
      kana: 'シケン ジロウ',
      phone: '06-6630-3005',
      aadObjectId: '6f1c2a0e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
      upn: 'jiro.shiken@osaka-env.example.jp',
    });
    expect(directory.people.find((p) => p.id === 'T2')?.isItAdmin).toBe(true);
    expect(directory.sections.find((s) => s.code === '210')?.superiorId).toBe('T1');
  });

  it('warns (does not fail) when a section has no 代理者', () => {
    const lines = baseLines();
    lines[4] = row(4);
    const r = okOf(parseDirectoryCsv(csv(lines)));
    expect(r.directory.sections.find((s) => s.code === '210')?.deputyId).toBeNull();
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        line: 4,
        message: expect.stringContaining('課 210（総務課）に「代理者」がいません'),
      }),
    );
  });
});

describe('parseDirectoryCsv: each rule reports the right line in Japanese', () => {
  // [description, csv text, expected line, expected column or undefined, text the message contains]
  const cases: [string, string, number, string | undefined, string][] = [
    ['職員番号 format', withLine(6, row(5, { 職員番号: 'T 5!' })), 6, '職員番号', '半角英数字とハイフン'],
    ['職員番号 too long', withLine(6, row(5, { 職員番号: 'A'.repeat(21) })), 6, '職員番号', '1〜20文字'],
    ['職員番号 duplicate', withLine(6, row(5, { 職員番号: 'T4' })), 6, '職員番号', 'T4 が 5行目と重複'],
    ['氏名 empty', withLine(6, row(5, { 氏名: '  ' })), 6, '氏名', '「氏名」が空です'],
    ['氏名カナ not katakana', withLine(6, row(5, { 氏名カナ: 'しけん たろう' })), 6, '氏名カナ', 'カタカナ'],
    ['氏名カナ empty', withLine(6, row(5, { 氏名カナ: '' })), 6, '氏名カナ', '「氏名カナ」が空です'],
    [
      '課コード format',
      withLine(6, row(5, { 課コード: '2_10' })),
      6,
      '課コード',
      '半角英数字とハイフン（1〜10文字）',
    ],
    ['課名 empty', withLine(6, row(5, { 課名: '' })), 6, '課名', '「課名」が空です'],
    ['課名 conflict', withLine(6, row(5, { 課名: '経理課' })), 6, '課名', '4行目（総務課）と違います'],
    [
      '上位課コード conflict',
      withLine(6, row(5, { 上位課コード: '' })),
      6,
      '上位課コード',
      '4行目（100）と違います',
    ],
    [
      '上位課コード unknown',
      csv([
        ...baseLines(),
        row(6, { 課コード: '220', 課名: '経理課', 上位課コード: '999', 役割: '課責任者;代理者:210' }),
      ]),
      7,
      '上位課コード',
      '「上位課コード」999 の課がありません',
    ],
    [
      'cycle',
      csv([
        ...baseLines(),
        row(6, { 課コード: '400', 課名: '甲', 上位課コード: '410', 役割: '課責任者' }),
        row(7, { 課コード: '410', 課名: '乙', 上位課コード: '400', 役割: '課責任者' }),
      ]),
      8,
      '上位課コード',
      '循環しています（400 → 410 → 400）',
    ],
    [
      'cycle to itself',
      withLine(6, row(5, { 課コード: '500', 課名: '丙', 上位課コード: '500', 役割: '課責任者' })),
      6,
      '上位課コード',
      '500 → 500',
    ],
    ['役割 unknown token', withLine(6, row(5, { 役割: '係長' })), 6, '役割', '「係長」は使えません'],
    [
      '役割 target section unknown',
      withLine(6, row(5, { 役割: '上席者:999' })),
      6,
      '役割',
      '課コード 999 の課がありません',
    ],
    [
      '役割 target malformed',
      withLine(6, row(5, { 役割: '上席者:' })),
      6,
      '役割',
      '対象の課コードが正しくありません',
    ],
    [
      '統括 with a target',
      withLine(2, row(1, { ...top, 役割: '課責任者;上席者:210;統括:100' })),
      2,
      '役割',
      '対象の課を付けられません',
    ],
    [
      'aadObjectId not a GUID',
      withLine(6, row(5, { aadObjectId: '12345' })),
      6,
      'aadObjectId',
      'GUID の形式ではありません（例: 6f1c2a0e-',
    ],
    [
      'aadObjectId empty',
      withLine(6, row(5, { aadObjectId: '' })),
      6,
      'aadObjectId',
      '「aadObjectId」が空です',
    ],
    [
      'aadObjectId duplicate (case-insensitive)',
      csv([
        ...baseLines().slice(0, 4),
        row(4, { 役割: '代理者', aadObjectId: 'abcdef00-0000-4000-8000-000000000004' }),
        row(5, { aadObjectId: 'ABCDEF00-0000-4000-8000-000000000004' }),
      ]),
      6,
      'aadObjectId',
      '5行目と重複',
    ],
    [
      'UPN not an e-mail',
      withLine(6, row(5, { UPN: 'yamada at example' })),
      6,
      'UPN',
      'メールアドレスの形式ではありません',
    ],
    [
      'UPN duplicate (case-insensitive)',
      withLine(6, row(5, { UPN: 'T4@Osaka-Env.Example.JP' })),
      6,
      'UPN',
      '5行目と重複',
    ],
    [
      '電話 bad characters',
      withLine(6, row(5, { 電話: '06-6630-3005 内線12' })),
      6,
      '電話',
      '数字・ハイフン・括弧・+・空白だけ',
    ],
    [
      '携帯 bad characters',
      withLine(6, row(5, { 携帯: 'なし' })),
      6,
      '携帯',
      '数字・ハイフン・括弧・+・空白だけ',
    ],
    [
      'too many cells',
      withLine(6, row(5) + ',extra'),
      6,
      undefined,
      '列の数（13列）がヘッダー（12列）と違います',
    ],
    ['stray quote inside a value', withLine(6, row(5, { 役職: '主"任' })), 6, undefined, '値の途中に「"」'],
    [
      'text after a closing quote',
      withLine(6, row(5, { 役職: '"主任"x' })),
      6,
      undefined,
      '閉じた値の後ろに文字',
    ],
    ['unterminated quote', withLine(6, row(5, { 役職: '"主任' })), 6, undefined, '閉じられていません'],
    [
      'two 課責任者',
      withLine(6, row(5, { 役割: '課責任者' })),
      6,
      '役割',
      '「課責任者」が2名います（4行目の試験 3号と6行目の試験 5号）',
    ],
    [
      'two 課責任者 via a target',
      withLine(3, row(2, { ...top, 役割: '代理者;IT管理者;課責任者:210' })),
      4,
      '役割',
      '（3行目の試験 2号と4行目の試験 3号）',
    ],
    ['no 課責任者', withLine(4, row(3)), 4, '役割', '課 210（総務課）に「課責任者」がいません'],
    ['two 代理者', withLine(6, row(5, { 役割: '代理者' })), 6, '役割', '「代理者」が2名います'],
    ['two 上席者', withLine(6, row(5, { 役割: '上席者' })), 6, '役割', '「上席者」が2名います'],
    [
      '代理者 of own 課責任者 section',
      withLine(4, row(3, { 役割: '課責任者;代理者' })),
      4,
      '役割',
      '同じ課の「代理者」にはなれません',
    ],
    [
      'no 統括',
      withLine(2, row(1, { ...top, 役割: '課責任者;上席者:210' })),
      0,
      '役割',
      'ファイル全体: 「役割」が「統括」の職員がいません',
    ],
    [
      'no IT管理者',
      withLine(3, row(2, { ...top, 役割: '代理者' })),
      0,
      '役割',
      'ファイル全体: 「役割」が「IT管理者」の職員がいません',
    ],
    [
      'unknown header column',
      withLine(1, HEADER + ',内線'),
      1,
      '内線',
      '不明な列「内線」があります。使える列名: 職員番号, 氏名',
    ],
    [
      'missing required column',
      csv(baseLines().map((l) => l.split(',').slice(0, 9).concat(l.split(',').slice(10)).join(','))),
      1,
      'UPN',
      '必須の列「UPN」がありません',
    ],
    [
      'duplicate header column',
      withLine(1, HEADER.replace('携帯', '電話')),
      1,
      '電話',
      '列「電話」が2回あります',
    ],
    ['empty header cell', withLine(1, HEADER + ','), 1, undefined, '13列目の列名が空です'],
    ['empty file', '', 1, undefined, 'ファイルが空です'],
    ['blank lines only, with BOM', '\uFEFF\r\n\r\n', 1, undefined, 'ファイルが空です'],
    ['header only', HEADER + '\r\n', 1, undefined, '職員の行がありません'],
  ];

  it.each(cases)('%s', (_name, text, line, column, contains) => {
    const errors = errorsOf(parseDirectoryCsv(text));
    const hit = errors.find((e) => e.line === line && e.column === column && e.message.includes(contains));
    expect(hit, JSON.stringify(errors, null, 1)).toBeDefined();
    expect(hit?.message.startsWith(line === 0 ? 'ファイル全体: ' : `${line}行目: `)).toBe(true);
    // Messages are Japanese and tell the user something to do.
    expect(hit?.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
  });

  it('reports a single problem only once (no cascades) for a simple field error', () => {
    expect(errorsOf(parseDirectoryCsv(withLine(6, row(5, { aadObjectId: 'x' }))))).toHaveLength(1);
    expect(
      errorsOf(
        parseDirectoryCsv(withLine(2, row(1, { ...top, 役割: '課責任者;上席者:210;統括', UPN: 'x' }))),
      ),
    ).toHaveLength(1);
  });
});

describe('parseDirectoryCsv: all problems at once', () => {
  it('collects every problem in one pass, sorted by line, whole-file ones last', () => {
    const lines = baseLines();
    lines[1] = row(1, { ...top, 役割: '課責任者;上席者:210', 氏名カナ: 'たかはし' }); // line 2: kana, and no 統括 anywhere
    lines[3] = row(3, { 役割: '課責任者', aadObjectId: 'zzz', 電話: 'tel' }); // line 4: two problems
    lines[5] = row(5, { 役割: '課責任者', 職員番号: 'T1' }); // line 6: duplicate id and second 課責任者
    const errors = errorsOf(parseDirectoryCsv(csv(lines)));
    expect(errors.map((e) => [e.line, e.column ?? null])).toEqual([
      [2, '氏名カナ'],
      [4, 'aadObjectId'],
      [4, '電話'],
      [6, '職員番号'],
      [6, '役割'],
      [0, '役割'],
    ]);
    for (const e of errors) expect(e.message).toMatch(/^(\d+行目|ファイル全体): /);
  });
});

describe('serializeDirectoryCsv', () => {
  it('round-trips values that need quoting', () => {
    const lines = baseLines();
    lines[5] = row(5, { 役職: '"主任, ""兼務""\n(施設部)"', 氏名: '"試験, 五郎"' });
    const { directory } = okOf(parseDirectoryCsv(csv(lines)));
    expect(directory.people[4]).toMatchObject({ title: '主任, "兼務"\n(施設部)', name: '試験, 五郎' });
    expect(okOf(parseDirectoryCsv(serializeDirectoryCsv(directory))).directory).toEqual(directory);
  });

  it('writes targeted roles and keeps own-section roles short', () => {
    const { directory } = okOf(parseDirectoryCsv(demoText()));
    const text = serializeDirectoryCsv(directory);
    const lineOf = (id: string) => text.split('\r\n').find((l) => l.startsWith(`${id},`));
    expect(lineOf('E1004')).toContain(',課責任者;上席者:210/220/230,');
    expect(lineOf('E1005')).toContain(',課責任者;上席者:200/300;統括,');
    expect(lineOf('E1006')).toContain(',IT管理者,');
  });

  it('refuses a directory the format cannot express instead of dropping data', () => {
    const { directory } = okOf(parseDirectoryCsv(csv(baseLines())));
    const orphan: Directory = {
      ...directory,
      sections: [
        ...directory.sections,
        { code: '900', name: '空の課', parentCode: null, officerId: null, deputyId: null, superiorId: null },
      ],
    };
    expect(() => serializeDirectoryCsv(orphan)).toThrow(/section 900 has no member/);
  });
});
