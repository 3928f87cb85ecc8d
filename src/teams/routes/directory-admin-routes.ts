// Keeping the contact tree in Teams (緊急連絡網, 6ウ: the IT管理者 keeps it):
// - 連絡網の取込: the IT管理者 sends the CSV as a file in the 1:1 chat, or pastes it on the card; the
//   bot answers with the diff and 取り込む / 中止 (Action.Execute, the staged id only) or with every
//   problem of the file. Nothing changes before 取り込む, re-checked at the click.
// - 連絡網の出力: short-lived download links (CSV, XLSX, printable phone tree).
// - 連絡網の確認: who cannot be reached, who has no phone, sections without officer or deputy
//   (IT管理者 and 統括).
// Deny by default: everyone else is refused, and every refusal is audited by the services.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { formatJst } from '../../domain/clock';
import { checkDirectory } from '../../services/directory-check-service';
import { createExportLinks } from '../../services/directory-export-links';
import {
  applyStagedImport,
  cancelStagedImport,
  decodeCsvBytes,
  mayImportDirectory,
  openDirectoryImport,
  stageDirectoryImport,
  type DecideResult,
  type DeniedReason,
  type StageResult,
} from '../../services/directory-import-service';
import { CardActionSchema, type CardAction } from '../card-actions';
import type { CardHandler, CardHandlers } from '../card-routes';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { buildDirectoryCheckCard } from '../cards/directory-check';
import { buildDirectoryDiffCard } from '../cards/directory-diff';
import { buildDirectoryErrorsCard } from '../cards/directory-errors';
import { buildDirectoryExportCard } from '../cards/directory-export';
import { buildDirectoryImportCard, PASTE_MAX_LENGTH, PREFILL_MAX_BYTES } from '../cards/directory-import';
import type { BotDeps, DirectoryAdminDeps } from '../deps';
import { downloadSentFile, isCsvFile, MAX_UPLOAD_BYTES, sentFile } from '../file-download';
import { msg, t, type Locale, type Msg } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';

type DirectoryVerbAction = Extract<CardAction, { verb: `directory.${string}` }>;

const DEFAULTS: DirectoryAdminDeps = {
  publicBaseUrl: () => undefined,
  allowHttpDownloads: false,
  serviceUrlConfigured: false,
};
const adminDeps = (deps: BotDeps): DirectoryAdminDeps => deps.directoryAdmin ?? DEFAULTS;
const actorOf = (ctx: TurnContext) => ({
  kind: 'person' as const,
  aadObjectId: actingPerson(ctx).aadObjectId,
});
const noticeCard = (locale: Locale, text: Msg): AdaptiveCardJson =>
  renderCard('notice', {
    title: t(locale, 'dirAdmin.import.title'),
    text: t(locale, text),
    basis: '',
    buttons: [],
  });

// --- 連絡網の取込 ---------------------------------------------------------------------------------

export async function sendDirectoryImportCard(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const locale = turnLocale(ctx);
  const r = await openDirectoryImport(deps.db, deps.clock, actorOf(ctx), { maxBytes: PREFILL_MAX_BYTES });
  if (!r.ok) {
    deps.logger.warn({ personId: actingPerson(ctx).id }, 'directory import refused');
    await ctx.sendActivity(t(locale, 'dirAdmin.import.denied'));
    return;
  }
  await ctx.sendActivity({ attachments: [cardAttachment(buildDirectoryImportCard(locale, r.context))] });
}

/** The card answering a stage: the diff, every problem of the file, or why nothing was staged. */
function stagedCard(locale: Locale, r: StageResult): AdaptiveCardJson {
  if (!r.ok)
    return r.reason === 'invalid'
      ? buildDirectoryErrorsCard(locale, r.errors)
      : noticeCard(locale, msg('dirAdmin.import.denied'));
  if (r.unchanged) return noticeCard(locale, msg('dirAdmin.import.unchanged'));
  return buildDirectoryDiffCard(locale, r.view, { kind: 'pending', stagedId: r.stagedId });
}

async function stagePasted(ctx: TurnContext, deps: BotDeps, payload: Record<string, unknown>) {
  const locale = turnLocale(ctx);
  const text = typeof payload.csvText === 'string' ? payload.csvText : '';
  if (text.length > PASTE_MAX_LENGTH)
    return buildDirectoryErrorsCard(
      locale,
      [],
      msg('dirAdmin.import.pasteTooLong', { length: text.length, max: PASTE_MAX_LENGTH }),
    );
  if (text.trim() === '') return buildDirectoryErrorsCard(locale, [], msg('dirAdmin.import.empty'));
  const r = await stageDirectoryImport(
    deps.db,
    deps.clock,
    { csv: text },
    { source: 'teams:paste', actor: actorOf(ctx) },
  );
  deps.logger.info({ personId: actingPerson(ctx).id, ok: r.ok, via: 'paste' }, 'directory import staged');
  return stagedCard(locale, r);
}

