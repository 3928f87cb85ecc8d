import { describe, expect, it } from 'vitest';
import type { Directory } from '../../src/domain/directory';
import { parseDirectoryCsv, serializeDirectoryCsv } from '../../src/domain/directory-csv';
import { parseDepartmentMap, parseKanaFile } from '../../src/domain/directory-csv/graph-sync-files';
import {
  proposeDirectoryFromGraph,
  type GraphDirectoryUser,
  type GraphSyncOptions,
  type GraphSyncProposal,
} from '../../src/domain/graph-directory-sync';
import { t } from '../../src/i18n';
import { demoDirectory } from '../helpers/demo-directory';
import { fakeUsersFrom, type FakeGraphUser } from '../helpers/graph-server';

const asRead = (f: FakeGraphUser): GraphDirectoryUser => ({
  id: f.id,
  displayName: f.displayName ?? '',
  userPrincipalName: f.userPrincipalName,
  department: f.department ?? '',
  jobTitle: f.jobTitle ?? '',
  businessPhones: f.businessPhones,
  mobilePhone: f.mobilePhone ?? '',
  employeeId: f.employeeId ?? '',
  accountEnabled: f.accountEnabled,
  managerId: f.managerId ?? null,
});

const aadOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The demo directory, its Graph users (edited by `edit`), and the proposal. */
function propose(
  edit: (users: FakeGraphUser[], byId: (id: string) => FakeGraphUser) => void = () => {},
  opts: GraphSyncOptions = {},
  current: Directory = demoDirectory(),
): GraphSyncProposal {
  const users = fakeUsersFrom(current);
  const byId = (id: string) => users.find((u) => u.employeeId === id)!;
  edit(users, byId);
  return proposeDirectoryFromGraph(current, users.map(asRead), opts);
}

/** The proposal reads back from its own CSV unchanged, with no error. */
function expectImportable(p: GraphSyncProposal): void {
  const parsed = parseDirectoryCsv(serializeDirectoryCsv(p.directory));
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  if (parsed.ok) expect(parsed.directory).toEqual(p.directory);
}

const codes = (p: GraphSyncProposal, level?: string) =>
  p.notes.filter((n) => level === undefined || n.level === level).map((n) => `${n.code} ${n.subject}`);
const text = (p: GraphSyncProposal, code: string) =>
  p.notes.filter((n) => n.code === code).map((n) => t('ja', n.message));
const person = (p: GraphSyncProposal, id: string) => p.directory.people.find((x) => x.id === id);
const section = (p: GraphSyncProposal, code: string) => p.directory.sections.find((s) => s.code === code)!;

