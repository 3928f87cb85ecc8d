// 「台帳」: the ledger card for officers, 統括 and IT管理者 (services/ledgers.ts decides who reads
// which sections; a refusal is audited). Every click reloads the ledger for the acting person, who
// the identity guard has just looked up again from activity.from.aadObjectId in the directory.
import type { TurnContext } from 'botbuilder';
import { formatJst } from '../../domain/clock';
import type { LedgerKind } from '../../domain/ledgers';
import { addDays, jstDateOf } from '../../domain/policy/jst';
import { createLedgerExportLink } from '../../services/ledger-export-links';
import {
  defaultLedgerRegistry,
  readLedgerPage,
  type LedgerRegistry,
  type PageDirection,
} from '../../services/ledgers';
import type { CardAction } from '../card-actions';
import type { CardHandlers } from '../card-routes';
import { buildLedgerCard } from '../cards/ledger';
import type { BotDeps } from '../deps';
import { t, type Locale } from '../i18n';
import { LEDGER_VERBS } from '../ledger/verbs';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';

/** Rows per card page (the card stays well under Teams' 40 KB). */
export const LEDGER_CARD_PAGE = 5;
/** The card's default period: the last 90 days, today included (JST). */
const DEFAULT_DAYS = 90;

const registryOf = (deps: BotDeps): LedgerRegistry => deps.ledgers ?? defaultLedgerRegistry(deps.clock);

interface Shown {
  kind?: LedgerKind;
  from?: string;
  to?: string;
  direction: PageDirection;
  cursor?: { at: string; key: string };
}

async function sendLedgerPage(ctx: TurnContext, deps: BotDeps, shown: Shown): Promise<void> {
  const locale = turnLocale(ctx);
  const person = actingPerson(ctx);
  const registry = registryOf(deps);
  const today = jstDateOf(deps.clock.now());
  const kind = shown.kind ?? registry.kinds[0];
  const from = shown.from ?? addDays(shown.to ?? today, -(DEFAULT_DAYS - 1));
  const to = shown.to ?? today;
  if (!kind) {
    await ctx.sendActivity(t(locale, 'ledger.unknownKind'));
    return;
  }
  const r = await readLedgerPage(deps.db, deps.clock, registry, {
    personId: person.id,
    kind,
    period: { from, to },
    via: 'card',
    direction: shown.direction,
    ...(shown.cursor ? { cursor: shown.cursor } : {}),
    limit: LEDGER_CARD_PAGE,
  });
  if (!r.ok) {
    deps.logger.warn({ personId: person.id, kind, reason: r.reason }, 'ledger read refused');
    await ctx.sendActivity(t(locale, refusalKey(r.reason)));
    return;
  }
  const card = buildLedgerCard(locale, {
    view: r.view,
    kinds: registry.kinds.flatMap((k) => {
      const source = registry.get(k);
      return source ? [{ kind: k, title: t(locale, source.title) }] : [];
    }),
    from,
    to,
    sectionNames: r.view.sectionNames,
  });
  await ctx.sendActivity({ attachments: [cardAttachment(card)] });
}

function refusalKey(reason: string): 'ledger.denied' | 'ledger.invalidPeriod' | 'ledger.unknownKind' {
  if (reason === 'invalid_period') return 'ledger.invalidPeriod';
  if (reason === 'unknown_kind') return 'ledger.unknownKind';
  return 'ledger.denied';
}

/** 「台帳」 typed or chosen from the menu: the first ledger, the last 90 days. */
export async function sendLedger(ctx: TurnContext, deps: BotDeps): Promise<void> {
  await sendLedgerPage(ctx, deps, { direction: 'first' });
}

/** CSV / Excel: a short-lived download link for the acting reader (checked again at download). */
async function offerLedgerExport(
  ctx: TurnContext,
  deps: BotDeps,
  a: Extract<CardAction, { verb: 'ledger.export' }>,
): Promise<void> {
  const locale: Locale = turnLocale(ctx);
  const person = actingPerson(ctx);
  const base = deps.directoryAdmin?.publicBaseUrl();
  const r = await createLedgerExportLink(
    deps.db,
    deps.clock,
    registryOf(deps),
    { personId: person.id, kind: a.kind, from: a.from, to: a.to, format: a.format, locale },
    { makeLink: base !== undefined },
  );
  if (!r.ok) {
    deps.logger.warn({ personId: person.id, kind: a.kind, reason: r.reason }, 'ledger export refused');
    await ctx.sendActivity(t(locale, refusalKey(r.reason)));
    return;
  }
  const params = { kind: a.kind, from: a.from, to: a.to, format: a.format };
  if (!base || !r.token) {
    await ctx.sendActivity(t(locale, 'ledger.export.unavailable', params));
    return;
  }
  const source = registryOf(deps).get(a.kind);
  await ctx.sendActivity(
    `${t(locale, 'ledger.export.link', {
      title: source?.title ?? a.kind,
      from: a.from.replaceAll('-', '/'),
      to: a.to.replaceAll('-', '/'),
      format: a.format.toUpperCase(),
      until: formatJst(new Date(r.expiresAt)),
    })}\n\n[${t(locale, 'ledger.export.download')}](${base}/exports/${r.token})`,
  );
}

type LedgerVerb = (typeof LEDGER_VERBS)[keyof typeof LEDGER_VERBS];

export const ledgerCardHandlers: Pick<CardHandlers, LedgerVerb> = {
  'ledger.show': (ctx, a, deps) =>
    sendLedgerPage(ctx, deps, {
      direction: 'first',
      ...(a.kind ? { kind: a.kind } : {}),
      ...(a.from ? { from: a.from } : {}),
      ...(a.to ? { to: a.to } : {}),
    }),
  'ledger.page': (ctx, a, deps) =>
    sendLedgerPage(ctx, deps, {
      kind: a.kind,
      from: a.from,
      to: a.to,
      direction: a.dir,
      cursor: { at: a.at, key: a.key },
    }),
  'ledger.export': (ctx, a, deps) => offerLedgerExport(ctx, deps, a),
};