const REFUSALS: Record<DeniedReason, Msg> = {
  // Not theirs (or no such import): one answer, so walking ids tells nothing.
  not_it_admin: msg('dirAdmin.refused.unavailable'),
  not_found: msg('dirAdmin.refused.unavailable'),
  not_yours: msg('dirAdmin.refused.unavailable'),
  applied: msg('dirAdmin.refused.applied'),
  cancelled: msg('dirAdmin.refused.cancelled'),
  superseded: msg('dirAdmin.refused.superseded'),
  directory_changed: msg('dirAdmin.refused.directory_changed'),
  invalid: msg('dirAdmin.refused.invalid'),
};

function decidedCard(locale: Locale, r: DecideResult): AdaptiveCardJson {
  if (!r.ok) return noticeCard(locale, REFUSALS[r.reason]);
  const at = formatJst(new Date(r.staged.decidedAt ?? r.staged.stagedAt));
  return buildDirectoryDiffCard(
    locale,
    r.view,
    r.staged.status === 'applied'
      ? { kind: 'applied', at, dutiesOpened: r.dutiesOpened ?? 0 }
      : { kind: 'cancelled', at },
  );
}

/** Every directory card click (Action.Execute, or its Action.Submit fallback) → the card to show. */
async function handleDirectoryVerb(
  ctx: TurnContext,
  deps: BotDeps,
  action: DirectoryVerbAction,
  payload: Record<string, unknown>,
): Promise<AdaptiveCardJson> {
  const locale = turnLocale(ctx);
  const person = actingPerson(ctx);
  switch (action.verb) {
    case 'directory.import.stage':
      return stagePasted(ctx, deps, payload);
    case 'directory.import.apply': {
      const r = await applyStagedImport(deps.db, deps.clock, action.stagedId, actorOf(ctx), {
        dutyDueDays: adminDeps(deps).peopleChangeDueDays,
      });
      deps.logger.info(
        { personId: person.id, stagedId: action.stagedId, ok: r.ok, reason: r.ok ? null : r.reason },
        'directory import apply',
      );
      return decidedCard(locale, r);
    }
    case 'directory.import.cancel': {
      const r = await cancelStagedImport(deps.db, deps.clock, action.stagedId, actorOf(ctx));
      deps.logger.info(
        { personId: person.id, stagedId: action.stagedId, ok: r.ok, reason: r.ok ? null : r.reason },
        'directory import cancel',
      );
      return decidedCard(locale, r);
    }
  }
}

/** A file sent in the chat: only an IT管理者's CSV is downloaded at all. */
async function receiveFile(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const locale = turnLocale(ctx);
  const file = sentFile(ctx.activity.attachments);
  if (!file) return;
  const reply = async (card: AdaptiveCardJson) => {
    await ctx.sendActivity({ attachments: [cardAttachment(card)] });
  };
  // Deny by default, before anything is fetched: a file from anyone else is not even downloaded.
  if (!(await mayImportDirectory(deps.db, deps.clock, actorOf(ctx), 'file'))) {
    deps.logger.warn({ personId: actingPerson(ctx).id }, 'file refused: not an IT administrator');
    await ctx.sendActivity(t(locale, 'dirAdmin.import.fileDenied'));
    return;
  }
  if (!isCsvFile(file)) return reply(buildDirectoryErrorsCard(locale, [], msg('dirAdmin.import.notCsv')));
  const got = await downloadSentFile(file, { allowHttp: adminDeps(deps).allowHttpDownloads });
  if (!got.ok) {
    deps.logger.warn({ personId: actingPerson(ctx).id, reason: got.reason }, 'file download failed');
    return reply(
      buildDirectoryErrorsCard(
        locale,
        [],
        got.reason === 'too_large'
          ? msg('dirAdmin.import.tooLarge', { max: MAX_UPLOAD_BYTES / (1024 * 1024) })
          : msg('dirAdmin.import.downloadFailed'),
      ),
    );
  }
  const decoded = decodeCsvBytes(got.bytes);
  if (!decoded.ok) return reply(buildDirectoryErrorsCard(locale, [], msg('dirAdmin.import.encoding')));
  const r = await stageDirectoryImport(
    deps.db,
    deps.clock,
    { csv: decoded.text },
    { source: `teams:file:${file.name.slice(0, 100)}`, actor: actorOf(ctx) },
  );
  deps.logger.info({ personId: actingPerson(ctx).id, ok: r.ok, via: 'file' }, 'directory import staged');
  await reply(stagedCard(locale, r));
}

