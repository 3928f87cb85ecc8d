// What the standard says about one submitted report or request, before anybody acts on it:
// refusals (never sent on), warnings and notes with their articles, the severity that drives the
// acknowledgement deadline, and the routing extras (possible leak, affected sections, urgency).
// Pure: the same answers and clock always give the same evaluation.
import type { Citation } from './articles';
import { officerReceivesArticles, permissionArticles } from './case-articles';
import { ackMinutesOf, severityOf, type CaseKind, type Localized, type Severity } from './cases';
import type { Directory } from './directory';
import type { FlowValues } from './flows';
import { assessMisdirectedMail } from './policy/data-leak';
import { exceptionStages } from './policy/exception';
import {
  cyberAttackActions,
  deviceLostActions,
  deviceLostIsPossibleLeak,
  misdirectedMailActions,
  passwordLeakActions,
  temporaryPasswordFacts,
  virusActions,
} from './policy/incident';
import { evaluateTakeout } from './policy/takeout';
import type { RouteExtras } from './routing';
import { msg } from '../i18n';

export type FindingLevel = 'info' | 'warning' | 'refusal';

export interface Finding {
  text: Localized;
  article: Citation;
  level: FindingLevel;
}

export interface CaseEvaluation {
  refused: boolean;
  findings: Finding[];
  severity: Severity;
  ackMinutes: number;
  routeExtras: RouteExtras;
  /** Kind-specific results kept on the case (leak duties and deadlines, take-out decision, stages). */
  details: Record<string, unknown>;
}

type Evaluators = { [K in CaseKind]: (v: FlowValues[K], now: Date, dir: Directory) => CaseEvaluation };

const base = (kind: CaseKind): CaseEvaluation => ({
  refused: false,
  findings: [],
  severity: severityOf(kind),
  ackMinutes: ackMinutesOf(kind),
  routeExtras: {},
  details: {},
});

const warn = (a: { text: Localized; article: Citation }): Finding => ({ ...a, level: 'warning' });

/** Sections named in free text (by 課名 or 課コード), for the officers a failure affects (12(5)①ウ). */
export function sectionsMentioned(dir: Directory, text: string | undefined): string[] {
  if (!text) return [];
  return dir.sections
    .filter((s) => text.includes(s.name) || new RegExp(`(^|\\D)${s.code}(\\D|$)`).test(text))
    .map((s) => s.code);
}

