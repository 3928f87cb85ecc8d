// The case card's action groups: for each verb the viewer may use, a heading, its inputs and its
// buttons, in a fixed order. Deny by default: a group exists only for a verb in `allowedVerbs` (the
// caller leaves them all out on a final case); the handler re-checks every click anyway.
import { OPERATING_RULE, type Citations } from '../../domain/articles';
import { ACKNOWLEDGE_ARTICLE, CLOSE_ARTICLE, REPORT_CHIEF_ARTICLE } from '../../domain/case-articles';
import { isIncidentKind } from '../../domain/cases';
import { CASE_TEXT_MAX_LENGTH } from '../../domain/decisions';
import type { CaseActionVerb } from '../card-actions';
import { basis, withCitation } from '../citation';
import { t, type Locale } from '../i18n';
import type { CaseCardInput } from './case-card-input';
import type { DetailLevel } from './case-card-levels';
import type { CaseCardData } from './schemas/case-card';

/** The case action schema's text limit (domain/decisions.ts), enforced by the inputs too. */
export const CASE_INPUT_MAX_LENGTH = CASE_TEXT_MAX_LENGTH;

type ActionGroup = CaseCardData['actionGroups'][number];
type CardInput = ActionGroup['inputs'][number];
type Button = ActionGroup['buttons'][number];

/** What every group builder reads. */
interface GroupContext {
  locale: Locale;
  input: CaseCardInput;
  allowed: ReadonlySet<CaseActionVerb>;
  level: DetailLevel;
}

function textInput(id: string, label: string, opts: Partial<CardInput> = {}): CardInput {
  return {
    id,
    label,
    value: '',
    placeholder: '',
    multiline: true,
    maxLength: CASE_INPUT_MAX_LENGTH,
    ...opts,
  };
}

function button(
  verb: CaseActionVerb,
  title: string,
  withInputs: boolean,
  style: Button['style'] = 'default',
): Button {
  return { verb, title, style, associatedInputs: withInputs ? 'auto' : 'none' };
}

function acknowledgeGroup({ locale, input, allowed }: GroupContext): ActionGroup | undefined {
  if (!allowed.has('case.acknowledge') || !isIncidentKind(input.kind)) return undefined;
  return {
    heading: t(locale, 'caseCard.acknowledgeHint'),
    // The step is the officer's duty on the report; its deadline and the escalation to the deputy
    // and the superior are the organisation's rule.
    basis: basis(locale, [ACKNOWLEDGE_ARTICLE[input.kind], OPERATING_RULE]),
    inputs: [],
    buttons: [button('case.acknowledge', t(locale, 'caseCard.acknowledge'), false, 'positive')],
  };
}

/** The record inputs of `case.record` or `case.consult`, prefilled with what was typed or kept. */
function recordInputs({ locale, input, level }: GroupContext): CardInput[] {
  const typed = input.prefill?.records;
  // Own keys only: a record id such as `constructor` must not pick up Object.prototype.
  const typedRecord = (id: string): string | undefined =>
    typed && Object.hasOwn(typed, id) ? typed[id] : undefined;
  return input.records.map((r) => {
    const label = withCitation(locale, t(locale, r.label), r.article);
    const value = typedRecord(r.id);
    if (value !== undefined) return textInput(`record_${r.id}`, label, { value });
    return level.recordValues || r.value === ''
      ? textInput(`record_${r.id}`, label, { value: r.value })
      : textInput(`record_${r.id}`, label, { placeholder: t(locale, 'caseCard.recordKept') });
  });
}

function recordGroup(ctx: GroupContext): ActionGroup | undefined {
  const { locale, input, allowed } = ctx;
  if (!allowed.has('case.record') || input.records.length === 0) return undefined;
  return {
    heading: t(locale, 'caseCard.recordHeading'),
    basis: '',
    inputs: recordInputs(ctx),
    buttons: [button('case.record', t(locale, 'caseCard.recordSave'), true)],
  };
}

/** 11(2)②: the IT管理者 records the consultation; the click passes the request to 統括 (11(2)③). */
function consultGroup(ctx: GroupContext): ActionGroup | undefined {
  const { locale, input, allowed } = ctx;
  if (!allowed.has('case.consult') || input.records.length === 0) return undefined;
  return {
    heading: t(locale, 'permissions.consult.heading'),
    basis: basis(locale, '11(2)②'),
    inputs: recordInputs(ctx),
    buttons: [button('case.consult', t(locale, 'permissions.consult.button'), true, 'positive')],
  };
}

function reportChiefGroup({ locale, input, allowed }: GroupContext): ActionGroup | undefined {
  if (!allowed.has('case.report_chief') || !isIncidentKind(input.kind)) return undefined;
  return {
    heading: t(locale, 'caseCard.reportChiefHeading'),
    basis: basis(locale, REPORT_CHIEF_ARTICLE[input.kind]),
    inputs: [],
    buttons: [button('case.report_chief', t(locale, 'caseCard.reportChief'), false)],
  };
}