describe('proposing the directory from Graph users', () => {
  it('changes nothing when Graph says what the directory says', () => {
    const current = demoDirectory();
    const p = propose();
    expect(p.directory.people).toEqual(
      [...current.people].sort(
        (a, b) =>
          current.sections.findIndex((s) => s.code === a.sectionCode) -
          current.sections.findIndex((s) => s.code === b.sectionCode),
      ),
    );
    expect(p.directory.sections).toEqual(current.sections);
    expect(codes(p, 'change')).toEqual([]);
    expect(codes(p, 'action')).toEqual([]);
    expect(p.counts).toMatchObject({ graphUsers: 34, matched: 34, updated: 0, added: 0, removed: 0 });
    expectImportable(p);
  });

  it('updates name, UPN, title and phones from Graph; keeps 職員番号 and 氏名カナ', () => {
    const p = propose((_, u) => {
      Object.assign(u('E1001'), {
        displayName: '山田 はなこ',
        userPrincipalName: 'Hanako.Yamada@osaka-env.example.jp',
        jobTitle: '主任',
        businessPhones: ['０６-６６３０-３９９９'],
        mobilePhone: '090-1111-2222',
        employeeId: 'X9',
      });
    });
    expect(person(p, 'E1001')).toEqual({
      ...demoDirectory().people.find((x) => x.id === 'E1001'),
      name: '山田 はなこ',
      upn: 'hanako.yamada@osaka-env.example.jp',
      title: '主任',
      phone: '06-6630-3999',
      mobile: '090-1111-2222',
    });
    expect(text(p, 'person_updated')).toEqual([
      '更新: 山田 花子（E1001） 氏名 山田 花子 → 山田 はなこ、UPN h.yamada@osaka-env.example.jp → hanako.yamada@osaka-env.example.jp、役職 主事 → 主任、電話 06-6630-3113 → 06-6630-3999、携帯 （空欄） → 090-1111-2222',
    ]);
    expect(codes(p, 'review')).toContain('employee_id_differs E1001');
    expectImportable(p);
  });

  it('never erases a value Graph lacks, and keeps one the CSV would refuse', () => {
    const p = propose((_, u) => {
      u('E1005').mobilePhone = null;
      u('E1005').jobTitle = null;
      u('E1002').businessPhones = ['内線 3111'];
    });
    expect(person(p, 'E1005')).toMatchObject({ mobile: '090-0000-1005', title: '事務局長' });
    expect(person(p, 'E1002')?.phone).toBe('06-6630-3111');
    expect(text(p, 'value_invalid')).toEqual([
      '佐藤 健一（E1002） の電話「内線 3111」は名簿に入力できない形式のため、06-6630-3111 のままにしました。',
    ]);
    expect(text(p, 'graph_value_empty')).toEqual([
      'Graph に役職がないため、名簿の値を残しました: 高橋 誠（E1005）',
      'Graph に携帯がないため、名簿の値を残しました: 高橋 誠（E1005）',
    ]);
    expect(codes(p, 'change')).toEqual([]);
  });

  it('maps departments by exact section name (NFKC, spaces) or by DEPARTMENT_MAP; reports the rest', () => {
    const map = new Map([
      ['Accounting', '220'],
      ['Lab', '999'],
    ]);
    const p = propose(
      (_, u) => {
        u('E1001').department = '　経理課 '; // full-width space: same name
        u('E1010').department = 'Accounting';
        u('E1011').department = '広報課';
        u('E1014').department = 'Lab';
        u('E1015').department = null;
      },
      { departmentMap: map },
    );
    expect(['E1001', 'E1010', 'E1011', 'E1014', 'E1015'].map((id) => person(p, id)?.sectionCode)).toEqual([
      '220',
      '220',
      '210',
      '220',
      '220',
    ]);
    expect(text(p, 'person_moved')).toEqual([
      '異動: 山田 花子（E1001） 課 210（総務課） → 課 220（経理課）',
      '異動: 吉田 翔太（E1010） 課 210（総務課） → 課 220（経理課）',
    ]);
    expect(text(p, 'department_unmapped')).toEqual([
      '山本 真由美（E1011） の課は変えていません（課 210（総務課） のまま）: 部署「広報課」に当たる課がありません（課名と同じでなく、DEPARTMENT_MAP にもありません）',
      '井上 拓也（E1014） の課は変えていません（課 220（経理課） のまま）: DEPARTMENT_MAP が部署「Lab」を名簿にない課コード 999 に対応させています',
      '木村 彩（E1015） の課は変えていません（課 220（経理課） のまま）: 部署（department）が空欄です',
    ]);
    expect(codes(p, 'action')).toEqual(['department_map_unknown_section Lab']);
    expect(p.counts.moved).toBe(2);
    expectImportable(p);
  });

  it('asks for DEPARTMENT_MAP when two sections have the department’s name', () => {
    const current = demoDirectory();
    current.sections.find((s) => s.code === '330')!.name = '舞洲工場';
    const p = propose((_, u) => (u('E1001').department = '舞洲工場'), {}, current);
    expect(person(p, 'E1001')?.sectionCode).toBe('210');
    expect(text(p, 'department_ambiguous')).toEqual([
      '部署「舞洲工場」と同じ名前の課が複数あります（課 320（舞洲工場）、課 330（舞洲工場））。DEPARTMENT_MAP で課コードを指定してください。',
    ]);
    // The map decides.
    const q = propose(
      (_, u) => (u('E1001').department = '舞洲工場'),
      { departmentMap: new Map([['舞洲工場', '330']]) },
      current,
    );
    expect(person(q, 'E1001')?.sectionCode).toBe('330');
  });

  it('removes people Graph no longer lists or has disabled; role holders stay and are reported loudly', () => {
    const p = propose((users, u) => {
      users.splice(users.indexOf(u('E1010')), 1); // vanished
      u('E1011').accountEnabled = false; // disabled
      u('E1003').accountEnabled = false; // 代理者 of 210
      users.splice(users.indexOf(u('E1006')), 1); // IT管理者
    });
    expect(person(p, 'E1010')).toBeUndefined();
    expect(person(p, 'E1011')).toBeUndefined();
    expect(person(p, 'E1003')).toEqual(demoDirectory().people.find((x) => x.id === 'E1003'));
    expect(person(p, 'E1006')).toBeDefined();
    expect(section(p, '210').deputyId).toBe('E1003');
    expect(text(p, 'person_removed')).toEqual([
      '削除: 吉田 翔太（E1010）（Microsoft Graph の利用者一覧にいません）',
      '削除: 山本 真由美（E1011）（Microsoft Entra ID でアカウントが無効です）',
    ]);
    expect(p.notes.filter((n) => n.level === 'action').map((n) => t('ja', n.message))).toEqual([
      '鈴木 一郎（E1003） は Microsoft Entra ID でアカウントが無効です が、役割（代理者）があるため名簿に残しました。役割を別の職員に引き継いでから、もう一度同期してください。',
      '田中 美咲（E1006） は Microsoft Graph の利用者一覧にいません が、役割（IT管理者）があるため名簿に残しました。役割を別の職員に引き継いでから、もう一度同期してください。',
    ]);
    expect(p.counts).toMatchObject({ removed: 2, roleHoldersKept: 2 });
    expectImportable(p);
  });

  it('adds a new user only with 職員番号, a mapped department and 氏名カナ; lists who waits for カナ', () => {
    const base = (n: number, o: Partial<FakeGraphUser>): FakeGraphUser => ({
      id: aadOf(n),
      displayName: `新人 ${n}`,
      userPrincipalName: `new${n}@osaka-env.example.jp`,
      department: '総務課',
      jobTitle: '主事',
      businessPhones: ['06-6630-4000'],
      mobilePhone: null,
      employeeId: `E${n}`,
      accountEnabled: true,
      ...o,
    });
    const edit = (users: FakeGraphUser[]) =>
      users.push(
        base(2001, {}),
        base(2002, { employeeId: null }),
        base(2003, { employeeId: 'E1001' }),
        base(2004, { department: '広報課' }),
        base(2005, { accountEnabled: false }),
        base(2006, { userPrincipalName: 'not an address' }),
        base(2007, { userPrincipalName: 'h.yamada@osaka-env.example.jp' }),
        base(2008, { businessPhones: ['内線4000'] }),
      );
    const p = propose(edit);
    expect(p.directory.people).toHaveLength(34);
    expect(p.needsKana.map((x) => x.id)).toEqual(['E2001', 'E2008']);
    expect(p.needsKana[0]).toEqual({
      id: 'E2001',
      aadObjectId: aadOf(2001),
      upn: 'new2001@osaka-env.example.jp',
      name: '新人 2001',
      kana: '',
      sectionCode: '210',
      title: '主事',
      phone: '06-6630-4000',
      mobile: '',
      isChiefOfficer: false,
      isItAdmin: false,
    });
    expect(text(p, 'new_user_skipped')).toEqual([
      '新人 2002（new2002@osaka-env.example.jp） は追加できません: 社員 ID（employeeId）が空欄のため職員番号を決められません',
      '新人 2003（new2003@osaka-env.example.jp） は追加できません: 職員番号 E1001 は名簿の 山田 花子（E1001） が別の aadObjectId で使っています（アカウントを作り直した場合は、その行の aadObjectId を直してください）',
      '新人 2004（new2004@osaka-env.example.jp） は追加できません: 部署「広報課」に当たる課がありません（課名と同じでなく、DEPARTMENT_MAP にもありません）',
      '新人 2006（not an address） は追加できません: UPN「not an address」はメールアドレスの形式ではありません',
      '新人 2007（h.yamada@osaka-env.example.jp） は追加できません: UPN h.yamada@osaka-env.example.jp は名簿の別の職員が使っています',
    ]);
    expect(text(p, 'new_user_needs_kana')[0]).toBe(
      '新人 2001（E2001）（new2001@osaka-env.example.jp、課 210（総務課））は氏名カナがないため追加していません。氏名カナを入力して追加してください。',
    );
    expect(codes(p, 'review')).toContain('value_invalid E2008');

    // With the readings given, they are added (after their section's other members).
    const q = propose(edit, {
      kana: new Map([
        [aadOf(2001), 'シンジン ｲﾁ'],
        [aadOf(2008), 'シンジン ハチ'],
      ]),
    });
    expect(q.needsKana).toEqual([]);
    expect(person(q, 'E2001')?.kana).toBe('シンジン イチ');
    expect(person(q, 'E2008')?.phone).toBe('');
    expect(q.directory.people.map((x) => x.id).indexOf('E2001')).toBe(
      q.directory.people.map((x) => x.id).lastIndexOf('E1011') + 1,
    );
    expect(text(q, 'person_added')).toEqual([
      '追加: 新人 2001（E2001）（課 210（総務課））',
      '追加: 新人 2008（E2008）（課 210（総務課））',
    ]);
    expectImportable(q);
  });

  it('proposes the officer’s manager as a missing 上席者, and reports manager chains', () => {
    const current = demoDirectory();
    current.sections.find((s) => s.code === '210')!.superiorId = null;
    const p = propose((_, u) => (u('E1012').managerId = u('E1005').id), {}, current);
    expect(section(p, '210').superiorId).toBe('E1004');
    expect(text(p, 'superior_proposed')).toEqual([
      '課 210（総務課） に上席者がいないため、課責任者 佐藤 健一（E1002） の上長 伊藤 直樹（E1004） を上席者として提案します。',
    ]);
    expect(text(p, 'superior_not_found')).toEqual([
      '課 100（事務局） に上席者がいません（課責任者 高橋 誠（E1005））: 課責任者に上長（manager）が設定されていません',
    ]);
    expect(text(p, 'superior_differs_from_manager')).toEqual([
      '課 220（経理課） の上席者 伊藤 直樹（E1004） は、課責任者 渡辺 修（E1012） の上長 高橋 誠（E1005） と違います。',
    ]);
    expect(p.managerChains.find((c) => c.sectionCode === '210')).toEqual({
      sectionCode: '210',
      links: [
        { aadObjectId: aadOf(2), personId: 'E1002', name: '佐藤 健一' },
        { aadObjectId: aadOf(4), personId: 'E1004', name: '伊藤 直樹' },
        { aadObjectId: aadOf(5), personId: 'E1005', name: '高橋 誠' },
      ],
      cycle: false,
    });
    expect(text(p, 'manager_chain')).toContain(
      '課 210（総務課）: 佐藤 健一（E1002） → 伊藤 直樹（E1004） → 高橋 誠（E1005）',
    );
    expect(p.counts.superiorsProposed).toBe(1);
    expectImportable(p);
  });

  it('reports a manager outside the directory and a manager cycle without looping', () => {
    const current = demoDirectory();
    current.sections.find((s) => s.code === '310')!.superiorId = null;
    const p = propose(
      (users, u) => {
        users.push({
          ...u('E1018'),
          id: aadOf(9001),
          displayName: '外部 役員',
          employeeId: null,
          accountEnabled: false,
        });
        u('E1020').managerId = aadOf(9001);
        u('E1005').managerId = u('E1002').id; // 高橋 → 佐藤 → 伊藤 → 高橋
      },
      {},
      current,
    );
    expect(section(p, '310').superiorId).toBeNull();
    expect(text(p, 'superior_not_found')).toContain(
      '課 310（施設管理課） に上席者がいません（課責任者 池田 浩二（E1020））: 課責任者の上長 外部 役員 が名簿にいません',
    );
    expect(p.managerChains.find((c) => c.sectionCode === '210')?.cycle).toBe(true);
    expect(text(p, 'manager_chain')).toContain(
      '課 210（総務課）: 佐藤 健一（E1002） → 伊藤 直樹（E1004） → 高橋 誠（E1005） →（循環）',
    );
    expectImportable(p);
  });

  it('withholds moves that would leave a section empty, and removals likewise', () => {
    const p = propose((_, u) => {
      for (const id of ['E1016', 'E1006', 'E1017']) u(id).department = '総務課';
    });
    expect(['E1016', 'E1006', 'E1017'].map((id) => person(p, id)?.sectionCode)).toEqual([
      '230',
      '230',
      '230',
    ]);
    expect(codes(p, 'review').filter((c) => c.startsWith('move_withheld'))).toEqual([
      'move_withheld E1016',
      'move_withheld E1006',
      'move_withheld E1017',
    ]);
    expect(codes(p, 'change')).toEqual([]);
    expectImportable(p);

    // Section 330's officer lives in 320; its two other members leave Graph.
    const current = demoDirectory();
    current.people.find((x) => x.id === 'E1028')!.sectionCode = '320';
    current.sections.find((s) => s.code === '330')!.deputyId = null;
    const q = propose(
      (users, u) => {
        users.splice(users.indexOf(u('E1029')), 1);
        users.splice(users.indexOf(u('E1030')), 1);
        u('E1028').department = '舞洲工場';
      },
      {},
      current,
    );
    expect(['E1029', 'E1030'].map((id) => person(q, id)?.sectionCode)).toEqual(['330', '330']);
    expect(codes(q, 'review').filter((c) => c.startsWith('removal_withheld'))).toEqual([
      'removal_withheld E1029',
      'removal_withheld E1030',
    ]);
    expectImportable(q);
  });

  it('reports a role holder who moves, and keeps UPNs unique', () => {
    const p = propose((_, u) => {
      u('E1013').department = '総務課'; // 代理者 of 220
      u('E1001').userPrincipalName = 'k.sato@osaka-env.example.jp'; // 佐藤's
    });
    expect(person(p, 'E1013')?.sectionCode).toBe('210');
    expect(section(p, '220').deputyId).toBe('E1013');
    expect(text(p, 'role_holder_moved')).toEqual([
      '松本 恵（E1013）（代理者）が 課 220（経理課） から 課 210（総務課） に異動します。役割はそのままです。引き継ぎが必要か確認してください。',
    ]);
    expect(person(p, 'E1001')?.upn).toBe('h.yamada@osaka-env.example.jp');
    expect(codes(p, 'review')).toContain('upn_conflict E1001');
    expectImportable(p);
  });
});