const EVALUATORS: Evaluators = {
  lost_ic_card: (_v) => ({
    ...base('lost_ic_card'),
    findings: [
      {
        text: msg('evaluation.section_officer_stops_access_card'),
        article: '10(9)②',
        level: 'info',
      },
    ],
  }),
  virus: (v) => ({
    ...base('virus'),
    findings: virusActions(v).map(warn),
    routeExtras: {},
  }),
  misdirected_mail: (v, now) => {
    const a = assessMisdirectedMail(v, now);
    const findings: Finding[] = [
      ...misdirectedMailActions(v).map(warn),
      ...a.reasons.map((r) => ({
        text: msg('evaluation.reportable', { reason: r.text }),
        article: r.article,
        level: 'warning' as const,
      })),
      ...a.notes.map((n) => ({ text: n.text, article: n.article, level: 'info' as const })),
    ];
    return {
      ...base('misdirected_mail'),
      findings,
      severity: a.severity,
      ackMinutes: a.ackMinutes,
      routeExtras: { possibleLeak: a.possibleLeak },
      details: {
        possibleLeak: a.possibleLeak,
        mustReportToCommission: a.mustReportToCommission,
        notifyPersons: a.notifyPersons,
        reasons: a.reasons.map((r) => r.code),
        preliminaryReportDue: a.deadlines?.preliminary.toISOString() ?? null,
        finalReportDue: a.deadlines?.final.toISOString() ?? null,
      },
    };
  },
  password_leak: (v) => ({
    ...base('password_leak'),
    findings: passwordLeakActions(v).map(warn),
    details: { temporaryPassword: temporaryPasswordFacts(v) },
  }),
  device_lost: (v) => {
    const leak = deviceLostIsPossibleLeak(v);
    return {
      ...base('device_lost'),
      findings: deviceLostActions(v).map(warn),
      routeExtras: { possibleLeak: leak },
      details: { possibleLeak: leak },
    };
  },
  system_failure: (v, _now, dir) => {
    const affected = sectionsMentioned(dir, v.otherSections);
    return {
      ...base('system_failure'),
      routeExtras: { affectedSectionCodes: affected },
      details: { affectedSectionCodes: affected },
    };
  },
  cyber_attack: (v) => {
    // Personal data that may have leaked, or that nobody can rule out yet, goes to 統括 (12(5)②イ).
    const leak = v.personalData !== 'no';
    return {
      ...base('cyber_attack'),
      findings: cyberAttackActions(v).map(warn),
      routeExtras: { possibleLeak: leak },
      details: { possibleLeak: leak, damageContinues: v.damageContinues, connectionCut: v.connectionCut },
    };
  },
  takeout: (v) => {
    const e = evaluateTakeout(v);
    return {
      ...base('takeout'),
      refused: e.decision === 'refused',
      findings: [
        ...e.violations.map((f) => ({ text: f.message, article: f.article, level: 'refusal' as const })),
        ...e.notes.map((f) => ({ text: f.message, article: f.article, level: 'info' as const })),
      ],
      details: {
        decision: e.decision,
        requiredProtection: e.requiredProtection,
        ledger: e.ledger,
        permission: e.permission,
        noPermissionBasis: e.noPermissionBasis,
      },
    };
  },
  exception: (v) => {
    const stages = exceptionStages(v);
    return {
      ...base('exception'),
      ...(v.urgent ? { severity: 'high' as const, ackMinutes: 60 } : {}),
      routeExtras: { urgent: v.urgent },
      findings: v.urgent
        ? [
            {
              text: msg('evaluation.urgent_exception_may_carried_out'),
              article: '12(6)②',
              level: 'info',
            },
          ]
        : [
            {
              text: msg('evaluation.section_officer_endorses_then_chief'),
              article: '12(6)①',
              level: 'info',
            },
          ],
      details: { stages: stages.map((s) => s.stage) },
    };
  },
  software_install: () => ({
    ...base('software_install'),
    findings: [
      {
        text: msg('evaluation.do_not_install_change_settings'),
        article: '10(5)①',
        level: 'info',
      },
    ],
  }),
  wireless_lan: () => ({
    ...base('wireless_lan'),
    findings: [info(msg('permissions.wireless.evaluation'), '9(3)③')],
  }),
  external_connection: () => ({
    ...base('external_connection'),
    findings: [
      info(msg('permissions.external.evaluation_consult'), '11(2)②'),
      info(msg('permissions.external.evaluation_approval'), '11(2)③'),
    ],
  }),
  ic_card_renewal: () => ({
    ...base('ic_card_renewal'),
    findings: [info(msg('permissions.renewal.evaluation'), '10(9)③')],
  }),
  private_device: (v) => ({
    ...base('private_device'),
    findings: [
      {
        text: msg('evaluation.do_not_use_private_device'),
        // 10(4)② for a private terminal or medium, 10(3) for free mail or online storage.
        article: permissionArticles('private_device', v)[0] ?? '10(4)②',
        level: 'info',
      },
    ],
  }),
};

const info = (text: Localized, article: Citation): Finding => ({ text, article, level: 'info' });

export function evaluateCase<K extends CaseKind>(
  kind: K,
  value: FlowValues[K],
  now: Date,
  dir: Directory,
): CaseEvaluation {
  const e = (EVALUATORS[kind] as (v: FlowValues[K], now: Date, dir: Directory) => CaseEvaluation)(
    value,
    now,
    dir,
  );
  // The section officer's card says under which article they receive this case (case-articles.ts).
  return { ...e, routeExtras: { ...e.routeExtras, officerBasis: officerReceivesArticles(kind, value) } };
}
