// The main menu (cards/menu.json): every case kind, incidents under 報告する and requests under 申請する.
import { INCIDENT_KINDS, REQUEST_KINDS } from '../../domain/cases';
import type { Intent } from '../../domain/intents';
import { isRoleFiledKind } from '../../domain/policy/network-requests';
import { basis } from '../citation';
import { intentTitle, t, type Locale } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { UrgentLine } from './types';

const REPORT_INTENTS = INCIDENT_KINDS satisfies readonly Intent[];
const REQUEST_INTENTS = REQUEST_KINDS satisfies readonly Intent[];

export function buildMenuCard(
  locale: Locale,
  userName: string,
  opts: {
    officer?: boolean;
    admin?: boolean;
    itAdmin?: boolean;
    broadcasts?: boolean;
    broadcast?: boolean;
    /** 「台帳」: section officers and deputies, 統括, IT管理者 (domain/ledger-reading.ts). */
    ledger?: boolean;
    /** 「今月の定期業務」: section officers and deputies, 統括 (domain/duty-access.ts). */
    duties?: boolean;
    emergency?: UrgentLine;
  } = {},
): AdaptiveCardJson {
  const button = (intent: Intent) => ({ title: intentTitle(locale, intent), intent });
  return renderCard('menu', {
    title: t(locale, 'menu.title'),
    intro: t(locale, 'menu.intro'),
    userName,
    greeting: t(locale, 'menu.greeting'),
    reportHeading: t(locale, 'menu.reportHeading'),
    reportButtons: REPORT_INTENTS.map(button),
    requestHeading: t(locale, 'menu.requestHeading'),
    // 9(3)③, 11(2)③ and 10(9)③ are filed by officers and IT管理者 (policy/network-requests.ts): role holders
    // see them; startFlow still refuses anyone who may not file them.
    requestButtons: REQUEST_INTENTS.filter(
      (k) => !isRoleFiledKind(k) || opts.officer === true || opts.itAdmin === true,
    ).map(button),
    myCasesButton: button('my_cases'),
    officerButtons: [
      ...(opts.officer ? [button('my_tasks'), button('absence')] : []),
      // 媒体の記録 (8(3)②アイオ) for role holders; staff reach the disposal request by typing it.
      ...(opts.officer ? [button('media')] : []),
      // 委託契約 (12(1)③) for role holders; contractOverview refuses anyone without a section's
      // officer or deputy role (or 統括).
      ...(opts.officer ? [button('contracts')] : []),
      // 指導記録 (13(3)) for role holders; a member reaches their own record by typing it.
      ...(opts.officer ? [button('guidance')] : []),
      // 連絡不可一覧 for IT管理者 and 統括 (listUnreachable refuses everyone else).
      ...(opts.admin ? [button('unreachable')] : []),
      // 遵守状況 (13(1)) for 統括 and IT管理者 (requestComplianceSummary refuses everyone else).
      ...(opts.admin ? [button('compliance')] : []),
      // The contact tree (6ウ): import and export for IT管理者, the check also for 統括 (the
      // services refuse everyone else).
      ...(opts.itAdmin ? [button('directory_import'), button('directory_export')] : []),
      ...(opts.admin ? [button('directory_check')] : []),
      // 通知の状況 for IT管理者, 統括, section officers and senders (listFollowedBroadcasts refuses others).
      ...(opts.admin || opts.broadcasts ? [button('broadcasts')] : []),
      // 一斉通知 for those who may send one (IT管理者, 統括, section officers; 統括 and IT管理者 always).
      ...((opts.broadcast ?? opts.admin) ? [button('broadcast')] : []),
      ...((opts.ledger ?? opts.admin) ? [button('ledger')] : []),
      ...((opts.duties ?? opts.officer) ? [button('duties')] : []),
    ],
    freeTextHint: t(locale, 'menu.freeTextHint'),
    // 職員 report incidents to the section officer at once (10(6)①); the phone is the fallback —
    // named from the directory when the caller knows the person (teams/urgent-line.ts).
    emergency: opts.emergency?.text ?? t(locale, 'menu.emergency'),
    emergencyBasis: opts.emergency?.basis ?? basis(locale, '10(6)①'),
  });
}
