import { describe, expect, it } from 'vitest';
import type { Directory, Person } from '../../src/domain/directory';
import {
  canonicalDirectory,
  diffCounts,
  diffDirectories,
  isEmptyDiff,
  roleLossesOnOpenCases,
} from '../../src/domain/directory-diff';
import { diffLines, diffSummary, roleLossLine } from '../../src/domain/directory-diff-lines';
import { t } from '../../src/i18n';
import { demoDirectory } from '../helpers/demo-directory';

const clone = (d: Directory): Directory => structuredClone(d);
const person = (d: Directory, id: string): Person => {
  const p = d.people.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};
const section = (d: Directory, code: string) => {
  const s = d.sections.find((x) => x.code === code);
  if (!s) throw new Error(code);
  return s;
};

/** A realistic yearly update of the demo directory, touching every kind of change once. */
function yearlyUpdate(before: Directory): Directory {
  const d = clone(before);
  // A new hire in 総務課, and 吉田 becomes the deputy there instead of 鈴木.
  d.people.push({
    ...person(d, 'E1010'),
    id: 'E1035',
    name: '新井 優',
    kana: 'アライ ユウ',
    aadObjectId: '00000000-0000-4000-8000-000000000035',
    upn: 'y.arai@osaka-env.example.jp',
    phone: '06-6630-3116',
  });
  section(d, '210').deputyId = 'E1010';
  // 清水 (IT管理者) leaves.
  d.people = d.people.filter((p) => p.id !== 'E1017');
  // 井上 moves from 経理課 to 情報システム担当 and gets a mobile; a UPN in capitals is no change.
  person(d, 'E1014').sectionCode = '230';
  person(d, 'E1014').mobile = '090-0000-1014';
  person(d, 'E1001').upn = 'H.Yamada@osaka-env.example.jp';
  person(d, 'E1001').phone = '06-6630-3199';
  // 経理課 renamed, 八尾工場 now directly under 事務局, a new 広報課 with its own officer.
  section(d, '220').name = '会計課';
  section(d, '330').parentCode = '100';
  d.sections.push({
    code: '240',
    name: '広報課',
    parentCode: '200',
    officerId: 'E1036',
    deputyId: null,
    superiorId: null,
  });
  d.people.push({
    ...person(d, 'E1011'),
    id: 'E1036',
    name: '大野 亮',
    kana: 'オオノ リョウ',
    sectionCode: '240',
    aadObjectId: '00000000-0000-4000-8000-000000000036',
    upn: 'r.ono@osaka-env.example.jp',
  });
  return d;
}

describe('diffDirectories', () => {
  it('finds nothing between a directory and itself, in any row order', () => {
    const d = demoDirectory();
    const shuffled = { sections: [...d.sections].reverse(), people: [...d.people].reverse() };
    const diff = diffDirectories(d, shuffled);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(t('ja', diffSummary(diff))).toBe('変更はありません。');
    expect(canonicalDirectory(shuffled)).toBe(canonicalDirectory(d));
  });

  it('lists people added, removed, moved and changed, roles gained and lost, and section changes', () => {
    const before = demoDirectory();
    const diff = diffDirectories(before, yearlyUpdate(before));
    expect(diff.people.added.map((p) => [p.id, p.section.code])).toEqual([
      ['E1035', '210'],
      ['E1036', '240'],
    ]);
    expect(diff.people.removed.map((p) => p.id)).toEqual(['E1017']);
    expect(diff.people.moved).toEqual([
      {
        id: 'E1014',
        name: '井上 拓也',
        section: { code: '230', name: '情報システム担当' },
        from: { code: '220', name: '経理課' },
      },
    ]);
    expect(diff.people.changed).toEqual([
      {
        id: 'E1001',
        name: '山田 花子',
        changes: [{ field: 'phone', before: '06-6630-3113', after: '06-6630-3199' }],
      },
      { id: 'E1014', name: '井上 拓也', changes: [{ field: 'mobile', before: '', after: '090-0000-1014' }] },
    ]);
    expect(diff.roles).toEqual([
      {
        id: 'E1003',
        name: '鈴木 一郎',
        gained: [],
        lost: [{ role: 'deputy', sectionCode: '210', sectionName: '総務課' }],
      },
      {
        id: 'E1010',
        name: '吉田 翔太',
        gained: [{ role: 'deputy', sectionCode: '210', sectionName: '総務課' }],
        lost: [],
      },
      { id: 'E1017', name: '清水 悠斗', gained: [], lost: [{ role: 'it_admin' }] },
      {
        id: 'E1036',
        name: '大野 亮',
        gained: [{ role: 'section_officer', sectionCode: '240', sectionName: '広報課' }],
        lost: [],
      },
    ]);
    expect(diff.sections).toEqual({
      added: [{ code: '240', name: '広報課', parent: { code: '200', name: '総務部' } }],
      removed: [],
      renamed: [{ code: '220', before: '経理課', after: '会計課' }],
      reparented: [
        {
          code: '330',
          name: '八尾工場',
          before: { code: '300', name: '施設部' },
          after: { code: '100', name: '事務局' },
        },
      ],
    });
    expect(diffCounts(diff)).toEqual({
      added: 2,
      removed: 1,
      moved: 1,
      changed: 2,
      roles: 4,
      sectionsAdded: 1,
      sectionsRemoved: 0,
      sectionsRenamed: 1,
      sectionsReparented: 1,
    });
  });

  it('gives the same diff whatever order the rows come in', () => {
    const before = demoDirectory();
    const after = yearlyUpdate(before);
    const reversed = (d: Directory) => ({
      sections: [...d.sections].reverse(),
      people: [...d.people].reverse(),
    });
    expect(diffDirectories(reversed(before), reversed(after))).toEqual(diffDirectories(before, after));
  });

  it('finds a section removed with its people, and the roles its officer had elsewhere', () => {
    const before = demoDirectory();
    const after = clone(before);
    // 施設部 (300) and everything under it go; 高橋 was 上席者 of 300 as well.
    const gone = new Set(['300', '310', '320', '330', '340']);
    after.sections = after.sections.filter((s) => !gone.has(s.code));
    after.people = after.people.filter((p) => !gone.has(p.sectionCode));
    const diff = diffDirectories(before, after);
    expect(diff.sections.removed.map((s) => s.code)).toEqual(['300', '310', '320', '330', '340']);
    expect(diff.people.removed).toHaveLength(17);
    expect(diff.roles.find((r) => r.id === 'E1005')).toEqual({
      id: 'E1005',
      name: '高橋 誠',
      gained: [],
      lost: [{ role: 'superior', sectionCode: '300', sectionName: '施設部' }],
    });
    expect(diff.roles.find((r) => r.id === 'E1018')?.lost.map((g) => g.role)).toEqual([
      'section_officer',
      'superior',
      'superior',
      'superior',
      'superior',
    ]);
  });
});

