import { Application, TurnState } from '@microsoft/teams-ai';
import { INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { SqlBotStorage } from '../storage/bot-state-storage';
import { registerCardRoutes, type CardHandlers } from './card-routes';
import type { BotDeps } from './deps';
import { t } from './i18n';
import { identityGuard } from './identity';
import { absenceCardHandlers } from './routes/absence-routes';
import { assignedCardHandlers } from './routes/assigned-routes';
import {
  broadcastStatusCardHandlers,
  registerBroadcastStatusRoutes,
  sendBroadcasts,
} from './routes/broadcast-status-routes';
import { approvalCardHandlers, registerApprovalRoutes } from './routes/approval-routes';
import { caseCardHandlers } from './routes/case-routes';
import { flowCardHandlers } from './routes/flow-routes';
import {
  menuCardHandlers,
  registerMenuRoutes,
  type IntentHandler,
  type IntentHandlers,
} from './routes/menu-routes';
import { CASE_KINDS, type CaseKind } from '../domain/cases';
import { sendMenu } from './menu';
import { sendAbsenceCard } from './routes/absence-routes';
import { sendAssigned } from './routes/assigned-routes';
import { sendMyCases } from './routes/case-routes';
import { startFlow } from './routes/flow-routes';
import { sendUnreachable } from './routes/unreachable-routes';
import { sendComplianceSummary } from './routes/compliance-routes';
import {
  directoryAdminCardHandlers,
  registerDirectoryAdminRoutes,
  sendDirectoryCheck,
  sendDirectoryExport,
  sendDirectoryImportCard,
} from './routes/directory-admin-routes';
import { registerWelcomeRoutes } from './routes/welcome-routes';
import { ledgerCardHandlers, sendLedger } from './routes/ledger-routes';
import { dutyCardHandlers, sendDutiesThisMonth } from './routes/duty-routes';
import { registerBroadcastInvokeRoutes, submitHandlers, type OutcomeHandlers } from './broadcast/outcome';
import { answerOutcomes } from './routes/broadcast-answer-routes';
import { composeOutcomes, startBroadcast } from './routes/broadcast-compose-routes';
import { manageOutcomes } from './routes/broadcast-manage-routes';
import { caseBroadcastOutcomes } from './routes/case-broadcast-routes';
import { mediaCardHandlers, sendMediaMenu } from './routes/media-routes';
import { contractCardHandlers, sendContracts } from './routes/contract-routes';
import { turnLocale } from './turn';
import { refuseSecuritySetting } from './routes/security-setting-routes';
import { guidanceCardHandlers, sendGuidance } from './routes/guidance-routes';

/** What every intent starts (menu buttons and free text), one entry per intent. */
export const INTENT_HANDLERS: IntentHandlers = {
  help: (ctx, deps) => sendMenu(ctx, deps),
  my_cases: (ctx, deps) => sendMyCases(ctx, deps),
  my_tasks: sendAssigned,
  absence: (ctx, deps) => sendAbsenceCard(ctx, deps),
  unreachable: sendUnreachable,
  compliance: sendComplianceSummary,
  directory_import: sendDirectoryImportCard,
  directory_export: sendDirectoryExport,
  directory_check: sendDirectoryCheck,
  broadcasts: sendBroadcasts,
  broadcast: startBroadcast,
  media: (ctx, deps) => sendMediaMenu(ctx, deps),
  ledger: sendLedger,
  duties: sendDutiesThisMonth,
  contracts: (ctx, deps) => sendContracts(ctx, deps),
  security_setting: refuseSecuritySetting,
  guidance: sendGuidance,
  ...(Object.fromEntries(
    CASE_KINDS.map(
      (kind) => [kind, (ctx, deps) => startFlow(ctx, kind, deps)] satisfies [CaseKind, IntentHandler],
    ),
  ) as Record<CaseKind, IntentHandler>),
};

/** Every broadcast card click, answered as an invoke (Action.Execute) or a submit alike. */
export const BROADCAST_OUTCOMES: OutcomeHandlers = {
  ...composeOutcomes,
  // A choice that opens a report starts that flow (with the broadcast on the draft).
  ...answerOutcomes((ctx, kind, deps) => startFlow(ctx, kind, deps)),
  ...manageOutcomes,
  // From a case card, and 統括's view of a relayed revision (12(4)⑤, 12(5)②エ, 12(5)③, 14(6)).
  ...caseBroadcastOutcomes,
};

export const CARD_HANDLERS: CardHandlers = {
  ...menuCardHandlers(INTENT_HANDLERS),
  ...flowCardHandlers,
  ...caseCardHandlers,
  ...approvalCardHandlers,
  ...absenceCardHandlers,
  ...assignedCardHandlers,
  ...directoryAdminCardHandlers,
  ...broadcastStatusCardHandlers,
  ...ledgerCardHandlers,
  ...submitHandlers(BROADCAST_OUTCOMES),
  ...mediaCardHandlers,
  ...dutyCardHandlers,
  ...contractCardHandlers,
  ...guidanceCardHandlers,
};

/** Every verb with a route; the card test checks templates against it. */
export const ROUTED_CARD_VERBS = Object.keys(CARD_HANDLERS);

export function createBotApp(deps: BotDeps): Application<TurnState> {
  const app = new Application<TurnState>({
    storage: new SqlBotStorage(deps.db, deps.clock),
    removeRecipientMention: true,
    startTypingTimer: false,
  });
  const guard = identityGuard(deps);
  app.turn('beforeTurn', async (ctx) => guard(ctx));
  // Order matters: first match wins. Card submits before free text.
  registerWelcomeRoutes(app, deps);
  // Directory card clicks and files sent in the chat, before the case cards' invoke and free text.
  registerDirectoryAdminRoutes(app, deps);
  registerBroadcastStatusRoutes(app, deps);
  registerBroadcastInvokeRoutes(app, deps, BROADCAST_OUTCOMES);
  registerApprovalRoutes(app, deps);
  registerCardRoutes(app, deps, CARD_HANDLERS);
  registerMenuRoutes(app, deps, INTENT_HANDLERS);
  return app;
}

/**
 * The turn logic handed to the adapter: a failing turn is logged (ids only) and the user gets a
 * Japanese apology instead of silence; the process never crashes on one bad activity.
 */
export function turnHandler(app: Application<TurnState>, deps: BotDeps) {
  return async (ctx: TurnContext): Promise<void> => {
    try {
      await app.run(ctx);
    } catch (err) {
      const e = err as Error;
      deps.logger.error(
        { activityId: ctx.activity.id, err: { name: e.name, message: e.message, stack: e.stack } },
        'turn failed',
      );
      try {
        if (ctx.activity.type === 'message') await ctx.sendActivity(t(turnLocale(ctx), 'error.generic'));
        // A card click that failed is answered with an error the client shows (not botbuilder's
        // 501 "not implemented", which would say the action does not exist).
        if (ctx.activity.type === 'invoke' && !ctx.turnState.get(INVOKE_RESPONSE_KEY))
          await ctx.sendActivity({
            type: 'invokeResponse',
            value: {
              status: 200,
              body: {
                statusCode: 500,
                type: 'application/vnd.microsoft.error',
                value: { code: 'InternalError', message: t(turnLocale(ctx), 'error.generic') },
              },
            },
          });
      } catch {
        // The client may be gone; the failure is already logged.
      }
    }
  };
}
