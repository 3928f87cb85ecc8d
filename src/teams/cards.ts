// Adaptive Card templates (cards/*.json) and the data each one needs. Every template has a zod
// schema: data is validated before expansion, so a card never goes out half-filled. The caller
// wraps the returned JSON into an attachment; this file has no Teams SDK dependency.
import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { z } from 'zod';
import { INTENTS, type Intent } from '../domain/intents';
import { t, intentTitle, type Locale, type MessageKey } from './i18n';

const IntentSchema = z.enum(INTENTS);
const TextSchema = z.string().min(1);

const MenuButtonSchema = z.object({ title: TextSchema, intent: IntentSchema });

export const MenuCardDataSchema = z.object({
  title: TextSchema,
  intro: TextSchema,
  /** Display name; empty hides the greeting (install events carry no name). */
  userName: z.string(),
  /** Greeting containing `{userName}`, which the template replaces with `userName`. */
  greeting: TextSchema.refine((s) => s.includes('{userName}'), 'greeting must contain {userName}'),
  reportHeading: TextSchema,
  reportButtons: z.array(MenuButtonSchema).min(1),
  requestHeading: TextSchema,
  requestButtons: z.array(MenuButtonSchema).min(1),
  myCasesButton: MenuButtonSchema,
  freeTextHint: TextSchema,
  emergency: TextSchema,
  emergencyBasis: TextSchema,
});
export type MenuCardData = z.infer<typeof MenuCardDataSchema>;

const InstructionSchema = z.object({ text: TextSchema, basis: TextSchema });

export const FlowPendingCardDataSchema = z.object({
  title: TextSchema,
  instructionsHeading: TextSchema,
  instructions: z.array(InstructionSchema).max(3),
  comingSoon: TextSchema,
  backToMenu: TextSchema,
});
export type FlowPendingCardData = z.infer<typeof FlowPendingCardDataSchema>;

export const UnknownUserCardDataSchema = z.object({
  title: TextSchema,
  message: TextSchema,
  emergency: TextSchema,
  emergencyBasis: TextSchema,
});
export type UnknownUserCardData = z.infer<typeof UnknownUserCardDataSchema>;

export const CARD_TEMPLATES = {
  menu: { file: 'menu.json', schema: MenuCardDataSchema },
  'flow-pending': { file: 'flow-pending.json', schema: FlowPendingCardDataSchema },
  'unknown-user': { file: 'unknown-user.json', schema: UnknownUserCardDataSchema },
} as const satisfies Record<string, { file: string; schema: z.ZodType }>;

export type CardTemplateName = keyof typeof CARD_TEMPLATES;
export type CardData<N extends CardTemplateName> = z.infer<(typeof CARD_TEMPLATES)[N]['schema']>;

export function isCardTemplateName(value: string): value is CardTemplateName {
  return Object.hasOwn(CARD_TEMPLATES, value);
}

/** A rendered card: plain JSON, ready for `CardFactory.adaptiveCard()`. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: '1.5';
  body: unknown[];
  [key: string]: unknown;
}

/** The repository root: the nearest folder above this file holding package.json (src/ or dist/src/). */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`package.json not found above ${start}`);
  }
}

export const CARDS_DIR = path.join(findRepoRoot(__dirname), 'cards');

// Read-only after first load: template JSON is immutable and shared by every turn.
const templateCache = new Map<CardTemplateName, unknown>();

function loadTemplate(name: CardTemplateName): unknown {
  let json = templateCache.get(name);
  if (json === undefined) {
    const file = path.join(CARDS_DIR, CARD_TEMPLATES[name].file);
    json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    templateCache.set(name, json);
  }
  return json;
}

/** Validates `data` against the template's schema (throws on bad data) and expands the template. */
export function renderCard<N extends CardTemplateName>(name: N, data: CardData<N>): AdaptiveCardJson {
  const parsed = CARD_TEMPLATES[name].schema.parse(data);
  // A fresh Template per render: it keeps its evaluation context on the instance.
  const expanded: unknown = new ACData.Template(loadTemplate(name)).expand({ $root: parsed });
  if (
    typeof expanded !== 'object' ||
    expanded === null ||
    (expanded as { type?: unknown }).type !== 'AdaptiveCard' ||
    (expanded as { version?: unknown }).version !== '1.5' ||
    !Array.isArray((expanded as { body?: unknown }).body)
  ) {
    throw new Error(`card template "${name}" did not expand to an Adaptive Card 1.5`);
  }
  return expanded as AdaptiveCardJson;
}

