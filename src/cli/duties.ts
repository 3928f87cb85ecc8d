// The duty calendar's cycles (定期業務, 運用ルール) from the command line:
//
//   npm run duties -- list
//   npm run duties -- set-cycle <kind> <課コード|*> <cycle|off> --as <職員番号>
//
// <cycle>: month:<day> | quarter:<day> (fiscal quarters, Q1 = April) | year:<month>-<day> | once:<YYYY-MM-DD>
// (days 1–28). `*` is the organisation's default for the kind (統括 or IT管理者 only); a section's own
// cycle is set by its officer (or 統括 / IT管理者). The person named by --as is checked against the
// directory like a card click, and the change (or the refusal) is audited as 運用ルール.
import { loadConfig } from '../config/config';
import { systemClock, type Clock } from '../domain/clock';
import {
  effectiveCycle,
  formatDutyCycle,
  ORGANISATION_DEFAULT,
  parseDutyCycle,
} from '../domain/duty-calendar';
import {
  DUTY_DEFINITIONS,
  PERIODIC_DUTY_KINDS,
  type DutyCycle,
  type PeriodicDutyKind,
} from '../domain/duties';
import { findRepoRoot } from '../main';
import { setDutyCycle } from '../services/duty-service';
import { DirectoryRepo } from '../storage/directory-repo';
import { DutyCalendarRepo } from '../storage/duty-repo';
import { openDatabase } from '../storage/open';

const out = (s: string) => process.stdout.write(`${s}\n`);
const USAGE = [
  '使い方 / usage:',
  '  npm run duties -- list',
  '  npm run duties -- set-cycle <kind> <課コード|*> <month:D|quarter:D|year:M-D|once:YYYY-MM-DD|off> --as <職員番号>',
  `  kind: ${PERIODIC_DUTY_KINDS.join(', ')}`,
].join('\n');

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

const isPeriodic = (k: string | undefined): k is PeriodicDutyKind =>
  (PERIODIC_DUTY_KINDS as readonly string[]).includes(k ?? '');

export async function runDutiesCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  clock: Clock = systemClock,
): Promise<number> {
  const [command, kind, section, cycleText] = argv;
  if (command !== 'list' && command !== 'set-cycle') {
    out(USAGE);
    return 2;
  }
  let cycle: DutyCycle | undefined;
  const actorId = option(argv, '--as');
  if (command === 'set-cycle') {
    // 'off' keeps the cycle and stops opening new periods.
    cycle =
      cycleText === 'off' && isPeriodic(kind)
        ? (DUTY_DEFINITIONS[kind].defaultCycle as DutyCycle)
        : parseDutyCycle(cycleText ?? '');
    if (!isPeriodic(kind) || !section || !cycle || !actorId) {
      out(USAGE);
      return 2;
    }
  }
  const config = loadConfig(env, findRepoRoot());
  const db = await openDatabase(config.database);
  try {
    if (command === 'list') {
      const schedules = await new DutyCalendarRepo(db).schedules();
      const sections = (await new DirectoryRepo(db).load()).sections;
      for (const k of PERIODIC_DUTY_KINDS) {
        // The organisation's default as set ('*'), else the definition's.
        const set = schedules.find((x) => x.kind === k && x.sectionCode === ORGANISATION_DEFAULT);
        const org = effectiveCycle(k, ORGANISATION_DEFAULT, schedules);
        out(
          `${k}\t*\t${formatDutyCycle(org.cycle)}${org.enabled ? '' : ' (off)'}\t${set ? 'organisation' : 'definition'}`,
        );
        for (const s of sections) {
          const own = schedules.find((x) => x.kind === k && x.sectionCode === s.code);
          if (own)
            out(`${k}\t${s.code}\t${formatDutyCycle(own.cycle)}${own.enabled ? '' : ' (off)'}\tsection`);
        }
      }
      return 0;
    }
    const r = await setDutyCycle(db, clock, {
      actorId: actorId as string,
      kind: kind as PeriodicDutyKind,
      sectionCode: section as string,
      cycle: cycle as DutyCycle,
      enabled: cycleText !== 'off',
    });
    if (!r.ok) {
      out(`設定できません（${r.reason}） / refused: ${r.reason}`);
      return 1;
    }
    out(`設定しました（運用ルール） / set: ${kind} ${section} ${cycleText}`);
    return 0;
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  runDutiesCli(process.argv.slice(2), process.env)
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(1);
    });
}
