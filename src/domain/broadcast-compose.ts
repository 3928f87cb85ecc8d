// What a sender may choose on the compose card, and whether a composed broadcast is complete.
// Pure: the directory and the content in, options and field errors (message keys) out. Whether the
// sender may send it to that audience is domain/broadcast.ts maySendBroadcast, checked on preview
// and on send.
import { msg, type Msg } from '../i18n';
import {
  BODY_MAX,
  BROADCAST_PURPOSE_IDS,
  BROADCAST_PURPOSES,
  CHOICE_MAX,
  MAX_CHOICES,
  MIN_CHOICES,
  officerSections,
  senderRoles,
  TITLE_MAX,
  type AnswerSpec,
  type Audience,
  type BroadcastPurpose,
  type SendDenyReason,
  type SendingAs,
} from './broadcast';
import type { Directory, Person } from './directory';

/** The audience choices of the card: all staff, chosen sections, officers (of all or chosen sections). */
export const AUDIENCE_CHOICES = ['everyone', 'sections', 'officers'] as const;
export type AudienceChoice = (typeof AUDIENCE_CHOICES)[number];

export interface ComposeOptions {
  roles: SendingAs[];
  /** Purposes one of the sender's roles may send, in table order. */
  purposes: BroadcastPurpose[];
  /** Sections the sender may reach: every section for IT管理者 and 統括, else their own. */
  sections: Array<{ code: string; name: string }>;
  audiences: AudienceChoice[];
  /** 統括 who may be named as the instructing officer (12(5)②エ); the sender is never listed. */
  chiefs: Array<{ id: string; name: string }>;
  /** 統括 themselves need name nobody: they give the instruction. */
  isChief: boolean;
}

/** Anyone who may send anything: IT管理者, 統括, a 課情報セキュリティ責任者. */
export function isBroadcastSender(dir: Directory, person: Person): boolean {
  return senderRoles(dir, person).length > 0;
}

export function composeOptions(dir: Directory, person: Person): ComposeOptions {
  const roles = senderRoles(dir, person);
  const wide = roles.includes('it_admin') || roles.includes('chief_officer');
  const own = new Set(officerSections(dir, person.id));
  return {
    roles,
    purposes: BROADCAST_PURPOSE_IDS.filter((p) =>
      (BROADCAST_PURPOSES[p].senders as readonly SendingAs[]).some((r) => roles.includes(r)),
    ),
    sections: dir.sections
      .filter((s) => wide || own.has(s.code))
      .map((s) => ({ code: s.code, name: s.name })),
    audiences: wide ? [...AUDIENCE_CHOICES] : ['sections'],
    chiefs: dir.people
      .filter((p) => p.isChiefOfficer && p.id !== person.id)
      .map((p) => ({ id: p.id, name: p.name })),
    isChief: person.isChiefOfficer,
  };
}

/** The card's audience choice of a stored audience. */
export function audienceChoiceOf(a: Audience): AudienceChoice {
  if (a.officersOnly) return 'officers';
  return a.kind === 'everyone' ? 'everyone' : 'sections';
}

/** The compose card's input ids: errors are keyed by them. */
export type ComposeField =
  | 'purpose'
  | 'mode'
  | 'severity'
  | 'title'
  | 'body'
  | 'audience'
  | 'sections'
  | 'answerKind'
  | 'choices'
  | 'remind'
  | 'instructedBy'
  | '_form';

export type ComposeErrors = Partial<Record<ComposeField, Msg>>;

function textErrors(
  errors: ComposeErrors,
  field: 'title' | 'body',
  value: string,
  max: number,
  label: Msg,
): void {
  if (value.trim() === '') errors[field] = msg('form.error.required', { label });
  else if (value.length > max) errors[field] = msg('bcompose.error.tooLong', { label, max });
}

/**
 * Whether stored content is complete enough to be previewed and sent: title and body, sections
 * for a section audience (and only reachable ones), 2–4 distinct choices for a question, a
 * purpose this sender may use. Who may send it to whom is maySendBroadcast's.
 */
export function validateComposed(
  c: { purpose: BroadcastPurpose; title: string; body: string; audience: Audience; answer: AnswerSpec },
  options: ComposeOptions,
): ComposeErrors {
  const errors: ComposeErrors = {};
  if (!options.purposes.includes(c.purpose)) errors.purpose = msg('bcompose.error.purpose');
  textErrors(errors, 'title', c.title, TITLE_MAX, msg('bcompose.field.title'));
  textErrors(errors, 'body', c.body, BODY_MAX, msg('bcompose.field.body'));
  const reachable = new Set(options.sections.map((s) => s.code));
  if (c.audience.kind === 'sections') {
    if (c.audience.sectionCodes.length === 0) errors.sections = msg('bcompose.error.sections');
    else if (c.audience.sectionCodes.some((code) => !reachable.has(code)))
      errors.sections = msg('bcompose.error.sectionNotReachable');
  } else if (!options.audiences.includes(audienceChoiceOf(c.audience))) {
    errors.audience = msg('bcompose.error.audience');
  }
  if (c.answer.kind === 'choice') {
    const labels = c.answer.choices.map((ch) => ch.label.trim());
    if (labels.length < MIN_CHOICES || labels.length > MAX_CHOICES || labels.some((l) => l === ''))
      errors.choices = msg('bcompose.error.choiceCount', { min: MIN_CHOICES, max: MAX_CHOICES });
    else if (labels.some((l) => l.length > CHOICE_MAX))
      errors.choices = msg('bcompose.error.choiceTooLong', { max: CHOICE_MAX });
    else if (new Set(labels).size !== labels.length) errors.choices = msg('bcompose.error.choiceDuplicate');
  }
  return errors;
}

/** Which field a refusal of maySendBroadcast belongs to on the compose card. */
export function refusalField(reason: SendDenyReason): ComposeField {
  switch (reason) {
    case 'purpose_not_for_role':
      return 'purpose';
    case 'audience_not_for_purpose':
      return 'audience';
    case 'not_own_section':
    case 'no_sections':
      return 'sections';
    case 'instruction_required':
    case 'instructor_not_chief':
      return 'instructedBy';
    default:
      return '_form';
  }
}