function closeGroup({ locale, input, allowed }: GroupContext): ActionGroup | undefined {
  if (!allowed.has('case.close') || !isIncidentKind(input.kind)) return undefined;
  const closure = input.prefill?.closure ?? {};
  return {
    heading: t(locale, 'caseCard.closeHeading'),
    // The breach record (12(5)②カ: content, cause, confirmed damage, scope) or the failure record
    // (12(5)①オ), as the state machine records it.
    basis: basis(locale, CLOSE_ARTICLE[input.kind]),
    inputs: [
      textInput('closure_content', t(locale, 'caseCard.closeContent'), { value: closure.content ?? '' }),
      textInput('closure_cause', t(locale, 'caseCard.closeCause'), { value: closure.cause ?? '' }),
      textInput('closure_damage', t(locale, 'caseCard.closeDamage'), { value: closure.damage ?? '' }),
      textInput('closure_scope', t(locale, 'caseCard.closeScope'), { value: closure.scope ?? '' }),
    ],
    buttons: [button('case.close', t(locale, 'caseCard.close'), true, 'positive')],
  };
}

/**
 * What the decision buttons rest on: the same citation the state machine records for the click
 * (decisions.ts, from case-articles.ts).
 */
function decisionArticle(input: CaseCardInput, urgentEndorse: boolean): Citations | undefined {
  if (input.kind === 'exception') return urgentEndorse ? '12(6)②' : '12(6)①';
  if (isIncidentKind(input.kind)) return undefined;
  return input.decisionBasis;
}

function decisionGroup({ locale, input, allowed }: GroupContext): ActionGroup | undefined {
  // At the officer's stage of an exception, endorsing replaces approving: 統括 permits (12(6)①),
  // or the officer decides to act at once and 統括 is told afterwards (12(6)②).
  const endorse = allowed.has('case.endorse');
  const approve = !endorse && allowed.has('case.approve');
  const reject = allowed.has('case.reject');
  if (!endorse && !approve && !reject) return undefined;
  const prefill = input.prefill ?? {};
  const urgent = endorse && input.endorseLabelKind === 'urgent';
  const commentLabel = t(locale, reject ? 'caseCard.commentRejectRequired' : 'caseCard.commentOptional');
  const inputs: CardInput[] = [
    // Not isRequired: approving needs no comment; the handler refuses a reject without one.
    textInput('comment', commentLabel, { value: prefill.comment ?? '' }),
  ];
  if (approve) {
    inputs.push(
      textInput('conditions', t(locale, 'caseCard.conditions'), {
        placeholder: t(locale, 'caseCard.conditionsPlaceholder'),
        value: prefill.conditions ?? '',
      }),
    );
  }
  const buttons: Button[] = [];
  if (endorse) {
    const label = urgent ? 'caseCard.endorseUrgent' : 'caseCard.endorseForward';
    buttons.push(button('case.endorse', t(locale, label), true, 'positive'));
  }
  if (approve) buttons.push(button('case.approve', t(locale, 'caseCard.approve'), true, 'positive'));
  if (reject) buttons.push(button('case.reject', t(locale, 'caseCard.reject'), true, 'destructive'));
  // At the consultation stage a refusal is the IT管理者's: sufficient measures not confirmed (11(2)②).
  const article: Citations | undefined = allowed.has('case.consult')
    ? '11(2)②'
    : decisionArticle(input, urgent);
  return {
    heading: t(locale, 'caseCard.decisionHeading'),
    basis: article === undefined ? '' : basis(locale, article),
    inputs,
    buttons,
  };
}

function postReportGroup({ locale, allowed }: GroupContext): ActionGroup | undefined {
  if (!allowed.has('case.ack_post_report')) return undefined;
  return {
    heading: t(locale, 'caseCard.postReportHeading'),
    basis: basis(locale, '12(6)②'),
    inputs: [],
    buttons: [button('case.ack_post_report', t(locale, 'caseCard.ackPostReport'), false, 'positive')],
  };
}

/** The card's fixed order of action groups. */
const GROUPS: readonly ((ctx: GroupContext) => ActionGroup | undefined)[] = [
  acknowledgeGroup,
  recordGroup,
  consultGroup,
  reportChiefGroup,
  closeGroup,
  decisionGroup,
  postReportGroup,
];

/** The action groups, in a fixed order, for the verbs the viewer may use. */
export function actionGroups(locale: Locale, input: CaseCardInput, level: DetailLevel): ActionGroup[] {
  const ctx: GroupContext = { locale, input, allowed: new Set(input.allowedVerbs), level };
  return GROUPS.flatMap((group) => group(ctx) ?? []);
}
