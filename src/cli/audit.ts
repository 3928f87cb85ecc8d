// The audit trail from the command line (12(4)②):
//
//   npm run audit:verify [-- --anchors <dir>] [--public-key <file>] [--json]
//   npm run audit:anchor
//   npm run retention
//
// verify walks the whole chain, checks every row's hash and link, the chain head, and the chain
// against the signed anchors (by default the bot's AUDIT_ANCHOR_DIR and the public half of its
// AUDIT_ANCHOR_KEY_FILE). It names the first row that does not verify. Exit 0: intact; 1: broken;
// 2: usage. anchor writes an anchor of the current head now (as the bot does on its interval).
// retention runs the ledgers' retention now (as the bot does daily): personal data of finished rows
// past LEDGER_RETENTION_YEARS is blanked and the audit payloads about them purged, recorded.
import fs from 'node:fs';
import { loadConfig } from '../config/config';
import type { ChainBreak } from '../domain/audit-chain';
import { formatJst, systemClock, type Clock } from '../domain/clock';
import { findRepoRoot } from '../main';
import { anchorNow, loadAnchorKey, loadPublicKey, publicKeyFileOf } from '../services/audit-anchor';
import { verifyAuditChain, type VerifyReport } from '../services/audit-verify';
import { defaultLedgerSources } from '../services/ledgers';
import { runRetention } from '../services/retention-service';
import { openDatabase } from '../storage/open';

const out = (s: string) => process.stdout.write(`${s}\n`);
const USAGE =
  '使い方 / usage: npm run audit:verify [-- --anchors <dir>] [--public-key <file>] [--json]\n' +
  '                npm run audit:anchor\n' +
  '                npm run retention';

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

const jst = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : `${formatJst(new Date(iso), true)} JST`);
const n = (v: number) => v.toLocaleString('ja-JP');

const BREAK_TEXT: Record<ChainBreak['kind'], string> = {
  missing_row: 'が削除されています（行番号が連続していません）',
  prev_hash_mismatch: 'の前の行へのつながり（prev_hash）が一致しません（挿入・差し替えの疑い）',
  hash_mismatch: 'の内容がハッシュと一致しません（改ざんの疑い）',
  payload_mismatch: 'の詳細データがハッシュと一致しません（改ざんの疑い）',
  payload_missing: 'の詳細データが記録された消去なしに失われています',
  purge_mismatch: 'の保存期間消去の記録が、実際に消された詳細データと一致しません',
  head_mismatch: 'で、チェーンの末尾が記録された末尾（audit_head）と一致しません（末尾の追加・削除の疑い）',
  anchor_mismatch: 'のハッシュが署名付きアンカーと一致しません（過去の書き換えの疑い）',
  truncated: '以降が失われています（署名付きアンカーが記録した行が存在しません：末尾の切り捨て）',
};

export function describeReport(r: VerifyReport): string[] {
  const lines: string[] = [];
  if (r.break) {
    const b = r.break;
    lines.push(
      `検証に失敗しました: 行 ${n(b.seq)} ${BREAK_TEXT[b.kind]} / audit chain broken at row ${b.seq}: ${b.kind}`,
    );
    if (b.row)
      lines.push(
        `  その行: 時刻 ${jst(b.row.at)} / 事象 ${b.row.event} / 対象 ${b.row.subject} / 実行者 ${b.row.actor}`,
      );
    for (const [k, v] of Object.entries(b.detail)) lines.push(`  ${k}: ${v === null ? '-' : String(v)}`);
    lines.push(`  それより前の ${n(b.seq - 1)} 行は検証できました。`);
  } else {
    lines.push(
      `監査ログは改ざんされていません: ${n(r.rows)} 行、先頭から末尾まで連続し、すべてのハッシュが一致しました。 / audit chain intact: ${r.rows} rows`,
    );
  }
  if (r.anchors.latest)
    lines.push(
      `署名付きアンカー: ${n(r.anchors.matched)} 件と一致。最新は行 ${n(r.anchors.latest.seq)}（${jst(r.anchors.latest.at)}、${r.anchors.latest.file}）。その後の行 ${n(r.unanchored)} 行は次のアンカーで固定されます。`,
    );
  else lines.push('署名付きアンカーがありません: 末尾の切り捨ては検出できません（npm run audit:anchor）。');
  for (const p of r.anchors.problems)
    lines.push(
      `⚠ アンカー ${p.file}: ${p.problem === 'bad_signature' ? '署名が一致しません（偽造の疑い）' : p.problem === 'unknown_key' ? '知らない鍵で署名されています' : '読めません'}`,
    );
  return lines;
}

export async function runAuditCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  clock: Clock = systemClock,
): Promise<number> {
  const [command] = argv;
  if (command !== 'verify' && command !== 'anchor' && command !== 'retention') {
    out(USAGE);
    return 2;
  }
  const config = loadConfig(env, findRepoRoot());
  const db = await openDatabase(config.database);
  try {
    if (command === 'retention') {
      const done = await runRetention(
        db,
        clock,
        config.retentionYears,
        defaultLedgerSources(clock),
        'admin-cli',
      );
      if (done.length === 0)
        out('保存期間を過ぎた個人情報はありません。 / nothing past its retention period');
      for (const r of done)
        out(
          `${r.kind}: ${n(r.rows)} 件の個人情報を消去しました（保存期間 ${r.years} 年、${jst(r.cutoff)} より前）。監査ログの詳細 ${n(r.payloads)} 件を記録付きで消去。`,
        );
      return 0;
    }
    if (command === 'anchor') {
      const key = loadAnchorKey(config.auditAnchor.keyFile, true);
      const r = await anchorNow(db, clock, config.auditAnchor, key, 'admin-cli');
      out(
        r
          ? `アンカーを書き込みました: 行 ${n(r.seq)}、${r.file}（統括への送付 ${r.posted} 件）`
          : '前回のアンカーから監査ログは増えていません。',
      );
      return 0;
    }
    const dir = option(argv, '--anchors') ?? config.auditAnchor.dir;
    const keyFile = option(argv, '--public-key') ?? publicKeyFileOf(config.auditAnchor.keyFile);
    const keys = fs.existsSync(keyFile) ? [loadPublicKey(keyFile)] : [];
    const report = await verifyAuditChain(db, { anchorDir: dir, keys });
    if (argv.includes('--json')) out(JSON.stringify(report, null, 2));
    else for (const line of describeReport(report)) out(line);
    return report.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  runAuditCli(process.argv.slice(2), process.env)
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(1);
    });
}