function basis(locale: Locale, article: string): string {
  return t(locale, 'basis.article', { article });
}

const REPORT_INTENTS = [
  'lost_ic_card',
  'virus',
  'misdirected_mail',
  'password_leak',
  'device_lost',
  'system_failure',
] as const satisfies readonly Intent[];

const REQUEST_INTENTS = [
  'takeout',
  'exception',
  'software_install',
  'private_device',
] as const satisfies readonly Intent[];

export function buildMenuCard(locale: Locale, userName: string): AdaptiveCardJson {
  const button = (intent: Intent) => ({ title: intentTitle(locale, intent), intent });
  return renderCard('menu', {
    title: t(locale, 'menu.title'),
    intro: t(locale, 'menu.intro'),
    userName,
    greeting: t(locale, 'menu.greeting'),
    reportHeading: t(locale, 'menu.reportHeading'),
    reportButtons: REPORT_INTENTS.map(button),
    requestHeading: t(locale, 'menu.requestHeading'),
    requestButtons: REQUEST_INTENTS.map(button),
    myCasesButton: button('my_cases'),
    freeTextHint: t(locale, 'menu.freeTextHint'),
    // 職員 report incidents to the section officer at once (10(6)①); the phone is the fallback.
    emergency: t(locale, 'menu.emergency'),
    emergencyBasis: basis(locale, '10(6)①'),
  });
}

type InstructionKey = Extract<MessageKey, `instruction.${string}`>;

/**
 * What the standard tells the person to do at once, per intent, before any form exists.
 * Each line cites its article so staff see why (POLICY-MAP.md).
 */
export const IMMEDIATE_INSTRUCTIONS: {
  readonly [I in Intent]: readonly { key: InstructionKey; article: string }[];
} = {
  help: [],
  my_cases: [],
  lost_ic_card: [
    { key: 'instruction.lost_ic_card.report', article: '10(9)①エ' },
    { key: 'instruction.lost_ic_card.stop', article: '10(9)②' },
  ],
  // Disconnect first, before any question; keep the evidence (power on, nothing deleted).
  virus: [
    { key: 'instruction.virus.disconnect', article: '11(3)⑤' },
    { key: 'instruction.virus.preserve', article: '12(5)②ク' },
  ],
  misdirected_mail: [
    { key: 'instruction.misdirected_mail.report', article: '10(6)①' },
    { key: 'instruction.misdirected_mail.delete', article: '12(5)②ア' },
  ],
  takeout: [
    { key: 'instruction.takeout.permission', article: '10(4)①' },
    { key: 'instruction.takeout.protect', article: '8(3)①オ' },
  ],
  exception: [{ key: 'instruction.exception.permission', article: '12(6)①' }],
  password_leak: [{ key: 'instruction.password_leak.report', article: '10(8)②カ' }],
  device_lost: [
    { key: 'instruction.device_lost.report', article: '10(6)①' },
    { key: 'instruction.device_lost.wipe', article: '10(4)③' },
  ],
  system_failure: [{ key: 'instruction.system_failure.report', article: '12(5)①イ' }],
  software_install: [{ key: 'instruction.software_install.permission', article: '10(5)①' }],
  private_device: [
    { key: 'instruction.private_device.permission', article: '10(4)②' },
    { key: 'instruction.private_device.service', article: '10(3)' },
  ],
};

export function buildFlowPendingCard(locale: Locale, intent: Intent): AdaptiveCardJson {
  return renderCard('flow-pending', {
    title: intentTitle(locale, intent),
    instructionsHeading: t(locale, 'flowPending.instructionsHeading'),
    instructions: IMMEDIATE_INSTRUCTIONS[intent].map(({ key, article }) => ({
      text: t(locale, key),
      basis: basis(locale, article),
    })),
    comingSoon: t(locale, 'flowPending.comingSoon'),
    backToMenu: t(locale, 'flowPending.backToMenu'),
  });
}

export function buildUnknownUserCard(locale: Locale): AdaptiveCardJson {
  return renderCard('unknown-user', {
    title: t(locale, 'unknownUser.title'),
    message: t(locale, 'unknownUser.message'),
    emergency: t(locale, 'unknownUser.emergency'),
    emergencyBasis: basis(locale, '10(6)①'),
  });
}