describe('the DEPARTMENT_MAP and needs-kana files', () => {
  it('reads a JSON or CSV department map and lists every problem', () => {
    expect(parseDepartmentMap('{"Accounting": "220", " 総務　課 ": "210"}', 'json')).toEqual({
      ok: true,
      map: new Map([
        ['Accounting', '220'],
        ['総務 課', '210'],
      ]),
    });
    expect(
      parseDepartmentMap('\uFEFF部署,課コード\r\nAccounting,220\r\n"Facilities, East",340\r\n', 'csv'),
    ).toEqual({
      ok: true,
      map: new Map([
        ['Accounting', '220'],
        ['Facilities, East', '340'],
      ]),
    });
    const bad = parseDepartmentMap('department,sectionCode\nA,2 2\n,100\nB,100\nB,200\nC\n', 'csv');
    expect(bad.ok ? [] : bad.problems.map((m) => t('ja', m))).toEqual([
      'DEPARTMENT_MAP 2行目: 部署「A」の課コード「2 2」は半角英数字とハイフン（1〜10文字）ではありません。',
      'DEPARTMENT_MAP 3行目: 部署が空欄です。',
      'DEPARTMENT_MAP 5行目: 部署「B」が別の課コードで2回あります。',
      'DEPARTMENT_MAP 6行目: 部署と課コードの2列にしてください。',
    ]);
    expect(parseDepartmentMap('[1]', 'json').ok).toBe(false);
    expect(parseDepartmentMap('name,code\nA,1\n', 'csv').ok).toBe(false);
  });

  it('reads 氏名カナ by aadObjectId from a completed needs-kana file', () => {
    const csv = `aadObjectId,氏名,氏名カナ\n${aadOf(1).toUpperCase()},甲,ｺｳ\n${aadOf(2)},乙,\n${aadOf(3)},丙,Hei\n`;
    const r = parseKanaFile(csv, 'k.csv');
    expect(r.ok ? [] : r.problems.map((m) => t('ja', m))).toEqual([
      '氏名カナ 4行目: 「Hei」は全角カタカナと空白だけで入力してください。',
    ]);
    expect(parseKanaFile(csv.replace(/Hei/, 'ヘイ'), 'k.csv')).toEqual({
      ok: true,
      kana: new Map([
        [aadOf(1), 'コウ'],
        [aadOf(3), 'ヘイ'],
      ]),
    });
    expect(parseKanaFile('a,b\n1,2\n', 'k.csv').ok).toBe(false);
  });
});
