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
  'software_install',
  'private_device',
  'my_cases',
] as const;
export type Intent = (typeof INTENTS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}