// --- 連絡網の出力 / 連絡網の確認 --------------------------------------------------------------------

export async function sendDirectoryExport(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const locale = turnLocale(ctx);
  const person = actingPerson(ctx);
  const base = adminDeps(deps).publicBaseUrl();
  // Refused before any link exists; without a base URL no token is made at all (nothing to click).
  const r = await createExportLinks(deps.db, deps.clock, person.aadObjectId, {
    makeLinks: base !== undefined,
  });
  if (!r.ok) {
    deps.logger.warn({ personId: person.id }, 'directory export refused');
    await ctx.sendActivity(t(locale, 'dirAdmin.export.denied'));
    return;
  }
  const card = buildDirectoryExportCard(
    locale,
    base
      ? {
          expiresAt: r.expiresAt,
          items: r.links.map((l) => ({ kind: l.kind, url: `${base}/exports/${l.token}` })),
        }
      : null,
  );
  await ctx.sendActivity({ attachments: [cardAttachment(card)] });
}

export async function sendDirectoryCheck(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const locale = turnLocale(ctx);
  const person = actingPerson(ctx);
  const r = await checkDirectory(deps.db, deps.clock, person, {
    serviceUrlConfigured: adminDeps(deps).serviceUrlConfigured,
  });
  if (!r.ok) {
    deps.logger.warn({ personId: person.id }, 'directory check refused');
    await ctx.sendActivity(t(locale, 'dirAdmin.check.denied'));
    return;
  }
  await ctx.sendActivity({ attachments: [cardAttachment(buildDirectoryCheckCard(locale, r.check))] });
}

// --- routes -------------------------------------------------------------------------------------

function isDirectoryExecute(ctx: TurnContext): boolean {
  const a = ctx.activity;
  const verb = (a.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return (
    a.type === 'invoke' &&
    a.name === 'adaptiveCard/action' &&
    typeof verb === 'string' &&
    verb.startsWith('directory.')
  );
}

/**
 * Registered before the case cards' invoke route and before the free-text route: directory card
 * clicks (Action.Execute) and files sent in the chat.
 */
export function registerDirectoryAdminRoutes(app: Application<TurnState>, deps: BotDeps): void {
  app.addRoute(
    async (ctx) => isDirectoryExecute(ctx),
    async (ctx) => {
      const action = (ctx.activity.value as { action?: { verb?: unknown; data?: unknown } }).action;
      const data =
        action?.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
      const parsed = CardActionSchema.safeParse({ ...data, verb: action?.verb });
      const invoke = (body: unknown) =>
        ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
      if (!parsed.success || !parsed.data.verb.startsWith('directory.')) {
        await invoke({
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: t(turnLocale(ctx), 'error.invalidAction') },
        });
        return;
      }
      const card = await handleDirectoryVerb(ctx, deps, parsed.data as DirectoryVerbAction, data);
      await invoke({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });
    },
    true,
  );
  app.message(
    async (ctx) => ctx.activity.type === 'message' && sentFile(ctx.activity.attachments) !== undefined,
    async (ctx) => receiveFile(ctx, deps),
  );
}

/** Action.Submit fallback of the directory cards: the same handling, replacing the clicked card. */
function submitFallback<V extends DirectoryVerbAction['verb']>(): CardHandler<V> {
  return async (ctx, action, deps) => {
    const card = await handleDirectoryVerb(
      ctx,
      deps,
      action as DirectoryVerbAction,
      ctx.activity.value as Record<string, unknown>,
    );
    const activity = { attachments: [cardAttachment(card)] };
    if (ctx.activity.replyToId) {
      try {
        await ctx.updateActivity({ ...activity, type: 'message', id: ctx.activity.replyToId });
        return;
      } catch {
        // Some clients cannot update; fall back to a new message.
      }
    }
    await ctx.sendActivity(activity);
  };
}

export const directoryAdminCardHandlers: Pick<CardHandlers, DirectoryVerbAction['verb']> = {
  'directory.import.stage': submitFallback(),
  'directory.import.apply': submitFallback(),
  'directory.import.cancel': submitFallback(),
};