describe('diff as text', () => {
  it('says every change in Japanese, kinds in a fixed order', () => {
    const before = demoDirectory();
    const lines = diffLines(diffDirectories(before, yearlyUpdate(before))).map((l) => t('ja', l.text));
    expect(lines).toEqual([
      '追加: E1035 新井 優・総務課（210）',
      '追加: E1036 大野 亮・広報課（240）',
      '削除: E1017 清水 悠斗・情報システム担当（230）',
      '異動: E1014 井上 拓也・経理課（220） → 情報システム担当（230）',
      '連絡先の変更: E1001 山田 花子・電話 06-6630-3113 → 06-6630-3199',
      '連絡先の変更: E1014 井上 拓也・携帯 （なし） → 090-0000-1014',
      '役割の変更: E1003 鈴木 一郎・外れる役割【総務課（210）の代理者】',
      '役割の変更: E1010 吉田 翔太・新しい役割【総務課（210）の代理者】',
      '役割の変更: E1017 清水 悠斗・外れる役割【IT管理者】',
      '役割の変更: E1036 大野 亮・新しい役割【広報課（240）の課責任者】',
      '課の追加: 広報課（240）・上位課 総務部（200）',
      '課名の変更: 220 経理課 → 会計課',
      '上位課の変更: 八尾工場（330）・施設部（300） → 事務局（100）',
    ]);
    expect(t('ja', diffSummary(diffDirectories(before, yearlyUpdate(before))))).toBe(
      '変更: 追加 2 名、削除 1 名、異動 1 名、連絡先の変更 2 名、役割の変更 4 名、課の追加 1、課名の変更 1、上位課の変更 1',
    );
  });
});

describe('roleLossesOnOpenCases', () => {
  it('names who loses a role or leaves while open cases are theirs, with the case ids', () => {
    const before = demoDirectory();
    const diff = diffDirectories(before, yearlyUpdate(before));
    const losses = roleLossesOnOpenCases(diff, [
      { id: 'INC-2026-0002', personIds: ['E1003', 'E1002'] },
      { id: 'INC-2026-0001', personIds: ['E1003', 'E1017'] },
      // 吉田 gains a role and 山田 keeps hers: neither is listed.
      { id: 'REQ-2026-0001', personIds: ['E1010', 'E1001'] },
    ]);
    expect(losses).toEqual([
      {
        id: 'E1003',
        name: '鈴木 一郎',
        lost: [{ role: 'deputy', sectionCode: '210', sectionName: '総務課' }],
        removed: false,
        caseIds: ['INC-2026-0001', 'INC-2026-0002'],
      },
      {
        id: 'E1017',
        name: '清水 悠斗',
        lost: [{ role: 'it_admin' }],
        removed: true,
        caseIds: ['INC-2026-0001'],
      },
    ]);
    expect(t('ja', roleLossLine(losses[0]!))).toBe(
      'E1003 鈴木 一郎: 総務課（210）の代理者 を外れますが、対応中の案件 INC-2026-0001、INC-2026-0002 の担当・宛先です。',
    );
    expect(roleLossesOnOpenCases(diff, [])).toEqual([]);
  });
});
