// What a staff member can ask the bot for. Flow intents follow ../shared/POLICY-MAP.md.
export const INTENTS = [
  'help',
  'lost_ic_card',
  'virus',
  'misdirected_mail',
  'takeout',
  'exception',
  'password_leak',
  'device_lost',
  'system_failure',
  'cyber_attack',
  'software_install',
  'private_device',
  'wireless_lan',
  'external_connection',
  'ic_card_renewal',
  // 10(4)⑦: changing a terminal's security settings is prohibited; refused at once with the article.
  'security_setting',
  'my_cases',
  // For officers (課情報セキュリティ責任者, 統括, IT管理者): what waits for them, and 不在 with delegation.
  'my_tasks',
  'absence',
  // For IT管理者 and 統括: who cannot be reached in Teams, with their phone numbers.
  'unreachable',
  // For 統括 and IT管理者: the compliance summary of the month so far (13(1)).
  'compliance',
  // For IT管理者 (6ウ: they keep the contact tree): import with a diff first, export, and check it
  // (the check also for 統括).
  'directory_import',
  'directory_export',
  'directory_check',
  // For the sender, 統括, IT管理者 and section officers (their own sections): broadcast results.
  'broadcasts',
  // For IT管理者, 統括 and section officers: an alert over the contact tree (6ウ, 12(5)②エ, 10(2)②).
  'broadcast',
  // Media records (8(3)②アイオ): officers record handovers and stored media; anyone may ask to
  // dispose of an asset, which the section officer permits first.
  'media',
  // For section officers (and deputies), 統括 and IT管理者: the standard's ledgers (10(4)⑥, 12(5), 12(6), 8(3)②).
  'ledger',
  // For section officers (and deputies) and 統括: the periodic duties due this month (定期業務).
  'duties',
  // Contracts with contractors (12(1)③): section officers and deputies register them, 統括 sees
  // all; the end of the work opens the 12(1)③ケ duty.
  'contracts',
  // 13(3): section officers record guidance to a member who broke the policy; 統括 sees the list, a
  // member their own record.
  'guidance',
] as const;
export type Intent = (typeof INTENTS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}
