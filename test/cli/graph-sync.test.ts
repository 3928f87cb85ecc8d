import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDirectoryCli } from '../../src/cli/directory';
import { runGraphSyncCli } from '../../src/cli/graph-sync';
import { DirectoryRepo } from '../../src/storage/directory-repo';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { tempDbFile } from '../helpers/db';
import { demoDirectory } from '../helpers/demo-directory';
import { FakeGraph, fakeUsersFrom, type FakeGraphUser } from '../helpers/graph-server';

const DEMO = path.resolve(__dirname, '../../infra/demo/directory.csv');
const CLIENT = { clientId: '5b649834-7412-4cce-9e69-176e95a394f5', clientSecret: 'test-client-secret' };
const NEW_AAD = '00000000-0000-4000-8000-000000002001';

let graph: FakeGraph | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await graph?.stop();
  graph = undefined;
});

function captureStdout(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

async function withDb<T>(file: string, f: (repo: DirectoryRepo) => Promise<T>): Promise<T> {
  const db = SqliteDatabase.open(file);
  try {
    return await f(new DirectoryRepo(db));
  } finally {
    await db.close();
  }
}

/** A database holding the demo directory, and a Graph tenant that has moved on a little. */
async function setUp() {
  const dbFile = tempDbFile();
  const dir = path.dirname(dbFile);
  captureStdout();
  expect(await runDirectoryCli(['import', DEMO, '--yes'], { DATABASE_URL: `sqlite:${dbFile}` })).toBe(0);
  graph = await FakeGraph.start('7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', CLIENT);
  const users = fakeUsersFrom(demoDirectory());
  const u = (id: string) => users.find((x) => x.employeeId === id)!;
  u('E1001').jobTitle = '主任';
  u('E1010').accountEnabled = false;
  u('E1011').department = 'Accounting';
  users.splice(users.indexOf(u('E1003')), 1); // 代理者 of 210: stays, reported
  const newcomer: FakeGraphUser = {
    id: NEW_AAD,
    displayName: '新人 太郎',
    userPrincipalName: 't.shinjin@osaka-env.example.jp',
    department: 'Accounting',
    jobTitle: '主事',
    businessPhones: ['06-6630-3125'],
    mobilePhone: null,
    employeeId: 'E2001',
    accountEnabled: true,
    managerId: u('E1012').id,
  };
  users.push(newcomer);
  graph.users = users;
  graph.pageSize = 10;
  const mapFile = path.join(dir, 'department-map.json');
  fs.writeFileSync(mapFile, JSON.stringify({ Accounting: '220' }));
  const env = {
    DATABASE_URL: `sqlite:${dbFile}`,
    GRAPH_BASE_URL: `${graph.url}/v1.0`,
    GRAPH_LOGIN_URL: graph.url,
    GRAPH_CLIENT_ID: CLIENT.clientId,
    GRAPH_CLIENT_SECRET: CLIENT.clientSecret,
    DEPARTMENT_MAP: mapFile,
  };
  return { dbFile, dir, env, g: graph };
}

describe('npm run directory -- sync-graph', () => {
  it('prints the report, writes an importable proposal and changes nothing until it is imported', async () => {
    const { dbFile, dir, env, g } = await setUp();
    const before = await withDb(dbFile, (r) => r.load());
    const importsBefore = await withDb(dbFile, (r) => r.lastImport());
    const outFile = path.join(dir, 'proposed.csv');
    const out = captureStdout();

    expect(await runDirectoryCli(['sync-graph', '--out', outFile], env)).toBe(0);
    const report = out.join('');
    expect(report).toContain('Microsoft Graph からの緊急連絡網の案（まだ取り込んでいません）');
    expect(report).toContain(
      'Graph の利用者 34 名: 照合 32 名（更新 1、異動 1）、追加 0 名、削除 1 名、役割のため残した 1 名、追加できない 0 名、氏名カナ待ち 1 名、上席者の提案 0 件',
    );
    expect(report).toContain(
      '鈴木 一郎（E1003） は Microsoft Graph の利用者一覧にいません が、役割（代理者）があるため名簿に残しました。',
    );
    expect(report).toContain('削除: 吉田 翔太（E1010）（Microsoft Entra ID でアカウントが無効です）');
    expect(report).toContain('異動: 山本 真由美（E1011） 課 210（総務課） → 課 220（経理課）');
    expect(report).toContain('課 210（総務課）: 佐藤 健一（E1002） → 伊藤 直樹（E1004） → 高橋 誠（E1005）');
    expect(report).toMatch(/^対応が必要 \(2\)$/m);
    expect(g.requests.filter((r) => r.url.startsWith('/v1.0/users'))).toHaveLength(4);

    // Nothing changed in the database.
    expect(await withDb(dbFile, (r) => r.load())).toEqual(before);
    expect(await withDb(dbFile, (r) => r.lastImport())).toEqual(importsBefore);

    // The proposal passes the import's check; the newcomer waits in the needs-kana file.
    expect(await runDirectoryCli(['check', outFile], {})).toBe(0);
    const kanaFile = path.join(dir, 'proposed.needs-kana.csv');
    const waiting = fs.readFileSync(kanaFile, 'utf8');
    expect(waiting.startsWith('\uFEFF職員番号,氏名,氏名カナ,')).toBe(true);
    expect(waiting).toContain(
      `E2001,新人 太郎,,220,経理課,200,主事,,${NEW_AAD},t.shinjin@osaka-env.example.jp,06-6630-3125,`,
    );

    // Filled in and read back: the newcomer is added; then the IT管理者 imports the proposal.
    fs.writeFileSync(kanaFile, waiting.replace('新人 太郎,,', '新人 太郎,シンジン タロウ,'));
    const again = captureStdout();
    expect(await runGraphSyncCli(['--out', outFile, '--kana', kanaFile], env)).toBe(0);
    expect(again.join('')).toContain('追加: 新人 太郎（E2001）（課 220（経理課））');
    expect(again.join('')).not.toContain('氏名カナ待ちの'); // nobody waits any more
    expect(await runDirectoryCli(['import', outFile, '--yes'], { DATABASE_URL: `sqlite:${dbFile}` })).toBe(0);
    const after = await withDb(dbFile, (r) => r.load());
    expect(after.people.map((p) => p.id).sort()).toEqual(
      [...before.people.map((p) => p.id).filter((id) => id !== 'E1010'), 'E2001'].sort(),
    );
    expect(after.people.find((p) => p.id === 'E2001')).toMatchObject({
      kana: 'シンジン タロウ',
      sectionCode: '220',
    });
    expect(after.people.find((p) => p.id === 'E1001')?.title).toBe('主任');
    expect(after.sections.find((s) => s.code === '210')?.deputyId).toBe('E1003');
  });

  it('fails clearly, writing nothing: no credentials, Graph refuses, a bad DEPARTMENT_MAP', async () => {
    const { dir, env, g } = await setUp();
    const outFile = path.join(dir, 'never.csv');
    let out = captureStdout();
    expect(await runGraphSyncCli(['--out', outFile], { DATABASE_URL: env.DATABASE_URL })).toBe(1);
    expect(out.join('')).toContain('Graph の資格情報がありません。');

    g.script.push({
      match: (r) => r.url.startsWith('/v1.0/users'),
      status: 403,
      body: {
        error: {
          code: 'Authorization_RequestDenied',
          message: 'Insufficient privileges to complete the operation.',
        },
      },
    });
    out = captureStdout();
    expect(await runGraphSyncCli(['--out', outFile], env)).toBe(1);
    expect(out.join('')).toContain(
      'Microsoft Graph に拒否されました（何も変更していません）: list users (page 1): HTTP 403 Authorization_RequestDenied: Insufficient privileges to complete the operation.。アプリのアクセス許可 User.Read.All と管理者の同意を確認してください。',
    );

    const badMap = path.join(dir, 'map.csv');
    fs.writeFileSync(badMap, '部署,課コード\nAccounting,2 20\n');
    out = captureStdout();
    expect(await runGraphSyncCli(['--out', outFile], { ...env, DEPARTMENT_MAP: badMap })).toBe(1);
    expect(out.join('')).toContain(
      'DEPARTMENT_MAP 2行目: 部署「Accounting」の課コード「2 20」は半角英数字とハイフン（1〜10文字）ではありません。',
    );

    out = captureStdout();
    expect(await runGraphSyncCli(['--out'], env)).toBe(2);
    expect(fs.existsSync(outFile)).toBe(false);
  });

  it('prints the report in English with --lang en', async () => {
    const { dir, env } = await setUp();
    const out = captureStdout();
    expect(await runGraphSyncCli(['--out', path.join(dir, 'p.csv'), '--lang', 'en'], env)).toBe(0);
    expect(out.join('')).toContain(
      'Removed: 吉田 翔太 (E1010) (the account is disabled in Microsoft Entra ID)',
    );
  });
});
