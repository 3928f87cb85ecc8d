// 13(3) guidance (services/guidance-service.ts): the officer's form and list, the follow-up card on
// the improve-by date, and the member's own record. A route parses, calls one service, renders.
import type { TurnContext } from 'botbuilder';
import { parseGuidanceInput, parseSuspensionInput, type GuidanceInputError } from '../../domain/guidance';
import {
  decideGuidance,
  GUIDANCE_ARTICLE,
  guidanceForDecision,
  guidanceMembers,
  guidanceNames,
  listGuidance,
  recordGuidance,
  todayJst,
} from '../../services/guidance-service';
import type { GuidanceRecord } from '../../services/guidance-service';
import type { SqlClient } from '../../services/guidance-service';
import type { CardHandlers } from '../card-routes';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { basis, withCitation } from '../citation';
import type { BotDeps } from '../deps';
import { t, type Locale } from '../i18n';
import { cardAttachment } from '../send';
import { actingPerson, turnLocale } from '../turn';
import type { MessageKey } from '../../i18n';

const ERROR_KEYS: Readonly<Record<GuidanceInputError, MessageKey>> = {
  member: 'guidance.error.member',
  rule: 'guidance.error.rule',
  guidance: 'guidance.error.guidance',
  improve_by: 'guidance.error.improve_by',
  systems: 'guidance.error.systems',
  from: 'guidance.error.from',
  kind: 'guidance.error.kind',
};

function errorText(locale: Locale, errors: readonly GuidanceInputError[]): string {
  return errors.map((e) => t(locale, ERROR_KEYS[e])).join('\n\n');
}

/** Members of the sections the officer (or deputy) may guide, never the officer themself. */
async function membersOf(deps: BotDeps, officerId: string): Promise<{ title: string; value: string }[]> {
  return (await guidanceMembers(deps.db, officerId)).map((m) => ({
    title: `${m.name}（${m.section}）`,
    value: m.id,
  }));
}

function statusText(locale: Locale, g: GuidanceRecord): string {
  if (g.status === 'suspended' && g.suspension)
    return t(locale, 'guidance.status.suspended', { from: g.suspension.from, systems: g.suspension.systems });
  return t(locale, g.status === 'improved' ? 'guidance.status.improved' : 'guidance.status.guided');
}

async function sendList(ctx: TurnContext, deps: BotDeps, locale: Locale): Promise<void> {
  const person = actingPerson(ctx);
  const { entries } = await listGuidance(deps.db, person);
  const names = await guidanceNames(deps.db);
  const lines = entries.map((g) =>
    t(locale, 'guidance.list.line', {
      id: g.id,
      section: names.section(g.sectionCode),
      name: names.person(g.memberId),
      rule: g.rule,
      date: g.improveBy,
      status: statusText(locale, g),
    }),
  );
  const body = [
    t(locale, 'guidance.list.title'),
    ...(lines.length ? lines : [t(locale, 'guidance.list.empty')]),
  ];
  // What officers typed is quoted: plain text, never Markdown.
  await ctx.sendActivity({
    text: withCitation(locale, body.join('\n'), GUIDANCE_ARTICLE),
    textFormat: 'plain',
  });
}

function formCard(
  locale: Locale,
  members: { title: string; value: string }[],
  today: string,
  values: Record<string, unknown> = {},
  error = '',
): AdaptiveCardJson {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  return renderCard('guidance-form', {
    title: t(locale, 'guidance.title'),
    basis: basis(locale, GUIDANCE_ARTICLE),
    error,
    intro: t(locale, 'guidance.intro'),
    memberLabel: t(locale, 'guidance.field.member'),
    memberValue: members.some((m) => m.value === str('memberId')) ? str('memberId') : '',
    members,
    ruleLabel: t(locale, 'guidance.field.rule'),
    ruleValue: str('rule').slice(0, 300),
    guidanceLabel: t(locale, 'guidance.field.guidance'),
    guidanceValue: str('guidance').slice(0, 2000),
    improveByLabel: t(locale, 'guidance.field.improve_by'),
    improveByValue: /^\d{4}-\d{2}-\d{2}$/.test(str('improveBy')) ? str('improveBy') : today,
    submitLabel: t(locale, 'guidance.submit'),
  });
}

/** 「指導記録」: the officer gets the form and their list; 統括 the list; a member their own record. */
export async function sendGuidance(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const locale = turnLocale(ctx);
  const person = actingPerson(ctx);
  const members = await membersOf(deps, person.id);
  if (members.length > 0) {
    await ctx.sendActivity({
      attachments: [cardAttachment(formCard(locale, members, todayJst(deps.clock)))],
    });
  }
  await sendList(ctx, deps, locale);
}

/** The follow-up card for `personId`, or null when they may not decide the entry (any more). */
export async function renderGuidanceFollowup(
  db: SqlClient,
  guidanceId: number,
  personId: string,
  locale: Locale,
): Promise<AdaptiveCardJson | null> {
  const g = await guidanceForDecision(db, personId, guidanceId);
  if (!g) return null;
  const names = await guidanceNames(db);
  return renderCard('guidance-followup', {
    title: t(locale, 'guidance.followup.title'),
    text: t(locale, 'guidance.followup.text', { name: names.person(g.memberId), date: g.improveBy }),
    rows: [
      { label: t(locale, 'guidance.followup.rule'), value: g.rule },
      { label: t(locale, 'guidance.followup.guidance'), value: g.guidance },
    ],
    basis: basis(locale, GUIDANCE_ARTICLE),
    kindLabel: t(locale, 'guidance.followup.kind'),
    suspendLabel: t(locale, 'guidance.followup.kind.suspend'),
    revokeLabel: t(locale, 'guidance.followup.kind.revoke'),
    systemsLabel: t(locale, 'guidance.followup.systems'),
    fromLabel: t(locale, 'guidance.followup.from'),
    fromValue: g.improveBy,
    improvedLabel: t(locale, 'guidance.followup.improved'),
    suspendButtonLabel: t(locale, 'guidance.followup.not_improved'),
    guidanceId: g.id,
  });
}

function refusalText(locale: Locale, reason: string): string {
  return t(locale, reason === 'already_decided' ? 'guidance.already_decided' : 'guidance.unavailable');
}

export const guidanceCardHandlers: Pick<
  CardHandlers,
  'guidance.record' | 'guidance.improved' | 'guidance.suspend'
> = {
  'guidance.record': async (ctx, action, deps) => {
    const locale = turnLocale(ctx);
    const person = actingPerson(ctx);
    const raw = action as Record<string, unknown>;
    const parsed = parseGuidanceInput(raw, todayJst(deps.clock));
    if (!parsed.ok) {
      const members = await membersOf(deps, person.id);
      if (members.length === 0) {
        await ctx.sendActivity(t(locale, 'guidance.no_members'));
        return;
      }
      const card = formCard(locale, members, todayJst(deps.clock), raw, errorText(locale, parsed.errors));
      await ctx.sendActivity({ attachments: [cardAttachment(card)] });
      return;
    }
    const r = await recordGuidance(deps.db, deps.clock, person, parsed.value);
    if (!r.ok) {
      await ctx.sendActivity(t(locale, 'guidance.refused'));
      return;
    }
    deps.sender?.kick();
    const names = await guidanceNames(deps.db);
    await ctx.sendActivity(
      withCitation(
        locale,
        t(locale, 'guidance.recorded', { name: names.person(r.value.memberId), date: r.value.improveBy }),
        GUIDANCE_ARTICLE,
      ),
    );
  },
  'guidance.improved': async (ctx, action, deps) => {
    const locale = turnLocale(ctx);
    const r = await decideGuidance(deps.db, deps.clock, actingPerson(ctx).aadObjectId, action.guidanceId, {
      outcome: 'improved',
    });
    if (r.ok) deps.sender?.kick();
    await ctx.sendActivity(r.ok ? t(locale, 'guidance.improved_done') : refusalText(locale, r.reason));
  },
  'guidance.suspend': async (ctx, action, deps) => {
    const locale = turnLocale(ctx);
    const parsed = parseSuspensionInput(action as Record<string, unknown>);
    if (!parsed.ok) {
      await ctx.sendActivity(errorText(locale, parsed.errors));
      return;
    }
    const r = await decideGuidance(deps.db, deps.clock, actingPerson(ctx).aadObjectId, action.guidanceId, {
      outcome: 'suspended',
      ...parsed.value,
    });
    if (r.ok) deps.sender?.kick();
    await ctx.sendActivity(
      r.ok
        ? withCitation(locale, t(locale, 'guidance.suspended_done'), GUIDANCE_ARTICLE)
        : refusalText(locale, r.reason),
    );
  },
};
